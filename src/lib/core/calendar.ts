/**
 * Calendar days as integers, shared by ingest, engine and view: a day is the number of days since
 * 1970-01-01 in the proleptic Gregorian calendar (no time zone, no time of day), a month is
 * year·12 + (month − 1). `NO_DAY` is the one sentinel for a missing or unreadable date.
 *
 * Civil-date arithmetic after Howard Hinnant's days_from_civil / civil_from_days.
 */

/** Int32 minimum: the day of a row whose date is missing or does not parse (README "Choices where the specification is silent: Dates"). */
export const NO_DAY = -2147483648;

/** { year, month (1–12), day (1–31) } → day number. No validation: day 0 or 32 rolls over. */
export function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400; // [0, 399]
	const mp = month > 2 ? month - 3 : month + 9; // March-based month [0, 11]
	const doy = Math.floor((153 * mp + 2) / 5) + day - 1; // [0, 365]
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
	return era * 146097 + doe - 719468;
}

/** Day number → { year, month (1–12), day (1–31) }. */
export function dayToParts(day: number): { year: number; month: number; day: number } {
	const z = day + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097; // [0, 146096]
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365); // [0, 399]
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
	const mp = Math.floor((5 * doy + 2) / 153); // [0, 11]
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1; // [1, 31]
	const m = mp < 10 ? mp + 3 : mp - 9; // [1, 12]
	return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

function pad(n: number, width: number): string {
	const s = String(Math.abs(n));
	return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

/** Day number → 'YYYY-MM-DD' (ISO 8601, the form every export writes dates in). */
export function formatDay(day: number): string {
	const p = dayToParts(day);
	return pad(p.year, 4) + '-' + pad(p.month, 2) + '-' + pad(p.day, 2);
}

/** Day number → calendar month as year·12 + (month − 1), so consecutive months differ by one. */
export function monthOf(day: number): number {
	const p = dayToParts(day);
	return p.year * 12 + p.month - 1;
}

/** Calendar month (year·12 + month − 1) → 'YYYY-MM'. */
export function monthLabel(month: number): string {
	const y = Math.floor(month / 12);
	return `${y}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** Calendar month (year·12 + month − 1) → day number of its first day. */
export function firstDayOfMonth(month: number): number {
	return daysFromCivil(Math.floor(month / 12), (month % 12) + 1, 1);
}

/** Calendar month (year·12 + month − 1) → day number of its last day. */
export function lastDayOfMonth(month: number): number {
	return firstDayOfMonth(month + 1) - 1;
}
