/**
 * The filter bar's counts under the filter in force (README "Dimensions and filters"): for each
 * field, its values' sales rows among the rows the OTHER conditions (and the period) keep, so a
 * value that would leave nothing shows 0 before it is ticked.
 */
import { NO_DAY } from '../core/calendar';
import { MANAGERS } from './filter-relax';
import { keptRows, normalizeFilter } from './row-filter';
import type { ClassifySettings, RowFilter, SalesColumns } from './types';

/** field (a dimension's name, or MANAGERS) → value ('' = empty / no manager) → rows */
export type FilterCounts = Record<string, Record<string, number>>;

/**
 * Per field of the filter bar, rows per value among the rows kept by every condition of
 * `settings.filter` except that field's own, and by the period (`dateFrom`/`dateTo`; rows without
 * a valid date are outside a period). Values without a row are absent (read as 0).
 */
export function filterCounts(data: SalesColumns, settings: ClassifySettings): FilterCounts {
	const filter = normalizeFilter(settings.filter);
	const period = data.date !== undefined && (settings.dateFrom !== undefined || settings.dateTo !== undefined);
	const from = settings.dateFrom ?? -Infinity;
	const to = settings.dateTo ?? Infinity;
	const inPeriod = (r: number) => {
		if (!period) return true;
		const d = data.date![r];
		return d !== NO_DAY && d >= from && d <= to;
	};
	const without = (field: string): RowFilter => {
		if (field === MANAGERS) return { ...filter, managers: undefined };
		const dimensions = { ...filter.dimensions };
		delete dimensions[field];
		return { ...filter, dimensions };
	};
	// fields without a condition of their own all count over the rows the whole filter keeps: once
	const keptCache = new Map<string, ReturnType<typeof keptRows>>();
	const keptFor = (field: string) => {
		const own = field === MANAGERS ? !!filter.managers : !!filter.dimensions?.[field];
		const key = own ? field : '*';
		if (!keptCache.has(key)) keptCache.set(key, keptRows(data, own ? without(field) : filter));
		return keptCache.get(key)!;
	};
	/** the rows kept by every condition but `field`'s own, and the period, as a visitor */
	const eachRow = (field: string, visit: (r: number) => void) => {
		const kept = keptFor(field);
		if (kept === null) {
			for (let r = 0; r < data.rowCount; r++) if (inPeriod(r)) visit(r);
		} else {
			for (let i = 0; i < kept.count; i++) if (inPeriod(kept.rows[i])) visit(kept.rows[i]);
		}
	};
	const out: FilterCounts = {};
	const fields: string[] = [
		...(data.customerManager && data.managers ? [MANAGERS] : []),
		...(data.dimensions ?? []).map((d) => d.name)
	];
	for (const field of fields) {
		const perCode = new Float64Array(field === MANAGERS ? data.managers!.length + 1 : 0);
		const dim = field === MANAGERS ? null : data.dimensions!.find((d) => d.name === field)!;
		const codes = dim ? new Float64Array(dim.values.length) : perCode;
		if (dim) eachRow(field, (r) => codes[dim.codes[r]]++);
		else eachRow(field, (r) => codes[data.customerManager![data.customer[r]] + 1]++);
		const counts: Record<string, number> = {};
		codes.forEach((n, code) => {
			if (n === 0) return;
			const value = dim ? dim.values[code] : code === 0 ? '' : data.managers![code - 1];
			counts[value] = (counts[value] ?? 0) + n;
		});
		out[field] = counts;
	}
	return out;
}
