/**
 * Real-world exports, imported the way a new user does it: drop the file, accept the automatic
 * mapping, import. Each test checks the columns the auto-mapping chose, then compares the
 * per-customer totals, the skipped rows and the dates with an independent computation done here
 * from the raw cell texts (BigInt minor units; none of the app's parsers is used).
 */
import { describe, expect, it } from 'vitest';
import { importFiles, prepareBytes, type FileToImport } from '../../src/lib/ingest/pipeline';
import { detectHeaderRow } from '../../src/lib/ingest/sniff';
import { aggregate } from '../../src/lib/engine/aggregate';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { MISSING_CUSTOMER_KEYS } from '../../src/lib/core/missing-customer';
import { classificationCsv } from '../../src/lib/engine/csv-export';
import type { ClassifySettings, SalesColumns } from '../../src/lib/engine/types';
import type { ImportReport } from '../../src/lib/ingest/build';
import { ROLES, type Role } from '../../src/lib/ingest/types';
import * as S from './real-exports.samples';
import type { Sample, SampleRow } from './real-exports.samples';

const settings: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5
};

async function load(bytes: Uint8Array, name: string) {
	const prepared = await prepareBytes(bytes, name);
	const result = await importFiles([prepared], { cancelled: () => false });
	return { ...result, prepared };
}

/** role → header of the column the auto-mapping chose (roles left unmapped are absent). */
function mappedHeaders(p: FileToImport): Partial<Record<Role, string>> {
	const out: Partial<Record<Role, string>> = {};
	for (const role of ROLES) if (p.plan.mapping[role] >= 0) out[role] = p.plan.header[p.plan.mapping[role]];
	return out;
}

// ---- the independent computation ----

/** README: trimmed cell text, case-sensitive; these placeholders mean "no customer". */
const NO_CUSTOMER = new Set(MISSING_CUSTOMER_KEYS);
const keyOf = (cell: string) => cell.trim();
/** README "What an export means": an empty customer cell takes the file's second customer column. */
const customerOf = (row: SampleRow) => (keyOf(row.customer) === '' && row.fallback ? row.fallback : row.customer);
const hasCustomer = (row: SampleRow) => !NO_CUSTOMER.has(keyOf(customerOf(row)).toLowerCase());

/** Exact minor units of a money cell written with `decimal` as its decimal separator. */
function units(text: string, scale: number, decimal: '.' | ','): bigint {
	let s = text.trim();
	let neg = false;
	if (s.startsWith('(') && s.endsWith(')')) {
		neg = true;
		s = s.slice(1, -1);
	}
	if (s.startsWith('-')) {
		neg = !neg;
		s = s.slice(1);
	}
	s = s
		.replace(/^\$/, '')
		.replace(/[ \u00a0]/g, '')
		.split(decimal === '.' ? ',' : '.')
		.join('');
	const [whole, frac = ''] = s.split(decimal);
	if (!/^\d+$/.test(whole) || !/^\d*$/.test(frac) || frac.length > scale) throw new Error(`test cannot read ${text}`);
	const v = BigInt(whole) * 10n ** BigInt(scale) + BigInt(frac.padEnd(scale, '0') || '0');
	return neg ? -v : v;
}

interface Expected {
	totals: Map<string, bigint>;
	scale: number;
	/** rows skipped for want of a customer / of an amount */
	noCustomer: number;
	emptyAmount: number;
	/** per imported row, in file order */
	days: number[];
	names: Map<string, string>;
}

function expected(rows: SampleRow[], how: { decimal: '.' | ','; scale: number; qtyTimesPrice?: boolean }): Expected {
	const totals = new Map<string, bigint>();
	const names = new Map<string, string>();
	const days: number[] = [];
	let noCustomer = 0;
	let emptyAmount = 0;
	for (const row of rows) {
		if (row.excluded) continue; // the sale never happened: excluded by its status, counted apart
		if (!hasCustomer(row)) {
			noCustomer++;
			continue;
		}
		let v: bigint;
		if (how.qtyTimesPrice) {
			v = units(row.quantity!, 0, how.decimal) * units(row.price!, how.scale, how.decimal);
		} else {
			if (row.amount!.trim() === '') {
				emptyAmount++;
				continue;
			}
			v = units(row.amount!, how.scale, how.decimal);
		}
		const key = keyOf(customerOf(row));
		totals.set(key, (totals.get(key) ?? 0n) + v);
		if (row.name !== undefined && !names.has(key) && row.name.trim() !== '') names.set(key, row.name.trim());
		if (row.day) days.push(Date.UTC(row.day[0], row.day[1] - 1, row.day[2]) / 86400000);
	}
	return { totals, scale: how.scale, noCustomer, emptyAmount, days, names };
}

/** Pipeline totals as exact BigInts at the expected scale. */
function actualTotals(columns: SalesColumns, scale: number): Map<string, bigint> {
	const t = aggregate(columns, settings);
	expect(t.approximate).toBe(false);
	expect(t.scale).toBeLessThanOrEqual(scale);
	const out = new Map<string, bigint>();
	t.customers.forEach((c, i) => {
		expect(Number.isInteger(t.totals[i])).toBe(true);
		out.set(columns.customerKeys[c], BigInt(t.totals[i]) * 10n ** BigInt(scale - t.scale));
	});
	return out;
}

const skippedCount = (report: ImportReport, reason: string) =>
	report.skipped.find((s) => s.reason === reason)?.count ?? 0;
const totalSkipped = (report: ImportReport) => report.skipped.reduce((s, e) => s + e.count, 0);

/** The whole comparison: totals customer by customer, skipped rows, dates, names. */
async function check(sample: Sample, name: string, how: Parameters<typeof expected>[1]) {
	const { columns, report, prepared } = await load(sample.bytes, name);
	const want = expected(sample.rows, how);
	const got = actualTotals(columns, want.scale);
	expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want.totals));
	expect(skippedCount(report, 'no-customer') + skippedCount(report, 'total-row')).toBe(
		want.noCustomer + (sample.totalsLines ?? 0)
	);
	expect(skippedCount(report, 'empty-amount')).toBe(want.emptyAmount);
	expect(totalSkipped(report)).toBe(want.noCustomer + want.emptyAmount + (sample.totalsLines ?? 0));
	expect(report.rowsRead).toBe(sample.rows.length + (sample.totalsLines ?? 0));
	const excluded = sample.rows.filter((r) => r.excluded).length;
	expect(report.rowsImported).toBe(sample.rows.length - want.noCustomer - want.emptyAmount - excluded);
	expect((report.decisions ?? []).filter((d) => d.kind.endsWith('-excluded')).reduce((s, d) => s + d.rows, 0)).toBe(
		excluded
	);
	expect(report.warnings.filter((w) => w.reason === 'bad-date')).toEqual([]);
	if (want.days.length > 0) expect(Array.from(columns.date!)).toEqual(want.days);
	for (const [key, nm] of want.names) expect(columns.customerNames[columns.customerKeys.indexOf(key)]).toBe(nm);
	return { columns, report, prepared, want };
}

describe('UCI Online Retail', () => {
	it('data.csv: quantity × unit price, cancellations netted, rows without CustomerID skipped, m/d/yyyy h:mm', async () => {
		const sample = S.onlineRetail();
		const { prepared, columns } = await check(sample, 'data.csv', { decimal: '.', scale: 3, qtyTimesPrice: true });
		expect(prepared.encoding).toBe('windows-1252');
		expect(prepared.plan.amountSource).toBe('quantityTimesPrice');
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'CustomerID',
			date: 'InvoiceDate',
			quantity: 'Quantity',
			unitPrice: 'UnitPrice',
			orderId: 'InvoiceNo'
		});
		expect(mappedHeaders(prepared).amount).toBeUndefined();
		expect(prepared.plan.dateOrder).toBe('mdy');
		// a cancelled invoice really lowered its customer's total
		expect(sample.rows.some((r) => r.quantity!.startsWith('-') && r.customer !== '')).toBe(true);
		expect(columns.customerKeys.every((k) => /^\d{5}$/.test(k))).toBe(true);
	});

	it('data.csv with most of the first rows anonymous still maps CustomerID', async () => {
		// POS-heavy periods: 60 % of the sampled rows have no customer
		const lines = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
		const rows: SampleRow[] = [];
		for (let i = 0; i < 100; i++) {
			const cust = i % 5 < 3 ? '' : String(17850 + (i % 7));
			lines.push(
				`${536365 + i},85123A,WHITE HANGING HEART T-LIGHT HOLDER,${1 + (i % 6)},12/${1 + (i % 9)}/2010 8:26,2.55,${cust},United Kingdom`
			);
			rows.push({ customer: cust, quantity: String(1 + (i % 6)), price: '2.55', day: [2010, 12, 1 + (i % 9)] });
		}
		const { prepared } = await check({ bytes: S.utf8(lines.join('\n') + '\n'), rows }, 'pos.csv', {
			decimal: '.',
			scale: 2,
			qtyTimesPrice: true
		});
		expect(mappedHeaders(prepared).customerKey).toBe('CustomerID');
	});

	it('data.csv starting with a block of anonymous invoices longer than the sniffed rows still maps CustomerID', async () => {
		const lines = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
		const rows: SampleRow[] = [];
		for (let i = 0; i < 320; i++) {
			const cust = i < 260 ? '' : String(17850 + (i % 4));
			lines.push(
				`${536365 + (i >> 3)},22086,"PAPER CHAIN KIT 50'S CHRISTMAS ",${1 + (i % 12)},12/${1 + (i % 12)}/2010 9:0${i % 10},2.95,${cust},United Kingdom`
			);
			rows.push({ customer: cust, quantity: String(1 + (i % 12)), price: '2.95', day: [2010, 12, 1 + (i % 12)] });
		}
		const { prepared } = await check({ bytes: S.utf8(lines.join('\n') + '\n'), rows }, 'walkins.csv', {
			decimal: '.',
			scale: 2,
			qtyTimesPrice: true
		});
		expect(mappedHeaders(prepared).customerKey).toBe('CustomerID');
	});

	it('online_retail_II.csv: Customer ID as 13085.0, Price, ISO datetimes', async () => {
		const sample = S.onlineRetailII();
		const { prepared, columns } = await check(sample, 'online_retail_II.csv', {
			decimal: '.',
			scale: 3,
			qtyTimesPrice: true
		});
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'Customer ID',
			date: 'InvoiceDate',
			quantity: 'Quantity',
			unitPrice: 'Price',
			orderId: 'Invoice'
		});
		expect(columns.customerKeys).toContain('13085.0');
	});
});

describe('Tableau Sample - Superstore', () => {
	it('Windows-1252, CRLF, Sales with 0–4 decimals, Customer ID + Customer Name, m/d/yyyy', async () => {
		const sample = S.superstore();
		const { prepared, columns } = await check(sample, 'Sample - Superstore.csv', { decimal: '.', scale: 4 });
		expect(prepared.encoding).toBe('windows-1252');
		expect(prepared.newline).toBe('\r\n');
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'Customer ID',
			customerName: 'Customer Name',
			date: 'Order Date',
			amount: 'Sales',
			quantity: 'Quantity',
			profit: 'Profit',
			orderId: 'Order ID'
		});
		expect(prepared.plan.dateOrder).toBe('mdy');
		expect(columns.customerNames).toContain('Doña Ruiz');
		expect(columns.customerNames).toContain('José Gutiérrez');
	});
});

describe('Kaggle sales_data_sample.csv', () => {
	it('upper-case headers, Latin-1, SALES column (not QUANTITY × PRICEEACH), m/d/yyyy 0:00', async () => {
		const sample = S.salesDataSample();
		const { prepared, columns } = await check(sample, 'sales_data_sample.csv', { decimal: '.', scale: 2 });
		expect(prepared.encoding).toBe('windows-1252');
		expect(prepared.plan.amountSource).toBe('column');
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'CUSTOMERNAME',
			date: 'ORDERDATE',
			amount: 'SALES',
			quantity: 'QUANTITYORDERED',
			unitPrice: 'PRICEEACH',
			orderId: 'ORDERNUMBER'
		});
		expect(columns.customerKeys).toContain('Corrida Auto Replicas, Ltd');
		expect(columns.customerKeys).toContain('Québec Home Shopping Network');
	});

	it('a big Latin-1 file whose first accented letter comes after the sniffed 256 KB', async () => {
		const sample = S.salesDataSample(14, 2400, true);
		const firstHigh = sample.bytes.findIndex((b) => b >= 0x80);
		expect(firstHigh).toBeGreaterThan(256 * 1024);
		const { columns } = await check(sample, 'sales_data_sample.csv', { decimal: '.', scale: 2 });
		expect(columns.customerKeys).toContain('Québec Home Shopping Network');
		expect(columns.customerKeys.some((k) => k.includes('\ufffd'))).toBe(false);
	});
});

describe('Russian exports', () => {
	it.each([
		['spaces', false, false],
		['no-break spaces', true, false],
		['spaces, every line padded to the table width', false, true]
	])(
		'1C report: title lines, Windows-1251, ";", 1 234,56 with %s, Итого row, unquoted ООО "Ромашка"',
		async (_, nbsp, padded) => {
			const sample = S.oneC(5, nbsp, padded);
			const { prepared, report, columns } = await check(sample, 'Продажи.csv', { decimal: ',', scale: 2 });
			expect(prepared.encoding).toBe('windows-1251');
			expect(prepared.delimiter).toBe(';');
			expect(prepared.plan.headerRow).toBe(padded ? 5 : 2);
			expect(mappedHeaders(prepared)).toMatchObject({
				customerKey: 'Контрагент',
				date: 'Дата',
				amount: 'Сумма',
				quantity: 'Количество',
				unitPrice: 'Цена',
				manager: 'Менеджер'
			});
			expect(columns.customerKeys).toContain('ООО "Ромашка"');
			expect(columns.customerKeys).toContain('ООО «Северный ветер»');
			// the totals line is reported as such, not as a sale without a customer
			expect(skippedCount(report, 'total-row')).toBe(1);
		}
	);

	it('Excel CSV UTF-8 (Russian locale): BOM, ";", decimal comma, 31.01.2024 0:00, empty ;;;; rows', async () => {
		const sample = S.excelRu();
		const { prepared, report } = await check(sample, 'Книга1.csv', { decimal: ',', scale: 2 });
		expect(prepared.encoding).toBe('utf-8');
		expect(prepared.plan.header[0]).toBe('Дата');
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'Клиент',
			date: 'Дата',
			amount: 'Сумма, руб.',
			quantity: 'Кол-во',
			manager: 'Менеджер'
		});
		expect(report.blankRows).toBe(4);
	});

	it('"sep=;" hint line above the header (Excel), Windows-1251, Покупатель / Дата оплаты / Оплата', async () => {
		const sample = S.sepHint();
		const { prepared } = await check(sample, 'оплаты.csv', { decimal: ',', scale: 2 });
		expect(prepared.delimiter).toBe(';');
		expect(mappedHeaders(prepared)).toMatchObject({ customerKey: 'Покупатель', date: 'Дата оплаты', amount: 'Оплата' });
	});
});

describe('shop and CRM exports', () => {
	it("Shopify orders_export.csv: Email as the customer, Total only on an order's first line, -0500 datetimes, blank lines at the end", async () => {
		const sample = S.shopify();
		const { prepared, report } = await check(sample, 'orders_export_1.csv', { decimal: '.', scale: 2 });
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'Email',
			customerName: 'Billing Name',
			date: 'Paid at',
			amount: 'Total'
		});
		expect(report.blankRows).toBeGreaterThanOrEqual(2);
	});

	it('WooCommerce export: all quoted, $1,234.50 and -$45.00, ISO 8601 with zone, multi-line notes', async () => {
		const sample = S.wooCommerce();
		const { prepared } = await check(sample, 'orders-2024.csv', { decimal: '.', scale: 2 });
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'Billing Email',
			date: 'Order Date',
			amount: 'Order Total Amount'
		});
		expect(prepared.plan.dateOrder).toBe('ymd');
	});

	it('WooCommerce line-item export: item_total, not the order_total repeated on every item row', async () => {
		const sample = S.wooLineItems();
		const { prepared } = await check(sample, 'orders-export.csv', { decimal: '.', scale: 2 });
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'billing_email',
			date: 'order_date',
			amount: 'item_total',
			quantity: 'item_quantity',
			orderId: 'order_id'
		});
	});

	it('tab-separated invoice report: 1,234.50 unquoted, names with commas and quotes, d/m/yyyy, trailing tab', async () => {
		const sample = S.tabSeparated();
		const { prepared } = await check(sample, 'invoices.tsv', { decimal: '.', scale: 2 });
		expect(prepared.delimiter).toBe('\t');
		expect(prepared.plan.dateOrder).toBe('dmy');
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'Customer',
			date: 'Invoice Date',
			amount: 'Net Amount',
			manager: 'Salesperson'
		});
	});

	it.each([
		['CRLF', '\r\n' as const],
		['a bare LF (Excel)', '\n' as const]
	])('CRM export with CRLF records and quoted notes holding %s line breaks', async (_, brk) => {
		const sample = S.crmNotes(10, brk);
		const { prepared } = await check(sample, 'opportunities.csv', { decimal: '.', scale: 0 });
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'Account Name',
			date: 'Close Date',
			amount: 'Amount',
			manager: 'Owner'
		});
	});

	it('Python csv on Windows: \\r\\r\\n record ends, a quoted last field at the very end', async () => {
		const sample = S.pythonOnWindows();
		const { prepared, report } = await check(sample, 'orders.csv', { decimal: '.', scale: 2 });
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'customer',
			date: 'order_date',
			amount: 'amount',
			orderId: 'order_id'
		});
		expect(report.blankRows).toBe(0);
	});

	it('Excel "Unicode text": UTF-16 LE, tabs, quoted 1,234.50', async () => {
		const sample = S.excelUnicodeText();
		const { prepared } = await check(sample, 'report.txt', { decimal: '.', scale: 2 });
		expect(prepared.encoding).toBe('utf-16le');
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'Client',
			date: 'Order Date',
			amount: 'Revenue',
			quantity: 'Qty'
		});
	});
});

describe('report titles', () => {
	it('a title line as wide as the table is not taken for the header', async () => {
		const sample = S.titledReport();
		const { prepared } = await check(sample, 'sales_by_customer.csv', { decimal: '.', scale: 2 });
		expect(prepared.plan.headerRow).toBe(3);
		expect(mappedHeaders(prepared)).toMatchObject({ customerKey: 'Customer', date: 'Date', amount: 'Amount' });
	});

	it('a header followed at once by a full-width units line stays the header', () => {
		const rows = [
			['Клиент', 'Сумма', 'Вес'],
			['', 'руб.', 'кг'],
			['Альфа', '100,00', '2,5'],
			['Бета', '50,00', '1']
		];
		expect(detectHeaderRow(rows)).toBe(0);
		expect(detectHeaderRow([['Report', 'Q1', 'all regions'], [''], ...rows])).toBe(2);
	});
});

describe('payment processors', () => {
	it('PayPal activity download: Name and Gross (not Custom Number / Insurance Amount), refunds netted, withdrawals skipped', async () => {
		const sample = S.paypal();
		const { prepared } = await check(sample, 'Download.CSV', { decimal: '.', scale: 2 });
		expect(mappedHeaders(prepared)).toMatchObject({ customerKey: 'Name', date: 'Date', amount: 'Gross' });
	});

	it('Stripe payments: Created (UTC) is the date, not the always-empty Dispute Date (UTC)', async () => {
		const sample = S.stripe();
		const { prepared } = await check(sample, 'unified_payments.csv', { decimal: '.', scale: 2 });
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'Customer ID',
			customerName: 'Customer Description',
			date: 'Created (UTC)',
			amount: 'Amount'
		});
	});

	it('digital-shop sales: a Buyer Name column empty in every row does not take the customer role from Buyer Email', async () => {
		const lines = ['Sale ID,Date,Item Name,Buyer Name,Buyer Email,Amount ($),Fees ($),Refunded?'];
		const rows: SampleRow[] = [];
		for (let i = 0; i < 40; i++) {
			const customer = ['ann@example.com', 'bo@example.org', 'cy@example.net'][i % 3];
			const amount = `${5 + (i % 7)}.${i % 2 ? '99' : '00'}`;
			const day: [number, number, number] = [2024, 4, 1 + (i % 30)];
			lines.push(`s${1000 + i},2024-04-${String(day[2]).padStart(2, '0')},E-book,,${customer},${amount},0.50,false`);
			rows.push({ customer, amount, day });
		}
		const { prepared } = await check({ bytes: S.utf8(lines.join('\n') + '\n'), rows }, 'Sales.csv', {
			decimal: '.',
			scale: 2
		});
		expect(mappedHeaders(prepared)).toMatchObject({ customerKey: 'Buyer Email', date: 'Date', amount: 'Amount ($)' });
		expect(mappedHeaders(prepared).customerName).toBeUndefined();
	});

	it('Square transactions: Net Sales in $1,040.00 / ($12.50), walk-ins skipped', async () => {
		const sample = S.square();
		const { prepared } = await check(sample, 'transactions-2024-01-15.csv', { decimal: '.', scale: 2 });
		expect(mappedHeaders(prepared)).toMatchObject({
			customerKey: 'Customer ID',
			customerName: 'Customer Name',
			date: 'Date',
			amount: 'Net Sales'
		});
	});
});

describe('single-byte code pages', () => {
	it('Windows-1252 with accented letters side by side (Distribuição) is not taken for Windows-1251', async () => {
		const sample = S.brazil();
		const { prepared, columns } = await check(sample, 'vendas.csv', { decimal: ',', scale: 2 });
		expect(prepared.encoding).toBe('windows-1252');
		expect(prepared.plan.dateOrder).toBe('dmy');
		expect(columns.customerKeys).toContain('Comércio e Distribuição Ltda');
	});

	it('a big Windows-1251 file with English headers and its first Cyrillic name after the sniffed 256 KB', async () => {
		const lines = ['Customer;Date;Amount'];
		const rows: SampleRow[] = [];
		for (let i = 0; i < 9000; i++) {
			const customer =
				i < 8000
					? `Client ${String(i % 97).padStart(3, '0')} Ltd`
					: ['ООО "Ромашка"', 'ИП Ёлкин', 'АО «Вектор»'][i % 3];
			const amount = `${1 + (i % 5000)},${String(i % 100).padStart(2, '0')}`;
			const day: [number, number, number] = [2024, 1 + (i % 12), 1 + (i % 28)];
			lines.push(
				`${customer};${String(day[2]).padStart(2, '0')}.${String(day[1]).padStart(2, '0')}.${day[0]};${amount}`
			);
			rows.push({ customer, amount, day });
		}
		const bytes = S.cp1251(lines.join('\r\n') + '\r\n');
		expect(bytes.findIndex((b) => b >= 0x80)).toBeGreaterThan(256 * 1024);
		const { prepared, columns } = await check({ bytes, rows }, 'big.csv', { decimal: ',', scale: 2 });
		expect(prepared.encoding).toBe('windows-1251');
		expect(columns.customerKeys).toContain('АО «Вектор»');
	});

	it('UTF-8 with names cut mid-letter by a database export stays UTF-8', async () => {
		const cut = (s: string, n: number) => {
			const b = S.utf8(s);
			return b.length > n ? b.subarray(0, n) : b;
		};
		const names = ['Общество с ограниченной ответственностью «Ромашка»', 'ИП Петров', 'ООО «Вектор-Инвест»'];
		const parts: Uint8Array[] = [S.utf8('customer_name;order_date;amount\n')];
		for (let i = 0; i < 60; i++)
			parts.push(cut(names[i % 3], 25), S.utf8(`;2024-03-${String(1 + (i % 28)).padStart(2, '0')};${100 + i}\n`));
		const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
		parts.reduce((o, p) => (bytes.set(p, o), o + p.length), 0);
		const { prepared, columns } = await load(bytes, 'db_dump.csv');
		expect(prepared.encoding).toBe('utf-8');
		expect(columns.customerKeys).toContain('ИП Петров');
		expect(columns.customerKeys.length).toBe(3);
	});

	it('Windows-1252 bytes 0x80–0x9F (’ “ ” – ®) decode as in a browser', async () => {
		const { columns } = await load(S.superstore().bytes, 'Sample - Superstore.csv');
		expect(columns.customerNames).toContain('Patrick O\u2019Donnell');
	});
});

describe('Excel Data → Subtotal sheets', () => {
	it.each([
		['English', false],
		['Russian', true]
	])('%s: "<customer> Total" and "Grand Total" rows are totals, not customers', async (_, russian) => {
		const sample = S.excelSubtotals(19, russian);
		const { columns, report } = await check(sample, 'subtotals.csv', { decimal: russian ? ',' : '.', scale: 2 });
		expect(skippedCount(report, 'total-row')).toBe(sample.totalsLines);
		expect(columns.customerKeys).toContain(russian ? 'ООО Total Trade' : 'Total Wine & More');
	});
});

describe('customer column hygiene', () => {
	it('padded spellings merge, case stays distinct, N/A - null #N/A NA and blanks are skipped and counted', async () => {
		const sample = S.messyCustomers();
		const { columns } = await check(sample, 'ledger.csv', { decimal: '.', scale: 2 });
		expect(columns.customerKeys).toContain('Acme Corp');
		expect(columns.customerKeys).not.toContain('Acme Corp ');
		expect(columns.customerKeys.filter((k) => k.trim() !== k)).toEqual([]);
	});
});

describe('export of a real file', () => {
	it('Superstore: the exported CSV ranks customers by the exact totals, names decoded', async () => {
		const sample = S.superstore();
		const { columns } = await load(sample.bytes, 'Sample - Superstore.csv');
		const c = classify(aggregate(columns, settings), columns.customerKeys, settings);
		const csv = classificationCsv(c, columns.customerKeys, columns.customerNames);
		const want = expected(sample.rows, { decimal: '.', scale: 4 });
		const order = [...want.totals]
			.sort((a, b) => (a[1] === b[1] ? (a[0] < b[0] ? -1 : 1) : a[1] > b[1] ? -1 : 1))
			.map(([k]) => k);
		const lines = csv.trim().split('\r\n').slice(1);
		expect(lines.map((l) => l.split(',')[1])).toEqual(order);
		expect(csv).toContain('Doña Ruiz');
	});
});
