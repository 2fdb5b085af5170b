/**
 * What the "Show as SQL" comparisons share (tests/unit/sql-suite.ts): a CSV loaded through the app's
 * pipeline (the engine's side), the engine's rows, RFM and customer type per customer, the query's rows as read from
 * a database, and the databases: DuckDB in process, or a real PostgreSQL server (postgres-server.ts)
 * loaded with `COPY` from the same file, its column types as DuckDB's CSV reader detects them.
 */
import { expect } from 'vitest';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { importFiles, prepareBytes } from '../../src/lib/ingest/pipeline';
import { classify } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import { rfm } from '../../src/lib/engine/rfm';
import { reeseTypes, type ReeseSettings } from '../../src/lib/engine/reese';
import { classificationSql, type SqlColumns, type SqlDialect, type SqlOptions } from '../../src/lib/engine/sql';
import { sqlColumnsOf } from '../../src/lib/engine/sql-columns';
import type { ClassifySettings, SalesColumns } from '../../src/lib/engine/types';
import type { Role } from '../../src/lib/ingest/types';
import type { FilePlan } from '../../src/lib/ingest/build';
import { startPostgres } from './postgres-server';
import { abcSettings } from './helpers';

export const FIXTURE = join(__dirname, '..', 'fixtures', 'sales_en.csv');
export const SUPERSTORE = join(__dirname, '..', 'fixtures', 'dimensions', 'superstore_like.csv');
export const REAL_WORLD = join(__dirname, '..', 'fixtures', 'real-world');
export const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
export const base: ClassifySettings = abcSettings();

/** The SQL columns of sales_en.csv: its header names of the mapped roles. */
export const SALES_EN_COLUMNS: SqlColumns = {
	customerKey: 'Customer ID',
	amount: 'Sales',
	quantity: 'Quantity',
	unitPrice: 'Unit Price',
	profit: 'Profit',
	date: 'Order Date',
	orderId: 'Order ID',
	manager: 'Manager'
};

export interface Loaded {
	columns: SalesColumns;
	sql: SqlColumns;
}

/**
 * Loads a CSV through the app's pipeline; the SQL columns are what the app stores (`sqlColumnsOf`).
 * `fix` changes the mapping (and the plan) as the mapping step would.
 */
export async function loadEngine(
	path: string,
	fix?: (mapping: Record<Role, number>, plan: FilePlan) => void
): Promise<Loaded> {
	const prepared = await prepareBytes(new Uint8Array(readFileSync(path)), path);
	fix?.(prepared.plan.mapping, prepared.plan);
	const { columns } = await importFiles([prepared], { cancelled: () => false });
	return { columns, sql: sqlColumnsOf(prepared.plan) };
}

export interface RfmCells {
	r: number;
	f: number;
	m: number;
	segment: string;
}

export interface Row {
	rank: number;
	key: string;
	/** exact, as an integer at 9 decimals */
	value: bigint;
	share: number;
	cumulativeShare: number;
	className: string;
	keyCustomer: boolean;
	/** undefined: no RFM columns; null: no dated purchase */
	rfm?: RfmCells | null;
	/** Reese's type; undefined: no customer_type column (no discount data); null: no purchase in scope */
	customerType?: string | null;
}

export const BASE_COLUMNS = ['rank', 'customer_key', 'value', 'share', 'cumulative_share', 'class', 'key_customer'];
export const RFM_COLUMNS = ['rfm_r', 'rfm_f', 'rfm_m', 'rfm_segment'];
export const REESE_COLUMNS = ['customer_type'];

/** The dataset has a discount or list-price column: the query has customer_type. */
export const hasDiscountColumns = (data: Loaded) => data.sql.discount !== undefined || data.sql.listPrice !== undefined;

/**
 * The engine's classification (and RFM when the data has dates, Reese's type with `reese` thresholds
 * when it has discount columns) in rank order.
 */
export function engineRows(data: Loaded, settings: ClassifySettings, reese?: ReeseSettings): Row[] {
	const totals = aggregate(data.columns, settings);
	const c = classify(totals, data.columns.customerKeys, settings);
	const minor = new Map<number, number>();
	totals.customers.forEach((cust, i) => minor.set(cust, totals.totals[i]));
	const withRfm = data.sql.date !== undefined;
	const scores = new Map<number, RfmCells>();
	if (withRfm)
		for (const x of rfm(data.columns, {
			returns: settings.returns,
			dateFrom: settings.dateFrom,
			dateTo: settings.dateTo
		}).customers)
			scores.set(x.customer, { r: x.r, f: x.f, m: x.m, segment: x.segment });
	const withTypes = hasDiscountColumns(data);
	const types = new Map<number, string>();
	if (withTypes)
		for (const x of reeseTypes(
			data.columns,
			{ returns: settings.returns, dateFrom: settings.dateFrom, dateTo: settings.dateTo },
			reese
		).customers)
			types.set(x.customer, x.type);
	return Array.from(c.rankOrder, (cust, r) => ({
		rank: r + 1,
		key: data.columns.customerKeys[cust],
		value: BigInt(minor.get(cust)!) * 10n ** BigInt(9 - totals.scale),
		share: c.share[r],
		cumulativeShare: c.cumShare[r],
		className: settings.classes[c.classIndex[r]].name,
		keyCustomer: c.isKeyCustomer[r] === 1,
		...(withRfm ? { rfm: scores.get(cust) ?? null } : {}),
		...(withTypes ? { customerType: types.get(cust) ?? null } : {})
	}));
}

/** '1199.660000000' or '-5' → integer at 9 decimals */
export function nineDecimals(text: string): bigint {
	const [whole, frac = ''] = text.split('.');
	const negative = whole.startsWith('-');
	const digits = BigInt(whole.replace('-', '') + frac.padEnd(9, '0').slice(0, 9));
	return negative ? -digits : digits;
}

const isNull = (v: unknown) => v === null || v === undefined || v === '';

/** A result row of the query, whatever the database's value types (DuckDB JSON or psql text). */
export function queryRow(o: Record<string, unknown>, withRfm: boolean, withTypes = false): Row {
	return {
		rank: Number(o.rank),
		key: String(o.customer_key),
		value: nineDecimals(String(o.value)),
		share: Number(o.share),
		cumulativeShare: Number(o.cumulative_share),
		className: String(o.class),
		keyCustomer: o.key_customer === true || o.key_customer === 't',
		...(withRfm
			? {
					rfm: isNull(o.rfm_r)
						? null
						: { r: Number(o.rfm_r), f: Number(o.rfm_f), m: Number(o.rfm_m), segment: String(o.rfm_segment) }
				}
			: {}),
		...(withTypes ? { customerType: isNull(o.customer_type) ? null : String(o.customer_type) } : {})
	};
}

/** A database the query runs in. */
export interface SqlEngine {
	name: string;
	run(query: string): Promise<{ columns: string[]; rows: Record<string, unknown>[] }>;
	/** a table from a CSV file with a header; `rename`: old column name → new */
	load(table: string, path: string, rename?: Record<string, string>): Promise<void>;
	close(): Promise<void>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function duckdbConnection(): Promise<{ db: DuckDBConnection; close: () => void }> {
	const instance = await DuckDBInstance.create(':memory:');
	const db = await instance.connect();
	return {
		db,
		close: () => {
			db.closeSync();
			instance.closeSync();
		}
	};
}

async function duckdbLoad(db: DuckDBConnection, table: string, path: string, rename: Record<string, string> = {}) {
	await db.run(`CREATE OR REPLACE TABLE ${quote(table)} AS SELECT * FROM read_csv(${sqlString(path)}, header=true)`);
	for (const [from, to] of Object.entries(rename))
		await db.run(`ALTER TABLE ${quote(table)} RENAME ${quote(from)} TO ${quote(to)}`);
}

/**
 * DuckDB in process: the table is `read_csv` of the file. DuckDB has no NORMALIZE(text, NFC), which
 * the PostgreSQL form uses for status values: a macro stands in for it (DuckDB's nfc_normalize).
 */
export async function duckdbEngine(): Promise<SqlEngine> {
	const { db, close } = await duckdbConnection();
	await db.run('CREATE MACRO normalize(text, form) AS nfc_normalize(text)');
	return {
		name: 'DuckDB',
		run: async (query) => {
			const reader = await db.runAndReadAll(query);
			return { columns: reader.columnNames(), rows: reader.getRowObjectsJson() };
		},
		load: (table, path, rename) => duckdbLoad(db, table, path, rename),
		close: async () => close()
	};
}

/** DuckDB column type → PostgreSQL; anything else is loaded as text. */
function postgresType(duck: string): string {
	const t = duck.toUpperCase();
	if (t === 'VARCHAR') return 'TEXT';
	if (t === 'DOUBLE' || t === 'FLOAT') return 'DOUBLE PRECISION';
	if (['BIGINT', 'INTEGER', 'SMALLINT', 'BOOLEAN', 'DATE', 'TIME', 'TIMESTAMP'].includes(t)) return t;
	if (t === 'TIMESTAMP WITH TIME ZONE') return 'TIMESTAMPTZ';
	if (/^DECIMAL\(\d+,\d+\)$/.test(t)) return t.replace('DECIMAL', 'NUMERIC');
	return 'TEXT';
}

/**
 * A real PostgreSQL server of its own (postgres-server.ts). A table is created with the column types
 * DuckDB's CSV reader detects in the file, and its rows are loaded with `COPY … FROM STDIN` from the
 * file as DuckDB writes it back (one dialect of CSV, ISO dates, NULL as an empty field).
 */
export async function postgresEngine(): Promise<SqlEngine & { version: string }> {
	const server = await startPostgres();
	let duck: Awaited<ReturnType<typeof duckdbConnection>> | null = null;
	const dir = mkdtempSync(join(tmpdir(), 'paretoscope-pg-csv-'));
	try {
		duck = await duckdbConnection();
	} catch (e) {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
		throw e;
	}
	const db = duck.db;
	let files = 0;
	return {
		name: 'PostgreSQL',
		version: server.version,
		run: server.query,
		load: async (table, path, rename) => {
			await duckdbLoad(db, 'staging', path, rename);
			const described = (await db.runAndReadAll('DESCRIBE staging')).getRowObjectsJson();
			const csv = join(dir, `table-${++files}.csv`);
			await db.run(`COPY staging TO ${sqlString(csv)} (HEADER, DELIMITER ',')`);
			const columns = described.map((c) => `${quote(String(c.column_name))} ${postgresType(String(c.column_type))}`);
			await server.exec(`DROP TABLE IF EXISTS ${quote(table)}; CREATE TABLE ${quote(table)} (${columns.join(', ')});`);
			await server.copyCsv(table, csv);
		},
		close: async () => {
			duck?.close();
			rmSync(dir, { recursive: true, force: true });
			await server.stop();
		}
	};
}

/**
 * Runs the query for `settings` and expects the engine's rows customer by customer (with the
 * customer type when the data has discount columns, by the thresholds `options.reese`).
 */
export async function expectSameAsEngine(
	engine: SqlEngine,
	data: Loaded,
	settings: ClassifySettings,
	dialect: SqlDialect,
	table = 'sales',
	options: SqlOptions = {}
): Promise<Row[]> {
	const expected = engineRows(data, settings, options.reese ?? undefined);
	const withRfm = data.sql.date !== undefined;
	const withTypes = hasDiscountColumns(data);
	const result = await engine.run(classificationSql(settings, data.sql, dialect, table, options));
	expect(result.columns).toEqual([
		...BASE_COLUMNS,
		...(withRfm ? RFM_COLUMNS : []),
		...(withTypes ? REESE_COLUMNS : [])
	]);
	const got = result.rows.map((o) => queryRow(o, withRfm, withTypes));
	expect(got.length).toBe(expected.length);
	expect(expected.length).toBeGreaterThan(0);
	const strip = (r: Row) => ({ ...r, share: 0, cumulativeShare: 0 });
	expect(got.map(strip)).toEqual(expected.map(strip));
	for (let i = 0; i < got.length; i++) {
		expect(got[i].share).toBeCloseTo(expected[i].share, 12);
		expect(got[i].cumulativeShare).toBeCloseTo(expected[i].cumulativeShare, 12);
	}
	return expected;
}
