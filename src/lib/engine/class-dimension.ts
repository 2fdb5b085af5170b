/**
 * Classes against a dimension (README "Dimensions and filters"): which values of a dimension each
 * class's customers buy (`classByDimension`), and the classes computed within each value on its own
 * (`classesWithin`, "the A customers of the North region").
 */
import { classify } from './abc';
import { aggregate, isReturnRow, metricColumn } from './aggregate';
import { NO_DAY } from '../core/calendar';
import { OTHER_VALUE, type ClassDimensionView, type ClassesWithinView } from './drill-types';
import { selectRows } from './row-filter';
import { compareShare, toPpm } from './share';
import type { Classification, ClassifySettings, DimensionColumn, SalesColumns, SegmentRow } from './types';

/** The dimension called `name`; throws when the dataset has none (the page only offers existing ones). */
function dimensionOf(data: SalesColumns, name: string): DimensionColumn {
	const dim = data.dimensions?.find((d) => d.name === name);
	if (!dim) throw new Error(`The dataset has no dimension "${name}": re-import the file keeping that column.`);
	return dim;
}

/**
 * The rows in scope of `s` as `aggregate` counts them (README "Choices where the specification is
 * silent: Returns"): inside the date range when one is set (rows without a date then fall out), and
 * not a return under returns = 'ignore'.
 */
function scopeTest(data: SalesColumns, s: ClassifySettings): (r: number) => boolean {
	const date = data.date;
	const ranged = date !== undefined && (s.dateFrom !== undefined || s.dateTo !== undefined);
	const from = s.dateFrom ?? -Infinity;
	const to = s.dateTo ?? Infinity;
	const ignoreReturns = s.returns === 'ignore';
	return (r) => {
		if (ranged) {
			const d = date![r];
			if (d === NO_DAY || d < from || d > to) return false;
		}
		return !(ignoreReturns && isReturnRow(data, r));
	};
}

/**
 * A set of pairs of integer-valued doubles (open addressing over typed arrays: no allocation per
 * entry). Used for distinct (customer, value) and (customer·value, order) pairs.
 */
class PairSet {
	private xs: Float64Array;
	private ys: Float64Array;
	private used: Uint8Array;
	private mask: number;
	private size = 0;

	constructor(expected = 1024) {
		let capacity = 1024;
		while (capacity * 3 < expected * 4) capacity *= 2;
		this.xs = new Float64Array(capacity);
		this.ys = new Float64Array(capacity);
		this.used = new Uint8Array(capacity);
		this.mask = capacity - 1;
	}

	/** true the first time (x, y) is added */
	add(x: number, y: number): boolean {
		let i = hashPair(x, y) & this.mask;
		while (this.used[i] === 1) {
			if (this.xs[i] === x && this.ys[i] === y) return false;
			i = (i + 1) & this.mask;
		}
		this.used[i] = 1;
		this.xs[i] = x;
		this.ys[i] = y;
		if (++this.size * 4 > this.used.length * 3) this.grow();
		return true;
	}

	private grow(): void {
		const { xs, ys, used } = this;
		const capacity = used.length * 2;
		this.xs = new Float64Array(capacity);
		this.ys = new Float64Array(capacity);
		this.used = new Uint8Array(capacity);
		this.mask = capacity - 1;
		for (let j = 0; j < used.length; j++) {
			if (used[j] === 0) continue;
			let i = hashPair(xs[j], ys[j]) & this.mask;
			while (this.used[i] === 1) i = (i + 1) & this.mask;
			this.used[i] = 1;
			this.xs[i] = xs[j];
			this.ys[i] = ys[j];
		}
	}
}

/** A well-mixed 32-bit hash of two integer-valued doubles (possibly negative or beyond 2^32). */
function hashPair(x: number, y: number): number {
	let h = Math.imul((x | 0) ^ Math.imul((x / 4294967296) | 0, 0x9e3779b1), 0x85ebca6b);
	h ^= Math.imul((y | 0) ^ Math.imul((y / 4294967296) | 0, 0x27d4eb2f), 0xc2b2ae35);
	h ^= h >>> 15;
	h = Math.imul(h, 0x2c1b3c6d);
	return (h ^ (h >>> 13)) >>> 0;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Class × dimension (README "Dimensions and filters"): for each class of `classification` (computed
 * on this `data`, whose `settings` give the metric, returns policy and period), the metric over the
 * rows of its customers, split by the value of `dimension`.
 * - Rows in scope as in `aggregate` (period; returns netted, or dropped under 'ignore').
 * - As in the segment table, only customers with a positive total count: each class's cells add up
 *   to its `SegmentRow.value` for revenue, units and profit; customers with a total ≤ 0 are in no cell.
 * - Payments: a payment is counted once per value it has rows in: the distinct (customer, order)
 *   pairs among the value's rows that are not returns (rows without an order id count one each), so
 *   an order with lines in two values is a payment in both and a class's cells may add up to more
 *   than its number of payments.
 * - Columns: the values with rows in scope by their total over all classes, largest first (ties in
 *   code-unit order); beyond `limit`, the rest are summed into one OTHER_VALUE column (`grouped` says
 *   how many). `customers` counts each class's customers with at least one row in scope in the column.
 * - Cells in value units (minor units ÷ 10^scale: currency for revenue and profit, counts for units
 *   and payments), summed as float64 over exact integers (exact below 2^53).
 * Throws when the dataset has no such dimension.
 */
export function classByDimension(
	data: SalesColumns,
	classification: Classification,
	dimension: string,
	limit = 12
): ClassDimensionView {
	const s = classification.settings;
	const dim = dimensionOf(data, dimension);
	const column = metricColumn(data, s.metric);
	const unit = 10 ** (column ? column.scale : 0);
	const K = s.classes.length;
	const V = dim.values.length;
	const inScope = scopeTest(data, s);

	// class of each customer with a positive total, -1 otherwise
	const classOf = new Int8Array(data.customerKeys.length).fill(-1);
	for (let r = 0; r < classification.rankOrder.length; r++) {
		if (classification.value[r] > 0) classOf[classification.rankOrder[r]] = classification.classIndex[r];
	}

	// pass 1: the metric per (class, code), in minor units
	const sums = new Float64Array(K * V);
	const present = new Uint8Array(V);
	const orders = !column && data.order ? new PairSet(Math.min(data.rowCount, 1 << 20)) : null;
	const codes = dim.codes;
	for (let r = 0; r < data.rowCount; r++) {
		const c = data.customer[r];
		const k = classOf[c];
		if (k < 0 || !inScope(r)) continue;
		const code = codes[r];
		present[code] = 1;
		if (column) sums[k * V + code] += column.values[r];
		else {
			if (isReturnRow(data, r)) continue; // a return is never a payment
			const o = data.order ? data.order[r] : -1;
			if (o !== -1 && !orders!.add(c * V + code, o)) continue;
			sums[k * V + code] += 1;
		}
	}

	// columns: the values present, largest total first; the rest grouped
	const totalOf = new Float64Array(V);
	for (let k = 0; k < K; k++) for (let v = 0; v < V; v++) totalOf[v] += sums[k * V + v];
	const order: number[] = [];
	for (let v = 0; v < V; v++) if (present[v]) order.push(v);
	order.sort((a, b) => totalOf[b] - totalOf[a] || byCodeUnits(dim.values[a], dim.values[b]));
	const shown = Math.min(order.length, limit);
	const grouped = order.length - shown;
	const C = shown + (grouped > 0 ? 1 : 0);
	const columnOf = new Int32Array(V).fill(-1);
	order.forEach((v, i) => (columnOf[v] = Math.min(i, shown)));

	const cellSums = Array.from({ length: K }, () => new Float64Array(C));
	for (let k = 0; k < K; k++) {
		for (let v = 0; v < V; v++) if (columnOf[v] >= 0) cellSums[k][columnOf[v]] += sums[k * V + v];
	}

	// pass 2: distinct customers per (class, column); the class follows from the customer. A byte
	// per (customer, column) when that is small (a dozen columns), else a set of pairs
	const customers = Array.from({ length: K }, () => new Array<number>(C).fill(0));
	if (C > 0) {
		const matrix = data.customerKeys.length * C <= 1 << 24 ? new Uint8Array(data.customerKeys.length * C) : null;
		const seen = matrix ? null : new PairSet(Math.min(data.rowCount, 1 << 20));
		for (let r = 0; r < data.rowCount; r++) {
			const c = data.customer[r];
			const k = classOf[c];
			if (k < 0 || !inScope(r)) continue;
			const col = columnOf[codes[r]];
			if (matrix) {
				if (matrix[c * C + col] === 1) continue;
				matrix[c * C + col] = 1;
			} else if (!seen!.add(c, col)) continue;
			customers[k][col]++;
		}
	}

	const values = order.slice(0, shown).map((v) => dim.values[v]);
	if (grouped > 0) values.push(OTHER_VALUE);
	return {
		dimension,
		classes: s.classes.map((c) => c.name),
		values,
		cells: cellSums.map((row) => Array.from(row, (x) => x / unit)),
		customers,
		classTotals: cellSums.map((row) => row.reduce((a, b) => a + b, 0) / unit),
		grouped
	};
}

/** Rows of `data` bucketed by their code of `dim`, file order within each: rows[start[v] .. start[v + 1]). */
function rowsByCode(data: SalesColumns, dim: DimensionColumn): { rows: Int32Array; start: Int32Array } {
	const V = dim.values.length;
	const start = new Int32Array(V + 1);
	for (let r = 0; r < data.rowCount; r++) start[dim.codes[r] + 1]++;
	for (let v = 0; v < V; v++) start[v + 1] += start[v];
	const next = start.slice(0, V);
	const rows = new Int32Array(data.rowCount);
	for (let r = 0; r < data.rowCount; r++) rows[next[dim.codes[r]]++] = r;
	return { rows, start };
}

/**
 * The figures of `ClassesWithinView` for one value: `classify` on the customer totals `totals`
 * (exact integers in minor units, `unit` = 10^scale) of customers `customers`, computed without
 * ranking every customer by key. The segment table depends only on the totals in descending order
 * (README "Choices where the specification is silent: Segment totals": positive totals per class,
 * the rest outside; customers tied on a total fall in classes by their equal values, whichever of
 * them comes first), and the first-class list needs only the five largest by (total desc, key asc).
 */
function classesOfTotals(
	totals: Float64Array,
	customers: Int32Array,
	data: SalesColumns,
	settings: ClassifySettings,
	unit: number
): Omit<ClassesWithinView['rows'][number], 'value'> {
	const n = totals.length;
	const classes = settings.classes;
	const lowest = classes.length - 1;
	const sorted = Float64Array.from(totals).sort(); // ascending: rank r is sorted[n − 1 − r]
	let T = 0;
	for (let i = 0; i < n; i++) if (totals[i] > 0) T += totals[i];
	const bounds = classes.map((c) => toPpm(c.upTo));
	const byCount = settings.basis === 'count';
	const counts = new Array<number>(classes.length).fill(0);
	const sums = new Array<number>(classes.length).fill(0);
	let cumAbove = 0;
	let cls = 0;
	for (let r = 0; r < n; r++) {
		const v = sorted[n - 1 - r];
		// a total ≤ 0 is outside the class rows (and T = 0 means every total is)
		if (!(v > 0 && T > 0)) break;
		if (byCount) while (cls < lowest && compareShare(r, n, bounds[cls]) >= 0) cls++;
		else while (cls < lowest && compareShare(cumAbove, T, bounds[cls]) >= 0) cls++;
		counts[cls]++;
		sums[cls] += v;
		cumAbove += v;
	}
	const segments: SegmentRow[] = classes.map((c, k) => ({
		classIndex: k,
		name: c.name,
		customers: counts[k],
		customerShare: n > 0 ? counts[k] / n : 0,
		value: sums[k] / unit,
		valueShare: T > 0 ? sums[k] / T : 0,
		average: counts[k] > 0 ? sums[k] / unit / counts[k] : 0
	}));

	// the five largest by (total desc, key asc), kept sorted by insertion
	const keys = data.customerKeys;
	const before = (i: number, j: number) =>
		totals[i] > totals[j] || (totals[i] === totals[j] && keys[customers[i]] < keys[customers[j]]);
	const best: number[] = [];
	const wanted = Math.min(5, counts[0]);
	for (let i = 0; i < n && wanted > 0; i++) {
		if (best.length === wanted && !before(i, best[wanted - 1])) continue;
		let at = best.length;
		while (at > 0 && before(i, best[at - 1])) at--;
		best.splice(at, 0, i);
		if (best.length > wanted) best.pop();
	}
	const top = best.map((i) => ({
		key: keys[customers[i]],
		name: data.customerNames[customers[i]],
		value: totals[i] / unit,
		share: totals[i] / T
	}));
	return { customerCount: n, total: T / unit, segments, top };
}

/**
 * ABC within each value of `dimension` (README "Dimensions and filters"): for each value, the
 * classes of `settings` computed on the value's rows alone, equal to
 * `classify(aggregate(filterRows(data, { dimensions: { [dimension]: [value] } }), settings), …)`
 * (`classesOfTotals`; a value whose sums pass 2^53 is computed that way, with exact BigInt sums).
 * Values with rows in scope (period, returns policy) are ranked by their share base (the sum of the
 * positive customer totals within the value) descending, ties in code-unit order; the first `limit`
 * get a row, `more` counts the rest. Each row: customers in scope, the share base and segments in
 * value units, and the value's first-class customers (largest first, at most 5) with their share of
 * the value's base. Payments are distinct (customer, order) pairs within the value. `data` is taken
 * as it is (the caller has applied the filter bar already). One grouping pass over the rows.
 * Throws when the dataset has no such dimension.
 */
export function classesWithin(
	data: SalesColumns,
	settings: ClassifySettings,
	dimension: string,
	limit = 20
): ClassesWithinView {
	const dim = dimensionOf(data, dimension);
	const column = metricColumn(data, settings.metric);
	const unit = 10 ** (column ? column.scale : 0);
	const inScope = scopeTest(data, settings);
	const V = dim.values.length;
	const { rows, start } = rowsByCode(data, dim);
	const customerCount = data.customerKeys.length;

	// per value: the customers with a row in scope and their totals, stored pair by pair
	const pairCustomer = new Int32Array(data.rowCount);
	const pairTotal = new Float64Array(data.rowCount);
	const pairStart = new Int32Array(V + 1);
	const slot = new Int32Array(customerCount);
	const mark = new Int32Array(customerCount);
	const orders = !column && data.order ? new PairSet(Math.min(data.rowCount, 1 << 20)) : null;
	const base = new Float64Array(V);
	const overflow = new Uint8Array(V);
	let pairs = 0;
	for (let v = 0; v < V; v++) {
		pairStart[v] = pairs;
		for (let i = start[v]; i < start[v + 1]; i++) {
			const r = rows[i];
			if (!inScope(r)) continue;
			const c = data.customer[r];
			if (mark[c] !== v + 1) {
				mark[c] = v + 1;
				slot[c] = pairs;
				pairCustomer[pairs] = c;
				pairTotal[pairs++] = 0;
			}
			let add: number;
			if (column) add = column.values[r];
			else if (isReturnRow(data, r))
				add = 0; // a return is never a payment
			else {
				const o = data.order ? data.order[r] : -1;
				add = o !== -1 && !orders!.add(c * V + v, o) ? 0 : 1;
			}
			const sum = pairTotal[slot[c]] + add;
			pairTotal[slot[c]] = sum;
			if (sum > Number.MAX_SAFE_INTEGER || sum < -Number.MAX_SAFE_INTEGER) overflow[v] = 1;
		}
		let positive = 0;
		for (let j = pairStart[v]; j < pairs; j++) if (pairTotal[j] > 0) positive += pairTotal[j];
		base[v] = positive;
	}
	pairStart[V] = pairs;

	const order: number[] = [];
	for (let v = 0; v < V; v++) if (pairStart[v + 1] > pairStart[v]) order.push(v);
	order.sort((a, b) => base[b] - base[a] || byCodeUnits(dim.values[a], dim.values[b]));

	const out: ClassesWithinView['rows'] = order.slice(0, limit).map((v) => {
		if (overflow[v]) {
			const sub = selectRows(data, rows.subarray(start[v], start[v + 1]), start[v + 1] - start[v]);
			const c = classify(aggregate(sub, settings), data.customerKeys, settings);
			const top: ClassesWithinView['rows'][number]['top'] = [];
			for (let r = 0; r < c.rankOrder.length && top.length < 5 && c.classIndex[r] === 0 && c.value[r] > 0; r++) {
				const i = c.rankOrder[r];
				top.push({ key: data.customerKeys[i], name: data.customerNames[i], value: c.value[r], share: c.share[r] });
			}
			return { value: dim.values[v], customerCount: c.rankOrder.length, total: c.total, segments: c.segments, top };
		}
		const from = pairStart[v];
		const to = pairStart[v + 1];
		const within = classesOfTotals(pairTotal.subarray(from, to), pairCustomer.subarray(from, to), data, settings, unit);
		return { value: dim.values[v], ...within };
	});
	return { dimension, rows: out, more: Math.max(0, order.length - limit) };
}
