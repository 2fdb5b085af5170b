import { compareShare, toPpm } from './share';
import type { ClassifySettings, Concentration } from './types';

/**
 * Concentration figures (README "The rules: Concentration") from totals (exact integers) visited in rank order.
 * Zero and negative totals count as customers with nothing, so Gini and HHI stay in range.
 */
export function concentrationOf(
	totals: Float64Array,
	rankOrder: Int32Array,
	positiveTotal: number,
	unit: number,
	settings: Pick<ClassifySettings, 'keyShare' | 'monoShare'>
): Concentration {
	const n = rankOrder.length;
	const T = positiveTotal;
	const pos = (r: number) => Math.max(0, totals[rankOrder[r]]);
	const keyPpm = toPpm(settings.keyShare);
	const monoPpm = toPpm(settings.monoShare);
	const eightyPpm = toPpm(0.8);
	const top20Count = Math.ceil(0.2 * n);

	let keyCustomers = 0;
	let top5 = 0;
	let top20 = 0;
	let customersFor80 = 0;
	let cumAbove = 0;
	let hhi = 0;
	let weighted = 0; // Σ ascendingRank · x for Gini
	for (let r = 0; r < n; r++) {
		const x = pos(r);
		if (T > 0 && x > 0) {
			if (compareShare(x, T, keyPpm) >= 0) keyCustomers++;
			if (compareShare(cumAbove, T, eightyPpm) < 0) customersFor80++;
			const s = (100 * x) / T;
			hhi += s * s;
		}
		if (r < 5) top5 += x;
		if (r < top20Count) top20 += x;
		weighted += (n - r) * x;
		cumAbove += x;
	}
	const top1 = n > 0 ? pos(0) : 0;
	const gini = n > 0 && T > 0 ? (2 * weighted) / (n * T) - (n + 1) / n : 0;
	return {
		customerCount: n,
		total: T / unit,
		keyCustomers,
		monoClient: T > 0 && n > 0 && compareShare(top1, T, monoPpm) >= 0,
		top1Share: T > 0 ? top1 / T : 0,
		top5Share: T > 0 ? top5 / T : 0,
		top20PctShare: T > 0 ? top20 / T : 0,
		customersFor80,
		customersFor80Share: n > 0 ? customersFor80 / n : 0,
		gini,
		hhi
	};
}
