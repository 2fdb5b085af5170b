/**
 * RFM (README "The rules: RFM"): quintile scores with ties kept together, worked by hand, and the
 * segment of each customer on a small dataset whose every number is written out below.
 */
import { describe, expect, it } from 'vitest';
import { NO_DAY } from '../../src/lib/core/calendar';
import { lastPurchases, quintileScores, rfm, RFM_SEGMENTS, SEGMENT_GRID } from '../../src/lib/engine/rfm';
import { monthlyTotals } from '../../src/lib/engine/monthly';
import { build, day } from './drill-fixture';

describe('quintile scores', () => {
	it('five distinct values take the five scores; ten take each score twice', () => {
		expect(quintileScores([10, 20, 30, 40, 50])).toEqual([1, 2, 3, 4, 5]);
		expect(quintileScores([50, 40, 30, 20, 10])).toEqual([5, 4, 3, 2, 1]);
		expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
	});

	it('keeps ties together at their mid-rank: [1, 1, 2, 3] → p = 0.25, 0.25, 0.625, 0.875', () => {
		expect(quintileScores([1, 1, 2, 3])).toEqual([2, 2, 4, 5]);
	});

	it('a single customer and all-equal values score 3 (the middle): there is nothing to rank against', () => {
		expect(quintileScores([7])).toEqual([3]);
		expect(quintileScores([5, 5, 5, 5])).toEqual([3, 3, 3, 3]);
		expect(quintileScores([])).toEqual([]);
	});

	it('recency: fewer days is better', () => {
		// 100 days: p = 0.5/3 → 1; 30: p = 1.5/3 → 3; 5: p = 2.5/3 → 5
		expect(quintileScores([5, 30, 100], false)).toEqual([5, 3, 1]);
	});
});

describe('the segment map', () => {
	it('names every one of the 25 cells, and every segment names at least one cell', () => {
		expect(SEGMENT_GRID).toHaveLength(5);
		for (const row of SEGMENT_GRID) expect(row).toHaveLength(5);
		const used = new Set(SEGMENT_GRID.flat());
		expect([...used].sort()).toEqual([...RFM_SEGMENTS].sort());
	});
});

describe('rfm on a hand-worked dataset', () => {
	const ref = day(2025, 6, 30);
	// customer: last purchase (days before 30 June 2025), orders, revenue
	// A: 0 days, 3 orders, 300 · B: 10, 2, 500 · C: 40, 1, 100 · D: 100, 4, 50 (12.5 each)
	// E: 200 days, 1 order of 1 000, and a return of 100 on 30 June (not a purchase, not a payment)
	const data = build([
		{ key: 'A', amount: 100, day: ref - 20, order: 1 },
		{ key: 'A', amount: 100, day: ref - 5, order: 2 },
		{ key: 'A', amount: 100, day: ref, order: 3 },
		{ key: 'B', amount: 250, day: ref - 30, order: 4 },
		{ key: 'B', amount: 250, day: ref - 10, order: 5 },
		{ key: 'C', amount: 60, day: ref - 40, order: 6 },
		{ key: 'C', amount: 40, day: ref - 40, order: 6 },
		{ key: 'D', amount: 12.5, day: ref - 300, order: 7 },
		{ key: 'D', amount: 12.5, day: ref - 200, order: 8 },
		{ key: 'D', amount: 12.5, day: ref - 150, order: 9 },
		{ key: 'D', amount: 12.5, day: ref - 100, order: 10 },
		{ key: 'E', amount: 1000, day: ref - 200, order: 11 },
		{ key: 'E', amount: -100, day: ref, order: 12 }
	]);
	const byKey = (result: ReturnType<typeof rfm>) =>
		Object.fromEntries(result.customers.map((c) => [data.customerKeys[c.customer], c]));

	it('scores and segments: A 543 champions, B 434 potential loyalist, C 322 about to sleep, D 251 can’t lose them, E 125 lost', () => {
		const result = rfm(data, { returns: 'net' });
		expect(result.referenceDay).toBe(ref);
		const c = byKey(result);
		// R (days 0, 10, 40, 100, 200) → 5, 4, 3, 2, 1
		// F (3, 2, 1, 4, 1): the two 1s tie at p = 0.2 → 2; 2 → 3; 3 → 4; 4 → 5
		// M (300, 500, 100, 50, 900) → 3, 4, 2, 1, 5
		expect(
			Object.fromEntries(
				Object.entries(c).map(([k, v]) => [k, [v.recencyDays, v.frequency, v.monetary, v.code, v.segment]])
			)
		).toEqual({
			A: [0, 3, 300, '543', 'champions'],
			B: [10, 2, 500, '434', 'potentialLoyalist'],
			C: [40, 1, 100, '322', 'aboutToSleep'],
			D: [100, 4, 50, '251', 'cantLoseThem'],
			E: [200, 1, 900, '125', 'lost']
		});
		expect(result.counts).toEqual({
			champions: 1,
			loyal: 0,
			potentialLoyalist: 1,
			new: 0,
			promising: 0,
			needAttention: 0,
			aboutToSleep: 1,
			atRisk: 0,
			cantLoseThem: 1,
			hibernating: 0,
			lost: 1
		});
	});

	it('returns ignored: E’s monetary value is its 1 000 of sales', () => {
		expect(byKey(rfm(data, { returns: 'ignore' })).E.monetary).toBe(1000);
	});

	it('a period counts back from its end and leaves out customers without a purchase in it', () => {
		const result = rfm(data, { returns: 'net', dateFrom: ref - 60, dateTo: ref - 30 });
		expect(result.referenceDay).toBe(ref - 30);
		const c = byKey(result);
		expect(Object.keys(c).sort()).toEqual(['B', 'C']);
		expect([c.B.recencyDays, c.C.recencyDays]).toEqual([0, 10]);
	});

	it('one customer is in the middle of every score: 333, need attention', () => {
		const one = build([{ key: 'solo', amount: 10, day: ref, order: 1 }]);
		expect(rfm(one, { returns: 'net' }).customers.map((c) => [c.code, c.segment])).toEqual([['333', 'needAttention']]);
	});

	it('without a date column there is nothing to score', () => {
		const undated = build([{ key: 'A', amount: 10 }]);
		const result = rfm(undated, { returns: 'net' });
		expect(result.customers).toEqual([]);
		expect(result.referenceDay).toBe(NO_DAY);
	});

	it('its one-pass last purchases equal the monthly totals’ (with and without a period, returns netted or ignored)', () => {
		for (const opts of [
			{ returns: 'net' as const },
			{ returns: 'ignore' as const },
			{ returns: 'net' as const, dateFrom: ref - 60, dateTo: ref - 30 },
			{ returns: 'ignore' as const, dateFrom: ref - 250, dateTo: ref + 10 }
		]) {
			const fast = lastPurchases(data, opts);
			const monthly = monthlyTotals(data, { ...opts, metric: 'revenue' });
			expect(fast.referenceDay, JSON.stringify(opts)).toBe(monthly.referenceDay);
			expect([...fast.customers], JSON.stringify(opts)).toEqual([...monthly.customers]);
			expect([...fast.lastPurchase], JSON.stringify(opts)).toEqual([...monthly.lastPurchase]);
			expect(rfm(data, opts, monthly)).toEqual(rfm(data, opts));
		}
	});
});
