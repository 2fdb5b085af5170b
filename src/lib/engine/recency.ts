import { NO_DAY } from '../core/calendar';
import { aggregate, type AggregateOptions } from './aggregate';
import { monthlyTotals, type MonthlyTotals } from './monthly';
import type { Classification, SalesColumns } from './types';

export interface RecencySettings {
	/** last purchase at most this many days before the reference day: active */
	activeDays: number;
	/** at most this many days: sleeping; more: lost */
	sleepingDays: number;
}

export const DEFAULT_RECENCY: RecencySettings = { activeDays: 90, sleepingDays: 180 };

export type RecencyStatus = 'active' | 'sleeping' | 'lost';

export interface RecencyResult {
	/** the last dated day in scope (NO_DAY when there is none) */
	referenceDay: number;
	/** by customer index, for every customer in scope */
	status: Map<number, RecencyStatus>;
	/** referenceDay − last purchase day; Infinity when the customer has no dated purchase */
	daysSince: Map<number, number>;
	counts: Record<RecencyStatus, number>;
	/** top-class (classIndex 0) customers of the classification that are sleeping or lost, by value desc */
	quietTop: { customer: number; daysSince: number; status: RecencyStatus; value: number }[];
}

export function recencyStatus(daysSince: number, s: RecencySettings): RecencyStatus {
	if (daysSince <= s.activeDays) return 'active';
	if (daysSince <= s.sleepingDays) return 'sleeping';
	return 'lost';
}

/**
 * Active / sleeping / lost by days since the last purchase (a sale that is not a return), counted
 * back from the reference day: the last dated day in scope, never the real clock.
 * `monthly`: the monthly totals of `data` under `opts`, when the caller has them already.
 */
export function classifyRecency(
	data: SalesColumns,
	opts: AggregateOptions,
	classification: Classification,
	s: RecencySettings,
	monthly: MonthlyTotals = monthlyTotals(data, opts)
): RecencyResult {
	const scope = aggregate(data, opts).customers;
	const ref = monthly.referenceDay;
	const lastPurchase = new Map<number, number>();
	for (let i = 0; i < monthly.customers.length; i++) {
		if (monthly.lastPurchase[i] !== NO_DAY) lastPurchase.set(monthly.customers[i], monthly.lastPurchase[i]);
	}

	const status = new Map<number, RecencyStatus>();
	const daysSince = new Map<number, number>();
	const counts: Record<RecencyStatus, number> = { active: 0, sleeping: 0, lost: 0 };
	for (const c of scope) {
		const last = lastPurchase.get(c);
		const days = last === undefined ? Infinity : ref - last;
		const st = recencyStatus(days, s);
		status.set(c, st);
		daysSince.set(c, days);
		counts[st]++;
	}

	const quietTop: RecencyResult['quietTop'] = [];
	const cls = classification;
	for (let r = 0; r < cls.rankOrder.length; r++) {
		if (cls.classIndex[r] !== 0) continue;
		const c = cls.rankOrder[r];
		// a customer of the classification outside this scope has no purchase in it
		const days = daysSince.get(c) ?? Infinity;
		const st = status.get(c) ?? 'lost';
		if (st !== 'active') quietTop.push({ customer: c, daysSince: days, status: st, value: cls.value[r] });
	}
	// the classification is in rank order already (value desc, key asc); keep it stable
	quietTop.sort((a, b) => b.value - a.value);
	return { referenceDay: ref, status, daysSince, counts, quietTop };
}
