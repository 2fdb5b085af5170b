/**
 * Bad and unusual cell values: numbers that are not numbers, numbers in two locales in one file,
 * currencies, accounting negatives; dates that do not exist, two formats in one column, Excel
 * serials.
 */
import { describe, expect, it } from 'vitest';
import { importFiles, prepareImport, sniffFile, decodeWhole } from '../../src/lib/ingest/pipeline';
import { aggregate } from '../../src/lib/engine/aggregate';
import { NO_DAY } from '../../src/lib/core/calendar';
import { centsOf, day, load, places, reliabilityFixture, settings, totalsOf, utf8 } from './helpers';

describe('numbers', () => {
	it('numbers_mixed.csv: every amount is read exactly or its row is skipped with row and column', async () => {
		const bytes = reliabilityFixture('numbers_mixed.csv');
		const { prepared, columns, report } = await load(bytes, 'numbers_mixed.csv');
		// the first data rows are all bad: the header is still the first line
		expect(prepared.plan.headerRow).toBe(0);
		expect(prepared.plan.mapping).toMatchObject({ customerKey: 0, amount: 1 });
		expect(centsOf(columns)).toEqual({
			Alpha: 10000n,
			Foxtrot: 123456n, // 1.234,56
			Golf: 123456n, // 1,234.56 in the same column
			Hotel: -25050n, // -250,5
			India: -12300n, // (123)
			Juliet: 100025n, // $1 000,25
			Kilo: 9999n, // €99,99
			Lima: 150000n, // 1 500 ₽
			Mike: 200000n, // 2 000 руб.
			November: 123456789n, // 1 234 567,89 with no-break spaces
			Oscar: -750n, // −7,5 with U+2212 MINUS SIGN
			Papa: -1250n // 12,50- (trailing minus)
		});
		expect(report).toMatchObject({ rowsRead: 17, rowsImported: 12, blankRows: 0, warnings: [] });
		const at = (row: number, value: string) => ({ file: 'numbers_mixed.csv', row, column: 2, header: 'amount', value });
		expect(report.skipped).toEqual([
			{ reason: 'bad-amount', count: 4, first: [at(2, 'abc'), at(4, '1e400'), at(5, 'NaN'), at(18, 'Infinity')] },
			{ reason: 'empty-amount', count: 1, first: [at(3, '')] }
		]);
	});

	it('1.234,56 and 1,234.56 in one comma-delimited file are both 1234.56', async () => {
		const csv = 'customer,amount\nA,"1.234,56"\nB,"1,234.56"\nC,1234.56\nD,"1 234,56"\n';
		expect(await totalsOf(utf8(csv))).toEqual({ A: 1234.56, B: 1234.56, C: 1234.56, D: 1234.56 });
	});

	it('negatives in every notation net against positives of the same customer', async () => {
		const csv = 'customer;amount\nA;100\nA;-10\nA;(20)\nA;30-\nA;−5\nA;( 1,5 )\n';
		const { columns } = await load(utf8(csv));
		expect(centsOf(columns)).toEqual({ A: 10000n - 1000n - 2000n - 3000n - 500n - 150n });
	});

	it.each([
		['$', '$1,234.50', 123450n],
		['€ after', '1.234,50 €', 123450n],
		['₽', '1 234,50 ₽', 123450n],
		['руб.', '1 234,50 руб.', 123450n],
		['RUB code', 'RUB 1 234,50', 123450n],
		['NBSP groups', '1\u00a0234\u00a0567,50', 123456750n],
		['narrow NBSP groups', '1\u202f234,50', 123450n],
		['apostrophe groups', "1'234.50", 123450n],
		['negative with currency', '-$1,234.50', -123450n],
		['accounting negative with currency', '($1,234.50)', -123450n]
	])('%s: %s', async (_, cell, cents) => {
		const csv = `customer;amount\nA;"${cell}"\nB;1\n`;
		const { columns, report } = await load(utf8(csv));
		expect(centsOf(columns)).toEqual({ A: cents, B: 100n });
		expect(report.skipped).toEqual([]);
	});

	it.each([
		['abc', 'bad-amount'],
		['1e400', 'bad-amount'],
		['-1e400', 'bad-amount'],
		['NaN', 'bad-amount'],
		['Infinity', 'bad-amount'],
		['12%', 'bad-amount'],
		['1.2.3,4,5', 'bad-amount'],
		['USD', 'bad-amount'],
		['', 'empty-amount'],
		['   ', 'empty-amount'],
		['-', 'empty-amount']
	])('"%s" → %s at row 3, column 3', async (cell, reason) => {
		const csv = `customer,region,amount\nA,N,1\nB,S,"${cell}"\nC,E,2\n`;
		const { columns, report } = await load(utf8(csv), 'cell.csv');
		expect(columns.customerKeys).toEqual(['A', 'C']);
		expect(report.skipped).toEqual([
			{ reason, count: 1, first: [{ file: 'cell.csv', row: 3, column: 3, header: 'amount', value: cell.trim() }] }
		]);
	});

	it('1e3 and 1.5E2 in an amount column are plain numbers', async () => {
		expect(await totalsOf(utf8('customer,amount\nA,1e3\nB,1.5E2\n'))).toEqual({ A: 1000, B: 150 });
	});

	it('huge amounts: 15 significant digits are exact, beyond 2^53 the row is refused and reported', async () => {
		const { columns, report } = await load(utf8('customer,amount\nA,999999999999999\nB,99999999999999999999\nC,1\n'));
		expect(centsOf(columns, 0)).toEqual({ A: 999999999999999n, C: 1n });
		expect(places(report.skipped)).toEqual({ 'bad-amount': [[3, 2]] });
		const cents = await load(utf8('customer,amount\nD,9999999999999.99\nE,0.01\n'));
		expect(centsOf(cents.columns)).toEqual({ D: 999999999999999n, E: 1n });
	});

	it('a 16th significant digit is rounded off by design (spreadsheet float dumps), not misread', async () => {
		const big = await load(utf8('customer,amount\nA,9007199254740993\nB,1\n'));
		expect(Array.from(big.columns.amount)).toEqual([9007199254740990, 1]);
		const dump = await load(utf8('customer,amount\nA,0.30000000000000004\nB,0.1\n'));
		expect(centsOf(dump.columns)).toEqual({ A: 30n, B: 10n });
	});
});

describe('dates', () => {
	it('31.02.2024 keeps its row, is reported with row and column, and is left out of a date-filtered aggregate', async () => {
		const csv = 'customer;date;amount\nA;15.02.2024;100\nA;31.02.2024;10\nB;01.03.2024;5\nA;29.02.2024;1\n';
		const { columns, report } = await load(utf8(csv), 'dates.csv');
		expect(columns.rowCount).toBe(4);
		expect(Array.from(columns.date!)).toEqual([day(2024, 2, 15), NO_DAY, day(2024, 3, 1), day(2024, 2, 29)]);
		expect(report.warnings).toEqual([
			{
				reason: 'bad-date',
				count: 1,
				first: [{ file: 'dates.csv', row: 3, column: 2, header: 'date', value: '31.02.2024' }]
			}
		]);
		expect(report.skipped).toEqual([]);
		// all rows: the bad-date row counts
		expect(centsOf(columns)).toEqual({ A: 11100n, B: 500n });
		// February only: the bad-date row is out, the others are in
		expect(centsOf(columns, 2, { dateFrom: day(2024, 2, 1), dateTo: day(2024, 2, 29) })).toEqual({ A: 10100n });
		// an open-ended range leaves it out too
		const t = aggregate(columns, { ...settings, dateFrom: day(2000, 1, 1) });
		expect(Array.from(t.totals)).toEqual([101, 5]);
	});

	it.each([
		['30.02.2024'],
		['29.02.2023'],
		['32.01.2024'],
		['00.01.2024'],
		['15.13.2024'],
		['2024-02-30'],
		['yesterday'],
		['15.01.1800']
	])('%s is a bad date (row kept, reported)', async (cell) => {
		const csv = `customer;date;amount\nA;10.01.2024;1\nB;${cell};2\n`;
		const { columns, report } = await load(utf8(csv), 'd.csv');
		expect(columns.rowCount).toBe(2);
		expect(columns.date![1]).toBe(NO_DAY);
		expect(report.warnings).toEqual([
			{ reason: 'bad-date', count: 1, first: [{ file: 'd.csv', row: 3, column: 2, header: 'date', value: cell }] }
		]);
	});

	it('ISO and dd.mm.yyyy mixed in one column are both read', async () => {
		const csv =
			'customer;date;amount\nA;2024-01-05;1\nB;06.01.2024;2\nC;2024-01-13;3\nD;14.01.2024;4\nE;2024-01-15T10:30:00Z;5\nF;16.01.2024 9:15;6\n';
		const { columns, report } = await load(utf8(csv));
		expect(Array.from(columns.date!)).toEqual([5, 6, 13, 14, 15, 16].map((d) => day(2024, 1, d)));
		expect(report.warnings).toEqual([]);
		expect(report.files[0].dateOrder).toBe('dmy');
		// a date filter sees every row
		expect(centsOf(columns, 0, { dateFrom: day(2024, 1, 6), dateTo: day(2024, 1, 14) })).toEqual({
			B: 2n,
			C: 3n,
			D: 4n
		});
	});

	it('Excel serial numbers in a date column: 45292 → 2024-01-01', async () => {
		const csv = 'customer,date,amount\nA,45292,10\nB,45293.75,5\nC,45351,7\nA,45366,1\n';
		const { prepared, columns, report } = await load(utf8(csv));
		expect(prepared.plan.mapping).toMatchObject({ customerKey: 0, date: 1, amount: 2 });
		expect(prepared.plan.dateSerial).toBe(true);
		expect(Array.from(columns.date!)).toEqual([day(2024, 1, 1), day(2024, 1, 2), day(2024, 2, 29), day(2024, 3, 15)]);
		expect(report.warnings).toEqual([]);
		expect(centsOf(columns, 0, { dateFrom: day(2024, 1, 1), dateTo: day(2024, 1, 31) })).toEqual({ A: 10n, B: 5n });
	});

	it('Excel serials in a Russian export (decimal-comma time fraction)', async () => {
		const csv = 'Клиент;Дата;Сумма\nАльфа;45292;10,5\nБета;45293,5;5\n';
		const { prepared, columns } = await load(utf8(csv));
		expect(prepared.plan.mapping).toMatchObject({ customerKey: 0, date: 1, amount: 2 });
		expect(Array.from(columns.date!)).toEqual([day(2024, 1, 1), day(2024, 1, 2)]);
		expect(Array.from(columns.amount)).toEqual([105, 50]);
	});

	it('Excel serials in a column the user maps as the date are read as dates too', async () => {
		// 'When' is not a date word: the user maps it by hand
		const bytes = utf8('customer,when,amount\nA,45292,10\nB,45293,5\n');
		const sniff = await sniffFile(new Blob([bytes as BlobPart]), 'when.csv');
		expect(sniff.auto.mapping.date).toBe(-1);
		const prepared = prepareImport(decodeWhole(bytes, sniff.encoding), bytes.length, sniff, {
			mapping: { ...sniff.auto.mapping, date: 1 }
		});
		expect(prepared.plan.dateSerial).toBe(true);
		const { columns, report } = await importFiles([prepared], { cancelled: () => false });
		expect(Array.from(columns.date!)).toEqual([day(2024, 1, 1), day(2024, 1, 2)]);
		expect(report.warnings).toEqual([]);
	});

	it('a plain number column without a date header is never taken for dates', async () => {
		const { prepared } = await load(utf8('customer,invoice,amount\nA,45292,10.5\nB,45293,5.25\nC,45294,1\n'));
		expect(prepared.plan.mapping.date).toBe(-1);
		expect(prepared.plan.mapping.amount).toBe(2);
	});
});
