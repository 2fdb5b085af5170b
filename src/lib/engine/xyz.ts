import type { AggregateOptions } from './aggregate';
import { monthlyTotals, type MonthlyTotals } from './monthly';
import { toPpm } from './share';
import type { Classification, SalesColumns } from './types';

export interface XyzSettings {
	/** coefficient of variation up to this (inclusive) is X */
	xMax: number;
	/** up to this (inclusive) is Y; above is Z */
	yMax: number;
	/** true: a month with no purchase counts as 0; false: only months with activity count */
	zeroFill: boolean;
}

export const DEFAULT_XYZ: XyzSettings = { xMax: 0.1, yMax: 0.25, zeroFill: true };

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

function classOf(values: number[], cv: number, s: XyzSettings, xPpm: number, yPpm: number): XyzClass {
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
 * `m`: the monthly totals of `data` under `opts`, when the caller has them already.
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
	const xPpm = toPpm(s.xMax);
	const yPpm = toPpm(s.yMax);

	const cvMap = new Map<number, number>();
	const xyz = new Map<number, XyzClass>();
	const classes = classification.settings.classes.length;
	const cellCustomers = new Array<number>(classes * 3).fill(0);
	const cellValue = new Array<number>(classes * 3).fill(0);

	const values: number[] = [];
	for (let r = 0; r < classification.rankOrder.length; r++) {
		const c = classification.rankOrder[r];
		const i = slot[c];
		values.length = 0;
		if (i >= 0) {
			for (let j = 0; j < M; j++) {
				if (s.zeroFill || m.active[i * M + j]) values.push(m.values[i * M + j]);
			}
		}
		let sum = 0;
		for (const v of values) sum += v;
		let cv = Infinity;
		let cls: XyzClass = 'Z';
		if (values.length >= 2 && sum > 0) {
			const mean = sum / values.length;
			let sq = 0;
			for (const v of values) sq += (v - mean) * (v - mean);
			cv = Math.sqrt(sq / values.length) / mean;
			cls = classOf(values, cv, s, xPpm, yPpm);
		}
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
	return { months: m.months, cv: cvMap, xyz, matrix };
}
