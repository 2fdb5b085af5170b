/**
 * The classification export as CSV (README "What an export means"): the foundation's eight
 * columns, then the extras of the active analyses, written by the one writer of core/csv.ts.
 */
import { csvNumber, RFC_4180_CSV, writeCsv, type CsvCell, type CsvDialect } from '../core/csv';
import type { ExportLabels } from './export-labels';
import { customerTable, valueDecimals } from './export-table';
import type { Classification } from './types';

export const EXPORT_HEADER = [
	'rank',
	'customer_key',
	'customer_name',
	'value',
	'share',
	'cumulative_share',
	'class',
	'key_customer'
] as const;

/** Columns after the foundation's eight, for whatever analysis is active (absent ones are left out). */
export interface ExtraColumns {
	metric: string;
	periodFrom?: string;
	periodTo?: string;
	/** the filter bar's conditions (README "Dimensions and filters"), absent without a filter */
	filter?: string;
	vip?: Map<number, { status: string; months: string[] }>;
	xyz?: Map<number, string>;
	recency?: Map<number, string>;
	/** RFM scores and segment by customer (README "The rules: RFM"); absent without a date column */
	rfm?: Map<number, { r: number; f: number; m: number; segment: string }>;
	/** Reese type by customer (README "The rules: Reese's four customer types"); absent without discount data */
	reese?: Map<number, string>;
}

/** The export's header and, for the extras, one cell function per column (by customer index). */
export function exportColumns(extra?: ExtraColumns): {
	header: string[];
	extraCells: ((customer: number) => string)[];
} {
	const header: string[] = [...EXPORT_HEADER];
	const extraCells: ((customer: number) => string)[] = [];
	if (!extra) return { header, extraCells };
	header.push('metric');
	extraCells.push(() => extra.metric);
	if (extra.vip) {
		const vip = extra.vip;
		header.push('vip_status', 'vip_months');
		extraCells.push(
			(i) => vip.get(i)?.status ?? '',
			(i) => vip.get(i)?.months.join(';') ?? ''
		);
	}
	if (extra.xyz) {
		const xyz = extra.xyz;
		header.push('xyz');
		extraCells.push((i) => xyz.get(i) ?? '');
	}
	if (extra.recency) {
		const rec = extra.recency;
		header.push('recency');
		extraCells.push((i) => rec.get(i) ?? '');
	}
	if (extra.periodFrom || extra.periodTo) {
		header.push('period_from', 'period_to');
		extraCells.push(
			() => extra.periodFrom ?? '',
			() => extra.periodTo ?? ''
		);
	}
	if (extra.filter) {
		header.push('filter');
		extraCells.push(() => extra.filter ?? '');
	}
	if (extra.rfm) {
		const rfm = extra.rfm;
		header.push('rfm_r', 'rfm_f', 'rfm_m', 'rfm_segment');
		extraCells.push(
			(i) => String(rfm.get(i)?.r ?? ''),
			(i) => String(rfm.get(i)?.f ?? ''),
			(i) => String(rfm.get(i)?.m ?? ''),
			(i) => rfm.get(i)?.segment ?? ''
		);
	}
	if (extra.reese) {
		const reese = extra.reese;
		header.push('customer_type');
		extraCells.push((i) => reese.get(i) ?? '');
	}
	return { header, extraCells };
}

/**
 * Classified customers in rank order as CSV in `dialect` (default RFC 4180: ',' and decimal
 * point, no BOM): the foundation's eight columns first, then the extras. `value` has the metric's
 * decimals (none for payments), `share` and `cumulative_share` are fractions with 10 decimals;
 * these three and `rank` are number cells, every other cell is formula-safe text.
 */
export function classificationCsv(
	c: Classification,
	customerKeys: readonly string[],
	customerNames: readonly string[],
	extra?: ExtraColumns,
	dialect: CsvDialect = RFC_4180_CSV
): string {
	const { header, extraCells } = exportColumns(extra);
	const rows: CsvCell[][] = [header];
	const names = c.settings.classes.map((k) => k.name);
	const decimals = c.settings.metric === 'payments' ? 0 : c.scale;
	for (let r = 0; r < c.rankOrder.length; r++) {
		const i = c.rankOrder[r];
		rows.push([
			csvNumber(String(r + 1)),
			customerKeys[i],
			customerNames[i],
			csvNumber(c.value[r].toFixed(decimals)),
			csvNumber(c.share[r].toFixed(10)),
			csvNumber(c.cumShare[r].toFixed(10)),
			names[c.classIndex[r]],
			c.isKeyCustomer[r] ? 'true' : 'false',
			...extraCells.map((f) => f(i))
		]);
	}
	return writeCsv(rows, dialect);
}

/**
 * The CSV for spreadsheets: the translated customer table (export-table.ts) in `dialect` (the UI
 * locale's: ',' or ';' with decimal comma, both with a BOM). Headers and categorical values in the
 * UI language; `value` with the metric's decimals; shares in percent with 4 decimals (the header
 * says '%'); the key-customer flag as the labels' yes/no; text formula-safe.
 */
export function spreadsheetCsv(
	c: Classification,
	customerKeys: readonly string[],
	customerNames: readonly string[],
	labels: ExportLabels,
	extra: ExtraColumns | undefined,
	dialect: CsvDialect
): string {
	const cols = customerTable(c, customerKeys, customerNames, labels, extra);
	const decimals = valueDecimals(c);
	const rows: CsvCell[][] = [cols.map((col) => (col.kind === 'share' ? `${col.header}, %` : col.header))];
	for (let r = 0; r < c.rankOrder.length; r++) {
		const i = c.rankOrder[r];
		rows.push(
			cols.map((col): CsvCell => {
				const v = col.cell(r, i);
				switch (col.kind) {
					case 'rank':
						return csvNumber(String(v));
					case 'money':
						return csvNumber((v as number).toFixed(decimals));
					case 'share':
						return csvNumber(((v as number) * 100).toFixed(4));
					case 'class':
						return labels.classNames[v as number] ?? c.settings.classes[v as number]?.name ?? '';
					case 'key':
						return v ? labels.yes : labels.no;
					default:
						return String(v);
				}
			})
		);
	}
	return writeCsv(rows, dialect);
}
