/**
 * One worksheet part (xl/worksheets/sheetN.xml) as UTF-8 chunks: numbered rows of cells without
 * references, shared strings, numbers, booleans, styles from the StyleBook, and optionally column
 * widths, a frozen header row and an autofilter over the header. Text is encoded about 1 MB at a time, so the caller can compress
 * each chunk, report progress and drop it.
 */
import { StyleBook, type CellStyle } from './styles';
import type { SharedStrings } from './shared-strings';
import { cellText, columnName, hasEdgeSpace, MAIN_NS, REL_NS, XML_DECL } from './xml';

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
	/**
	 * per column from A: true where texts seldom repeat (codes, names, lists). They are written in
	 * the cell itself, the rest once in the shared-string table: a big sheet is written faster so.
	 */
	inlineText?: readonly boolean[];
}

/** The used range of a sheet: rows and widest row; throws RangeError past Excel's limits. */
export function sheetSize(rows: readonly Cell[][]): { rows: number; columns: number } {
	if (rows.length > MAX_ROWS) throw new RangeError(`A sheet holds at most ${MAX_ROWS} rows.`);
	let width = 0;
	for (const r of rows) if (r.length > width) width = r.length;
	if (width > MAX_COLUMNS) throw new RangeError(`A sheet holds at most ${MAX_COLUMNS} columns.`);
	return { rows: rows.length, columns: width };
}

/**
 * One cell without its reference: a cell's column is the one after the previous cell of its row
 * (ECMA-376 Part 1, 18.3.1.4, `r` is optional), so an empty cell before a filled one is written
 * as `<c/>`. Leaving the references out makes the largest sheets about a fifth smaller.
 */
function cellXml(cell: Cell, styles: StyleBook, strings: SharedStrings, inline: boolean): string {
	let v: CellValue;
	let s = '';
	if (cell !== null && typeof cell === 'object') {
		v = cell.v;
		const id = styles.id(cell.s);
		if (id) s = ` s="${id}"`;
	} else v = cell;
	// an empty text is an empty cell: a reader sees no difference, the file carries no string
	if (v === null || v === undefined || v === '') return `<c${s}/>`;
	if (typeof v === 'number') {
		if (Number.isFinite(v)) return `<c${s}><v>${v}</v></c>`;
		return `<c${s} t="e"><v>${Number.isNaN(v) ? '#N/A' : '#NUM!'}</v></c>`;
	}
	if (typeof v === 'boolean') return `<c${s} t="b"><v>${v ? 1 : 0}</v></c>`;
	if (!inline) return `<c${s} t="s"><v>${strings.id(String(v))}</v></c>`;
	const t = cellText(String(v));
	return `<c${s} t="inlineStr"><is><t${hasEdgeSpace(t) ? ' xml:space="preserve"' : ''}>${t}</t></is></c>`;
}

/** A row's cells up to its last one that is not empty (a styled empty cell counts). */
function usedLength(row: readonly Cell[]): number {
	let n = row.length;
	while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined || row[n - 1] === '')) n--;
	return n;
}

const encoder = new TextEncoder();

/** About this many UTF-16 units of XML go into one encoded chunk. */
const CHUNK_CHARS = 1 << 20;

/** A piece of a part: its UTF-8 bytes and how many sheet rows it completes. */
export interface PartChunk {
	bytes: Uint8Array;
	rows: number;
}

/** Joins text pieces into UTF-8 chunks of about CHUNK_CHARS; `take()` hands over what is ready. */
export class ChunkedText {
	private parts: string[] = [];
	private pending = 0;
	write(s: string): boolean {
		this.parts.push(s);
		this.pending += s.length;
		return this.pending >= CHUNK_CHARS;
	}
	take(): Uint8Array {
		const bytes = encoder.encode(this.parts.join(''));
		this.parts = [];
		this.pending = 0;
		return bytes;
	}
}

/** The range of the header's autofilter ('A1:H101'), or null when the sheet has none. */
export function filterRange(sheet: Sheet): string | null {
	if (!sheet.autoFilter) return null;
	const { rows, columns } = sheetSize(sheet.rows);
	return rows > 0 && columns > 0 ? `A1:${columnName(columns - 1)}${rows}` : null;
}

/**
 * The worksheet XML of `sheet` as UTF-8 chunks of about 1 MB, each with the number of rows it
 * completes; its styles are added to `styles` and its texts to `strings`.
 */
export function* worksheetChunks(sheet: Sheet, styles: StyleBook, strings: SharedStrings): Generator<PartChunk> {
	const size = sheetSize(sheet.rows);
	const inline = sheet.inlineText ?? [];
	const w = new ChunkedText();
	w.write(`${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
	if (size.rows > 0 && size.columns > 0) w.write(`<dimension ref="A1:${columnName(size.columns - 1)}${size.rows}"/>`);
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
	let done = 0;
	for (let r = 0; r < sheet.rows.length; r++) {
		const row = sheet.rows[r];
		const n = r + 1;
		let s = `<row r="${n}">`;
		const used = usedLength(row);
		for (let c = 0; c < used; c++) s += cellXml(row[c], styles, strings, inline[c] === true);
		if (w.write(s + '</row>')) {
			yield { bytes: w.take(), rows: n - done };
			done = n;
		}
	}
	w.write('</sheetData>');
	const filter = filterRange(sheet);
	if (filter) w.write(`<autoFilter ref="${filter}"/>`);
	w.write('</worksheet>');
	yield { bytes: w.take(), rows: sheet.rows.length - done };
}
