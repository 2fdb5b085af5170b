/**
 * The downloads of an open classification (README "What an export means"): which extra columns
 * the active analyses add, and the file in the chosen format (XLSX, CSV for spreadsheets, CSV for systems).
 */
import { isEmptyFilter } from './row-filter';
import { describeFilter } from './filter-text';
import { formatDay, monthLabel, NO_DAY } from '../core/calendar';
import { finish, within, type Steps } from '../core/steps';
import { EXCEL_CSV, RFC_4180_CSV, RUSSIAN_EXCEL_CSV, type CsvDialect } from '../core/csv';
import { classificationCsv, spreadsheetCsv, type ExtraColumns } from './csv-export';
import type { ExportLabels } from './export-labels';
import { exportWorkbook, type TabSheets } from './export-workbook';
import { marginSqueeze } from './margin';
import { monthlyTotals } from './monthly';
import { migrate, type Period } from './migration';
import { classifyRecency, type RecencySettings } from './recency';
import type { Classification, SalesColumns } from './types';
import { classifyVip, type VipSettings } from './vip';
import { xlsxSteps, type Compressor } from './xlsx';
import { rfm } from './rfm';
import { DEFAULT_REESE, reeseTypes, type ReeseSettings } from './reese';
import { classifyXyz, type XyzSettings } from './xyz';

export interface ExportSettings {
	vip?: VipSettings;
	xyz?: XyzSettings;
	recency?: RecencySettings;
	/** the Movement tab's two periods (state/migration-periods.ts): the workbook's Movement sheet */
	migration?: { previous: Period; current: Period };
	/** the Margin squeeze tab's gap: the workbook's Margin squeeze sheet when the data has profit */
	marginGap?: number;
	/** the Customer types tab's thresholds: the `customer_type` column when the data has discounts */
	reese?: ReeseSettings;
}

/** True when at least one row has a valid date (not the NO_DAY sentinel of an invalid or missing one). */
function hasValidDate(date: Int32Array): boolean {
	for (let i = 0; i < date.length; i++) if (date[i] !== NO_DAY) return true;
	return false;
}

/**
 * `metric`, and when the data has a date column `vip_status`, `vip_months`, `xyz`, `recency`, plus
 * the period when one is set, the filter when one is set, `rfm_r`, `rfm_f`, `rfm_m`, `rfm_segment`
 * with a date column and `customer_type` with discount data. A date column in which no row has a valid date keeps those columns
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
		// one pass over the rows for the three monthly methods
		const monthly = s.vip || s.xyz || s.recency ? monthlyTotals(data, opts) : undefined;
		if (s.vip) {
			const vip = classifyVip(data, opts, s.vip, monthly);
			extra.vip = new Map(
				vip.customers.map((v) => [v.customer, { status: v.status, months: v.vipMonths.map(monthLabel) }])
			);
		}
		if (s.xyz) extra.xyz = classifyXyz(data, opts, c, s.xyz, monthly).xyz;
		if (s.recency) extra.recency = classifyRecency(data, opts, c, s.recency, monthly).status;
		extra.rfm = new Map(rfm(data, opts, monthly).customers.map((x) => [x.customer, x]));
	}
	if (data.date && !extra.rfm) extra.rfm = new Map();
	if (data.discount) {
		extra.reese = new Map(reeseTypes(data, opts, s.reese ?? DEFAULT_REESE).customers.map((x) => [x.customer, x.type]));
	}
	if (opts.dateFrom !== undefined) extra.periodFrom = formatDay(opts.dateFrom);
	if (opts.dateTo !== undefined) extra.periodTo = formatDay(opts.dateTo);
	if (!isEmptyFilter(opts.filter)) extra.filter = describeFilter(opts.filter!);
	return extra;
}

/**
 * The whole-tab analyses of the workbook: Movement when the data has a valid date and `s` the
 * periods, Margin squeeze when the data has a profit column and `s` the gap.
 */
export function exportTabs(data: SalesColumns, c: Classification, s: ExportSettings = {}): TabSheets {
	const tabs: TabSheets = {};
	if (s.migration && data.date && hasValidDate(data.date))
		tabs.migration = migrate(data, c.settings, s.migration.previous, s.migration.current);
	if (s.marginGap !== undefined && data.profit) {
		tabs.margin = {
			result: marginSqueeze(data, c.settings, c, { gap: s.marginGap }),
			decimals: { revenue: data.amountScale, profit: data.profitScale }
		};
	}
	return tabs;
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

/**
 * 'xlsx': the formatted workbook (export-workbook.ts); 'csv-sheet': the translated CSV for
 * spreadsheets in the UI locale's dialect; 'csv-system': the stable machine-readable CSV
 * (exportClassification in RFC 4180, the columns README "Export formats" documents).
 */
export type ExportFormat = 'xlsx' | 'csv-sheet' | 'csv-system';

/** The spreadsheet CSV's dialect: 'comma' (',' and decimal point) or 'semicolon' (';' and decimal comma), both with a BOM. */
export type SheetDialect = 'comma' | 'semicolon';

export interface ExportedFile {
	data: string | Uint8Array;
	mime: string;
	extension: string;
}

const CSV_MIME = 'text/csv;charset=utf-8';

/** The share of an XLSX export's time taken by computing its sheets, before the file is written. */
const SHEETS_PART = 0.1;

/**
 * One download in the chosen format, as steps (core/steps.ts): yields progress 0..1 while an XLSX
 * is written (CSVs are one step) and returns the file; every text of xlsx and csv-sheet comes
 * from `labels` (the UI language). `compressor`: where the workbook's parts are compressed
 * (xlsx/package.ts; by default in this thread).
 */
export async function* exportFileSteps(
	data: SalesColumns,
	c: Classification,
	s: ExportSettings,
	format: ExportFormat,
	labels: ExportLabels,
	sheetDialect: SheetDialect = 'comma',
	compressor?: Compressor
): Steps<ExportedFile> {
	if (format === 'csv-system') return { data: exportClassification(data, c, s), mime: CSV_MIME, extension: 'csv' };
	const extra = exportExtras(data, c, s);
	if (format === 'csv-sheet') {
		const dialect = sheetDialect === 'semicolon' ? RUSSIAN_EXCEL_CSV : EXCEL_CSV;
		const text = spreadsheetCsv(c, data.customerKeys, data.customerNames, labels, extra, dialect);
		return { data: text, mime: CSV_MIME, extension: 'csv' };
	}
	const sheets = exportWorkbook(c, data.customerKeys, data.customerNames, labels, extra, exportTabs(data, c, s));
	yield SHEETS_PART;
	return {
		data: yield* within(xlsxSteps(sheets, compressor), SHEETS_PART, 1),
		mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		extension: 'xlsx'
	};
}

/** exportFileSteps run straight through. */
export function exportFile(
	data: SalesColumns,
	c: Classification,
	s: ExportSettings,
	format: ExportFormat,
	labels: ExportLabels,
	sheetDialect: SheetDialect = 'comma'
): Promise<ExportedFile> {
	return finish(exportFileSteps(data, c, s, format, labels, sheetDialect));
}
