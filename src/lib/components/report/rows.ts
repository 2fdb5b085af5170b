export type { ReportViews } from '../../state/tab-views.svelte';

/** The printed report's tables show their top rows only; the rest is counted ("and N more"). */
export const REPORT_ROWS = 25;

/** The first `limit` rows and how many were left out. */
export function topRows<T>(rows: readonly T[], limit = REPORT_ROWS): { rows: T[]; more: number } {
	return { rows: rows.slice(0, limit), more: Math.max(0, rows.length - limit) };
}
