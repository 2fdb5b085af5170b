import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRESETS } from '../../src/lib/engine/abc';
import { compareMetrics } from '../../src/lib/engine/compare';
import type { ClassDef, ClassifySettings, Metric, SalesColumns } from '../../src/lib/engine/types';
import { salesWith } from './helpers';

/** Local fixture builder: amount, quantity and profit in whole minor units (scale 0). */
interface Row {
	key: string;
	amount: number;
	quantity?: number;
	profit?: number;
	day?: number | null;
}
function salesOfRows(rows: Row[]): SalesColumns {
	return salesWith(rows);
}

const settings = (classes: ClassDef[] = [...PRESETS.abc], extra: Partial<ClassifySettings> = {}): ClassifySettings => ({
	metric: 'revenue',
	returns: 'net',
	classes,
	keyShare: 0.1,
	monoShare: 0.5,
	...extra
});

/*
 * ABC 80/95.
 *            revenue  units
 *   a        500      4
 *   b        300      25
 *   c        100      50
 *   d         60      15
 *   e         40      6
 * Revenue (total 1000): a 0, b .5 → A; c .8 → B; d .9 → B; e .96 → C. Top = [a, b].
 * Units (total 100): c 0, b .5, d .75 → A; e .9 → B; a .96 → C. Top = [c, b, d].
 * Both [b]; only revenue [a]; only units [c, d] (units rank order).
 * Overlap: 1/2 of the revenue top, 1/3 of the units top; Jaccard 1 / |{a, b, c, d}| = 1/4.
 */
const ROWS: Row[] = [
	{ key: 'a', amount: 500, quantity: 4 },
	{ key: 'b', amount: 300, quantity: 25 },
	{ key: 'c', amount: 100, quantity: 50 },
	{ key: 'd', amount: 60, quantity: 15 },
	{ key: 'e', amount: 40, quantity: 6 }
];

describe('compareMetrics (README "The rules: Compare metrics")', () => {
	it('revenue vs units: hand-worked top lists, overlap counts and shares', () => {
		const data = salesOfRows(ROWS);
		const r = compareMetrics(data, settings(), 'revenue', 'units');
		const k = (xs: number[]) => xs.map((i) => data.customerKeys[i]);
		expect(r.a).toBe('revenue');
		expect(r.b).toBe('units');
		expect(k(r.topA)).toEqual(['a', 'b']);
		expect(k(r.topB)).toEqual(['c', 'b', 'd']);
		expect(k(r.both)).toEqual(['b']);
		expect(k(r.onlyA)).toEqual(['a']);
		expect(k(r.onlyB)).toEqual(['c', 'd']);
		expect(r.overlapShareOfA).toBe(0.5);
		expect(r.overlapShareOfB).toBe(1 / 3);
		expect(r.jaccard).toBe(0.25);
	});

	it('swapping the metrics swaps the sides; "both" follows the first metric\'s rank order', () => {
		const data = salesOfRows(ROWS);
		const k = (xs: number[]) => xs.map((i) => data.customerKeys[i]);
		// gold/silver/bronze 65/85. Revenue: a 0, b .5 → gold; c .8 → silver. Units: c 0, b .5 → gold; d .75 → silver.
		const r = compareMetrics(data, settings([...PRESETS.gsb]), 'units', 'revenue');
		expect(k(r.topA)).toEqual(['c', 'b']);
		expect(k(r.topB)).toEqual(['a', 'b']);
		expect(k(r.both)).toEqual(['b']);
		expect(k(r.onlyA)).toEqual(['c']);
		expect(k(r.onlyB)).toEqual(['a']);
		expect([r.overlapShareOfA, r.overlapShareOfB, r.jaccard]).toEqual([0.5, 0.5, 1 / 3]);
	});

	it('revenue vs payments, with the same period and returns policy for both', () => {
		/*
		 * Period: days 10..20. Rows outside it (x's big sale on day 30) and undated rows do not count.
		 * Classes A up to 50 %, B up to 80 %, C the rest.
		 * Revenue: x 100, y 50 + 50 = 100, z 30 + 30 + 30 + 30 − 20 (return) = 100 → all 100: ties by key x, y, z.
		 *   before: x 0 → A, y 1/3 → A, z 2/3 → B.
		 * Payments (a return is not a payment): x 1, y 2, z 4 → z 0 → A, y 4/7 = .571 → B, x 6/7 → C (≥ .8).
		 * Top revenue [x, y], top payments [z]: no overlap, Jaccard 0.
		 */
		const data = salesOfRows([
			{ key: 'x', amount: 100, day: 10 },
			{ key: 'x', amount: 10000, day: 30 },
			{ key: 'y', amount: 50, day: 11 },
			{ key: 'y', amount: 50, day: 12 },
			{ key: 'z', amount: 30, day: 13 },
			{ key: 'z', amount: 30, day: 14 },
			{ key: 'z', amount: 30, day: 15 },
			{ key: 'z', amount: 30, day: 16 },
			{ key: 'z', amount: -20, day: 17 },
			{ key: 'z', amount: 5000, day: null }
		]);
		const classes = [
			{ name: 'A', upTo: 0.5 },
			{ name: 'B', upTo: 0.8 },
			{ name: 'C', upTo: 1 }
		];
		const r = compareMetrics(data, settings(classes, { dateFrom: 10, dateTo: 20 }), 'revenue', 'payments');
		const k = (xs: number[]) => xs.map((i) => data.customerKeys[i]);
		expect(k(r.topA)).toEqual(['x', 'y']);
		expect(k(r.topB)).toEqual(['z']);
		expect(r.both).toEqual([]);
		expect([r.overlapShareOfA, r.overlapShareOfB, r.jaccard]).toEqual([0, 0, 0]);
	});

	it('throws a clear error for units without a quantity column, and profit without a profit column', () => {
		const data = salesOfRows([{ key: 'a', amount: 1 }]);
		expect(() => compareMetrics(data, settings(), 'revenue', 'units')).toThrow(/no quantity column/);
		expect(() => compareMetrics(data, settings(), 'units', 'revenue')).toThrow(/no quantity column/);
		expect(() => compareMetrics(data, settings(), 'profit', 'revenue')).toThrow(/no profit column/);
	});

	it('empty top lists give zero shares, not NaN', () => {
		// every total is negative or zero → everyone in the lowest class, no top customers
		const data = salesOfRows([{ key: 'a', amount: -5, quantity: 0 }]);
		const r = compareMetrics(data, settings(), 'revenue', 'units');
		expect(r.topA).toEqual([]);
		expect([r.overlapShareOfA, r.overlapShareOfB, r.jaccard]).toEqual([0, 0, 0]);
	});

	const rowArb = fc.record({
		key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', '10', '9'),
		amount: fc.integer({ min: 1, max: 1000 }),
		quantity: fc.integer({ min: 0, max: 50 }),
		profit: fc.integer({ min: -100, max: 300 })
	});
	const metricArb = fc.constantFrom<Metric>('revenue', 'payments', 'units', 'profit');

	it('property: a metric compared with itself overlaps fully', () => {
		fc.assert(
			fc.property(
				fc.array(rowArb, { minLength: 1, maxLength: 40 }),
				fc.constantFrom<Metric>('revenue', 'payments'),
				(rows, m) => {
					// revenue and payments are positive for every customer here, so the top list is never empty
					const r = compareMetrics(salesOfRows(rows), settings(), m, m);
					expect(r.topA.length).toBeGreaterThan(0);
					expect(r.topB).toEqual(r.topA);
					expect(r.both).toEqual(r.topA);
					expect(r.onlyA).toEqual([]);
					expect(r.onlyB).toEqual([]);
					expect([r.overlapShareOfA, r.overlapShareOfB, r.jaccard]).toEqual([1, 1, 1]);
				}
			)
		);
	});

	it('property: both/onlyA/onlyB partition the two top lists and the shares agree with the counts', () => {
		fc.assert(
			fc.property(fc.array(rowArb, { minLength: 1, maxLength: 40 }), metricArb, metricArb, (rows, a, b) => {
				const r = compareMetrics(salesOfRows(rows), settings(), a, b);
				expect(r.both.length + r.onlyA.length).toBe(r.topA.length);
				expect(r.both.length + r.onlyB.length).toBe(r.topB.length);
				expect(new Set([...r.both, ...r.onlyA])).toEqual(new Set(r.topA));
				expect(new Set([...r.both, ...r.onlyB])).toEqual(new Set(r.topB));
				const union = new Set([...r.topA, ...r.topB]).size;
				expect(r.jaccard).toBe(union ? r.both.length / union : 0);
				expect(r.overlapShareOfA).toBe(r.topA.length ? r.both.length / r.topA.length : 0);
				expect(r.overlapShareOfB).toBe(r.topB.length ? r.both.length / r.topB.length : 0);
				// lists keep their own metric's rank order
				const pos = new Map(r.topA.map((c, i) => [c, i]));
				const inA = r.both.map((c) => pos.get(c)!);
				expect(inA).toEqual([...inA].sort((x, y) => x - y));
			})
		);
	});
});
