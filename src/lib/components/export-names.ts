/** File names of the dashboard's downloads. */
import { formatDay } from '../core/calendar';
import type { ExportFormat } from '../engine/export';

/**
 * The period part of a download name: `<from>_<to>` as YYYY-MM-DD day numbers (either side may be
 * open: `start`, `end`), or `all-time` without a period.
 */
export function exportPeriod(dateFrom: number | undefined, dateTo: number | undefined): string {
	if (dateFrom === undefined && dateTo === undefined) return 'all-time';
	return `${dateFrom === undefined ? 'start' : formatDay(dateFrom)}_${dateTo === undefined ? 'end' : formatDay(dateTo)}`;
}

/**
 * The common start of a dataset's download names: `<dataset>-<preset>-<metric>`, then
 * `-<period>` when given (exportPeriod), where characters other than letters, digits, '.', '_'
 * and '-' in the dataset name become '_' (runs become one '_'). A missing dataset name reads
 * 'customers'. Extensions and suffixes are added by the caller.
 */
export function exportFileBase(
	datasetName: string | null | undefined,
	preset: string,
	metric: string,
	period?: string
): string {
	const base = `${(datasetName ?? 'customers').replace(/[^\p{L}\p{N}._-]+/gu, '_')}-${preset}-${metric}`;
	return period ? `${base}-${period}` : base;
}

/** Suffix and extension per export format, so no two downloads of one view share a name. */
const ENDINGS: Record<ExportFormat, string> = {
	xlsx: '.xlsx',
	'csv-sheet': '-table.csv',
	'csv-system': '-system.csv'
};

/** `<base>.xlsx`, `<base>-table.csv` (CSV for spreadsheets) or `<base>-system.csv` (CSV for systems). */
export function exportFileName(base: string, format: ExportFormat): string {
	return base + ENDINGS[format];
}
