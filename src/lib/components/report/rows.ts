import type {
	CompareView,
	MarginView,
	MigrationView,
	RecencyView,
	ReeseView,
	RfmView,
	VipView,
	XyzView
} from '../../engine/view-types';

/** The printed report's tables show their top rows only; the rest is counted ("and N more"). */
export const REPORT_ROWS = 25;

/** The first `limit` rows and how many were left out. */
export function topRows<T>(rows: readonly T[], limit = REPORT_ROWS): { rows: T[]; more: number } {
	return { rows: rows.slice(0, limit), more: Math.max(0, rows.length - limit) };
}

/** The tabs' views the report prints, a page each; null: that tab has no data (or was not computed). */
export interface ReportViews {
	vip: VipView | null;
	movement: MigrationView | null;
	xyz: XyzView | null;
	recency: RecencyView | null;
	rfm: RfmView | null;
	/** printed only when some customer has a type (the data has discounts, or free lines) */
	types: ReeseView | null;
	margin: MarginView | null;
	compare: CompareView | null;
}
