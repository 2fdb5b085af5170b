import type { ClassifySettings, SalesColumns } from '../../src/lib/engine/types';
import { PRESETS } from '../../src/lib/engine/abc';
import { NO_DAY } from '../../src/lib/core/calendar';

/** The default classification: ABC 80/95/100 on revenue, returns netted, key customer from 10 %, mono-client from 50 %. */
export function abcSettings(over: Partial<ClassifySettings> = {}): ClassifySettings {
	return { metric: 'revenue', returns: 'net', classes: [...PRESETS.abc], keyShare: 0.1, monoShare: 0.5, ...over };
}

/** Builds sales columns from simple records with amounts in whole minor units at `scale`. */
export function columnsOf(rows: { key: string; amount: number; day?: number | null }[], scale = 0): SalesColumns {
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

/**
 * Builds sales columns with date, quantity and profit columns. `day` is a day number since
 * 1970-01-01 (missing → no date); missing quantity / profit are 0.
 */
export function salesOf(
	rows: { key: string; amount: number; day?: number; quantity?: number; profit?: number }[],
	scale = 0
): SalesColumns {
	const data = columnsOf(rows, scale);
	data.date = Int32Array.from(rows, (r) => (r.day === undefined ? NO_DAY : r.day));
	data.quantity = Float64Array.from(rows, (r) => r.quantity ?? 0);
	data.profit = Float64Array.from(rows, (r) => r.profit ?? 0);
	return data;
}

/**
 * Sales columns with only the optional columns the rows use (quantity, profit, date), at the
 * given scales; `day: null` is a row without a valid date.
 */
export function salesWith(
	rows: { key: string; amount: number; quantity?: number; profit?: number; day?: number | null }[],
	scales: { amountScale?: number; profitScale?: number } = {}
): SalesColumns {
	const data = columnsOf(rows, scales.amountScale ?? 0);
	if (rows.some((r) => r.quantity !== undefined)) data.quantity = Float64Array.from(rows, (r) => r.quantity ?? 0);
	if (rows.some((r) => r.profit !== undefined)) data.profit = Float64Array.from(rows, (r) => r.profit ?? 0);
	data.profitScale = scales.profitScale ?? 0;
	if (rows.some((r) => r.day !== undefined)) data.date = Int32Array.from(rows, (r) => r.day ?? NO_DAY);
	return data;
}
