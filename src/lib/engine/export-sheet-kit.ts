/**
 * The shared look of the workbook's sheets (export-workbook.ts, export-tab-sheets.ts): cell styles,
 * formula-safe text, money formats in the metric's decimals and one light fill per class.
 */
import { neutraliseFormula } from '../core/csv';
import type { ExportLabels } from './export-labels';
import { valueDecimals } from './export-table';
import type { Cell, CellStyle } from './xlsx';
import type { Classification } from './types';

export const HEADER: CellStyle = { bold: true, fill: 'E7EAEE' };
export const BOLD: CellStyle = { bold: true };
export const PERCENT: CellStyle = { numFmt: '0.00%' };
export const PERCENT_BOLD: CellStyle = { numFmt: '0.00%', bold: true };
export const INTEGER: CellStyle = { numFmt: '#,##0' };
export const INTEGER_BOLD: CellStyle = { numFmt: '#,##0', bold: true };
export const DECIMAL: CellStyle = { numFmt: '0.000' };
export const WRAP: CellStyle = { wrap: true };
export const KEY: CellStyle = { bold: true, fill: 'FFF2CC' };
export const TITLE: CellStyle = { bold: true };

/** Formula-safe text (neutraliseFormula). */
export const text = (s: string) => neutraliseFormula(s);

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
export function styleSet(c: Classification, labels: ExportLabels) {
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

export type StyleSet = ReturnType<typeof styleSet>;

/** A header row: formula-safe, bold on grey. */
export const header = (cells: string[]): Cell[] => cells.map((h) => ({ v: text(h), s: HEADER }));

/** The translated name of class `k`, formula-safe. */
export const className = (labels: ExportLabels, c: Classification, k: number) =>
	text(labels.classNames[k] ?? c.settings.classes[k]?.name ?? '');

/** The name of class `k` in its class fill. */
export const classCell = (labels: ExportLabels, c: Classification, st: StyleSet, k: number): Cell => ({
	v: className(labels, c, k),
	s: st.classes[k] ?? {}
});
