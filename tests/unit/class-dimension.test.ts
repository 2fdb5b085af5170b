import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import { classByDimension, classesWithin } from '../../src/lib/engine/class-dimension';
import { OTHER_VALUE } from '../../src/lib/engine/drill-types';
import { filterRows } from '../../src/lib/engine/row-filter';
import type { ClassifySettings, SalesColumns } from '../../src/lib/engine/types';
import { abcSettings } from './helpers';
import { build, day, six, type DrillRow } from './drill-fixture';

const classified = (data: SalesColumns, s: ClassifySettings) => classify(aggregate(data, s), data.customerKeys, s);

// SIX under ABC 80/95 (share base 1400): A 600 (before 0) A, B 320 (600/1400 = 42.9 %) A,
// C 250 (920/1400 = 65.7 %) A, D 150 (1170/1400 = 83.6 %) B, E 80 (1320/1400 = 94.3 %) B,
// F −20: lowest class, outside the segment sums. Segments: A 1170 (3), B 230 (2), C 0.

describe('classByDimension', () => {
	it('splits each class by category; the cells add up to the segment values', () => {
		const data = six();
		const c = classified(data, abcSettings());
		const v = classByDimension(data, c, 'Category');
		// class A: Tools A 500 + B 20 + C 200 + C 50 = 770, Food A 100 + B 300 = 400;
		// class B: Food D 150 + E 80 = 230; F's rows (−30 Tools, 10 Food) are in no cell
		expect(v).toEqual({
			dimension: 'Category',
			classes: ['A', 'B', 'C'],
			values: ['Tools', 'Food'], // 770 before 630
			cells: [
				[770, 400],
				[0, 230],
				[0, 0]
			],
			customers: [
				[3, 2],
				[0, 2],
				[0, 0]
			],
			classTotals: [1170, 230, 0],
			grouped: 0
		});
		expect(v.classTotals).toEqual(c.segments.map((s) => s.value));
	});

	it('keeps the empty value as a column and groups the values beyond the limit', () => {
		const data = six();
		const c = classified(data, abcSettings());
		const v = classByDimension(data, c, 'Region');
		// A: North 500 + 300 + 50 = 850, South 100 + 200 = 300, empty 20 (B); B: North 80, South 150
		expect(v.values).toEqual(['North', 'South', '']);
		expect(v.cells).toEqual([
			[850, 300, 20],
			[80, 150, 0],
			[0, 0, 0]
		]);
		const one = classByDimension(data, c, 'Region', 1);
		expect(one.values).toEqual(['North', OTHER_VALUE]);
		expect(one.grouped).toBe(2);
		expect(one.cells).toEqual([
			[850, 320],
			[80, 150],
			[0, 0]
		]);
		// class A customers in South or empty: A, C (South), B (empty) → 3
		expect(one.customers).toEqual([
			[3, 3],
			[1, 1],
			[0, 0]
		]);
	});

	it('reads the metric, returns policy and period from the classification, in value units', () => {
		const rows: DrillRow[] = [
			{ key: 'X', amount: 1050, quantity: 3, day: day(2024, 1, 5), region: 'N' },
			{ key: 'X', amount: -250, quantity: -1, day: day(2024, 1, 6), region: 'S' },
			{ key: 'Y', amount: 400, quantity: 2, day: day(2024, 2, 1), region: 'S' },
			{ key: 'Y', amount: 999, quantity: 9, day: day(2024, 3, 1), region: 'N' }
		];
		const data = { ...build(rows), amountScale: 2 };
		// revenue, net, all dates: X 8.00 (10.50 N, −2.50 S), Y 13.99 (4.00 S, 9.99 N); Y is A, and
		// X too (before 1399/2199 = 63.6 % < 80 %). N: 10.50 + 9.99 = 20.49, S: −2.50 + 4.00 = 1.50
		const net = classByDimension(data, classified(data, abcSettings()), 'Region');
		expect(net.values).toEqual(['N', 'S']);
		expect(net.cells[0][0]).toBeCloseTo(20.49, 10);
		expect(net.cells[0][1]).toBeCloseTo(1.5, 10);
		// ignore returns, units, until February: X 3 (N), Y 2 (S)
		const s = abcSettings({ metric: 'units', returns: 'ignore', dateTo: day(2024, 2, 29) });
		const units = classByDimension(data, classified(data, s), 'Region');
		expect(units.values).toEqual(['N', 'S']);
		expect(units.cells).toEqual([
			[3, 2],
			[0, 0],
			[0, 0]
		]);
	});

	it('counts a payment once per value it has rows in', () => {
		// X: order 1 has a Tools line and a Food line, order 2 a Tools line, a return is no payment,
		// a row without an order is one payment. Y: order 1 too (another customer's order 1).
		const rows: DrillRow[] = [
			{ key: 'X', amount: 10, order: 1, category: 'Tools' },
			{ key: 'X', amount: 20, order: 1, category: 'Food' },
			{ key: 'X', amount: 30, order: 1, category: 'Tools' },
			{ key: 'X', amount: 40, order: 2, category: 'Tools' },
			{ key: 'X', amount: -5, order: 3, category: 'Food' },
			{ key: 'X', amount: 5, order: -1, category: 'Food' },
			{ key: 'Y', amount: 50, order: 1, category: 'Tools' }
		];
		const data = build(rows);
		const s = abcSettings({ metric: 'payments' });
		const c = classified(data, s);
		// payments: X 3 (orders 1, 2 and the row without one), Y 1; X is A, Y before 3/4 = 75 % → A
		expect(Array.from(c.value)).toEqual([3, 1]);
		const v = classByDimension(data, c, 'Category');
		// Tools: X orders 1, 2 + Y order 1 = 3; Food: X order 1 + the row without an order = 2
		expect(v.values).toEqual(['Tools', 'Food']);
		expect(v.cells[0]).toEqual([3, 2]);
		expect(v.classTotals[0]).toBe(5); // more than the class's 4 payments: order 1 is in both values
		expect(v.customers[0]).toEqual([2, 1]);
	});

	it('throws for a dimension the dataset does not have', () => {
		const data = six();
		expect(() => classByDimension(data, classified(data, abcSettings()), 'Colour')).toThrow(/no dimension "Colour"/);
	});
});

describe('classesWithin', () => {
	it('classifies each region on its own rows', () => {
		const data = six();
		const v = classesWithin(data, abcSettings(), 'Region');
		expect(v.dimension).toBe('Region');
		expect(v.more).toBe(0);
		expect(v.rows.map((r) => [r.value, r.customerCount, r.total])).toEqual([
			// North: A 500, B 300, E 80, C 50 (base 930); South: C 200, D 150, A 100, F −20 (base 450); empty: B 20
			['North', 4, 930],
			['South', 4, 450],
			['', 1, 20]
		]);
		const north = v.rows[0];
		// A before 0, B before 500/930 = 53.8 % → A; E before 800/930 = 86.0 %, C 880/930 = 94.6 % → B
		expect(north.segments.map((s) => [s.customers, s.value])).toEqual([
			[2, 800],
			[2, 130],
			[0, 0]
		]);
		expect(north.top).toEqual([
			{ key: 'A', name: 'Name A', value: 500, share: 500 / 930 },
			{ key: 'B', name: 'Name B', value: 300, share: 300 / 930 }
		]);
		// South: C, D (before 200/450), A (before 350/450 = 77.8 %) are all A; F is outside
		expect(v.rows[1].segments[0]).toMatchObject({ customers: 3, value: 450, customerShare: 3 / 4, valueShare: 1 });
		expect(v.rows[1].top.map((t) => t.key)).toEqual(['C', 'D', 'A']);
	});

	it('equals classify on the rows filtered to each value, and counts the values left out', () => {
		const data = six();
		const s = abcSettings();
		const v = classesWithin(data, s, 'Region', 2);
		expect(v.rows.map((r) => r.value)).toEqual(['North', 'South']);
		expect(v.more).toBe(1);
		for (const row of v.rows) {
			const c = classified(filterRows(data, { dimensions: { Region: [row.value] } }), s);
			expect(row.segments).toEqual(c.segments);
			expect(row.total).toBe(c.total);
			expect(row.customerCount).toBe(c.rankOrder.length);
		}
	});

	it('equals classify on the filtered rows for random data and settings (property)', () => {
		const row = fc.record({
			key: fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k10', 'k9'),
			amount: fc.constantFrom(-40, 0, 10, 10, 20, 50, 100, 250),
			quantity: fc.integer({ min: -1, max: 4 }),
			day: fc.integer({ min: 19_700, max: 19_760 }),
			order: fc.integer({ min: -1, max: 6 }),
			region: fc.constantFrom('N', 'S', 'E', ''),
			category: fc.constantFrom('a', 'b')
		});
		const settings = fc.record({
			metric: fc.constantFrom('revenue' as const, 'payments' as const, 'units' as const),
			returns: fc.constantFrom('net' as const, 'ignore' as const),
			dateTo: fc.option(fc.integer({ min: 19_700, max: 19_760 }), { nil: undefined }),
			preset: fc.constantFrom('abc' as const, 'gsb' as const, 'rank203050' as const)
		});
		fc.assert(
			fc.property(fc.array(row, { maxLength: 40 }), settings, fc.integer({ min: 1, max: 5 }), (rows, p, limit) => {
				const data = build(rows, { allColumns: true });
				const s = abcSettings({
					metric: p.metric,
					returns: p.returns,
					dateTo: p.dateTo,
					classes: [...PRESETS[p.preset]],
					basis: p.preset === 'rank203050' ? 'count' : 'value'
				});
				const v = classesWithin(data, s, 'Region', limit);
				const expected = data
					.dimensions![0].values.map((value) => ({
						value,
						c: classified(filterRows(data, { dimensions: { Region: [value] } }), s)
					}))
					.filter((e) => e.c.rankOrder.length > 0)
					.sort((a, b) => b.c.total - a.c.total || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
				expect(v.more).toBe(Math.max(0, expected.length - limit));
				expect(v.rows.map((r) => r.value)).toEqual(expected.slice(0, limit).map((e) => e.value));
				v.rows.forEach((r, i) => {
					const c = expected[i].c;
					expect(r.segments).toEqual(c.segments);
					expect(r.total).toBe(c.total);
					expect(r.customerCount).toBe(c.rankOrder.length);
					const top = [];
					for (let k = 0; k < c.rankOrder.length && top.length < 5; k++) {
						if (c.classIndex[k] !== 0 || !(c.value[k] > 0)) break;
						top.push({ key: data.customerKeys[c.rankOrder[k]], value: c.value[k], share: c.share[k] });
					}
					expect(r.top.map((t) => ({ key: t.key, value: t.value, share: t.share }))).toEqual(top);
				});
			}),
			{ numRuns: 300 }
		);
	});

	it('throws for a dimension the dataset does not have', () => {
		expect(() => classesWithin(six(), abcSettings(), 'Colour')).toThrow(/no dimension/);
	});
});
