import { NO_DAY } from '../core/calendar';
import { aggregate, type AggregateOptions } from './aggregate';
import { monthlyTotals, type MonthlyTotals } from './monthly';
import { toPpm } from './share';
import type { SalesColumns } from './types';

/** VIP / good / regular by count (README "The rules: VIP"). Shares are fractions (0.2 = 20 %). */
export interface VipSettings {
	/** 'monthly': union of each month's top customers; 'period': one ranking of the whole period */
	variant: 'monthly' | 'period';
	/** share of the paying customers (by count) that are VIP: per month, or of the period */
	vipShare: number;
	/** share (by count) of the customers left after VIP that are good */
	goodShare: number;
	/** a VIP that was VIP in none of this many latest calendar months has dropped out of VIP */
	latestMonths: number;
	/** a monthly VIP with no purchase in more than this many days before the reference day is a lost VIP */
	lostDays: number;
}

export const DEFAULT_VIP: VipSettings = {
	variant: 'monthly',
	vipShare: 0.2,
	goodShare: 0.2,
	latestMonths: 2,
	lostDays: 60
};

export type VipStatus = 'vip' | 'good' | 'regular';

export interface VipCustomer {
	customer: number;
	status: VipStatus;
	/** period total, float in value units */
	value: number;
	/** month ids (year·12 + month − 1) in which the customer was one of that month's VIP */
	vipMonths: number[];
	/** monthly variant: a VIP of an earlier month that was VIP in none of the latest months (status 'good') */
	droppedOut: boolean;
}

export interface LostVip {
	customer: number;
	/** day number of the last purchase (not a return) in scope; NO_DAY if there is none */
	lastPurchase: number;
	/** referenceDay − lastPurchase (Infinity when there is no dated purchase) */
	daysSince: number;
	vipMonths: number[];
}

export interface VipResult {
	settings: VipSettings;
	/** every calendar month from the first to the last dated row in scope */
	months: number[];
	/** every customer in scope, ranked by period total descending, ties by key */
	customers: VipCustomer[];
	counts: Record<VipStatus, number> & { droppedOut: number };
	/** sorted by daysSince descending, ties by key */
	lostVip: LostVip[];
	/** the last dated day in scope (NO_DAY when there is none) */
	referenceDay: number;
}

const PPM = 1_000_000;

/**
 * ceil(share × count) computed exactly on the share in ppm (0.2 × 15 is 3, not 4 as in floats),
 * capped at count; at least one when `atLeastOne` and count > 0.
 */
export function topCount(share: number, count: number, atLeastOne: boolean): number {
	if (count <= 0) return 0;
	const p = Math.max(0, Math.min(PPM, toPpm(share)));
	const num = p * count;
	let k = Math.floor(num / PPM);
	if (k * PPM < num) k++;
	if (atLeastOne && k < 1) k = 1;
	return Math.min(k, count);
}

/** Each month's VIP: the paying customers of the month ranked by the month's value, top share by count. */
function monthlyVip(m: MonthlyTotals, keys: readonly string[], vipShare: number): Map<number, number[]> {
	const vipMonths = new Map<number, number[]>();
	const M = m.months.length;
	const byValueThenKey = (a: number, b: number, col: number) => {
		const d = m.values[b * M + col] - m.values[a * M + col];
		if (d !== 0) return d;
		const ka = keys[m.customers[a]];
		const kb = keys[m.customers[b]];
		return ka < kb ? -1 : ka > kb ? 1 : 0;
	};
	for (let col = 0; col < M; col++) {
		const payers: number[] = [];
		for (let i = 0; i < m.customers.length; i++) if (m.values[i * M + col] > 0) payers.push(i);
		if (payers.length === 0) continue;
		payers.sort((a, b) => byValueThenKey(a, b, col));
		const k = topCount(vipShare, payers.length, true);
		for (let j = 0; j < k; j++) {
			const c = m.customers[payers[j]];
			let list = vipMonths.get(c);
			if (!list) vipMonths.set(c, (list = []));
			list.push(m.months[col]);
		}
	}
	return vipMonths;
}

/**
 * VIP / good / regular (README "The rules: VIP").
 * Monthly variant: union of the monthly VIP lists; a VIP of none of the latest `latestMonths`
 * months is good and flagged dropped out; of the rest, the top `goodShare` by count (ranked by
 * period total, positive totals only) are good. Period variant: one ranking of the period totals.
 * Both flag lost VIP: monthly VIP whose last purchase is more than `lostDays` before referenceDay.
 * `monthly`: the monthly totals of `data` under `opts`, when the caller has them already.
 */
export function classifyVip(
	data: SalesColumns,
	opts: AggregateOptions,
	s: VipSettings,
	monthly: MonthlyTotals = monthlyTotals(data, opts)
): VipResult {
	if (s.variant === 'monthly' && !data.date) {
		throw new Error('The monthly VIP method needs a date column: map a date column or use the period variant.');
	}
	const keys = data.customerKeys;
	const totals = aggregate(data, opts);
	const vipMonths = monthlyVip(monthly, keys, s.vipShare);
	const unit = 10 ** totals.scale;

	// rank every customer in scope by period total, ties by key
	const n = totals.customers.length;
	const rank: number[] = [];
	for (let i = 0; i < n; i++) rank.push(i);
	const t = totals.totals;
	rank.sort((a, b) => {
		const d = t[b] - t[a];
		if (d !== 0) return d;
		const ka = keys[totals.customers[a]];
		const kb = keys[totals.customers[b]];
		return ka < kb ? -1 : ka > kb ? 1 : 0;
	});

	const status = new Array<VipStatus>(n).fill('regular');
	const dropped = new Array<boolean>(n).fill(false);

	if (s.variant === 'monthly') {
		const latest = new Set(monthly.months.slice(Math.max(0, monthly.months.length - Math.max(0, s.latestMonths))));
		const candidates: number[] = [];
		for (const i of rank) {
			const vm = vipMonths.get(totals.customers[i]);
			if (vm) {
				if (s.latestMonths > 0 && !vm.some((month) => latest.has(month))) {
					status[i] = 'good';
					dropped[i] = true;
				} else status[i] = 'vip';
			} else if (t[i] > 0) candidates.push(i);
		}
		const good = topCount(s.goodShare, candidates.length, false);
		for (let j = 0; j < good; j++) status[candidates[j]] = 'good';
	} else {
		let positive = 0;
		for (let i = 0; i < n; i++) if (t[i] > 0) positive++;
		const vip = topCount(s.vipShare, positive, true);
		const good = topCount(s.goodShare, positive - vip, false);
		// positive totals rank first, so the first `positive` ranks are exactly the eligible ones
		for (let j = 0; j < vip + good; j++) status[rank[j]] = j < vip ? 'vip' : 'good';
	}

	const counts = { vip: 0, good: 0, regular: 0, droppedOut: 0 };
	const customers: VipCustomer[] = rank.map((i) => {
		counts[status[i]]++;
		if (dropped[i]) counts.droppedOut++;
		const c = totals.customers[i];
		return {
			customer: c,
			status: status[i],
			value: t[i] / unit,
			vipMonths: vipMonths.get(c) ?? [],
			droppedOut: dropped[i]
		};
	});

	const lostVip: LostVip[] = [];
	const ref = monthly.referenceDay;
	for (let i = 0; i < monthly.customers.length; i++) {
		const c = monthly.customers[i];
		const vm = vipMonths.get(c);
		if (!vm) continue;
		const last = monthly.lastPurchase[i];
		const daysSince = last === NO_DAY ? Infinity : ref - last;
		if (daysSince > s.lostDays) lostVip.push({ customer: c, lastPurchase: last, daysSince, vipMonths: vm });
	}
	lostVip.sort((a, b) => {
		if (a.daysSince !== b.daysSince) return a.daysSince < b.daysSince ? 1 : -1;
		const ka = keys[a.customer];
		const kb = keys[b.customer];
		return ka < kb ? -1 : ka > kb ? 1 : 0;
	});

	return { settings: s, months: monthly.months, customers, counts, lostVip, referenceDay: ref };
}
