import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import {
	classOfCustomer,
	classWhy,
	customerProfile,
	customerRows,
	vipMonthsOf
} from '../../src/lib/engine/customer-profile';
import { Analysis } from '../../src/lib/engine/dashboard';
import { monthlyTotals } from '../../src/lib/engine/monthly';
import { DEFAULT_RECENCY } from '../../src/lib/engine/recency';
import type { ClassifySettings, SalesColumns } from '../../src/lib/engine/types';
import { classifyVip, DEFAULT_VIP } from '../../src/lib/engine/vip';
import { classifyXyz, DEFAULT_XYZ } from '../../src/lib/engine/xyz';
import { abcSettings } from './helpers';
import { build, day, six, type DrillRow } from './drill-fixture';

const classified = (data: SalesColumns, s: ClassifySettings) => classify(aggregate(data, s), data.customerKeys, s);
const OPTS = { vip: DEFAULT_VIP, xyz: DEFAULT_XYZ, recency: DEFAULT_RECENCY };

describe('classWhy', () => {
	// SIX (share base 1400), ranks A 600, B 320, C 250, D 150, E 80, F −20
	it('compares the share of the customers above with the class bounds (value basis)', () => {
		const c = classified(six(), abcSettings());
		// C: the customers above made 920/1400 = 65.7 % < 80 % → A
		expect(classWhy(c, 2)).toEqual({
			basis: 'value',
			before: 920 / 1400,
			upTo: 0.8,
			previousUpTo: null,
			nonPositive: false
		});
		// D: 1170/1400 = 83.6 % ≥ 80 % and < 95 % → B
		expect(classWhy(c, 3)).toEqual({
			basis: 'value',
			before: 1170 / 1400,
			upTo: 0.95,
			previousUpTo: 0.8,
			nonPositive: false
		});
		expect(classWhy(c, 0).before).toBe(0);
		// F: −20, lowest class whatever the shares (before is 100 %)
		expect(classWhy(c, 5)).toEqual({ basis: 'value', before: 1, upTo: 1, previousUpTo: 0.95, nonPositive: true });
	});

	it('uses the rank for classes by count', () => {
		const c = classified(six(), abcSettings({ classes: [...PRESETS.rank203050], basis: 'count' }));
		// 6 customers: rank 3 (C) has 2/6 = 33.3 % above → B (20–50 %); rank 4 (D) has exactly 50 % → C
		expect(classWhy(c, 2)).toEqual({ basis: 'count', before: 2 / 6, upTo: 0.5, previousUpTo: 0.2, nonPositive: false });
		expect(classWhy(c, 3)).toEqual({ basis: 'count', before: 0.5, upTo: 1, previousUpTo: 0.5, nonPositive: false });
		expect(c.classIndex[3]).toBe(2);
	});

	it('throws outside the ranking', () => {
		expect(() => classWhy(classified(six(), abcSettings()), 6)).toThrow(/rank 7/);
	});
});

/**
 * Three customers over 2024 (no row in Q3), with profit; P also has an undated row and two rows
 * on 10 April. Totals: P 100 + 393 + 10 + 5 + 7 = 515, Q 300 + 100 − 40 = 360, R 550; base 1425.
 * Quarters: Q1 Q 300, P 100, R 50 (base 450); Q2 P 400, Q 100 (base 500); Q4 R 500, P 10, Q −40 (base 510).
 */
const YEAR: DrillRow[] = [
	{ key: 'P', amount: 100, profit: 20, day: day(2024, 1, 10), region: 'N' },
	{ key: 'Q', amount: 300, profit: 30, day: day(2024, 2, 5), region: 'S' },
	{ key: 'R', amount: 50, profit: 5, day: day(2024, 3, 1), region: 'S' },
	{ key: 'P', amount: 393, profit: 40, day: day(2024, 4, 10), region: 'S' },
	{ key: 'Q', amount: 100, profit: 10, day: day(2024, 5, 2), region: 'N' },
	{ key: 'R', amount: 500, profit: 100, day: day(2024, 10, 3), region: 'N' },
	{ key: 'P', amount: 10, profit: 1, day: day(2024, 11, 20), region: 'N' },
	{ key: 'Q', amount: -40, profit: -4, day: day(2024, 12, 1), region: 'S' },
	{ key: 'P', amount: 5, profit: 0, day: null },
	{ key: 'P', amount: 7, profit: 1, day: day(2024, 4, 10), category: 'Gift' }
];
const year = () => build(YEAR, { managers: { P: 'Ann' } });

describe('customerProfile', () => {
	it('returns null for a key that is not in the dataset', () => {
		expect(customerProfile(new Analysis(year()), abcSettings(), 'Nobody', OPTS)).toBeNull();
	});

	it('gives rank, class, neighbours, quarters, months, recency and margin', () => {
		const data = year();
		const p = customerProfile(new Analysis(data), abcSettings(), 'P', OPTS)!;
		expect(p).toMatchObject({
			key: 'P',
			name: 'Name P',
			manager: 'Ann',
			rank: 2,
			of: 3,
			value: 515,
			share: 515 / 1425,
			cumShare: 1065 / 1425,
			classIndex: 0,
			isKey: true,
			previous: { key: 'R', name: 'Name R' },
			next: { key: 'Q', name: 'Name Q' },
			rowCount: 5
		});
		// R above made 550/1425 = 38.6 % < 80 %
		expect(p.why).toEqual({ basis: 'value', before: 550 / 1425, upTo: 0.8, previousUpTo: null, nonPositive: false });
		// Q1: Q 300 above P → 300/450 = 66.7 % → A; Q2 first → A; Q4: R 500 above → 500/510 = 98 % → C
		expect(p.history).toEqual([
			{ quarter: '2024-Q1', from: '2024-01-01', to: '2024-03-31', classIndex: 0, value: 100 },
			{ quarter: '2024-Q2', from: '2024-04-01', to: '2024-06-30', classIndex: 0, value: 400 },
			{ quarter: '2024-Q4', from: '2024-10-01', to: '2024-12-31', classIndex: 2, value: 10 }
		]);
		// the only payer in January, April and November: VIP those months
		expect(p.months.map((m) => [m.month, m.value, m.vip])).toEqual([
			['2024-01', 100, true],
			['2024-02', 0, false],
			['2024-03', 0, false],
			['2024-04', 400, true],
			['2024-05', 0, false],
			['2024-06', 0, false],
			['2024-07', 0, false],
			['2024-08', 0, false],
			['2024-09', 0, false],
			['2024-10', 0, false],
			['2024-11', 10, true],
			['2024-12', 0, false]
		]);
		// reference day 1 December (the last dated row), last purchase 20 November
		expect(p.recency).toEqual({ lastPurchase: '2024-11-20', daysSince: 11, status: 'active' });
		// profit 20 + 40 + 1 + 0 + 1 = 62 on 515
		expect(p.margin).toEqual({ revenue: 515, profit: 62, margin: 62 / 515 });
		const m = monthlyTotals(data, abcSettings());
		const x = classifyXyz(data, abcSettings(), classified(data, abcSettings()), DEFAULT_XYZ, m);
		expect(p.xyz).toEqual({
			letter: x.xyz.get(0),
			cv: x.cv.get(0),
			xMax: x.thresholds.xMax,
			yMax: x.thresholds.yMax
		});
	});

	it('tracks the class quarter by quarter: an exact 80 % is B, returns only is the lowest, no row is null', () => {
		const a = new Analysis(year());
		const q = customerProfile(a, abcSettings(), 'Q', OPTS)!;
		// Q2: P 400 above Q → exactly 80 % → B; Q4: −40 → lowest class
		expect(q.history.map((h) => [h.quarter, h.classIndex, h.value])).toEqual([
			['2024-Q1', 0, 300],
			['2024-Q2', 1, 100],
			['2024-Q4', 2, -40]
		]);
		// last purchase 2 May (the December row is a return): 213 days → lost
		expect(q.recency).toEqual({ lastPurchase: '2024-05-02', daysSince: 213, status: 'lost' });
		expect(q.months.filter((m) => m.vip).map((m) => m.month)).toEqual(['2024-02', '2024-05']);
		const r = customerProfile(a, abcSettings(), 'R', OPTS)!;
		// Q1: 400/450 = 88.9 % above → B; no row in Q2
		expect(r.history.map((h) => [h.quarter, h.classIndex, h.value])).toEqual([
			['2024-Q1', 1, 50],
			['2024-Q2', null, 0],
			['2024-Q4', 0, 500]
		]);
		expect(r.recency).toEqual({ lastPurchase: '2024-10-03', daysSince: 59, status: 'active' });
		expect(r.manager).toBeNull();
	});

	it('clips the quarters to the period, and gives no rank to a customer without rows in it', () => {
		const a = new Analysis(year());
		const s = abcSettings({ dateFrom: day(2024, 2, 1), dateTo: day(2024, 6, 30) });
		const r = customerProfile(a, s, 'R', OPTS)!;
		// Q1 from 1 February: Q 300, R 50 → R after 300/350 = 85.7 % → B
		expect(r.history).toEqual([
			{ quarter: '2024-Q1', from: '2024-02-01', to: '2024-03-31', classIndex: 1, value: 50 },
			{ quarter: '2024-Q2', from: '2024-04-01', to: '2024-06-30', classIndex: null, value: 0 }
		]);
		const onlyQ4 = abcSettings({ dateFrom: day(2024, 10, 1) });
		const q = customerProfile(a, onlyQ4, 'Q', OPTS)!;
		expect(q.rank).toBe(3); // its return is a row in scope
		const p = customerProfile(a, abcSettings({ dateFrom: day(2024, 12, 1) }), 'P', OPTS)!;
		expect(p).toMatchObject({ rank: null, classIndex: null, why: null, previous: null, next: null, rowCount: 0 });
		expect(p.recency).toBeNull();
		expect(p.xyz).toEqual({ letter: null, cv: null });
		expect(p.margin).toEqual({ revenue: 0, profit: 0, margin: NaN });
	});

	it('gives no months, quarters, XYZ or recency without dates, and no margin without profit', () => {
		const p = customerProfile(new Analysis(six()), abcSettings(), 'D', OPTS)!;
		expect(p).toMatchObject({
			rank: 4,
			classIndex: 1,
			history: [],
			months: [],
			xyz: null,
			recency: null,
			margin: null
		});
	});
});

describe('customerRows', () => {
	it('lists the rows newest first, same day in file order, undated last, a page at a time', () => {
		const data = year();
		const all = customerRows(data, abcSettings(), 'P', 0, 10);
		expect(all.dimensions).toEqual(['Region', 'Category']);
		expect(all.total).toBe(5);
		expect(all.rows).toEqual([
			{ date: '2024-11-20', amount: 10, quantity: null, profit: 1, dims: ['N', ''] },
			{ date: '2024-04-10', amount: 393, quantity: null, profit: 40, dims: ['S', ''] },
			{ date: '2024-04-10', amount: 7, quantity: null, profit: 1, dims: ['', 'Gift'] },
			{ date: '2024-01-10', amount: 100, quantity: null, profit: 20, dims: ['N', ''] },
			{ date: null, amount: 5, quantity: null, profit: 0, dims: ['', ''] }
		]);
		const page = customerRows(data, abcSettings(), 'P', 1, 2);
		expect(page.offset).toBe(1);
		expect(page.rows.map((r) => r.amount)).toEqual([393, 7]);
		expect(customerRows(data, abcSettings(), 'P', 9, 2)).toMatchObject({ total: 5, offset: 5, rows: [] });
	});

	it('keeps to the period and returns policy, in value units', () => {
		const data = { ...year(), amountScale: 2 };
		const s = abcSettings({ dateFrom: day(2024, 4, 1), returns: 'ignore' });
		const q = customerRows(data, s, 'Q', 0, 10);
		// the December return is dropped, February is before the period
		expect(q.total).toBe(1);
		expect(q.rows[0]).toMatchObject({ date: '2024-05-02', amount: 1 });
		expect(customerRows(data, abcSettings({ dateFrom: day(2024, 1, 1) }), 'P', 0, 10).total).toBe(4);
		expect(customerRows(data, s, 'Nobody', 0, 10)).toEqual({
			dimensions: ['Region', 'Category'],
			total: 0,
			offset: 0,
			rows: []
		});
	});
});

describe('per-customer shortcuts agree with the full classifiers (property)', () => {
	const row = fc.record({
		key: fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k10', 'k9'),
		amount: fc.constantFrom(-30, 0, 10, 10, 25, 60, 200),
		day: fc.integer({ min: 19_723, max: 19_723 + 200 })
	});

	it('classOfCustomer equals classify for every customer', () => {
		const presets = fc.constantFrom('abc' as const, 'gsb' as const, 'rank203050' as const);
		fc.assert(
			fc.property(fc.array(row, { maxLength: 30 }), presets, (rows, preset) => {
				const data = build(rows);
				const s = abcSettings({ classes: [...PRESETS[preset]], basis: preset === 'rank203050' ? 'count' : 'value' });
				const t = aggregate(data, s);
				const c = classify(t, data.customerKeys, s);
				for (let r = 0; r < c.rankOrder.length; r++) {
					expect(classOfCustomer(t, data.customerKeys, s, c.rankOrder[r])).toEqual({
						classIndex: c.classIndex[r],
						value: c.value[r]
					});
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('vipMonthsOf equals the VIP months of classifyVip', () => {
		fc.assert(
			fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom(0.2, 0.34, 0.5), (rows, vipShare) => {
				const data = build(rows, { allColumns: true });
				const opts = { metric: 'revenue' as const, returns: 'net' as const };
				const m = monthlyTotals(data, opts);
				const vip = classifyVip(data, opts, { ...DEFAULT_VIP, vipShare }, m);
				for (let i = 0; i < m.customers.length; i++) {
					const months = vip.customers.find((c) => c.customer === m.customers[i])!.vipMonths;
					const flags = vipMonthsOf(m, data.customerKeys, vipShare, i);
					expect(m.months.filter((_, col) => flags[col])).toEqual(months);
				}
			}),
			{ numRuns: 300 }
		);
	});
});
