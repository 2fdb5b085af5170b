/**
 * The workbook's sheets of the dashboard analyses (export-workbook.ts): VIP, the class × category
 * matrices (ABC×XYZ, recency), Movement (the migration matrix between two periods) and Margin
 * squeeze. Texts come translated in `labels` and formula-safe; numbers stay numbers.
 */
import { formatDay } from '../core/calendar';
import type { ExtraColumns } from './csv-export';
import type { ExportLabels } from './export-labels';
import {
	BOLD,
	INTEGER,
	INTEGER_BOLD,
	PERCENT,
	PERCENT_BOLD,
	classCell,
	className,
	header,
	moneyFormat,
	text,
	type StyleSet
} from './export-sheet-kit';
import { valueDecimals } from './export-table';
import type { MarginResult } from './margin';
import type { MigrationResult } from './migration';
import type { Classification } from './types';
import type { Cell, CellStyle, Sheet } from './xlsx';

/** VIP and good customers in rank order: class, value, status, VIP months (count and list). */
export function vipSheet(
	c: Classification,
	keys: readonly string[],
	names: readonly string[],
	vip: NonNullable<ExtraColumns['vip']>,
	labels: ExportLabels,
	st: StyleSet
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
		inlineText: [false, true, true, false, false, false, false, true],
		freezeHeader: true,
		autoFilter: true
	};
}

/** Class × category counts and values (ABC×XYZ, class × recency) with a total row. */
export function matrixSheet(
	name: string,
	c: Classification,
	of: Map<number, string>,
	categories: readonly string[],
	categoryLabel: (k: string) => string,
	labels: ExportLabels,
	st: StyleSet
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
 * The migration matrix: a line per period, then customers by class before (rows, then 'new') and
 * class now (columns, then 'lost'), with the totals of both; new → lost stays empty.
 */
export function movementSheet(c: Classification, m: MigrationResult, labels: ExportLabels, st: StyleSet): Sheet {
	const h = labels.movement;
	const k = c.settings.classes.length;
	// count[from][to], from = k for new, to = k for lost
	const count = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
	for (const cell of m.cells) {
		count[cell.from === 'new' ? k : cell.from][cell.to === 'lost' ? k : cell.to] += cell.customers.length;
	}
	const range = (p: { from: number; to: number }) => `${formatDay(p.from)} – ${formatDay(p.to)}`;
	const rows: Cell[][] = [
		[{ v: text(h.previous), s: BOLD }, text(range(m.previous))],
		[{ v: text(h.current), s: BOLD }, text(range(m.current))],
		[],
		[
			{ v: text(h.fromTo), s: { bold: true, fill: 'E7EAEE' } },
			...Array.from({ length: k }, (_, j): Cell => ({
				v: className(labels, c, j),
				s: { ...st.classes[j], bold: true }
			})),
			...header([h.lost, h.total])
		]
	];
	const columnTotal = new Array<number>(k + 2).fill(0);
	for (let f = 0; f <= k; f++) {
		const line: Cell[] = [f === k ? { v: text(h.new), s: BOLD } : classCell(labels, c, st, f)];
		let rowTotal = 0;
		for (let t = 0; t <= k; t++) {
			if (f === k && t === k) {
				line.push(null);
				continue;
			}
			line.push({ v: count[f][t], s: INTEGER });
			rowTotal += count[f][t];
			columnTotal[t] += count[f][t];
		}
		columnTotal[k + 1] += rowTotal;
		line.push({ v: rowTotal, s: INTEGER_BOLD });
		rows.push(line);
	}
	rows.push([{ v: text(h.total), s: BOLD }, ...columnTotal.map((v): Cell => ({ v, s: INTEGER_BOLD }))]);
	return { name: labels.sheets.movement, rows, widths: [28, ...new Array(k + 2).fill(14)] };
}

/**
 * The margin squeeze of the top class: the company margin and the flag line, then one row per
 * top-class customer in rank order with revenue, profit, margin, both ranks and the flag's reason.
 */
export function marginSheet(
	c: Classification,
	keys: readonly string[],
	names: readonly string[],
	m: MarginResult,
	decimals: { revenue: number; profit: number },
	labels: ExportLabels,
	st: StyleSet
): Sheet {
	const h = labels.margin;
	const revenue: CellStyle = { numFmt: moneyFormat(decimals.revenue) };
	const profit: CellStyle = { numFmt: moneyFormat(decimals.profit) };
	const pct = (v: number, s: CellStyle): Cell => (Number.isFinite(v) ? { v, s } : null);
	const rows: Cell[][] = [
		[{ v: text(h.companyMargin), s: BOLD }, pct(m.companyMargin, PERCENT_BOLD)],
		[
			{ v: text(h.gap), s: BOLD },
			{ v: m.gap, s: PERCENT }
		],
		[{ v: text(h.limit), s: BOLD }, pct(m.companyMargin - m.gap, PERCENT)],
		[],
		header([
			labels.columns.key,
			labels.columns.name,
			labels.columns.class,
			h.revenue,
			h.profit,
			h.margin,
			h.revenueRank,
			h.profitRank,
			h.flag
		])
	];
	for (const r of m.rows) {
		rows.push([
			text(keys[r.customer]),
			text(names[r.customer]),
			classCell(labels, c, st, 0),
			{ v: r.revenue, s: revenue },
			{ v: r.profit, s: profit },
			pct(r.margin, PERCENT),
			r.revenueRank,
			r.profitRank,
			r.reason ? { v: text(h.reasons[r.reason]), s: { bold: true, fill: 'FDE2E1' } } : ''
		]);
	}
	return {
		name: labels.sheets.margin,
		rows,
		widths: [36, 36, 12, 16, 16, 12, 12, 12, 28]
	};
}
