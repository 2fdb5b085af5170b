/**
 * Reese's four customer types (README "The rules: Reese's four customer types"): freeloaders,
 * discount lovers, seekers and result-focused customers, read from each customer's discounts, free
 * lines and prices; customers the data says nothing about are "unknown". Pure: no DOM, no storage.
 */
import { NO_DAY } from '../core/calendar';
import { aggregate, isReturnRow, type AggregateOptions } from './aggregate';
import { DISCOUNT_CODE, type CustomerTotals, type SalesColumns } from './types';

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
	settings: ReeseSettings = DEFAULT_REESE,
	totals: TypeTotals = {}
): ReeseResult {
	const t = tally(data, opts, settings);
	const { types, cutoff } = decide(t, settings);
	const rows: ReeseCustomer[] = [];
	for (let c = 0; c < types.length; c++) {
		if (types[c] === NOT_IN_SCOPE) continue;
		rows.push({
			customer: c,
			type: REESE_TYPES[types[c]],
			items: t.items[c],
			freeItems: t.freeItems[c],
			revenue: t.revenue[c],
			discountedShare: t.revenue[c] > 0 ? t.discounted[c] / t.revenue[c] : 0,
			averagePrice: t.items[c] > 0 ? t.revenue[c] / t.items[c] : 0,
			averageDiscount: t.depthCount[c] > 0 ? t.depthSum[c] / t.depthCount[c] : NaN,
			discountLines: t.depthCount[c]
		});
	}
	return {
		hasDiscountData: !!data.discount,
		priceCutoff: cutoff,
		customers: rows,
		types: typeRows(data, opts, rows, totals)
	};
}

/** `reeseTypes`'s types alone, fast (one pass, no objects): per customer index, its index in `REESE_TYPES`, or `NOT_IN_SCOPE`. */
export function reeseTypeCodes(
	data: SalesColumns,
	opts: Omit<AggregateOptions, 'metric'>,
	settings: ReeseSettings = DEFAULT_REESE
): Uint8Array {
	return decide(tally(data, opts, settings), settings).types;
}

/** A customer without a purchase in scope, in `reeseTypeCodes`. */
export const NOT_IN_SCOPE = 255;

/** Per customer index: what the rules read, summed over its purchases in scope. */
interface Tallies {
	items: Float64Array;
	freeItems: Float64Array;
	revenue: Float64Array;
	discounted: Float64Array;
	depthSum: Float64Array;
	depthCount: Int32Array;
	/** 1 when some purchase carries discount information */
	known: Uint8Array;
	/** 1 when it has a purchase in scope */
	seen: Uint8Array;
}

function tally(data: SalesColumns, opts: Omit<AggregateOptions, 'metric'>, settings: ReeseSettings): Tallies {
	const n = data.customerKeys.length;
	const t: Tallies = {
		items: new Float64Array(n),
		freeItems: new Float64Array(n),
		revenue: new Float64Array(n),
		discounted: new Float64Array(n),
		depthSum: new Float64Array(n),
		depthCount: new Int32Array(n),
		known: new Uint8Array(n),
		seen: new Uint8Array(n)
	};
	const unit = 10 ** data.amountScale;
	const qUnit = 10 ** data.quantityScale;
	const filterDates = data.date !== undefined && (opts.dateFrom !== undefined || opts.dateTo !== undefined);
	const from = opts.dateFrom ?? -Infinity;
	const to = opts.dateTo ?? Infinity;
	const { discount, quantity, amount, customer } = data;
	const deep = settings.deepDiscount - EPS;
	for (let r = 0; r < data.rowCount; r++) {
		if (filterDates) {
			const d = data.date![r];
			if (d === NO_DAY || d < from || d > to) continue;
		}
		// a return (negative amount or quantity) is not a purchase
		if (isReturnRow(data, r)) continue;
		const c = customer[r];
		const paid = amount[r] / unit;
		const q = quantity ? quantity[r] / qUnit : 0;
		const items = q > 0 ? q : 1;
		const depth = discount ? discount[r] : NaN;
		const free = paid === 0;
		t.seen[c] = 1;
		t.items[c] += items;
		t.revenue[c] += paid;
		if (depth === depth) t.known[c] = 1; // not NaN
		if (free || depth >= deep) t.freeItems[c] += items;
		if (depth > 0 || depth === DISCOUNT_CODE) t.discounted[c] += paid;
		if (depth >= 0 || free) {
			t.depthSum[c] += free ? 1 : depth;
			t.depthCount[c]++;
		}
	}
	return t;
}

/** The rules in their order (see `reeseTypes`), with the price cutoff of the top share. */
function decide(t: Tallies, settings: ReeseSettings): { types: Uint8Array; cutoff: number } {
	const n = t.seen.length;
	let known = 0;
	for (let c = 0; c < n; c++) if (t.seen[c] && t.known[c]) known++;
	const prices = new Float64Array(known);
	for (let c = 0, k = 0; c < n; c++)
		if (t.seen[c] && t.known[c]) prices[k++] = t.items[c] > 0 ? t.revenue[c] / t.items[c] : 0;
	prices.sort(); // ascending: the k-th highest is at known − k
	const rank = Math.max(1, Math.ceil(known * settings.resultPriceTop - EPS));
	const cutoff = known > 0 ? prices[Math.max(0, known - rank)] : NaN;
	const types = new Uint8Array(n).fill(NOT_IN_SCOPE);
	const [FREELOADER, LOVER, SEEKER, RESULT, UNKNOWN] = [0, 1, 2, 3, 4];
	for (let c = 0; c < n; c++) {
		if (!t.seen[c]) continue;
		const items = t.items[c];
		const revenue = t.revenue[c];
		const discounted = revenue > 0 ? t.discounted[c] / revenue : 0;
		const price = items > 0 ? revenue / items : 0;
		if (items > 0 && t.freeItems[c] >= settings.freeShare * items - EPS) types[c] = FREELOADER;
		else if (!t.known[c]) types[c] = UNKNOWN;
		else if (revenue > 0 && discounted >= settings.loverShare - EPS) types[c] = LOVER;
		else if (discounted < settings.resultMaxDiscounted - EPS && price >= cutoff) types[c] = RESULT;
		else types[c] = SEEKER;
	}
	return { types, cutoff };
}

/** Per-customer totals the caller already has (the worker caches them per metric): not summed again. */
export interface TypeTotals {
	revenue?: CustomerTotals;
	payments?: CustomerTotals;
	profit?: CustomerTotals;
}

function typeRows(
	data: SalesColumns,
	opts: Omit<AggregateOptions, 'metric'>,
	rows: ReeseCustomer[],
	totals: TypeTotals
): ReeseTypeRow[] {
	const n = data.customerKeys.length;
	const revenue = totalsOf(totals.revenue ?? aggregate(data, { ...opts, metric: 'revenue' }), n);
	const orders = totalsOf(totals.payments ?? aggregate(data, { ...opts, metric: 'payments' }), n);
	const profit = data.profit ? totalsOf(totals.profit ?? aggregate(data, { ...opts, metric: 'profit' }), n) : null;
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
		row.revenue += revenue[x.customer];
		row.orders += orders[x.customer];
		if (profit) row.profit! += profit[x.customer];
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

/** Per customer index (of `n`): the metric's total in value units, 0 without rows in scope. */
function totalsOf(t: CustomerTotals, n: number): Float64Array {
	const u = 10 ** t.scale;
	const out = new Float64Array(n);
	for (let i = 0; i < t.customers.length; i++) out[t.customers[i]] = t.totals[i] / u;
	return out;
}
