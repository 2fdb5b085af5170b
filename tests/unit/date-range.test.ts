/** A dataset's date range (engine/date-range.ts): first and last day, rows without a date left out. */
import { describe, expect, it } from 'vitest';
import { NO_DAY } from '../../src/lib/core/calendar';
import { dateRangeOf } from '../../src/lib/engine/date-range';

describe('dateRangeOf', () => {
	it('gives the smallest and largest day, in any order', () => {
		expect(dateRangeOf(Int32Array.from([19_800, 19_723, 20_100, 19_900]))).toEqual([19_723, 20_100]);
	});

	it('leaves out rows without a date, including days before 1970', () => {
		expect(dateRangeOf(Int32Array.from([NO_DAY, -365, NO_DAY, 42]))).toEqual([-365, 42]);
		expect(dateRangeOf(Int32Array.from([NO_DAY, 7]))).toEqual([7, 7]);
	});

	it('is null without a date column, for an empty one, and when no row has a date', () => {
		expect(dateRangeOf(undefined)).toBeNull();
		expect(dateRangeOf(new Int32Array(0))).toBeNull();
		expect(dateRangeOf(Int32Array.from([NO_DAY, NO_DAY]))).toBeNull();
	});
});
