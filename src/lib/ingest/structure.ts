/**
 * Structural facts about a sniffed table that the mapping step and the import report explain to
 * the user: a data-frame row-index column, a date order decided by another date column, customer
 * ids mangled into scientific notation by a spreadsheet. Pure functions over the sniffed header
 * and sample rows (strings as in the file); no DOM, no state.
 */
import { parseDate } from './dates';
import type { DateOrder } from './types';
import { cellOf as cellAt } from './cells';

const RE_COUNTER = /^(?:0|[1-9]\d{0,8})$/;

const isBlank = (row: readonly string[]) => row.every((f) => f.trim() === '');

/**
 * The row-index column a data-frame library writes first (pandas `,Customer,…` over `0,Alpha,…`;
 * R `"","customer",…` over `"1","Alpha",…`).
 *
 * `header`: the header cells; `rows`: the sampled data records after it (blank records are
 * skipped). Returns the 0-based index of the first column whose header cell is empty and whose
 * cells, in the sampled rows, are a row counter: plain integers without leading zeros that start
 * at 0 or 1 and go up by exactly one per row (0,1,2,… or 1,2,3,…). At least two rows are needed
 * (a single `0` or `1` proves nothing). Any empty or non-counter cell, a gap or a repeat
 * disqualifies the column. -1 when no column qualifies.
 */
export function findIndexColumn(header: string[], rows: string[][]): number {
	const data = rows.filter((r) => !isBlank(r));
	if (data.length < 2) return -1;
	for (let c = 0; c < header.length; c++) {
		if ((header[c] ?? '').trim() !== '') continue;
		let ok = true;
		let start = -1;
		for (let k = 0; k < data.length && ok; k++) {
			const cell = cellAt(data[k], c);
			if (!RE_COUNTER.test(cell)) ok = false;
			else if (k === 0) {
				start = Number(cell);
				ok = start === 0 || start === 1;
			} else ok = Number(cell) === start + k;
		}
		if (ok) return c;
	}
	return -1;
}

/** 'dmy' when only the day-first reading is a valid date, 'mdy' when only month-first is, else null. */
function decidingOrder(cell: string): 'dmy' | 'mdy' | null {
	const d = typeof parseDate(cell, 'dmy', false) === 'number';
	const m = typeof parseDate(cell, 'mdy', false) === 'number';
	return d === m ? null : d ? 'dmy' : 'mdy';
}

/** Both readings are dates, and different days (03/04/2025; not 05/05/2025, not ISO, not 'Jan 5'). */
function ambiguous(cell: string): boolean {
	const d = parseDate(cell, 'dmy', false);
	const m = parseDate(cell, 'mdy', false);
	return typeof d === 'number' && typeof m === 'number' && d !== m;
}

/**
 * The day/month order of a file whose mapped date column cannot tell (every value's first two
 * fields ≤ 12: 03/04/2025), told by another date column of the same sampled rows (a due date
 * 17/04/2025 makes the file day-first, 04/17/2025 month-first).
 *
 * `header`: header cells (columns 0..header.length-1 are examined); `rows`: sampled data records;
 * `dateColumn`: the mapped date column; `guess`: the order the file has so far. Rule:
 * - null when `guess` is 'ymd' (a year-first date column reads the same under every order), when
 *   the date column decides by itself (a cell valid under only one of dmy/mdy), or when none of
 *   its cells is ambiguous (both readings valid and different days);
 * - otherwise each other column whose non-empty sampled cells are all dates (under dmy or mdy) is
 *   read; its cells valid under only one order vote for it. A column voting both ways is mixed and
 *   ignored. The first (lowest-index) deciding column gives `order`, `column` and `example` (its
 *   first deciding cell, trimmed); null when no column decides or deciding columns disagree.
 * The result may equal `guess`: then the other column confirms it.
 */
export function dateOrderFromColumns(
	header: string[],
	rows: string[][],
	dateColumn: number,
	guess: DateOrder
): { order: 'dmy' | 'mdy'; column: number; example: string } | null {
	if (guess === 'ymd' || dateColumn < 0) return null;
	const data = rows.filter((r) => !isBlank(r));
	let anyAmbiguous = false;
	for (const r of data) {
		const cell = cellAt(r, dateColumn);
		if (cell === '') continue;
		if (decidingOrder(cell) !== null) return null; // the date column decides by itself
		if (ambiguous(cell)) anyAmbiguous = true;
	}
	if (!anyAmbiguous) return null;

	let found: { order: 'dmy' | 'mdy'; column: number; example: string } | null = null;
	for (let c = 0; c < header.length; c++) {
		if (c === dateColumn) continue;
		let filled = 0;
		let dateLike = true;
		let order: 'dmy' | 'mdy' | null = null;
		let example = '';
		let mixed = false;
		for (const r of data) {
			const cell = cellAt(r, c);
			if (cell === '') continue;
			filled++;
			if (typeof parseDate(cell, 'dmy', false) !== 'number' && typeof parseDate(cell, 'mdy', false) !== 'number') {
				dateLike = false;
				break;
			}
			const o = decidingOrder(cell);
			if (o === null) continue;
			if (order === null) [order, example] = [o, cell];
			else if (o !== order) mixed = true;
		}
		if (!dateLike || filled === 0 || mixed || order === null) continue;
		if (found === null) found = { order, column: c, example };
		else if (found.order !== order) return null; // two date columns disagree: nothing decides
	}
	return found;
}

/**
 * A number in scientific notation as a spreadsheet writes a long id it took for a number:
 * mantissa digits with an optional '.' or ',' fraction (`4.00123`, `5.189`, decimal-comma `1,23`),
 * then `E+` (or `e+`) and 1–3 exponent digits, filling the whole trimmed cell. A negative exponent
 * or a missing '+' is not such an id (`1.5E-3`, product codes like `12E4`).
 */
const RE_SCIENTIFIC = /^\d+(?:[.,]\d+)?[eE]\+\d{1,3}$/;

/** Is this (trimmed) cell a customer id that a spreadsheet saved in scientific notation? */
export function isScientificKey(cell: string): boolean {
	return RE_SCIENTIFIC.test(cell.trim());
}

/**
 * Customer ids rounded by a spreadsheet into scientific notation (`4.00123E+11`, `5.189E+11`,
 * `1,23E+15`): distinct customers may have merged. `cells`: the customer column's cells (sampled or
 * all). Rule: `isScientificKey` on each cell. Returns the first such cell (trimmed) as `example` and
 * how many cells look so as `count`; null when none does.
 */
export function scientificKeys(cells: readonly string[]): { example: string; count: number } | null {
	let count = 0;
	let example = '';
	for (const cell of cells) {
		if (!isScientificKey(cell)) continue;
		if (count === 0) example = cell.trim();
		count++;
	}
	return count === 0 ? null : { example, count };
}
