import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, PRESETS, validateClasses } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import type { ClassifySettings, ClassDef } from '../../src/lib/engine/types';
import { columnsOf } from './helpers';

const settings = (classes: ClassDef[] = [...PRESETS.abc]): ClassifySettings => ({
	metric: 'revenue',
	returns: 'net',
	classes,
	keyShare: 0.1,
	monoShare: 0.5
});

function run(rows: { key: string; amount: number }[], classes?: ClassDef[]) {
	const data = columnsOf(rows);
	const s = settings(classes);
	const c = classify(aggregate(data, s), data.customerKeys, s);
	return {
		c,
		keys: Array.from(c.rankOrder, (i) => data.customerKeys[i]),
		classes: Array.from(c.classIndex, (k) => s.classes[k].name)
	};
}

const TINY = [
	{ key: 'A', amount: 500 },
	{ key: 'B', amount: 250 },
	{ key: 'C', amount: 150 },
	{ key: 'D', amount: 60 },
	{ key: 'E', amount: 40 }
];

describe('ABC classification (README "The rules: Classes by cumulative share") on tiny.csv', () => {
	it('gives the hand-worked ABC classes of tiny.expected.md', () => {
		const { keys, classes, c } = run(TINY);
		expect(keys).toEqual(['A', 'B', 'C', 'D', 'E']);
		expect(classes).toEqual(['A', 'A', 'A', 'B', 'C']);
		expect(Array.from(c.share)).toEqual([0.5, 0.25, 0.15, 0.06, 0.04]);
		expect(Array.from(c.isKeyCustomer)).toEqual([1, 1, 1, 0, 0]);
		expect(c.concentration.monoClient).toBe(true);
		expect(c.concentration.customersFor80).toBe(3);
		expect(c.concentration.customersFor80Share).toBeCloseTo(0.6, 12);
	});

	it('gives gold/silver/bronze 65/85 as in tiny.expected.md', () => {
		const { classes } = run(TINY, [...PRESETS.gsb]);
		expect(classes).toEqual(['gold', 'gold', 'silver', 'bronze', 'bronze']);
	});

	it('keeps the customer that crosses a boundary in the upper class, and one exactly on it in the next', () => {
		// before(B)=0.5 < 0.8 → A even though B takes the cumulative to 0.9; before(C)=0.9 → B
		expect(
			run([
				{ key: 'A', amount: 50 },
				{ key: 'B', amount: 40 },
				{ key: 'C', amount: 10 }
			]).classes
		).toEqual(['A', 'A', 'B']);
		// before(C) is exactly 0.8: not < 0.8, so C is B
		expect(
			run([
				{ key: 'A', amount: 40 },
				{ key: 'B', amount: 40 },
				{ key: 'C', amount: 15 },
				{ key: 'D', amount: 5 }
			]).classes
		).toEqual(['A', 'A', 'B', 'C']);
	});

	it('is exact at boundaries where floats would misjudge (0.1 + 0.2 style sums)', () => {
		// totals in cents: 7 customers, cumulative before the 4th is exactly 95 % of the total
		const rows = [
			{ key: 'a', amount: 4000 },
			{ key: 'b', amount: 4000 },
			{ key: 'c', amount: 1500 },
			{ key: 'd', amount: 300 },
			{ key: 'e', amount: 200 }
		];
		// before(d) = 9500 / 10000 = 0.95 exactly → not < 0.95 → C
		expect(run(rows).classes).toEqual(['A', 'A', 'B', 'C', 'C']);
	});

	it('breaks ties by key in code-unit order ("10" before "9")', () => {
		const { keys } = run([
			{ key: '9', amount: 10 },
			{ key: '10', amount: 10 },
			{ key: 'b', amount: 10 },
			{ key: 'B', amount: 10 }
		]);
		expect(keys).toEqual(['10', '9', 'B', 'b']);
	});

	it('ranks zero and negative totals last, always in the lowest class', () => {
		const { keys, classes, c } = run([
			{ key: 'neg', amount: -30 },
			{ key: 'zero', amount: 0 },
			{ key: 'big', amount: 100 }
		]);
		expect(keys).toEqual(['big', 'zero', 'neg']);
		expect(classes).toEqual(['A', 'C', 'C']);
		expect(c.total).toBe(100);
		expect(c.cumShare[2]).toBe(1);
	});

	it('nets returns by default and can ignore them', () => {
		const rows = [
			{ key: 'x', amount: 100 },
			{ key: 'x', amount: -40 },
			{ key: 'y', amount: 70 }
		];
		const data = columnsOf(rows);
		const net = aggregate(data, { metric: 'revenue', returns: 'net' });
		const ignore = aggregate(data, { metric: 'revenue', returns: 'ignore' });
		expect(Array.from(net.totals)).toEqual([60, 70]);
		expect(Array.from(ignore.totals)).toEqual([100, 70]);
	});

	it('handles an empty dataset and a single customer', () => {
		expect(run([]).classes).toEqual([]);
		const one = run([{ key: 'only', amount: 5 }]);
		expect(one.classes).toEqual(['A']);
		expect(one.c.concentration.monoClient).toBe(true);
		expect(one.c.concentration.gini).toBe(0);
	});

	it('sums big totals exactly beyond 2^53 with the BigInt path', () => {
		const big = Number.MAX_SAFE_INTEGER - 1;
		const data = columnsOf([
			{ key: 'a', amount: big },
			{ key: 'a', amount: 4 },
			{ key: 'a', amount: -4 }
		]);
		const t = aggregate(data, { metric: 'revenue', returns: 'net' });
		expect(t.approximate).toBe(true);
		expect(t.totals[0]).toBe(big);
	});

	it('validates custom bounds', () => {
		expect(validateClasses([...PRESETS.abc])).toBeNull();
		expect(validateClasses([{ name: 'A', upTo: 1 }])).toBe('classes-count');
		expect(
			validateClasses([
				{ name: 'A', upTo: 0.9 },
				{ name: 'B', upTo: 0.5 },
				{ name: 'C', upTo: 1 }
			])
		).toBe('classes-order');
		expect(
			validateClasses([
				{ name: 'A', upTo: 0.5 },
				{ name: 'B', upTo: 0.9 }
			])
		).toBe('classes-last');
	});
});

describe('classification properties', () => {
	const rowsArb = fc.array(
		fc.record({
			key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '10', '9', 'Ж'),
			amount: fc.integer({ min: -500, max: 100_000 })
		}),
		{ minLength: 1, maxLength: 80 }
	);
	const classesArb = fc.constantFrom<ClassDef[]>(
		[...PRESETS.abc],
		[...PRESETS.gsb],
		[...PRESETS.abc702010],
		[
			{ name: 'X', upTo: 0.3 },
			{ name: 'Y', upTo: 0.6 },
			{ name: 'Z', upTo: 0.9 },
			{ name: 'W', upTo: 1 }
		]
	);

	it('segment shares add up to 100 % of customers and of the metric', () => {
		fc.assert(
			fc.property(rowsArb, classesArb, (rows, classes) => {
				const { c } = run(rows, classes);
				// customers with a total ≤ 0 are their own row outside the classes (README "Segment totals")
				const customers = c.segments.reduce((s, r) => s + r.customers, 0) + c.nonPositive.customers;
				expect(customers).toBe(c.rankOrder.length);
				expect(c.nonPositive.customers).toBe(Array.from(c.value).filter((v) => v <= 0).length);
				expect(c.segments.reduce((s, r) => s + r.customerShare, 0) + c.nonPositive.customerShare).toBeCloseTo(1, 9);
				// the class sums make the share base whatever the negatives; base + non-positive sum = net
				expect(c.segments.reduce((s, r) => s + r.value, 0)).toBe(c.total);
				expect(c.total + c.nonPositive.value).toBe(c.netTotal);
				expect(c.netTotal).toBe(Array.from(c.value).reduce((s, v) => s + v, 0));
				if (Array.from(c.value).some((v) => v > 0)) {
					expect(c.segments.reduce((s, r) => s + r.valueShare, 0)).toBeCloseTo(1, 9);
				}
			})
		);
	});

	it('classes never go up as rank goes down', () => {
		fc.assert(
			fc.property(rowsArb, classesArb, (rows, classes) => {
				const { c } = run(rows, classes);
				for (let r = 1; r < c.classIndex.length; r++)
					expect(c.classIndex[r]).toBeGreaterThanOrEqual(c.classIndex[r - 1]);
			})
		);
	});

	it('a permutation of the input rows gives the same result', () => {
		fc.assert(
			fc.property(rowsArb, fc.integer(), (rows, seed) => {
				const shuffled = [...rows];
				let s = seed >>> 0;
				for (let i = shuffled.length - 1; i > 0; i--) {
					s = (s * 1103515245 + 12345) >>> 0;
					const j = s % (i + 1);
					[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
				}
				const a = run(rows);
				const b = run(shuffled);
				expect(b.keys).toEqual(a.keys);
				expect(b.classes).toEqual(a.classes);
				expect(Array.from(b.c.value)).toEqual(Array.from(a.c.value));
			})
		);
	});

	it('scaling all amounts by a constant changes no class', () => {
		fc.assert(
			fc.property(rowsArb, fc.integer({ min: 2, max: 1000 }), classesArb, (rows, k, classes) => {
				const a = run(rows, classes);
				const b = run(
					rows.map((r) => ({ ...r, amount: r.amount * k })),
					classes
				);
				expect(b.keys).toEqual(a.keys);
				expect(b.classes).toEqual(a.classes);
			})
		);
	});
});

describe('rank-based preset 20/30/50 % of customers', () => {
	it('puts the top 20 % of customers in A, the next 30 % in B, the rest in C; non-positive totals last', () => {
		const rows = 'abcdefghij'.split('').map((k, i) => ({ key: k, amount: 100 - i }));
		rows.push({ key: 'z', amount: -5 });
		const data = columnsOf(rows);
		const s = { ...settings([...PRESETS.rank203050]), basis: 'count' as const };
		const c = classify(aggregate(data, s), data.customerKeys, s);
		// 11 customers: before-share r/11 < 20 % for r = 0..2 → A (3), < 50 % for r = 3..5 → B (3), rest C (5)
		expect(Array.from(c.classIndex)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
	});
});
