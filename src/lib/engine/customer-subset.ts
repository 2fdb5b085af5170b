/**
 * A customer-level subset of a dataset (README "Dimensions and filters": the manager condition keeps
 * every row of a customer or none): its per-customer totals and ranking follow from the whole
 * dataset's without reading a row, since each kept customer keeps every row it had.
 */
import type { CustomerTotals } from './types';

/**
 * The totals of the customers `keep` marks (`keep[customer] === 1`), in the whole totals' order
 * (ascending customer index): what `aggregate` gives on the rows of those customers alone, under the
 * same settings.
 */
export function totalsOfCustomers(whole: CustomerTotals, keep: Uint8Array): CustomerTotals {
	let count = 0;
	for (let i = 0; i < whole.customers.length; i++) count += keep[whole.customers[i]];
	const customers = new Int32Array(count);
	const totals = new Float64Array(count);
	for (let i = 0, j = 0; i < whole.customers.length; i++) {
		const c = whole.customers[i];
		if (!keep[c]) continue;
		customers[j] = c;
		totals[j] = whole.totals[i];
		j++;
	}
	return { customers, totals, scale: whole.scale, approximate: whole.approximate };
}

/**
 * The ranking (ranking.ts `rankOrder`: positions, descending total, ties by key) of
 * `totalsOfCustomers(whole, keep)`, from the whole totals' ranking `order`: the same order with the
 * other customers left out, so no sorting.
 */
export function rankingOfCustomers(whole: CustomerTotals, order: Int32Array, keep: Uint8Array): Int32Array {
	// position of each whole entry among the kept ones (-1: left out)
	const at = new Int32Array(whole.customers.length);
	let count = 0;
	for (let i = 0; i < at.length; i++) at[i] = keep[whole.customers[i]] ? count++ : -1;
	const out = new Int32Array(count);
	for (let r = 0, j = 0; r < order.length; r++) {
		const p = at[order[r]];
		if (p >= 0) out[j++] = p;
	}
	return out;
}
