/**
 * Small, name-resolved results for slicing and drilling (README "Dimensions and filters"): the filter
 * bar's choices, class × dimension, and the customer page. Days are ISO strings (YYYY-MM-DD), months
 * YYYY-MM, values in value units of the metric (currency for revenue/profit, counts otherwise),
 * shares as fractions 0..1.
 */
import type { RfmSegment } from './rfm';
import type { ReeseType } from './reese';
import type { NamedCustomer } from './view-types';
import type { RecencyStatus } from './recency';
import type { SegmentRow } from './types';

/** One filterable field with its values, most rows first. */
export interface FilterField {
	name: string;
	/** '' is the empty value, shown as "(empty)" */
	values: { value: string; rows: number }[];
}

/** What the filter bar offers for the open dataset. */
export interface FilterOptions {
	/** managers (per customer: the most recent row's manager), null without a manager column */
	managers: FilterField | null;
	dimensions: FilterField[];
	/** the dataset was stored before dimensions existed: re-import the file to get them */
	olderDataset: boolean;
}

/** Class × dimension: which values of a dimension each class's customers buy. */
export interface ClassDimensionView {
	dimension: string;
	/** class names (settings.classes), in class order */
	classes: string[];
	/** the dimension's values in the columns, largest total first; '' = empty; OTHER_VALUE groups the rest */
	values: string[];
	/** cells[classIndex][valueIndex]: the metric over the rows of the class's customers with that value */
	cells: number[][];
	/** customers[classIndex][valueIndex]: the class's customers with at least one such row */
	customers: number[][];
	/** per class: the sum of its row of cells */
	classTotals: number[];
	/** how many values were grouped into OTHER_VALUE (0 when none) */
	grouped: number;
}

/** The last column of a class × dimension view when a dimension has more values than are shown. */
export const OTHER_VALUE = '\u0000other';

/** ABC computed within each value of a dimension ("A customers of the North region"). */
export interface ClassesWithinView {
	dimension: string;
	rows: {
		value: string;
		/** customers with a row in scope for this value */
		customerCount: number;
		/** share base within the value (sum of positive customer totals), value units */
		total: number;
		segments: SegmentRow[];
		/** the value's first-class customers, largest first (at most 5) */
		top: (NamedCustomer & { value: number; share: number })[];
	}[];
	/** values left out beyond the limit */
	more: number;
}

/**
 * Why a customer is in its class (README "The rules: ABC"): its bound is compared with the cumulative
 * share of the customers ranked above it (`before`), or with its rank's share of customers for
 * classes by count.
 */
export interface ClassWhy {
	basis: 'value' | 'count';
	/** value basis: cumulative share before the customer; count basis: share of customers ranked above */
	before: number;
	/** the upper bound of the customer's class (fraction) */
	upTo: number;
	/** the upper bound of the class above (the one `before` reached), null for the first class */
	previousUpTo: number | null;
	/** the customer's total is ≤ 0: it is in the lowest class whatever the shares say */
	nonPositive: boolean;
}

/** Everything the customer page shows, under the open settings (filter and period included). */
export interface CustomerProfile {
	key: string;
	name: string;
	manager: string | null;
	/** 1-based rank in the classification; null when the customer has no row in scope */
	rank: number | null;
	/** customers in the classification */
	of: number;
	value: number;
	share: number;
	/** cumulative share including the customer */
	cumShare: number;
	classIndex: number | null;
	isKey: boolean;
	why: ClassWhy | null;
	/** the customers ranked just above and below, for prev/next navigation */
	previous: NamedCustomer | null;
	next: NamedCustomer | null;
	/** the class in each calendar quarter with data (oldest first, at most 12), null when no purchase that quarter */
	history: { quarter: string; from: string; to: string; classIndex: number | null; value: number }[];
	/** monthly values over the scope's months (empty without dates); vip: a VIP month under the VIP settings */
	months: { month: string; value: number; vip: boolean }[];
	/** with the thresholds X and Y were drawn with (fractions; relative to the data in auto mode) */
	xyz: { letter: 'X' | 'Y' | 'Z' | null; cv: number | null; xMax?: number; yMax?: number } | null;
	recency: { lastPurchase: string; daysSince: number; status: RecencyStatus } | null;
	/** with a profit column: revenue, profit and margin (fraction) of the customer */
	margin: { revenue: number; profit: number; margin: number } | null;
	/** rows in scope for the customer (see CustomerRowsPage) */
	rowCount: number;
	/** its RFM scores and segment (README "The rules: RFM"); absent without a dated purchase in scope */
	rfm?: { r: number; f: number; m: number; code: string; segment: RfmSegment };
	/** its Reese type (README "The rules: Reese's four customer types"); absent without discount data */
	reeseType?: ReeseType;
}

/** One page of a customer's rows in scope, newest first, with its dimension values. */
export interface CustomerRowsPage {
	/** dimension names, the order of each row's `dims` */
	dimensions: string[];
	total: number;
	offset: number;
	rows: {
		date: string | null;
		amount: number;
		quantity: number | null;
		profit: number | null;
		dims: string[];
	}[];
}
