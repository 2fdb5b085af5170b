// A manager filter keeps every row of a customer or none (engine/row-filter.ts customerMask): an
// Analysis of those customers built from the whole dataset's totals and ranking
// (engine/customer-subset.ts, engine/analysis.ts) classifies exactly as one built on the kept rows,
// whatever the metric, returns policy, period or preset, and gathers no row until one is read.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRESETS } from '../../src/lib/engine/abc';
import { Analysis } from '../../src/lib/engine/analysis';
import { customerMask, filterRows } from '../../src/lib/engine/row-filter';
import type { ClassifySettings, RowFilter, SalesColumns } from '../../src/lib/engine/types';
import { abcSettings } from './helpers';

const MANAGERS = ['Ann', 'Bob', 'Cy'];
const KEYS = ['k1', 'k2', 'K3', 'k10', 'a', 'b', 'é', 'z9'];

const row = fc.record({
	customer: fc.integer({ min: 0, max: KEYS.length - 1 }),
	amount: fc.integer({ min: -200, max: 900 }),
	quantity: fc.integer({ min: -2, max: 5 }),
	day: fc.integer({ min: 20000, max: 20060 }),
	order: fc.integer({ min: 100, max: 130 }),
	region: fc.integer({ min: 0, max: 1 })
});

type Row = { customer: number; amount: number; quantity: number; day: number; order: number; region: number };

function dataOf(rows: Row[], managerOf: number[]): SalesColumns {
	return {
		rowCount: rows.length,
		customerKeys: KEYS,
		customerNames: KEYS.map((k) => `Name ${k}`),
		customer: Int32Array.from(rows, (r) => r.customer),
		amount: Float64Array.from(rows, (r) => r.amount),
		amountScale: 0,
		quantity: Float64Array.from(rows, (r) => r.quantity),
		quantityScale: 0,
		date: Int32Array.from(rows, (r) => r.day),
		order: Float64Array.from(rows, (r) => r.order),
		customerManager: Int32Array.from(managerOf),
		managers: MANAGERS,
		dimensions: [{ name: 'Region', values: ['North', 'South'], codes: Uint16Array.from(rows, (r) => r.region) }]
	} as SalesColumns;
}

const settingsArb = fc.record({
	metric: fc.constantFrom<ClassifySettings['metric']>('revenue', 'payments', 'units'),
	returns: fc.constantFrom<ClassifySettings['returns']>('net', 'ignore'),
	preset: fc.constantFrom<keyof typeof PRESETS>('abc', 'gsb', 'rank203050'),
	period: fc.option(fc.tuple(fc.integer({ min: 20000, max: 20030 }), fc.integer({ min: 20030, max: 20060 })))
});

describe('a manager filter from the whole dataset', () => {
	it('classifies as an Analysis of the kept rows does', () => {
		fc.assert(
			fc.property(
				fc.array(row, { maxLength: 80 }),
				fc.array(fc.integer({ min: -1, max: MANAGERS.length - 1 }), {
					minLength: KEYS.length,
					maxLength: KEYS.length
				}),
				fc.subarray(['Ann', 'Bob', 'Cy', ''], { minLength: 1 }),
				fc.array(settingsArb, { minLength: 1, maxLength: 4 }),
				(rows, managerOf, managers, switches) => {
					const data = dataOf(rows, managerOf);
					const filter: RowFilter = { managers };
					const keep = customerMask(data, filter);
					expect(keep).not.toBeNull();
					const whole = new Analysis(data);
					let gathered = 0;
					const subset = new Analysis({
						whole,
						keep: keep!,
						rows: () => {
							gathered++;
							return filterRows(data, filter);
						}
					});
					const byRows = new Analysis(filterRows(data, filter));
					for (const x of switches) {
						const s = abcSettings({
							metric: x.metric,
							returns: x.returns,
							classes: [...PRESETS[x.preset]],
							basis: x.preset === 'rank203050' ? 'count' : undefined,
							dateFrom: x.period?.[0],
							dateTo: x.period?.[1]
						});
						expect(subset.totals(s)).toEqual(byRows.totals(s));
						expect(subset.classify(s)).toEqual(byRows.classify(s));
					}
					expect(gathered).toBe(0);
					expect(subset.data).toEqual(byRows.data);
					expect(gathered).toBe(1);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('is a customer filter only for a manager condition without a dimension condition the data has', () => {
		const data = dataOf([], [0, 1, 2, -1, 0, 1, 2, -1]);
		expect(Array.from(customerMask(data, { managers: ['Ann', ''] })!)).toEqual([1, 0, 0, 1, 1, 0, 0, 1]);
		expect(customerMask(data, { managers: ['Ann'], dimensions: { Region: ['North'] } })).toBeNull();
		expect(customerMask(data, { managers: ['Ann'], dimensions: { Colour: ['Red'] } })).not.toBeNull();
		expect(customerMask(data, { dimensions: { Region: ['North'] } })).toBeNull();
		expect(customerMask(data, {})).toBeNull();
		expect(
			customerMask({ ...data, customerManager: undefined, managers: undefined }, { managers: ['Ann'] })
		).toBeNull();
	});
});
