import { concentrationOf } from './concentration';
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
 */
export function classify(
	totals: CustomerTotals,
	customerKeys: readonly string[],
	settings: ClassifySettings
): Classification {
	const n = totals.customers.length;
	const classes = settings.classes;
	const lowest = classes.length - 1;
	const idx = new Int32Array(n);
	for (let i = 0; i < n; i++) idx[i] = i;
	const t = totals.totals;
	const keyOf = (i: number) => customerKeys[totals.customers[i]];
	idx.sort((a, b) => {
		const d = t[b] - t[a];
		if (d !== 0) return d;
		const ka = keyOf(a);
		const kb = keyOf(b);
		return ka < kb ? -1 : ka > kb ? 1 : 0;
	});

	let T = 0;
	for (let i = 0; i < n; i++) if (t[i] > 0) T += t[i];

	const unit = 10 ** totals.scale;
	const rankOrder = new Int32Array(n);
	const value = new Float64Array(n);
	const share = new Float64Array(n);
	const cumShare = new Float64Array(n);
	const classIndex = new Uint8Array(n);
	const isKeyCustomer = new Uint8Array(n);
	const bounds = classes.map((c) => toPpm(c.upTo));
	const keyPpm = toPpm(settings.keyShare);
	const byCount = settings.basis === 'count';

	let cumAbove = 0;
	let cls = 0;
	for (let r = 0; r < n; r++) {
		const i = idx[r];
		const v = t[i];
		rankOrder[r] = totals.customers[i];
		value[r] = v / unit;
		if (v > 0 && T > 0) {
			if (byCount) while (cls < lowest && compareShare(r, n, bounds[cls]) >= 0) cls++;
			else while (cls < lowest && compareShare(cumAbove, T, bounds[cls]) >= 0) cls++;
			classIndex[r] = cls;
			isKeyCustomer[r] = compareShare(v, T, keyPpm) >= 0 ? 1 : 0;
			cumAbove += v;
			share[r] = v / T;
		} else {
			classIndex[r] = lowest;
			share[r] = T > 0 ? v / T : 0;
		}
		cumShare[r] = T > 0 ? cumAbove / T : 0;
	}

	const { segments, nonPositive, net } = segmentsOf(classes, classIndex, t, idx, T, unit);
	const concentration = concentrationOf(t, idx, T, unit, settings);
	return {
		settings,
		scale: totals.scale,
		rankOrder,
		value,
		share,
		cumShare,
		classIndex,
		isKeyCustomer,
		total: T / unit,
		netTotal: net / unit,
		segments,
		nonPositive,
		concentration
	};
}

/**
 * The segment table (README "Choices where the specification is silent: Segment totals"): each class
 * counts and sums only its customers with a positive total, so the class sums add up to the share base
 * `T` and their value shares to 1; customers with a total ≤ 0 form `nonPositive`. Sums are taken over
 * the exact integer totals `t` (minor units) and divided by `unit` once; `net` is the sum of all totals
 * in minor units. Customer shares are of all customers, so classes + `nonPositive` make 1.
 */
function segmentsOf(
	classes: readonly ClassDef[],
	classIndex: Uint8Array,
	t: Float64Array,
	idx: Int32Array,
	T: number,
	unit: number
): { segments: SegmentRow[]; nonPositive: NonPositiveRow; net: number } {
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
		nonPositive: row(outCount, outSum),
		net: T + outSum
	};
}
