import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecimalColumn } from '../../src/lib/ingest/builder-columns';
import { rescale } from '../../src/lib/ingest/numbers';

/** The common scale as the builder has always chosen it: the largest at which every value fits, found value by value. */
function reference(values: { m: number; d: number }[]): { values: number[]; scale: number } {
	let scale = 0;
	for (const v of values) scale = Math.max(scale, v.d);
	for (; scale > 0; scale--)
		if (values.every((v) => Math.abs(v.m) * 10 ** (scale - v.d) <= Number.MAX_SAFE_INTEGER)) break;
	return { values: values.map((v) => (v.d === scale ? v.m : rescale(v, scale))), scale };
}

describe('DecimalColumn.finish', () => {
	it('chooses the scale and values the value-by-value search chooses', () => {
		const decimal = fc.record({
			m: fc.oneof(
				fc.integer({ min: -1_000_000, max: 1_000_000 }),
				fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
				fc.constantFrom(0, 1, -1, 123456789012345, Number.MAX_SAFE_INTEGER)
			),
			d: fc.oneof(fc.constantFrom(0, 2), fc.integer({ min: 0, max: 15 }))
		});
		fc.assert(
			fc.property(fc.array(decimal, { maxLength: 60 }), (values) => {
				const column = new DecimalColumn();
				for (const v of values) column.push(v);
				const { values: got, scale } = column.finish();
				const want = reference(values);
				expect(scale).toBe(want.scale);
				expect(Array.from(got)).toEqual(want.values);
			}),
			{ numRuns: 3000 }
		);
	});
});
