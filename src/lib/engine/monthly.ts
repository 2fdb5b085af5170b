import { monthOf, NO_DAY } from '../core/calendar';
import { distinctOrdersOf } from '../core/distinct-orders';
import { isReturnRow, metricColumn, type AggregateOptions } from './aggregate';
import type { SalesColumns } from './types';

/** Per-customer, per-month metric values (exact integers at `scale`), for the monthly methods. */
export interface MonthlyTotals {
	/** every calendar month from the first to the last dated row in scope, ascending */
	months: number[];
	/** customer indices with at least one dated row in scope, ascending */
	customers: Int32Array;
	/** row-major: values[i * months.length + m] for customers[i] and months[m] */
	values: Float64Array;
	/** per entry of customers: 1 where the customer has a row in that month (even if it nets to 0) */
	active: Uint8Array;
	scale: number;
	/** last day of the scope: the period end if set, else the last dated row */
	referenceDay: number;
	/** per entry of customers: last day with a sale that is not a return, NO_DAY if none */
	lastPurchase: Int32Array;
}

/**
 * Sums the metric per customer and calendar month. Rows without a valid date are left out
 * (they count in the whole-period totals only). Payments count rows (or distinct orders) per month.
 */
export function monthlyTotals(data: SalesColumns, opts: AggregateOptions): MonthlyTotals {
	const date = data.date;
	const empty = (): MonthlyTotals => ({
		months: [],
		customers: new Int32Array(0),
		values: new Float64Array(0),
		active: new Uint8Array(0),
		scale: 0,
		referenceDay: NO_DAY,
		lastPurchase: new Int32Array(0)
	});
	if (!date) return empty();
	const from = opts.dateFrom ?? -Infinity;
	const to = opts.dateTo ?? Infinity;
	const column = metricColumn(data, opts.metric);
	const n = data.rowCount;

	let minDay = Infinity;
	let maxDay = -Infinity;
	const seen = new Uint8Array(data.customerKeys.length);
	for (let r = 0; r < n; r++) {
		const d = date[r];
		if (d === NO_DAY || d < from || d > to) continue;
		if (opts.returns === 'ignore' && isReturnRow(data, r)) continue;
		if (d < minDay) minDay = d;
		if (d > maxDay) maxDay = d;
		seen[data.customer[r]] = 1;
	}
	if (minDay > maxDay) return empty();
	const firstMonth = monthOf(minDay);
	const lastMonth = monthOf(maxDay);
	const months: number[] = [];
	for (let m = firstMonth; m <= lastMonth; m++) months.push(m);
	const slot = new Int32Array(data.customerKeys.length).fill(-1);
	let count = 0;
	for (let c = 0; c < seen.length; c++) if (seen[c]) slot[c] = count++;
	const customers = new Int32Array(count);
	for (let c = 0; c < seen.length; c++) if (seen[c]) customers[slot[c]] = c;
	const M = months.length;
	const values = new Float64Array(count * M);
	const active = new Uint8Array(count * M);
	const lastPurchase = new Int32Array(count).fill(NO_DAY);
	const orderSeen = opts.metric === 'payments' && data.order ? distinctOrdersOf(data.order) : null;
	// month of a day, cached per day since rows repeat days a lot
	let cachedDay = NO_DAY;
	let cachedMonth = 0;
	for (let r = 0; r < n; r++) {
		const d = date[r];
		if (d === NO_DAY || d < from || d > to) continue;
		const ret = isReturnRow(data, r);
		if (opts.returns === 'ignore' && ret) continue;
		if (d !== cachedDay) {
			cachedDay = d;
			cachedMonth = monthOf(d) - firstMonth;
		}
		const i = slot[data.customer[r]];
		const cell = i * M + cachedMonth;
		active[cell] = 1;
		if (!ret && d > lastPurchase[i]) lastPurchase[i] = d;
		if (column) values[cell] += column.values[r];
		else if (!ret) {
			// an order is counted once, in the first month it appears
			if (orderSeen && data.order![r] !== -1 && !orderSeen.add(data.customer[r], data.order![r])) continue;
			values[cell] += 1;
		}
	}
	return {
		months,
		customers,
		values,
		active,
		scale: column ? column.scale : 0,
		referenceDay: Number.isFinite(to) ? Math.min(to, maxDay) : maxDay,
		lastPurchase
	};
}
