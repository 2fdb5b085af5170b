import { NO_DAY } from '../core/calendar';
import { distinctOrdersOf, type DistinctOrders } from '../core/distinct-orders';
import type { CustomerTotals, Metric, ReturnsPolicy, SalesColumns } from './types';

export interface AggregateOptions {
	metric: Metric;
	returns: ReturnsPolicy;
	dateFrom?: number;
	dateTo?: number;
}

/** Which metrics a dataset can offer, by the columns it has. */
export function availableMetrics(data: SalesColumns): Metric[] {
	const metrics: Metric[] = ['revenue', 'payments'];
	if (data.quantity) metrics.push('units');
	if (data.profit) metrics.push('profit');
	return metrics;
}

/** A return or cancellation: a negative amount or a negative quantity. */
export function isReturnRow(data: SalesColumns, row: number): boolean {
	return data.amount[row] < 0 || (data.quantity !== undefined && data.quantity[row] < 0);
}

export function metricColumn(data: SalesColumns, metric: Metric): { values: Float64Array; scale: number } | null {
	switch (metric) {
		case 'revenue':
			return { values: data.amount, scale: data.amountScale };
		case 'units':
			if (!data.quantity) throw new Error('The dataset has no quantity column: the units metric is unavailable.');
			return { values: data.quantity, scale: data.quantityScale };
		case 'profit':
			if (!data.profit) throw new Error('The dataset has no profit column: the profit metric is unavailable.');
			return { values: data.profit, scale: data.profitScale };
		case 'payments':
			return null;
	}
}

/**
 * Sums the metric per customer over the rows in scope.
 * Values are integers in minor units, so float64 sums stay exact while every partial sum is
 * below 2^53; if one is not, the sums are redone with BigInt so equal totals stay equal.
 */
export function aggregate(data: SalesColumns, opts: AggregateOptions): CustomerTotals {
	const sum = new AggregateInSlices(data, opts);
	sum.rows(data.rowCount);
	return sum.result();
}

/**
 * `aggregate` a slice of rows at a time, for work in the background that a request must be able
 * to overtake (the worker's warm-up of the other metrics): `rows(n)` sums the next `n` rows,
 * `result()` sums whatever is left and gives what `aggregate` gives.
 */
export class AggregateInSlices {
	private readonly inScope: Uint8Array;
	private readonly sums: Float64Array;
	private readonly column: { values: Float64Array; scale: number } | null;
	private readonly seenOrders: DistinctOrders | null;
	private readonly filterDates: boolean;
	private readonly from: number;
	private readonly to: number;
	private next = 0;
	private overflow = false;

	constructor(
		private readonly data: SalesColumns,
		private readonly opts: AggregateOptions
	) {
		const customerCount = data.customerKeys.length;
		this.filterDates = data.date !== undefined && (opts.dateFrom !== undefined || opts.dateTo !== undefined);
		this.from = opts.dateFrom ?? -Infinity;
		this.to = opts.dateTo ?? Infinity;
		this.column = metricColumn(data, opts.metric);
		this.inScope = new Uint8Array(customerCount);
		this.sums = new Float64Array(customerCount);
		// payments: distinct (customer, order) pairs, or rows when there is no order column
		this.seenOrders = opts.metric === 'payments' && data.order ? distinctOrdersOf(data.order) : null;
	}

	/** true once every row is summed */
	get done(): boolean {
		return this.next >= this.data.rowCount;
	}

	/** Sums the next `count` rows (fewer at the end). */
	rows(count: number): void {
		const { data, column, seenOrders, inScope, sums, filterDates, from, to } = this;
		const ignoreReturns = this.opts.returns === 'ignore';
		const end = Math.min(data.rowCount, this.next + count);
		let overflow = this.overflow;
		for (let r = this.next; r < end; r++) {
			if (filterDates) {
				const d = data.date![r];
				if (d === NO_DAY || d < from || d > to) continue;
			}
			const returnRow = isReturnRow(data, r);
			if (ignoreReturns && returnRow) continue;
			const c = data.customer[r];
			inScope[c] = 1;
			if (column) {
				const v = column.values[r];
				const s = sums[c] + v;
				sums[c] = s;
				if (s > Number.MAX_SAFE_INTEGER || s < -Number.MAX_SAFE_INTEGER) overflow = true;
			} else {
				// a return is not a payment
				if (returnRow) continue;
				if (seenOrders) {
					const o = data.order![r];
					if (o !== -1 && !seenOrders.add(c, o)) continue;
				}
				sums[c] += 1;
			}
		}
		this.next = end;
		this.overflow = overflow;
	}

	/** The totals, once the rows left are summed. */
	result(): CustomerTotals {
		this.rows(this.data.rowCount - this.next);
		const { data, inScope, sums, column, overflow } = this;
		const customerCount = data.customerKeys.length;
		let count = 0;
		for (let c = 0; c < customerCount; c++) count += inScope[c];
		const customers = new Int32Array(count);
		const totals = new Float64Array(count);
		for (let c = 0, i = 0; c < customerCount; c++) {
			if (!inScope[c]) continue;
			customers[i] = c;
			totals[i] = sums[c];
			i++;
		}
		if (overflow && column) {
			exactBigSums(data, column.values, this.opts, customers, totals, this.filterDates, this.from, this.to);
		}
		return { customers, totals, scale: column ? column.scale : 0, approximate: overflow };
	}
}

/** Slow path for totals beyond 2^53: exact BigInt sums, rounded once to the nearest float. */
function exactBigSums(
	data: SalesColumns,
	values: Float64Array,
	opts: AggregateOptions,
	customers: Int32Array,
	totals: Float64Array,
	filterDates: boolean,
	from: number,
	to: number
): void {
	const big = new Map<number, bigint>();
	for (let r = 0; r < data.rowCount; r++) {
		if (filterDates) {
			const d = data.date![r];
			if (d === NO_DAY || d < from || d > to) continue;
		}
		if (opts.returns === 'ignore' && isReturnRow(data, r)) continue;
		const c = data.customer[r];
		big.set(c, (big.get(c) ?? 0n) + BigInt(values[r]));
	}
	for (let i = 0; i < customers.length; i++) totals[i] = Number(big.get(customers[i]) ?? 0n);
}
