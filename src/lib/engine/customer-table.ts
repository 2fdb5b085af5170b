import type { ReeseType } from './reese';
import type { Classification } from './types';

export type CustomerSort = 'rank' | 'key' | 'name' | 'value' | 'class';

export interface CustomerQuery {
	sort: CustomerSort;
	descending: boolean;
	search: string;
	/** class index to show only, or -1 for all */
	classIndex: number;
	/**
	 * a drill-down's customers only (a chart point, a matrix cell, "top 5"; README "Dimensions and
	 * filters"): their keys, or the first `rankTo` ranks; absent = every customer
	 */
	only?: { keys?: string[]; rankTo?: number };
	offset: number;
	limit: number;
}

export interface CustomerRow {
	rank: number;
	key: string;
	name: string;
	value: number;
	share: number;
	cumShare: number;
	classIndex: number;
	isKey: boolean;
	/** Reese's type (README "The rules: Reese's four customer types"), when the data has discounts */
	reeseType?: ReeseType;
}

export interface CustomerPage {
	rows: CustomerRow[];
	/** rows matching the search and class filter */
	matching: number;
}

/** Lower-cased "key name" per customer, built once per dataset for search. */
export function buildSearchIndex(keys: readonly string[], names: readonly string[]): string[] {
	return keys.map((k, i) => (names[i] === k ? k : `${k}\u0000${names[i]}`).toLocaleLowerCase());
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Rank positions matching the search and class filter, in the requested order. Ranks are
 * positions in the classification; sorting permutes them, so the page gets only a few rows.
 */
export function matchingRanks(
	c: Classification,
	keys: readonly string[],
	names: readonly string[],
	searchIndex: readonly string[],
	q: Omit<CustomerQuery, 'offset' | 'limit'>
): number[] {
	const n = c.rankOrder.length;
	const needle = q.search.trim().toLocaleLowerCase();
	const onlyKeys = q.only?.keys ? new Set(q.only.keys) : null;
	const last = Math.min(n, q.only?.rankTo ?? n);
	let ranks: number[] = [];
	for (let r = 0; r < last; r++) {
		if (q.classIndex >= 0 && c.classIndex[r] !== q.classIndex) continue;
		if (onlyKeys && !onlyKeys.has(keys[c.rankOrder[r]])) continue;
		if (needle && !searchIndex[c.rankOrder[r]].includes(needle)) continue;
		ranks.push(r);
	}
	const dir = q.descending ? -1 : 1;
	if (q.sort !== 'rank') {
		const cmp: Record<Exclude<CustomerSort, 'rank'>, (a: number, b: number) => number> = {
			key: (a, b) => collator.compare(keys[c.rankOrder[a]], keys[c.rankOrder[b]]),
			name: (a, b) => collator.compare(names[c.rankOrder[a]], names[c.rankOrder[b]]),
			value: (a, b) => c.value[a] - c.value[b],
			class: (a, b) => c.classIndex[a] - c.classIndex[b]
		};
		const f = cmp[q.sort];
		ranks.sort((a, b) => f(a, b) * dir || a - b);
	} else if (q.descending) {
		ranks = ranks.reverse();
	}
	return ranks;
}

export function pageOf(
	c: Classification,
	keys: readonly string[],
	names: readonly string[],
	ranks: readonly number[],
	offset: number,
	limit: number
): CustomerPage {
	const rows = ranks.slice(offset, offset + limit).map((r) => {
		const i = c.rankOrder[r];
		return {
			rank: r + 1,
			key: keys[i],
			name: names[i],
			value: c.value[r],
			share: c.share[r],
			cumShare: c.cumShare[r],
			classIndex: c.classIndex[r],
			isKey: c.isKeyCustomer[r] === 1
		};
	});
	return { rows, matching: ranks.length };
}

export function queryCustomers(
	c: Classification,
	keys: readonly string[],
	names: readonly string[],
	searchIndex: readonly string[],
	q: CustomerQuery
): CustomerPage {
	return pageOf(c, keys, names, matchingRanks(c, keys, names, searchIndex, q), q.offset, q.limit);
}
