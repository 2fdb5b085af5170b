import { dayToParts, daysFromCivil } from '../ingest/dates';

/** Calendar months as integers: year·12 + (month − 1), so consecutive months differ by one. */
export function monthOf(day: number): number {
	const p = dayToParts(day);
	return p.year * 12 + p.month - 1;
}

/** 'YYYY-MM' */
export function monthLabel(month: number): string {
	const y = Math.floor(month / 12);
	return `${y}-${String((month % 12) + 1).padStart(2, '0')}`;
}

export function firstDayOfMonth(month: number): number {
	return daysFromCivil(Math.floor(month / 12), (month % 12) + 1, 1);
}

export function lastDayOfMonth(month: number): number {
	return firstDayOfMonth(month + 1) - 1;
}

export { dayToParts, daysFromCivil };
