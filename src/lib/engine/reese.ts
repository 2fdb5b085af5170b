/**
 * Reese's four customer types (README "The rules: Reese's four customer types"): freeloaders,
 * discount lovers, seekers and result-focused customers, read from each customer's discounts, free
 * lines and prices; customers the data says nothing about are "unknown". Pure: no DOM, no storage.
 */
import { NO_DAY } from '../core/calendar';
import { aggregate, isReturnRow, type AggregateOptions } from './aggregate';
import type { SalesColumns } from './types';

export const REESE_TYPES = ['freeloader', 'discountLover', 'seeker', 'resultFocused', 'unknown'] as const;
export type ReeseType = (typeof REESE_TYPES)[number];

/** The type rules' thresholds, every one a fraction 0..1 (README table "Reese's four customer types"). */
export interface ReeseSettings {
	/** a freeloader has at least this share of its items free or at `deepDiscount` or more (0.5) */
	freeShare: number;
	/** a discount at least this deep counts an item as "nearly free" (0.7) */
	deepDiscount: number;
	/** a discount lover bought at least this share of its revenue with a discount (0.5) */
	loverShare: number;
	/** a result-focused customer bought under this share of its revenue with a discount (0.1) */
	resultMaxDiscounted: number;
	/** … and its average unit price is in this top share of the customers' prices (1/3) */
	resultPriceTop: number;
}

export const DEFAULT_REESE: ReeseSettings = {
	freeShare: 0.5,
	deepDiscount: 0.7,
	loverShare: 0.5,
	resultMaxDiscounted: 0.1,
	resultPriceTop: 1 / 3
};

/** A discount or share compared with a threshold: 0.7 read from "70 %" must count as 70 %. */
const EPS = 1e-9;

export interface ReeseCustomer {
	customer: number;
	type: ReeseType;
	/** items bought (units when the data has quantities, else lines), returns left out */
	items: number;
	/** of them, free (nothing paid) or at `deepDiscount` or more */
	freeItems: number;
	/** revenue of its purchases (returns left out), value units */
	revenue: number;
	/** share 0..1 of `revenue` bought with a discount (a discount code counts) */
	discountedShare: number;
	/** revenue / items, value units */
	averagePrice: number;
	/** mean discount 0..1 of its lines with a known discount (a free line is 100 %); NaN without one */
	averageDiscount: number;
	/** how many lines that mean is over */
	discountLines: number;
}

export interface ReeseTypeRow {
	type: ReeseType;
	customers: number;
	/** revenue under the returns policy, value units */
	revenue: number;
	/** `revenue` as a fraction of all the customers' revenue (0 when that is 0) */
	revenueShare: number;
	/** null without a profit column */
	profit: number | null;
	profitShare: number | null;
	/** distinct orders (rows without an order column), returns left out */
	orders: number;
	/** mean discount 0..1 of the type's lines with a known discount; NaN without one */
	averageDiscount: number;
}

export interface ReeseResult {
	/** the dataset has a discount or list-price column (else only free lines can say anything) */
	hasDiscountData: boolean;
	/** the average unit price from which a customer is in the top `resultPriceTop` (value units); NaN with no customer */
	priceCutoff: number;
	customers: ReeseCustomer[];
	/** one row per type, in `REESE_TYPES` order */
	types: ReeseTypeRow[];
}

interface Tally {
	items: number;
	freeItems: number;
	revenue: number;
	discounted: number;
	depthSum: number;
	depthCount: number;
	known: boolean;
}

/**
 * Each customer's type over the rows in scope (the period of `opts`; the caller filters rows).
 * Purchases only (rows with a negative amount or quantity are returns and left out of the rules):
 * - freeloader: at least `freeShare` of its items free (paid 0) or at `deepDiscount` or more;
 * - unknown: none of its purchases carries discount information (and it is no freeloader);
 * - discount lover: at least `loverShare` of its revenue bought with a discount;
 * - result-focused: under `resultMaxDiscounted` of its revenue discounted and its average unit
 *   price in the top `resultPriceTop` of the customers with discount information (ties at the
 *   cutoff included);
 * - seeker: every other customer with discount information.
 * Type totals (revenue, profit, orders) follow the returns policy of `opts`.
 */
export function reeseTypes(
	data: SalesColumns,
	opts: Omit<AggregateOptions, 'metric'>,
	settings: ReeseSettings = DEFAULT_REESE
): ReeseResult {
	const tallies = new Map<number, Tally>();
	const unit = 10 ** data.amountScale;
	const qUnit = 10 ** data.quantityScale;
	const filterDates = data.date !== undefined && (opts.dateFrom !== undefined || opts.dateTo !== undefined);
	const from = opts.dateFrom ?? -Infinity;
	const to = opts.dateTo ?? Infinity;
	const discount = data.discount;
	for (let r = 0; r < data.rowCount; r++) {
		if (filterDates) {
			const d = data.date![r];
			if (d === NO_DAY || d < from || d > to) continue;
		}
		if (isReturnRow(data, r)) continue;
		const c = data.customer[r];
		let t = tallies.get(c);
		if (!t) {
			t = { items: 0, freeItems: 0, revenue: 0, discounted: 0, depthSum: 0, depthCount: 0, known: false };
			tallies.set(c, t);
		}
		const paid = data.amount[r] / unit;
		const q = data.quantity ? data.quantity[r] / qUnit : 0;
		const items = q > 0 ? q : 1;
		const depth = discount ? discount[r] : NaN;
		const free = paid === 0;
		t.items += items;
		t.revenue += paid;
		if (!Number.isNaN(depth)) t.known = true;
		if (free || depth >= settings.deepDiscount - EPS) t.freeItems += items;
		if (depth > 0 || depth === -1) t.discounted += paid;
		if (depth >= 0 || free) {
			t.depthSum += free ? 1 : depth;
			t.depthCount++;
		}
	}

	const rows: ReeseCustomer[] = [];
	for (const [customer, t] of tallies) {
		rows.push({
			customer,
			type: 'unknown',
			items: t.items,
			freeItems: t.freeItems,
			revenue: t.revenue,
			discountedShare: t.revenue > 0 ? t.discounted / t.revenue : 0,
			averagePrice: t.items > 0 ? t.revenue / t.items : 0,
			averageDiscount: t.depthCount > 0 ? t.depthSum / t.depthCount : NaN,
			discountLines: t.depthCount
		});
	}
	rows.sort((a, b) => a.customer - b.customer);
	const known = rows.filter((x) => tallies.get(x.customer)!.known);
	const prices = known.map((x) => x.averagePrice).sort((a, b) => b - a);
	const cutoff =
		prices.length > 0 ? prices[Math.max(0, Math.ceil(prices.length * settings.resultPriceTop - EPS) - 1)] : NaN;
	for (const x of rows) {
		const t = tallies.get(x.customer)!;
		if (x.items > 0 && x.freeItems >= settings.freeShare * x.items - EPS) x.type = 'freeloader';
		else if (!t.known) x.type = 'unknown';
		else if (x.revenue > 0 && x.discountedShare >= settings.loverShare - EPS) x.type = 'discountLover';
		else if (x.discountedShare < settings.resultMaxDiscounted - EPS && x.averagePrice >= cutoff)
			x.type = 'resultFocused';
		else x.type = 'seeker';
	}
	return { hasDiscountData: !!discount, priceCutoff: cutoff, customers: rows, types: typeRows(data, opts, rows) };
}

function typeRows(data: SalesColumns, opts: Omit<AggregateOptions, 'metric'>, rows: ReeseCustomer[]): ReeseTypeRow[] {
	const revenue = totalsOf(data, { ...opts, metric: 'revenue' });
	const orders = totalsOf(data, { ...opts, metric: 'payments' });
	const profit = data.profit ? totalsOf(data, { ...opts, metric: 'profit' }) : null;
	const out = REESE_TYPES.map((type): ReeseTypeRow => ({
		type,
		customers: 0,
		revenue: 0,
		revenueShare: 0,
		profit: profit ? 0 : null,
		profitShare: profit ? 0 : null,
		orders: 0,
		averageDiscount: NaN
	}));
	const depth = REESE_TYPES.map(() => ({ sum: 0, count: 0 }));
	for (const x of rows) {
		const k = REESE_TYPES.indexOf(x.type);
		const row = out[k];
		row.customers++;
		row.revenue += revenue.get(x.customer) ?? 0;
		row.orders += orders.get(x.customer) ?? 0;
		if (profit) row.profit! += profit.get(x.customer) ?? 0;
		// back to the line sums: the type's mean is over its lines, not over its customers' means
		if (x.discountLines > 0) {
			depth[k].sum += x.averageDiscount * x.discountLines;
			depth[k].count += x.discountLines;
		}
	}
	const revenueTotal = out.reduce((s, r) => s + r.revenue, 0);
	const profitTotal = profit ? out.reduce((s, r) => s + r.profit!, 0) : 0;
	out.forEach((r, k) => {
		r.revenueShare = revenueTotal !== 0 ? r.revenue / revenueTotal : 0;
		if (profit) r.profitShare = profitTotal !== 0 ? r.profit! / profitTotal : 0;
		if (depth[k].count > 0) r.averageDiscount = depth[k].sum / depth[k].count;
	});
	return out;
}

/** Per customer: the metric's total in value units. */
function totalsOf(data: SalesColumns, opts: AggregateOptions): Map<number, number> {
	const t = aggregate(data, opts);
	const u = 10 ** t.scale;
	const m = new Map<number, number>();
	t.customers.forEach((c, i) => m.set(c, t.totals[i] / u));
	return m;
}
