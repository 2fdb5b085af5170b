/**
 * The Spark SQL and BigQuery forms of "Show as SQL" are parsed (they are not executed here): Spark
 * SQL by dt-sql-parser's SparkSQL grammar, BigQuery by node-sql-parser with `database: 'BigQuery'`,
 * for every setting the comparisons run (sql-suite.ts: presets, metrics, returns, periods, count
 * basis, filters), quantity × price, odd header names, columns without a name, the import's row
 * rules, RFM and Reese's customer types (each discount kind, with and without a list price, default
 * and other thresholds). A syntax error in either form fails here.
 *
 * Two valid BigQuery constructs node-sql-parser 5.4 does not know, replaced before parsing:
 * - the typed literal `BIGNUMERIC '0.8'` (neither the BIGNUMERIC type nor typed numeric literals are
 *   in its grammar): the BigQuery form writes its class bounds and key share that way (a plain 0.8 is
 *   FLOAT64 there); the check puts the bare number instead, and fails if any other BIGNUMERIC is left;
 * - a backtick escaped inside a quoted identifier (`` `Customer \`ID\`` ``, a header name with a
 *   backtick): the check puts a letter in place of the escaped backtick.
 */
import { describe, expect, it } from 'vitest';
import { SparkSQL } from 'dt-sql-parser';
import NodeSqlParser from 'node-sql-parser';
import { classificationSql, type SqlColumns } from '../../src/lib/engine/sql';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { PRESETS } from '../../src/lib/engine/abc';
import { base, day, SALES_EN_COLUMNS } from './sql-harness';
import { SALES_CASES } from './sql-suite';
import { OTHER_THRESHOLDS } from './sql-suite-reese';

const spark = new SparkSQL();
const bigquery = new NodeSqlParser.Parser();

/** Spark SQL syntax errors of a query ([] when it parses). */
function sparkErrors(sql: string): string[] {
	return spark.validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);
}

/** BigQuery syntax error of a query ('' when it parses). */
function bigqueryError(sql: string): string {
	const bare = sql
		.replace(/BIGNUMERIC '(\d+(?:\.\d+)?)'/g, '$1')
		// escaped backslashes aside, then each escaped backtick
		.replace(/\\\\/g, '\u0001')
		.replace(/\\`/g, 'q')
		.replace(/\u0001/g, '\\\\');
	if (bare.includes('BIGNUMERIC')) return 'a BIGNUMERIC other than a bound literal';
	try {
		bigquery.astify(bare, { database: 'BigQuery' });
		return '';
	} catch (e) {
		return e instanceof Error ? e.message : String(e);
	}
}

const SALES = SALES_EN_COLUMNS;
const COLUMN_SETS: [string, SqlColumns][] = [
	['sales_en.csv', SALES],
	['quantity × unit price', { ...SALES, amount: undefined }],
	['no date column (no RFM)', { customerKey: 'Customer ID', amount: 'Sales', orderId: 'Order ID', quantity: 'Qty' }],
	[
		'odd header names',
		{
			customerKey: 'Client "code" `x`',
			amount: "Net amount (O'Brien \\ co)",
			quantity: 'Кол-во',
			profit: 'Marge €',
			date: 'Day\ttime',
			orderId: 'Doc#',
			manager: 'Менеджер'
		}
	],
	['columns without a header name', { customerKey: '', amount: ' ', date: '', positions: { customerKey: 1, date: 3 } }],
	[
		'status, document type, currency and refund rules',
		{
			...SALES,
			rules: {
				status: {
					column: 'Financial Status',
					values: {
						failed: 'excluded',
						refunded: 'refunded',
						"won't pay": 'excluded',
						returned: 'return',
						paid: 'sale'
					}
				},
				docType: {
					column: 'Type',
					position: 4,
					values: { 'credit note': 'return', draft: 'excluded', 'back\\slash': 'return' }
				},
				currency: { column: 'Currency', keep: 'USD' },
				refund: { column: 'Refunded Amount' }
			}
		}
	],
	[
		'a discount code and a compare-at price (customer types)',
		{
			...SALES,
			discount: 'Discount Code',
			discountKind: 'code',
			listPrice: 'Lineitem compare at price',
			positions: { discount: 13, listPrice: 20 }
		}
	],
	[
		'a percent discount and a list price, quantity × price, odd names (customer types)',
		{
			...SALES,
			amount: undefined,
			discount: "Скидка, % (O'Brien `x`)",
			discountKind: 'percent',
			listPrice: 'Цена по прайсу'
		}
	],
	[
		'an amount discount, no quantity, no date (customer types)',
		{ customerKey: 'Customer ID', amount: 'Sales', discount: 'Discount Amount', discountKind: 'amount' }
	],
	['a fraction discount (customer types)', { ...SALES, discount: 'Discount', discountKind: 'fraction' }],
	['a list price only, no unit price (customer types)', { ...SALES, unitPrice: undefined, listPrice: '' }],
	[
		'a deals pipeline with an unnamed stage column',
		{
			customerKey: 'Компания',
			amount: 'Бюджет',
			rules: {
				status: {
					column: '',
					position: 4,
					context: 'stage',
					values: { 'успешно реализовано': 'sale', lost: 'excluded' }
				}
			}
		}
	]
];
const FILTERED: [string, ClassifySettings][] = [
	['a region filter with the empty value', { ...base, filter: { dimensions: { Region: ['West', ''] } } }],
	[
		'a manager, a quoted dimension value and a period',
		{
			...base,
			dateFrom: day('2024-03-01'),
			dateTo: day('2024-12-31'),
			filter: { managers: ['Dana', "D'Arcy"], dimensions: { 'Sub-Category': ["Kid's \\ toys"], Segment: ['Consumer'] } }
		}
	],
	[
		'gold / silver / bronze by count, returns ignored',
		{ ...base, classes: [...PRESETS.gsb], basis: 'count', returns: 'ignore' }
	]
];
const SETTINGS = [...SALES_CASES, ...FILTERED];

describe('the Spark SQL and BigQuery forms parse', () => {
	for (const [columnsName, columns] of COLUMN_SETS) {
		it(`${columnsName}: every setting, both forms`, () => {
			let parsed = 0;
			for (const [name, settings] of SETTINGS) {
				const usable = !(
					(settings.metric === 'profit' && !columns.profit) ||
					(settings.metric === 'units' && !columns.quantity) ||
					(settings.filter?.managers && !columns.manager)
				);
				if (!usable) continue;
				const typed = columns.discount !== undefined || columns.listPrice !== undefined;
				for (const options of typed ? [{}, { reese: OTHER_THRESHOLDS }] : [{}]) {
					expect(
						sparkErrors(classificationSql(settings, columns, 'spark', 'sales', options)),
						`Spark SQL, ${name}`
					).toEqual([]);
					expect(
						bigqueryError(classificationSql(settings, columns, 'bigquery', 'proj.ds.sales', options)),
						`BigQuery, ${name}`
					).toBe('');
				}
				parsed++;
			}
			expect(parsed).toBeGreaterThanOrEqual(10);
		}, 60_000);
	}

	it('the RFM columns and the row rules are in what is parsed', () => {
		const rules = COLUMN_SETS.find(([n]) => n.startsWith('status'))![1];
		for (const dialect of ['spark', 'bigquery'] as const) {
			const q = classificationSql(base, rules, dialect);
			expect(q).toContain('rfm_segment');
			expect(q).toContain('kept_rows AS (');
			expect(q).toMatch(/REGEXP_REPLACE\(/);
		}
	});

	it('the customer types are in what is parsed, with each discount kind', () => {
		const typed = COLUMN_SETS.filter(([n]) => n.endsWith('(customer types)'));
		expect(typed).toHaveLength(5);
		expect(new Set(typed.map(([, c]) => c.discountKind).filter(Boolean))).toEqual(
			new Set(['amount', 'fraction', 'percent', 'code'])
		);
		for (const [name, columns] of typed)
			for (const dialect of ['spark', 'bigquery'] as const) {
				const q = classificationSql(base, columns, dialect);
				expect(q, name).toMatch(/customer_type\nFROM running/);
				expect(q, name).toContain('reese_cutoff AS (');
				expect(q, name).toContain('LEFT JOIN reese ON reese.reese_key = running.customer_key');
			}
		// datasets without discount columns: no customer_type
		for (const [name, columns] of COLUMN_SETS.filter(([n]) => !n.endsWith('(customer types)')))
			expect(classificationSql(base, columns, 'spark'), name).not.toContain('customer_type');
	});

	it('a broken query does not parse (the check can fail)', () => {
		const typed = COLUMN_SETS.find(([n]) => n.startsWith('a discount code'))![1];
		const breaks = [
			(q: string) => q.replace('FROM in_scope', 'FROM in_scope ('),
			(q: string) => q.replace('  rank,', '  rank,,'),
			(q: string) => q.replace(/ END AS class,/, ' AS class,')
		];
		const typeBreaks = [
			(q: string) => q.replace("ELSE 'seeker' END AS customer_type", "ELSE 'seeker' AS customer_type"),
			(q: string) => q.replace('  CROSS JOIN reese_cutoff', '  CROSS JOIN reese_cutoff (')
		];
		for (const [columns, mutations] of [
			...COLUMN_SETS.slice(0, 2).map(([, c]) => [c, breaks] as const),
			[typed, typeBreaks] as const
		]) {
			for (const broken of mutations) {
				for (const dialect of ['spark', 'bigquery'] as const) {
					const good = classificationSql(base, columns, dialect);
					expect(broken(good)).not.toBe(good);
				}
				expect(sparkErrors(broken(classificationSql(base, columns, 'spark'))).length).toBeGreaterThan(0);
				expect(bigqueryError(broken(classificationSql(base, columns, 'bigquery')))).not.toBe('');
			}
		}
	}, 60_000);
});
