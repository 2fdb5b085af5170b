/**
 * The formatted workbook of an open classification (README "Export formats"): Cover (where the
 * numbers come from), Customers, Segments with the playbooks, Concentration, and one sheet per
 * dashboard analysis the export computes (VIP, ABC×XYZ, recency, Movement, Margin squeeze). Every text comes translated in
 * `labels`; every text cell is formula-safe (neutraliseFormula); numbers stay numbers with number
 * formats (money with thousands separators and the metric's decimals, shares as percent).
 */
import type { ExtraColumns } from './csv-export';
import type { ExportLabels } from './export-labels';
import {
	BOLD,
	DECIMAL,
	INTEGER,
	INTEGER_BOLD,
	KEY,
	PERCENT,
	PERCENT_BOLD,
	TITLE,
	WRAP,
	className,
	header,
	styleSet,
	text,
	type StyleSet
} from './export-sheet-kit';
import { marginSheet, matrixSheet, movementSheet, vipSheet } from './export-tab-sheets';
import { customerTable, type TableColumn } from './export-table';
import type { MarginResult } from './margin';
import type { MigrationResult } from './migration';
import type { Cell, CellStyle, Sheet } from './xlsx';
import type { Classification } from './types';

export { moneyFormat, tint } from './export-sheet-kit';

/** The analyses of whole tabs the workbook adds a sheet for, computed by the export (export.ts). */
export interface TabSheets {
	/** the migration between the Movement tab's two periods */
	migration?: MigrationResult;
	/** the margin squeeze, with the decimals of the revenue and profit columns */
	margin?: { result: MarginResult; decimals: { revenue: number; profit: number } };
}

function coverSheet(c: Classification, labels: ExportLabels, money: CellStyle): Sheet {
	const rows: Cell[][] = [[{ v: text(labels.cover.title), s: TITLE }], []];
	for (const [label, value] of labels.cover.rows)
		rows.push([{ v: text(label), s: BOLD }, typeof value === 'number' ? { v: value, s: INTEGER } : text(value)]);
	rows.push([
		{ v: text(labels.cover.customers), s: BOLD },
		{ v: c.rankOrder.length, s: INTEGER }
	]);
	rows.push([
		{ v: text(labels.cover.shareBase), s: BOLD },
		{ v: c.total, s: money }
	]);
	return { name: labels.sheets.cover, rows, widths: [36, 80] };
}

function customersSheet(c: Classification, cols: TableColumn[], labels: ExportLabels, st: StyleSet): Sheet {
	const rows: Cell[][] = [header(cols.map((col) => col.header))];
	const n = c.rankOrder.length;
	for (let r = 0; r < n; r++) {
		const i = c.rankOrder[r];
		const row: Cell[] = new Array(cols.length);
		for (let k = 0; k < cols.length; k++) {
			const col = cols[k];
			const v = col.cell(r, i);
			switch (col.kind) {
				case 'rank':
					row[k] = v;
					break;
				case 'money':
					row[k] = { v, s: st.money };
					break;
				case 'share':
					row[k] = { v, s: PERCENT };
					break;
				case 'class':
					row[k] = { v: className(labels, c, v as number), s: st.classes[v as number] ?? {} };
					break;
				case 'key':
					row[k] = v ? { v: text(labels.yes), s: KEY } : text(labels.no);
					break;
				default:
					row[k] = text(String(v));
			}
		}
		rows.push(row);
	}
	return {
		name: labels.sheets.customers,
		rows,
		widths: cols.map((col) => col.width),
		freezeHeader: true,
		autoFilter: true,
		inlineText: cols.map((col) => col.unique === true)
	};
}

function segmentsSheet(c: Classification, labels: ExportLabels, st: StyleSet): Sheet {
	const h = labels.segments;
	const rows: Cell[][] = [
		header([h.class, h.customers, h.customerShare, h.value, h.valueShare, h.average, h.playbook])
	];
	let customers = 0;
	let customerShare = 0;
	let value = 0;
	for (const s of c.segments) {
		customers += s.customers;
		customerShare += s.customerShare;
		value += s.value;
		rows.push([
			{ v: className(labels, c, s.classIndex), s: st.classes[s.classIndex] ?? {} },
			{ v: s.customers, s: INTEGER },
			{ v: s.customerShare, s: PERCENT },
			{ v: s.value, s: st.money },
			{ v: s.valueShare, s: PERCENT },
			{ v: s.average, s: st.money },
			{ v: text(labels.playbooks[s.classIndex] ?? ''), s: WRAP }
		]);
	}
	rows.push([
		{ v: text(h.total), s: BOLD },
		{ v: customers, s: INTEGER_BOLD },
		{ v: customerShare, s: PERCENT_BOLD },
		{ v: c.total, s: st.moneyBold },
		{ v: c.total > 0 ? 1 : 0, s: PERCENT_BOLD },
		{ v: customers > 0 ? value / customers : 0, s: st.moneyBold }
	]);
	const np = c.nonPositive;
	if (np && np.customers > 0) {
		rows.push([
			text(h.nonPositive),
			{ v: np.customers, s: INTEGER },
			{ v: np.customerShare, s: PERCENT },
			{ v: np.value, s: st.money },
			{ v: np.valueShare, s: PERCENT },
			{ v: np.average, s: st.money }
		]);
	}
	if (c.netTotal !== undefined) {
		const all = c.rankOrder.length;
		rows.push([
			{ v: text(h.netTotal), s: BOLD },
			{ v: all, s: INTEGER_BOLD },
			{ v: all > 0 ? 1 : 0, s: PERCENT_BOLD },
			{ v: c.netTotal, s: st.moneyBold },
			null,
			{ v: all > 0 ? c.netTotal / all : 0, s: st.moneyBold }
		]);
	}
	return { name: labels.sheets.segments, rows, widths: [16, 12, 14, 18, 12, 18, 70], freezeHeader: true };
}

function concentrationSheet(c: Classification, labels: ExportLabels, st: StyleSet): Sheet {
	const h = labels.concentration;
	const k = c.concentration;
	const line = (label: string, v: number | string, s?: CellStyle): Cell[] => [
		text(label),
		s ? { v, s } : typeof v === 'string' ? text(v) : v
	];
	return {
		name: labels.sheets.concentration,
		rows: [
			header([h.measure, h.value]),
			line(h.customers, k.customerCount, INTEGER),
			line(h.total, k.total, st.money),
			line(h.keyCustomers, k.keyCustomers, INTEGER),
			line(h.monoClient, k.monoClient ? labels.yes : labels.no),
			line(h.top1, k.top1Share, PERCENT),
			line(h.top5, k.top5Share, PERCENT),
			line(h.top20, k.top20PctShare, PERCENT),
			line(h.for80, k.customersFor80, INTEGER),
			line(h.for80Share, k.customersFor80Share, PERCENT),
			line(h.gini, k.gini, DECIMAL),
			line(h.hhi, k.hhi, INTEGER)
		],
		widths: [36, 18]
	};
}

/**
 * The workbook's sheets, in order: Cover, Customers, Segments, Concentration, then VIP, ABC×XYZ
 * and Recency when `extra` has them with at least one customer, then Movement and Margin squeeze
 * when `tabs` has them.
 */
export function exportWorkbook(
	c: Classification,
	keys: readonly string[],
	names: readonly string[],
	labels: ExportLabels,
	extra?: ExtraColumns,
	tabs: TabSheets = {}
): Sheet[] {
	const st = styleSet(c, labels);
	const sheets: Sheet[] = [
		coverSheet(c, labels, st.money),
		customersSheet(c, customerTable(c, keys, names, labels, extra), labels, st),
		segmentsSheet(c, labels, st),
		concentrationSheet(c, labels, st)
	];
	if (extra?.vip?.size) sheets.push(vipSheet(c, keys, names, extra.vip, labels, st));
	if (extra?.xyz?.size)
		sheets.push(matrixSheet(labels.sheets.xyz, c, extra.xyz, ['X', 'Y', 'Z'], (k) => k, labels, st));
	if (extra?.recency?.size)
		sheets.push(
			matrixSheet(
				labels.sheets.recency,
				c,
				extra.recency,
				['active', 'sleeping', 'lost'],
				(k) => labels.recency[k as 'active'] ?? k,
				labels,
				st
			)
		);
	if (tabs.migration) sheets.push(movementSheet(c, tabs.migration, labels, st));
	if (tabs.margin) sheets.push(marginSheet(c, keys, names, tabs.margin.result, tabs.margin.decimals, labels, st));
	return sheets;
}
