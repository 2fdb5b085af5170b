/**
 * RFM (README "The rules: RFM"): recency, frequency and monetary value scored 1–5 against the other
 * customers, the R-F-M code and the named segment of the R × F grid. Pure: no DOM, no storage.
 */
import { NO_DAY } from '../core/calendar';
import { aggregate, isReturnRow, type AggregateOptions } from './aggregate';
import type { MonthlyTotals } from './monthly';
import type { CustomerTotals, SalesColumns } from './types';

export type RfmScore = 1 | 2 | 3 | 4 | 5;

export const RFM_SEGMENTS = [
	'champions',
	'loyal',
	'potentialLoyalist',
	'new',
	'promising',
	'needAttention',
	'aboutToSleep',
	'atRisk',
	'cantLoseThem',
	'hibernating',
	'lost'
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * The segment of each (R, F) cell: SEGMENT_GRID[r − 1][f − 1] (README "The rules: RFM", the segment
 * map). M does not move a customer between segments; it colours the grid.
 */
export const SEGMENT_GRID: readonly (readonly RfmSegment[])[] = [
	// R = 1: the longest since the last purchase
	['lost', 'lost', 'atRisk', 'atRisk', 'cantLoseThem'],
	['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'],
	['aboutToSleep', 'aboutToSleep', 'needAttention', 'loyal', 'loyal'],
	['promising', 'potentialLoyalist', 'potentialLoyalist', 'loyal', 'loyal'],
	// R = 5: bought most recently
	['new', 'potentialLoyalist', 'potentialLoyalist', 'champions', 'champions']
];

export interface RfmCustomer {
	/** customer index */
	customer: number;
	/** days from the last purchase (a sale that is not a return) to the reference day, ≥ 0 */
	recencyDays: number;
	/** distinct orders that are not returns; rows when the data has no order column */
	frequency: number;
	/** the revenue in scope (returns netted or ignored as the settings say), value units */
	monetary: number;
	r: RfmScore;
	f: RfmScore;
	m: RfmScore;
	/** "543": R, F and M */
	code: string;
	segment: RfmSegment;
}

export interface RfmResult {
	/** the day recency is counted back from: the period's end, else the last dated row (NO_DAY without one) */
	referenceDay: number;
	/** customers with a dated purchase in scope, by customer index */
	customers: RfmCustomer[];
	/** customers per segment, every segment present */
	counts: Record<RfmSegment, number>;
}

/**
 * Scores 1–5 of `values` against each other (README "The rules: RFM", scoring): a value's score is
 * 1 + ⌊5 × p⌋ (at most 5), where p is its mid-rank percentile — (customers with a worse value +
 * half of those with the same value) / all customers. Equal values get equal scores, a single
 * customer or all-equal values score 3, and n distinct values fill the five scores as evenly as n
 * allows. `higherIsBetter`: false for recency (fewer days is better).
 */
export function quintileScores(values: ArrayLike<number>, higherIsBetter = true): RfmScore[] {
	const n = values.length;
	// a score depends only on the value: sort the values once (a numeric typed-array sort), score each
	// distinct value from its run of equals, then look every customer's value up
	const sorted = Float64Array.from(values).sort();
	const scoreOf = new Map<number, RfmScore>();
	for (let start = 0; start < n;) {
		let end = start;
		while (end + 1 < n && sorted[end + 1] === sorted[start]) end++;
		const ties = end - start + 1;
		const worse = higherIsBetter ? start : n - 1 - end;
		// 1 + ⌊5 × (worse + ties / 2) / n⌋ in integers, so no rounding can move a boundary (and SQL
		// can write the same: FLOOR((10 × worse + 5 × equal) / (2 × n)))
		scoreOf.set(sorted[start], Math.min(5, 1 + Math.floor((10 * worse + 5 * ties) / (2 * n))) as RfmScore);
		start = end + 1;
	}
	const scores = new Array<RfmScore>(n);
	for (let i = 0; i < n; i++) scores[i] = scoreOf.get(values[i])!;
	return scores;
}

/**
 * What `monthlyTotals` says of recency, without its month grid (one pass): the customers with a
 * dated row in scope in index order, the last day each bought (a sale, not a return; NO_DAY when
 * none), and the reference day (the period's end, at most the last dated row).
 */
export function lastPurchases(
	data: SalesColumns,
	opts: Omit<AggregateOptions, 'metric'>
): Pick<MonthlyTotals, 'customers' | 'lastPurchase' | 'referenceDay'> {
	const date = data.date;
	if (!date) return { customers: new Int32Array(0), lastPurchase: new Int32Array(0), referenceDay: NO_DAY };
	const from = opts.dateFrom ?? -Infinity;
	const to = opts.dateTo ?? Infinity;
	const last = new Int32Array(data.customerKeys.length).fill(NO_DAY);
	const seen = new Uint8Array(data.customerKeys.length);
	let maxDay = -Infinity;
	for (let r = 0; r < data.rowCount; r++) {
		const d = date[r];
		if (d === NO_DAY || d < from || d > to) continue;
		const ret = isReturnRow(data, r);
		if (opts.returns === 'ignore' && ret) continue;
		if (d > maxDay) maxDay = d;
		const c = data.customer[r];
		seen[c] = 1;
		if (!ret && d > last[c]) last[c] = d;
	}
	if (maxDay === -Infinity)
		return { customers: new Int32Array(0), lastPurchase: new Int32Array(0), referenceDay: NO_DAY };
	let count = 0;
	for (let c = 0; c < seen.length; c++) count += seen[c];
	const customers = new Int32Array(count);
	const lastPurchase = new Int32Array(count);
	for (let c = 0, k = 0; c < seen.length; c++) {
		if (!seen[c]) continue;
		customers[k] = c;
		lastPurchase[k++] = last[c];
	}
	return { customers, lastPurchase, referenceDay: Number.isFinite(to) ? Math.min(to, maxDay) : maxDay };
}

/**
 * RFM of every customer with a dated purchase in scope (the period and returns policy of `opts`;
 * the metric is always revenue for M and payments for F). Customers without a dated purchase are
 * left out; without a date column the result is empty. `monthly`: monthly totals of `data` under
 * `opts` when the caller has them (only their customers, last purchases and reference day are read).
 */
export function rfm(
	data: SalesColumns,
	opts: Omit<AggregateOptions, 'metric'>,
	monthly: Pick<MonthlyTotals, 'customers' | 'lastPurchase' | 'referenceDay'> = lastPurchases(data, opts),
	totals: { payments?: CustomerTotals; revenue?: CustomerTotals } = {}
): RfmResult {
	const counts = Object.fromEntries(RFM_SEGMENTS.map((s) => [s, 0])) as Record<RfmSegment, number>;
	const referenceDay = monthly.referenceDay;
	if (!data.date || referenceDay === NO_DAY) return { referenceDay: NO_DAY, customers: [], counts };

	const payments = totals.payments ?? aggregate(data, { ...opts, metric: 'payments' });
	const revenue = totals.revenue ?? aggregate(data, { ...opts, metric: 'revenue' });
	// per customer index (typed arrays: no object per customer until the result)
	const frequencyOf = new Float64Array(data.customerKeys.length);
	payments.customers.forEach((c, i) => (frequencyOf[c] = payments.totals[i]));
	const revenueOf = new Float64Array(data.customerKeys.length);
	const unit = 10 ** revenue.scale;
	revenue.customers.forEach((c, i) => (revenueOf[c] = revenue.totals[i] / unit));

	let n = 0;
	for (let i = 0; i < monthly.customers.length; i++) if (monthly.lastPurchase[i] !== NO_DAY) n++;
	const who = new Int32Array(n);
	const recency = new Float64Array(n);
	const frequency = new Float64Array(n);
	const monetary = new Float64Array(n);
	for (let i = 0, k = 0; i < monthly.customers.length; i++) {
		const last = monthly.lastPurchase[i];
		if (last === NO_DAY) continue;
		const c = monthly.customers[i];
		who[k] = c;
		recency[k] = Math.max(0, referenceDay - last);
		frequency[k] = frequencyOf[c];
		monetary[k++] = revenueOf[c];
	}
	const r = quintileScores(recency, false);
	const f = quintileScores(frequency);
	const m = quintileScores(monetary);
	const customers = new Array<RfmCustomer>(n);
	for (let k = 0; k < n; k++) {
		const segment = SEGMENT_GRID[r[k] - 1][f[k] - 1];
		counts[segment]++;
		customers[k] = {
			customer: who[k],
			recencyDays: recency[k],
			frequency: frequency[k],
			monetary: monetary[k],
			r: r[k],
			f: f[k],
			m: m[k],
			code: CODES[(r[k] - 1) * 25 + (f[k] - 1) * 5 + (m[k] - 1)],
			segment
		};
	}
	return { referenceDay, customers, counts };
}

/** The 125 R-F-M codes, "111" … "555", made once. */
const CODES = Array.from(
	{ length: 125 },
	(_, i) => `${Math.floor(i / 25) + 1}${(Math.floor(i / 5) % 5) + 1}${(i % 5) + 1}`
);
