/**
 * Text sniffing: from the decoded start of a file, its line ends, delimiter, header row, first data
 * rows, number and date formats, auto-mapping and meaning (what the mapping step shows). The file
 * itself (size, encoding, binary) is file-sniff.ts's.
 */
import Papa from 'papaparse';
import { autoMap, type AutoMapping } from './mapping';
import { hasMalformedQuotes, parseLenient } from './lenient';
import { inferDateFormat, parseDate } from './dates';
import { inferDecimalSeparator, parseDecimal } from './numbers';
import type { DateOrder, DecimalSeparator, Interpretation } from './types';
import { interpret } from './meaning';
import { dateOrderFromColumns, findIndexColumn, scientificKeys } from './structure';

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
export type Newline = '\n' | '\r\n' | '\r';

export interface TextSniff {
	delimiter: Delimiter;
	newline: Newline;
	/** 0-based record index of the header (title lines above it are skipped) */
	headerRow: number;
	header: string[];
	/** first data records after the header, as parsed */
	rows: string[][];
	/** per column: decimal separator inferred from its cells */
	decimalSeparators: DecimalSeparator[];
	dateOrder: DateOrder;
	dateSerial: boolean;
	auto: AutoMapping;
	/** what the export means beyond the mapping: every decision the importer took on its own */
	meaning: Interpretation;
	/** records above the header (report titles) */
	titleLines: string[][];
	/** a quote that never closes in a sample holding the whole file: 0-based record and field */
	unclosedQuote: { record: number; field: number } | null;
}

const PREVIEW_ROWS = 200;

/** Bare LF anywhere wins (mixed files; a stray CR is trimmed from fields later), then CRLF, then old-Mac CR. */
export function detectNewline(sample: string): Newline {
	const lf = sample.indexOf('\n');
	if (lf >= 0) {
		for (let i = lf; i >= 0; i = sample.indexOf('\n', i + 1)) if (i === 0 || sample[i - 1] !== '\r') return '\n';
		return '\r\n';
	}
	return sample.includes('\r') ? '\r' : '\n';
}

function parseSample(sample: string, delimiter: Delimiter, newline: Newline, truncated: boolean): string[][] {
	const rows = hasMalformedQuotes(sample, delimiter)
		? parseLenient(sample, delimiter, newline).records.slice(0, 400)
		: Papa.parse<string[]>(sample, { delimiter, newline, header: false, skipEmptyLines: false, preview: 400 }).data;
	// the last line of a cut sample may be incomplete
	if (truncated && rows.length > 1) rows.pop();
	return rows;
}

const isBlankRow = (r: string[]) => r.every((f) => f.trim() === '');

/** Scores a delimiter by how many rows share the most common field count (> 1). */
function delimiterScore(rows: string[][]): { score: number; fields: number } {
	const counts = new Map<number, number>();
	rows = rows.filter((r) => !isBlankRow(r)).slice(0, 100);
	for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
	let bestFields = 1;
	let bestCount = 0;
	for (const [fields, count] of counts) {
		if (count > bestCount || (count === bestCount && fields > bestFields)) {
			bestFields = fields;
			bestCount = count;
		}
	}
	if (bestFields < 2 || rows.length === 0) return { score: 0, fields: bestFields };
	const consistency = bestCount / rows.length;
	return { score: consistency * 100 + Math.min(bestFields, 30) / 100, fields: bestFields };
}

export function detectDelimiter(sample: string, newline: Newline, truncated: boolean): Delimiter {
	let best: Delimiter = ',';
	let bestScore = -1;
	for (const d of DELIMITERS) {
		const { score } = delimiterScore(parseSample(sample, d, newline, truncated));
		if (score > bestScore + 1e-9) {
			best = d;
			bestScore = score;
		}
	}
	return best;
}

/** A cell holding a value rather than a name: a number, an amount, a date ('1 234,56', '$5.00', '15.01.2024'). */
const isValueCell = (f: string) => /\d/.test(f) && /^[\d\s.,:/\-+()'’%$€£₽]+$/.test(f.trim());

/**
 * Finds the header: the first record with (nearly) the modal number of non-empty fields.
 * Report exports often put a title and a blank line above the table; a title as wide as the
 * table ('Sales report, Q1 2024, Acme Inc'), set apart by shorter lines, is passed over for the
 * next all-text record of that width before the first record holding values.
 */
export function detectHeaderRow(rows: string[][]): number {
	const nonEmpty = (r: string[]) => r.filter((f) => f.trim() !== '').length;
	const counts = new Map<number, number>();
	for (const r of rows) counts.set(nonEmpty(r), (counts.get(nonEmpty(r)) ?? 0) + 1);
	let modal = 0;
	let modalCount = 0;
	for (const [k, c] of counts) if (c > modalCount || (c === modalCount && k > modal)) [modal, modalCount] = [k, c];
	const limit = Math.min(rows.length, 30);
	const wide = (i: number) => nonEmpty(rows[i]) >= Math.max(1, Math.ceil(modal * 0.8));
	let first = 0;
	while (first < limit && !wide(first)) first++;
	if (first >= limit) return 0;
	if (rows[first].some(isValueCell)) {
		// the first wide record holds values: a header with an unnamed column ('' over a data-frame
		// row index: pandas ',Customer,Date,Amount', R '"","customer",…') is one name short of wide in
		// a narrow table. The records right above, as long as the data row, all text and at most one
		// name short of the modal width (two names at least), are header candidates; the topmost of
		// that run is the header (a units line under it is not)
		const named = (i: number) =>
			rows[i].length === rows[first].length &&
			!rows[i].some(isValueCell) &&
			nonEmpty(rows[i]) >= Math.max(2, modal - 1);
		let h = first;
		while (h > 0 && named(h - 1)) h--;
		return h;
	}
	let header = first;
	let gap = false; // a shorter record (blank, 'Generated: …') since the last wide one
	// a record with as many fields as the header but some left empty ('Beta;' with no amount) is a
	// data row with gaps, not a line setting a title apart: it must not move the header down
	const apart = (i: number) => isBlankRow(rows[i]) || rows[i].length < rows[header].length;
	for (let i = first + 1; i < limit; i++) {
		if (rows[i].some(isValueCell)) return header;
		if (!wide(i)) {
			if (apart(i)) gap = true;
		} else if (gap) [header, gap] = [i, false];
	}
	return first; // no values in sight (a header-only or all-text file): keep the first wide record
}

export interface SniffHints {
	delimiter?: Delimiter;
	dateOrder?: DateOrder;
	/** decimal separator to use when a column's cells do not decide it */
	decimalFallback?: DecimalSeparator;
}

/** Everything the mapping step needs from the start of a decoded file. */
export function sniffText(sample: string, truncated: boolean, hints: SniffHints = {}): TextSniff {
	const text = sample.charCodeAt(0) === 0xfeff ? sample.slice(1) : sample;
	const newline = detectNewline(text);
	const delimiter = hints.delimiter ?? detectDelimiter(text, newline, truncated);
	const allRows = parseSample(text, delimiter, newline, truncated);
	const unclosedQuote = truncated ? null : findUnclosedQuote(text, delimiter, newline);
	const headerRow = detectHeaderRow(allRows);
	const header = (allRows[headerRow] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim());
	const rows = allRows
		.slice(headerRow + 1)
		.filter((r) => !isBlankRow(r))
		.slice(0, PREVIEW_ROWS);
	// empty cells are left out (a sparse customer column still maps), but a column empty in every
	// sampled row keeps its empty cells: it is not a header-only column the mapping may trust
	const columnCells = header.map((_, c) => {
		const cells = rows.map((r) => (r[c] ?? '').trim());
		const filled = cells.filter((v) => v !== '');
		return filled.length > 0 ? filled : cells;
	});
	const fallbackSep = hints.decimalFallback ?? (delimiter === ';' ? ',' : '.');
	const decimalSeparators = columnCells.map((cells) => inferDecimalSeparator(cells, fallbackSep));
	const auto0 = autoMap(
		header.map((h, c) => ({ header: h, samples: columnCells[c] })),
		{
			isNumber: (cell) => typeof parseDecimal(cell, fallbackSep) !== 'string',
			isDate: (cell) =>
				typeof parseDate(cell, 'dmy', false) === 'number' || typeof parseDate(cell, 'mdy', false) === 'number',
			isSerialDate: (cell) => inferDateFormat([cell], 'dmy').serial
		}
	);
	const titleLines = allRows.slice(0, headerRow);
	const { mapping, amountSource, meaning } = interpret({
		header,
		rows,
		titleLines,
		auto: auto0,
		indexColumn: findIndexColumn(header, rows),
		number: (cell, c) => {
			const d = parseDecimal(cell, decimalSeparators[c] ?? fallbackSep);
			return typeof d === 'string' ? null : d.m / 10 ** d.d;
		}
	});
	const auto: AutoMapping = { ...auto0, mapping, amountSource };
	const dateCells = auto.mapping.date >= 0 ? columnCells[auto.mapping.date] : [];
	const fmt = inferDateFormat(dateCells, delimiter === ',' ? 'mdy' : 'dmy');
	// year-first dates read the same under every order: say so in the mapping step
	const yearFirst =
		dateCells.length > 0 && dateCells.filter((c) => /^\d{4}[-/.]/.test(c)).length >= dateCells.length * 0.8;
	let dateOrder: DateOrder = hints.dateOrder ?? (yearFirst ? 'ymd' : fmt.order);
	// an ambiguous date column: another date column of the file (a due date of 17/04) decides
	if (!hints.dateOrder && !yearFirst && auto.mapping.date >= 0) {
		const other = dateOrderFromColumns(header, rows, auto.mapping.date, dateOrder);
		if (other && other.order !== dateOrder) {
			dateOrder = other.order;
			meaning.dateOrderFrom = { column: other.column, example: other.example };
		}
	}
	if (auto.mapping.customerKey >= 0) {
		const sci = scientificKeys(columnCells[auto.mapping.customerKey]);
		if (sci) meaning.scientificKeys = { example: sci.example };
	}
	return {
		delimiter,
		newline,
		headerRow,
		header,
		rows,
		decimalSeparators,
		dateOrder,
		dateSerial: fmt.serial,
		auto,
		meaning,
		titleLines,
		unclosedQuote
	};
}

/** Where a quote opens that never closes (the lenient reader agrees with PapaParse on this). */
function findUnclosedQuote(
	text: string,
	delimiter: Delimiter,
	newline: Newline
): { record: number; field: number } | null {
	if (!text.includes('"')) return null;
	return parseLenient(text, delimiter, newline).unclosed;
}
