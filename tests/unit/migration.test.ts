import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRESETS } from '../../src/lib/engine/abc';
import { daysFromCivil, lastDayOfMonth, monthOf, NO_DAY } from '../../src/lib/core/calendar';
import {
	defaultPeriods,
	QUARTER_COMPLETE_DAYS,
	halvesOfYear,
	migrate,
	type MigrationResult,
	type Period
} from '../../src/lib/engine/migration';
import type { ClassDef, ClassifySettings, SalesColumns } from '../../src/lib/engine/types';

/** Local fixture builder: amounts in whole minor units; `day: null` is a row without a valid date. */
interface Row {
	key: string;
	amount: number;
	day?: number | null;
	quantity?: number;
}
function salesOfRows(rows: Row[], amountScale = 0): SalesColumns {
	const keys: string[] = [];
	const index = new Map<string, number>();
	const customer = new Int32Array(rows.length);
	const amount = new Float64Array(rows.length);
	const date = new Int32Array(rows.length);
	const hasQty = rows.some((r) => r.quantity !== undefined);
	const quantity = new Float64Array(rows.length);
	rows.forEach((r, i) => {
		let c = index.get(r.key);
		if (c === undefined) {
			c = keys.length;
			keys.push(r.key);
			index.set(r.key, c);
		}
		customer[i] = c;
		amount[i] = r.amount;
		date[i] = r.day ?? NO_DAY;
		quantity[i] = r.quantity ?? 0;
	});
	return {
		rowCount: rows.length,
		customerKeys: keys,
		customerNames: [...keys],
		customer,
		amount,
		amountScale,
		quantity: hasQty ? quantity : undefined,
		quantityScale: 0,
		profitScale: 0,
		date
	};
}

const d = (y: number, m: number, day: number) => daysFromCivil(y, m, day);
const settings = (classes: ClassDef[] = [...PRESETS.abc], extra: Partial<ClassifySettings> = {}): ClassifySettings => ({
	metric: 'revenue',
	returns: 'net',
	classes,
	keyShare: 0.1,
	monoShare: 0.5,
	...extra
});
const Q1_2024: Period = { from: d(2024, 1, 1), to: d(2024, 3, 31) };
const Q2_2024: Period = { from: d(2024, 4, 1), to: d(2024, 6, 30) };

/** cells as { 'from→to': keys } for the non-empty ones */
function cellMap(data: SalesColumns, m: MigrationResult): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const c of m.cells) {
		if (c.customers.length) out[`${c.from}→${c.to}`] = c.customers.map((i) => data.customerKeys[i]);
	}
	return out;
}

describe('defaultPeriods: the latest complete quarter and the one before', () => {
	it('mid-quarter: the current quarter is not complete, so it takes the quarter before (across the year boundary)', () => {
		// 2024-05-15 is in Q2 2024, which ends 2024-06-30 → not complete → current = Q1 2024, previous = Q4 2023
		expect(defaultPeriods(d(2024, 5, 15))).toEqual({
			previous: { from: d(2023, 10, 1), to: d(2023, 12, 31) },
			current: { from: d(2024, 1, 1), to: d(2024, 3, 31) }
		});
	});

	it("on the quarter's last day that quarter is complete and is current", () => {
		expect(defaultPeriods(d(2024, 6, 30))).toEqual({ previous: Q1_2024, current: Q2_2024 });
		// 2024-03-31 ends Q1 → current Q1 2024, previous Q4 2023
		expect(defaultPeriods(d(2024, 3, 31))).toEqual({
			previous: { from: d(2023, 10, 1), to: d(2023, 12, 31) },
			current: Q1_2024
		});
		// 2023-12-31 ends Q4 2023 → current Q4 2023, previous Q3 2023
		expect(defaultPeriods(d(2023, 12, 31))).toEqual({
			previous: { from: d(2023, 7, 1), to: d(2023, 9, 30) },
			current: { from: d(2023, 10, 1), to: d(2023, 12, 31) }
		});
	});

	it('year boundaries and leap days', () => {
		// 2024-01-01: Q1 2024 incomplete → current Q4 2023, previous Q3 2023
		expect(defaultPeriods(d(2024, 1, 1))).toEqual({
			previous: { from: d(2023, 7, 1), to: d(2023, 9, 30) },
			current: { from: d(2023, 10, 1), to: d(2023, 12, 31) }
		});
		// 2024-02-29 (leap day) is mid Q1 → current Q4 2023
		expect(defaultPeriods(d(2024, 2, 29)).current).toEqual({ from: d(2023, 10, 1), to: d(2023, 12, 31) });
		// 2024-12-30: an export taken the day before the quarter ends covers it → current Q4 2024
		expect(defaultPeriods(d(2024, 12, 30)).current).toEqual({ from: d(2024, 10, 1), to: d(2024, 12, 31) });
		// the last 14 days of a quarter count (18 Dec … 31 Dec); 17 Dec does not
		expect(defaultPeriods(d(2024, 12, 18)).current).toEqual({ from: d(2024, 10, 1), to: d(2024, 12, 31) });
		expect(defaultPeriods(d(2024, 12, 17)).current).toEqual({ from: d(2024, 7, 1), to: d(2024, 9, 30) });
		expect(defaultPeriods(d(2024, 6, 17)).current).toEqual(Q2_2024);
		expect(defaultPeriods(d(2024, 6, 16)).current).toEqual(Q1_2024);
		// before 1970 (negative day numbers): 1969-12-31 ends Q4 1969
		expect(defaultPeriods(d(1969, 12, 31))).toEqual({
			previous: { from: d(1969, 7, 1), to: d(1969, 9, 30) },
			current: { from: d(1969, 10, 1), to: d(1969, 12, 31) }
		});
	});

	it('property: two adjacent whole quarters, current ending at most 13 days after lastDay, the next one not complete', () => {
		fc.assert(
			fc.property(fc.integer({ min: d(1960, 1, 1), max: d(2100, 12, 31) }), (day) => {
				const { previous, current } = defaultPeriods(day);
				for (const p of [previous, current]) {
					const m = monthOf(p.from);
					expect(m % 3).toBe(0);
					expect(p.from).toBe(d(Math.floor(m / 12), (m % 12) + 1, 1));
					expect(p.to).toBe(lastDayOfMonth(m + 2));
				}
				expect(previous.to + 1).toBe(current.from);
				// the data reaches into current's last QUARTER_COMPLETE_DAYS days
				expect(current.to - QUARTER_COMPLETE_DAYS).toBeLessThan(day);
				// the quarter after current is not complete: lastDay is before its last 14 days
				expect(lastDayOfMonth(monthOf(current.from) + 5) - QUARTER_COMPLETE_DAYS).toBeGreaterThanOrEqual(day);
			})
		);
	});
});

describe('halvesOfYear', () => {
	it('January–June and July–December, inclusive', () => {
		expect(halvesOfYear(2024)).toEqual({
			previous: { from: d(2024, 1, 1), to: d(2024, 6, 30) },
			current: { from: d(2024, 7, 1), to: d(2024, 12, 31) }
		});
		expect(halvesOfYear(2023).current.to - halvesOfYear(2023).previous.from + 1).toBe(365);
	});
});

describe('migrate (README "The rules: Movement between periods")', () => {
	/*
	 * ABC 80/95, revenue, previous = Q1 2024, current = Q2 2024.
	 * Q1: P 400+200 = 600, Q 200, R 100, S 60, T 40; total 1000.
	 *   before: P 0 → A, Q .6 → A, R .8 → B (not < .8), S .9 → B, T .96 → C
	 * Q2: Q 500, N 200, R 150, S 100, P 50; total 1000 (T has no row: lost; N had none: new).
	 *   before: Q 0 → A, N .5 → A, R .7 → A, S .85 → B, P .95 → C (not < .95)
	 * Left out: P's undated 100000 (would make P gold in Q2), U (undated only), V (2023-12-31), W (2024-07-01).
	 * Cells: A→A [Q], A→C [P], B→A [R], B→B [S], C→lost [T], new→A [N]
	 * Rising (B in Q2): S 60 → 100, growth 40/60. Drops (A → C): P 600 → 50, growth −550/600.
	 */
	const rows: Row[] = [
		{ key: 'P', amount: 400, day: d(2024, 1, 10) },
		{ key: 'P', amount: 200, day: d(2024, 3, 31) },
		{ key: 'Q', amount: 200, day: d(2024, 2, 1) },
		{ key: 'R', amount: 100, day: d(2024, 1, 1) },
		{ key: 'S', amount: 60, day: d(2024, 3, 15) },
		{ key: 'T', amount: 40, day: d(2024, 2, 20) },
		{ key: 'Q', amount: 500, day: d(2024, 4, 1) },
		{ key: 'N', amount: 200, day: d(2024, 6, 30) },
		{ key: 'R', amount: 150, day: d(2024, 5, 5) },
		{ key: 'S', amount: 100, day: d(2024, 4, 20) },
		{ key: 'P', amount: 50, day: d(2024, 6, 1) },
		{ key: 'P', amount: 100000, day: null },
		{ key: 'U', amount: 5000, day: null },
		{ key: 'V', amount: 300, day: d(2023, 12, 31) },
		{ key: 'W', amount: 300, day: d(2024, 7, 1) }
	];

	it('tabulates the hand-worked matrix, with new and lost customers and undated rows left out', () => {
		const data = salesOfRows(rows);
		const m = migrate(data, settings(), Q1_2024, Q2_2024);
		expect(m.classes).toEqual(['A', 'B', 'C']);
		expect(m.previous).toEqual(Q1_2024);
		expect(m.current).toEqual(Q2_2024);
		// (3 + 1)² − 1 cells, from-major, 'new' and 'lost' last, no new → lost
		expect(m.cells.map((c) => `${c.from}→${c.to}`)).toEqual([
			'0→0',
			'0→1',
			'0→2',
			'0→lost',
			'1→0',
			'1→1',
			'1→2',
			'1→lost',
			'2→0',
			'2→1',
			'2→2',
			'2→lost',
			'new→0',
			'new→1',
			'new→2'
		]);
		expect(cellMap(data, m)).toEqual({
			'0→0': ['Q'],
			'0→2': ['P'],
			'1→0': ['R'],
			'1→1': ['S'],
			'2→lost': ['T'],
			'new→0': ['N']
		});
		const keys = (o: Int32Array) => Array.from(o, (i) => data.customerKeys[i]);
		expect(keys(m.previousClassification.rankOrder)).toEqual(['P', 'Q', 'R', 'S', 'T']);
		expect(keys(m.currentClassification.rankOrder)).toEqual(['Q', 'N', 'R', 'S', 'P']);
		expect(m.previousClassification.settings.dateFrom).toBe(Q1_2024.from);
		expect(m.currentClassification.settings.dateTo).toBe(Q2_2024.to);
		expect(m.currentClassification.total).toBe(1000);
	});

	it('lists rising B customers and A → C drops', () => {
		const data = salesOfRows(rows);
		const idx = (k: string) => data.customerKeys.indexOf(k);
		const m = migrate(data, settings(), Q1_2024, Q2_2024);
		expect(m.rising).toEqual([
			{ customer: idx('S'), before: 60, after: 100, growth: 40 / 60, fromClass: 1, toClass: 1 }
		]);
		expect(m.drops).toEqual([
			{ customer: idx('P'), before: 600, after: 50, growth: -550 / 600, fromClass: 0, toClass: 2 }
		]);
	});

	it('orders cell members by current value then key, lost ones by previous value then key; A → lost is not a drop', () => {
		/*
		 * Q1: k10 250, k9 250, L 200, M 200, m 100 (total 1000). Ties by key in code-unit order: "k10" < "k9", "L" < "M".
		 *   before: k10 0, k9 .25, L .5, M .7 → A; m .9 → B
		 * Q2: k9 400, N 200, k10 200, m 200 (total 1000): "N" < "k10" < "m".
		 *   before: k9 0, N .4, k10 .6 → A; m .8 → B
		 * A→A [k9, k10] (k9 first: larger current value), A→lost [L, M] (equal previous values, by key),
		 * B→B [m], new→A [N]. No A → C, so no drops even though L and M (A) are lost.
		 */
		const q1 = d(2024, 2, 1);
		const q2 = d(2024, 5, 1);
		const data = salesOfRows([
			{ key: 'k10', amount: 250, day: q1 },
			{ key: 'k9', amount: 250, day: q1 },
			{ key: 'M', amount: 200, day: q1 },
			{ key: 'L', amount: 200, day: q1 },
			{ key: 'm', amount: 100, day: q1 },
			{ key: 'k10', amount: 200, day: q2 },
			{ key: 'm', amount: 200, day: q2 },
			{ key: 'N', amount: 200, day: q2 },
			{ key: 'k9', amount: 400, day: q2 }
		]);
		const m = migrate(data, settings(), Q1_2024, Q2_2024);
		expect(cellMap(data, m)).toEqual({
			'0→0': ['k9', 'k10'],
			'0→lost': ['L', 'M'],
			'1→1': ['m'],
			'new→0': ['N']
		});
		expect(m.drops).toEqual([]);
	});

	it('sorts rising customers by growth, then absolute growth, then key; before <= 0 is infinite growth; decliners are left out', () => {
		/*
		 * Classes by rank (basis 'count'): A up to 5 %, B up to 80 %, C the rest. 11 customers in Q2:
		 * rank 0 (0/11 < .05) → A; ranks 1..8 (r/11 < .8) → B; ranks 9, 10 → C.
		 *            Q1 (before)     Q2 (after)   growth          |after − before|
		 *   X        100             1000 (A)
		 *   D1       100             300          2               200
		 *   D2       30              150          4               120
		 *   Z1       10 − 30 = −20   120          ∞ (before < 0)  140
		 *   N1       (new)           100          ∞ (new: 0)      100
		 *   F        200             90           declined: not rising
		 *   Z0       50 − 50 = 0     80           ∞ (before 0)    80
		 *   E0, E1   10 each         30 each      2               20 (tie → by key)
		 *   G, H     10, 5           10, 5 (C)
		 * Rising: Z1, N1, Z0 (∞, by absolute growth), D2 (4), D1 (2, abs 200), E0, E1 (2, abs 20, by key)
		 */
		const q1 = d(2024, 3, 1);
		const q2 = d(2024, 4, 30);
		const prev: [string, number][] = [
			['X', 100],
			['D1', 100],
			['D2', 30],
			['Z1', 10],
			['Z1', -30],
			['F', 200],
			['Z0', 50],
			['Z0', -50],
			['E1', 10],
			['E0', 10],
			['G', 10],
			['H', 5]
		];
		const cur: [string, number][] = [
			['X', 1000],
			['D1', 300],
			['D2', 150],
			['Z1', 120],
			['N1', 100],
			['F', 90],
			['Z0', 80],
			['E1', 30],
			['E0', 30],
			['G', 10],
			['H', 5]
		];
		const data = salesOfRows([
			...prev.map(([key, amount]) => ({ key, amount, day: q1 })),
			...cur.map(([key, amount]) => ({ key, amount, day: q2 }))
		]);
		const s = settings(
			[
				{ name: 'A', upTo: 0.05 },
				{ name: 'B', upTo: 0.8 },
				{ name: 'C', upTo: 1 }
			],
			{ basis: 'count' }
		);
		const m = migrate(data, s, Q1_2024, Q2_2024);
		const key = (i: number) => data.customerKeys[i];
		expect(m.rising.map((r) => key(r.customer))).toEqual(['Z1', 'N1', 'Z0', 'D2', 'D1', 'E0', 'E1']);
		const byKey = Object.fromEntries(m.rising.map((r) => [key(r.customer), r]));
		expect(byKey.Z1).toMatchObject({ before: -20, after: 120, growth: Infinity, fromClass: 2, toClass: 1 });
		expect(byKey.N1).toMatchObject({ before: 0, after: 100, growth: Infinity, fromClass: 'new', toClass: 1 });
		expect(byKey.Z0).toMatchObject({ before: 0, after: 80, growth: Infinity });
		expect(byKey.D2.growth).toBe(4);
		expect(byKey.D1.growth).toBe(2);
		expect(byKey.E0.growth).toBe(2);
	});

	it('keeps at most 20 rising customers', () => {
		// two classes by rank: A up to 1 %, B the rest; 30 new customers → 29 in B, all ∞ growth, by value desc
		const q2 = d(2024, 5, 1);
		const data = salesOfRows(
			Array.from({ length: 30 }, (_, i) => ({ key: `c${String(i).padStart(2, '0')}`, amount: 1000 - i, day: q2 }))
		);
		const s = settings(
			[
				{ name: 'A', upTo: 0.01 },
				{ name: 'B', upTo: 1 }
			],
			{ basis: 'count' }
		);
		const m = migrate(data, s, Q1_2024, Q2_2024);
		expect(m.rising).toHaveLength(20);
		expect(m.rising.map((r) => data.customerKeys[r.customer])).toEqual(
			Array.from({ length: 20 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`)
		);
		expect(m.cells.find((c) => c.from === 'new' && c.to === 1)!.customers).toHaveLength(29);
	});

	it('returns are netted or ignored as the settings say, in both periods', () => {
		// Q1: a 100, b 100 and a −90 return → net b 10, ignored b 100; Q2: a 100, b 100
		const q1 = d(2024, 2, 1);
		const q2 = d(2024, 5, 1);
		const data = salesOfRows([
			{ key: 'a', amount: 100, day: q1 },
			{ key: 'b', amount: 100, day: q1 },
			{ key: 'b', amount: -90, day: q1 },
			{ key: 'a', amount: 100, day: q2 },
			{ key: 'b', amount: 100, day: q2 }
		]);
		const gsb = [...PRESETS.gsb];
		// net Q1: a 100 (0 → gold), b 10 (100/110 = .909 → bronze); Q2: a (0 → gold), b (.5 → gold)
		expect(cellMap(data, migrate(data, settings(gsb), Q1_2024, Q2_2024))).toEqual({ '0→0': ['a'], '2→0': ['b'] });
		// ignore Q1: a 100, b 100 → a gold, b (.5) gold
		expect(cellMap(data, migrate(data, settings(gsb, { returns: 'ignore' }), Q1_2024, Q2_2024))).toEqual({
			'0→0': ['a', 'b']
		});
	});

	it('needs a date column and valid periods', () => {
		const data = salesOfRows([{ key: 'a', amount: 1, day: d(2024, 1, 1) }]);
		const undated = { ...data, date: undefined };
		expect(() => migrate(undated, settings(), Q1_2024, Q2_2024)).toThrow(/no date column/);
		expect(() => migrate(data, settings(), { from: 10, to: 5 }, Q2_2024)).toThrow(/Invalid period/);
	});

	it('property: every customer of either period is in exactly one cell, consistent with both classifications', () => {
		const P1 = Q1_2024;
		const P2 = Q2_2024;
		const rowArb = fc.record({
			key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '10', '9'),
			amount: fc.integer({ min: -50, max: 500 }),
			day: fc.option(fc.integer({ min: P1.from - 20, max: P2.to + 20 }), { nil: null })
		});
		fc.assert(
			fc.property(
				fc.array(rowArb, { maxLength: 60 }),
				fc.constantFrom<ClassDef[]>(
					[...PRESETS.abc],
					[...PRESETS.gsb],
					[
						{ name: 'X', upTo: 0.5 },
						{ name: 'Y', upTo: 1 }
					]
				),
				fc.constantFrom<'net' | 'ignore'>('net', 'ignore'),
				(rows, classes, returns) => {
					const data = salesOfRows(rows);
					const m = migrate(data, settings(classes, { returns }), P1, P2);
					const k = classes.length;
					expect(m.cells).toHaveLength((k + 1) * (k + 1) - 1);
					expect(m.cells.some((c) => c.from === 'new' && c.to === 'lost')).toBe(false);
					// customers of a period, worked out independently: a dated row in it (not a return when ignored)
					const present = (p: Period) => {
						const set = new Set<number>();
						rows.forEach((r, i) => {
							if (r.day === null || r.day < p.from || r.day > p.to) return;
							if (returns === 'ignore' && r.amount < 0) return;
							set.add(data.customer[i]);
						});
						return set;
					};
					const in1 = present(P1);
					const in2 = present(P2);
					const union = new Set([...in1, ...in2]);
					const seen = new Map<number, number>();
					let total = 0;
					const prevClass = new Map<number, number>();
					const curClass = new Map<number, number>();
					const rankOf = new Map<number, number>();
					const prevRankOf = new Map<number, number>();
					m.previousClassification.rankOrder.forEach((c, r) => {
						prevClass.set(c, m.previousClassification.classIndex[r]);
						prevRankOf.set(c, r);
					});
					m.currentClassification.rankOrder.forEach((c, r) => {
						curClass.set(c, m.currentClassification.classIndex[r]);
						rankOf.set(c, r);
					});
					for (const cell of m.cells) {
						total += cell.customers.length;
						const ranks = cell.customers.map((c) => (cell.to === 'lost' ? prevRankOf.get(c)! : rankOf.get(c)!));
						expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
						for (const c of cell.customers) {
							seen.set(c, (seen.get(c) ?? 0) + 1);
							expect(cell.from === 'new' ? !in1.has(c) : in1.has(c) && prevClass.get(c) === cell.from).toBe(true);
							expect(cell.to === 'lost' ? !in2.has(c) : in2.has(c) && curClass.get(c) === cell.to).toBe(true);
						}
					}
					expect(total).toBe(union.size);
					expect([...seen.keys()].sort()).toEqual([...union].sort());
					expect([...seen.values()].every((v) => v === 1)).toBe(true);
					expect(m.rising.length).toBeLessThanOrEqual(20);
					for (const r of m.rising) {
						expect(r.toClass).toBe(1);
						expect(r.after).toBeGreaterThan(r.before);
					}
					for (const dr of m.drops) expect([dr.fromClass, dr.toClass]).toEqual([0, k - 1]);
				}
			)
		);
	});
});
