import { describe, expect, it } from 'vitest';
import {
	classDraftBadName,
	classDraftProblems,
	isLetterName,
	withLetterNames,
	withoutLastClass,
	type ClassDraft,
	classDraftInvalid,
	classDraftOf,
	classesOfDraft,
	withNewClass
} from '../../src/lib/state/class-draft';
import { playbookKey } from '../../src/lib/components/format';
import { en } from '../../src/lib/i18n/en';
import { ru } from '../../src/lib/i18n/ru';
import { ro } from '../../src/lib/i18n/ro';

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

	it('adds a class before the last, halfway to 100 %, letters renamed to read A, B, C, D top to bottom', () => {
		expect(withNewClass(classDraftOf(abc))).toEqual([
			{ name: 'A', pct: 80 },
			{ name: 'B', pct: 95 },
			{ name: 'C', pct: 97.5 },
			{ name: 'D', pct: 100 }
		]);
		// the second class added: still in order, the fifth is E
		expect(withNewClass(withNewClass(classDraftOf(abc))).map((d) => d.name)).toEqual(['A', 'B', 'C', 'D', 'E']);
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
		// five is the most: nothing more is added
		expect(withNewClass(withNewClass(withNewClass(classDraftOf(abc)))).length).toBe(5);
	});

	it("keeps the user's own names and renames only single capital letters, by position", () => {
		const draft: ClassDraft[] = [
			{ name: 'VIP', pct: 60 },
			{ name: 'B', pct: 80 },
			{ name: 'Rest', pct: 100 }
		];
		expect(withNewClass(draft)).toEqual([
			{ name: 'VIP', pct: 60 },
			{ name: 'B', pct: 80 },
			{ name: 'C', pct: 90 },
			{ name: 'Rest', pct: 100 }
		]);
		// a letter out of place follows its position; a lower-case or longer name is the user's
		expect(
			withNewClass(
				classDraftOf([
					{ name: 'D', upTo: 0.5 },
					{ name: 'b', upTo: 0.9 },
					{ name: 'AB', upTo: 1 }
				])
			).map((d) => d.name)
		).toEqual(['A', 'b', 'C', 'AB']);
		expect(isLetterName(' C ')).toBe(true);
		expect(isLetterName('Ц')).toBe(false);
		expect(
			withLetterNames([
				{ name: 'E', pct: 50 },
				{ name: 'A', pct: 100 }
			]).map((d) => d.name)
		).toEqual(['A', 'B']);
	});

	it('removes the last class (down to two): the one before it becomes the 100 % class, letters stay in order', () => {
		const five = withNewClass(withNewClass(classDraftOf(abc)));
		expect(withoutLastClass(five)).toEqual([
			{ name: 'A', pct: 80 },
			{ name: 'B', pct: 95 },
			{ name: 'C', pct: 97.5 },
			{ name: 'D', pct: 98.8 }
		]);
		expect(classesOfDraft(withoutLastClass(five)).at(-1)).toEqual({ name: 'D', upTo: 1 });
		const mixed: ClassDraft[] = [
			{ name: 'A', pct: 50 },
			{ name: 'Key', pct: 80 },
			{ name: 'D', pct: 95 },
			{ name: 'E', pct: 100 }
		];
		expect(withoutLastClass(mixed).map((d) => d.name)).toEqual(['A', 'Key', 'C']);
		const two = classDraftOf(abc.slice(1));
		expect(withoutLastClass(two)).toEqual(two);
	});

	it('says which class is wrong and how', () => {
		const ok = classDraftOf(abc);
		expect(classDraftProblems(ok)).toEqual([]);
		expect(classDraftProblems([{ name: ' ', pct: 80 }, ...ok.slice(1)])).toEqual([{ index: 0, kind: 'blankName' }]);
		expect(classDraftProblems([ok[0], { name: 'A ', pct: 95 }, ok[2]])).toEqual([
			{ index: 1, kind: 'repeatedName', other: 0 }
		]);
		expect(classDraftProblems([ok[0], { name: 'B', pct: 99.5 }, ok[2]])).toEqual([{ index: 1, kind: 'boundRange' }]);
		// an emptied number field is null
		expect(classDraftProblems([{ name: 'A', pct: null as unknown as number }, ...ok.slice(1)])).toEqual([
			{ index: 0, kind: 'boundRange' }
		]);
		expect(classDraftProblems([ok[0], { name: 'B', pct: 80 }, ok[2]])).toEqual([
			{ index: 1, kind: 'boundOrder', other: 0 }
		]);
		// the last class's percent is not a bound: whatever it says, it is not a problem
		expect(classDraftProblems([...ok.slice(0, 2), { name: 'C', pct: 7 }])).toEqual([]);
	});
});

describe('the playbook of each class position', () => {
	const keys = (n: number) => Array.from({ length: n }, (_, i) => playbookKey(i, n));

	it('top and bottom always; B/silver for the one middle class; upper and lower middle with 4 or 5', () => {
		expect(keys(2)).toEqual(['play.top', 'play.bottom']);
		expect(keys(3)).toEqual(['play.top', 'play.middle', 'play.bottom']);
		expect(keys(4)).toEqual(['play.top', 'play.upperMiddle', 'play.lowerMiddle', 'play.bottom']);
		expect(keys(5)).toEqual(['play.top', 'play.upperMiddle', 'play.middle', 'play.lowerMiddle', 'play.bottom']);
	});

	it('every position has its own text in every language', () => {
		for (const dict of [en, ru, ro]) {
			const texts = keys(5).map((k) => dict[k]);
			expect(new Set(texts).size).toBe(5);
			for (const text of texts) expect(text.length).toBeGreaterThan(40);
		}
	});
});
