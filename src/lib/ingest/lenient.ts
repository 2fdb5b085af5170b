/**
 * Recovery for quotes PapaParse cannot read: a quoted field whose closing quote is followed by more
 * text (`"Ромашка" ООО;100`, `"click")`). PapaParse then keeps reading to the next quote anywhere in
 * the file and swallows rows; spreadsheets and Python's csv module instead end the quoted part and
 * keep the rest of the field as text. Files without that defect never reach this parser.
 */

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** True when some quoted field closes and is followed by text: cheap, it only visits quote characters. */
export function hasMalformedQuotes(text: string, delimiter: string): boolean {
	return new MalformedQuoteScan(delimiter).scan(text);
}

/**
 * Finds a quoted field that closes and is followed by text, in a text that may arrive in pieces:
 * `scan(piece)` is true once the pieces so far have one, exactly as for their concatenation (a quote
 * at a piece's end is decided by the next piece's first character). Visits only quote characters.
 */
export class MalformedQuoteScan {
	private readonly d: number;
	/** inside a quoted field, after its opening quote */
	private inQuote = false;
	/** the last piece ended on a quote inside a quoted field: closing or the first of two */
	private quoteAtEnd = false;
	/** the character before the next piece (a stretch starts at a line start) */
	private prev = LF;
	constructor(delimiter: string) {
		this.d = delimiter.charCodeAt(0);
	}
	scan(text: string): boolean {
		if (text.length === 0) return false;
		const d = this.d;
		let i = 0;
		if (this.quoteAtEnd) {
			this.quoteAtEnd = false;
			const next = text.charCodeAt(0);
			if (next === QUOTE) i = 1;
			else if (next === d || next === LF || next === CR) this.inQuote = false;
			else return true;
		}
		while (i < text.length) {
			if (this.inQuote) {
				const q = text.indexOf('"', i);
				if (q < 0) break;
				if (q + 1 >= text.length) {
					this.quoteAtEnd = true;
					break;
				}
				const next = text.charCodeAt(q + 1);
				if (next === QUOTE) i = q + 2;
				else if (next === d || next === LF || next === CR) {
					this.inQuote = false;
					i = q + 1;
				} else return true;
			} else {
				const p = text.indexOf('"', i);
				if (p < 0) break;
				const prev = p === 0 ? this.prev : text.charCodeAt(p - 1);
				// a quote inside an unquoted field is literal
				if (prev === d || prev === LF || prev === CR) this.inQuote = true;
				i = p + 1;
			}
		}
		this.prev = text.charCodeAt(text.length - 1);
		return false;
	}
}

export interface LenientResult {
	records: string[][];
	/** set when a quoted field never closes: 0-based record index and field index where it opened */
	unclosed: { record: number; field: number } | null;
}

/** A forgiving RFC 4180 reader with Python csv semantics for text after a closing quote. */
export function parseLenient(text: string, delimiter: string, newline: string): LenientResult {
	const d = delimiter.charCodeAt(0);
	const crlf = newline === '\r\n';
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let i = 0;
	const n = text.length;
	const endRecord = () => {
		record.push(field);
		records.push(record);
		record = [];
		field = '';
	};
	while (i < n) {
		let c = text.charCodeAt(i);
		if (c === QUOTE && field === '') {
			// quoted part
			const openRecord = records.length;
			const openField = record.length;
			i++;
			let closed = false;
			while (i < n) {
				const j = text.indexOf('"', i);
				if (j < 0) break;
				field += text.slice(i, j);
				if (text.charCodeAt(j + 1) === QUOTE) {
					field += '"';
					i = j + 2;
					continue;
				}
				i = j + 1;
				closed = true;
				break;
			}
			if (!closed) return { records, unclosed: { record: openRecord, field: openField } };
			continue;
		}
		if (c === d) {
			record.push(field);
			field = '';
			i++;
			continue;
		}
		if (c === LF || c === CR) {
			if (c === CR && text.charCodeAt(i + 1) === LF) i++;
			else if (crlf && c === LF) {
				// a bare LF inside a CRLF file still ends the line, as spreadsheets do
			}
			endRecord();
			i++;
			continue;
		}
		// plain run up to the next special character
		let j = i + 1;
		while (j < n) {
			c = text.charCodeAt(j);
			if (c === d || c === LF || c === CR) break;
			j++;
		}
		field += text.slice(i, j);
		i = j;
	}
	if (field !== '' || record.length > 0) endRecord();
	return { records, unclosed: null };
}
