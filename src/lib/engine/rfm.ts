/**
 * RFM (README "The rules: RFM"): recency, frequency and monetary value scored 1–5 against the other
 * customers, the R-F-M code and the named segment of the R × F grid. Pure: no DOM, no storage.
 */
import { NO_DAY } from '../core/calendar';
import { aggregate, type AggregateOptions } from './aggregate';
import { monthlyTotals, type MonthlyTotals } from './monthly';
import type { SalesColumns } from './types';

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
export function quintileScores(values: readonly number[], higherIsBetter = true): RfmScore[] {
	const n = values.length;
	const order = values
		.map((_, i) => i)
		.sort((a, b) => (higherIsBetter ? values[a] - values[b] : values[b] - values[a]));
	const scores = new Array<RfmScore>(n);
	for (let start = 0; start < n;) {
		let end = start;
		while (end + 1 < n && values[order[end + 1]] === values[order[start]]) end++;
		const ties = end - start + 1;
		// 1 + ⌊5 × (start + ties / 2) / n⌋ in integers, so no rounding can move a boundary (and SQL
		// can write the same: FLOOR((10 × worse + 5 × equal) / (2 × n)))
		const score = Math.min(5, 1 + Math.floor((10 * start + 5 * ties) / (2 * n))) as RfmScore;
		for (let k = start; k <= end; k++) scores[order[k]] = score;
		start = end + 1;
	}
	return scores;
}

/**
 * RFM of every customer with a dated purchase in scope (the period and returns policy of `opts`;
 * the metric is always revenue for M and payments for F). Customers without a dated purchase are
 * left out; without a date column the result is empty. `monthly`: monthly revenue totals of `data`
 * under `opts`, when the caller has them.
 */
export function rfm(
	data: SalesColumns,
	opts: Omit<AggregateOptions, 'metric'>,
	monthly: MonthlyTotals = monthlyTotals(data, { ...opts, metric: 'revenue' })
): RfmResult {
	const counts = Object.fromEntries(RFM_SEGMENTS.map((s) => [s, 0])) as Record<RfmSegment, number>;
	const referenceDay = monthly.referenceDay;
	if (!data.date || referenceDay === NO_DAY) return { referenceDay: NO_DAY, customers: [], counts };

	const payments = aggregate(data, { ...opts, metric: 'payments' });
	const revenue = aggregate(data, { ...opts, metric: 'revenue' });
	const frequencyOf = new Map<number, number>();
	payments.customers.forEach((c, i) => frequencyOf.set(c, payments.totals[i]));
	const revenueOf = new Map<number, number>();
	const unit = 10 ** revenue.scale;
	revenue.customers.forEach((c, i) => revenueOf.set(c, revenue.totals[i] / unit));

	const rows: { customer: number; recencyDays: number; frequency: number; monetary: number }[] = [];
	monthly.customers.forEach((c, i) => {
		const last = monthly.lastPurchase[i];
		if (last === NO_DAY) return;
		rows.push({
			customer: c,
			recencyDays: Math.max(0, referenceDay - last),
			frequency: frequencyOf.get(c) ?? 0,
			monetary: revenueOf.get(c) ?? 0
		});
	});
	const r = quintileScores(
		rows.map((x) => x.recencyDays),
		false
	);
	const f = quintileScores(rows.map((x) => x.frequency));
	const m = quintileScores(rows.map((x) => x.monetary));
	const customers = rows.map((x, i): RfmCustomer => {
		const segment = SEGMENT_GRID[r[i] - 1][f[i] - 1];
		counts[segment]++;
		return { ...x, r: r[i], f: f[i], m: m[i], code: `${r[i]}${f[i]}${m[i]}`, segment };
	});
	return { referenceDay, customers, counts };
}
