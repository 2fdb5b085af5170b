/**
 * The "Show as SQL" comparisons of Reese's customer types (part of sql-suite.ts, so run in DuckDB
 * and on PostgreSQL): the query's customer_type equals `reeseTypes()` customer by customer (with
 * the classification and RFM as everywhere) on the two discount fixtures as the importer maps them
 * (shop_discounts.csv: a discount code and a compare-at price; ru_skidki.csv: a percent and a list
 * price, windows-1251, `;`, decimal comma), the Shopify file with Discount Amount as an amount, the
 * Superstore-like file (Discount a fraction) and two small files of edge cases.
 *
 * What the database reads: shop_discounts.csv with its 'Paid at' cut to the day the importer reads
 * (2025-01-06 16:42:48 +0100 → 2025-01-06; a time zone would move some days in a UTC session);
 * ru_skidki.csv as UTF-8 with commas, ISO dates and plain decimal numbers (18 500,00 → 18500.00),
 * which is how the importer reads its cells. The other files as they are.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { PRESETS } from '../../src/lib/engine/abc';
import { classificationSql, type SqlDialect, type SqlOptions } from '../../src/lib/engine/sql';
import { REESE_TYPES, type ReeseSettings } from '../../src/lib/engine/reese';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { ROLES, type Role } from '../../src/lib/ingest/types';
import type { FilePlan } from '../../src/lib/ingest/build';
import {
	base,
	day,
	engineRows,
	expectSameAsEngine,
	loadEngine,
	SUPERSTORE,
	type Loaded,
	type Row,
	type SqlEngine
} from './sql-harness';

const DISCOUNTS = join(__dirname, '..', 'fixtures', 'discounts');
export const SHOP = join(DISCOUNTS, 'shop_discounts.csv');
export const RU = join(DISCOUNTS, 'ru_skidki.csv');

/** Thresholds other than the defaults: every rule moves. */
export const OTHER_THRESHOLDS: ReeseSettings = {
	freeShare: 0.25,
	deepDiscount: 0.15,
	loverShare: 0.3,
	resultMaxDiscounted: 0.2,
	resultPriceTop: 0.5
};

/** shop_discounts.csv for a database: 'Paid at' as the day the importer reads. */
export function shopForDatabase(): string {
	const parsed = Papa.parse<string[]>(readFileSync(SHOP, 'utf8'), { skipEmptyLines: true });
	const [header, ...rows] = parsed.data;
	const at = header.indexOf('Paid at');
	expect(at).toBeGreaterThanOrEqual(0);
	for (const r of rows) r[at] = r[at].slice(0, 10);
	return Papa.unparse([header, ...rows], { newline: '\n' }) + '\n';
}

/** ru_skidki.csv for a database: UTF-8, commas, ISO dates, numbers with a decimal point. */
export function ruForDatabase(): string {
	const text = new TextDecoder('windows-1251').decode(readFileSync(RU));
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true });
	const [header, ...rows] = parsed.data;
	expect(header).toEqual([
		'Дата',
		'Контрагент',
		'Номенклатура',
		'Количество',
		'Цена по прайсу',
		'Цена продажи',
		'Скидка, %',
		'Сумма'
	]);
	const out = rows.map((r) =>
		r.map((cell, c) => {
			if (c === 0) {
				const m = /^(\d\d)\.(\d\d)\.(\d{4})$/.exec(cell.trim());
				expect(m, cell).not.toBeNull();
				return `${m![3]}-${m![2]}-${m![1]}`;
			}
			if (c < 3 || cell.trim() === '') return cell;
			const n = cell.replace(/[\s\u00a0]/g, '').replace(',', '.');
			expect(n, cell).toMatch(/^-?\d+(\.\d+)?$/);
			return n;
		})
	);
	return Papa.unparse([header, ...out], { newline: '\n' }) + '\n';
}

/**
 * Edge cases of a percent discount beside a list price and a unit price (mapped by hand): exactly
 * 70 % off (A, from both columns) makes half of A's items nearly free, exactly the freeloader share;
 * B's free line (paid 0) is half its items; C bought exactly half its revenue discounted; E and F
 * tie at the price cutoff; J's list price 0 says nothing; K's quantities 0 and empty count one
 * item; L has only a return (no type); M's return is left out; N's 150 % is 100 %; O's list price
 * is below the price (no discount); P's discount cell says 0 but the list price 20 %; Q has no unit
 * price (amount / quantity is read against the list price).
 */
export const REESE_EDGE_CSV = [
	'Client,Day,Qty,Price,List,Off %,Total',
	'A,2024-01-02,1,30,100,70,30',
	'A,2024-01-03,1,100,,,100',
	'B,2024-01-04,2,0,,,0',
	'B,2024-01-05,2,10,,,20',
	'C,2024-01-06,1,90,100,10,90',
	'C,2024-01-07,1,90,,,90',
	'D,2024-01-08,1,10,,5,9.5',
	'D,2024-01-09,2,10,,,20',
	'E,2024-01-10,1,200,,,200',
	'F,2024-01-11,2,200,,,400',
	'G,2024-01-12,1,500,,,500',
	'H,2024-02-01,1,50,,,50',
	'J,2024-02-02,1,20,0,,20',
	'K,2024-02-03,0,15,,,15',
	'K,2024-02-04,,15,,,15',
	'L,2024-02-05,-1,20,,,-20',
	'M,2024-02-06,1,60,,,60',
	'M,2024-02-07,-1,60,,2,-60',
	'N,2024-02-08,1,10,,150,10',
	'O,2024-02-09,1,120,100,,120',
	'P,2024-02-10,1,80,100,0,80',
	'Q,2024-02-11,2,,100,,150',
	'Q,2024-03-01,1,95,100,,95'
].join('\n');

/**
 * A promo-code column (no quantity, no unit price) beside a compare-at price, and an amount
 * column: "no code" written several ways (None, N/A, НЕТ, FĂRĂ, —, -, 0), codes with and without
 * a compare-at price (the list depth replaces a code's unknown one), a free line, a compare-at
 * price below the price; Off as an amount: against the amount paid, a free line with an amount off
 * is 100 %, a negative amount off counts by its size.
 */
export const REESE_CODE_CSV = [
	'Email,Total,Promo,Compare at,Off',
	'a,10,None,,0',
	'a,12,SAVE10,,2',
	'b,10,N/A,,',
	'c,10,НЕТ,,5',
	'd,10,FĂRĂ,,',
	'e,10,SAVE10,,',
	'e,14,WELCOME,,-3',
	'f,10,SAVE10,20,10',
	'g,10,—,,',
	'g,10,none,,',
	'h,0,,,7',
	'h,0,,,',
	'i,10,0,,',
	'i,30,,25,',
	'k,10,-,12,',
	'k,40,,,1'
].join('\n');

/** The datasets with discount columns, as the importer reads them, and their tables. */
interface DiscountData {
	name: string;
	table: string;
	data: Loaded;
	/** a period inside the file */
	period: Pick<ClassifySettings, 'dateFrom' | 'dateTo'>;
}

/** A mapping by hand: `roles` → column, every other role unmapped. */
const mapped =
	(roles: Partial<Record<Role, number>>, kind: FilePlan['discountKind']) =>
	(m: Record<Role, number>, plan: FilePlan) => {
		for (const r of ROLES) m[r] = roles[r] ?? -1;
		plan.amountSource = 'column';
		plan.discountKind = kind;
	};

/** How many customers of each type (and without one) the rows have. */
const typeCounts = (rows: Row[]) => {
	const out: Record<string, number> = {};
	for (const r of rows) out[String(r.customerType)] = (out[String(r.customerType)] ?? 0) + 1;
	return out;
};

/** Registers the Reese comparisons: `engine()` is the suite's database, `file` writes a temporary file. */
export function describeReeseComparisons(
	engine: () => SqlEngine,
	file: (name: string, text: string) => string,
	dialects: SqlDialect[]
): void {
	describe('Reese\'s customer types (README "The rules: Reese\'s four customer types")', () => {
		const sets: DiscountData[] = [];
		const byName = (prefix: string) => {
			const found = sets.find((s) => s.name.startsWith(prefix));
			expect(found, prefix).toBeDefined();
			return found!;
		};
		beforeAll(async () => {
			const db = engine();
			await db.load('shop', file('shop.csv', shopForDatabase()));
			await db.load('ru_skidki', file('ru_skidki.csv', ruForDatabase()));
			const edge = file('reese_edge.csv', REESE_EDGE_CSV + '\n');
			const code = file('reese_code.csv', REESE_CODE_CSV + '\n');
			await db.load('reese_edge', edge);
			await db.load('reese_code', code);
			await db.load('superstore_types', SUPERSTORE);
			const shopPeriod = { dateFrom: day('2025-02-01'), dateTo: day('2025-05-31') };
			const noPeriod = {};
			sets.push(
				{ name: 'shop auto', table: 'shop', data: await loadEngine(SHOP), period: shopPeriod },
				{
					name: 'shop amount',
					table: 'shop',
					data: await loadEngine(SHOP, (m, plan) => {
						m.discount = plan.header.indexOf('Discount Amount');
						plan.discountKind = 'amount';
					}),
					period: shopPeriod
				},
				{
					name: 'shop list only',
					table: 'shop',
					data: await loadEngine(SHOP, (m, plan) => {
						m.discount = -1;
						plan.discountKind = undefined;
					}),
					period: shopPeriod
				},
				{
					name: 'ru_skidki',
					table: 'ru_skidki',
					data: await loadEngine(RU),
					period: { dateFrom: day('2025-02-01'), dateTo: day('2025-04-30') }
				},
				{
					name: 'superstore',
					table: 'superstore_types',
					data: await loadEngine(SUPERSTORE),
					period: { dateFrom: day('2024-04-01'), dateTo: day('2024-09-30') }
				},
				{
					name: 'edge',
					table: 'reese_edge',
					data: await loadEngine(
						edge,
						mapped(
							{ customerKey: 0, date: 1, quantity: 2, unitPrice: 3, listPrice: 4, discount: 5, amount: 6 },
							'percent'
						)
					),
					period: { dateFrom: day('2024-01-04'), dateTo: day('2024-02-08') }
				},
				{
					name: 'code',
					table: 'reese_code',
					data: await loadEngine(code, mapped({ customerKey: 0, amount: 1, discount: 2, listPrice: 3 }, 'code')),
					period: noPeriod
				},
				{
					name: 'amount off',
					table: 'reese_code',
					data: await loadEngine(code, mapped({ customerKey: 0, amount: 1, discount: 4 }, 'amount')),
					period: noPeriod
				}
			);
		}, 60_000);

		it('the importer maps the discount columns the query reads (sqlColumnsOf)', () => {
			expect(byName('shop auto').data.sql).toMatchObject({
				customerKey: 'Email',
				amount: 'Total',
				quantity: 'Lineitem quantity',
				unitPrice: 'Lineitem price',
				discount: 'Discount Code',
				discountKind: 'code',
				listPrice: 'Lineitem compare at price'
			});
			expect(byName('shop auto').data.sql.rules?.refund?.column).toBe('Refunded Amount');
			expect(byName('shop amount').data.sql).toMatchObject({ discount: 'Discount Amount', discountKind: 'amount' });
			expect(byName('shop list only').data.sql.discount).toBeUndefined();
			expect(byName('shop list only').data.sql.listPrice).toBe('Lineitem compare at price');
			expect(byName('ru_skidki').data.sql).toMatchObject({
				customerKey: 'Контрагент',
				amount: 'Сумма',
				quantity: 'Количество',
				unitPrice: 'Цена продажи',
				discount: 'Скидка, %',
				discountKind: 'percent',
				listPrice: 'Цена по прайсу'
			});
			expect(byName('superstore').data.sql).toMatchObject({ discount: 'Discount', discountKind: 'fraction' });
			expect(byName('superstore').data.sql.listPrice).toBeUndefined();
			expect(byName('edge').data.sql).toMatchObject({ discount: 'Off %', discountKind: 'percent', listPrice: 'List' });
			expect(byName('code').data.sql).toMatchObject({
				discount: 'Promo',
				discountKind: 'code',
				listPrice: 'Compare at'
			});
			for (const s of sets) expect(s.data.columns.discount, s.name).toBeDefined();
		});

		const cases = (s: DiscountData): [string, ClassifySettings, SqlOptions][] => [
			['revenue, returns netted', base, {}],
			['returns ignored, gold / silver / bronze', { ...base, returns: 'ignore', classes: [...PRESETS.gsb] }, {}],
			['a period', { ...base, ...s.period }, {}],
			['other thresholds', base, { reese: OTHER_THRESHOLDS }],
			[
				'other thresholds in a period, payments',
				{ ...base, metric: 'payments', ...s.period },
				{ reese: OTHER_THRESHOLDS }
			]
		];
		for (const dialect of dialects) {
			it(`${dialect}: every customer's type is the engine's, on every file and setting`, async () => {
				let compared = 0;
				for (const s of sets)
					for (const [name, settings, options] of cases(s)) {
						const rows = await expectSameAsEngine(engine(), s.data, settings, dialect, s.table, options).catch(
							(e: unknown) => {
								throw new Error(`${s.name}, ${name}: ${e instanceof Error ? e.message : String(e)}`);
							}
						);
						expect(rows.every((r) => r.customerType !== undefined)).toBe(true);
						compared += rows.length;
					}
				expect(compared).toBeGreaterThan(700);
			}, 60_000);
		}

		it('the comparisons meet every type, customers without a type, and the edge cases as intended', () => {
			const seen = new Set<string>();
			for (const s of sets)
				for (const [, settings, options] of cases(s))
					for (const r of engineRows(s.data, settings, options.reese ?? undefined)) seen.add(String(r.customerType));
			expect([...seen].sort()).toEqual([...REESE_TYPES, 'null'].sort());
			// the expected.py answers of discount-import.test.ts
			expect(typeCounts(engineRows(byName('shop auto').data, base))).toEqual({
				freeloader: 3,
				discountLover: 6,
				seeker: 10,
				resultFocused: 6
			});
			expect(typeCounts(engineRows(byName('shop list only').data, base))).toMatchObject({ unknown: 14 });
			expect(typeCounts(engineRows(byName('ru_skidki').data, base))).toEqual({
				freeloader: 2,
				discountLover: 3,
				seeker: 5,
				resultFocused: 5
			});
			const edge = Object.fromEntries(engineRows(byName('edge').data, base).map((r) => [r.key, r.customerType]));
			expect(edge).toMatchObject({
				A: 'freeloader',
				B: 'freeloader',
				C: 'discountLover',
				E: 'resultFocused',
				F: 'resultFocused',
				L: null,
				N: 'freeloader'
			});
			const code = Object.fromEntries(engineRows(byName('code').data, base).map((r) => [r.key, r.customerType]));
			expect(code).toMatchObject({ b: 'seeker', e: 'discountLover', h: 'freeloader' });
		});

		it.each(dialects)('%s: no customer_type without discount columns, or with reese: null', async (dialect) => {
			const s = byName('shop auto');
			const q = classificationSql(base, s.data.sql, dialect, s.table, { reese: null });
			expect(q).not.toContain('customer_type');
			const { discount: _d, discountKind: _k, listPrice: _l, ...without } = s.data.sql;
			const plain = classificationSql(base, without, dialect, s.table);
			expect(plain).not.toContain('customer_type');
			expect((await engine().run(plain)).columns).not.toContain('customer_type');
		});

		it.each(dialects)(
			'%s: a query with a changed rule gives other types (the comparison can fail)',
			async (dialect) => {
				const mutations: [string, (q: string) => string][] = [
					[
						'the cutoff one place lower',
						(q) => q.replace('WHERE price_rank = GREATEST(1,', 'WHERE price_rank = 1 + GREATEST(1,')
					],
					[
						"a code's unknown depth not counted as discounted",
						(q) => q.replace('WHEN depth > 0 OR depth = -1 THEN amount', 'WHEN depth > 0 THEN amount')
					],
					['returns not left out', (q) => q.replace('  FROM in_scope\n  WHERE NOT is_return\n', '  FROM in_scope\n')],
					['no 1e-9 below the thresholds', (q) => q.replace("CAST('0.699999999'", "CAST('0.7000000000000001'")]
				];
				for (const [name, mutate] of mutations) {
					let differs = 0;
					for (const s of [byName('shop auto'), byName('edge'), byName('code')]) {
						const expected = engineRows(s.data, base).map((r) => r.customerType);
						const good = classificationSql(base, s.data.sql, dialect, s.table);
						const q = mutate(good);
						expect(q, name).not.toBe(good);
						const got = (await engine().run(q)).rows.map((o) =>
							o.customer_type === null || o.customer_type === '' ? null : String(o.customer_type)
						);
						expect(got.length).toBe(expected.length);
						if (JSON.stringify(got) !== JSON.stringify(expected)) differs++;
					}
					expect(differs, name).toBeGreaterThan(0);
				}
			},
			60_000
		);
	});
}
