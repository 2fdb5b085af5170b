/**
 * "Show as SQL": the generated query, run in DuckDB on the same file, gives customer by customer
 * the engine's rank, class, value (exactly), shares, key-customer flag and RFM (sql-suite.ts, for
 * the DuckDB and the PostgreSQL forms; sql-postgres.test.ts runs the PostgreSQL form on PostgreSQL),
 * and each dialect's text keeps to its dialect.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { classificationSql, type SqlColumns } from '../../src/lib/engine/sql';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { base, day, duckdbEngine, FIXTURE, loadEngine, SALES_EN_COLUMNS, SUPERSTORE, type Loaded } from './sql-harness';
import { describeSqlComparisons } from './sql-suite';

describe('the SQL gives the engine result in DuckDB', () => {
	describeSqlComparisons(duckdbEngine, ['duckdb', 'postgres']);
});

it('sales_en.csv: the SQL columns are the file header names', async () => {
	const data = await loadEngine(FIXTURE);
	expect(data.sql).toMatchObject(SALES_EN_COLUMNS);
	expect(data.sql.rules).toBeUndefined();
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

	it('RFM columns only with a date column (or not at all with rfm: false); the row rules in the header', () => {
		const rules: SqlColumns['rules'] = {
			status: { column: 'Status', values: { failed: 'excluded', refunded: 'refunded' } }
		};
		const dated = classificationSql(base, { ...columns, rules }, 'postgres');
		expect(dated).toContain('rfm_r, rfm_f, rfm_m, rfm_segment');
		expect(dated).toContain("WHEN rfm_r = 5 THEN CASE WHEN rfm_f <= 1 THEN 'new'");
		expect(dated).toContain(
			'-- status (Status): not a sale: failed; refunded in full (added and taken back): refunded'
		);
		expect(dated).toContain('kept_rows AS (');
		expect(classificationSql(base, columns, 'postgres', 'sales', { rfm: false })).not.toContain('rfm_');
		expect(classificationSql(base, { ...columns, rules }, 'postgres', 'sales', { rules: null })).not.toContain(
			'Status'
		);
		expect(classificationSql(base, { customerKey: 'c', amount: 'a' }, 'duckdb')).not.toContain('rfm_');
	});

	it('without a date column the period is not filtered', () => {
		const q = classificationSql({ ...base, dateFrom: 0 }, { customerKey: 'c', amount: 'a' }, 'postgres');
		expect(q).not.toContain('DATE');
		expect(q).toContain('period: all rows');
	});
});

describe('filters in the SQL text (README "Dimensions and filters")', () => {
	let store: Loaded;
	beforeAll(async () => {
		store = await loadEngine(SUPERSTORE);
	});

	it('the Superstore-like file keeps Region, Category, Sub-Category, Segment and Ship Mode as dimensions', () => {
		const names = (store.columns.dimensions ?? []).map((d) => d.name).sort();
		expect(names).toEqual(expect.arrayContaining(['Category', 'Region', 'Segment', 'Ship Mode', 'Sub-Category']));
		const region = store.columns.dimensions!.find((d) => d.name === 'Region')!;
		expect([...region.values].sort()).toEqual(['', 'Central', 'East', 'South', 'West']);
	});

	it('states the filter in the header and refuses a manager filter without the manager column', () => {
		const q = classificationSql({ ...base, filter: { dimensions: { Region: ['West', ''] } } }, store.sql, 'bigquery');
		expect(q).toContain('-- filter: Region in (West, (empty))');
		expect(q).toContain("IN ('West', '')");
		const { manager: _, ...withoutManager } = store.sql;
		expect(() => classificationSql({ ...base, filter: { managers: ['Dana'] } }, withoutManager, 'duckdb')).toThrow(
			/manager/
		);
	});
});
