import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate, type AggregateOptions } from '../../src/lib/engine/aggregate';
import { daysFromCivil } from '../../src/lib/core/calendar';
import { marginSqueeze } from '../../src/lib/engine/margin';
import type { ClassifySettings, Metric, SalesColumns } from '../../src/lib/engine/types';
import { salesWith } from './helpers';

/** Local fixture builder: amounts and profits in whole minor units at their scales. */
interface Row {
	key: string;
	amount: number;
	profit?: number;
	day?: number | null;
}
function salesOfRows(rows: Row[], amountScale = 0, profitScale = 0): SalesColumns {
	return salesWith(rows, { amountScale, profitScale });
}

const settings = (metric: Metric = 'revenue', extra: Partial<ClassifySettings> = {}): ClassifySettings => ({
	metric,
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5,
	...extra
});

function run(data: SalesColumns, s: ClassifySettings, gap = 0.1, opts: AggregateOptions = s) {
	const c = classify(aggregate(data, s), data.customerKeys, s);
	const m = marginSqueeze(data, opts, c, { gap });
	const key = (i: number) => data.customerKeys[i];
	return { m, key, rows: Object.fromEntries(m.rows.map((r) => [key(r.customer), r])) };
}

/*
 * Amounts at scale 2 (cents), profits at scale 1 (tenths), gap 10 points.
 *            revenue              profit          margin
 *   acme     4500.00 − 500.00     180.0 − 20.0    160 / 4000 = 0.04
 *   beta     2000.00              −100.0          −0.05
 *   gamma    1500.00              45.0            0.03
 *   delta    1000.00              400.0           0.40
 *   eps      1000.00              735.0           0.735
 *   zeta      500.00              160.0           0.32
 * Totals: revenue 10000, profit 160 − 100 + 45 + 400 + 735 + 160 = 1400 → company margin 0.14 exactly;
 * flag below 0.14 − 0.10 = 0.04. (In floats 0.14 − 0.1 = 0.04000000000000001 > 0.04: a naive check would flag acme.)
 * ABC by revenue: acme 0, beta .4, gamma .6, delta .75 → A (delta before eps: equal revenue, key order); eps .85 → B; zeta .95 → C.
 * Revenue ranks: acme 1, beta 2, gamma 3, delta 4, eps 5, zeta 6.
 * Profit ranks: eps 1, delta 2, acme 3, zeta 4 (160 tie, 'acme' < 'zeta'), gamma 5, beta 6.
 * Rows (class A): acme not flagged (exactly on the line), beta negative-profit, gamma below-company, delta fine.
 */
const ROWS: Row[] = [
	{ key: 'acme', amount: 450000, profit: 1800 },
	{ key: 'beta', amount: 200000, profit: -1000 },
	{ key: 'gamma', amount: 150000, profit: 450 },
	{ key: 'zeta', amount: 50000, profit: 1600 },
	{ key: 'eps', amount: 100000, profit: 7350 },
	{ key: 'delta', amount: 100000, profit: 4000 },
	{ key: 'acme', amount: -50000, profit: -200 }
];

describe('marginSqueeze (README "The rules: Margin squeeze")', () => {
	it('computes the exact company margin and flags the hand-worked top-class customers', () => {
		const data = salesOfRows(ROWS, 2, 1);
		const { m, key, rows } = run(data, settings());
		expect(m.companyMargin).toBe(0.14);
		expect(m.gap).toBe(0.1);
		expect(m.rows.map((r) => key(r.customer))).toEqual(['acme', 'beta', 'gamma', 'delta']);
		expect(rows.acme).toMatchObject({
			revenue: 4000,
			profit: 160,
			margin: 0.04,
			revenueRank: 1,
			profitRank: 3,
			flagged: false,
			reason: null
		});
		expect(rows.beta).toMatchObject({
			revenue: 2000,
			profit: -100,
			margin: -0.05,
			revenueRank: 2,
			profitRank: 6,
			flagged: true,
			reason: 'negative-profit'
		});
		expect(rows.gamma).toMatchObject({
			revenue: 1500,
			profit: 45,
			margin: 0.03,
			revenueRank: 3,
			profitRank: 5,
			flagged: true,
			reason: 'below-company'
		});
		expect(rows.delta).toMatchObject({
			revenue: 1000,
			profit: 400,
			margin: 0.4,
			revenueRank: 4,
			profitRank: 2,
			flagged: false,
			reason: null
		});
	});

	it('lists every customer in scope by revenue rank for the rank-vs-rank scatter, ties broken by key', () => {
		const data = salesOfRows(ROWS, 2, 1);
		const { m, key } = run(data, settings());
		expect(m.all.map((a) => [key(a.customer), a.revenueRank, a.profitRank, a.topClass])).toEqual([
			['acme', 1, 3, true],
			['beta', 2, 6, true],
			['gamma', 3, 5, true],
			['delta', 4, 2, true],
			['eps', 5, 1, false],
			['zeta', 6, 4, false]
		]);
	});

	it('a wider gap flags less; a zero gap flags everything below the company margin', () => {
		const data = salesOfRows(ROWS, 2, 1);
		// gap .12 → line .02: gamma (.03) no longer flagged; beta still (negative profit)
		expect(run(data, settings(), 0.12).m.rows.map((r) => r.reason)).toEqual([null, 'negative-profit', null, null]);
		// gap 0 → line .14: acme .04 and gamma .03 below; delta .4 not
		expect(run(data, settings(), 0).m.rows.map((r) => r.reason)).toEqual([
			'below-company',
			'negative-profit',
			'below-company',
			null
		]);
	});

	it('ignores returns when told to: acme 4500 / 180', () => {
		const data = salesOfRows(ROWS, 2, 1);
		const s = settings('revenue', { returns: 'ignore' });
		const { m, rows } = run(data, s);
		expect(rows.acme).toMatchObject({ revenue: 4500, profit: 180, margin: 0.04 });
		// 1420 / 10500
		expect(m.companyMargin).toBeCloseTo(1420 / 10500, 15);
	});

	it('keeps to the date range of the scope', () => {
		// scope 2024-01-01..31: a 100 / 30, b 100 / 10 → company .2; b (.1) below .2 − .05.
		// b's March row and c's undated row are out of scope.
		const jan = daysFromCivil(2024, 1, 1);
		const data = salesOfRows([
			{ key: 'a', amount: 100, profit: 30, day: jan },
			{ key: 'b', amount: 100, profit: 10, day: jan + 1 },
			{ key: 'b', amount: 10000, profit: 9000, day: jan + 60 },
			{ key: 'c', amount: 10000, profit: -10, day: null }
		]);
		const s = settings('revenue', {
			dateFrom: jan,
			dateTo: jan + 30,
			classes: [
				{ name: 'top', upTo: 0.9 },
				{ name: 'rest', upTo: 1 }
			]
		});
		const { m, key, rows } = run(data, s, 0.05);
		expect(m.companyMargin).toBe(0.2);
		expect(m.all.map((a) => key(a.customer))).toEqual(['a', 'b']);
		expect(rows.b).toMatchObject({ revenue: 100, profit: 10, reason: 'below-company' });
	});

	it('margin is NaN when revenue <= 0 (top class by profit), and such a customer is not flagged for its margin', () => {
		// ABC by profit: p 100 (before 0 → A), q 10 (before 100/110 = .909 → B); company 110 / 1000 = .11
		const data = salesOfRows([
			{ key: 'p', amount: 0, profit: 100 },
			{ key: 'q', amount: 1000, profit: 10 }
		]);
		const { m, rows } = run(data, settings('profit'));
		expect(m.companyMargin).toBe(0.11);
		expect(Object.keys(rows)).toEqual(['p']);
		expect(rows.p.margin).toBeNaN();
		expect(rows.p).toMatchObject({ revenueRank: 2, profitRank: 1, flagged: false, reason: null });
	});

	it('company margin is NaN when total revenue is not positive; negative profit is still flagged', () => {
		const data = salesOfRows([
			{ key: 'p', amount: 100, profit: -5 },
			{ key: 'q', amount: -200, profit: 1 }
		]);
		const { m, rows } = run(data, settings());
		expect(m.companyMargin).toBeNaN();
		expect(rows.p.reason).toBe('negative-profit');
	});

	it('throws a clear error without a profit column', () => {
		const data = salesOfRows([{ key: 'a', amount: 100 }]);
		const s = settings();
		const c = classify(aggregate(data, s), data.customerKeys, s);
		expect(() => marginSqueeze(data, s, c, { gap: 0.1 })).toThrow(/no profit column/);
	});

	it('property: ranks are permutations of 1..n; flags match the definition (up to float noise away from the line)', () => {
		const rowArb = fc.record({
			key: fc.constantFrom('a', 'b', 'c', 'd', 'e', '10', '9'),
			amount: fc.integer({ min: -100, max: 10000 }),
			profit: fc.integer({ min: -500, max: 3000 })
		});
		fc.assert(
			fc.property(fc.array(rowArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 30 }), (rs, gapPct) => {
				const data = salesOfRows(rs);
				const gap = gapPct / 100;
				const { m } = run(data, settings(), gap);
				const n = m.all.length;
				const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
				const oneToN = Array.from({ length: n }, (_, i) => i + 1);
				expect(sorted(m.all.map((a) => a.revenueRank))).toEqual(oneToN);
				expect(sorted(m.all.map((a) => a.profitRank))).toEqual(oneToN);
				for (const r of m.rows) {
					if (r.profit < 0) expect(r.reason).toBe('negative-profit');
					else if (r.revenue > 0 && Math.abs(r.margin - (m.companyMargin - gap)) > 1e-9) {
						expect(r.reason).toBe(r.margin < m.companyMargin - gap ? 'below-company' : null);
					}
					expect(r.flagged).toBe(r.reason !== null);
				}
			})
		);
	});
});
