/** The first and last day of a date column, as a dataset's record keeps them. */
import { NO_DAY } from '../core/calendar';

/**
 * The smallest and largest day number (days since 1970-01-01) in `date`, rows without a date
 * (NO_DAY) left out; null without a date column or when no row has a date.
 */
export function dateRangeOf(date: Int32Array | undefined): [number, number] | null {
	if (!date) return null;
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < date.length; i++) {
		const d = date[i];
		if (d === NO_DAY) continue;
		if (d < min) min = d;
		if (d > max) max = d;
	}
	return min <= max ? [min, max] : null;
}
