/**
 * The downloads of an open classification (README "What an export means"): which extra columns
 * the active analyses add, and the file in the chosen format (CSV in three dialects, XLSX).
 */
import { formatDay, monthLabel, NO_DAY } from '../core/calendar';
import { EXCEL_CSV, RFC_4180_CSV, RUSSIAN_EXCEL_CSV, type CsvDialect } from '../core/csv';
import { classificationCsv, type ExtraColumns } from './csv-export';
import { classifyRecency, type RecencySettings } from './recency';
import type { Classification, SalesColumns } from './types';
import { classifyVip, type VipSettings } from './vip';
import { buildXlsx, classificationWorkbook } from './xlsx';
import { classifyXyz, type XyzSettings } from './xyz';

export interface ExportSettings {
	vip?: VipSettings;
	xyz?: XyzSettings;
	recency?: RecencySettings;
}

/** True when at least one row has a valid date (not the NO_DAY sentinel of an invalid or missing one). */
function hasValidDate(date: Int32Array): boolean {
	for (let i = 0; i < date.length; i++) if (date[i] !== NO_DAY) return true;
	return false;
}

/**
 * `metric`, and when the data has a date column `vip_status`, `vip_months`, `xyz`, `recency`, plus
 * the period when one is set. A date column in which no row has a valid date keeps those columns
 * in the header with every cell empty: nothing is known about them (not everyone "lost").
 */
export function exportExtras(data: SalesColumns, c: Classification, s: ExportSettings = {}): ExtraColumns {
	const opts = c.settings;
	const extra: ExtraColumns = { metric: opts.metric };
	if (data.date && !hasValidDate(data.date)) {
		if (s.vip) extra.vip = new Map();
		if (s.xyz) extra.xyz = new Map();
		if (s.recency) extra.recency = new Map();
	} else if (data.date) {
		if (s.vip) {
			const vip = classifyVip(data, opts, s.vip);
			extra.vip = new Map(
				vip.customers.map((v) => [v.customer, { status: v.status, months: v.vipMonths.map(monthLabel) }])
			);
		}
		if (s.xyz) extra.xyz = classifyXyz(data, opts, c, s.xyz).xyz;
		if (s.recency) extra.recency = classifyRecency(data, opts, c, s.recency).status;
	}
	if (opts.dateFrom !== undefined) extra.periodFrom = formatDay(opts.dateFrom);
	if (opts.dateTo !== undefined) extra.periodTo = formatDay(opts.dateTo);
	return extra;
}

/**
 * The export of the open classification as CSV in `dialect` (default RFC 4180): the eight
 * foundation columns, then the extras.
 */
export function exportClassification(
	data: SalesColumns,
	c: Classification,
	s: ExportSettings = {},
	dialect: CsvDialect = RFC_4180_CSV
): string {
	return classificationCsv(c, data.customerKeys, data.customerNames, exportExtras(data, c, s), dialect);
}

/** 'csv': RFC 4180; 'csv-excel': with a BOM; 'csv-excel-ru': ';', decimal comma and a BOM; 'xlsx': a workbook. */
export type ExportFormat = 'csv' | 'csv-excel' | 'csv-excel-ru' | 'xlsx';

const CSV_DIALECT: Record<Exclude<ExportFormat, 'xlsx'>, CsvDialect> = {
	csv: RFC_4180_CSV,
	'csv-excel': EXCEL_CSV,
	'csv-excel-ru': RUSSIAN_EXCEL_CSV
};

export interface ExportedFile {
	data: string | Uint8Array;
	mime: string;
	extension: string;
}

/** One download in the chosen format; sheet names come from the UI language. */
export function exportFile(
	data: SalesColumns,
	c: Classification,
	s: ExportSettings,
	format: ExportFormat,
	sheetNames: { customers: string; segments: string; concentration: string }
): ExportedFile {
	if (format === 'xlsx') {
		const sheets = classificationWorkbook(
			c,
			data.customerKeys,
			data.customerNames,
			sheetNames,
			exportExtras(data, c, s)
		);
		return {
			data: buildXlsx(sheets),
			mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			extension: 'xlsx'
		};
	}
	const text = exportClassification(data, c, s, CSV_DIALECT[format]);
	return { data: text, mime: 'text/csv;charset=utf-8', extension: 'csv' };
}
