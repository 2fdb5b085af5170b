/**
 * The sentences of the customer page (README "Dimensions and filters"): why a customer is in its
 * class, and a calendar quarter's name.
 */
import type { ClassWhy } from '../engine/drill-types';
import type { ClassDef, Metric } from '../engine/types';
import { i18n, t } from '../i18n/index.svelte';
import { className, metricName } from './format';

/**
 * "A: the customers ranked above it make 71.3 % of revenue — under A's bound (80 %)." The bound of
 * the class above is named too when there is one (README "The rules: Classes by cumulative share").
 */
export function whyText(why: ClassWhy, classes: readonly ClassDef[], classIndex: number, metric: Metric): string {
	const cls = className(classes[classIndex]?.name ?? '');
	if (why.nonPositive) return t('why.nonPositive', { cls });
	// the first customer: nobody ranks above it
	if (classIndex === 0 && why.before === 0) return t('why.top', { cls });
	const upper = classIndex > 0 ? className(classes[classIndex - 1].name) : '';
	const params = {
		cls,
		upper,
		before: i18n.percent(why.before, 1),
		upTo: i18n.percent(why.upTo, 0),
		previousUpTo: why.previousUpTo === null ? '' : i18n.percent(why.previousUpTo, 0),
		metric: metricName(metric).toLocaleLowerCase(i18n.locale)
	};
	const last = classIndex === classes.length - 1 && why.previousUpTo !== null;
	if (why.basis === 'count')
		return t(why.previousUpTo === null ? 'why.countFirst' : last ? 'why.countLast' : 'why.count', params);
	if (last) return t('why.valueLast', params);
	return t(why.previousUpTo === null ? 'why.valueFirst' : 'why.value', params);
}

/**
 * The "why" of a customer table row: the cumulative share before it is its cumulative share less
 * its own; for classes by count, the share of customers ranked above it.
 */
export function rowWhy(
	row: { rank: number; value: number; share: number; cumShare: number; classIndex: number },
	classes: readonly ClassDef[],
	basis: 'value' | 'count',
	customerCount: number
): ClassWhy {
	const before =
		basis === 'count' ? (customerCount > 0 ? (row.rank - 1) / customerCount : 0) : row.cumShare - row.share;
	return {
		basis,
		before: Math.max(0, before),
		upTo: classes[row.classIndex]?.upTo ?? 1,
		previousUpTo: row.classIndex > 0 ? (classes[row.classIndex - 1]?.upTo ?? null) : null,
		nonPositive: row.value <= 0
	};
}

/** '2025-10-01' → "Q4 2025" in the UI language; `short` for tight grids ("4 кв. 2025", "T4 2025"). */
export function quarterName(isoFrom: string, short = false): string {
	const q = Math.floor((Number(isoFrom.slice(5, 7)) - 1) / 3) + 1;
	return t(short ? 'cust.quarter' : 'mig.quarter', { q, year: isoFrom.slice(0, 4) });
}
