import { describe, expect, it } from 'vitest';
import {
	classDraftBadName,
	classDraftInvalid,
	classDraftOf,
	classesOfDraft,
	withNewClass
} from '../../src/lib/state/class-draft';

const abc = [
	{ name: 'A', upTo: 0.8 },
	{ name: 'B', upTo: 0.95 },
	{ name: 'C', upTo: 1 }
];

describe('the custom classes draft', () => {
	it('shows bounds in percent with one decimal and gives them back as fractions, the last one 1', () => {
		const d = classDraftOf([{ name: 'A', upTo: 0.123456 }, ...abc.slice(1)]);
		expect(d).toEqual([
			{ name: 'A', pct: 12.3 },
			{ name: 'B', pct: 95 },
			{ name: 'C', pct: 100 }
		]);
		const back = classesOfDraft(d);
		expect(back.map((c) => c.name)).toEqual(['A', 'B', 'C']);
		expect(back[0].upTo).toBeCloseTo(0.123, 12);
		expect(back[1].upTo).toBeCloseTo(0.95, 12);
		expect(back[2].upTo).toBe(1);
		// whatever the last class's percent says, it is 100 %
		expect(classesOfDraft([...d.slice(0, 2), { name: 'C', pct: 7 }]).at(-1)!.upTo).toBe(1);
	});

	it('refuses blank or repeated names, bounds outside 1–99 % and bounds that do not increase', () => {
		const ok = classDraftOf(abc);
		expect(classDraftInvalid(ok)).toBe(false);
		expect(classDraftBadName([{ ...ok[0], name: '  ' }, ...ok.slice(1)])).toBe(true);
		expect(classDraftBadName([{ ...ok[0], name: 'B ' }, ...ok.slice(1)])).toBe(true);
		expect(classDraftInvalid([{ ...ok[0], name: 'B ' }, ...ok.slice(1)])).toBe(true);
		expect(classDraftInvalid([{ name: 'A', pct: 0.5 }, ...ok.slice(1)])).toBe(true);
		expect(classDraftInvalid([{ name: 'A', pct: 99.5 }, ...ok.slice(1)])).toBe(true);
		expect(classDraftInvalid([{ name: 'A', pct: 96 }, ...ok.slice(1)])).toBe(true);
		expect(classDraftBadName([{ name: 'A', pct: 96 }, ...ok.slice(1)])).toBe(false);
	});

	it('adds a class before the last, halfway to 100 %, named by the first free letter', () => {
		expect(withNewClass(classDraftOf(abc))).toEqual([
			{ name: 'A', pct: 80 },
			{ name: 'B', pct: 95 },
			{ name: 'D', pct: 97.5 },
			{ name: 'C', pct: 100 }
		]);
		expect(withNewClass([{ name: 'Rest', pct: 100 }])).toEqual([
			{ name: 'A', pct: 75 },
			{ name: 'Rest', pct: 100 }
		]);
		expect(
			withNewClass(
				classDraftOf([
					{ name: 'X', upTo: 0.995 },
					{ name: 'Y', upTo: 1 }
				])
			)[1].pct
		).toBe(99);
	});
});
