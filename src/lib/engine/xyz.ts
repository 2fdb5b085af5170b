import type { AggregateOptions } from './aggregate';
import { monthlyTotals, type MonthlyTotals } from './monthly';
import { toPpm } from './share';
import type { Classification, SalesColumns } from './types';

/** 'auto': the thresholds are the terciles of the customers' CVs (`tercileThresholds`); 'manual': `xMax`/`yMax`. */
export type XyzMode = 'auto' | 'manual';

export interface XyzSettings {
	/**
	 * Absent in settings saved and links shared before the modes existed: `xyzMode` reads such a
	 * value as 'auto' when its thresholds are the old default (10 % / 25 %), else as 'manual'.
	 */
	mode?: XyzMode;
	/** manual mode: CV up to this (inclusive) is X (auto mode keeps it but does not use it) */
	xMax: number;
	/** up to this (inclusive) is Y; above is Z */
	yMax: number;
	/** true: a month with no purchase counts as 0; false: only months with activity count */
	zeroFill: boolean;
}

const PPM = 1_000_000;

/** The fixed thresholds of earlier versions, kept as the manual values and the auto fallback. */
export const FIXED_XYZ = { xMax: 0.1, yMax: 0.25 } as const;

export const DEFAULT_XYZ: XyzSettings = { mode: 'auto', ...FIXED_XYZ, zeroFill: true };

/** The mode of `s`; a value without one (earlier versions) is auto exactly when it holds the old default thresholds. */
export function xyzMode(s: Pick<XyzSettings, 'mode' | 'xMax' | 'yMax'>): XyzMode {
	if (s.mode === 'auto' || s.mode === 'manual') return s.mode;
	return s.xMax === FIXED_XYZ.xMax && s.yMax === FIXED_XYZ.yMax ? 'auto' : 'manual';
}

/**
 * Where the thresholds in use came from: 'data' (terciles), 'manual' (the user's), 'fallback'
 * (auto mode with fewer than 3 customers of finite CV: the fixed `FIXED_XYZ`).
 */
export type XyzThresholdSource = 'data' | 'manual' | 'fallback';

export interface XyzThresholds {
	xMax: number;
	yMax: number;
	source: XyzThresholdSource;
}

/**
 * The data-based thresholds: the lower and upper terciles of the finite CVs `cvs` (customers with
 * at least two months counted and a positive total; Infinity entries are skipped, they are Z
 * whatever the thresholds). With the n finite CVs sorted ascending c₁ ≤ … ≤ cₙ, the quantile of
 * level p is the inverse of the empirical distribution function (Hyndman–Fan type 1),
 * q(p) = c_⌈p·n⌉, so xMax = c_⌈n/3⌉ and yMax = c_⌈2n/3⌉, each rounded *up* to a millionth
 * (the precision of the exact test) so that the customer the threshold comes from stays below it.
 * As the bounds are inclusive, customers tied at a threshold all go to the lower class: with
 * distinct CVs X gets ⌈n/3⌉ customers, Y ⌈2n/3⌉ − ⌈n/3⌉ and Z the rest; ties can only enlarge X
 * (then Y). Null when n < 3: terciles of one or two values say nothing.
 */
export function tercileThresholds(cvs: Iterable<number>): { xMax: number; yMax: number } | null {
	const finite = [...cvs].filter(Number.isFinite).sort((a, b) => a - b);
	const n = finite.length;
	if (n < 3) return null;
	const up = (v: number) => Math.max(0, Math.ceil(v * PPM - 1e-6)) / PPM;
	return { xMax: up(finite[Math.ceil(n / 3) - 1]), yMax: up(finite[Math.ceil((2 * n) / 3) - 1]) };
}

/** The customers the page lists per ABC×XYZ cell (`XyzView.cells`), by value. */
export const XYZ_CELL_LIMIT = 200;

export type XyzClass = 'X' | 'Y' | 'Z';
export const XYZ_CLASSES: readonly XyzClass[] = ['X', 'Y', 'Z'];

export interface XyzResult {
	/** every calendar month from the first to the last dated row in scope */
	months: number[];
	/** customer index → coefficient of variation (population std / mean); Infinity for the Z-by-rule cases */
	cv: Map<number, number>;
	xyz: Map<number, XyzClass>;
	/** one cell per (class of the classification) × (X, Y, Z), all present, class-major */
	matrix: { classIndex: number; xyz: XyzClass; customers: number; value: number }[];
	/** the thresholds the classes were drawn with */
	thresholds: XyzThresholds;
	/** customers with a finite cv (at least two months counted and a positive total) */
	measured: number;
}

const REL = 1e-9;

/**
 * Exact test of cv ≤ bound for the month values: with k months, sum S and sum of squares Q,
 * cv² = (kQ − S²) / S², so cv ≤ p/10^6 ⇔ (kQ − S²)·10^12 ≤ p²·S² (S > 0), in BigInt.
 */
function cvAtMost(values: number[], ppm: number): boolean {
	let S = 0n;
	let Q = 0n;
	for (const v of values) {
		const b = BigInt(v);
		S += b;
		Q += b * b;
	}
	const k = BigInt(values.length);
	const p = BigInt(ppm);
	return (k * Q - S * S) * 1_000_000_000_000n <= p * p * S * S;
}

function classOf(values: number[], cv: number, s: XyzThresholds, xPpm: number, yPpm: number): XyzClass {
	if (atMost(values, cv, s.xMax, xPpm)) return 'X';
	if (atMost(values, cv, s.yMax, yPpm)) return 'Y';
	return 'Z';
}

/** Float test, with an exact recheck when the float cv is within rounding noise of the bound. */
function atMost(values: number[], cv: number, bound: number, ppm: number): boolean {
	if (Math.abs(cv - bound) > REL * Math.max(1, bound)) return cv < bound;
	return cvAtMost(values, ppm);
}

/**
 * ABC×XYZ: XYZ by the coefficient of variation of each customer's monthly metric over the period
 * (every calendar month from the first to the last dated row in scope). A mean ≤ 0 or fewer than
 * two months counted is Z with cv = Infinity. Each customer of the classification gets a class.
 * The thresholds: in auto mode (`xyzMode`) the terciles of the finite CVs of the classified
 * customers (`tercileThresholds`), falling back to `FIXED_XYZ` below 3 such customers; in
 * manual mode `s.xMax`/`s.yMax`. `m`: the monthly totals of `data` under `opts`, when the caller has them already.
 */
export function classifyXyz(
	data: SalesColumns,
	opts: AggregateOptions,
	classification: Classification,
	s: XyzSettings,
	m: MonthlyTotals = monthlyTotals(data, opts)
): XyzResult {
	const M = m.months.length;
	// the row of each customer in the monthly totals, -1 for none
	const slot = new Int32Array(data.customerKeys.length).fill(-1);
	for (let i = 0; i < m.customers.length; i++) slot[m.customers[i]] = i;
	const classes = classification.settings.classes.length;
	const n = classification.rankOrder.length;
	// each customer's counted month values (rank order) and cv
	const series: number[][] = new Array(n);
	const cvs = new Float64Array(n);
	let measured = 0;
	for (let r = 0; r < n; r++) {
		const c = classification.rankOrder[r];
		const i = slot[c];
		const values: number[] = [];
		if (i >= 0) {
			for (let j = 0; j < M; j++) {
				if (s.zeroFill || m.active[i * M + j]) values.push(m.values[i * M + j]);
			}
		}
		let sum = 0;
		for (const v of values) sum += v;
		let cv = Infinity;
		if (values.length >= 2 && sum > 0) {
			const mean = sum / values.length;
			let sq = 0;
			for (const v of values) sq += (v - mean) * (v - mean);
			cv = Math.sqrt(sq / values.length) / mean;
			measured++;
		}
		series[r] = values;
		cvs[r] = cv;
	}

	let thresholds: XyzThresholds = { xMax: s.xMax, yMax: s.yMax, source: 'manual' };
	if (xyzMode(s) === 'auto') {
		const t = tercileThresholds(cvs);
		thresholds = t ? { ...t, source: 'data' } : { ...FIXED_XYZ, source: 'fallback' };
	}
	const xPpm = toPpm(thresholds.xMax);
	const yPpm = toPpm(thresholds.yMax);

	const cvMap = new Map<number, number>();
	const xyz = new Map<number, XyzClass>();
	const cellCustomers = new Array<number>(classes * 3).fill(0);
	const cellValue = new Array<number>(classes * 3).fill(0);
	for (let r = 0; r < n; r++) {
		const c = classification.rankOrder[r];
		const cv = cvs[r];
		const cls: XyzClass = Number.isFinite(cv) ? classOf(series[r], cv, thresholds, xPpm, yPpm) : 'Z';
		cvMap.set(c, cv);
		xyz.set(c, cls);
		const cell = classification.classIndex[r] * 3 + XYZ_CLASSES.indexOf(cls);
		cellCustomers[cell]++;
		cellValue[cell] += classification.value[r];
	}

	const matrix: XyzResult['matrix'] = [];
	for (let k = 0; k < classes; k++) {
		for (let x = 0; x < 3; x++) {
			matrix.push({
				classIndex: k,
				xyz: XYZ_CLASSES[x],
				customers: cellCustomers[k * 3 + x],
				value: cellValue[k * 3 + x]
			});
		}
	}
	return { months: m.months, cv: cvMap, xyz, matrix, thresholds, measured };
}
