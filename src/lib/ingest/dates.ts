/**
 * Date parsing to integer day numbers (days since 1970-01-01, proleptic Gregorian, no time zone).
 *
 * Over 400 lines for one job: every written date form and the whole-column order inference. The
 * day-number arithmetic and the missing-day sentinel `NO_DAY` live in core/calendar.ts.
 *
 * The common numeric forms (ISO `2024-01-31[T…]`, `31.01.2024`, `1/31/2024 8:26`) are parsed by
 * a char-code pass with integer civil-date arithmetic (Howard Hinnant's days_from_civil); month
 * names (English, Russian) take a regex path. Any time of day is validated and then dropped; a
 * time-zone suffix is accepted but not applied (the date is taken as written).
 */
import { daysFromCivil } from '../core/calendar';
import type { DateOrder } from './types';

export type DateError = 'empty' | 'invalid';

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
/** Excel serial of 1970-01-01 (with Excel's fictitious 1900-02-29 counted). */
const EXCEL_EPOCH = 25569;
const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31

const C_0 = 48;
const C_DOT = 46;
const C_COMMA = 44;
const C_SLASH = 47;
const C_DASH = 45;
const C_COLON = 58;
const C_PLUS = 43;
const C_GE = 0x433; // г
const C_GE_UP = 0x413; // Г

function daysInMonth(year: number, month: number): number {
	if (month === 2) {
		return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	}
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Two-digit years: 00–69 → 2000–2069, 70–99 → 1970–1999. */
function expandYear(y: number, digits: number): number {
	if (digits !== 2) return y;
	return y < 70 ? 2000 + y : 1900 + y;
}

function validDay(year: number, month: number, day: number): number | DateError {
	if (year < MIN_YEAR || year > MAX_YEAR) return 'invalid';
	if (month < 1 || month > 12) return 'invalid';
	if (day < 1 || day > daysInMonth(year, month)) return 'invalid';
	return daysFromCivil(year, month, day);
}

const MIN_DAY = daysFromCivil(MIN_YEAR, 1, 1);
const MAX_DAY = daysFromCivil(MAX_YEAR, 12, 31);

function isSpace(c: number): boolean {
	return c <= 32 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** Lower-case ASCII letter code (for a-z / A-Z), else the code unchanged. */
function lower(c: number): number {
	return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * Is s[i, end) an acceptable tail after a date? Accepts nothing; a Russian year marker `г.`;
 * and/or a time after `T` or spaces/commas: `H:MM[:SS[.fff]] [AM|PM] [Z|±HH[:MM]|UTC|GMT±…]`.
 */
function isTimeTail(s: string, i: number, end: number): boolean {
	if (i >= end) return true;
	let c = s.charCodeAt(i);
	if (c === 84 || c === 116) {
		// 'T' / 't': a time must follow directly
		i++;
	} else {
		const from = i;
		while (i < end && (isSpace((c = s.charCodeAt(i))) || c === C_COMMA)) i++;
		if (i < end && ((c = s.charCodeAt(i)) === C_GE || c === C_GE_UP)) {
			i++;
			if (i < end && s.charCodeAt(i) === C_DOT) i++;
			while (i < end && (isSpace((c = s.charCodeAt(i))) || c === C_COMMA)) i++;
			if (i >= end) return true;
		} else if (i === from) return false; // date glued to something
		if (i >= end) return true;
	}
	// hours
	let h = 0;
	let n = 0;
	while (i < end && isDigit((c = s.charCodeAt(i))) && n < 3) {
		h = h * 10 + c - C_0;
		n++;
		i++;
	}
	if (n === 0 || n > 2 || i >= end || s.charCodeAt(i) !== C_COLON) return false;
	i++;
	// minutes: exactly 2 digits
	if (i + 2 > end || !isDigit(s.charCodeAt(i)) || !isDigit(s.charCodeAt(i + 1))) return false;
	const mi = (s.charCodeAt(i) - C_0) * 10 + s.charCodeAt(i + 1) - C_0;
	i += 2;
	let sec = 0;
	if (i < end && s.charCodeAt(i) === C_COLON) {
		i++;
		if (i + 2 > end || !isDigit(s.charCodeAt(i)) || !isDigit(s.charCodeAt(i + 1))) return false;
		sec = (s.charCodeAt(i) - C_0) * 10 + s.charCodeAt(i + 1) - C_0;
		i += 2;
		if (i < end && ((c = s.charCodeAt(i)) === C_DOT || c === C_COMMA)) {
			i++;
			const f = i;
			while (i < end && isDigit(s.charCodeAt(i))) i++;
			if (i === f) return false;
		}
	}
	if (i < end && isDigit(s.charCodeAt(i))) return false;
	while (i < end && isSpace(s.charCodeAt(i))) i++;
	// AM / PM (also a.m. / p.m.)
	let ampm = false;
	if (i < end && ((c = lower(s.charCodeAt(i))) === 97 || c === 112)) {
		let j = i + 1;
		if (j < end && s.charCodeAt(j) === C_DOT) j++;
		if (j < end && lower(s.charCodeAt(j)) === 109) {
			j++;
			if (j < end && s.charCodeAt(j) === C_DOT) j++;
			ampm = true;
			i = j;
			while (i < end && isSpace(s.charCodeAt(i))) i++;
		}
	}
	// zone
	if (i < end) {
		c = lower(s.charCodeAt(i));
		if (c === 122)
			i++; // z
		else {
			if (i + 3 <= end) {
				const w = s.slice(i, i + 3).toLowerCase();
				if (w === 'utc' || w === 'gmt') {
					i += 3;
					if (i < end) c = s.charCodeAt(i);
				}
			}
			if (i < end && (c === C_PLUS || c === C_DASH || c === 0x2212)) {
				i++;
				let digits = 0;
				while (i < end && (isDigit((c = s.charCodeAt(i))) || c === C_COLON)) {
					if (c !== C_COLON) digits++;
					i++;
				}
				if (digits !== 2 && digits !== 4) return false;
			}
		}
		while (i < end && isSpace(s.charCodeAt(i))) i++;
	}
	if (i !== end) return false;
	if (mi > 59 || sec > 60) return false;
	return ampm ? h <= 12 : h <= 24;
}

/** Excel serial (integer part) → day number, honouring Excel's fictitious 1900-02-29. */
function fromSerial(serial: number): number | DateError {
	if (serial < 1 || serial > EXCEL_MAX_SERIAL || serial === 60) return 'invalid';
	const day = serial < 60 ? serial - EXCEL_EPOCH + 1 : serial - EXCEL_EPOCH;
	return day < MIN_DAY || day > MAX_DAY ? 'invalid' : day;
}

// ---- month-name path ----

const MONTH_WORDS: ReadonlyMap<string, number> = (() => {
	const m = new Map<string, number>();
	const en = [
		['january', 'jan'],
		['february', 'feb'],
		['march', 'mar'],
		['april', 'apr'],
		['may'],
		['june', 'jun'],
		['july', 'jul'],
		['august', 'aug'],
		['september', 'sep', 'sept'],
		['october', 'oct'],
		['november', 'nov'],
		['december', 'dec']
	];
	const ru = [
		['январь', 'января', 'янв'],
		['февраль', 'февраля', 'фев', 'февр'],
		['март', 'марта', 'мар'],
		['апрель', 'апреля', 'апр'],
		['май', 'мая'],
		['июнь', 'июня', 'июн'],
		['июль', 'июля', 'июл'],
		['август', 'августа', 'авг'],
		['сентябрь', 'сентября', 'сен', 'сент'],
		['октябрь', 'октября', 'окт'],
		['ноябрь', 'ноября', 'ноя', 'нояб'],
		['декабрь', 'декабря', 'дек']
	];
	for (const list of [en, ru]) list.forEach((words, k) => words.forEach((w) => m.set(w, k + 1)));
	return m;
})();

const WEEKDAY_WORDS: ReadonlySet<string> = new Set([
	'mon',
	'tue',
	'tues',
	'wed',
	'thu',
	'thur',
	'thurs',
	'fri',
	'sat',
	'sun',
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'saturday',
	'sunday',
	'пн',
	'вт',
	'ср',
	'чт',
	'пт',
	'сб',
	'вс',
	'понедельник',
	'вторник',
	'среда',
	'четверг',
	'пятница',
	'суббота',
	'воскресенье'
]);

/** `[weekday,] 15 Jan 2024`, `15-Jan-2024`, `15 января 2024 г.`, `15. Jan. 2024` */
const RE_DAY_MONTH_YEAR =
	/^(?:(\p{L}+)\.?,?\s+)?(\d{1,2})(?:\.?\s+|-|\/|\.)(\p{L}+)\.?(?:,?\s+|-|\/|\.)(\d{4}|\d{2})(?!\d)(?:\s*(?:г\.?|года)(?!\p{L}))?(.*)$/u;
/** `[weekday,] Jan 15, 2024`, `January 15 2024`, `Jan 15th, 2024`, `Jan-15-2024` */
const RE_MONTH_DAY_YEAR =
	/^(?:(\p{L}+)\.?,?\s+)?(\p{L}+)\.?(?:\s+|-|\/)(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+|-|\/)(\d{4}|\d{2})(?!\d)(.*)$/u;

function parseNamed(t: string): number | DateError {
	const s = t.toLowerCase();
	let day: number;
	let monthWord: string;
	let yearText: string;
	let weekday: string | undefined;
	let tail: string;
	let match = RE_DAY_MONTH_YEAR.exec(s);
	if (match) {
		weekday = match[1];
		day = Number(match[2]);
		monthWord = match[3];
		yearText = match[4];
		tail = match[5];
	} else {
		match = RE_MONTH_DAY_YEAR.exec(s);
		if (!match) return 'invalid';
		weekday = match[1];
		monthWord = match[2];
		day = Number(match[3]);
		yearText = match[4];
		tail = match[5];
	}
	if (weekday !== undefined && !WEEKDAY_WORDS.has(weekday)) return 'invalid';
	const month = MONTH_WORDS.get(monthWord);
	if (month === undefined) return 'invalid';
	if (!isTimeTail(tail, 0, tail.length)) return 'invalid';
	return validDay(expandYear(Number(yearText), yearText.length), month, day);
}

/**
 * Parse one cell to a day number (days since 1970-01-01). See the module comment for the forms;
 * `order` decides a/b/c with a 1–2 digit first field ('dmy' or 'mdy'; with 'ymd' a/b/c is read
 * as yy/mm/dd when c has two digits, else as dmy). A 4-digit first field is always y/m/d. Excel
 * serials (1..2958465, fraction dropped) are accepted only when allowSerial is true.
 */
export function parseDate(text: string, order: DateOrder, allowSerial: boolean): number | DateError {
	let i = 0;
	let end = text.length;
	while (i < end && isSpace(text.charCodeAt(i))) i++;
	while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
	if (i >= end) return 'empty';

	let c = text.charCodeAt(i);
	if (!isDigit(c)) return parseNamed(text.slice(i, end));

	// first field
	let a = 0;
	let na = 0;
	while (i < end && isDigit((c = text.charCodeAt(i)))) {
		if (na < 9) a = a * 10 + c - C_0;
		na++;
		i++;
	}
	if (i >= end) return allowSerial && na <= 7 ? fromSerial(a) : 'invalid';
	const sep = c;
	i++;

	// Excel serial with a fraction (time of day): 45292.5 / 45292,5
	if ((sep === C_DOT || sep === C_COMMA) && allowSerial && na <= 7) {
		let j = i;
		while (j < end && isDigit(text.charCodeAt(j))) j++;
		if (j === end && j > i) return fromSerial(a);
	}

	if (sep !== C_DASH && sep !== C_SLASH && sep !== C_DOT) {
		return isSpace(sep) ? parseNamed(text.slice(i - na - 1, end)) : 'invalid';
	}

	// second field (1-2 digits), or a month name (15-Jan-2024, 15.Jan.2024)
	let b = 0;
	let nb = 0;
	while (i < end && isDigit((c = text.charCodeAt(i)))) {
		b = b * 10 + c - C_0;
		nb++;
		i++;
		if (nb > 2) return 'invalid';
	}
	if (nb === 0) {
		return na <= 2 ? parseNamed(text.slice(i - na - 1, end)) : 'invalid';
	}
	if (i >= end || text.charCodeAt(i) !== sep) return 'invalid';
	i++;

	// third field
	let cv = 0;
	let nc = 0;
	while (i < end && isDigit((c = text.charCodeAt(i)))) {
		cv = cv * 10 + c - C_0;
		nc++;
		i++;
		if (nc > 4) return 'invalid';
	}
	if (nc === 0) return 'invalid';

	let year: number;
	let month: number;
	let day: number;
	if (na === 4) {
		if (nc > 2) return 'invalid';
		year = a;
		month = b;
		day = cv;
	} else if (na <= 2) {
		if (nc !== 2 && nc !== 4) return 'invalid';
		if (order === 'ymd' && nc === 2) {
			year = expandYear(a, 2);
			month = b;
			day = cv;
		} else {
			year = expandYear(cv, nc);
			if (order === 'mdy') {
				month = a;
				day = b;
			} else {
				day = a;
				month = b;
			}
		}
	} else return 'invalid';

	if (!isTimeTail(text, i, end)) return 'invalid';
	return validDay(year, month, day);
}

const RE_NUMERIC_DATE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;
const RE_PLAIN_NUMBER = /^\d+(?:[.,]\d+)?$/;

/**
 * Decide a column's order from sample cells: if any numeric a/b/c sample (separators '/', '.',
 * '-', not ISO) has a > 12 → 'dmy'; else if any has b > 12 → 'mdy'; else if a '.' separator was
 * seen → 'dmy'; else if '/' → 'mdy'; else `fallback`. `serial` is true when >= 80 % of non-empty
 * samples are plain numbers in 20000..80000 (Excel serials, 1954..2119).
 */
export function inferDateFormat(
	samples: readonly string[],
	fallback: DateOrder
): { order: DateOrder; serial: boolean } {
	let nonEmpty = 0;
	let serials = 0;
	let firstOver12 = false;
	let secondOver12 = false;
	let sawDot = false;
	let sawSlash = false;
	for (const raw of samples) {
		const s = raw.trim();
		if (s === '') continue;
		nonEmpty++;
		if (RE_PLAIN_NUMBER.test(s)) {
			const v = Number(s.replace(',', '.'));
			if (v >= 20000 && v <= 80000) serials++;
			continue;
		}
		const m = RE_NUMERIC_DATE.exec(s);
		if (!m) continue;
		if (Number(m[1]) > 12) firstOver12 = true;
		if (Number(m[3]) > 12) secondOver12 = true;
		if (m[2] === '.') sawDot = true;
		else if (m[2] === '/') sawSlash = true;
	}
	let order: DateOrder;
	if (firstOver12) order = 'dmy';
	else if (secondOver12) order = 'mdy';
	else if (sawDot) order = 'dmy';
	else if (sawSlash) order = 'mdy';
	else order = fallback;
	return { order, serial: nonEmpty > 0 && serials >= 0.8 * nonEmpty };
}
