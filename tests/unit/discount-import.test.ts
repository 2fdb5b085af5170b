/**
 * Reese's four customer types on two exports with discounts (tests/fixtures/discounts): the
 * fixture is imported through the real path (sniff, auto-mapping, builder), then `reeseTypes`
 * must give every customer the type, and every type the customers and revenue, that
 * tests/fixtures/discounts/expected.py computed independently in Python (EXPECTED.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REESE_TYPES, reeseTypes, type ReeseType } from '../../src/lib/engine/reese';
import type { ReturnsPolicy, SalesColumns } from '../../src/lib/engine/types';
import { importFiles, prepareBytes, type FileToImport } from '../../src/lib/ingest/pipeline';
import { ROLES, type Role } from '../../src/lib/ingest/types';
import type { DiscountKind } from '../../src/lib/ingest/discounts';

const DIR = join(__dirname, '..', 'fixtures', 'discounts');

/** expected.py's numbers: per customer [type, items, free items, discounted share]; per type [customers, revenue net, revenue with returns ignored] */
interface Expected {
	cutoff: number;
	customers: Record<string, [ReeseType, number, number, number]>;
	types: Record<ReeseType, [number, number, number]>;
}

/** shop_discounts.csv, auto-mapping (discount = Discount Code, kind code) */
const SHOP_AUTO: Expected = {
	cutoff: 34.888888888888886,
	customers: {
		'amelia.hart@example.com': ['freeloader', 4, 3, 0.0],
		'ben.okafor@example.net': ['freeloader', 4, 3, 0.0],
		'chloe.dubois@example.fr': ['freeloader', 5, 3, 0.6588921282798834],
		'dan.miller@example.com': ['discountLover', 10, 0, 0.8226950354609929],
		'eva.novak@example.cz': ['discountLover', 7, 0, 0.8945222929936306],
		'farah.khan@example.com': ['discountLover', 7, 0, 0.6422014029471306],
		'george.lam@example.com': ['discountLover', 7, 0, 0.7173298543161557],
		'hanna.berg@example.se': ['discountLover', 6, 0, 0.916010498687664],
		'isabel.ruiz@example.es': ['discountLover', 3, 0, 0.5],
		'james.whitfield@example.co.uk': ['resultFocused', 2, 0, 0.0],
		'katarina.ivanova@example.com': ['resultFocused', 3, 0, 0.0],
		'leo.marchetti@example.it': ['resultFocused', 2, 0, 0.0],
		'maya.patel@example.com': ['resultFocused', 5, 0, 0.023543318721371227],
		'nina.schulz@example.de': ['seeker', 10, 0, 0.14581572273879967],
		'oscar.lindqvist@example.se': ['seeker', 16, 0, 0.11910698355330879],
		'paula.costa@example.pt': ['seeker', 12, 0, 0.26896736941050087],
		'quentin.moreau@example.fr': ['seeker', 14, 0, 0.2532687651331719],
		'rosa.janssen@example.nl': ['seeker', 8, 0, 0.08335279010039692],
		'sam.taylor@example.com': ['seeker', 12, 0, 0.14568345323741008],
		'tara.obrien@example.ie': ['seeker', 11, 0, 0.49690616919098635],
		'umar.haddad@example.com': ['seeker', 9, 0, 0.10923566878980892],
		'vera.kowalski@example.pl': ['seeker', 10, 0, 0.0],
		'will.chen@example.com': ['seeker', 17, 0, 0.0],
		'xenia.popescu@example.ro': ['resultFocused', 3, 0, 0.0],
		'yusuf.demir@example.com.tr': ['resultFocused', 4, 0, 0.0]
	},
	types: {
		freeloader: [3, 94.2, 94.2],
		discountLover: [6, 1132.1, 1132.1],
		seeker: [10, 3607.39, 3625.89],
		resultFocused: [6, 3282.72, 3282.72],
		unknown: [0, 0.0, 0.0]
	}
};

/** shop_discounts.csv, Discount Code unmapped (list price only) */
const SHOP_LIST_ONLY: Expected = {
	cutoff: 162.424,
	customers: {
		'amelia.hart@example.com': ['freeloader', 4, 3, 0.0],
		'ben.okafor@example.net': ['freeloader', 4, 3, 0.0],
		'chloe.dubois@example.fr': ['freeloader', 5, 3, 0.24635568513119532],
		'dan.miller@example.com': ['unknown', 10, 0, 0.0],
		'eva.novak@example.cz': ['unknown', 7, 0, 0.0],
		'farah.khan@example.com': ['unknown', 7, 0, 0.0],
		'george.lam@example.com': ['unknown', 7, 0, 0.0],
		'hanna.berg@example.se': ['discountLover', 6, 0, 0.916010498687664],
		'isabel.ruiz@example.es': ['unknown', 3, 0, 0.0],
		'james.whitfield@example.co.uk': ['resultFocused', 2, 0, 0.0],
		'katarina.ivanova@example.com': ['resultFocused', 3, 0, 0.0],
		'leo.marchetti@example.it': ['resultFocused', 2, 0, 0.0],
		'maya.patel@example.com': ['resultFocused', 5, 0, 0.0],
		'nina.schulz@example.de': ['unknown', 10, 0, 0.0],
		'oscar.lindqvist@example.se': ['unknown', 16, 0, 0.0],
		'paula.costa@example.pt': ['seeker', 12, 0, 0.26896736941050087],
		'quentin.moreau@example.fr': ['seeker', 14, 0, 0.09055690072639225],
		'rosa.janssen@example.nl': ['unknown', 8, 0, 0.0],
		'sam.taylor@example.com': ['unknown', 12, 0, 0.0],
		'tara.obrien@example.ie': ['seeker', 11, 0, 0.47100110823790176],
		'umar.haddad@example.com': ['unknown', 9, 0, 0.0],
		'vera.kowalski@example.pl': ['unknown', 10, 0, 0.0],
		'will.chen@example.com': ['unknown', 17, 0, 0.0],
		'xenia.popescu@example.ro': ['unknown', 3, 0, 0.0],
		'yusuf.demir@example.com.tr': ['unknown', 4, 0, 0.0]
	},
	types: {
		freeloader: [3, 94.2, 94.2],
		discountLover: [1, 152.4, 152.4],
		seeker: [3, 1218.47, 1218.47],
		resultFocused: [4, 2873.62, 2873.62],
		unknown: [14, 3777.72, 3796.22]
	}
};

/** shop_discounts.csv, Discount Amount as the discount (kind amount) */
const SHOP_AMOUNT: Expected = {
	cutoff: 34.888888888888886,
	customers: {
		'amelia.hart@example.com': ['freeloader', 4, 3, 0.0],
		'ben.okafor@example.net': ['freeloader', 4, 3, 0.0],
		'chloe.dubois@example.fr': ['freeloader', 5, 3, 0.6588921282798834],
		'dan.miller@example.com': ['discountLover', 10, 0, 0.8226950354609929],
		'eva.novak@example.cz': ['discountLover', 7, 0, 0.8945222929936306],
		'farah.khan@example.com': ['discountLover', 7, 0, 0.6422014029471306],
		'george.lam@example.com': ['discountLover', 7, 0, 0.7173298543161557],
		'hanna.berg@example.se': ['discountLover', 6, 0, 0.916010498687664],
		'isabel.ruiz@example.es': ['discountLover', 3, 0, 0.5],
		'james.whitfield@example.co.uk': ['resultFocused', 2, 0, 0.0],
		'katarina.ivanova@example.com': ['resultFocused', 3, 0, 0.0],
		'leo.marchetti@example.it': ['resultFocused', 2, 0, 0.0],
		'maya.patel@example.com': ['resultFocused', 5, 0, 0.023543318721371227],
		'nina.schulz@example.de': ['seeker', 10, 0, 0.14581572273879967],
		'oscar.lindqvist@example.se': ['seeker', 16, 0, 0.11910698355330879],
		'paula.costa@example.pt': ['seeker', 12, 0, 0.26896736941050087],
		'quentin.moreau@example.fr': ['seeker', 14, 0, 0.2532687651331719],
		'rosa.janssen@example.nl': ['seeker', 8, 0, 0.08335279010039692],
		'sam.taylor@example.com': ['seeker', 12, 0, 0.14568345323741008],
		'tara.obrien@example.ie': ['seeker', 11, 0, 0.49690616919098635],
		'umar.haddad@example.com': ['seeker', 9, 0, 0.10923566878980892],
		'vera.kowalski@example.pl': ['seeker', 10, 0, 0.0],
		'will.chen@example.com': ['seeker', 17, 0, 0.0],
		'xenia.popescu@example.ro': ['resultFocused', 3, 0, 0.0],
		'yusuf.demir@example.com.tr': ['resultFocused', 4, 0, 0.0]
	},
	types: {
		freeloader: [3, 94.2, 94.2],
		discountLover: [6, 1132.1, 1132.1],
		seeker: [10, 3607.39, 3625.89],
		resultFocused: [6, 3282.72, 3282.72],
		unknown: [0, 0, 0]
	}
};

/** ru_skidki.csv, auto-mapping (discount = Скидка, %, kind percent) */
const RU_AUTO: Expected = {
	cutoff: 1651.328125,
	customers: {
		'АО «Гамма-Сервис»': ['resultFocused', 5, 0, 0.0],
		'ИП Белов Д. С.': ['discountLover', 63, 0, 0.5463648945697305],
		'ИП Ким Е. Л.': ['freeloader', 7, 5, 0.0],
		'ИП Орлова Н. П.': ['freeloader', 11, 6, 0.24776924673168707],
		'ИП Сидоров А. В.': ['discountLover', 75, 0, 0.8159893508730718],
		'ООО «Альфа-Трейд»': ['resultFocused', 34, 0, 0.0],
		'ООО «Бета»': ['discountLover', 77, 0, 0.8090692124105012],
		'ООО «Вектор»': ['resultFocused', 11, 0, 0.0],
		'ООО «Дельта»': ['seeker', 21, 0, 0.0],
		'ООО «Кофейня на углу»': ['seeker', 50, 0, 0.11607377744000467],
		'ООО «Лотос»': ['seeker', 32, 0, 0.1639242195143645],
		'ООО «Офис Плюс»': ['seeker', 38, 0, 0.3842756183745583],
		'ООО «Ромашка»': ['seeker', 55, 0, 0.30636983951511454],
		'ООО «Северный ветер»': ['resultFocused', 32, 0, 0.0782040970809481],
		'ООО «Техснаб»': ['resultFocused', 7, 0, 0.04851727810499031]
	},
	types: {
		freeloader: [2, 10398.0, 10398.0],
		discountLover: [3, 220349.0, 220349.0],
		seeker: [5, 188473.9, 189313.9],
		resultFocused: [5, 478144.5, 478144.5],
		unknown: [0, 0.0, 0.0]
	}
};
async function prepared(name: string): Promise<FileToImport> {
	return prepareBytes(new Uint8Array(readFileSync(join(DIR, name))), name);
}

/** Role → header of the mapped column (null when unmapped). */
function named(f: FileToImport): Record<Role, string | null> {
	const out = {} as Record<Role, string | null>;
	for (const role of ROLES) out[role] = f.plan.mapping[role] >= 0 ? f.plan.header[f.plan.mapping[role]] : null;
	return out;
}

/** The file with its discount column changed, as the mapping step would (kind null: no discount column). */
function withDiscount(f: FileToImport, header: string | null, kind: DiscountKind | undefined): FileToImport {
	const column = header === null ? -1 : f.plan.header.indexOf(header);
	if (header !== null) expect(column, header).toBeGreaterThanOrEqual(0);
	return { ...f, plan: { ...f.plan, mapping: { ...f.plan.mapping, discount: column }, discountKind: kind } };
}

async function imported(f: FileToImport): Promise<SalesColumns> {
	return (await importFiles([f], { cancelled: () => false })).columns;
}

/** Every customer's type, items, free items and discounted share, and each type's customers and revenue. */
function expectTypes(data: SalesColumns, want: Expected) {
	const net = reeseTypes(data, { returns: 'net' });
	expect(net.hasDiscountData).toBe(true);
	expect(net.priceCutoff).toBeCloseTo(want.cutoff, 9);
	const got: Record<string, ReeseType> = {};
	for (const c of net.customers) got[data.customerKeys[c.customer]] = c.type;
	const wantTypes = Object.fromEntries(Object.entries(want.customers).map(([k, v]) => [k, v[0]]));
	expect(got).toEqual(wantTypes);
	for (const c of net.customers) {
		const [, items, freeItems, share] = want.customers[data.customerKeys[c.customer]];
		const key = data.customerKeys[c.customer];
		expect(c.items, `${key} items`).toBe(items);
		expect(c.freeItems, `${key} free items`).toBe(freeItems);
		expect(c.discountedShare, `${key} discounted share`).toBeCloseTo(share, 9);
	}
	for (const [policy, at] of [
		['net', 1],
		['ignore', 2]
	] as [ReturnsPolicy, 1 | 2][]) {
		const result = policy === 'net' ? net : reeseTypes(data, { returns: policy });
		expect(result.types.map((t) => t.type)).toEqual([...REESE_TYPES]);
		for (const row of result.types) {
			expect(row.customers, `${row.type} customers`).toBe(want.types[row.type][0]);
			expect(row.revenue, `${row.type} revenue (${policy})`).toBeCloseTo(want.types[row.type][at], 6);
		}
		const total = REESE_TYPES.reduce((s, t) => s + want.types[t][at], 0);
		for (const row of result.types) expect(row.revenueShare).toBeCloseTo(want.types[row.type][at] / total, 9);
	}
}

describe('a Shopify orders export with free samples, promo codes and full-price buyers', () => {
	it('maps the Discount Code as a code and the compare-at price as the list price, Total as the amount', async () => {
		const f = await prepared('shop_discounts.csv');
		expect(named(f)).toEqual({
			customerKey: 'Email',
			customerName: 'Billing Name',
			date: 'Paid at',
			amount: 'Total',
			quantity: 'Lineitem quantity',
			unitPrice: 'Lineitem price',
			profit: null,
			manager: null,
			orderId: null,
			discount: 'Discount Code',
			listPrice: 'Lineitem compare at price'
		});
		expect(f.plan.amountSource).toBe('column');
		expect(f.plan.discountKind).toBe('code');
		// the Refunded Amount column is read as a refund
		expect(f.plan.meaning?.refund).toBe(f.plan.header.indexOf('Refunded Amount'));
	});

	it('imports one row per order (later lines have no Total) and a return row for the refund', async () => {
		const f = await prepared('shop_discounts.csv');
		const { columns, report } = await importFiles([f], { cancelled: () => false });
		expect(report.rowsRead).toBe(153);
		expect(report.rowsImported).toBe(117);
		expect(report.skipped).toEqual([expect.objectContaining({ reason: 'empty-amount', count: 36 })]);
		expect(report.warnings).toEqual([]);
		expect(report.decisions).toEqual([expect.objectContaining({ kind: 'refund', rows: 1, amount: 18.5 })]);
		expect(columns.rowCount).toBe(118);
		expect(columns.customerKeys).toHaveLength(25);
		expect(columns.discount).toBeDefined();
	});

	it('gives every customer the type expected.py computed', async () => {
		expectTypes(await imported(await prepared('shop_discounts.csv')), SHOP_AUTO);
	});

	it('without the Discount Code column, customers without a compare-at price are unknown', async () => {
		const f = withDiscount(await prepared('shop_discounts.csv'), null, undefined);
		expectTypes(await imported(f), SHOP_LIST_ONLY);
	});

	it('with Discount Amount as the discount (an amount), a price below the compare-at price is a discount even where Discount Amount is 0.00', async () => {
		const f = withDiscount(await prepared('shop_discounts.csv'), 'Discount Amount', 'amount');
		expectTypes(await imported(f), SHOP_AMOUNT);
	});
});

describe('a 1C sales register with Скидка, % and Цена по прайсу (windows-1251)', () => {
	it('maps Скидка, % as a percent and Цена по прайсу as the list price', async () => {
		const f = await prepared('ru_skidki.csv');
		expect(f.encoding).toBe('windows-1251');
		expect(f.delimiter).toBe(';');
		expect(named(f)).toEqual({
			customerKey: 'Контрагент',
			customerName: null,
			date: 'Дата',
			amount: 'Сумма',
			quantity: 'Количество',
			unitPrice: 'Цена продажи',
			profit: null,
			manager: null,
			orderId: null,
			discount: 'Скидка, %',
			listPrice: 'Цена по прайсу'
		});
		expect(f.plan.discountKind).toBe('percent');
		expect(f.plan.decimalSeparators[f.plan.mapping.amount]).toBe(',');
	});

	it('imports every line, the return included, without warnings', async () => {
		const { columns, report } = await importFiles([await prepared('ru_skidki.csv')], { cancelled: () => false });
		expect(report.rowsImported).toBe(74);
		expect(report.skipped).toEqual([]);
		expect(report.warnings).toEqual([]);
		expect(columns.customerKeys).toHaveLength(15);
	});

	it('gives every customer the type expected.py computed', async () => {
		expectTypes(await imported(await prepared('ru_skidki.csv')), RU_AUTO);
	});
});
