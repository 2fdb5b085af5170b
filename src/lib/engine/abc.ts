import { rankedOf, type Ranked } from './ranking';
import { compareShare, toPpm } from './share';
import type {
	ClassBasis,
	ClassDef,
	Classification,
	ClassifySettings,
	CustomerTotals,
	NonPositiveRow,
	SegmentRow
} from './types';

/** Presets (README "The rules: Presets and classes by count"); bounds are the upper limits of the cumulative share before a customer. */
export const PRESETS = {
	abc: [
		{ name: 'A', upTo: 0.8 },
		{ name: 'B', upTo: 0.95 },
		{ name: 'C', upTo: 1 }
	],
	gsb: [
		{ name: 'gold', upTo: 0.65 },
		{ name: 'silver', upTo: 0.85 },
		{ name: 'bronze', upTo: 1 }
	],
	abc702010: [
		{ name: 'A', upTo: 0.7 },
		{ name: 'B', upTo: 0.9 },
		{ name: 'C', upTo: 1 }
	],
	abc7590: [
		{ name: 'A', upTo: 0.75 },
		{ name: 'B', upTo: 0.9 },
		{ name: 'C', upTo: 1 }
	],
	rank203050: [
		{ name: 'A', upTo: 0.2 },
		{ name: 'B', upTo: 0.5 },
		{ name: 'C', upTo: 1 }
	]
} as const satisfies Record<string, ClassDef[]>;

export type PresetId = keyof typeof PRESETS;

/** Presets whose bounds are shares of customers by rank, not of the metric. */
export const PRESET_BASIS: Partial<Record<PresetId, ClassBasis>> = { rank203050: 'count' };

/** Validates class bounds: 2–5 classes, strictly increasing, last one at 100 %. */
export function validateClasses(classes: readonly ClassDef[]): string | null {
	if (classes.length < 2 || classes.length > 5) return 'classes-count';
	for (let i = 0; i < classes.length; i++) {
		const up = classes[i].upTo;
		if (!(up > 0 && up <= 1)) return 'classes-range';
		if (i > 0 && !(up > classes[i - 1].upTo)) return 'classes-order';
		if (!classes[i].name.trim()) return 'classes-name';
	}
	if (classes[classes.length - 1].upTo !== 1) return 'classes-last';
	return null;
}

/**
 * Ranks customers and gives each a class (README "The rules: Ranking", "Classes by cumulative share"): descending total, ties by key in
 * code-unit order; a customer is in the first class whose bound exceeds the cumulative share of
 * everyone ranked above it, so the customer crossing a boundary stays in the upper class.
 * Zero and negative totals rank last and always fall in the lowest class.
 * Shares are of the sum of positive totals, so the curve ends at exactly 100 %.
 * `ranked`: the ranking of `totals` under the same key and mono shares (ranking.ts), when the caller
 * has it already; its arrays are shared with the result, never written.
 */
export function classify(
	totals: CustomerTotals,
	customerKeys: readonly string[],
	settings: ClassifySettings,
	ranked: Ranked = rankedOf(totals, customerKeys, settings)
): Classification {
	const { idx, unit, positiveTotal: T } = ranked;
	const n = idx.length;
	const t = totals.totals;
	const classes = settings.classes;
	const lowest = classes.length - 1;
	const classIndex = new Uint8Array(n);
	const bounds = classes.map((c) => toPpm(c.upTo));
	const byCount = settings.basis === 'count';

	let cumAbove = 0;
	let cls = 0;
	for (let r = 0; r < n; r++) {
		const v = t[idx[r]];
		if (v > 0 && T > 0) {
			if (byCount) while (cls < lowest && compareShare(r, n, bounds[cls]) >= 0) cls++;
			else while (cls < lowest && compareShare(cumAbove, T, bounds[cls]) >= 0) cls++;
			classIndex[r] = cls;
			cumAbove += v;
		} else classIndex[r] = lowest;
	}

	const { segments, nonPositive } = segmentsOf(classes, classIndex, t, idx, T, unit);
	return {
		settings,
		scale: totals.scale,
		rankOrder: ranked.rankOrder,
		value: ranked.value,
		share: ranked.share,
		cumShare: ranked.cumShare,
		classIndex,
		isKeyCustomer: ranked.isKeyCustomer,
		total: T / unit,
		netTotal: ranked.netTotal / unit,
		segments,
		nonPositive,
		concentration: ranked.concentration
	};
}

/**
 * The segment table (README "Choices where the specification is silent: Segment totals"): each class
 * counts and sums only its customers with a positive total, so the class sums add up to the share base
 * `T` and their value shares to 1; customers with a total ≤ 0 form `nonPositive`. Sums are taken over
 * the exact integer totals `t` (minor units) and divided by `unit` once. Customer shares are of all customers, so classes + `nonPositive` make 1.
 */
function segmentsOf(
	classes: readonly ClassDef[],
	classIndex: Uint8Array,
	t: Float64Array,
	idx: Int32Array,
	T: number,
	unit: number
): { segments: SegmentRow[]; nonPositive: NonPositiveRow } {
	const n = idx.length;
	const counts = new Array<number>(classes.length).fill(0);
	const sums = new Array<number>(classes.length).fill(0);
	let outCount = 0;
	let outSum = 0;
	for (let r = 0; r < n; r++) {
		const v = t[idx[r]];
		if (v > 0) {
			counts[classIndex[r]]++;
			sums[classIndex[r]] += v;
		} else {
			outCount++;
			outSum += v;
		}
	}
	const row = (count: number, sum: number) => ({
		customers: count,
		customerShare: n > 0 ? count / n : 0,
		value: sum / unit,
		valueShare: T > 0 ? sum / T : 0,
		average: count > 0 ? sum / unit / count : 0
	});
	return {
		segments: classes.map((c, k) => ({ classIndex: k, name: c.name, ...row(counts[k], sums[k]) })),
		nonPositive: row(outCount, outSum)
	};
}
