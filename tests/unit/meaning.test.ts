/**
 * What an export means, end to end (README, "What an export means"): small inline CSV files go
 * through prepareBytes + importFiles as a user's drop does; each test pins the detected meaning,
 * the analyst's answer (worked by hand in the comments) and the decisions of the import report.
 * Every import is also checked to account for each record.
 */
import { describe, expect, it } from 'vitest';
import { importFiles, prepareBytes, type FileToImport } from '../../src/lib/ingest/pipeline';
import { aggregate } from '../../src/lib/engine/aggregate';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import type { SalesColumns, ClassifySettings } from '../../src/lib/engine/types';
import type { ImportReport } from '../../src/lib/ingest/build';
import { DROPPING_DECISIONS } from '../../src/lib/ingest/row-meaning';
import type { Interpretation } from '../../src/lib/ingest/types';

const settings: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5
};
const ignore: ClassifySettings = { ...settings, returns: 'ignore' };

async function prepare(csv: string, name = 'export.csv'): Promise<FileToImport> {
	return prepareBytes(new TextEncoder().encode(csv), name);
}

/** Imports prepared files (after `edit`, the user's changes in the mapping step). */
async function run(files: FileToImport[], edit: (meaning: Interpretation, file: FileToImport) => void = () => {}) {
	for (const f of files) edit((f.plan.meaning ??= {}), f);
	const { columns, report } = await importFiles(files, { cancelled: () => false });
	accounted(columns, report);
	return { columns, report, answer: (s: ClassifySettings = settings) => lines(columns, s) };
}

const load = async (csv: string, edit?: (meaning: Interpretation, file: FileToImport) => void) => {
	const prepared = await prepare(csv);
	return { prepared, ...(await run([prepared], edit)) };
};

/** 'name value class[*]' per customer in rank order. */
function lines(columns: SalesColumns, s: ClassifySettings): string[] {
	const res = classify(aggregate(columns, s), columns.customerKeys, s);
	return Array.from(res.rankOrder).map(
		(c, r) =>
			`${columns.customerNames[c]} ${res.value[r]} ${s.classes[res.classIndex[r]].name}${res.isKeyCustomer[r] === 1 ? '*' : ''}`
	);
}

/** Every record is imported, skipped with a reason or left out by a listed decision; refund rows come on top. */
function accounted(columns: SalesColumns, report: ImportReport): void {
	const skipped = report.skipped.reduce((s, e) => s + e.count, 0);
	const dropped = (report.decisions ?? [])
		.filter((d) => DROPPING_DECISIONS.has(d.kind))
		.reduce((s, d) => s + d.rows, 0);
	expect(report.rowsRead, 'rows read = imported + skipped + dropped by a decision').toBe(
		report.rowsImported + skipped + dropped
	);
	expect(columns.rowCount, 'sales rows = imported records + added refund rows').toBe(
		report.rowsImported + (report.addedRows ?? 0)
	);
}

const decision = (report: ImportReport, kind: string, value?: string) =>
	report.decisions?.find((d) => d.kind === kind && (value === undefined || d.value === value));
const skips = (report: ImportReport) => Object.fromEntries(report.skipped.map((s) => [s.reason, s.count]));

describe('status column', () => {
	it('values first seen after the 200 sampled rows follow the vocabulary', async () => {
		// rows 1..200: Ann (odd) and Bob (even) pay 10 each → Ann 1000, Bob 1000
		const sampled = Array.from({ length: 200 }, (_, i) => `${i + 1},${i % 2 === 0 ? 'Ann' : 'Bob'},10,paid`);
		const later = ['201,Cat,70,Cancelled by customer', '202,Ann,5,Voided', '203,Cat,40,Shipped', '204,Dan,8,Refunded'];
		const { prepared, report, columns, answer } = await load(
			['Order,Customer,Total,Status', ...sampled, ...later].join('\n') + '\n'
		);
		expect(prepared.plan.meaning?.status).toEqual({ column: 3, context: 'status', values: { paid: 'sale' } });
		// Cat: 70 left out + 40 = 40; Dan: 8 − 8 = 0. T = 2040: Ann, Bob 49 % each (A, key); Cat after 98 % → C
		expect(answer()).toEqual(['Ann 1000 A*', 'Bob 1000 A*', 'Cat 40 C', 'Dan 0 C']);
		expect(decision(report, 'status-excluded', 'Cancelled by customer')).toMatchObject({ rows: 1, amount: 70 });
		expect(decision(report, 'status-excluded', 'Voided')).toMatchObject({ rows: 1, amount: 5 });
		expect(decision(report, 'refunded-in-full', 'Refunded')).toMatchObject({ rows: 1, amount: 8 });
		expect([report.rowsRead, report.rowsImported, report.addedRows, columns.rowCount]).toEqual([204, 202, 1, 203]);
	});

	it("'Refunded' without a refund column nets the customer to 0, lowest class, never key; 'Partially refunded' is a sale", async () => {
		const { prepared, report, answer } = await load(
			'Order,Customer,Total,Status\n1,Ann,100,paid\n2,Bob,50,Refunded\n3,Cat,30,completed\n4,Dan,10,Partially refunded\n'
		);
		expect(prepared.plan.meaning?.status?.values).toEqual({
			paid: 'sale',
			refunded: 'refunded',
			completed: 'sale',
			'partially refunded': 'sale'
		});
		// T = 140: Ann 71 % A*; Cat after 71 % → A, 21 % key; Dan after 93 % → B, 7 %; Bob 0 → C
		expect(answer()).toEqual(['Ann 100 A*', 'Cat 30 A*', 'Dan 10 B', 'Bob 0 C']);
		expect(decision(report, 'refunded-in-full', 'Refunded')).toMatchObject({ rows: 1, amount: 50 });
		expect([report.rowsImported, report.addedRows]).toEqual([4, 1]);
		// returns ignored: Bob's −50 goes, his 50 stays. T = 190: Ann 53 %, Bob after 53 %, Cat after 79 % (A); Dan after 95 % → B… 180/190 = 0.947 < 0.95 → B
		expect(answer(ignore)).toEqual(['Ann 100 A*', 'Bob 50 A*', 'Cat 30 A*', 'Dan 10 B']);
	});

	it('the user makes a status value a sale or a return: the choice wins over the vocabulary', async () => {
		const csv = 'Order,Customer,Total,Status\n1,Ann,100,paid\n2,Bob,50,failed\n3,Cat,30,paid\n';
		const sale = await load(csv, (m) => (m.status!.values.failed = 'sale'));
		// Ann 100, Bob 50, Cat 30. T = 180: Ann 56 % A*; Bob after 56 % → A, 28 %; Cat after 83 % → B, 17 % key
		expect(sale.answer()).toEqual(['Ann 100 A*', 'Bob 50 A*', 'Cat 30 B*']);
		expect(sale.report.decisions).toEqual([]);
		const ret = await load(csv, (m) => (m.status!.values.failed = 'return'));
		// Bob −50. T = 130: Ann 77 % A*; Cat after 77 % → A, 23 %; Bob negative → C
		expect(ret.answer()).toEqual(['Ann 100 A*', 'Cat 30 A*', 'Bob -50 C']);
		expect(decision(ret.report, 'status-return', 'failed')).toMatchObject({ rows: 1, amount: 50 });
		// 'paid' made a non-sale: with Bob's failed row, every row is left out and the import says so
		await expect(load(csv, (m) => (m.status!.values.paid = 'excluded'))).rejects.toMatchObject({
			info: { code: 'no-valid-rows' }
		});
	});

	it('a deals pipeline counts only won deals; the open and lost ones are listed with their money', async () => {
		const { prepared, report, answer } = await load(
			'Deal,Company,Amount,Deal Stage\nD1,Acme,500,Closed Won\nD2,Acme,900,Negotiation\nD3,Beta,300,Won\nD4,Gamma,700,Closed Lost\nD5,Beta,200,Proposal\n'
		);
		expect(prepared.plan.meaning?.status?.context).toBe('stage');
		// Acme 500, Beta 300; Gamma has no won deal: not a customer at all. T = 800: Acme 62.5 %, Beta after 62.5 % → A
		expect(answer()).toEqual(['Acme 500 A*', 'Beta 300 A*']);
		expect(
			['Negotiation', 'Closed Lost', 'Proposal'].map((v) => decision(report, 'status-excluded', v)?.amount)
		).toEqual([900, 700, 200]);
	});

	it('a Russian order status column with «Оплачено» is not a deals pipeline: delivered orders are sales', async () => {
		const { prepared, answer } = await load(
			'Заказ;Клиент;Сумма;Статус\n1;Анна;100;Оплачено\n2;Борис;50;Доставлено\n3;Анна;30;Отменён\n'
		);
		expect(prepared.plan.meaning?.status?.context).toBe('status');
		// Анна 100 (30 cancelled), Борис 50. T = 150: Анна 67 % A*, Борис after 67 % → A, 33 %
		expect(answer()).toEqual(['Анна 100 A*', 'Борис 50 A*']);
	});
});

describe('currencies', () => {
	it('two currencies and no converted amount: the most frequent is counted, the others left out per currency', async () => {
		const { prepared, report, answer } = await load(
			'Invoice,Customer,Amount,Currency\nI1,Ann,100,EUR\nI2,Bob,50,USD\nI3,Cat,30,EUR\nI4,Bob,20,EUR\nI5,Ann,7.5,USD\nI6,Dan,5,\n'
		);
		expect(prepared.plan.meaning?.currency).toEqual({ column: 3, keep: 'EUR', converted: null, seen: ['EUR', 'USD'] });
		// EUR (and the row without a currency): Ann 100, Cat 30, Bob 20, Dan 5. T = 155:
		// Ann 64.5 % A*; Cat after 64.5 % → A, 19 %; Bob after 83.9 % → B, 12.9 % key; Dan after 96.8 % → C, 3 %
		expect(answer()).toEqual(['Ann 100 A*', 'Cat 30 A*', 'Bob 20 B*', 'Dan 5 C']);
		// USD: 50 + 7.5
		expect(decision(report, 'currency-excluded', 'USD')).toMatchObject({ rows: 2, amount: 57.5 });
	});

	it('the user picks the other currency: only it is counted', async () => {
		const csv =
			'Invoice,Customer,Amount,Currency\nI1,Ann,100,EUR\nI2,Bob,50,USD\nI3,Cat,30,EUR\nI4,Bob,20,EUR\nI5,Ann,7.5,USD\n';
		const { report, answer } = await load(csv, (m) => (m.currency = { ...m.currency!, keep: 'USD' }));
		// USD: Bob 50, Ann 7.5. T = 57.5: Bob 87 % A*; Ann after 87 % → B, 13 % key
		expect(answer()).toEqual(['Bob 50 A*', 'Ann 7.5 B*']);
		expect(decision(report, 'currency-excluded', 'EUR')).toMatchObject({ rows: 3, amount: 150 });
	});

	it('a converted amount column beats counting one currency: every row is kept, in the settlement currency', async () => {
		const { prepared, report, answer } = await load(
			'Customer,Amount,Currency,Converted Amount,Converted Currency\nAnn,100,EUR,110,USD\nBob,50,USD,50,USD\nAnn,20,GBP,25,USD\n'
		);
		expect(prepared.plan.header[prepared.plan.mapping.amount]).toBe('Converted Amount');
		expect(prepared.plan.meaning?.currency).toMatchObject({ keep: null, converted: 'USD' });
		// Ann 110 + 25 = 135, Bob 50. T = 185: Ann 73 % A*; Bob after 73 % → A, 27 %
		expect(answer()).toEqual(['Ann 135 A*', 'Bob 50 A*']);
		expect(decision(report, 'currency-excluded')).toBeUndefined();
	});

	it('the most frequent currency is counted whatever the case it is written in (EUR + eur beat USD)', async () => {
		// 'EUR' ×2 + 'eur' ×2 = 4 rows of EUR against 3 of USD (rows are compared upper-cased too)
		const { prepared, answer } = await load(
			'Invoice,Customer,Amount,Currency\nI1,A,1,EUR\nI2,B,1,eur\nI3,C,1,USD\nI4,D,1,USD\nI5,E,1,USD\nI6,F,1,EUR\nI7,G,1,eur\n'
		);
		expect(prepared.plan.meaning?.currency?.keep).toBe('EUR');
		expect(answer().map((l) => l.split(' ')[0])).toEqual(['A', 'B', 'F', 'G']);
	});
});

describe('one amount per sale', () => {
	const once =
		'Order Number,Customer,Order Total,Qty\nA1,Ann,90,1\nA1,Ann,90,2\nA1,Ann,90,3\nA2,Bob,40,4\nA3,Ann,15,1\n';

	it('an order total repeated on item rows without a line column counts once per order; the rows stay for units and payments', async () => {
		const { prepared, report, columns, answer } = await load(once);
		expect(prepared.plan.meaning?.orderTotal).toEqual({ mode: 'oncePerOrder', totalColumn: 2 });
		// Ann: 90 (A1, once) + 15 (A3) = 105; Bob 40. T = 145: Ann 72 % A*; Bob after 72 % → A, 28 %
		expect(answer()).toEqual(['Ann 105 A*', 'Bob 40 A*']);
		// the two repeats of A1's 90
		expect(decision(report, 'order-total-once')).toMatchObject({ rows: 2, amount: 180 });
		expect([report.rowsImported, columns.rowCount]).toEqual([5, 5]);
		// payments: Ann A1, A3 = 2; Bob A2 = 1. T = 3: Ann A*, Bob after 67 % → A
		expect(answer({ ...settings, metric: 'payments' })).toEqual(['Ann 2 A*', 'Bob 1 A*']);
		// units: Ann 1 + 2 + 3 + 1 = 7; Bob 4. T = 11: Ann 64 % A*; Bob after 64 % → A
		expect(answer({ ...settings, metric: 'units' })).toEqual(['Ann 7 A*', 'Bob 4 A*']);
	});

	it('the user unticks "count the order total once": every row counts its total', async () => {
		const { report, answer } = await load(once, (m) => (m.orderTotal = null));
		// Ann 90 × 3 + 15 = 285; Bob 40. T = 325: Ann 88 % A*; Bob after 88 % → B, 12 % key
		expect(answer()).toEqual(['Ann 285 A*', 'Bob 40 B*']);
		expect(decision(report, 'order-total-once')).toBeUndefined();
	});

	it('a line-amount column that adds up to the repeated total is used instead of it', async () => {
		const { prepared, answer } = await load(
			'Order,Customer,Order Total,Line Amount\nA1,Ann,90,60\nA1,Ann,90,30\nA2,Bob,40,40\n'
		);
		expect(prepared.plan.meaning?.orderTotal).toEqual({ mode: 'line', totalColumn: 2 });
		expect(prepared.plan.header[prepared.plan.mapping.amount]).toBe('Line Amount');
		// Ann 60 + 30 = 90; Bob 40. T = 130: Ann 69 % A*; Bob after 69 % → A
		expect(answer()).toEqual(['Ann 90 A*', 'Bob 40 A*']);
	});
});

describe('refunds and returns', () => {
	const docs =
		'Invoice,Customer,Type,Amount,Refunded Amount\nI1,Ann,Invoice,100,0\nI2,Ann,Credit Note,40,\nI3,Bob,Invoice,80,30\nI4,Cat,Invoice,50,\n';

	it('a refund column and credit notes are subtracted under "net" and ignored under "ignore"', async () => {
		const { prepared, report, answer } = await load(docs);
		expect(prepared.plan.header[prepared.plan.mapping.amount]).toBe('Amount');
		expect(prepared.plan.meaning).toMatchObject({
			refund: 4,
			docType: { column: 2, values: { invoice: 'sale', 'credit note': 'return' } }
		});
		// net: Ann 100 − 40 = 60; Bob 80 − 30 = 50; Cat 50. T = 160: Ann 37.5 %; Bob (before Cat by name) after 37.5 %; Cat after 69 %: all A, all key
		expect(answer()).toEqual(['Ann 60 A*', 'Bob 50 A*', 'Cat 50 A*']);
		expect(decision(report, 'type-return', 'Credit Note')).toMatchObject({ rows: 1, amount: 40 });
		// Ann's refund of 0 adds no row
		expect(decision(report, 'refund')).toMatchObject({ rows: 1, amount: 30 });
		expect(report.addedRows).toBe(1);
		// ignore: Ann 100, Bob 80, Cat 50. T = 230: Ann 43 %; Bob after 43 %; Cat after 78 %: all A
		expect(answer(ignore)).toEqual(['Ann 100 A*', 'Bob 80 A*', 'Cat 50 A*']);
	});

	it('the user makes the credit note a sale and drops the refund column', async () => {
		const { report, answer } = await load(docs, (m) => {
			m.docType = { ...m.docType!, values: { ...m.docType!.values, 'credit note': 'sale' } };
			m.refund = -1;
		});
		// Ann 100 + 40 = 140; Bob 80; Cat 50. T = 270: Ann 52 % A*; Bob after 52 % → A, 30 %; Cat after 81 % → B, 18.5 % key
		expect(answer()).toEqual(['Ann 140 A*', 'Bob 80 A*', 'Cat 50 B*']);
		expect(report.addedRows).toBe(0);
		expect(report.decisions).toEqual([]);
	});

	it('a refund on a row whose amount is already negative adds nothing', async () => {
		const csv = 'Order,Email,Total,Refunded Amount\n1,a@x,100,30\n2,b@x,-40,40\n3,c@x,20,0\n';
		const { prepared, columns, report, answer } = await load(csv);
		expect(prepared.plan.meaning?.refund).toBe(3);
		// a: 100 − 30 = 70; b: −40 (its refund of 40 is the row itself, not −80); c: 20
		expect(Array.from(columns.amount)).toEqual([100, -30, -40, 20]);
		// T = 90 (positive totals): a 78 % A*; c after 78 % → A, 22 %; b negative → C
		expect(answer()).toEqual(['a@x 70 A*', 'c@x 20 A*', 'b@x -40 C']);
		expect(decision(report, 'refund')).toMatchObject({ rows: 1, amount: 30 });
	});

	it('a refund written as a negative number is subtracted once, as −|refund|', async () => {
		const { columns, report, answer } = await load('Order,Email,Total,Refunded Amount\n1,a@x,100,-30\n2,b@x,50,\n');
		// a: 100 − |−30| = 70 (never 100 + 30); b: 50. T = 120: a 58 % A*; b after 58 % → A, 42 %
		expect(Array.from(columns.amount)).toEqual([100, -30, 50]);
		expect(answer()).toEqual(['a@x 70 A*', 'b@x 50 A*']);
		expect(decision(report, 'refund')).toMatchObject({ rows: 1, amount: 30 });
	});

	it('the user sets the refund column to none: refunds are no longer subtracted', async () => {
		const csv = 'Order,Email,Total,Refunded Amount\n1,a@x,100,30\n2,b@x,-40,40\n3,c@x,20,0\n';
		const { columns, report, answer } = await load(csv, (m) => (m.refund = -1));
		expect(Array.from(columns.amount)).toEqual([100, -40, 20]);
		// T = 120: a 83 % A*; c after 83 % → B, 17 % key; b → C
		expect(answer()).toEqual(['a@x 100 A*', 'c@x 20 B*', 'b@x -40 C']);
		expect(report.addedRows).toBe(0);
	});

	const sales = 'Контрагент;Дата;Сумма\nКедр;01.02.2025;500\nБереза;02.02.2025;50\n';
	const returns = 'Возврат товаров от клиента\n\nКонтрагент;Дата;Сумма\nКедр;03.02.2025;-100\nБереза;04.02.2025;50\n';

	it('a returns list found by its title: positive amounts subtracted, negative ones stay negative', async () => {
		const files = [await prepare(sales, 'sales.csv'), await prepare(returns, 'returns.csv')];
		expect(files[0].plan.meaning?.returnsFile).toBeFalsy();
		expect(files[1].plan.meaning).toMatchObject({ returnsFile: true, returnsReason: 'title' });
		const { columns, report, answer } = await run(files);
		// −|−100| = −100 (never +100), −|50| = −50
		expect(Array.from(columns.amount)).toEqual([500, 50, -100, -50]);
		// Кедр 500 − 100 = 400 A*; Береза 50 − 50 = 0 → C
		expect(answer()).toEqual(['Кедр 400 A*', 'Береза 0 C']);
		expect(decision(report, 'returns-file')).toEqual({
			file: 'returns.csv',
			kind: 'returns-file',
			rows: 2,
			amount: 150
		});
		// ignore: the returns list is ignored. T = 550: Кедр 91 % A*, Береза after 91 % → B, 9 % (not key)
		expect(answer(ignore)).toEqual(['Кедр 500 A*', 'Береза 50 B']);
	});

	it('the user unticks "list of returns": its amounts count as written', async () => {
		const files = [await prepare(sales, 'sales.csv'), await prepare(returns, 'returns.csv')];
		const { report, answer } = await run(files, (m) => {
			m.returnsFile = false;
			m.returnsReason = null;
		});
		// Кедр 500 − 100 = 400; Береза 50 + 50 = 100. T = 500: Кедр 80 % A*; Береза after 80 % → B, 20 % key
		expect(answer()).toEqual(['Кедр 400 A*', 'Береза 100 B*']);
		expect(decision(report, 'returns-file')).toBeUndefined();
	});
});

describe('customers', () => {
	it('the fallback column names the customer only when the key cell is empty', async () => {
		const { prepared, columns, report, answer } = await load(
			'Company,Contact,Amount\nNorth,Oleg,100\n,Ivan,50\nNorth,Petr,20\n,,5\n'
		);
		expect(prepared.plan.meaning?.customerFallback).toBe(1);
		// Oleg and Petr are contacts of North, never customers; the row with neither is skipped
		expect(columns.customerKeys).toEqual(['North', 'Ivan']);
		// North 120, Ivan 50. T = 170: North 71 % A*; Ivan after 71 % → A, 29 %
		expect(answer()).toEqual(['North 120 A*', 'Ivan 50 A*']);
		expect(decision(report, 'customer-fallback')?.rows).toBe(1);
		expect(skips(report)).toEqual({ 'no-customer': 1 });
	});

	it('first and last name columns make the display name', async () => {
		const { prepared, columns } = await load('Email,First Name,Last Name,Total\nann@x,Ann,Oak,10\nben@x,Ben,Pine,5\n');
		expect(prepared.plan.meaning?.nameParts).toEqual([1, 2]);
		expect(columns.customerNames).toEqual(['Ann Oak', 'Ben Pine']);
	});
});

describe('report layouts', () => {
	it('heading rows with a group subtotal are not sales: no double count; totals rows skipped and counted', async () => {
		const csv =
			'Customer,Date,Num,Amount\nAnchor Marine,,,300\n,2024-01-02,1,100\n,2024-01-03,2,200\nTotal for Anchor Marine,,,300\nBirch Bistro,,,\n,2024-01-04,3,50\n,2024-01-05,4,25\nTotal for Birch Bistro,,,75\nTOTAL,,,375\n';
		const { prepared, report, answer } = await load(csv);
		expect(prepared.plan.meaning?.fillDown).toBe(true);
		// Anchor 100 + 200 = 300 (not 600), Birch 50 + 25 = 75. T = 375: Anchor 80 % A*; Birch after 80 % → B, 20 % key
		expect(answer()).toEqual(['Anchor Marine 300 A*', 'Birch Bistro 75 B*']);
		expect(decision(report, 'heading-row')?.rows).toBe(2);
		expect(decision(report, 'filled-down')?.rows).toBe(4);
		expect(skips(report)).toEqual({ 'total-row': 3 });
	});

	it('a 1C report: «Итого по …» rows are totals, not headings and not customers', async () => {
		const csv =
			'Контрагент;Дата;Номер;Сумма\nООО «Кедр»;;;300\n;01.02.2025;1;100\n;02.02.2025;2;200\nИтого по ООО «Кедр»;;;300\nИП Соколова;;;\n;03.02.2025;3;30\n;04.02.2025;4;20\nИтого по ИП Соколова;;;50\nИтого;;;350\n';
		const { prepared, report, answer } = await load(csv);
		expect(prepared.plan.meaning?.fillDown).toBe(true);
		// Кедр 100 + 200 = 300, Соколова 30 + 20 = 50. T = 350: Кедр 86 % A*; Соколова after 86 % → B, 14 % key
		expect(answer()).toEqual(['ООО «Кедр» 300 A*', 'ИП Соколова 50 B*']);
		// a totals line has no date either: it must not be taken for a heading
		expect(decision(report, 'heading-row')?.rows).toBe(2);
		expect(decision(report, 'filled-down')?.rows).toBe(4);
		expect(skips(report)).toEqual({ 'total-row': 3 });
	});

	it('a report with one invoice per customer is still read by heading rows (subtotals and totals do not outvote the details)', async () => {
		// 2 detail rows of 7 rows with an amount: the headings' subtotals and the totals lines are not
		// details, but they must not count against them either
		const csv =
			'Customer,Date,Num,Amount\nAnchor Marine,,,300\n,2024-01-02,1,300\nTotal for Anchor Marine,,,300\nBirch Bistro,,,50\n,2024-01-04,2,50\nTotal for Birch Bistro,,,50\nTOTAL,,,350\n';
		const { prepared, report, answer } = await load(csv);
		expect(prepared.plan.meaning?.fillDown).toBe(true);
		expect(answer()).toEqual(['Anchor Marine 300 A*', 'Birch Bistro 50 B*']);
		expect(decision(report, 'filled-down')?.rows).toBe(2);
	});

	it('«Итого по …» in the customer column of a file with a status column is a totals row, not a customer', async () => {
		// the status column makes the row-by-row meaning apply: build.ts checks isTotalLabel(key)
		const { report, answer } = await load(
			'Клиент;Сумма;Статус\nКедр;100;Оплачен\nКедр;200;Оплачен\nИтого по Кедр;300;\nБереза;50;Оплачен\n'
		);
		// Кедр 300, Береза 50; T = 350: Кедр 86 % A*, Береза after 86 % → B, 14 % key
		expect(answer()).toEqual(['Кедр 300 A*', 'Береза 50 B*']);
		expect(skips(report)).toEqual({ 'total-row': 1 });
	});

	it('without a date column, a heading row with its group subtotal is not counted beside its detail rows', async () => {
		// a heading is the customer and at most the amount (a subtotal): 'Anchor Marine,,300' is not a sale
		const { prepared, report, answer } = await load(
			'Customer,Item,Amount\nAnchor Marine,,300\n,Rope,100\n,Sail,200\nBirch Bistro,,50\n,Bread,50\n'
		);
		expect(prepared.plan.meaning?.fillDown).toBe(true);
		// Anchor 100 + 200 = 300, Birch 50 (not 600 and 100)
		expect(answer()).toEqual(['Anchor Marine 300 A*', 'Birch Bistro 50 B*']);
		expect(decision(report, 'heading-row')?.rows).toBe(2);
	});

	it('a "Total for …" key is a totals row even in a file with no other meaning', async () => {
		// as a totals label in the first cell of a row with an empty key is skipped in every file
		const { report, answer } = await load('Customer,Amount\nKedr,100\nTotal for Kedr,100\nBirch,50\n');
		expect(answer()).toEqual(['Kedr 100 A*', 'Birch 50 A*']);
		expect(skips(report)).toEqual({ 'total-row': 1 });
	});
});

describe('every record is accounted for', () => {
	it('imported + skipped + left out by a decision = rows read; refund rows are counted apart', async () => {
		const csv = [
			'Invoice,Customer,Type,Status,Amount,Currency,Refunded Amount',
			'I1,Ann,Invoice,Paid,100,EUR,10', // sale 100 and a refund row −10
			'I2,Bob,Invoice,Failed,50,EUR,', // status-excluded
			'I3,Cat,Credit Note,Paid,30,EUR,', // type-return −30
			'I4,Dan,Invoice,Paid,70,USD,', // currency-excluded (EUR: 6 rows, USD: 1)
			'I5,,Invoice,Paid,20,EUR,', // no customer
			'I6,Eve,Invoice,Paid,,EUR,', // empty amount
			',Итого,,,240,,', // totals row
			'I8,Fay,Invoice,Draft,5,EUR,' // status-excluded
		].join('\n');
		const { prepared, columns, report, answer } = await load(csv);
		expect(prepared.plan.meaning).toMatchObject({
			refund: 6,
			status: { column: 3 },
			docType: { column: 2 },
			currency: { keep: 'EUR' }
		});
		// 8 records = 2 imported + 3 skipped + 3 left out
		expect([report.rowsRead, report.rowsImported, report.addedRows, columns.rowCount]).toEqual([8, 2, 1, 3]);
		expect(skips(report)).toEqual({ 'no-customer': 1, 'empty-amount': 1, 'total-row': 1 });
		expect(
			report.decisions!.map((d) => `${d.kind}${d.value ? ` ${d.value}` : ''} ${d.rows} ${d.amount}`).sort()
		).toEqual([
			'currency-excluded USD 1 70',
			'refund 1 10',
			'status-excluded Draft 1 5',
			'status-excluded Failed 1 50',
			'type-return Credit Note 1 30'
		]);
		// Ann 100 − 10 = 90; Cat −30
		expect(answer()).toEqual(['Ann 90 A*', 'Cat -30 C']);
	});
});

describe('a returns list with a status column', () => {
	it('a return marked "Refunded" in a returns list is subtracted like every other return, not netted to 0', async () => {
		// 'Refunded' (no refund column) is a sale refunded in full: +30 then −30. But in a returns list the
		// row is itself a return that was paid back: −|30|, as the 'Completed' return −|20|.
		const { prepared, columns, answer } = await load(
			'Returns\nCustomer,Amount,Status\nAnn,30,Refunded\nBob,20,Completed\nCat,5,Cancelled\n'
		);
		expect(prepared.plan.meaning).toMatchObject({ returnsFile: true, status: { column: 2 } });
		expect(Array.from(columns.amount)).toEqual([-30, -20]);
		// both negative: no positive total, both in the lowest class; Cat's cancelled return is left out
		expect(answer()).toEqual(['Bob -20 C', 'Ann -30 C']);
	});
});
