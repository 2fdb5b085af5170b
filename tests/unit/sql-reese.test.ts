/**
 * The customer-type part of "Show as SQL" (engine/sql-reese.ts) as text: the "no code" words are
 * the importer's, the discount kinds are the importer's, the thresholds and the columns are stated
 * in the header, and thresholds that are not numbers are refused. The query's results are compared
 * with the engine in sql-suite-reese.ts (DuckDB and PostgreSQL).
 */
import { describe, expect, it } from 'vitest';
import { classificationSql, classificationSqlResult, type SqlColumns } from '../../src/lib/engine/sql';
import { NO_CODE_WORDS, type SqlDiscountKind } from '../../src/lib/engine/sql-reese';
import { DEFAULT_REESE } from '../../src/lib/engine/reese';
import { DISCOUNT_CODE, DISCOUNT_KINDS, rowDiscount, type DiscountKind } from '../../src/lib/ingest/discounts';
import { base } from './sql-harness';
import { OTHER_THRESHOLDS } from './sql-suite-reese';

const codeCell = (discount: string) =>
	rowDiscount({
		kind: 'code',
		discount,
		listPrice: '',
		discountSep: '.',
		listPriceSep: '.',
		paid: 10,
		quantity: null,
		unitPrice: null
	});

const columns: SqlColumns = {
	customerKey: 'Email',
	amount: 'Total',
	quantity: 'Qty',
	unitPrice: 'Price',
	date: 'Day',
	discount: 'Promo',
	discountKind: 'code',
	listPrice: 'Compare at'
};

describe('customer types in the SQL text', () => {
	it('the query\'s "no code" words are the importer\'s, in any case, and other codes are codes', () => {
		for (const w of NO_CODE_WORDS) {
			expect(codeCell(w), w).toBe(0);
			expect(codeCell(` ${w.toUpperCase()} `), w).toBe(0);
			expect(w).toBe(w.toLowerCase());
		}
		for (const w of ['SAVE10', 'nope', '00', 'n.a.', '--', 'нету']) expect(codeCell(w), w).toBe(DISCOUNT_CODE);
	});

	it("the discount kinds are the importer's", () => {
		const kinds: SqlDiscountKind[] = ['amount', 'fraction', 'percent', 'code'];
		expect([...DISCOUNT_KINDS].sort()).toEqual([...kinds].sort());
		const _both: [SqlDiscountKind, DiscountKind] = [DISCOUNT_KINDS[0], kinds[0]];
		void _both;
	});

	it('states the columns and the thresholds in the header and adds customer_type last', () => {
		const q = classificationSql(base, columns, 'postgres', 'sales', { reese: OTHER_THRESHOLDS });
		const header = q
			.split('\n')
			.filter((l) => l.startsWith('--'))
			.join('\n');
		expect(header).toContain('Promo (a code: depth unknown; empty = none) or 1 − Price / Compare at');
		expect(header).toContain('the deeper of the two');
		expect(header).toContain('freeloader: >= 25 % of items free or >= 15 % off');
		expect(header).toContain('discount lover: >= 30 % of revenue discounted');
		expect(header).toContain('result-focused: < 20 % discounted and average unit price in the top 50 %');
		expect(q).toContain('rfm_r, rfm_f, rfm_m, rfm_segment, customer_type\nFROM running');
		expect(q).toContain('LEFT JOIN rfm ON rfm.rfm_key = running.customer_key\nLEFT JOIN reese ON');
		const defaults = classificationSql(base, columns, 'duckdb');
		expect(defaults).toContain('top 33.3333 %');
		expect(defaults).toContain(`CAST('${String(DEFAULT_REESE.deepDiscount - 1e-9)}' AS DOUBLE)`);
	});

	it('each kind reads its column as the importer does', () => {
		const of = (kind: SqlDiscountKind) =>
			classificationSql(base, { ...columns, discountKind: kind, listPrice: undefined }, 'duckdb');
		expect(of('percent')).toContain('ABS(CAST(discount_value AS DOUBLE)) / CAST(100 AS DOUBLE)');
		expect(of('fraction')).toContain('LEAST(CAST(1 AS DOUBLE), ABS(CAST(discount_value AS DOUBLE)))');
		expect(of('amount')).toContain('(GREATEST(CAST(0 AS DOUBLE), CAST(amount AS DOUBLE)) + ABS(');
		expect(of('code')).toContain("LOWER(discount_code) IN ('', '-', '—', '0', 'no'");
		// a dataset stored with a discount column but no kind: the importer read it as an amount
		const { discountKind: _k, ...noKind } = columns;
		expect(classificationSql(base, noKind, 'duckdb')).toContain('AS discount_value');
		// a list price only: no discount column read
		const listOnly = classificationSql(base, { ...columns, discount: undefined }, 'duckdb');
		expect(listOnly).not.toContain('discount_value');
		expect(listOnly).not.toContain('discount_code');
		expect(listOnly).toContain('AS list_price');
	});

	it('refuses a threshold that is not a number', () => {
		const r = classificationSqlResult(base, columns, 'duckdb', 'sales', {
			reese: { ...DEFAULT_REESE, loverShare: Number.NaN }
		});
		expect(r).toMatchObject({ ok: false, problem: 'failed' });
		expect(r.ok ? '' : r.message).toMatch(/loverShare/);
	});
});
