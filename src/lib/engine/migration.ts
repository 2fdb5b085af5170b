import { classify } from './abc';
import { aggregate } from './aggregate';
import { daysFromCivil, firstDayOfMonth, lastDayOfMonth, monthOf } from '../core/calendar';
import type { Classification, ClassifySettings, CustomerTotals, SalesColumns } from './types';

/** Movement of customers between two periods (README "The rules: Movement between periods"). */

/** Inclusive range of day numbers. */
export interface Period {
	from: number;
	to: number;
}

/** First month (year·12 + month − 1) of the calendar quarter holding `month`. */
export function quarterStart(month: number): number {
	return month - (((month % 3) + 3) % 3);
}

/** The calendar quarter starting at month `startMonth` (year·12 + month − 1), first to last day. */
export function quarterPeriod(startMonth: number): Period {
	return { from: firstDayOfMonth(startMonth), to: lastDayOfMonth(startMonth + 2) };
}

/** A quarter counts as complete when the data reaches into its last this many days (README "Movement between periods"). */
export const QUARTER_COMPLETE_DAYS = 14;

/**
 * Default pair of periods for a dataset whose last dated row is on `lastDay`: the latest complete
 * calendar quarter is `current` — lastDay's own quarter when lastDay falls in that quarter's last
 * QUARTER_COMPLETE_DAYS days (an export taken on 30 December covers Q4), else the quarter before
 * it — and `previous` is the quarter before `current`.
 */
export function defaultPeriods(lastDay: number): { previous: Period; current: Period } {
	const q = quarterStart(monthOf(lastDay));
	const complete = lastDay > lastDayOfMonth(q + 2) - QUARTER_COMPLETE_DAYS;
	const current = complete ? q : q - 3;
	return { previous: quarterPeriod(current - 3), current: quarterPeriod(current) };
}

/** January–June (previous) and July–December (current) of `year`. */
export function halvesOfYear(year: number): { previous: Period; current: Period } {
	return {
		previous: { from: daysFromCivil(year, 1, 1), to: daysFromCivil(year, 6, 30) },
		current: { from: daysFromCivil(year, 7, 1), to: daysFromCivil(year, 12, 31) }
	};
}

export interface MigrationCell {
	/** class index in the previous period, or 'new' when the customer had no row in it */
	from: number | 'new';
	/** class index in the current period, or 'lost' when the customer has no row in it */
	to: number | 'lost';
	/**
	 * customer indices, by current value desc then key; customers of a '→ lost' cell have no
	 * current value and are listed by previous value desc then key
	 */
	customers: number[];
}

export interface Mover {
	customer: number;
	/** metric in the previous period (value units), 0 when the customer is new */
	before: number;
	/** metric in the current period (value units), 0 when the customer is lost */
	after: number;
	/** (after − before) / before; Infinity when before <= 0 */
	growth: number;
	fromClass: number | 'new';
	toClass: number | 'lost';
}

export interface MigrationResult {
	previous: Period;
	current: Period;
	/** class names of the settings */
	classes: string[];
	/**
	 * every (from ∈ classes ∪ new) × (to ∈ classes ∪ lost) pair except new → lost, from-major:
	 * from = 0, 1, …, 'new'; within each, to = 0, 1, …, 'lost'
	 */
	cells: MigrationCell[];
	/** customers in the second class of the current period whose metric grew, fastest first; at most 20 */
	rising: Mover[];
	/** customers in the first class in the previous period and the lowest class in the current one, by before desc */
	drops: Mover[];
	previousClassification: Classification;
	currentClassification: Classification;
}

export const RISING_LIMIT = 20;

/**
 * Classifies both periods with the same settings (only the date range differs) and tabulates
 * how customers moved between classes. Rows without a valid date fall in neither period.
 */
export function migrate(
	data: SalesColumns,
	settings: ClassifySettings,
	previous: Period,
	current: Period
): MigrationResult {
	if (!data.date) throw new Error('The dataset has no date column: movement between periods needs dates.');
	for (const p of [previous, current]) {
		if (!Number.isInteger(p.from) || !Number.isInteger(p.to) || p.from > p.to) {
			throw new Error(`Invalid period: from ${p.from} to ${p.to}.`);
		}
	}
	const prevSettings: ClassifySettings = { ...settings, dateFrom: previous.from, dateTo: previous.to };
	const curSettings: ClassifySettings = { ...settings, dateFrom: current.from, dateTo: current.to };
	const prevTotals = aggregate(data, prevSettings);
	const curTotals = aggregate(data, curSettings);
	const prevC = classify(prevTotals, data.customerKeys, prevSettings);
	const curC = classify(curTotals, data.customerKeys, curSettings);

	const customerCount = data.customerKeys.length;
	const k = settings.classes.length;
	const prevClass = classOf(prevC, customerCount);
	const curClass = classOf(curC, customerCount);
	const prevRaw = rawTotals(prevTotals, customerCount);
	const curRaw = rawTotals(curTotals, customerCount);
	const prevUnit = 10 ** prevTotals.scale;
	const curUnit = 10 ** curTotals.scale;

	// cells: from-major, 'new' (index k) last; to 'lost' (index k) last; new → lost left out
	const grid: number[][] = [];
	for (let i = 0; i < (k + 1) * (k + 1); i++) grid.push([]);
	for (let r = 0; r < curC.rankOrder.length; r++) {
		const c = curC.rankOrder[r];
		const f = prevClass[c] < 0 ? k : prevClass[c];
		grid[f * (k + 1) + curC.classIndex[r]].push(c);
	}
	for (let r = 0; r < prevC.rankOrder.length; r++) {
		const c = prevC.rankOrder[r];
		if (curClass[c] < 0) grid[prevC.classIndex[r] * (k + 1) + k].push(c);
	}
	const cells: MigrationCell[] = [];
	for (let f = 0; f <= k; f++) {
		for (let t = 0; t <= k; t++) {
			if (f === k && t === k) continue;
			cells.push({ from: f === k ? 'new' : f, to: t === k ? 'lost' : t, customers: grid[f * (k + 1) + t] });
		}
	}

	const mover = (c: number): Mover & { b: number; a: number } => {
		const b = prevRaw[c];
		const a = curRaw[c];
		return {
			customer: c,
			before: b / prevUnit,
			after: a / curUnit,
			growth: b <= 0 ? Infinity : (a - b) / b,
			fromClass: prevClass[c] < 0 ? 'new' : prevClass[c],
			toClass: curClass[c] < 0 ? 'lost' : curClass[c],
			b,
			a
		};
	};
	const keys = data.customerKeys;
	const byKey = (x: number, y: number) => (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : 0);

	const risingAll: (Mover & { b: number; a: number })[] = [];
	if (k >= 2) {
		for (let r = 0; r < curC.rankOrder.length; r++) {
			if (curC.classIndex[r] !== 1) continue;
			const m = mover(curC.rankOrder[r]);
			if (m.a > m.b) risingAll.push(m);
		}
	}
	risingAll.sort((x, y) => compareGrowth(y, x) || compareExact(y.a - y.b, x.a - x.b) || byKey(x.customer, y.customer));
	const rising = risingAll.slice(0, RISING_LIMIT).map(strip);

	const drops: Mover[] = [];
	for (let r = 0; r < prevC.rankOrder.length; r++) {
		if (prevC.classIndex[r] !== 0) continue;
		const c = prevC.rankOrder[r];
		if (curClass[c] === k - 1 && k - 1 > 0) drops.push(strip(mover(c)));
	}
	// previous rank order is already before desc, then key

	return {
		previous: { ...previous },
		current: { ...current },
		classes: settings.classes.map((c) => c.name),
		cells,
		rising,
		drops,
		previousClassification: prevC,
		currentClassification: curC
	};
}

function strip(m: Mover & { b: number; a: number }): Mover {
	return {
		customer: m.customer,
		before: m.before,
		after: m.after,
		growth: m.growth,
		fromClass: m.fromClass,
		toClass: m.toClass
	};
}

/** Per customer index: class index in `c`, −1 when the customer is not in it. */
function classOf(c: Classification, customerCount: number): Int16Array {
	const out = new Int16Array(customerCount).fill(-1);
	for (let r = 0; r < c.rankOrder.length; r++) out[c.rankOrder[r]] = c.classIndex[r];
	return out;
}

/** Per customer index: exact total in minor units (0 when out of scope). */
function rawTotals(t: CustomerTotals, customerCount: number): Float64Array {
	const out = new Float64Array(customerCount);
	for (let i = 0; i < t.customers.length; i++) out[t.customers[i]] = t.totals[i];
	return out;
}

function compareExact(x: number, y: number): number {
	return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Compares growth (a − b) / b of two movers exactly: floats first, and when they round to the
 * same number, by cross-multiplying the integer totals so equal ratios tie and only equal ones.
 */
function compareGrowth(
	x: { growth: number; a: number; b: number },
	y: { growth: number; a: number; b: number }
): number {
	if (x.growth !== y.growth) return x.growth < y.growth ? -1 : 1;
	if (!Number.isFinite(x.growth)) return 0;
	// both b > 0: compare (ax − bx)·by with (ay − by)·bx
	const bx = BigInt(Math.round(x.b));
	const by = BigInt(Math.round(y.b));
	const lhs = (BigInt(Math.round(x.a)) - bx) * by;
	const rhs = (BigInt(Math.round(y.a)) - by) * bx;
	return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}
