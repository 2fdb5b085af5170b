/** Plain data the engine works on and returns. No DOM, no storage, no framework. */

/** Sales rows kept column by column; only rows that passed ingest are here. */
export interface SalesColumns {
	rowCount: number;
	/** dictionary of customer keys: index → key as in the file (trimmed) */
	customerKeys: string[];
	/** index → display name (the key when the file has no name column) */
	customerNames: string[];
	/** per row: index into customerKeys */
	customer: Int32Array;
	/** per row: amount as an exact integer in minor units: value = amount / 10^amountScale */
	amount: Float64Array;
	amountScale: number;
	/** per row: quantity, exact integer at quantityScale; absent when not mapped */
	quantity?: Float64Array;
	quantityScale: number;
	/** per row: profit, exact integer at profitScale; absent when not mapped */
	profit?: Float64Array;
	profitScale: number;
	/** per row: day number since 1970-01-01, NO_DAY (core/calendar) when missing/invalid; absent when not mapped */
	date?: Int32Array;
	/**
	 * per row: an exact code of the order id, equal codes for equal ids (see ingest/order-codes),
	 * -1 when empty; absent when not mapped
	 */
	order?: Float64Array | Int32Array;
	/** per customer: manager dictionary index (most recent row's), -1 none; absent when not mapped */
	customerManager?: Int32Array;
	managers?: string[];
	/**
	 * text columns kept for slicing (README "Dimensions and filters"), in the order chosen at import;
	 * absent in datasets stored before dimensions existed
	 */
	dimensions?: DimensionColumn[];
	/**
	 * per row: the discount as a fraction 0..1 of the price before it (README "The rules: Reese's four
	 * customer types"), -1 (ingest/discounts `DISCOUNT_CODE`) for a row bought with a discount code of
	 * unknown depth, NaN when the row carries no discount information; absent when no file of the
	 * dataset has a discount or list-price column
	 */
	discount?: Float64Array;
}

/** A row's discount meaning "bought with a discount code, depth unknown" (`SalesColumns.discount`). */
export const DISCOUNT_CODE = -1;

/** Most distinct values a dimension may have; a column with more (an id) is not kept as a filter. */
export const MAX_DIMENSION_VALUES = 5000;

/** A text column kept for slicing and filtering, dictionary-encoded per row. */
export interface DimensionColumn {
	/** the column's header as in the (first) file that has it */
	name: string;
	/** dictionary: code → value as in the file, trimmed; '' is an empty cell (shown as "(empty)") */
	values: string[];
	/** per row: index into `values` (rows of a file without this column have the code of '') */
	codes: Uint16Array;
}

/**
 * Which rows count (README "Dimensions and filters"); every condition given must hold, values of one
 * condition are alternatives. An absent or empty filter keeps every row.
 */
export interface RowFilter {
	/** keep the rows of customers whose manager (the most recent row's) is one of these names */
	managers?: string[];
	/** dimension name → the values to keep ('' = empty cells) */
	dimensions?: Record<string, string[]>;
}

export type Metric = 'revenue' | 'payments' | 'units' | 'profit';
export type ReturnsPolicy = 'net' | 'ignore';

export interface ClassDef {
	/** i18n id for presets ('A', 'gold', ...) or a user-given name */
	name: string;
	/** upper bound of the cumulative share before the customer, as a fraction 0..1; the last class has 1 */
	upTo: number;
}

/** What class bounds measure: the cumulative share of the metric, or the share of customers by rank. */
export type ClassBasis = 'value' | 'count';

export interface ClassifySettings {
	metric: Metric;
	/** default 'value' (README "The rules: Presets and classes by count"); 'count' puts the top X % of customers (by rank) in the first class */
	basis?: ClassBasis;
	returns: ReturnsPolicy;
	classes: ClassDef[];
	/** a customer with at least this share of the metric is a key customer (0.1 = 10 %) */
	keyShare: number;
	/** one customer with at least this share triggers the mono-client warning */
	monoShare: number;
	/** inclusive day-number range; undefined = all rows */
	dateFrom?: number;
	dateTo?: number;
	/** rows kept by the filter bar (engine/row-filter.ts); undefined = every row */
	filter?: RowFilter;
}

/** Totals per customer for one metric: exact integers at `scale`. */
export interface CustomerTotals {
	/** customer indices that have at least one row in scope */
	customers: Int32Array;
	/** total per entry of `customers` (exact integer in minor units) */
	totals: Float64Array;
	scale: number;
	/** true when some total exceeded 2^53 and was summed with BigInt (then rounded to a float) */
	approximate: boolean;
}

/**
 * One class of the segment table (README "Choices where the specification is silent: Segment totals"):
 * only customers with a positive total are counted and summed, so the classes' values add up to the
 * share base and their value shares to 1.
 */
export interface SegmentRow {
	classIndex: number;
	name: string;
	/** customers of this class with a positive total */
	customers: number;
	/** `customers` as a fraction 0..1 of all customers (the non-positive row's share completes 1) */
	customerShare: number;
	/** sum of the class's totals, value units (currency for revenue/profit, count for payments/units) */
	value: number;
	/** `value` as a fraction 0..1 of the share base (`Classification.total`) */
	valueShare: number;
	/** `value / customers`, value units; 0 for an empty class */
	average: number;
}

/**
 * The customers whose total is zero or negative (returns exceed purchases; for profit, no profit):
 * outside every class's sums, though each of them is in the lowest class per customer.
 */
export interface NonPositiveRow {
	/** how many customers have a total ≤ 0 */
	customers: number;
	/** `customers` as a fraction 0..1 of all customers */
	customerShare: number;
	/** their summed total, value units: ≤ 0 */
	value: number;
	/** `value` as a fraction of the share base: ≤ 0 (0 when the base is 0) */
	valueShare: number;
	/** `value / customers`, value units; 0 when there are none */
	average: number;
}

export interface Concentration {
	customerCount: number;
	total: number;
	keyCustomers: number;
	monoClient: boolean;
	/** share of the largest customer */
	top1Share: number;
	top5Share: number;
	/** share of the top 20 % of customers (rounded up to whole customers) */
	top20PctShare: number;
	/** customers needed to reach 80 % (including the one that crosses), as count and share of all customers */
	customersFor80: number;
	customersFor80Share: number;
	gini: number;
	/** Herfindahl–Hirschman index on shares in percent: 0..10 000 */
	hhi: number;
}

export interface ParetoPoint {
	/** rank, 1-based */
	rank: number;
	x: number;
	y: number;
	classIndex: number;
}

/** Full classification of one dataset with one set of settings, in rank order. */
export interface Classification {
	settings: ClassifySettings;
	scale: number;
	/** customer indices in rank order: `rankOrder[r]` is the customer at rank r + 1 */
	rankOrder: Int32Array;
	/** per rank: total (float, value units) */
	value: Float64Array;
	/** per rank: fraction of `total` (the share base); negative for a negative total */
	share: Float64Array;
	/** per rank: cumulative share including this customer */
	cumShare: Float64Array;
	/** per rank: class index into settings.classes */
	classIndex: Uint8Array;
	/** per rank: 1 when a key customer (README "The rules: Key customers"), else 0 */
	isKeyCustomer: Uint8Array;
	/** sum of positive totals, value units: the base of every share */
	total: number;
	/** sum of every customer's total (net of returns), value units: what the books show; `total + nonPositive.value` */
	netTotal: number;
	/** one row per class; customers with a total ≤ 0 are in `nonPositive`, not here */
	segments: SegmentRow[];
	/** customers with a total ≤ 0; `segments` + this = all customers and `netTotal` */
	nonPositive: NonPositiveRow;
	concentration: Concentration;
}
