/**
 * CSV variants for spreadsheets. The export itself (classificationCsv) is RFC 4180 with comma,
 * decimal point and CRLF; spreadsheets want a BOM to pick UTF-8, and a Russian-locale Excel wants
 * ';' between cells and a decimal comma.
 */
export type CsvDialect = 'csv' /* UTF-8 BOM, ',' decimal point */ | 'excel-ru'; /* UTF-8 BOM, ';' and decimal comma */

const BOM = '\uFEFF';

/** A cell that is a plain decimal number: 123, -0.5, 123.45, 1e-7, 1.5E+3. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

interface Cell {
	text: string;
	quoted: boolean;
}

/** RFC 4180 parser (comma, CRLF or LF rows, "" inside quotes); remembers which cells were quoted. */
function parseCsv(csv: string, delimiter = ','): Cell[][] {
	const rows: Cell[][] = [];
	let row: Cell[] = [];
	let i = 0;
	const n = csv.length;
	if (n === 0) return rows;
	for (;;) {
		let text = '';
		let quoted = false;
		if (csv[i] === '"') {
			quoted = true;
			i++;
			for (;;) {
				const q = csv.indexOf('"', i);
				if (q < 0) {
					// unterminated quote: the rest is the cell
					text += csv.slice(i);
					i = n;
					break;
				}
				text += csv.slice(i, q);
				if (csv[q + 1] === '"') {
					text += '"';
					i = q + 2;
				} else {
					i = q + 1;
					break;
				}
			}
			// anything between the closing quote and the delimiter is kept, as spreadsheets do
			let j = i;
			while (j < n && csv[j] !== delimiter && csv[j] !== '\r' && csv[j] !== '\n') j++;
			text += csv.slice(i, j);
			i = j;
		} else {
			let j = i;
			while (j < n && csv[j] !== delimiter && csv[j] !== '\r' && csv[j] !== '\n') j++;
			text = csv.slice(i, j);
			i = j;
		}
		row.push({ text, quoted });
		if (i >= n) {
			rows.push(row);
			break;
		}
		if (csv[i] === delimiter) {
			i++;
			continue;
		}
		// end of row: CRLF, LF or a lone CR
		if (csv[i] === '\r' && csv[i + 1] === '\n') i += 2;
		else i++;
		rows.push(row);
		row = [];
		if (i >= n) break;
	}
	return rows;
}

function emit(cell: string, delimiter: string): string {
	return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Re-emits a CSV produced by classificationCsv (comma, decimal point, CRLF) in the dialect: BOM
 * first, CRLF rows; for 'excel-ru' ';' between cells and a decimal comma in the numeric columns
 * (value, share, cumulative_share), so a customer key like `12.5` stays text as it was. Cells are
 * otherwise kept verbatim (so the apostrophes that neutraliseFormula added survive) and quoted as
 * the new delimiter needs.
 */
const NUMERIC_COLUMNS = new Set(['value', 'share', 'cumulative_share']);

export function toDialect(csv: string, dialect: CsvDialect): string {
	if (csv.startsWith(BOM)) csv = csv.slice(1);
	const trailing = /\r?\n$/.test(csv);
	const body = trailing ? csv.replace(/\r?\n$/, '') : csv;
	const delimiter = dialect === 'excel-ru' ? ';' : ',';
	const decimalComma = dialect === 'excel-ru';
	const rows = parseCsv(body, ',');
	const numeric = new Set((rows[0] ?? []).map((c, i) => (NUMERIC_COLUMNS.has(c.text) ? i : -1)).filter((i) => i >= 0));
	const lines = rows.map((row, r) =>
		row
			.map((c, i) => {
				const convert = decimalComma && r > 0 && numeric.has(i) && !c.quoted && PLAIN_NUMBER.test(c.text);
				const text = convert ? c.text.replace('.', ',') : c.text;
				return emit(text, delimiter);
			})
			.join(delimiter)
	);
	return BOM + lines.join('\r\n') + (trailing ? '\r\n' : '');
}
