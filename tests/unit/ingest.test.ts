import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles, prepareBytes, prepareImport, sniffFile, decodeWhole } from '../../src/lib/ingest/pipeline';
import { ImportError, type ImportErrorInfo } from '../../src/lib/ingest/errors';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import type { ClassifySettings } from '../../src/lib/engine/types';
import type { TextEncodingName } from '../../src/lib/ingest/types';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', name)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const cp1251 = (s: string) =>
	Uint8Array.from(s, (ch) => {
		const c = ch.charCodeAt(0);
		if (c < 0x80) return c;
		if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
		if (c === 0x401) return 0xa8;
		if (c === 0x451) return 0xb8;
		if (c === 0xa0) return 0xa0;
		throw new Error(`no cp1251 byte for ${ch}`);
	});

const settings: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5
};

async function load(bytes: Uint8Array, name = 'test.csv', chunkSize?: number) {
	const prepared = await prepareBytes(bytes, name);
	const result = await importFiles([prepared], { cancelled: () => false, chunkSize });
	return { ...result, prepared };
}

async function totalsOf(bytes: Uint8Array, chunkSize?: number) {
	const { columns } = await load(bytes, 'test.csv', chunkSize);
	const t = aggregate(columns, settings);
	const out: Record<string, number> = {};
	t.customers.forEach((c, i) => (out[columns.customerKeys[c]] = t.totals[i] / 10 ** t.scale));
	return out;
}

async function failure(bytes: Uint8Array, name = 'bad.csv'): Promise<ImportErrorInfo> {
	try {
		await load(bytes, name);
	} catch (err) {
		if (err instanceof ImportError) return err.info;
		throw err;
	}
	throw new Error('expected the import to fail');
}

describe('ingest of the sample files', () => {
	it('tiny.csv gives the table of tiny.expected.md', async () => {
		const { columns } = await load(fixture('tiny.csv'));
		const c = classify(aggregate(columns, settings), columns.customerKeys, settings);
		expect(Array.from(c.rankOrder, (i) => columns.customerKeys[i])).toEqual(['A', 'B', 'C', 'D', 'E']);
		expect(Array.from(c.value)).toEqual([500, 250, 150, 60, 40]);
		expect(Array.from(c.classIndex)).toEqual([0, 0, 0, 1, 2]);
	});

	it('sales_ru_cp1251.csv: Windows-1251, semicolons, decimal comma with space groups, dd.mm.yyyy', async () => {
		const { columns, report, prepared } = await load(fixture('sales_ru_cp1251.csv'), 'sales_ru_cp1251.csv');
		expect(prepared.encoding).toBe('windows-1251');
		expect(prepared.delimiter).toBe(';');
		expect(prepared.plan.header[3]).toBe('Контрагент');
		expect(report.rowsRead).toBe(3000);
		expect(columns.amountScale).toBe(2);
		const idx = columns.customerKeys.indexOf('C00136');
		expect(columns.customerNames[idx]).toBe('ООО "Лидер-136"');
		// first data row: 01.01.2024, 1 751,83
		expect(columns.date![0]).toBe(19723);
		expect(columns.amount[0]).toBe(175183);
		expect(report.warnings.filter((w) => w.reason === 'bad-date')).toEqual([]);
	});

	it('sales_en.csv: ISO dates, returns netted, totals equal to an independent exact sum', async () => {
		const bytes = fixture('sales_en.csv');
		const totals = await totalsOf(bytes);
		// independent sum in integer cents straight from the text
		const lines = new TextDecoder().decode(bytes).trim().split('\n').slice(1);
		const expected = new Map<string, number>();
		for (const line of lines) {
			const m = line.match(/^[^,]*,[^,]*,([^,]*),".*?",[^,]*,[^,]*,[^,]*,([^,]*),/);
			if (!m) continue;
			const cents = Math.round(Number(m[2]) * 100);
			expected.set(m[1], (expected.get(m[1]) ?? 0) + cents);
		}
		expect(Object.keys(totals).length).toBe(expected.size);
		for (const [k, cents] of expected) expect(Math.round(totals[k] * 100)).toBe(cents);
	});

	it('gives the same totals whatever the parser chunk size (CRLF and quotes across chunks)', async () => {
		const csv = 'Client;Amount\r\n"Acme; ""Inc""";"1 234,50"\r\n"Multi\r\nline";10\r\nBeta;5,25\r\nAcme; Inc;x\r\n';
		const whole = await totalsOf(utf8(csv));
		for (const size of [3, 7, 16, 33]) expect(await totalsOf(utf8(csv), size)).toEqual(whole);
		expect(whole).toEqual({ 'Acme; "Inc"': 1234.5, 'Multi\r\nline': 10, Beta: 5.25 });
	});
});

describe('encodings and delimiters', () => {
	const body = 'Клиент;Сумма\nООО Ромашка;1 500,75\nИП Иванов;200\nООО Ромашка;-100,25\n';

	it.each<[string, Uint8Array, TextEncodingName]>([
		['UTF-8', utf8(body), 'utf-8'],
		['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body)]), 'utf-8'],
		['Windows-1251', cp1251(body), 'windows-1251']
	])('%s is detected and decoded', async (_, bytes, enc) => {
		const { prepared } = await load(bytes);
		expect(prepared.encoding).toBe(enc);
		expect(await totalsOf(bytes)).toEqual({ 'ООО Ромашка': 1400.5, 'ИП Иванов': 200 });
	});

	it('UTF-16 LE with BOM', async () => {
		const text = 'customer,amount\nAcme,10\nBeta,20\n';
		const bytes = new Uint8Array(2 + text.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
		expect(await totalsOf(bytes)).toEqual({ Acme: 10, Beta: 20 });
	});

	it('Windows-1252 Western text', async () => {
		const text = 'Customer,Amount\nCaf\xe9 M\xfcller,10.5\nSoci\xe9t\xe9 G\xe9n\xe9rale,20\n';
		const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
		const { prepared } = await load(bytes);
		expect(prepared.encoding).toBe('windows-1252');
		expect(await totalsOf(bytes)).toEqual({ 'Café Müller': 10.5, 'Société Générale': 20 });
	});

	it('an encoding override is honoured', async () => {
		const bytes = cp1251(body);
		const sniff = await sniffFile(new Blob([bytes]), 'x.csv', { encoding: 'windows-1251' });
		expect(sniff.header).toEqual(['Клиент', 'Сумма']);
		const p = prepareImport(decodeWhole(bytes, 'windows-1251'), bytes.length, sniff);
		const { columns } = await importFiles([p], { cancelled: () => false });
		expect(columns.customerKeys).toEqual(['ООО Ромашка', 'ИП Иванов']);
	});

	it.each([
		['comma', 'customer,amount\nA,1\nB,2\n'],
		['semicolon', 'customer;amount\nA;1\nB;2\n'],
		['tab', 'customer\tamount\nA\t1\nB\t2\n'],
		['pipe', 'customer|amount\nA|1\nB|2\n']
	])('%s delimiter', async (_, csv) => {
		expect(await totalsOf(utf8(csv))).toEqual({ A: 1, B: 2 });
	});

	it('a title above the header (report exports) is skipped', async () => {
		const csv = 'Отчёт о продажах за 2024 год\n\nКлиент;Дата;Сумма\nАльфа;01.02.2024;100\nБета;02.02.2024;50\n';
		const { prepared } = await load(utf8(csv));
		expect(prepared.plan.headerRow).toBe(2);
		expect(await totalsOf(utf8(csv))).toEqual({ Альфа: 100, Бета: 50 });
	});
});

describe('numbers, dates, returns, skipped rows', () => {
	it('amounts with currency signs, NBSP/apostrophe groups, accounting negatives', async () => {
		const csv = 'customer;amount\nA;"1\u00a0234,50 ₽"\nA;(34,50)\nB;$1\'000\nC;"1.234.567,89"\n';
		expect(await totalsOf(utf8(csv))).toEqual({ A: 1200, B: 1000, C: 1234567.89 });
	});

	it('exact totals: amounts that add up to the same total give equal totals', async () => {
		const csv = 'customer,amount\nX,0.1\nX,0.2\nY,0.3\n';
		const t = await totalsOf(utf8(csv));
		expect(t.X).toBe(t.Y);
	});

	it('quantity × unit price when there is no amount column', async () => {
		const csv =
			'InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID\n1,6,12/1/2010 8:26,2.55,17850\n2,-2,12/13/2010 9:00,2.55,17850\n3,3,12/2/2010 8:26,0.85,13047\n';
		const { prepared, columns } = await load(utf8(csv));
		expect(prepared.plan.amountSource).toBe('quantityTimesPrice');
		expect(await totalsOf(utf8(csv))).toEqual({ '17850': 10.2, '13047': 2.55 });
		// m/d/yyyy: 12/13/2010 must be December 13
		expect(columns.date![1]).toBe(Date.UTC(2010, 11, 13) / 86400000);
	});

	it('rows without a customer or with an unreadable amount are skipped and reported with row numbers', async () => {
		const { report, columns } = await load(fixture('bad/bad_numbers.csv'), 'bad_numbers.csv');
		expect(columns.customerKeys).toEqual(['Acme', 'Epsilon']);
		const skipped = Object.fromEntries(report.skipped.map((s) => [s.reason, s.first.map((p) => p.row)]));
		expect(skipped['bad-amount']).toEqual([3, 6]);
		expect(skipped['empty-amount']).toEqual([4]);
		expect(skipped['no-customer']).toEqual([5]);
		expect(report.rowsRead).toBe(6);
		expect(report.rowsImported).toBe(2);
	});

	it('a bad date keeps the row (counted) and leaves it out of date-based views only', async () => {
		const csv = 'customer;date;amount\nA;31.02.2024;10\nA;15.03.2024;5\n';
		const { report, columns } = await load(utf8(csv));
		expect(report.warnings.find((w) => w.reason === 'bad-date')!.first[0]).toMatchObject({ row: 2, column: 2 });
		expect(columns.rowCount).toBe(2);
		expect(await totalsOf(utf8(csv))).toEqual({ A: 15 });
		const march = aggregate(columns, { ...settings, dateFrom: 19797, dateTo: 19817 });
		expect(Array.from(march.totals)).toEqual([5]);
	});

	it('day-first is chosen from a 13th-or-later first field, month-first otherwise for slashes', async () => {
		const dayFirst = await load(utf8('customer,date,amount\nA,05/01/2024,1\nB,25/01/2024,1\n'));
		expect(dayFirst.prepared.plan.dateOrder).toBe('dmy');
		expect(dayFirst.columns.date![0]).toBe(Date.UTC(2024, 0, 5) / 86400000);
		const monthFirst = await load(utf8('customer,date,amount\nA,05/01/2024,1\nB,01/25/2024,1\n'));
		expect(monthFirst.prepared.plan.dateOrder).toBe('mdy');
		expect(monthFirst.columns.date![0]).toBe(Date.UTC(2024, 4, 1) / 86400000);
	});

	it('totals rows and NA customers are skipped', async () => {
		const csv = 'Клиент;Сумма\nАльфа;100\nN/A;5\n-;5\nИтого;105\n';
		const { report } = await load(utf8(csv));
		expect(Object.fromEntries(report.skipped.map((s) => [s.reason, s.count]))).toEqual({
			'no-customer': 2,
			'total-row': 1
		});
	});
});

describe('bad files (tests/fixtures/bad)', () => {
	it('empty.csv → "empty"', async () => {
		expect(await failure(fixture('bad/empty.csv'), 'empty.csv')).toMatchObject({
			code: 'empty-file',
			file: 'empty.csv'
		});
	});

	it('header_only.csv → "no data rows"', async () => {
		expect(await failure(fixture('bad/header_only.csv'), 'header_only.csv')).toMatchObject({ code: 'no-data-rows' });
	});

	it('not_a_csv.csv (a PNG) → "binary file: PNG image"', async () => {
		expect(await failure(fixture('bad/not_a_csv.csv'))).toMatchObject({ code: 'binary-file', detail: 'png' });
	});

	it('an .xlsx renamed .csv is named as such', async () => {
		const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0]);
		expect((await failure(zip)).detail).toMatch(/xlsx/);
	});

	it('unclosed_quote.csv → the row and column where the quote opens', async () => {
		expect(await failure(fixture('bad/unclosed_quote.csv'), 'unclosed_quote.csv')).toMatchObject({
			code: 'unclosed-quote',
			row: 2,
			column: 1,
			header: 'customer'
		});
	});

	it('ragged_rows.csv imports what it can and reports the ragged rows', async () => {
		const { report, columns } = await load(fixture('bad/ragged_rows.csv'));
		expect(columns.customerKeys).toEqual(['Acme', 'Beta']);
		const warn = Object.fromEntries(report.warnings.map((w) => [w.reason, w.first.map((p) => p.row)]));
		expect(warn['too-many-fields']).toEqual([3]);
		expect(warn['too-few-fields']).toEqual([4]);
		expect(report.skipped.find((s) => s.reason === 'empty-amount')!.first[0].row).toBe(4);
	});

	it('a file with no usable row → "no valid rows"', async () => {
		expect(await failure(utf8('customer,amount\n,1\nA,abc\n'))).toMatchObject({ code: 'no-valid-rows' });
	});

	it('cancel stops the import with "cancelled"', async () => {
		const prepared = await prepareBytes(fixture('sales_en.csv'), 'sales_en.csv');
		let calls = 0;
		await expect(importFiles([prepared], { cancelled: () => ++calls > 2, chunkSize: 10_000 })).rejects.toMatchObject({
			info: { code: 'cancelled' }
		});
	});
});

describe('malformed quotes (text after a closing quote)', () => {
	it('reads them as spreadsheets and Python csv do, without swallowing rows', async () => {
		const csv = 'Клиент;Сумма\n"Ромашка" ООО;100\nБета;50\n"Альфа";25\n';
		expect(await totalsOf(utf8(csv))).toEqual({ 'Ромашка ООО': 100, Бета: 50, Альфа: 25 });
	});

	it('injection.csv: the HYPERLINK row splits at its comma like any CSV reader and is reported', async () => {
		const { columns, report } = await load(fixture('bad/injection.csv'));
		expect(columns.customerKeys).toEqual(['<img src=x onerror=alert(1)>', '+SUM(1;2)', '@cmd']);
		expect(report.skipped.find((s) => s.reason === 'bad-amount')!.first[0]).toMatchObject({ row: 2, value: 'click)' });
		expect(report.warnings.find((w) => w.reason === 'too-many-fields')!.first[0].row).toBe(2);
	});

	it('a quote that never closes is still a clear error', async () => {
		expect(await failure(utf8('customer;amount\n"Acme" x;1\n"Beta;2\nGamma;3\n'))).toMatchObject({
			code: 'unclosed-quote',
			row: 3,
			column: 1
		});
	});
});

describe('date order decided by the whole file', () => {
	it('a day-first file whose first rows are all ambiguous is still read day-first', async () => {
		const rows = ['customer,date,amount'];
		for (let d = 1; d <= 12; d++)
			for (let k = 0; k < 30; k++) rows.push(`C${k},${String(d).padStart(2, '0')}/01/2024,1`);
		rows.push('C1,25/01/2024,1', 'C2,31/01/2024,1');
		const bytes = utf8(rows.join('\n') + '\n');
		const { prepared, columns, report } = await load(bytes);
		// the first 200 rows cannot tell, so the proposal is month-first…
		expect(prepared.plan.dateOrder).toBe('mdy');
		// …but the whole file decides day-first, and no date is lost
		expect(report.files[0].dateOrder).toBe('dmy');
		expect(report.warnings.find((w) => w.reason === 'bad-date')).toBeUndefined();
		expect(columns.date![0]).toBe(Date.UTC(2024, 0, 1) / 86400000);
		expect(columns.date![30]).toBe(Date.UTC(2024, 0, 2) / 86400000);
	});

	it('an order the user chose is kept, and its bad dates are reported', async () => {
		const bytes = utf8('customer,date,amount\nA,05/01/2024,1\nB,25/01/2024,1\n');
		const prepared = await prepareBytes(bytes, 'x.csv');
		prepared.plan.dateOrder = 'mdy';
		prepared.plan.dateOrderLocked = true;
		const { report, columns } = await importFiles([prepared], { cancelled: () => false });
		expect(report.files[0].dateOrder).toBe('mdy');
		expect(report.warnings.find((w) => w.reason === 'bad-date')!.first[0].row).toBe(3);
		expect(columns.date![0]).toBe(Date.UTC(2024, 4, 1) / 86400000);
	});
});

describe('header with an unnamed column (data-frame row index)', () => {
	const realWorld = (name: string) =>
		new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'real-world', name)));
	const rowsOf = (csv: string) =>
		csv
			.trimEnd()
			.split('\n')
			.map((l) => l.split(','));

	it.each([
		['pandas, 4 columns', ',Customer,Date,Amount\n0,Alpha,2024-01-05,10.00\n1,Beta,2024-01-06,20.00\n'],
		['pandas, 3 columns', ',Customer,Amount\n0,Alpha,10.00\n1,Beta,20.00\n2,Alpha,5\n'],
		[
			'pandas, 5 columns',
			',Customer,Date,Product,Amount\n0,Alpha,2024-01-05,Widget,10.00\n1,Beta,2024-01-06,Gadget,20.00\n'
		],
		['R, 4 columns', '"","customer","date","amount"\n"1","Alpha","2024-01-05",10\n"2","Beta","2024-01-06",20.5\n'],
		[
			'unnamed customer column',
			',Date,Product,Qty,Amount\nAlpha,2024-01-05,Widget,1,10.00\nBeta,2024-01-06,Gadget,2,20.00\n'
		],
		[
			'unnamed last column',
			'Customer,Date,Product,Qty,\nAlpha,2024-01-05,Widget,1,10.50\nBeta,2024-01-06,Gadget,2,20.25\n'
		]
	])('%s: row 0 is the header', async (_, csv) => {
		const { sniffText } = await import('../../src/lib/ingest/sniff');
		expect(sniffText(csv, false).headerRow).toBe(0);
	});

	it('a title and a blank line above a pandas header: the header, never the first data row', async () => {
		const { sniffText } = await import('../../src/lib/ingest/sniff');
		const s = sniffText('Sales export\n\n,Customer,Amount\n0,Alpha,10\n1,Beta,20\n', false);
		expect(s.headerRow).toBe(2);
		expect(s.header).toEqual(['', 'Customer', 'Amount']);
	});

	it('a units line under a header with an unnamed column is not the header', async () => {
		const { detectHeaderRow } = await import('../../src/lib/ingest/sniff');
		expect(
			detectHeaderRow([
				['', 'Сумма', 'Вес'],
				['', 'руб.', 'кг'],
				['Альфа', '100,00', '2,5'],
				['Бета', '50,00', '1']
			])
		).toBe(0);
		// a padded one-name title right above the data is not a header candidate
		expect(detectHeaderRow(rowsOf('Report,,\nAlpha,2024-01-05,10\nBeta,2024-01-06,20'))).toBe(1);
	});

	it.each([
		['unnamed-index-column-pandas.csv', { Alpha: 15, Beta: 20, Gamma: 7.5 }],
		['unnamed-index-column-r.csv', { Alpha: 15, Beta: 20.5, Gamma: 7.25 }]
	])('%s: header row 0, 4 of 4 rows imported', async (name, totals) => {
		const { prepared, report } = await load(realWorld(name), name);
		expect(prepared.plan.headerRow).toBe(0);
		expect(prepared.plan.header.slice(1).map((h) => h.toLowerCase())).toEqual(['customer', 'date', 'amount']);
		expect(report.files[0].records).toBe(4);
		expect(report.files[0].imported).toBe(4);
		expect(await totalsOf(realWorld(name))).toEqual(totals);
	});

	it('the accounting report with customers on group rows keeps its 4th record as the header', async () => {
		const { sniffText } = await import('../../src/lib/ingest/sniff');
		expect(sniffText(new TextDecoder().decode(realWorld('customer-on-group-rows.csv')), false).headerRow).toBe(3);
	});
});
