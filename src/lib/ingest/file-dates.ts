/** One file's dates read under both day/month orders while it is imported, so the whole file decides the order. */
import { NO_DAY } from '../core/calendar';
import { parseDate } from './dates';
import { ownCopy } from './own-string';
import { Growable } from './growable';
import type { DateOrder } from './types';
import type { FilePlan } from './build';
import { FIRST_PLACES, placeIn, shiftRows, type ReportPlace } from './import-report';

export interface DatesPart {
	/** every row's day under the other order (null when the order is fixed) */
	alt: Int32Array | null;
	/** bad dates under the proposed order, then under the other */
	bad: { count: number; first: ReportPlace[] }[];
}

const SWAP: Partial<Record<DateOrder, DateOrder>> = { dmy: 'mdy', mdy: 'dmy' };

/**
 * Dates of one file read in both day-first and month-first order, so the whole file (not only its
 * first rows) decides: a file sorted by date may show its first 13th-or-later day far down.
 */
export class FileDates {
	readonly alt: DateOrder | undefined;
	private readonly altDays = new Growable(Int32Array);
	private readonly bad: { count: number; first: ReportPlace[] }[] = [
		{ count: 0, first: [] },
		{ count: 0, first: [] }
	];
	constructor(
		readonly plan: FilePlan,
		readonly start: number
	) {
		this.alt = plan.dateOrderLocked ? undefined : SWAP[plan.dateOrder];
	}
	/** both readings of each distinct date text: a year of sales has a few hundred distinct dates */
	private readonly cache = new Map<string, [number, number]>();
	/** the same for texts of a common fixed shape, keyed by `shapedDateKey` (no string hashing per row) */
	private readonly shaped = new Map<number, [number, number]>();

	/** Returns the day under the proposed order; remembers the other reading. `fields` and `row` place a bad date in the report. */
	read(text: string, fields: string[], row: number): number {
		if (text === '') {
			// an empty cell is reported as "empty date" by the builder, not as a date that did not parse
			if (this.alt) this.altDays.push(NO_DAY);
			return NO_DAY;
		}
		const key = shapedDateKey(text);
		let both = key >= 0 ? this.shaped.get(key) : this.cache.get(text);
		if (!both) {
			const primary = parseDate(text, this.plan.dateOrder, this.plan.dateSerial);
			const other = this.alt ? parseDate(text, this.alt, this.plan.dateSerial) : NO_DAY;
			both = [typeof primary === 'number' ? primary : NO_DAY, typeof other === 'number' ? other : NO_DAY];
			if (key >= 0) this.shaped.set(key, both);
			else if (this.cache.size < 100_000) this.cache.set(ownCopy(text), both);
		}
		if (both[0] === NO_DAY) this.note(0, fields, row);
		if (this.alt) {
			if (both[1] === NO_DAY) this.note(1, fields, row);
			this.altDays.push(both[1]);
		}
		return both[0];
	}
	private note(i: number, fields: string[], row: number): void {
		const b = this.bad[i];
		b.count++;
		if (b.first.length < FIRST_PLACES) b.first.push(placeIn(this.plan, fields, row, this.plan.mapping.date));
	}
	/** The other reading and both bad-date tallies, for a builder that reads the rest of the file. */
	part(): DatesPart {
		return {
			alt: this.alt ? this.altDays.toArray() : null,
			bad: this.bad.map((b) => ({ count: b.count, first: [...b.first] }))
		};
	}
	/** Takes in the dates another builder read from later records of the same file. */
	absorb(part: DatesPart, rowOffset: number): void {
		if (this.alt && part.alt) this.altDays.append(part.alt);
		for (let i = 0; i < 2; i++) {
			const b = this.bad[i];
			b.count += part.bad[i].count;
			b.first.push(...shiftRows(part.bad[i].first, rowOffset).slice(0, FIRST_PLACES - b.first.length));
		}
	}
	/** Keeps the reading with fewer bad dates; returns its bad places for the report. */
	settle(days: Growable<Int32Array>): { order: DateOrder; count: number; first: ReportPlace[] } {
		if (this.alt && this.bad[1].count < this.bad[0].count) {
			const alt = this.altDays.toArray();
			for (let i = 0; i < alt.length; i++) days.set(this.start + i, alt[i]);
			return { order: this.alt, ...this.bad[1] };
		}
		return { order: this.plan.dateOrder, ...this.bad[0] };
	}
}

/**
 * A number that stands for a date text of ten characters shaped `dddd-dd-dd`, `dd.dd.dddd` or
 * `dd/dd/dddd` (digits d; one number per text, whatever the text means), or -1 for any other text.
 * Cheaper than hashing the string: most exports write every date in one of these shapes.
 */
export function shapedDateKey(text: string): number {
	if (text.length !== 10) return -1;
	const a = text.charCodeAt(2);
	const b = text.charCodeAt(4);
	let shape: number;
	let s1: number;
	let s2: number;
	if (b === 45) {
		shape = 0;
		s1 = 4;
		s2 = 7;
	} else if (a === 46 || a === 47) {
		shape = a === 46 ? 1 : 2;
		s1 = 2;
		s2 = 5;
	} else return -1;
	if (text.charCodeAt(s2) !== text.charCodeAt(s1)) return -1;
	let n = 0;
	for (let i = 0; i < 10; i++) {
		if (i === s1 || i === s2) continue;
		const d = text.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return -1;
		n = n * 10 + d;
	}
	return shape * 100_000_000 + n;
}
