/**
 * The formatted workbook of an open classification (README "Export formats"): Cover (where the
 * numbers come from), Customers, Segments with the playbooks, Concentration, and one sheet per
 * dashboard analysis the export computes (VIP, ABC×XYZ, recency). Every text comes translated in
 * `labels`; every text cell is formula-safe (neutraliseFormula); numbers stay numbers with number
 * formats (money with thousands separators and the metric's decimals, shares as percent).
 */
import { neutraliseFormula } from '../core/csv';
import type { ExtraColumns } from './csv-export';
import type { ExportLabels } from './export-labels';
import { customerTable, valueDecimals, type TableColumn } from './export-table';
import type { Cell, CellStyle, Sheet } from './xlsx';
import type { Classification } from './types';

const HEADER: CellStyle = { bold: true, fill: 'E7EAEE' };
const BOLD: CellStyle = { bold: true };
const PERCENT: CellStyle = { numFmt: '0.00%' };
const PERCENT_BOLD: CellStyle = { numFmt: '0.00%', bold: true };
const INTEGER: CellStyle = { numFmt: '#,##0' };
const INTEGER_BOLD: CellStyle = { numFmt: '#,##0', bold: true };
const DECIMAL: CellStyle = { numFmt: '0.000' };
const WRAP: CellStyle = { wrap: true };
const KEY: CellStyle = { bold: true, fill: 'FFF2CC' };
const TITLE: CellStyle = { bold: true };

const text = (s: string) => neutraliseFormula(s);

/** '#,##0' or '#,##0.00…' with `decimals` (0..6) places. */
export function moneyFormat(decimals: number): string {
	const d = Math.max(0, Math.min(6, decimals));
	return d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
}

/** A light tint (80 % white) of a #RRGGBB colour, as RRGGBB; '' when the colour is not one. */
export function tint(color: string | undefined): string {
	const m = /^#?([0-9a-f]{6})$/i.exec(color ?? '');
	if (!m) return '';
	const n = parseInt(m[1], 16);
	const mix = (v: number) => Math.round(v + (255 - v) * 0.8);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
		.map((v) => mix(v).toString(16).padStart(2, '0'))
		.join('')
		.toUpperCase();
}

/** The styles of one export: money in the metric's decimals, one fill per class. */
function styleSet(c: Classification, labels: ExportLabels) {
	const fmt = moneyFormat(valueDecimals(c));
	return {
		money: { numFmt: fmt } as CellStyle,
		moneyBold: { numFmt: fmt, bold: true } as CellStyle,
		classes: c.settings.classes.map((_, k): CellStyle => {
			const fill = tint(labels.classColors[k]);
			return fill ? { fill } : {};
		})
	};
}

const header = (cells: string[]): Cell[] => cells.map((h) => ({ v: text(h), s: HEADER }));
const className = (labels: ExportLabels, c: Classification, k: number) =>
	text(labels.classNames[k] ?? c.settings.classes[k]?.name ?? '');

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

function customersSheet(
	c: Classification,
	cols: TableColumn[],
	labels: ExportLabels,
	st: ReturnType<typeof styleSet>
): Sheet {
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
		autoFilter: true
	};
}

function segmentsSheet(c: Classification, labels: ExportLabels, st: ReturnType<typeof styleSet>): Sheet {
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

function concentrationSheet(c: Classification, labels: ExportLabels, st: ReturnType<typeof styleSet>): Sheet {
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

/** VIP and good customers in rank order: class, value, status, VIP months (count and list). */
function vipSheet(
	c: Classification,
	keys: readonly string[],
	names: readonly string[],
	vip: NonNullable<ExtraColumns['vip']>,
	labels: ExportLabels,
	st: ReturnType<typeof styleSet>
): Sheet {
	const h = labels.columns;
	const rows: Cell[][] = [
		header([
			h.rank,
			h.key,
			h.name,
			h.class,
			h.value,
			h.vipStatus,
			`${h.vipMonths} (${labels.matrix.customers})`,
			h.vipMonths
		])
	];
	for (let r = 0; r < c.rankOrder.length; r++) {
		const i = c.rankOrder[r];
		const v = vip.get(i);
		if (!v || v.status === 'regular') continue;
		rows.push([
			r + 1,
			text(keys[i]),
			text(names[i]),
			{ v: className(labels, c, c.classIndex[r]), s: st.classes[c.classIndex[r]] ?? {} },
			{ v: Number(c.value[r].toFixed(valueDecimals(c))), s: st.money },
			text(labels.vip[v.status as 'vip' | 'good'] ?? v.status),
			v.months.length,
			text(v.months.join(', '))
		]);
	}
	return {
		name: labels.sheets.vip,
		rows,
		widths: [8, 16, 36, 12, 16, 12, 14, 60],
		freezeHeader: true,
		autoFilter: true
	};
}

/** Class × category counts and values (ABC×XYZ, class × recency) with a total row. */
function matrixSheet(
	name: string,
	c: Classification,
	of: Map<number, string>,
	categories: readonly string[],
	categoryLabel: (k: string) => string,
	labels: ExportLabels,
	st: ReturnType<typeof styleSet>
): Sheet {
	const m = labels.matrix;
	const classes = c.settings.classes.length;
	const count = Array.from({ length: classes + 1 }, () => new Array<number>(categories.length).fill(0));
	const value = Array.from({ length: classes + 1 }, () => new Array<number>(categories.length).fill(0));
	for (let r = 0; r < c.rankOrder.length; r++) {
		const k = categories.indexOf(of.get(c.rankOrder[r]) ?? '');
		if (k < 0) continue;
		for (const row of [c.classIndex[r], classes]) {
			count[row][k]++;
			value[row][k] += c.value[r];
		}
	}
	const cols = categories.flatMap((k) => [`${categoryLabel(k)}: ${m.customers}`, `${categoryLabel(k)}: ${m.value}`]);
	const rows: Cell[][] = [header([m.class, ...cols])];
	for (let row = 0; row <= classes; row++) {
		const total = row === classes;
		const first: Cell = total
			? { v: text(m.total), s: BOLD }
			: { v: className(labels, c, row), s: st.classes[row] ?? {} };
		rows.push([
			first,
			...categories.flatMap((_, k): Cell[] => [
				{ v: count[row][k], s: total ? INTEGER_BOLD : INTEGER },
				{ v: value[row][k], s: total ? st.moneyBold : st.money }
			])
		]);
	}
	return { name, rows, widths: [16, ...cols.map(() => 16)], freezeHeader: true };
}

/**
 * The workbook's sheets, in order: Cover, Customers, Segments, Concentration, then VIP, ABC×XYZ
 * and Recency when `extra` has them with at least one customer.
 */
export function exportWorkbook(
	c: Classification,
	keys: readonly string[],
	names: readonly string[],
	labels: ExportLabels,
	extra?: ExtraColumns
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
	return sheets;
}
