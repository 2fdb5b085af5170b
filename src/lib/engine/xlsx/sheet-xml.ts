/**
 * One worksheet part (xl/worksheets/sheetN.xml) as UTF-8 bytes: inline strings, numbers,
 * booleans, styles from the StyleBook, and optionally column widths, a frozen header row and an
 * autofilter over the header. Text is encoded in chunks of about 1 MB, so memory follows the output.
 */
import { StyleBook, type CellStyle } from './styles';
import { cellText, columnName, MAIN_NS, REL_NS, XML_DECL } from './xml';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export type CellValue = string | number | boolean | null;
/** A value with a style. */
export interface StyledCell {
	v: CellValue;
	s: CellStyle;
}
export type Cell = CellValue | StyledCell;

export interface Sheet {
	/** sanitised by the workbook (sanitiseSheetName) */
	name: string;
	rows: Cell[][];
	/** column widths in characters (Excel's width unit), from column A; missing ones keep the default */
	widths?: number[];
	/** the first row stays in view while scrolling */
	freezeHeader?: boolean;
	/** a filter dropdown on every column of the first row */
	autoFilter?: boolean;
}

/** The used range of a sheet: rows and widest row; throws RangeError past Excel's limits. */
export function sheetSize(rows: readonly Cell[][]): { rows: number; columns: number } {
	if (rows.length > MAX_ROWS) throw new RangeError(`A sheet holds at most ${MAX_ROWS} rows.`);
	let width = 0;
	for (const r of rows) if (r.length > width) width = r.length;
	if (width > MAX_COLUMNS) throw new RangeError(`A sheet holds at most ${MAX_COLUMNS} columns.`);
	return { rows: rows.length, columns: width };
}

function cellXml(ref: string, cell: Cell, styles: StyleBook): string {
	let v: CellValue;
	let s = '';
	if (cell !== null && typeof cell === 'object') {
		v = cell.v;
		const id = styles.id(cell.s);
		if (id) s = ` s="${id}"`;
	} else v = cell;
	if (v === null || v === undefined) return s ? `<c r="${ref}"${s}/>` : '';
	if (typeof v === 'number') {
		if (Number.isFinite(v)) return `<c r="${ref}"${s}><v>${v}</v></c>`;
		return `<c r="${ref}"${s} t="e"><v>${Number.isNaN(v) ? '#N/A' : '#NUM!'}</v></c>`;
	}
	if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
	const t = cellText(String(v));
	const space = /^\s|\s$/.test(t) ? ' xml:space="preserve"' : '';
	return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${t}</t></is></c>`;
}

const encoder = new TextEncoder();

/** Joins text into bytes in ~1 MB chunks. */
class ChunkWriter {
	private parts: string[] = [];
	private pending = 0;
	private chunks: Uint8Array[] = [];
	private size = 0;
	write(s: string): void {
		this.parts.push(s);
		this.pending += s.length;
		if (this.pending > 1 << 20) this.flush();
	}
	private flush(): void {
		if (this.parts.length === 0) return;
		const bytes = encoder.encode(this.parts.join(''));
		this.parts = [];
		this.pending = 0;
		this.chunks.push(bytes);
		this.size += bytes.length;
	}
	bytes(): Uint8Array {
		this.flush();
		if (this.chunks.length === 1) return this.chunks[0];
		const out = new Uint8Array(this.size);
		let p = 0;
		for (const c of this.chunks) {
			out.set(c, p);
			p += c.length;
		}
		return out;
	}
}

/** The range of the header's autofilter ('A1:H101'), or null when the sheet has none. */
export function filterRange(sheet: Sheet): string | null {
	if (!sheet.autoFilter) return null;
	const { rows, columns } = sheetSize(sheet.rows);
	return rows > 0 && columns > 0 ? `A1:${columnName(columns - 1)}${rows}` : null;
}

/** The worksheet XML of `sheet` as bytes; its styles are added to `styles`. */
export function worksheetXml(sheet: Sheet, styles: StyleBook): Uint8Array {
	const size = sheetSize(sheet.rows);
	const letters = Array.from({ length: size.columns }, (_, i) => columnName(i));
	const w = new ChunkWriter();
	w.write(`${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
	if (size.rows > 0 && size.columns > 0) w.write(`<dimension ref="A1:${letters[size.columns - 1]}${size.rows}"/>`);
	if (sheet.freezeHeader && size.rows > 1)
		w.write(
			'<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
				'<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
		);
	if (sheet.widths?.length) {
		w.write('<cols>');
		sheet.widths.forEach((width, i) => {
			if (width > 0) w.write(`<col min="${i + 1}" max="${i + 1}" width="${Math.min(255, width)}" customWidth="1"/>`);
		});
		w.write('</cols>');
	}
	w.write('<sheetData>');
	for (let r = 0; r < sheet.rows.length; r++) {
		const row = sheet.rows[r];
		const n = r + 1;
		let s = `<row r="${n}">`;
		for (let c = 0; c < row.length; c++) s += cellXml(letters[c] + n, row[c], styles);
		w.write(s + '</row>');
	}
	w.write('</sheetData>');
	const filter = filterRange(sheet);
	if (filter) w.write(`<autoFilter ref="${filter}"/>`);
	w.write('</worksheet>');
	return w.bytes();
}
