import { classify } from './abc';
import { aggregate, availableMetrics } from './aggregate';
import type { ClassifySettings, Metric, SalesColumns } from './types';

/** How much the top lists of two metrics overlap (README "The rules: Compare metrics"). */
export interface MetricComparison {
	a: Metric;
	b: Metric;
	/** first class of the classification by metric a, in a's rank order */
	topA: number[];
	/** first class of the classification by metric b, in b's rank order */
	topB: number[];
	/** in both top lists, in a's rank order */
	both: number[];
	/** in a's top list only, in a's rank order */
	onlyA: number[];
	/** in b's top list only, in b's rank order */
	onlyB: number[];
	/** |both| / |topA|; 0 when topA is empty */
	overlapShareOfA: number;
	/** |both| / |topB|; 0 when topB is empty */
	overlapShareOfB: number;
	/** |both| / |topA ∪ topB|; 0 when both are empty */
	jaccard: number;
}

const MISSING: Partial<Record<Metric, string>> = {
	units: 'The dataset has no quantity column: the units metric is unavailable.',
	profit: 'The dataset has no profit column: the profit metric is unavailable.'
};

/**
 * Classifies the data by metric a and by metric b with otherwise the same settings (classes,
 * basis, period, returns) and compares the first classes.
 */
export function compareMetrics(data: SalesColumns, settings: ClassifySettings, a: Metric, b: Metric): MetricComparison {
	const available = availableMetrics(data);
	for (const m of [a, b]) {
		if (!available.includes(m)) throw new Error(MISSING[m] ?? `The metric ${m} is unavailable for this dataset.`);
	}
	const topOf = (metric: Metric): number[] => {
		const s: ClassifySettings = { ...settings, metric };
		const c = classify(aggregate(data, s), data.customerKeys, s);
		const top: number[] = [];
		for (let r = 0; r < c.rankOrder.length; r++) if (c.classIndex[r] === 0) top.push(c.rankOrder[r]);
		return top;
	};
	const topA = topOf(a);
	const topB = a === b ? topA.slice() : topOf(b);
	const inA = new Set(topA);
	const inB = new Set(topB);
	const both = topA.filter((c) => inB.has(c));
	const onlyA = topA.filter((c) => !inB.has(c));
	const onlyB = topB.filter((c) => !inA.has(c));
	const union = topA.length + onlyB.length;
	return {
		a,
		b,
		topA,
		topB,
		both,
		onlyA,
		onlyB,
		overlapShareOfA: topA.length > 0 ? both.length / topA.length : 0,
		overlapShareOfB: topB.length > 0 ? both.length / topB.length : 0,
		jaccard: union > 0 ? both.length / union : 0
	};
}
