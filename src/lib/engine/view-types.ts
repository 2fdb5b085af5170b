/** Small, name-resolved results the worker posts to the page for the period-based methods. */
import type { RfmSegment } from './rfm';
import type { ReeseSettings, ReeseTypeRow } from './reese';

export interface NamedCustomer {
	key: string;
	name: string;
}

export interface VipView {
	variant: 'monthly' | 'period';
	months: string[];
	counts: { vip: number; good: number; regular: number; droppedOut: number };
	/** VIP and good customers, VIP first, each with a strip of VIP months (same order as `months`) */
	rows: (NamedCustomer & {
		status: 'vip' | 'good' | 'regular';
		value: number;
		vipMonths: boolean[];
		droppedOut: boolean;
	})[];
	/** rows left out of `rows` beyond the display limit */
	more: number;
	lost: (NamedCustomer & { lastPurchase: string; daysSince: number; vipMonths: string[] })[];
	referenceDay: string;
}

export interface MigrationView {
	previous: { from: string; to: string };
	current: { from: string; to: string };
	classes: string[];
	/** counts[fromIndex][toIndex]; from = classes + 'new', to = classes + 'lost' */
	counts: number[][];
	rising: (NamedCustomer & { before: number; after: number; growth: number; fromClass: string; toClass: string })[];
	drops: (NamedCustomer & { before: number; after: number; growth: number; fromClass: string; toClass: string })[];
}

export interface MigrationCellView {
	from: string;
	to: string;
	customers: (NamedCustomer & { before: number; after: number })[];
	more: number;
}

export interface MarginView {
	companyMargin: number;
	gap: number;
	rows: (NamedCustomer & {
		revenue: number;
		profit: number;
		margin: number;
		revenueRank: number;
		profitRank: number;
		flagged: boolean;
		reason: string | null;
	})[];
	scatter: { x: number; y: number; top: boolean; name: string }[];
}

export interface XyzView {
	months: string[];
	classes: string[];
	/** matrix[classIndex][0..2] for X, Y, Z */
	matrix: { customers: number; value: number }[][];
	counts: { X: number; Y: number; Z: number };
	/** the thresholds the classes were drawn with, and where they came from (engine/xyz.ts) */
	thresholds: { xMax: number; yMax: number; source: 'data' | 'manual' | 'fallback' };
	/** customers with a measurable variation (finite CV: two months or more counted, positive total) */
	measured: number;
	/** the lowest and highest finite CV; null when no customer has one */
	cvRange: [number, number] | null;
	/**
	 * cells[classIndex][0..2]: the cell's customers by value, descending (the first `XYZ_CELL_LIMIT` of engine/xyz.ts),
	 * cv null when not measurable; `more` the ones left out
	 */
	cells: { customers: (NamedCustomer & { value: number; cv: number | null })[]; more: number }[][];
}

export interface RecencyView {
	referenceDay: string;
	counts: { active: number; sleeping: number; lost: number };
	quietTop: (NamedCustomer & { daysSince: number; status: 'active' | 'sleeping' | 'lost'; value: number })[];
}

export interface CompareView {
	a: string;
	b: string;
	topA: number;
	topB: number;
	both: number;
	overlapShareOfA: number;
	overlapShareOfB: number;
	jaccard: number;
	onlyA: NamedCustomer[];
	onlyB: NamedCustomer[];
}

/** The RFM tab (engine/segment-views.ts `rfmView`). */
export interface RfmView {
	/** the day recency is counted back from (ISO date); '' without dated purchases */
	referenceDay: string;
	/** customers with a dated purchase in scope */
	customers: number;
	/** one row per segment in `RFM_SEGMENTS` order: customers, revenue (value units) and its share of all */
	segments: { segment: RfmSegment; customers: number; revenue: number; revenueShare: number }[];
	/** grid[r − 1][f − 1]: customers in the cell and their mean M score (null for an empty cell) */
	grid: { customers: number; meanM: number | null }[][];
	/** class names of the classification, in order */
	classes: string[];
	/** abcRfm[classIndex][segment index]: customers, and the first `SEGMENT_CELL_LIMIT` by revenue */
	abcRfm: { customers: number; revenue: number; top: (NamedCustomer & { code: string; revenue: number })[] }[][];
	/** the first class's customers at risk or "can't lose them": the ones to call first (keys as listed in `abcRfm`) */
	slipping: { customers: number; revenue: number; keys: string[] };
}

/** The Customer types tab (engine/segment-views.ts `reeseView`). */
export interface ReeseView {
	hasDiscountData: boolean;
	/** the average unit price from which a customer is in the top of the prices (value units); null without one */
	priceCutoff: number | null;
	settings: ReeseSettings;
	types: ReeseTypeRow[];
	/** per type (REESE_TYPES order): its largest customers by revenue, the first `SEGMENT_CELL_LIMIT` */
	top: (NamedCustomer & { revenue: number; discountedShare: number; averagePrice: number })[][];
}
