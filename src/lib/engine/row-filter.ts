/**
 * The filter bar's rows (README "Dimensions and filters"): which rows of a dataset count, by the
 * customer's manager and by the values of the dimension columns, and what the bar can offer.
 * Every view of a filtered dashboard is computed on `filterRows(data, filter)`, a smaller dataset
 * with the same customer dictionaries, so the classification rules apply unchanged.
 */
import type { FilterField, FilterOptions } from './drill-types';
import type { DimensionColumn, RowFilter, SalesColumns } from './types';

/** True when `f` keeps every row: absent, or no condition with at least one value. */
export function isEmptyFilter(f?: RowFilter): boolean {
	if (!f) return true;
	if (f.managers && f.managers.length > 0) return false;
	if (f.dimensions) for (const values of Object.values(f.dimensions)) if (values.length > 0) return false;
	return true;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Distinct values in code-unit order. */
function sortedUnique(values: readonly string[]): string[] {
	return [...new Set(values)].sort(byCodeUnits);
}

/**
 * The same filter in one canonical form: empty lists dropped (an empty list keeps every row),
 * values distinct and sorted in code-unit order, dimensions sorted by name. `{}` for an empty filter.
 */
export function normalizeFilter(f?: RowFilter): RowFilter {
	const out: RowFilter = {};
	if (!f) return out;
	if (f.managers && f.managers.length > 0) out.managers = sortedUnique(f.managers);
	if (f.dimensions) {
		const names = Object.keys(f.dimensions)
			.filter((name) => f.dimensions![name].length > 0)
			.sort(byCodeUnits);
		if (names.length > 0) {
			out.dimensions = {};
			for (const name of names) out.dimensions[name] = sortedUnique(f.dimensions[name]);
		}
	}
	return out;
}

/** A string equal for equal filters (same conditions, whatever the order), '' for an empty one: a cache key. */
export function filterKey(f?: RowFilter): string {
	if (isEmptyFilter(f)) return '';
	return JSON.stringify(normalizeFilter(f));
}

/**
 * Per customer: 1 when its manager (`customerManager` → `managers`; '' for a customer without one)
 * is one of `names`. Null when the dataset has no manager column (the condition is ignored).
 */
function managerMask(data: SalesColumns, names: readonly string[]): Uint8Array | null {
	if (!data.customerManager || !data.managers) return null;
	const wanted = new Set(names);
	const managerOk = data.managers.map((m) => wanted.has(m));
	const noManagerOk = wanted.has('');
	const mask = new Uint8Array(data.customerKeys.length);
	for (let c = 0; c < mask.length; c++) {
		const m = data.customerManager[c];
		mask[c] = (m < 0 ? noManagerOk : managerOk[m]) ? 1 : 0;
	}
	return mask;
}

/**
 * Per customer, 1 when `filter` keeps its rows, when the filter decides by customer alone: a manager
 * condition the dataset can apply and no dimension condition it can (one it has no dimension for is
 * ignored, as in `keptRows`). Then `filterRows` keeps every row of these customers and no other, so
 * their totals are the whole dataset's (engine/customer-subset.ts). Null for any other filter.
 */
export function customerMask(data: SalesColumns, filter: RowFilter | undefined): Uint8Array | null {
	if (isEmptyFilter(filter)) return null;
	const f = normalizeFilter(filter);
	if (!f.managers) return null;
	for (const name of Object.keys(f.dimensions ?? {})) if (data.dimensions?.some((d) => d.name === name)) return null;
	return managerMask(data, f.managers);
}

/** Per code of `dim`: 1 when its value is one of `values`. */
function valueMask(dim: DimensionColumn, values: readonly string[]): Uint8Array {
	const wanted = new Set(values);
	const mask = new Uint8Array(dim.values.length);
	for (let v = 0; v < mask.length; v++) mask[v] = wanted.has(dim.values[v]) ? 1 : 0;
	return mask;
}

/**
 * The indices (ascending) of the rows `filter` keeps, in the first `count` entries of `rows` (one
 * spare entry after them); null when it keeps every row (empty filter, or only conditions this
 * dataset cannot apply). Used by `filterRows`.
 */
export function keptRows(
	data: SalesColumns,
	filter: RowFilter | undefined
): { rows: Int32Array; count: number } | null {
	if (isEmptyFilter(filter)) return null;
	const f = normalizeFilter(filter);
	const byCustomer = f.managers ? managerMask(data, f.managers) : null;
	const codes: Uint16Array[] = [];
	const allowed: Uint8Array[] = [];
	for (const [name, values] of Object.entries(f.dimensions ?? {})) {
		const dim = data.dimensions?.find((d) => d.name === name);
		if (!dim) continue; // a dimension this dataset does not have: ignored
		codes.push(dim.codes);
		allowed.push(valueMask(dim, values));
	}
	if (!byCustomer && codes.length === 0) return null;

	// branch-free passes (random values would mispredict branches): per row 1 when kept, then the
	// count, then the list of kept rows, allocated at its size
	const n = data.rowCount;
	let count = 0;
	if (codes.length === 1 && !byCustomer) {
		// the common case (one dimension), without the per-row flags
		const c0 = codes[0];
		const a0 = allowed[0];
		for (let r = 0; r < n; r++) count += a0[c0[r]];
		const rows = new Int32Array(count + 1);
		for (let r = 0, i = 0; r < n; r++) {
			rows[i] = r;
			i += a0[c0[r]];
		}
		return { rows, count };
	}
	const flags = new Uint8Array(n);
	if (byCustomer) {
		const customer = data.customer;
		for (let r = 0; r < n; r++) flags[r] = byCustomer[customer[r]];
	} else flags.fill(1);
	for (let k = 0; k < codes.length; k++) andCodes(flags, codes[k], allowed[k]);
	for (let r = 0; r < n; r++) count += flags[r];
	const rows = new Int32Array(count + 1);
	for (let r = 0, i = 0; r < n; r++) {
		rows[i] = r;
		i += flags[r];
	}
	return { rows, count };
}

/** flags[r] &= allowed[codes[r]] for every row. */
function andCodes(flags: Uint8Array, codes: Uint16Array, allowed: Uint8Array): void {
	for (let r = 0; r < flags.length; r++) flags[r] &= allowed[codes[r]];
}

function gatherF64(col: Float64Array, rows: Int32Array, count: number): Float64Array {
	const out = new Float64Array(count);
	for (let i = 0; i < count; i++) out[i] = col[rows[i]];
	return out;
}

function gatherI32(col: Int32Array, rows: Int32Array, count: number): Int32Array {
	const out = new Int32Array(count);
	for (let i = 0; i < count; i++) out[i] = col[rows[i]];
	return out;
}

function gatherU16(col: Uint16Array, rows: Int32Array, count: number): Uint16Array {
	const out = new Uint16Array(count);
	for (let i = 0; i < count; i++) out[i] = col[rows[i]];
	return out;
}

/**
 * A dataset of the rows `rows[0..count)` of `data` (row indices, ascending keeps the file order):
 * every per-row column (customer, amount, quantity, profit, date, order, discount, each dimension's codes)
 * is copied for those rows; the customer dictionaries (`customerKeys`, `customerNames`,
 * `customerManager`, `managers`), the dimensions' value dictionaries and the scales are shared.
 */
export function selectRows(data: SalesColumns, rows: Int32Array, count: number): SalesColumns {
	const out: SalesColumns = {
		...data,
		rowCount: count,
		customer: gatherI32(data.customer, rows, count),
		amount: gatherF64(data.amount, rows, count)
	};
	if (data.quantity) out.quantity = gatherF64(data.quantity, rows, count);
	if (data.profit) out.profit = gatherF64(data.profit, rows, count);
	if (data.date) out.date = gatherI32(data.date, rows, count);
	if (data.discount) out.discount = gatherF64(data.discount, rows, count);
	if (data.order) {
		out.order =
			data.order instanceof Float64Array ? gatherF64(data.order, rows, count) : gatherI32(data.order, rows, count);
	}
	if (data.dimensions) {
		out.dimensions = data.dimensions.map((d) => ({
			name: d.name,
			values: d.values,
			codes: gatherU16(d.codes, rows, count)
		}));
	}
	return out;
}

/**
 * The rows of `data` that `filter` keeps (README "Dimensions and filters"): every condition given
 * must hold, the values of one condition are alternatives.
 * - `managers`: the row's customer's manager (the most recent row's, `customerManager`) is one of
 *   them; '' stands for customers without a manager. Ignored when the dataset has no manager column.
 * - `dimensions[name]`: the row's value in that dimension is one of them ('' = empty cell). A name
 *   the dataset has no dimension for is ignored (a filter kept from another dataset or an older
 *   import does not empty the dashboard); a value the dimension does not have matches no row.
 * An empty filter (or one with only ignored conditions) returns `data` itself; otherwise a new
 * SalesColumns (see `selectRows`) with the kept rows in file order: 0 rows when nothing matches.
 * One pass over the rows to find them, one per column to copy them: no per-row allocation.
 */
export function filterRows(data: SalesColumns, filter: RowFilter | undefined): SalesColumns {
	const kept = keptRows(data, filter);
	if (!kept) return data;
	return selectRows(data, kept.rows, kept.count);
}

/** Values with their row counts, most rows first, ties in code-unit order, '' last; values with no row left out. */
function fieldOf(name: string, counts: Map<string, number>): FilterField {
	const values = [...counts]
		.filter(([, rows]) => rows > 0)
		.map(([value, rows]) => ({ value, rows }))
		.sort((a, b) => {
			if ((a.value === '') !== (b.value === '')) return a.value === '' ? 1 : -1;
			return b.rows - a.rows || byCodeUnits(a.value, b.value);
		});
	return { name, values };
}

/**
 * What the filter bar offers for `data` (all rows, whatever filter is set): the managers (rows per
 * manager, counting the rows of each customer under its manager; '' for customers without one),
 * null without a manager column; each dimension with its values by row count. `olderDataset` when
 * the dataset was stored before dimensions existed (no `dimensions` at all).
 */
export function filterOptions(data: SalesColumns): FilterOptions {
	const counting = new FilterOptionsInSlices(data);
	counting.rows(data.rowCount);
	return counting.result();
}

/**
 * `filterOptions` counted a slice of rows per `rows(n)` call, so the worker answers other requests
 * between slices; `result()` counts whatever is left and gives what `filterOptions` gives.
 */
export class FilterOptionsInSlices {
	private next = 0;
	private readonly perCustomer: Float64Array | null;
	private readonly perCode: Float64Array[];

	constructor(private readonly data: SalesColumns) {
		this.perCustomer = data.customerManager && data.managers ? new Float64Array(data.customerKeys.length) : null;
		this.perCode = (data.dimensions ?? []).map((d) => new Float64Array(d.values.length));
	}

	/** true once every row is counted */
	get done(): boolean {
		return this.next >= this.data.rowCount;
	}

	/** Counts the next `count` rows (fewer at the end). */
	rows(count: number): void {
		const { data, perCustomer, perCode } = this;
		const end = Math.min(data.rowCount, this.next + count);
		if (perCustomer) for (let r = this.next; r < end; r++) perCustomer[data.customer[r]]++;
		(data.dimensions ?? []).forEach((d, k) => {
			const counts = perCode[k];
			for (let r = this.next; r < end; r++) counts[d.codes[r]]++;
		});
		this.next = end;
	}

	result(): FilterOptions {
		this.rows(this.data.rowCount - this.next);
		const { data, perCustomer } = this;
		let managers: FilterField | null = null;
		if (perCustomer && data.customerManager && data.managers) {
			const counts = new Map<string, number>();
			for (let c = 0; c < perCustomer.length; c++) {
				if (perCustomer[c] === 0) continue;
				const m = data.customerManager[c];
				const name = m < 0 ? '' : data.managers[m];
				counts.set(name, (counts.get(name) ?? 0) + perCustomer[c]);
			}
			managers = fieldOf('manager', counts);
		}
		const dimensions = (data.dimensions ?? []).map((d, k) => {
			const counts = new Map<string, number>();
			d.values.forEach((v, code) => counts.set(v, (counts.get(v) ?? 0) + this.perCode[k][code]));
			return fieldOf(d.name, counts);
		});
		return { managers, dimensions, olderDataset: data.dimensions === undefined };
	}
}
