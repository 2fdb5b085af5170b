/**
 * The part of a classification that the classes do not change (README "The rules: Ranking",
 * "Concentration"): the order of the customers, their values and shares, the key customers and the
 * concentration figures. A preset switch keeps it and only draws the class bounds again (abc.ts).
 */
import { concentrationOf } from './concentration';
import { compareShare, toPpm } from './share';
import type { ClassifySettings, Concentration, CustomerTotals } from './types';

/**
 * The ranking of `totals`: positions into `totals.customers` / `totals.totals`, descending total,
 * ties by customer key (`customerKeys[totals.customers[i]]`) in code-unit order.
 */
export function rankOrder(totals: CustomerTotals, customerKeys: readonly string[]): Int32Array {
	const n = totals.customers.length;
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
	return idx;
}

/** Ranked totals: everything of a Classification but the classes, per rank r (0-based). */
export interface Ranked {
	totals: CustomerTotals;
	/** positions into `totals` in rank order (`rankOrder`) */
	idx: Int32Array;
	/** 10^scale: minor units per value unit */
	unit: number;
	/** sum of the positive totals, minor units: the share base */
	positiveTotal: number;
	/** sum of every total, minor units */
	netTotal: number;
	/** customer index at each rank */
	rankOrder: Int32Array;
	/** total at each rank, value units */
	value: Float64Array;
	/** fraction of the share base at each rank (negative for a negative total, 0 without a base) */
	share: Float64Array;
	/** cumulative share of the positive totals up to and including each rank */
	cumShare: Float64Array;
	/** 1 for a key customer (share ≥ `keyShare`, exact), else 0 */
	isKeyCustomer: Uint8Array;
	concentration: Concentration;
	/** the settings it was made with */
	keyShare: number;
	monoShare: number;
}

/**
 * Ranks `totals` (`idx`: their `rankOrder`, computed when not given; only read). Shares are of the
 * sum of positive totals, so the curve ends at exactly 100 %; zero and negative totals rank last.
 */
export function rankedOf(
	totals: CustomerTotals,
	customerKeys: readonly string[],
	settings: Pick<ClassifySettings, 'keyShare' | 'monoShare'>,
	idx: Int32Array = rankOrder(totals, customerKeys)
): Ranked {
	const n = totals.customers.length;
	const t = totals.totals;
	let T = 0;
	for (let i = 0; i < n; i++) if (t[i] > 0) T += t[i];
	let outSum = 0;
	const unit = 10 ** totals.scale;
	const order = new Int32Array(n);
	const value = new Float64Array(n);
	const share = new Float64Array(n);
	const cumShare = new Float64Array(n);
	const isKeyCustomer = new Uint8Array(n);
	const keyPpm = toPpm(settings.keyShare);
	let cumAbove = 0;
	for (let r = 0; r < n; r++) {
		const i = idx[r];
		const v = t[i];
		order[r] = totals.customers[i];
		value[r] = v / unit;
		if (v > 0 && T > 0) {
			isKeyCustomer[r] = compareShare(v, T, keyPpm) >= 0 ? 1 : 0;
			cumAbove += v;
			share[r] = v / T;
		} else {
			share[r] = T > 0 ? v / T : 0;
			outSum += v;
		}
		cumShare[r] = T > 0 ? cumAbove / T : 0;
	}
	return {
		totals,
		idx,
		unit,
		positiveTotal: T,
		netTotal: T + outSum,
		rankOrder: order,
		value,
		share,
		cumShare,
		isKeyCustomer,
		concentration: concentrationOf(t, idx, T, unit, settings),
		keyShare: settings.keyShare,
		monoShare: settings.monoShare
	};
}
