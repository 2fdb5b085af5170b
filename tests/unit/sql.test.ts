/**
 * "Show as SQL": the generated query, run in DuckDB on the same file, gives customer by customer
 * the engine's rank, class, value (exactly), shares and key-customer flag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { importFiles, prepareBytes } from '../../src/lib/ingest/pipeline';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import { classificationSql, type SqlColumns, type SqlDialect } from '../../src/lib/engine/sql';
import type { ClassifySettings, RowFilter, SalesColumns } from '../../src/lib/engine/types';
import type { Role } from '../../src/lib/ingest/types';
import { filterRows } from '../../src/lib/engine/row-filter';

const FIXTURE = join(__dirname, '..', 'fixtures', 'sales_en.csv');
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const base: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5
};

interface Loaded {
	columns: SalesColumns;
	sql: SqlColumns;
}

/** Loads a CSV through the app's pipeline; the SQL columns are the header names of the mapped roles. */
async function loadEngine(path: string, fix?: (mapping: Record<Role, number>) => void): Promise<Loaded> {
	const prepared = await prepareBytes(new Uint8Array(readFileSync(path)), path);
	fix?.(prepared.plan.mapping);
	const { columns } = await importFiles([prepared], { cancelled: () => false });
	const { header, mapping, amountSource } = prepared.plan;
	const name = (role: Role) => (mapping[role] >= 0 ? header[mapping[role]] : undefined);
	const sql: SqlColumns = { customerKey: name('customerKey')! };
	const roles: [keyof SqlColumns, Role][] = [
		['amount', 'amount'],
		['quantity', 'quantity'],
		['unitPrice', 'unitPrice'],
		['profit', 'profit'],
		['date', 'date'],
		['orderId', 'orderId']
	];
	for (const [k, role] of roles) {
		const n = name(role);
		if (n !== undefined && !(k === 'amount' && amountSource !== 'column')) sql[k] = n;
	}
	if (amountSource !== 'column') delete sql.amount;
	return { columns, sql };
}

let instance: DuckDBInstance;
let db: DuckDBConnection;
let dir: string;
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function createTable(table: string, path: string) {
	await db.run(
		`CREATE OR REPLACE TABLE "${table.replace(/"/g, '""')}" AS SELECT * FROM read_csv(${sqlString(path)}, header=true)`
	);
}

interface Row {
	rank: number;
	key: string;
	/** exact, as an integer at 9 decimals */
	value: bigint;
	share: number;
	cumulativeShare: number;
	className: string;
	keyCustomer: boolean;
}

function engineRows(data: Loaded, settings: ClassifySettings): Row[] {
	const totals = aggregate(data.columns, settings);
	const c = classify(totals, data.columns.customerKeys, settings);
	const minor = new Map<number, number>();
	totals.customers.forEach((cust, i) => minor.set(cust, totals.totals[i]));
	return Array.from(c.rankOrder, (cust, r) => ({
		rank: r + 1,
		key: data.columns.customerKeys[cust],
		value: BigInt(minor.get(cust)!) * 10n ** BigInt(9 - totals.scale),
		share: c.share[r],
		cumulativeShare: c.cumShare[r],
		className: settings.classes[c.classIndex[r]].name,
		keyCustomer: c.isKeyCustomer[r] === 1
	}));
}

/** '1199.660000000' or '-5' → integer at 9 decimals */
function nineDecimals(text: string): bigint {
	const [whole, frac = ''] = text.split('.');
	const negative = whole.startsWith('-');
	const digits = BigInt(whole.replace('-', '') + frac.padEnd(9, '0').slice(0, 9));
	return negative ? -digits : digits;
}

async function sqlRows(query: string): Promise<Row[]> {
	const reader = await db.runAndReadAll(query);
	expect(reader.columnNames()).toEqual([
		'rank',
		'customer_key',
		'value',
		'share',
		'cumulative_share',
		'class',
		'key_customer'
	]);
	return reader.getRowObjectsJson().map((o) => ({
		rank: Number(o.rank),
		key: String(o.customer_key),
		value: nineDecimals(String(o.value)),
		share: Number(o.share),
		cumulativeShare: Number(o.cumulative_share),
		className: String(o.class),
		keyCustomer: o.key_customer === true
	}));
}

async function expectSameAsEngine(data: Loaded, settings: ClassifySettings, dialect: SqlDialect, table = 'sales') {
	const expected = engineRows(data, settings);
	const got = await sqlRows(classificationSql(settings, data.sql, dialect, table));
	expect(got.length).toBe(expected.length);
	expect(expected.length).toBeGreaterThan(0);
	const strip = (r: Row) => ({
		rank: r.rank,
		key: r.key,
		value: r.value,
		className: r.className,
		keyCustomer: r.keyCustomer
	});
	expect(got.map(strip)).toEqual(expected.map(strip));
	for (let i = 0; i < got.length; i++) {
		expect(got[i].share).toBeCloseTo(expected[i].share, 12);
		expect(got[i].cumulativeShare).toBeCloseTo(expected[i].cumulativeShare, 12);
	}
	return expected;
}

const DIALECTS: SqlDialect[] = ['duckdb', 'postgres'];

beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:');
	db = await instance.connect();
	dir = mkdtempSync(join(tmpdir(), 'paretoscope-sql-'));
	await db.run(`CREATE TABLE sales AS SELECT * FROM read_csv(${sqlString(FIXTURE)}, header=true)`);
});

afterAll(() => {
	db?.closeSync();
	instance?.closeSync();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('sales_en.csv: the SQL gives the engine result in DuckDB', () => {
	let data: Loaded;
	beforeAll(async () => {
		data = await loadEngine(FIXTURE);
	});

	it('maps the file header names', () => {
		expect(data.sql).toEqual({
			customerKey: 'Customer ID',
			amount: 'Sales',
			quantity: 'Quantity',
			unitPrice: 'Unit Price',
			profit: 'Profit',
			date: 'Order Date',
			orderId: 'Order ID'
		});
	});

	const cases: [string, ClassifySettings][] = [
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
	for (const dialect of DIALECTS) {
		it.each(cases)(`${dialect}: %s`, async (_, settings) => {
			await expectSameAsEngine(data, settings, dialect);
		});
	}

	it('the ABC default puts customers in every class, with ties ranked by key', async () => {
		const rows = await expectSameAsEngine(data, base, 'duckdb');
		expect(new Set(rows.map((r) => r.className))).toEqual(new Set(['A', 'B', 'C']));
		const payments = await expectSameAsEngine(data, { ...base, metric: 'payments' }, 'postgres');
		const tied = payments.filter((r, i) => i > 0 && payments[i - 1].value === r.value);
		expect(tied.length).toBeGreaterThan(50);
	});
});

describe('quantity × unit price (no amount column)', () => {
	it('gives the engine result', async () => {
		// sales_en.csv without its Sales column
		const lines = readFileSync(FIXTURE, 'utf8').trim().split('\n');
		const out = lines.map((l) => {
			const f = l.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((x) => x.replace(/,$/, ''));
			f.splice(7, 1);
			return f.slice(0, 8).join(',');
		});
		const path = join(dir, 'qty_price.csv');
		writeFileSync(path, out.join('\n') + '\n');
		await createTable('qty_price', path);
		const data = await loadEngine(path);
		expect(data.sql.amount).toBeUndefined();
		expect(data.sql.unitPrice).toBe('Unit Price');
		for (const dialect of DIALECTS) {
			await expectSameAsEngine(data, base, dialect, 'qty_price');
			await expectSameAsEngine(data, { ...base, returns: 'ignore', classes: [...PRESETS.gsb] }, dialect, 'qty_price');
			await expectSameAsEngine(data, { ...base, metric: 'units' }, dialect, 'qty_price');
		}
	});
});

describe('edge cases: exact ties, exact boundaries, skipped keys, odd header names', () => {
	// Big 64.1 + "10" 7.95 + "9" 7.95 = exactly 80 % of 100 before W: W is B, not A. X 0.3, Y 0.1 + 0.2
	// and Z 0.3 (a return by quantity, netted), b and É tie exactly: in floats Y would rank first; by
	// bytes "Z" < "b" < "É" (a case-insensitive or locale collation would differ). "10" sorts before "9". N nets to 0, M is negative: both last, in C. N/A, Total and empty keys are skipped.
	const csv = [
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
	let data: Loaded;
	beforeAll(async () => {
		const path = join(dir, 'edge.csv');
		writeFileSync(path, csv + '\n');
		await createTable('edge "table"', path);
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

	it.each(DIALECTS)('%s: ranks, classes and key customers as the engine', async (dialect) => {
		const rows = await expectSameAsEngine(data, { ...base, keyShare: 0.0795 }, dialect, 'edge "table"');
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
	});

	it.each(DIALECTS)('%s: payments, units, returns ignored, a period', async (dialect) => {
		const table = 'edge "table"';
		await expectSameAsEngine(data, { ...base, metric: 'payments' }, dialect, table);
		await expectSameAsEngine(data, { ...base, metric: 'payments', returns: 'ignore' }, dialect, table);
		await expectSameAsEngine(
			data,
			{ ...base, metric: 'units', classes: [...PRESETS.rank203050], basis: 'count' },
			dialect,
			table
		);
		await expectSameAsEngine(data, { ...base, returns: 'ignore', classes: [...PRESETS.gsb] }, dialect, table);
		await expectSameAsEngine(data, { ...base, dateFrom: day('2024-01-06'), dateTo: day('2024-02-05') }, dialect, table);
	});
});

describe('SQL text per dialect', () => {
	const columns: SqlColumns = {
		customerKey: 'Customer `ID` "x"',
		amount: 'Sales',
		quantity: 'Quantity',
		profit: 'Profit',
		date: 'Order Date',
		orderId: 'Order ID'
	};
	const settings: ClassifySettings = {
		...base,
		classes: [
			{ name: "O'Brien", upTo: 0.8 },
			{ name: 'B\\2', upTo: 0.95 },
			{ name: 'C', upTo: 1 }
		],
		dateFrom: day('2024-01-01'),
		dateTo: day('2024-12-31')
	};

	it('BigQuery: backtick identifiers, DATE literals, exact NUMERIC bounds, no PostgreSQL-only syntax', () => {
		const q = classificationSql(settings, columns, 'bigquery', 'proj.ds.sales');
		expect(q).toContain('`Customer \\`ID\\` "x"`');
		expect(q).toContain('FROM `proj`.`ds`.`sales`');
		expect(q).toContain("DATE '2024-01-01'");
		expect(q).toContain("DATE '2024-12-31'");
		expect(q).toContain("value_before < BIGNUMERIC '0.8' * positive_total THEN 'O\\'Brien'");
		expect(q).toContain("'B\\\\2'");
		expect(q).toContain('ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING');
		expect(q).toMatch(/CAST\(`Sales` AS NUMERIC\)/);
		for (const bad of ['COLLATE', '::', 'DOUBLE PRECISION', 'VARCHAR', 'DECIMAL(', 'TEXT)', '"Sales"'])
			expect(q).not.toContain(bad);
		expect(q).toContain('FLOAT64');
		expect(q).toContain('STRING');
	});

	it('Spark: backtick identifiers (doubled), DATE literals, decimal bounds, no PostgreSQL-only syntax', () => {
		const q = classificationSql(settings, columns, 'spark');
		expect(q).toContain('`Customer ``ID`` "x"`');
		expect(q).toContain('FROM `sales`');
		expect(q).toContain("sale_date >= DATE '2024-01-01'");
		expect(q).toContain("sale_date <= DATE '2024-12-31'");
		expect(q).toContain("value_before < 0.8 * positive_total THEN 'O\\'Brien'");
		expect(q).toContain('CAST(`Sales` AS DECIMAL(38, 9))');
		for (const bad of ['COLLATE', '::', 'DOUBLE PRECISION', 'VARCHAR', 'NUMERIC', '"Sales"', 'TEXT)'])
			expect(q).not.toContain(bad);
	});

	it('PostgreSQL: byte-order ties with COLLATE "C", double-quoted identifiers', () => {
		const q = classificationSql(settings, columns, 'postgres');
		expect(q).toContain('ORDER BY total DESC, customer_key COLLATE "C" ASC');
		expect(q).toContain('"Customer `ID` ""x"""');
		expect(q).toContain("THEN 'O''Brien'");
		expect(q.replace(/"Customer `ID` ""x"""/g, '')).not.toContain('`');
	});

	it('states the settings in a comment header', () => {
		const q = classificationSql({ ...settings, metric: 'payments', basis: 'count', keyShare: 0.25 }, columns, 'duckdb');
		const header = q
			.split('\n')
			.filter((l) => l.startsWith('--'))
			.join('\n');
		expect(header).toContain('DuckDB');
		expect(header).toContain('payments = distinct Order ID');
		expect(header).toContain('2024-01-01 to 2024-12-31');
		expect(header).toContain("O'Brien < 80 %, B\\2 < 95 %, C the rest");
		expect(header).toContain('share of customers ranked above');
		expect(header).toContain('at least 25 %');
		expect(header).toContain('netted');
	});

	it('refuses metrics the columns cannot give', () => {
		expect(() => classificationSql({ ...base, metric: 'units' }, { customerKey: 'c', amount: 'a' }, 'duckdb')).toThrow(
			/units/
		);
		expect(() => classificationSql({ ...base, metric: 'profit' }, { customerKey: 'c', amount: 'a' }, 'duckdb')).toThrow(
			/profit/
		);
		expect(() => classificationSql(base, { customerKey: 'c', quantity: 'q' }, 'duckdb')).toThrow(/amount/);
	});

	it('without a date column the period is not filtered', () => {
		const q = classificationSql({ ...base, dateFrom: 0 }, { customerKey: 'c', amount: 'a' }, 'postgres');
		expect(q).not.toContain('DATE');
		expect(q).toContain('period: all rows');
	});
});

describe('filters (README "Dimensions and filters"): the SQL keeps the rows the filter bar keeps', () => {
	const SUPERSTORE = join(__dirname, '..', 'fixtures', 'dimensions', 'superstore_like.csv');
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
		sales.sql.manager = 'Manager';
		await createTable('superstore', SUPERSTORE);
	});

	it('the Superstore-like file keeps Region, Category, Sub-Category, Segment and Ship Mode as dimensions', () => {
		const names = (store.columns.dimensions ?? []).map((d) => d.name).sort();
		expect(names).toEqual(expect.arrayContaining(['Category', 'Region', 'Segment', 'Ship Mode', 'Sub-Category']));
		const region = store.columns.dimensions!.find((d) => d.name === 'Region')!;
		expect([...region.values].sort()).toEqual(['', 'Central', 'East', 'South', 'West']);
	});

	for (const dialect of DIALECTS) {
		it(`${dialect}: one region, two regions with the empty value, a region and a category`, async () => {
			const filters: RowFilter[] = [
				{ dimensions: { Region: ['West'] } },
				{ dimensions: { Region: ['East', ''] } },
				{ dimensions: { Region: ['Central'], Category: ['Technology'] } }
			];
			for (const filter of filters) {
				const settings: ClassifySettings = { ...base, filter };
				const data = filtered(store, settings);
				const rows = await expectSameAsEngine(
					{ columns: data.columns, sql: store.sql },
					settings,
					dialect,
					'superstore'
				);
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
			const data = filtered(sales, settings);
			const rows = await expectSameAsEngine({ columns: data.columns, sql: sales.sql }, settings, dialect);
			expect(rows.length).toBeLessThan(
				engineRows(sales, { ...base, dateFrom: settings.dateFrom, dateTo: settings.dateTo }).length
			);
		});
	}

	it('states the filter in the header and refuses a manager filter without the manager column', () => {
		const q = classificationSql({ ...base, filter: { dimensions: { Region: ['West', ''] } } }, store.sql, 'bigquery');
		expect(q).toContain('-- filter: Region in (West, (empty))');
		expect(q).toContain("IN ('West', '')");
		expect(() => classificationSql({ ...base, filter: { managers: ['Dana'] } }, store.sql, 'duckdb')).toThrow(
			/manager/
		);
	});
});
