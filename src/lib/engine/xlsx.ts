/**
 * A minimal XLSX (Office Open XML SpreadsheetML) writer: inline strings, numbers, booleans, one
 * worksheet per sheet, a default style, and a hand-written ZIP container with STORED entries.
 * No dependencies, deterministic output (fixed timestamps), memory proportional to the output.
 *
 * Over 300 lines: the sheet XML and its ZIP container are written together; the container goes to
 * a library (fflate) with the formatted workbook of the deliverables issue, which splits this file.
 */
import { neutraliseFormula } from '../core/csv';
import { exportColumns, type ExtraColumns } from './csv-export';
import type { Classification } from './types';

export interface Sheet {
	name: string;
	rows: (string | number | boolean | null)[][];
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel's limit for the text of one cell; longer text is cut there. */
export const MAX_CELL_TEXT = 32_767;
export const MAX_SHEET_NAME = 31;

// ---------------------------------------------------------------------------------------------
// CRC-32 (IEEE 802.3, as in ZIP and gzip)

const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();

/** CRC-32 of `data`; pass the previous result as `crc` to continue over several chunks. */
export function crc32(data: Uint8Array, crc = 0): number {
	let c = ~crc >>> 0;
	for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
	return ~c >>> 0;
}

// ---------------------------------------------------------------------------------------------
// ZIP (STORED entries only)

interface ZipEntry {
	name: Uint8Array;
	chunks: Uint8Array[];
	size: number;
	crc: number;
}

// 1980-01-01 00:00:00 in MS-DOS format: deterministic output
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function zip(entries: ZipEntry[]): Uint8Array {
	let total = 22;
	for (const e of entries) total += 30 + 46 + 2 * e.name.length + e.size;
	if (total > 0xffffffff || entries.length > 0xffff)
		throw new RangeError('The workbook is too large for a ZIP without ZIP64.');
	const out = new Uint8Array(total);
	const view = new DataView(out.buffer);
	let p = 0;
	const offsets: number[] = [];
	for (const e of entries) {
		offsets.push(p);
		view.setUint32(p, 0x04034b50, true); // local file header
		view.setUint16(p + 4, 20, true); // version needed: 2.0
		view.setUint16(p + 6, 0, true); // flags
		view.setUint16(p + 8, 0, true); // method: stored
		view.setUint16(p + 10, DOS_TIME, true);
		view.setUint16(p + 12, DOS_DATE, true);
		view.setUint32(p + 14, e.crc, true);
		view.setUint32(p + 18, e.size, true); // compressed size
		view.setUint32(p + 22, e.size, true); // uncompressed size
		view.setUint16(p + 26, e.name.length, true);
		view.setUint16(p + 28, 0, true); // extra field length
		out.set(e.name, p + 30);
		p += 30 + e.name.length;
		for (const c of e.chunks) {
			out.set(c, p);
			p += c.length;
		}
	}
	const cdStart = p;
	entries.forEach((e, i) => {
		view.setUint32(p, 0x02014b50, true); // central directory header
		view.setUint16(p + 4, 20, true); // version made by (MS-DOS, 2.0)
		view.setUint16(p + 6, 20, true); // version needed
		view.setUint16(p + 8, 0, true);
		view.setUint16(p + 10, 0, true);
		view.setUint16(p + 12, DOS_TIME, true);
		view.setUint16(p + 14, DOS_DATE, true);
		view.setUint32(p + 16, e.crc, true);
		view.setUint32(p + 20, e.size, true);
		view.setUint32(p + 24, e.size, true);
		view.setUint16(p + 28, e.name.length, true);
		view.setUint16(p + 30, 0, true); // extra
		view.setUint16(p + 32, 0, true); // comment
		view.setUint16(p + 34, 0, true); // disk number
		view.setUint16(p + 36, 0, true); // internal attributes
		view.setUint32(p + 38, 0, true); // external attributes
		view.setUint32(p + 42, offsets[i], true);
		out.set(e.name, p + 46);
		p += 46 + e.name.length;
	});
	const cdSize = p - cdStart;
	view.setUint32(p, 0x06054b50, true); // end of central directory
	view.setUint16(p + 4, 0, true);
	view.setUint16(p + 6, 0, true);
	view.setUint16(p + 8, entries.length, true);
	view.setUint16(p + 10, entries.length, true);
	view.setUint32(p + 12, cdSize, true);
	view.setUint32(p + 16, cdStart, true);
	view.setUint16(p + 20, 0, true); // comment length
	return out;
}

const encoder = new TextEncoder();

/** Collects text, encodes it in chunks, and keeps the CRC and size as it goes. */
class EntryWriter {
	private parts: string[] = [];
	private pending = 0;
	private entry: ZipEntry;
	constructor(name: string) {
		this.entry = { name: encoder.encode(name), chunks: [], size: 0, crc: 0 };
	}
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
		this.entry.chunks.push(bytes);
		this.entry.size += bytes.length;
		this.entry.crc = crc32(bytes, this.entry.crc);
	}
	done(): ZipEntry {
		this.flush();
		return this.entry;
	}
}

function textEntry(name: string, text: string): ZipEntry {
	const w = new EntryWriter(name);
	w.write(text);
	return w.done();
}

// ---------------------------------------------------------------------------------------------
// XML

/** Characters XML 1.0 does not allow: C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
const NOT_XML =
	/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
	'\r': '&#13;'
};

/** Escapes text for element content and attribute values; drops characters XML 1.0 cannot carry. */
export function xmlEscape(s: string): string {
	return s.replace(NOT_XML, '').replace(/[&<>"'\r]/g, (c) => XML_ESCAPES[c]);
}

/**
 * Cell text: XML-escaped, and a literal `_xHHHH_` written as `_x005F_xHHHH_` so Excel does not read
 * it as one of its own character escapes.
 */
function cellText(s: string): string {
	if (s.length > MAX_CELL_TEXT) {
		let end = MAX_CELL_TEXT;
		const last = s.charCodeAt(end - 1);
		if (last >= 0xd800 && last <= 0xdbff) end--;
		s = s.slice(0, end);
	}
	return xmlEscape(s).replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

/** 0 → A, 25 → Z, 26 → AA … */
export function columnName(index: number): string {
	let s = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

function cellXml(ref: string, v: string | number | boolean | null): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') {
		if (Number.isFinite(v)) return `<c r="${ref}"><v>${v}</v></c>`;
		return `<c r="${ref}" t="e"><v>${Number.isNaN(v) ? '#N/A' : '#NUM!'}</v></c>`;
	}
	if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
	const t = cellText(String(v));
	const space = /^\s|\s$/.test(t) ? ' xml:space="preserve"' : '';
	return `<c r="${ref}" t="inlineStr"><is><t${space}>${t}</t></is></c>`;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function worksheet(path: string, rows: Sheet['rows']): ZipEntry {
	if (rows.length > MAX_ROWS) throw new RangeError(`A sheet holds at most ${MAX_ROWS} rows.`);
	let width = 0;
	for (const r of rows) if (r.length > width) width = r.length;
	if (width > MAX_COLUMNS) throw new RangeError(`A sheet holds at most ${MAX_COLUMNS} columns.`);
	const letters = Array.from({ length: width }, (_, i) => columnName(i));
	const w = new EntryWriter(path);
	w.write(`${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
	if (rows.length > 0 && width > 0) w.write(`<dimension ref="A1:${letters[width - 1]}${rows.length}"/>`);
	w.write('<sheetData>');
	for (let r = 0; r < rows.length; r++) {
		const row = rows[r];
		const n = r + 1;
		let s = `<row r="${n}">`;
		for (let c = 0; c < row.length; c++) s += cellXml(letters[c] + n, row[c]);
		w.write(s + '</row>');
	}
	w.write('</sheetData></worksheet>');
	return w.done();
}

const STYLES = `${XML_DECL}<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * A name Excel accepts: no []:*?/\ (each becomes _), no control characters, no apostrophe at
 * either end, 1–31 characters, not the reserved "History", unique without regard to case.
 */
export function sanitiseSheetName(name: string, taken: ReadonlySet<string> = new Set(), fallback = 'Sheet'): string {
	let s = name
		.replace(NOT_XML, '')
		.replace(/[\x00-\x1F\x7F]/g, ' ')
		.replace(/[[\]:*?/\\]/g, '_')
		.trim()
		.replace(/^'+|'+$/g, '')
		.trim();
	if (s === '') s = fallback;
	if (s.toUpperCase() === 'HISTORY') s += '_';
	const cut = (t: string, max: number) => {
		if (t.length <= max) return t;
		let end = max;
		const c = t.charCodeAt(end - 1);
		if (c >= 0xd800 && c <= 0xdbff) end--;
		return t.slice(0, end).replace(/'+$/, '');
	};
	s = cut(s, MAX_SHEET_NAME);
	const upper = new Set([...taken].map((t) => t.toUpperCase()));
	if (!upper.has(s.toUpperCase())) return s;
	for (let k = 2; ; k++) {
		const suffix = ` (${k})`;
		const candidate = cut(s, MAX_SHEET_NAME - suffix.length) + suffix;
		if (!upper.has(candidate.toUpperCase())) return candidate;
	}
}

/** A valid .xlsx with one worksheet per sheet, as bytes. */
export function buildXlsx(sheets: Sheet[]): Uint8Array {
	if (sheets.length === 0) throw new RangeError('A workbook needs at least one sheet.');
	const names: string[] = [];
	const taken = new Set<string>();
	sheets.forEach((sh, i) => {
		const n = sanitiseSheetName(sh.name, taken, `Sheet${i + 1}`);
		taken.add(n);
		names.push(n);
	});

	const overrides = sheets
		.map(
			(_, i) =>
				`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
		)
		.join('');
	const contentTypes =
		`${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
		'<Default Extension="xml" ContentType="application/xml"/>' +
		'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
		overrides +
		'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
		'</Types>';
	const rootRels =
		`${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
		`<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
		'</Relationships>';
	const workbook =
		`${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
		names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
		'</sheets></workbook>';
	const workbookRels =
		`${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
		sheets
			.map(
				(_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
			)
			.join('') +
		`<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
		'</Relationships>';

	return zip([
		textEntry('[Content_Types].xml', contentTypes),
		textEntry('_rels/.rels', rootRels),
		textEntry('xl/workbook.xml', workbook),
		textEntry('xl/_rels/workbook.xml.rels', workbookRels),
		textEntry('xl/styles.xml', STYLES),
		...sheets.map((sh, i) => worksheet(`xl/worksheets/sheet${i + 1}.xml`, sh.rows))
	]);
}

// ---------------------------------------------------------------------------------------------
// the classification export

const text = (s: string) => neutraliseFormula(s);
const round = (v: number, decimals: number) => Number(v.toFixed(decimals));

/**
 * The export as three sheets. Customers: the columns of classificationCsv in its order (the
 * extras too when given), numbers as numbers (value rounded to the metric's decimals, shares as
 * fractions 0..1 at full precision), key_customer as a boolean, text formula-safe.
 * Segments: one row per class. Concentration: measure / value pairs.
 */
export function classificationWorkbook(
	c: Classification,
	keys: readonly string[],
	names: readonly string[],
	labels: { customers: string; segments: string; concentration: string },
	extra?: ExtraColumns
): Sheet[] {
	const { header, extraCells } = exportColumns(extra);
	const classNames = c.settings.classes.map((k) => k.name);
	const decimals = c.settings.metric === 'payments' ? 0 : c.scale;

	const customers: Sheet['rows'] = [header];
	for (let r = 0; r < c.rankOrder.length; r++) {
		const i = c.rankOrder[r];
		customers.push([
			r + 1,
			text(keys[i]),
			text(names[i]),
			round(c.value[r], decimals),
			c.share[r],
			c.cumShare[r],
			text(classNames[c.classIndex[r]]),
			c.isKeyCustomer[r] === 1,
			...extraCells.map((f) => text(f(i)))
		]);
	}

	const segments: Sheet['rows'] = [['class', 'customers', 'customer_share', 'value', 'value_share', 'average']];
	for (const s of c.segments) {
		segments.push([text(s.name), s.customers, s.customerShare, round(s.value, decimals), s.valueShare, s.average]);
	}

	const k = c.concentration;
	const concentration: Sheet['rows'] = [
		['measure', 'value'],
		['metric', text(c.settings.metric)],
		['customer_count', k.customerCount],
		['total', round(k.total, decimals)],
		['key_customers', k.keyCustomers],
		['mono_client', k.monoClient],
		['top1_share', k.top1Share],
		['top5_share', k.top5Share],
		['top20pct_share', k.top20PctShare],
		['customers_for_80', k.customersFor80],
		['customers_for_80_share', k.customersFor80Share],
		['gini', k.gini],
		['hhi', k.hhi]
	];

	return [
		{ name: labels.customers, rows: customers },
		{ name: labels.segments, rows: segments },
		{ name: labels.concentration, rows: concentration }
	];
}
