/**
 * Broken CSV structure: quotes that never close, line breaks inside quotes, CRLF cut by parser
 * chunks, stray CRs, ragged rows, duplicate headers, blank lines.
 */
import { describe, expect, it } from 'vitest';
import { importFiles, prepareBytes, prepareImport, sniffFile, decodeWhole } from '../../src/lib/ingest/pipeline';
import { failure, fixture, load, places, reliabilityFixture, totalsOf, utf8 } from './helpers';

/** Everything an import yields that the user sees, as one comparable value. */
async function outcome(bytes: Uint8Array, chunkSize?: number) {
	const { columns, report } = await load(bytes, 'chunks.csv', chunkSize);
	return {
		keys: columns.customerKeys,
		customer: Array.from(columns.customer),
		amount: Array.from(columns.amount),
		amountScale: columns.amountScale,
		date: columns.date && Array.from(columns.date),
		report
	};
}

describe('unclosed quotes', () => {
	it('unclosed_quote.csv → unclosed-quote at the row and column where the quote opens', async () => {
		expect(await failure(fixture('bad/unclosed_quote.csv'), 'unclosed_quote.csv')).toEqual({
			code: 'unclosed-quote',
			file: 'unclosed_quote.csv',
			row: 2,
			column: 1,
			header: 'customer'
		});
	});

	it('a quote opened in the last field of the last row', async () => {
		expect(await failure(utf8('customer,amount\nA,1\nB,"2\n'))).toMatchObject({
			code: 'unclosed-quote',
			row: 3,
			column: 2,
			header: 'amount'
		});
	});

	it('a quote that opens far beyond the sniffed sample is caught by the parser, with its row', async () => {
		const rows = ['customer,amount'];
		for (let i = 0; i < 30_000; i++) rows.push(`C${i},${i}`);
		const text = rows.join('\n') + '\nX,1\nY,"5\nZ,1\n';
		expect(text.length).toBeGreaterThan(256 * 1024);
		// the header row is 1, C0…C29999 are rows 2…30001, X is 30002, Y 30003
		for (const chunkSize of [undefined, 1000, 4096]) {
			const prepared = await prepareBytes(utf8(text), 'far.csv');
			await expect(importFiles([prepared], { cancelled: () => false, chunkSize })).rejects.toMatchObject({
				name: 'ImportError',
				info: { code: 'unclosed-quote', row: 30003, column: 2, header: 'amount' }
			});
		}
	});

	it('with text after a closing quote elsewhere (lenient reader), a quote that never closes is still reported', async () => {
		expect(await failure(utf8('customer;amount\n"Acme" Ltd;1\nBeta;2\n"Gamma;3\nDelta;4\n'))).toMatchObject({
			code: 'unclosed-quote',
			row: 4,
			column: 1,
			header: 'customer'
		});
	});
});

describe('line breaks inside quotes and across parser chunks', () => {
	it('quoted LF, CRLF and blank lines inside one field stay in the key; row numbers count records', async () => {
		const csv = 'customer,amount\n"Multi\nLine",1\n"Comma, Inc",2\n"Two\n\nbreaks",3\nBad,x\n';
		const { columns, report } = await load(utf8(csv));
		expect(columns.customerKeys).toEqual(['Multi\nLine', 'Comma, Inc', 'Two\n\nbreaks']);
		expect(Array.from(columns.amount)).toEqual([1, 2, 3]);
		// 'Bad,x' is the 5th record although it is on the 7th line
		expect(places(report.skipped)).toEqual({ 'bad-amount': [[5, 2]] });
		expect(report.blankRows).toBe(0);
	});

	const texts: [string, string][] = [
		[
			'semicolons, doubled quotes, quoted CRLF, blank and ragged rows',
			'Client;Amount\r\n"Acme; ""Inc""";"1 234,50"\r\n"Multi\r\nline";10\r\nBeta;5,25\r\n\r\n   \r\nGamma;1;x\r\nDelta\r\n"Quoted\r\n\r\nTwice";7\r\nEcho;abc\r\n'
		],
		[
			'commas, dates, accounting negatives, a bad date',
			'customer,date,amount\r\n"A, Inc",2024-01-05,"1,234.56"\r\n"B\r\nC",2024-01-06,-5\r\n\r\nD,31.02.2024,3\r\nE,2024-02-01,(7)\r\n"F""",06.02.2024,0.5\r\n'
		]
	];

	it.each(texts)('%s: identical customers, totals and report for every chunk size 1..64', async (_, text) => {
		const bytes = utf8(text);
		const whole = await outcome(bytes);
		for (let size = 1; size <= 64; size++) {
			expect(await outcome(bytes, size), `chunkSize ${size}`).toEqual(whole);
		}
	});

	it('the whole-file outcome of the first chunked text is the right one', async () => {
		const { keys, amount, amountScale, report } = await outcome(utf8(texts[0][1]));
		expect(keys).toEqual(['Acme; "Inc"', 'Multi\r\nline', 'Beta', 'Gamma', 'Quoted\r\n\r\nTwice']);
		expect(amountScale).toBe(2);
		expect(amount).toEqual([123450, 1000, 525, 100, 700]);
		expect(report).toMatchObject({ rowsRead: 7, rowsImported: 5, blankRows: 2 });
		expect(places(report.skipped)).toEqual({ 'empty-amount': [[8, 2]], 'bad-amount': [[10, 2]] });
		expect(places(report.warnings)).toEqual({
			'too-many-fields': [[7, undefined]],
			'too-few-fields': [[8, undefined]]
		});
	});

	it('the whole-file outcome of the second chunked text is the right one', async () => {
		const { keys, amount, date, report } = await outcome(utf8(texts[1][1]));
		expect(keys).toEqual(['A, Inc', 'B\r\nC', 'D', 'E', 'F"']);
		expect(amount).toEqual([123456, -500, 300, -700, 50]);
		expect(date).toEqual([19727, 19728, -2147483648, 19754, 19759]);
		expect(report).toMatchObject({ rowsRead: 5, rowsImported: 5, blankRows: 1, skipped: [] });
		expect(places(report.warnings)).toEqual({ 'bad-date': [[5, 2]] });
	});
});

describe('stray carriage returns', () => {
	it.each([
		['CRLF header over LF rows', 'customer,amount\r\nA,1\nB,2.5\n'],
		['quoted header fields ending in CR', '"customer","amount"\r\nA,1\nB,2.5\n'],
		['a CR left at the end of the whole file', 'customer,amount\r\nA,1\nB,2.5\r'],
		['old-Mac CR-only line ends', 'customer,amount\rA,1\rB,2.5\r'],
		['CR before CRLF (Python on Windows)', 'customer,amount\r\r\nA,1\r\r\nB,2.5\r\r\n']
	])('%s: the last header field is "amount", not "amount\\r"', async (_, csv) => {
		const { prepared, columns, report } = await load(utf8(csv));
		expect(prepared.plan.header).toEqual(['customer', 'amount']);
		expect(prepared.plan.mapping).toMatchObject({ customerKey: 0, amount: 1 });
		expect(columns.customerKeys).toEqual(['A', 'B']);
		expect(Array.from(columns.amount)).toEqual([10, 25]);
		expect(report).toMatchObject({ rowsRead: 2, rowsImported: 2, skipped: [], warnings: [] });
	});
});

describe('ragged rows', () => {
	it('too few and too many fields are reported by row; rows with an amount still count', async () => {
		const { columns, report } = await load(reliabilityFixture('ragged.csv'), 'ragged.csv');
		expect(await totalsOf(reliabilityFixture('ragged.csv'))).toEqual({
			Acme: 10,
			Beta: 20,
			Gamma: 30,
			Epsilon: 50,
			Zeta: 60
		});
		expect(columns.customerKeys).toEqual(['Acme', 'Beta', 'Gamma', 'Epsilon', 'Zeta']);
		expect(report).toMatchObject({ rowsRead: 6, rowsImported: 5, blankRows: 0 });
		const warn = Object.fromEntries(report.warnings.map((w) => [w.reason, w]));
		expect(warn['too-few-fields']).toEqual({
			reason: 'too-few-fields',
			count: 2,
			first: [
				{ file: 'ragged.csv', row: 3, value: '2/3' },
				{ file: 'ragged.csv', row: 5, value: '1/3' }
			]
		});
		// 'Epsilon,50,West,,' has only empty extra fields: not ragged
		expect(warn['too-many-fields']).toEqual({
			reason: 'too-many-fields',
			count: 2,
			first: [
				{ file: 'ragged.csv', row: 4, value: '4/3' },
				{ file: 'ragged.csv', row: 7, value: '5/3' }
			]
		});
		// 'Delta' alone has no amount cell at all
		expect(report.skipped).toEqual([
			{
				reason: 'empty-amount',
				count: 1,
				first: [{ file: 'ragged.csv', row: 5, column: 2, header: 'amount', value: '' }]
			}
		]);
	});

	it('the ragged_rows.csv fixture of the unit suite', async () => {
		const { report } = await load(fixture('bad/ragged_rows.csv'));
		expect(places(report.warnings)).toEqual({
			'too-many-fields': [[3, undefined]],
			'too-few-fields': [[4, undefined]]
		});
		expect(places(report.skipped)).toEqual({ 'empty-amount': [[4, 2]] });
		expect(await totalsOf(fixture('bad/ragged_rows.csv'))).toEqual({ Acme: 100, Beta: 200 });
	});
});

describe('duplicate header names', () => {
	it('two "Amount" columns: the first is mapped and the import works', async () => {
		const bytes = reliabilityFixture('duplicate_headers.csv');
		const { prepared, columns, report } = await load(bytes);
		expect(prepared.plan.header).toEqual(['Customer', 'Amount', 'Amount']);
		expect(prepared.plan.mapping).toMatchObject({ customerKey: 0, amount: 1 });
		expect(await totalsOf(bytes)).toEqual({ Acme: 100.75, Beta: 200 });
		expect(columns.amountScale).toBe(2);
		expect(report).toMatchObject({ rowsRead: 3, rowsImported: 3, skipped: [], warnings: [] });
	});

	it('the choice is by position, not by the values, and the same on every sniff', async () => {
		// the second column now holds the decimals and the bigger values: still column 2 (index 1)
		const swapped = utf8('Customer,Amount,Amount\nAcme,1,100.50\nBeta,2,200\nAcme,3,0.25\n');
		const mappings = [];
		for (let i = 0; i < 3; i++) mappings.push((await load(swapped)).prepared.plan.mapping);
		for (const m of mappings) expect(m).toEqual(mappings[0]);
		expect(mappings[0]).toMatchObject({ customerKey: 0, amount: 1 });
		expect(await totalsOf(swapped)).toEqual({ Acme: 4, Beta: 2 });
	});

	it('two "Сумма" columns in a Russian export, and two customer columns', async () => {
		expect((await load(utf8('Клиент;Сумма;Сумма\nАльфа;1;100\nБета;2;200\n'))).prepared.plan.mapping).toMatchObject({
			customerKey: 0,
			amount: 1
		});
		const twoCustomers = await load(utf8('Customer,Customer,Amount\nA,X,1\nB,Y,2\n'));
		expect(twoCustomers.prepared.plan.mapping).toMatchObject({ customerKey: 0, amount: 2 });
		expect(twoCustomers.columns.customerKeys).toEqual(['A', 'B']);
	});

	it('the user may pick the other duplicate column instead', async () => {
		const bytes = reliabilityFixture('duplicate_headers.csv');
		const sniff = await sniffFile(new Blob([bytes as BlobPart]), 'dup.csv');
		const prepared = prepareImport(decodeWhole(bytes, sniff.encoding), bytes.length, sniff, {
			mapping: { ...sniff.auto.mapping, amount: 2 }
		});
		const { columns } = await importFiles([prepared], { cancelled: () => false });
		expect(columns.customerKeys).toEqual(['Acme', 'Beta']);
		expect(Array.from(columns.amount)).toEqual([1, 2, 3]);
	});
});

describe('where the header is', () => {
	it('first data rows with no readable value (bad and empty amounts) do not move the header down', async () => {
		const csv = 'customer;amount\nAcme;abc\nBeta;\nGamma;n/a\nDelta;5\n';
		const { prepared, columns, report } = await load(utf8(csv), 'late.csv');
		expect(prepared.plan.headerRow).toBe(0);
		expect(prepared.plan.header).toEqual(['customer', 'amount']);
		expect(columns.customerKeys).toEqual(['Delta']);
		expect(places(report.skipped)).toEqual({
			'bad-amount': [
				[2, 2],
				[4, 2]
			],
			'empty-amount': [[3, 2]]
		});
	});

	it('a title as wide as the table, set apart by a blank line, is still passed over', async () => {
		const csv = 'Sales by customer, Q1 2024, all regions\n\ncustomer,date,amount\nAcme,2024-01-05,10\n';
		const { prepared, columns } = await load(utf8(csv));
		expect(prepared.plan.headerRow).toBe(2);
		expect(columns.customerKeys).toEqual(['Acme']);
	});
});

describe('blank and whitespace-only lines', () => {
	it('are counted as blank, not as errors, and do not shift the row numbers of real problems', async () => {
		const { columns, report } = await load(reliabilityFixture('blank_lines.csv'), 'blank_lines.csv');
		expect(columns.customerKeys).toEqual(['A', 'B']);
		expect(Array.from(columns.amount)).toEqual([1, 2]);
		// '', '   ', '\t', ' , ' between the rows and two empty lines at the end
		expect(report.blankRows).toBe(6);
		expect(report.rowsRead).toBe(3);
		expect(report.warnings).toEqual([]);
		expect(report.skipped).toEqual([
			{
				reason: 'bad-amount',
				count: 1,
				first: [{ file: 'blank_lines.csv', row: 7, column: 2, header: 'amount', value: 'abc' }]
			}
		]);
	});

	it('an ordinary file ending in one line break has no blank row', async () => {
		for (const csv of ['customer,amount\nA,1\n', 'customer,amount\r\nA,1\r\n', 'customer,amount\nA,1']) {
			expect((await load(utf8(csv))).report.blankRows).toBe(0);
		}
	});

	it('blank lines above the header are passed over', async () => {
		const { prepared, columns } = await load(utf8('\n\n  \ncustomer;amount\nA;1,5\n'));
		expect(prepared.plan.headerRow).toBe(3);
		expect(Array.from(columns.amount)).toEqual([15]);
	});
});
