import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysFromCivil, monthOf, NO_DAY } from '../../src/lib/core/calendar';
import type { AggregateOptions } from '../../src/lib/engine/aggregate';
import { classifyVip, DEFAULT_VIP, topCount, type VipResult, type VipSettings } from '../../src/lib/engine/vip';
import type { SalesColumns } from '../../src/lib/engine/types';
import { columnsOf, salesOf } from './helpers';

const day = (m: number, d = 15) => daysFromCivil(2024, m, d);
const month = (m: number) => 2024 * 12 + m - 1;
const NET: AggregateOptions = { metric: 'revenue', returns: 'net' };
const MONTHLY: VipSettings = { ...DEFAULT_VIP };
const PERIOD: VipSettings = { ...DEFAULT_VIP, variant: 'period' };

type Row = { key: string; amount: number; day?: number; quantity?: number };

/**
 * Six months (Jan–Jun 2024), all rows on the 15th except E's June row on the 20th (the last
 * day of the data, so referenceDay = 2024-06-20).
 */
const SIX: Row[] = [
	// Jan: 5 payers → ceil(0.2×5)=1 VIP: A (900)
	{ key: 'A', amount: 900, day: day(1) },
	{ key: 'B', amount: 500, day: day(1) },
	{ key: 'C', amount: 300, day: day(1) },
	{ key: 'D', amount: 200, day: day(1) },
	{ key: 'E', amount: 100, day: day(1) },
	// Feb: 6 payers → ceil(0.2×6)=ceil(1.2)=2 VIP: A (800), B (700)
	{ key: 'A', amount: 800, day: day(2) },
	{ key: 'B', amount: 700, day: day(2) },
	{ key: 'C', amount: 100, day: day(2) },
	{ key: 'F', amount: 50, day: day(2) },
	{ key: 'G', amount: 40, day: day(2) },
	{ key: 'H', amount: 30, day: day(2) },
	// Mar: 3 payers → ceil(0.6)=1 VIP: C (1000)
	{ key: 'C', amount: 1000, day: day(3) },
	{ key: 'A', amount: 100, day: day(3) },
	{ key: 'D', amount: 50, day: day(3) },
	// Apr: 3 payers → 1 VIP: D and E tie at 600, D wins by key
	{ key: 'D', amount: 600, day: day(4) },
	{ key: 'E', amount: 600, day: day(4) },
	{ key: 'A', amount: 10, day: day(4) },
	// May: 3 payers → 1 VIP: A (500)
	{ key: 'A', amount: 500, day: day(5) },
	{ key: 'E', amount: 400, day: day(5) },
	{ key: 'F', amount: 300, day: day(5) },
	// Jun: 3 payers → 1 VIP: E (700)
	{ key: 'E', amount: 700, day: day(6, 20) },
	{ key: 'B', amount: 100, day: day(6) },
	{ key: 'G', amount: 50, day: day(6) }
];
// Period totals: A 900+800+100+10+500=2310, E 100+600+400+700=1800, C 300+100+1000=1400,
// B 500+700+100=1300, D 200+50+600=850, F 50+300=350, G 40+50=90, H 30.

function view(data: SalesColumns, r: VipResult) {
	const key = (c: number) => data.customerKeys[c];
	const of = (st: string) => r.customers.filter((c) => c.status === st).map((c) => key(c.customer));
	return {
		order: r.customers.map((c) => key(c.customer)),
		vip: of('vip'),
		good: of('good'),
		regular: of('regular'),
		dropped: r.customers.filter((c) => c.droppedOut).map((c) => key(c.customer)),
		vipMonths: Object.fromEntries(
			r.customers.filter((c) => c.vipMonths.length).map((c) => [key(c.customer), c.vipMonths])
		),
		lost: r.lostVip.map((l) => [key(l.customer), l.daysSince])
	};
}

function run(rows: Row[], s: VipSettings = MONTHLY, opts: AggregateOptions = NET) {
	const data = salesOf(rows);
	const r = classifyVip(data, opts, s);
	return { r, data, v: view(data, r) };
}

describe('topCount: rounded up, exact', () => {
	it('rounds up on the exact share, not on float products', () => {
		// 0.55 × 100 is 55.00000000000001 and 0.07 × 100 is 7.000000000000001 in floats;
		// Math.ceil would give 56 and 8, the exact counts are 55 and 7
		expect(0.55 * 100).toBeGreaterThan(55);
		expect(topCount(0.55, 100, true)).toBe(55);
		expect(0.07 * 100).toBeGreaterThan(7);
		expect(topCount(0.07, 100, true)).toBe(7);
		expect(topCount(0.2, 15, true)).toBe(3);
		expect(topCount(0.2, 16, true)).toBe(4);
		expect(topCount(0.2, 5, true)).toBe(1);
		expect(topCount(0.2, 6, true)).toBe(2);
		expect(topCount(0, 7, true)).toBe(1);
		expect(topCount(0, 7, false)).toBe(0);
		expect(topCount(0.2, 0, true)).toBe(0);
		expect(topCount(1.5, 4, true)).toBe(4);
	});
});

describe('VIP / good / regular, monthly variant (README "The rules: VIP")', () => {
	it('builds the union of monthly VIP with the months each customer was VIP', () => {
		const { r, v } = run(SIX);
		expect(r.months).toEqual([1, 2, 3, 4, 5, 6].map(month));
		// union: A (Jan, Feb, May), B (Feb), C (Mar), D (Apr, tie with E won by key), E (Jun)
		expect(v.vipMonths).toEqual({
			A: [month(1), month(2), month(5)],
			E: [month(6)],
			C: [month(3)],
			B: [month(2)],
			D: [month(4)]
		});
		expect(v.order).toEqual(['A', 'E', 'C', 'B', 'D', 'F', 'G', 'H']);
		expect(r.customers[0].value).toBe(2310);
	});

	it('flags VIP of none of the latest 2 months as dropped out, counted among good', () => {
		const { r, v } = run(SIX);
		// latest 2 months: May (A), Jun (E) → A and E stay VIP; B, C, D dropped out → good.
		// Not in the union: F 350, G 90, H 30 → 3 customers → ceil(0.2×3)=1 good: F.
		expect(v.vip).toEqual(['A', 'E']);
		expect(v.dropped).toEqual(['C', 'B', 'D']);
		expect(v.good).toEqual(['C', 'B', 'D', 'F']);
		expect(v.regular).toEqual(['G', 'H']);
		expect(r.counts).toEqual({ vip: 2, good: 4, regular: 2, droppedOut: 3 });
	});

	it('keeps every union VIP as VIP when latestMonths covers the whole period', () => {
		// latest 6 months = all months: nobody drops out; 5 VIP, non-union F, G, H → 1 good: F
		const { v, r } = run(SIX, { ...MONTHLY, latestMonths: 6 });
		expect(v.vip).toEqual(['A', 'E', 'C', 'B', 'D']);
		expect(v.good).toEqual(['F']);
		expect(r.counts.droppedOut).toBe(0);
		// latestMonths 0 disables dropping out as well
		expect(run(SIX, { ...MONTHLY, latestMonths: 0 }).v.vip).toEqual(['A', 'E', 'C', 'B', 'D']);
	});

	it('flags lost VIP: monthly VIP with no purchase in more than 60 days before referenceDay', () => {
		const { r, v } = run(SIX);
		expect(r.referenceDay).toBe(day(6, 20));
		// last purchases: C 2024-03-15 → 97 days, D 2024-04-15 → 66 days (> 60: lost);
		// A 2024-05-15 → 36, B 2024-06-15 → 5, E 2024-06-20 → 0 (not lost). Sorted by days desc.
		expect(v.lost).toEqual([
			['C', 97],
			['D', 66]
		]);
		expect(r.lostVip[0].lastPurchase).toBe(day(3));
		expect(r.lostVip[0].vipMonths).toEqual([month(3)]);
		// 66 days is not more than 66
		expect(run(SIX, { ...MONTHLY, lostDays: 66 }).v.lost).toEqual([['C', 97]]);
	});

	it('takes 20 % of the customers outside the union, rounded up, as good', () => {
		// One month, 10 payers with 1000, 900, …, 100 → ceil(0.2×10)=2 VIP: K0, K1.
		// Rest: 8 customers → ceil(0.2×8)=ceil(1.6)=2 good: K2, K3; 6 regular.
		const rows = Array.from({ length: 10 }, (_, i) => ({ key: `K${i}`, amount: 1000 - 100 * i, day: day(1) }));
		const { v } = run(rows);
		expect(v.vip).toEqual(['K0', 'K1']);
		expect(v.good).toEqual(['K2', 'K3']);
		expect(v.regular).toHaveLength(6);
	});

	it('always has at least one VIP in a month with payers', () => {
		// Jan: one payer → ceil(0.2×1)=1 VIP; Feb: 3 payers with share 1 % → ceil(0.03)=1 VIP: Q
		const { v } = run(
			[
				{ key: 'P', amount: 5, day: day(1) },
				{ key: 'Q', amount: 30, day: day(2) },
				{ key: 'R', amount: 20, day: day(2) },
				{ key: 'S', amount: 10, day: day(2) }
			],
			{ ...MONTHLY, vipShare: 0.01, latestMonths: 0 }
		);
		expect(v.vipMonths).toEqual({ Q: [month(2)], P: [month(1)] });
	});

	it('breaks ties by key in code-unit order ("10" before "9")', () => {
		// One month, 2 payers tied at 100 → 1 VIP: "10" < "9" as strings
		const { v } = run([
			{ key: '9', amount: 100, day: day(1) },
			{ key: '10', amount: 100, day: day(1) }
		]);
		expect(v.vip).toEqual(['10']);
		expect(v.order).toEqual(['10', '9']);
	});

	it('nets returns into the month by default, or ignores them', () => {
		const rows: Row[] = [
			{ key: 'A', amount: 1000, day: day(1, 5) },
			{ key: 'A', amount: -900, day: day(1, 20) },
			{ key: 'B', amount: 200, day: day(1, 10) }
		];
		// net: A 1000−900=100, B 200 → 2 payers → 1 VIP: B
		expect(run(rows).v.vip).toEqual(['B']);
		// ignore: A 1000, B 200 → 1 VIP: A
		expect(run(rows, MONTHLY, { ...NET, returns: 'ignore' }).v.vip).toEqual(['A']);
		// a month that nets to zero or less is not a paying month
		const r = run([
			{ key: 'A', amount: 100, day: day(1) },
			{ key: 'A', amount: -100, day: day(1) }
		]);
		expect(r.v.vip).toEqual([]);
		expect(r.v.good).toEqual([]); // total 0: never good
		expect(r.v.regular).toEqual(['A']);
	});

	it('respects the date filter: months, totals and referenceDay of the period only', () => {
		// Apr 1 – Jun 30: Apr VIP D (tie with E), May A, Jun E; latest 2 (May, Jun) → D dropped out.
		// Totals in scope: E 1700, D 600, A 510, F 300, B 100, G 50 (C and H are out of scope).
		// Not in the union: F, B, G → ceil(0.6)=1 good: F.
		const { r, v } = run(SIX, MONTHLY, {
			...NET,
			dateFrom: daysFromCivil(2024, 4, 1),
			dateTo: daysFromCivil(2024, 6, 30)
		});
		expect(r.months).toEqual([4, 5, 6].map(month));
		expect(v.order).toEqual(['E', 'D', 'A', 'F', 'B', 'G']);
		expect(v.vip).toEqual(['E', 'A']);
		expect(v.good).toEqual(['D', 'F']);
		expect(v.dropped).toEqual(['D']);
		expect(v.regular).toEqual(['B', 'G']);
		// referenceDay is the last day in scope (Jun 20), not the filter end; D last bought Apr 15 → 66
		expect(r.referenceDay).toBe(day(6, 20));
		expect(v.lost).toEqual([['D', 66]]);
		// Jan–Feb only: referenceDay = Feb 15; Jan VIP A, Feb VIP A, B; nobody dropped out
		const early = run(SIX, MONTHLY, { ...NET, dateTo: daysFromCivil(2024, 2, 29) });
		expect(early.r.referenceDay).toBe(day(2));
		expect(early.v.vip).toEqual(['A', 'B']);
	});

	it('counts undated rows in the period totals but not in any month', () => {
		// H gets an undated 5000: period total 5030 ranks first but H is VIP of no month;
		// it is the top of the non-union customers (H, F, G → 1 good) instead of F.
		const { v, r } = run([...SIX, { key: 'H', amount: 5000 }]);
		expect(v.order[0]).toBe('H');
		expect(v.vipMonths.H).toBeUndefined();
		expect(v.good).toEqual(['H', 'C', 'B', 'D']);
		expect(v.regular).toEqual(['F', 'G']);
		expect(r.months).toHaveLength(6);
	});

	it('works on the units metric', () => {
		// units: P 10 units for 100, Q 3 units for 900 → by units P is the month's VIP
		const { v } = run(
			[
				{ key: 'P', amount: 100, quantity: 10, day: day(1) },
				{ key: 'Q', amount: 900, quantity: 3, day: day(1) }
			],
			MONTHLY,
			{ ...NET, metric: 'units' }
		);
		expect(v.vip).toEqual(['P']);
	});
});

describe('VIP, period variant', () => {
	it('ranks the period totals: top 20 % VIP, 20 % of the rest good', () => {
		// 8 customers with positive totals → ceil(0.2×8)=2 VIP: A 2310, E 1800;
		// rest 6 → ceil(1.2)=2 good: C 1400, B 1300; D, F, G, H regular.
		const { r, v } = run(SIX, PERIOD);
		expect(v.vip).toEqual(['A', 'E']);
		expect(v.good).toEqual(['C', 'B']);
		expect(v.regular).toEqual(['D', 'F', 'G', 'H']);
		expect(r.counts).toEqual({ vip: 2, good: 2, regular: 4, droppedOut: 0 });
		// monthly VIP months are still reported, and lost VIP still flagged (C, D)
		expect(v.vipMonths.D).toEqual([month(4)]);
		expect(v.dropped).toEqual([]);
		expect(v.lost.map((l) => l[0])).toEqual(['C', 'D']);
	});

	it('never makes a customer with a zero or negative total VIP or good', () => {
		// A 100; B 100−100 = 0; C −50 → 1 positive → 1 VIP: A; 0 left → no good
		const { v } = run(
			[
				{ key: 'A', amount: 100, day: day(1) },
				{ key: 'B', amount: 100, day: day(1) },
				{ key: 'B', amount: -100, day: day(2) },
				{ key: 'C', amount: -50, day: day(2) }
			],
			PERIOD
		);
		expect(v.vip).toEqual(['A']);
		expect(v.good).toEqual([]);
		expect(v.regular).toEqual(['B', 'C']);
	});
});

describe('VIP without a date column', () => {
	const data = columnsOf([
		{ key: 'A', amount: 500 },
		{ key: 'B', amount: 300 },
		{ key: 'C', amount: 100 }
	]);

	it('refuses the monthly variant with a clear message', () => {
		expect(() => classifyVip(data, NET, MONTHLY)).toThrow(/needs a date column/);
	});

	it('runs the period variant: no months, no lost VIP', () => {
		// 3 customers → ceil(0.6)=1 VIP: A; 2 left → ceil(0.4)=1 good: B; C regular
		const r = classifyVip(data, NET, PERIOD);
		expect(r.months).toEqual([]);
		expect(r.lostVip).toEqual([]);
		expect(r.referenceDay).toBe(NO_DAY);
		expect(r.customers.map((c) => c.status)).toEqual(['vip', 'good', 'regular']);
		expect(r.customers.every((c) => c.vipMonths.length === 0 && !c.droppedOut)).toBe(true);
	});
});

// ---------- properties ----------

const KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', '10', '9'];
const rowArb = fc.record({
	key: fc.constantFrom(...KEYS),
	amount: fc.integer({ min: -300, max: 2000 }),
	day: fc.option(fc.integer({ min: daysFromCivil(2024, 1, 1), max: daysFromCivil(2024, 8, 31) }), { nil: undefined })
});
const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 40 });
const settingsArb = fc.record({
	variant: fc.constantFrom<'monthly' | 'period'>('monthly', 'period'),
	vipShare: fc.constantFrom(0.1, 0.2, 0.3, 0.5),
	goodShare: fc.constantFrom(0.1, 0.2, 0.4),
	latestMonths: fc.integer({ min: 0, max: 4 }),
	lostDays: fc.integer({ min: 0, max: 120 })
});
const returnsArb = fc.constantFrom<'net' | 'ignore'>('net', 'ignore');

/** Payers per month computed naively from the rows, as the test oracle. */
function payersByMonth(rows: Row[], returns: 'net' | 'ignore'): Map<number, number> {
	const sums = new Map<string, number>();
	for (const r of rows) {
		if (r.day === undefined || (returns === 'ignore' && r.amount < 0)) continue;
		const k = `${monthOf(r.day)}|${r.key}`;
		sums.set(k, (sums.get(k) ?? 0) + r.amount);
	}
	const payers = new Map<number, number>();
	for (const [k, v] of sums) if (v > 0) payers.set(+k.split('|')[0], (payers.get(+k.split('|')[0]) ?? 0) + 1);
	return payers;
}

describe('VIP properties', () => {
	it('gives every in-scope customer exactly one status, and the counts add up', () => {
		fc.assert(
			fc.property(rowsArb, settingsArb, returnsArb, (rows, s, returns) => {
				const data = salesOf(rows);
				const r = classifyVip(data, { metric: 'revenue', returns }, s);
				const inScope = new Set(rows.filter((x) => returns === 'net' || x.amount >= 0).map((x) => x.key));
				expect(r.customers.map((c) => data.customerKeys[c.customer]).sort()).toEqual([...inScope].sort());
				const { vip, good, regular, droppedOut } = r.counts;
				expect(vip + good + regular).toBe(r.customers.length);
				expect(r.customers.filter((c) => c.droppedOut).length).toBe(droppedOut);
				expect(r.customers.filter((c) => c.droppedOut).every((c) => c.status === 'good')).toBe(true);
				// ranked by value desc
				for (let i = 1; i < r.customers.length; i++)
					expect(r.customers[i - 1].value).toBeGreaterThanOrEqual(r.customers[i].value);
				// lost VIP are monthly VIP, sorted by daysSince desc, each more than lostDays
				for (let i = 0; i < r.lostVip.length; i++) {
					expect(r.lostVip[i].vipMonths.length).toBeGreaterThan(0);
					expect(r.lostVip[i].daysSince).toBeGreaterThan(s.lostDays);
					if (i > 0) expect(r.lostVip[i - 1].daysSince).toBeGreaterThanOrEqual(r.lostVip[i].daysSince);
				}
			})
		);
	});

	it('makes ceil(vipShare × payers) (≥ 1) VIP in every month with payers', () => {
		fc.assert(
			fc.property(rowsArb, settingsArb, returnsArb, (rows, s, returns) => {
				const data = salesOf(rows);
				const r = classifyVip(data, { metric: 'revenue', returns }, { ...s, variant: 'monthly' });
				const payers = payersByMonth(rows, returns);
				for (const m of r.months) {
					const vipCount = r.customers.filter((c) => c.vipMonths.includes(m)).length;
					const p = payers.get(m) ?? 0;
					expect(vipCount).toBe(p === 0 ? 0 : Math.max(1, Math.ceil((Math.round(s.vipShare * 1e6) * p) / 1e6)));
				}
				const union = r.customers.filter((c) => c.vipMonths.length > 0).length;
				expect(union).toBe(r.counts.vip + r.counts.droppedOut);
				if (payers.size > 0) expect(union).toBeGreaterThanOrEqual(1);
				// the union is at least as large as the largest single month's VIP list
				expect(union).toBeGreaterThanOrEqual(
					Math.max(0, ...r.months.map((m) => r.customers.filter((c) => c.vipMonths.includes(m)).length))
				);
			})
		);
	});

	it('period variant: ceil(vipShare × positive customers) VIP, never a non-positive total', () => {
		fc.assert(
			fc.property(rowsArb, settingsArb, (rows, s) => {
				const r = classifyVip(salesOf(rows), NET, { ...s, variant: 'period' });
				const positive = r.customers.filter((c) => c.value > 0).length;
				expect(r.counts.vip).toBe(topCount(s.vipShare, positive, true));
				expect(r.counts.good).toBe(topCount(s.goodShare, positive - r.counts.vip, false));
				expect(r.customers.every((c) => c.status === 'regular' || c.value > 0)).toBe(true);
			})
		);
	});

	it('does not change when every amount is scaled by a constant', () => {
		fc.assert(
			fc.property(rowsArb, settingsArb, fc.integer({ min: 2, max: 1000 }), (rows, s, k) => {
				const a = classifyVip(salesOf(rows), NET, s);
				const b = classifyVip(salesOf(rows.map((x) => ({ ...x, amount: x.amount * k }))), NET, s);
				const strip = (r: VipResult) =>
					r.customers.map(({ customer, status, vipMonths, droppedOut }) => ({
						customer,
						status,
						vipMonths,
						droppedOut
					}));
				expect(strip(b)).toEqual(strip(a));
				expect(b.counts).toEqual(a.counts);
				expect(b.lostVip).toEqual(a.lostVip);
			})
		);
	});
});
