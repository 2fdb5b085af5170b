// The filter bar's options counted a slice of rows at a time (engine/row-filter.ts
// FilterOptionsInSlices, as the worker counts them between requests) equal filterOptions at once.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { filterOptions, FilterOptionsInSlices } from '../../src/lib/engine/row-filter';
import type { SalesColumns } from '../../src/lib/engine/types';

describe('FilterOptionsInSlices', () => {
	it('gives what filterOptions gives, whatever the slice size', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.nat(5), fc.nat(2), fc.nat(3)), { maxLength: 60 }),
				fc.integer({ min: 1, max: 70 }),
				fc.boolean(),
				(rows, slice, withManagers) => {
					const data = {
						rowCount: rows.length,
						customerKeys: ['a', 'b', 'c', 'd', 'e', 'f'],
						customerNames: ['a', 'b', 'c', 'd', 'e', 'f'],
						customer: Int32Array.from(rows, (r) => r[0]),
						amount: new Float64Array(rows.length),
						amountScale: 0,
						...(withManagers
							? { customerManager: Int32Array.from([0, 1, -1, 0, 1, 1]), managers: ['Ann', 'Bob'] }
							: {}),
						dimensions: [
							{ name: 'Region', values: ['North', 'South', ''], codes: Uint16Array.from(rows, (r) => r[1]) },
							{ name: 'Kind', values: ['w', 'x', 'y', 'z'], codes: Uint16Array.from(rows, (r) => r[2]) }
						]
					} as SalesColumns;
					const counting = new FilterOptionsInSlices(data);
					let calls = 0;
					while (!counting.done) {
						counting.rows(slice);
						calls++;
					}
					expect(calls).toBe(Math.ceil(rows.length / slice));
					expect(counting.result()).toEqual(filterOptions(data));
				}
			),
			{ numRuns: 100 }
		);
	});
});
