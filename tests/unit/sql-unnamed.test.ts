/**
 * A column without a header name (e.g. a header `,Date,Product,Qty,Amount`) never makes "Show as
 * SQL" throw: the query calls it `column_<position>` and says so in its comment. With the column
 * renamed as the comment asks, it gives the engine's classification in DuckDB and PostgreSQL
 * (sql-suite.ts, "a customer column without a header name").
 */
import { describe, expect, it } from 'vitest';
import { prepareBytes } from '../../src/lib/ingest/pipeline';
import { PRESETS } from '../../src/lib/engine/abc';
import { classificationSql, classificationSqlResult, SQL_DIALECTS, type SqlColumns } from '../../src/lib/engine/sql';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { sqlColumnsOf } from '../../src/lib/engine/sql-columns';
import { UNNAMED_CSV as CSV } from './sql-suite';

const settings: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5
};

async function unnamedCustomerFile() {
	const prepared = await prepareBytes(new TextEncoder().encode(CSV), 'unnamed.csv');
	// the customer column has no header name: chosen by hand in the mapping step
	prepared.plan.mapping.customerKey = 0;
	prepared.plan.mapping.customerName = -1;
	return prepared;
}

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
