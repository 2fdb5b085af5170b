/**
 * The "Show as SQL" comparisons, for any database (sql-harness.ts): every setting below is run as
 * SQL and compared customer by customer with the engine (rank, key, exact value, shares, class, key
 * flag, RFM scores and segment when there is a date column, Reese's customer type when there is a
 * discount or list-price column: sql-suite-reese.ts). sql.test.ts runs them in DuckDB
 * (the DuckDB and PostgreSQL forms), sql-postgres.test.ts on a real PostgreSQL server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRESETS } from '../../src/lib/engine/abc';
import { classificationSql, type SqlDialect } from '../../src/lib/engine/sql';
import type { ClassifySettings, RowFilter } from '../../src/lib/engine/types';
import { filterRows } from '../../src/lib/engine/row-filter';
import {
	base,
	day,
	engineRows,
	expectSameAsEngine,
	FIXTURE,
	loadEngine,
	REAL_WORLD,
	SUPERSTORE,
	type Loaded,
	type SqlEngine
} from './sql-harness';
import { describeReeseComparisons } from './sql-suite-reese';

/** The sales_en.csv settings: presets, metrics, returns, periods, count basis, odd class names. */
export const SALES_CASES: [string, ClassifySettings][] = [
	['ABC default', base],
	['gold / silver / bronze, key share 2 %', { ...base, classes: [...PRESETS.gsb], keyShare: 0.02 }],
	['rank-based 20/30/50', { ...base, classes: [...PRESETS.rank203050], basis: 'count' }],
	['returns ignored', { ...base, returns: 'ignore' }],
	['a date range', { ...base, dateFrom: day('2024-03-01'), dateTo: day('2024-06-30') }],
	['only a start date, returns ignored', { ...base, returns: 'ignore', dateFrom: day('2025-07-15') }],
	['units', { ...base, metric: 'units', keyShare: 0.01 }],
	['payments', { ...base, metric: 'payments' }],
	[
		'payments, rank-based, in a period',
		{ ...base, metric: 'payments', classes: [...PRESETS.rank203050], basis: 'count', dateTo: day('2024-02-29') }
	],
	['profit, 70/20/10', { ...base, metric: 'profit', classes: [...PRESETS.abc702010] }],
	[
		'custom classes with odd bounds and a quote in a name',
		{
			...base,
			classes: [
				{ name: "Top 'one'", upTo: 0.333333 },
				{ name: 'two', upTo: 0.6 },
				{ name: 'three', upTo: 0.9 },
				{ name: 'rest', upTo: 1 }
			],
			keyShare: 0.015
		}
	]
];

/**
 * Exact ties, exact boundaries, skipped keys, odd header names. Big 64.1 + "10" 7.95 + "9" 7.95 =
 * exactly 80 % of 100 before W: W is B, not A. X 0.3, Y 0.1 + 0.2 and Z 0.3 (a return by quantity,
 * netted), b and É tie exactly: in floats Y would rank first; by bytes "Z" < "b" < "É" (a
 * case-insensitive or locale collation would differ). "10" sorts before "9". N nets to 0, M is
 * negative: both last, in C. N/A, Total and empty keys are skipped.
 */
export const EDGE_CSV = [
	'"Client ""code""",Net amount,Qty,Doc,Day',
	'Big,64.1,1,d1,2024-01-05',
	'Big,-1.5,-1,d2,2024-01-06',
	'Big,1.5,1,d3,2024-01-07',
	'10,7.95,1,d4,2024-01-08',
	'9,7.95,1,d5,2024-01-09',
	' W ,7.9,1,d6,2024-02-01',
	'V,5.4,2,d7,2024-02-02',
	'U,5.2,1,,2024-02-03',
	'U,0,1,,2024-02-04',
	'Y,0.1,1,d8,2024-02-05',
	'Y,0.2,1,d8,2024-02-06',
	'X,0.3,1,d9,',
	'Z,0.3,-1,d10,2024-03-01',
	'É,0.3,1,d16,2024-02-07',
	'b,0.3,1,d17,2024-02-08',
	'N,5,1,d11,2024-03-02',
	'N,-5,1,d12,2024-03-03',
	'M,-2,1,d13,2024-03-04',
	'N/A,100,1,d14,2024-03-05',
	'Total,500,1,,2024-03-06',
	',100,1,d15,2024-03-07'
].join('\n');

/** A header whose first cell is empty: the customer column has no name (sql-unnamed.test.ts). */
export const UNNAMED_CSV =
	',Date,Product,Qty,Amount\nACME,2024-01-05,x,1,100.50\nBeta,2024-01-06,y,2,20\nACME,2024-02-01,z,1,30\nGamma,2024-02-03,x,5,7.25\nDelta,2024-03-01,y,1,1\n';

/**
 * Orders with a status, a document type and a currency column (README "What an export means"):
 * paid / completed / empty statuses are sales, failed, cancelled and "cancelled by customer" are
 * not, "refunded" is added and taken back; credit notes (written several ways, some already
 * negative) are returns, drafts are not sales; EUR rows are left out (USD is the most frequent).
 */
export function statusCsv(): string {
	let seed = 16;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
	const statuses = [
		'Paid',
		'Paid',
		'Paid',
		'Completed',
		'Completed',
		'',
		'Refunded',
		'Failed',
		'Cancelled',
		'Cancelled by customer'
	];
	const types = [
		'Invoice',
		'Invoice',
		'Invoice',
		'Invoice',
		'Invoice',
		'Invoice',
		'Credit Note',
		'CREDIT-NOTE',
		'credit_note',
		'Draft'
	];
	const currencies = ['USD', 'USD', 'USD', 'USD', 'usd', 'USD', '', 'EUR'];
	const lines = ['Order ID,Client,Date,Doc Type,Status,Currency,Qty,Amount,Profit'];
	for (let i = 0; i < 360; i++) {
		const customer = `K${String(1 + Math.floor(next() ** 2 * 45)).padStart(2, '0')}`;
		const type = pick(types);
		const qty = 1 + Math.floor(next() * 4);
		let amount = Math.round(next() * 40000) / 100;
		if (type !== 'Invoice' && next() < 0.3) amount = -amount;
		const month = 1 + Math.floor(next() * 12);
		const dayOfMonth = 1 + Math.floor(next() * 28);
		const date = `2024-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
		const profit = Math.round(amount * 30) / 100;
		const order = `SO-${1000 + Math.floor(i / (1 + Math.floor(next() * 2)))}`;
		lines.push(
			[order, customer, date, type, pick(statuses), pick(currencies), qty, amount.toFixed(2), profit.toFixed(2)].join(
				','
			)
		);
	}
	return lines.join('\n') + '\n';
}

/** Registers every comparison for `engine`, with the query written in each of `dialects`. */
export function describeSqlComparisons(makeEngine: () => Promise<SqlEngine>, dialects: SqlDialect[]): void {
	let engine: SqlEngine;
	let dir: string;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'paretoscope-sql-'));
		engine = await makeEngine();
		await engine.load('sales', FIXTURE);
	}, 60_000);
	afterAll(async () => {
		await engine?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	}, 30_000);
	const same = (data: Loaded, settings: ClassifySettings, dialect: SqlDialect, table?: string) =>
		expectSameAsEngine(engine, data, settings, dialect, table);
	const file = (name: string, text: string) => {
		const path = join(dir, name);
		writeFileSync(path, text);
		return path;
	};

	describe('sales_en.csv', () => {
		let data: Loaded;
		beforeAll(async () => {
			data = await loadEngine(FIXTURE);
		});
		for (const dialect of dialects) {
			it.each(SALES_CASES)(`${dialect}: %s`, async (_, settings) => {
				await same(data, settings, dialect);
			});
		}

		it('the ABC default puts customers in every class, ties are ranked by key, RFM fills every score', async () => {
			const rows = await same(data, base, dialects[0]);
			expect(new Set(rows.map((r) => r.className))).toEqual(new Set(['A', 'B', 'C']));
			const payments = await same(data, { ...base, metric: 'payments' }, dialects[dialects.length - 1]);
			const tied = payments.filter((r, i) => i > 0 && payments[i - 1].value === r.value);
			expect(tied.length).toBeGreaterThan(50);
			for (const score of ['r', 'f', 'm'] as const)
				expect(new Set(rows.map((r) => r.rfm?.[score])), score).toEqual(new Set([1, 2, 3, 4, 5]));
			expect(new Set(rows.map((r) => r.rfm?.segment)).size).toBeGreaterThan(6);
		});
	});

	it('quantity × unit price (no amount column)', async () => {
		// sales_en.csv without its Sales column
		const lines = readFileSync(FIXTURE, 'utf8').trim().split('\n');
		const out = lines.map((l) => {
			const f = l.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((x) => x.replace(/,$/, ''));
			f.splice(7, 1);
			return f.slice(0, 8).join(',');
		});
		const path = file('qty_price.csv', out.join('\n') + '\n');
		await engine.load('qty_price', path);
		const data = await loadEngine(path);
		expect(data.sql.amount).toBeUndefined();
		expect(data.sql.unitPrice).toBe('Unit Price');
		for (const dialect of dialects) {
			await same(data, base, dialect, 'qty_price');
			await same(data, { ...base, returns: 'ignore', classes: [...PRESETS.gsb] }, dialect, 'qty_price');
			await same(data, { ...base, metric: 'units' }, dialect, 'qty_price');
		}
	});

	describe('edge cases: exact ties, exact boundaries, skipped keys, odd header names', () => {
		const table = 'edge "table"';
		let data: Loaded;
		beforeAll(async () => {
			const path = file('edge.csv', EDGE_CSV + '\n');
			await engine.load(table, path);
			data = await loadEngine(path, (m) => {
				m.customerKey = 0;
				m.amount = 1;
				m.quantity = 2;
				m.orderId = 3;
				m.date = 4;
			});
			expect(data.sql).toMatchObject({
				customerKey: 'Client "code"',
				amount: 'Net amount',
				quantity: 'Qty',
				orderId: 'Doc',
				date: 'Day'
			});
		});

		it.each(dialects)('%s: ranks, classes and key customers as the engine', async (dialect) => {
			const rows = await same(data, { ...base, keyShare: 0.0795 }, dialect, table);
			const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
			expect(rows.map((r) => r.key)).toEqual(['Big', '10', '9', 'W', 'V', 'U', 'X', 'Y', 'Z', 'b', 'É', 'N', 'M']);
			expect(rows.map((r) => r.value)).toEqual(
				[64.1, 7.95, 7.95, 7.9, 5.4, 5.2, 0.3, 0.3, 0.3, 0.3, 0.3, 0, -2].map(
					(v) => BigInt(Math.round(v * 100)) * 10_000_000n
				)
			);
			expect(byKey.W.className).toBe('B');
			expect(byKey['9'].className).toBe('A');
			expect(byKey['9'].keyCustomer).toBe(true);
			expect(byKey.M.className).toBe('C');
			expect(byKey.N.className).toBe('C');
			// no dated row: X has no RFM; Z has only a return, M's row is a return too (negative amount)
			expect(byKey.X.rfm).toBeNull();
			expect(byKey.Z.rfm).toBeNull();
			expect(byKey.M.rfm).toBeNull();
			expect(byKey.Big.rfm).not.toBeNull();
		});

		it.each(dialects)('%s: payments, units, returns ignored, a period', async (dialect) => {
			await same(data, { ...base, metric: 'payments' }, dialect, table);
			await same(data, { ...base, metric: 'payments', returns: 'ignore' }, dialect, table);
			await same(data, { ...base, metric: 'units', classes: [...PRESETS.rank203050], basis: 'count' }, dialect, table);
			await same(data, { ...base, returns: 'ignore', classes: [...PRESETS.gsb] }, dialect, table);
			await same(data, { ...base, dateFrom: day('2024-01-06'), dateTo: day('2024-02-05') }, dialect, table);
		});
	});

	describe('filters (README "Dimensions and filters"): the SQL keeps the rows the filter bar keeps', () => {
		let store: Loaded;
		let sales: Loaded;
		/** the engine on the filtered rows, as the worker computes it */
		const filtered = (data: Loaded, settings: ClassifySettings): Loaded => ({
			...data,
			columns: filterRows(data.columns, settings.filter)
		});
		beforeAll(async () => {
			store = await loadEngine(SUPERSTORE);
			sales = await loadEngine(FIXTURE);
			expect(sales.sql.manager).toBe('Manager');
			await engine.load('superstore', SUPERSTORE);
		});

		for (const dialect of dialects) {
			it(`${dialect}: one region, two regions with the empty value, a region and a category`, async () => {
				const filters: RowFilter[] = [
					{ dimensions: { Region: ['West'] } },
					{ dimensions: { Region: ['East', ''] } },
					{ dimensions: { Region: ['Central'], Category: ['Technology'] } }
				];
				for (const filter of filters) {
					const settings: ClassifySettings = { ...base, filter };
					const rows = await same(filtered(store, settings), settings, dialect, 'superstore');
					// a filter really narrows: fewer customers than the whole file
					expect(rows.length).toBeLessThan(engineRows(store, base).length);
				}
			});

			it(`${dialect}: a manager and a period`, async () => {
				const settings: ClassifySettings = {
					...base,
					dateFrom: day('2024-03-01'),
					dateTo: day('2024-12-31'),
					filter: { managers: ['Dana', 'Boris'] }
				};
				const rows = await same(filtered(sales, settings), settings, dialect);
				expect(rows.length).toBeLessThan(
					engineRows(sales, { ...base, dateFrom: settings.dateFrom, dateTo: settings.dateTo }).length
				);
			});
		}
	});

	it('a customer column without a header name, renamed column_1 as the query says', async () => {
		const path = file('unnamed.csv', UNNAMED_CSV);
		// DuckDB's reader calls the nameless column column0; the query asks for column_1
		await engine.load('unnamed', path, { column0: 'column_1' });
		const data = await loadEngine(path, (m) => {
			m.customerKey = 0;
			m.customerName = -1;
		});
		expect(data.sql.customerKey).toBe('');
		for (const dialect of dialects) {
			const rows = await same(data, base, dialect, 'unnamed');
			expect(rows.map((e) => e.key)).toEqual(['ACME', 'Beta', 'Gamma', 'Delta']);
		}
	});

	describeReeseComparisons(() => engine, file, dialects);

	describe('status, document type, refunds and currency (README "What an export means")', () => {
		let orders: Loaded;
		beforeAll(async () => {
			const path = file('orders-status.csv', statusCsv());
			await engine.load('orders', path);
			orders = await loadEngine(path);
		});

		it('the import reads the status, document-type and currency columns of the generated file', () => {
			const rules = orders.sql.rules!;
			expect(rules.status?.column).toBe('Status');
			expect(rules.status?.values).toMatchObject({
				failed: 'excluded',
				cancelled: 'excluded',
				'cancelled by customer': 'excluded',
				refunded: 'refunded',
				paid: 'sale'
			});
			expect(rules.docType?.column).toBe('Doc Type');
			expect(rules.docType?.values).toMatchObject({ 'credit note': 'return', draft: 'excluded' });
			expect(rules.currency).toMatchObject({ column: 'Currency', keep: 'USD' });
		});

		const cases: [string, ClassifySettings][] = [
			['revenue', base],
			['returns ignored', { ...base, returns: 'ignore' }],
			['payments', { ...base, metric: 'payments' }],
			['units, rank-based', { ...base, metric: 'units', classes: [...PRESETS.rank203050], basis: 'count' }],
			['profit in a period', { ...base, metric: 'profit', dateFrom: day('2024-04-01'), dateTo: day('2024-09-30') }]
		];
		for (const dialect of dialects) {
			it(`${dialect}: every setting gives the engine result`, async () => {
				for (const [, settings] of cases) await same(orders, settings, dialect, 'orders');
			});

			it(`${dialect}: without the rules the query gives another result (they matter)`, async () => {
				const q = (await engine.run(classificationSql(base, orders.sql, dialect, 'orders', { rules: null }))).rows;
				const expected = engineRows(orders, base);
				expect(q.map((o) => String(o.value))).not.toEqual(expected.map((r) => String(r.value)));
			});

			it(`${dialect}: the real-world exports with statuses, credit notes, refunds and deal stages`, async () => {
				const files = [
					'credit-notes-in-one-file.csv',
					'payments-status-currency.csv',
					'refund-column.csv',
					'deals-budget-stage-ru.csv'
				];
				for (const [k, name] of files.entries()) {
					const path = join(REAL_WORLD, name);
					const table = `real_world_${k}`;
					await engine.load(table, path);
					const data = await loadEngine(path);
					expect(data.sql.rules, name).toBeDefined();
					await same(data, base, dialect, table);
					await same(data, { ...base, metric: 'payments', returns: 'ignore' }, dialect, table);
				}
			});
		}
	});
}
