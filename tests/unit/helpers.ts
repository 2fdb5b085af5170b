import type { SalesColumns } from '../../src/lib/engine/types';

/** Builds sales columns from simple records with amounts in whole minor units at `scale`. */
export function columnsOf(rows: { key: string; amount: number; day?: number }[], scale = 0): SalesColumns {
	const keys: string[] = [];
	const index = new Map<string, number>();
	const customer = new Int32Array(rows.length);
	const amount = new Float64Array(rows.length);
	rows.forEach((r, i) => {
		let c = index.get(r.key);
		if (c === undefined) {
			c = keys.length;
			keys.push(r.key);
			index.set(r.key, c);
		}
		customer[i] = c;
		amount[i] = r.amount;
	});
	return {
		rowCount: rows.length,
		customerKeys: keys,
		customerNames: [...keys],
		customer,
		amount,
		amountScale: scale,
		quantityScale: 0,
		profitScale: 0
	};
}
