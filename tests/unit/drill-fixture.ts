/** Small hand-worked datasets with dimensions and managers, for the filter and drill tests. */
import { daysFromCivil, NO_DAY } from '../../src/lib/core/calendar';
import type { DimensionColumn, SalesColumns } from '../../src/lib/engine/types';

export interface DrillRow {
	key: string;
	amount: number;
	day?: number | null;
	quantity?: number;
	profit?: number;
	order?: number;
	region?: string;
	category?: string;
	/** the row's discount fraction (SalesColumns.discount); rows without it are NaN */
	discount?: number;
}

export const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);

/**
 * Sales columns from row records, built without the engine: customers and dimension values in
 * first-seen order (unless `keys` / `dimensionValues` fix the dictionaries), optional columns only
 * when some row has them (or `allColumns`), `managers` by customer key (absent = no manager).
 */
export function build(
	rows: DrillRow[],
	opts: {
		managers?: Record<string, string>;
		keys?: string[];
		dimensionValues?: { region: string[]; category: string[] };
		managerNames?: string[];
		/** quantity, profit, date and order columns even when no row has them */
		allColumns?: boolean;
	} = {}
): SalesColumns {
	const keys = opts.keys ? [...opts.keys] : [];
	const index = new Map(keys.map((k, i) => [k, i]));
	const customer = Int32Array.from(rows, (r) => {
		let c = index.get(r.key);
		if (c === undefined) {
			c = keys.length;
			keys.push(r.key);
			index.set(r.key, c);
		}
		return c;
	});
	const data: SalesColumns = {
		rowCount: rows.length,
		customerKeys: keys,
		customerNames: keys.map((k) => `Name ${k}`),
		customer,
		amount: Float64Array.from(rows, (r) => r.amount),
		amountScale: 0,
		quantityScale: 0,
		profitScale: 0
	};
	if (opts.allColumns || rows.some((r) => r.quantity !== undefined))
		data.quantity = Float64Array.from(rows, (r) => r.quantity ?? 0);
	if (opts.allColumns || rows.some((r) => r.profit !== undefined))
		data.profit = Float64Array.from(rows, (r) => r.profit ?? 0);
	if (opts.allColumns || rows.some((r) => r.day !== undefined))
		data.date = Int32Array.from(rows, (r) => r.day ?? NO_DAY);
	if (opts.allColumns || rows.some((r) => r.order !== undefined))
		data.order = Float64Array.from(rows, (r) => r.order ?? -1);
	if (rows.some((r) => r.discount !== undefined)) data.discount = Float64Array.from(rows, (r) => r.discount ?? NaN);
	if (opts.managers) {
		const names = opts.managerNames ? [...opts.managerNames] : [];
		for (const m of Object.values(opts.managers)) if (!names.includes(m)) names.push(m);
		data.managers = names;
		data.customerManager = Int32Array.from(keys, (k) => (k in opts.managers! ? names.indexOf(opts.managers![k]) : -1));
	}
	const dimension = (name: string, field: 'region' | 'category', fixed?: string[]): DimensionColumn => {
		const values = fixed ? [...fixed] : [];
		const codes = Uint16Array.from(rows, (r) => {
			const v = r[field] ?? '';
			let code = values.indexOf(v);
			if (code < 0) code = values.push(v) - 1;
			return code;
		});
		return { name, values, codes };
	};
	data.dimensions = [
		dimension('Region', 'region', opts.dimensionValues?.region),
		dimension('Category', 'category', opts.dimensionValues?.category)
	];
	return data;
}

/**
 * Six customers, two regions (and one row without), two categories; managers Ann (A, B, F), Bob
 * (C, D), none (E). Totals (revenue, net): A 600, B 320, C 250, D 150, E 80, F −20 (a return of 30
 * against a sale of 10); share base 1400.
 */
export const SIX: DrillRow[] = [
	{ key: 'A', amount: 500, region: 'North', category: 'Tools' },
	{ key: 'A', amount: 100, region: 'South', category: 'Food' },
	{ key: 'B', amount: 300, region: 'North', category: 'Food' },
	{ key: 'C', amount: 200, region: 'South', category: 'Tools' },
	{ key: 'C', amount: 50, region: 'North', category: 'Tools' },
	{ key: 'D', amount: 150, region: 'South', category: 'Food' },
	{ key: 'E', amount: 80, region: 'North', category: 'Food' },
	{ key: 'F', amount: -30, region: 'South', category: 'Tools' },
	{ key: 'F', amount: 10, region: 'South', category: 'Food' },
	{ key: 'B', amount: 20, category: 'Tools' }
];

export const SIX_MANAGERS = { A: 'Ann', B: 'Ann', C: 'Bob', D: 'Bob', F: 'Ann' };

export const six = () => build(SIX, { managers: SIX_MANAGERS });
