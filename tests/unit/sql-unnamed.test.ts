/**
 * A column without a header name (e.g. a header `,Date,Product,Qty,Amount`) never makes "Show as
 * SQL" throw: the query calls it `column_<position>` and says so in its comment; in DuckDB, with
 * the column renamed as the comment asks, it gives the engine's classification.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { importFiles, prepareBytes } from '../../src/lib/ingest/pipeline';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import { classificationSql, classificationSqlResult, SQL_DIALECTS, type SqlColumns } from '../../src/lib/engine/sql';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { sqlColumnsOf } from '../../src/lib/engine/sql-columns';

const settings: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5
};
const CSV =
	',Date,Product,Qty,Amount\nACME,2024-01-05,x,1,100.50\nBeta,2024-01-06,y,2,20\nACME,2024-02-01,z,1,30\nGamma,2024-02-03,x,5,7.25\nDelta,2024-03-01,y,1,1\n';

async function unnamedCustomerFile() {
	const prepared = await prepareBytes(new TextEncoder().encode(CSV), 'unnamed.csv');
	// the customer column has no header name: chosen by hand in the mapping step
	prepared.plan.mapping.customerKey = 0;
	prepared.plan.mapping.customerName = -1;
	return prepared;
}

let dir: string;
let db: DuckDBConnection;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'paretoscope-sql-unnamed-'));
	db = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQL for a column without a header name', () => {
	it('the SQL columns of such a file keep the empty name and its 1-based position', async () => {
		const { plan } = await unnamedCustomerFile();
		expect(plan.header[0]).toBe('');
		const cols = sqlColumnsOf(plan);
		expect(cols.customerKey).toBe('');
		expect(cols.positions?.customerKey).toBe(1);
		expect(cols.amount).toBe('Amount');
		expect(cols.positions?.amount).toBe(5);
	});

	it('every dialect writes the query with a stand-in name stated in the comment', async () => {
		const cols = sqlColumnsOf((await unnamedCustomerFile()).plan);
		for (const dialect of SQL_DIALECTS) {
			const q = classificationSql(settings, cols, dialect);
			expect(q, dialect).toMatch(/-- column 1 of the file has no header name: it is called column_1 here/);
			expect(q, dialect).toMatch(/TRIM\(CAST\((["`])column_1\1 AS/);
			expect(q, dialect).not.toMatch(/""|``/);
		}
	});

	it('in DuckDB, with the column renamed as the comment says, it matches the engine customer by customer', async () => {
		const prepared = await unnamedCustomerFile();
		const { columns } = await importFiles([prepared], { cancelled: () => false });
		const path = join(dir, 'unnamed.csv');
		writeFileSync(path, CSV);
		await db.run(`CREATE OR REPLACE TABLE sales AS SELECT * FROM read_csv('${path}', header=true)`);
		// DuckDB calls the nameless column column0; the query asks for column_1
		await db.run('ALTER TABLE sales RENAME column0 TO column_1');
		const rows = (
			await db.runAndReadAll(classificationSql(settings, sqlColumnsOf(prepared.plan), 'duckdb'))
		).getRowObjectsJson();
		const totals = aggregate(columns, settings);
		const c = classify(totals, columns.customerKeys, settings);
		const expected = Array.from(c.rankOrder, (cust, r) => ({
			rank: r + 1,
			key: columns.customerKeys[cust],
			cls: settings.classes[c.classIndex[r]].name
		}));
		expect(rows.map((o) => ({ rank: Number(o.rank), key: String(o.customer_key), cls: String(o.class) }))).toEqual(
			expected
		);
		expect(expected.map((e) => e.key)).toEqual(['ACME', 'Beta', 'Gamma', 'Delta']);
	});

	it('a dataset stored before positions were kept gets a stand-in named after the role', () => {
		const q = classificationSql(settings, { customerKey: '', amount: '' }, 'postgres');
		expect(q).toContain('"unnamed_customer_key"');
		expect(q).toContain('"unnamed_amount"');
		expect(q).toMatch(/-- the customer_key column has no header name: it is called unnamed_customer_key here/);
	});

	it('an amount column without a name is still the amount (not quantity × price)', () => {
		const cols: SqlColumns = { customerKey: 'c', amount: ' ', quantity: 'q', unitPrice: 'p', positions: { amount: 3 } };
		const q = classificationSql(settings, cols, 'duckdb');
		expect(q).toContain('CAST("column_3" AS DECIMAL(38, 9)) AS amount');
		expect(q).not.toContain('"q" AS DECIMAL(18, 9)');
	});

	it('classificationSqlResult returns what is missing as data and never throws', () => {
		const cols: SqlColumns = { customerKey: 'c', amount: 'a' };
		expect(classificationSqlResult({ ...settings, metric: 'units' }, cols, 'duckdb')).toMatchObject({
			ok: false,
			problem: 'no-quantity'
		});
		expect(classificationSqlResult({ ...settings, metric: 'profit' }, cols, 'duckdb')).toMatchObject({
			ok: false,
			problem: 'no-profit'
		});
		expect(classificationSqlResult(settings, { customerKey: 'c' }, 'duckdb')).toMatchObject({
			ok: false,
			problem: 'no-amount'
		});
		expect(classificationSqlResult({ ...settings, classes: [] }, cols, 'duckdb')).toMatchObject({
			ok: false,
			problem: 'no-classes'
		});
		// a record of an earlier version without the customer name at all
		expect(classificationSqlResult(settings, { amount: 'a' } as SqlColumns, 'duckdb')).toMatchObject({
			ok: false,
			problem: 'no-customer'
		});
		expect(classificationSqlResult(settings, { customerKey: '', amount: 'a' }, 'spark')).toMatchObject({ ok: true });
	});
});
