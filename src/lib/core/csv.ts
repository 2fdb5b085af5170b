/**
 * The one CSV writer of every export (README "Choices where the specification is silent: Export"):
 * a pre-pass makes each cell formula-safe and writes number cells in the dialect's decimal
 * separator, then PapaParse's `unparse` quotes and joins. Rows end in CRLF, the last one too.
 */
import Papa from 'papaparse';

/** How a CSV is written for the program that opens it. */
export interface CsvDialect {
	/** between cells */
	delimiter: ',' | ';';
	/** number cells (CsvNumber) get ',' as their decimal separator instead of '.' */
	decimalComma: boolean;
	/** the text starts with U+FEFF, which spreadsheets take as "this is UTF-8" */
	bom: boolean;
}

/** Plain RFC 4180: ',' between cells, decimal point, no BOM. */
export const RFC_4180_CSV: CsvDialect = Object.freeze({ delimiter: ',', decimalComma: false, bom: false });
/** For Excel in a decimal-point locale: RFC 4180 with a BOM. */
export const EXCEL_CSV: CsvDialect = Object.freeze({ delimiter: ',', decimalComma: false, bom: true });
/** For Excel in a Russian (decimal-comma) locale: ';' between cells, decimal comma, BOM. */
export const RUSSIAN_EXCEL_CSV: CsvDialect = Object.freeze({ delimiter: ';', decimalComma: true, bom: true });

/**
 * A number cell, already written with '.' as its decimal point (`toFixed` output, an integer, an
 * exponent form): the dialect chooses its decimal separator. Text that is not a plain number is
 * written as a text cell.
 */
export interface CsvNumber {
	readonly number: string;
}

/** A text cell (written formula-safe) or a number cell. */
export type CsvCell = string | CsvNumber;

/** A number cell of `text` (see CsvNumber). */
export function csvNumber(text: string): CsvNumber {
	return { number: text };
}

/**
 * A plain decimal number: optional sign, digits with an optional point (or a point and digits),
 * optional exponent — 123, -0.5, 1., .5, 1e-7, +1.5E+3. Such text is never neutralised, and in a
 * number cell it is the only text whose decimal point the dialect may change.
 */
export const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Text a spreadsheet would run as a formula; also such text already behind apostrophes, so the escape can be undone. */
const FORMULA_START = /^'*[=+\-@\t\r\n]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r\n]/;

/**
 * Makes a cell safe to open in a spreadsheet: text starting with = + - @ tab CR or LF gets a
 * leading apostrophe so it is never run as a formula; plain numbers (PLAIN_NUMBER) are left
 * alone. Text that already starts with apostrophes before such a character gets one more, so
 * `unneutralise` is exact.
 */
export function neutraliseFormula(cell: string): string {
	return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** The inverse of neutraliseFormula: drops the one apostrophe it adds. */
export function unneutralise(cell: string): string {
	return ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** The pre-pass over one cell: formula-safe text, or a plain number in the dialect's decimal separator. */
function cellText(cell: CsvCell, decimalComma: boolean): string {
	if (typeof cell === 'string') return neutraliseFormula(cell);
	const text = cell.number;
	if (!PLAIN_NUMBER.test(text)) return neutraliseFormula(text);
	return decimalComma ? text.replace('.', ',') : text;
}

function unparse(rows: string[][], delimiter: string): string {
	return Papa.unparse(rows, { delimiter, newline: CRLF, quotes: false, escapeFormulae: false, header: false });
}

/**
 * Rows of cells (the header is the first row) → CSV text in `dialect`: BOM when the dialect has
 * one, cells formula-safe (neutraliseFormula), number cells with the dialect's decimal separator,
 * a cell quoted when it holds the delimiter, a quote, CR, LF, U+FEFF or a leading or trailing
 * space (quotes doubled inside), every row ending in CRLF. No rows → only the BOM (or '').
 */
export function writeCsv(rows: readonly (readonly CsvCell[])[], dialect: CsvDialect = RFC_4180_CSV): string {
	const texts = rows.map((row) => row.map((cell) => cellText(cell, dialect.decimalComma)));
	const body = texts.length > 0 ? unparse(texts, dialect.delimiter) + CRLF : '';
	return (dialect.bom ? BOM : '') + body;
}

/** One text cell as writeCsv writes it between `delimiter`s: formula-safe, quoted when needed. */
export function csvField(cell: string, delimiter: ',' | ';' = ','): string {
	return unparse([[neutraliseFormula(cell)]], delimiter);
}
