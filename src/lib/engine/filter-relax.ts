/**
 * Which condition to relax when a filter leaves no customer (README "Dimensions and filters"): for
 * each condition of the filter, and for the period, how many customers the rows would have without
 * that one condition.
 */
import { aggregate } from './aggregate';
import { filterRows } from './row-filter';
import type { ClassifySettings, RowFilter, SalesColumns } from './types';

/** A condition of the filter: a dimension's name, or MANAGERS for the manager condition. */
export const MANAGERS = '\u0000manager';

export interface RelaxOption {
	/** a dimension's name, MANAGERS, or 'period' for the date range */
	condition: string;
	/** customers with a row in scope once that condition is removed */
	customers: number;
}

/**
 * For each condition of `settings.filter` (and the period when one is set): the customers left once
 * only that condition is removed. Shape: one entry per condition, managers first, then dimensions in
 * the filter's order, then 'period'.
 */
export function relaxOptions(data: SalesColumns, settings: ClassifySettings): RelaxOption[] {
	const filter = settings.filter ?? {};
	const count = (f: RowFilter, s: ClassifySettings) => aggregate(filterRows(data, f), s).customers.length;
	const out: RelaxOption[] = [];
	if (filter.managers?.length) {
		out.push({ condition: MANAGERS, customers: count({ ...filter, managers: undefined }, settings) });
	}
	for (const name of Object.keys(filter.dimensions ?? {})) {
		if (!filter.dimensions![name]?.length) continue;
		const dimensions = { ...filter.dimensions };
		delete dimensions[name];
		out.push({ condition: name, customers: count({ ...filter, dimensions }, settings) });
	}
	if (settings.dateFrom !== undefined || settings.dateTo !== undefined) {
		out.push({
			condition: 'period',
			customers: count(filter, { ...settings, dateFrom: undefined, dateTo: undefined })
		});
	}
	return out;
}
