import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregate } from '../../src/lib/engine/aggregate';
import { Analysis, dashboardView } from '../../src/lib/engine/dashboard';
import { filterKey, filterOptions, filterRows, isEmptyFilter, normalizeFilter } from '../../src/lib/engine/row-filter';
import type { RowFilter, SalesColumns } from '../../src/lib/engine/types';
import { abcSettings } from './helpers';
import { build, six, SIX, SIX_MANAGERS, type DrillRow } from './drill-fixture';

/** Per customer key: its total in `data` under the default settings. */
function totalsByKey(data: SalesColumns): Record<string, number> {
	const t = aggregate(data, { metric: 'revenue', returns: 'net' });
	return Object.fromEntries(Array.from(t.customers, (c, i) => [data.customerKeys[c], t.totals[i]]));
}

describe('empty filters and keys', () => {
	it('treats absent filters and empty lists as keeping every row', () => {
		expect(isEmptyFilter(undefined)).toBe(true);
		expect(isEmptyFilter({})).toBe(true);
		expect(isEmptyFilter({ managers: [], dimensions: { Region: [] } })).toBe(true);
		expect(isEmptyFilter({ dimensions: { Region: [''] } })).toBe(false);
		expect(isEmptyFilter({ managers: ['Ann'] })).toBe(false);
	});

	it('normalizes: empty lists dropped, values distinct and sorted, dimensions by name', () => {
		expect(normalizeFilter({ managers: [], dimensions: { Region: [] } })).toEqual({});
		expect(
			normalizeFilter({ managers: ['Bob', 'Ann', 'Bob'], dimensions: { Region: ['South', 'North'], Colour: [] } })
		).toEqual({ managers: ['Ann', 'Bob'], dimensions: { Region: ['North', 'South'] } });
	});

	it('gives equal keys to equal filters and the empty key to empty ones', () => {
		const a: RowFilter = { dimensions: { Region: ['South', 'North'], Category: ['Food'] } };
		const b: RowFilter = { dimensions: { Category: ['Food'], Region: ['North', 'South', 'North'] }, managers: [] };
		expect(filterKey(a)).toBe(filterKey(b));
		expect(filterKey(a)).not.toBe(filterKey({ dimensions: { Region: ['North'] } }));
		expect(filterKey(undefined)).toBe('');
		expect(filterKey({ managers: [] })).toBe('');
	});
});

describe('filterRows', () => {
	it('returns the dataset itself for an empty filter', () => {
		const data = six();
		expect(filterRows(data, undefined)).toBe(data);
		expect(filterRows(data, {})).toBe(data);
		expect(filterRows(data, { dimensions: { Region: [] } })).toBe(data);
	});

	it('keeps the rows of one region, with the same dictionaries and every column compacted', () => {
		const data = six();
		const north = filterRows(data, { dimensions: { Region: ['North'] } });
		// rows 1, 3, 5, 7: A 500, B 300, C 50, E 80
		expect(north.rowCount).toBe(4);
		expect(Array.from(north.amount)).toEqual([500, 300, 50, 80]);
		expect(north.customerKeys).toBe(data.customerKeys);
		expect(north.customerNames).toBe(data.customerNames);
		expect(north.customerManager).toBe(data.customerManager);
		expect(north.managers).toBe(data.managers);
		expect(north.dimensions!.map((d) => d.values)).toEqual(data.dimensions!.map((d) => d.values));
		expect(north.dimensions![1].codes).toEqual(Uint16Array.from([0, 1, 0, 1])); // Tools, Food, Tools, Food
		expect(totalsByKey(north)).toEqual({ A: 500, B: 300, C: 50, E: 80 });
		// the same as the rows picked by hand
		const byHand = build(
			SIX.filter((r) => r.region === 'North'),
			{
				managers: SIX_MANAGERS,
				keys: data.customerKeys,
				dimensionValues: { region: data.dimensions![0].values, category: data.dimensions![1].values }
			}
		);
		expect(north).toEqual(byHand);
	});

	it('compacts quantity, profit, date and order too, keeping their array types', () => {
		const rows: DrillRow[] = [
			{ key: 'X', amount: 1, quantity: 2, profit: 3, day: 100, order: 7, region: 'N' },
			{ key: 'Y', amount: 4, quantity: 5, profit: 6, day: null, order: -1, region: 'S' },
			{ key: 'X', amount: 7, quantity: 8, profit: 9, day: 102, order: 8, region: 'N' }
		];
		const data = build(rows);
		data.order = Int32Array.from(data.order!);
		const n = filterRows(data, { dimensions: { Region: ['N'] } });
		expect(n.quantity).toEqual(Float64Array.from([2, 8]));
		expect(n.profit).toEqual(Float64Array.from([3, 9]));
		expect(n.date).toEqual(Int32Array.from([100, 102]));
		expect(n.order).toEqual(Int32Array.from([7, 8]));
		expect(n.customer).toEqual(Int32Array.from([0, 0]));
	});

	it("keeps a manager's customers' rows; '' stands for customers without a manager", () => {
		const data = six();
		// Ann: A, B, F → rows 1, 2, 3, 8, 9, 10
		expect(totalsByKey(filterRows(data, { managers: ['Ann'] }))).toEqual({ A: 600, B: 320, F: -20 });
		expect(totalsByKey(filterRows(data, { managers: [''] }))).toEqual({ E: 80 });
		expect(totalsByKey(filterRows(data, { managers: ['Bob', ''] }))).toEqual({ C: 250, D: 150, E: 80 });
	});

	it('needs every condition; values of one condition are alternatives', () => {
		const data = six();
		// North and Bob: row 5 only (C 50)
		expect(totalsByKey(filterRows(data, { managers: ['Bob'], dimensions: { Region: ['North'] } }))).toEqual({ C: 50 });
		// (North or empty region) and Tools: rows 1, 5, 10
		const f = filterRows(data, { dimensions: { Region: ['North', ''], Category: ['Tools'] } });
		expect(Array.from(f.amount)).toEqual([500, 50, 20]);
	});

	it('matches no row for an unknown value, ignores an unknown dimension', () => {
		const data = six();
		const none = filterRows(data, { dimensions: { Region: ['West'] } });
		expect(none.rowCount).toBe(0);
		expect(none.customerKeys).toBe(data.customerKeys);
		expect(aggregate(none, { metric: 'revenue', returns: 'net' }).customers.length).toBe(0);
		expect(filterRows(data, { dimensions: { Colour: ['Red'] } })).toBe(data);
		expect(filterRows(data, { dimensions: { Colour: ['Red'], Region: [''] } }).rowCount).toBe(1);
	});

	it('ignores a manager filter on a dataset without managers, and every dimension on an older dataset', () => {
		const data = six();
		const plain = { ...data, customerManager: undefined, managers: undefined };
		expect(filterRows(plain, { managers: ['Ann'] })).toBe(plain);
		const older = { ...data, dimensions: undefined };
		expect(filterRows(older, { dimensions: { Region: ['North'] } })).toBe(older);
	});

	it('gives the same dashboard as a dataset built from the kept rows alone (property)', () => {
		const regions = ['N', 'S', 'E', ''];
		const categories = ['a', 'b', 'c'];
		const row = fc.record({
			key: fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'),
			amount: fc.integer({ min: -50, max: 500 }),
			quantity: fc.integer({ min: -2, max: 9 }),
			day: fc.integer({ min: 19_700, max: 20_100 }),
			order: fc.integer({ min: -1, max: 12 }),
			region: fc.constantFrom(...regions),
			category: fc.constantFrom(...categories)
		});
		const managerOf = { k1: 'M1', k2: 'M1', k3: 'M2', k5: 'M3', k6: 'M2' } as Record<string, string>;
		const filter = fc.record(
			{
				managers: fc.subarray(['M1', 'M2', 'M3', '', 'Nobody']),
				dimensions: fc.record(
					{ Region: fc.subarray([...regions, 'W']), Category: fc.subarray(categories), Colour: fc.subarray(['red']) },
					{ requiredKeys: [] }
				)
			},
			{ requiredKeys: [] }
		);
		const settings = fc.record({
			metric: fc.constantFrom('revenue' as const, 'payments' as const, 'units' as const),
			returns: fc.constantFrom('net' as const, 'ignore' as const),
			dateFrom: fc.option(fc.integer({ min: 19_700, max: 20_100 }), { nil: undefined })
		});
		fc.assert(
			fc.property(fc.array(row, { maxLength: 40 }), filter, settings, (rows, f, s) => {
				const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'];
				const dimensionValues = { region: regions, category: categories };
				const opts = { managers: managerOf, keys, dimensionValues, managerNames: ['M1', 'M2', 'M3'], allColumns: true };
				const data = build(rows, opts);
				const f2 = f as RowFilter;
				const kept = rows.filter((r) => {
					const m = managerOf[r.key] ?? '';
					if (f2.managers && f2.managers.length > 0 && !f2.managers.includes(m)) return false;
					const d = f2.dimensions ?? {};
					if (d.Region && d.Region.length > 0 && !d.Region.includes(r.region)) return false;
					if (d.Category && d.Category.length > 0 && !d.Category.includes(r.category)) return false;
					return true;
				});
				const filtered = filterRows(data, f2);
				const alone = build(kept, opts);
				const cs = abcSettings(s);
				const view = (d: SalesColumns) => dashboardView(d, new Analysis(d).classify(cs));
				expect(view(filtered)).toEqual(view(alone));
				expect(filtered.rowCount).toBe(kept.length);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('filterOptions', () => {
	it('lists managers and dimension values by rows, most first, ties in code-unit order, empty last', () => {
		const o = filterOptions(six());
		expect(o.olderDataset).toBe(false);
		// Ann: A 2 + B 2 + F 2 rows; Bob: C 2 + D 1; none: E 1
		expect(o.managers).toEqual({
			name: 'manager',
			values: [
				{ value: 'Ann', rows: 6 },
				{ value: 'Bob', rows: 3 },
				{ value: '', rows: 1 }
			]
		});
		expect(o.dimensions).toEqual([
			{
				name: 'Region',
				values: [
					{ value: 'South', rows: 5 },
					{ value: 'North', rows: 4 },
					{ value: '', rows: 1 }
				]
			},
			{
				name: 'Category',
				values: [
					{ value: 'Food', rows: 5 },
					{ value: 'Tools', rows: 5 }
				]
			}
		]);
	});

	it('says when the dataset predates dimensions, and gives no managers without a manager column', () => {
		const data = { ...six(), dimensions: undefined, customerManager: undefined, managers: undefined };
		expect(filterOptions(data)).toEqual({ managers: null, dimensions: [], olderDataset: true });
	});

	it('leaves out values no row has', () => {
		const data = build(SIX, { dimensionValues: { region: ['North', 'South', '', 'West'], category: [] } });
		expect(filterOptions(data).dimensions[0].values.map((v) => v.value)).toEqual(['South', 'North', '']);
	});
});
