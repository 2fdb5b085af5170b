import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import {
	csvField,
	csvNumber,
	EXCEL_CSV,
	PLAIN_NUMBER,
	RFC_4180_CSV,
	RUSSIAN_EXCEL_CSV,
	unneutralise,
	writeCsv,
	type CsvDialect
} from '../../src/lib/core/csv';

function parse(text: string, dialect: CsvDialect): string[][] {
	const body = dialect.bom ? text.slice(1) : text;
	const r = Papa.parse<string[]>(body, { delimiter: dialect.delimiter, newline: '\r\n', skipEmptyLines: true });
	expect(r.errors).toEqual([]);
	return r.data;
}

describe('core CSV writer', () => {
	it('writes RFC 4180 by default: comma, CRLF after every row, no BOM', () => {
		expect(
			writeCsv([
				['a', 'b'],
				['1', 'x']
			])
		).toBe('a,b\r\n1,x\r\n');
		expect(
			writeCsv(
				[
					['a', 'b'],
					['1', 'x']
				],
				RFC_4180_CSV
			)
		).toBe('a,b\r\n1,x\r\n');
		expect(writeCsv([])).toBe('');
		expect(writeCsv([['']])).toBe('\r\n');
	});

	it('quotes the delimiter, quotes, CR and LF, doubling quotes', () => {
		expect(writeCsv([['Acme, Inc', 'say "hi"', 'two\nlines', 'cr\rhere', 'semi;colon']])).toBe(
			'"Acme, Inc","say ""hi""","two\nlines","cr\rhere",semi;colon\r\n'
		);
		expect(writeCsv([['semi;colon', 'Acme, Inc']], RUSSIAN_EXCEL_CSV)).toBe('\uFEFF"semi;colon";Acme, Inc\r\n');
	});

	it("quotes a cell with a leading or trailing space or a U+FEFF (PapaParse's rule)", () => {
		expect(writeCsv([[' a', 'b ', 'c\uFEFFd']])).toBe('" a","b ","c\uFEFFd"\r\n');
	});

	it('neutralises formula starts in text cells before quoting, leaves plain numbers alone', () => {
		expect(writeCsv([['=1,2', '+7 495', '-30', '@x', '\tx', "'=x", 'Acme']])).toBe(
			`"'=1,2",'+7 495,-30,'@x,'\tx,''=x,Acme\r\n`
		);
		expect(csvField('=1,2')).toBe(`"'=1,2"`);
		expect(csvField('a;b', ';')).toBe('"a;b"');
		expect(csvField('')).toBe('');
	});

	it('writes number cells with the dialect decimal separator; text cells never change', () => {
		const rows = [
			['value', 'text'],
			[csvNumber('75.50'), '1.5'],
			[csvNumber('-0.5'), 'x'],
			[csvNumber('1e-7'), 'y']
		];
		expect(writeCsv(rows, EXCEL_CSV)).toBe('\uFEFFvalue,text\r\n75.50,1.5\r\n-0.5,x\r\n1e-7,y\r\n');
		expect(writeCsv(rows, RUSSIAN_EXCEL_CSV)).toBe('\uFEFFvalue;text\r\n75,50;1.5\r\n-0,5;x\r\n1e-7;y\r\n');
	});

	it('writes a number cell that is not a plain number as formula-safe text', () => {
		expect(writeCsv([[csvNumber('1.2.3'), csvNumber('NaN'), csvNumber('-x')]], RUSSIAN_EXCEL_CSV)).toBe(
			"\uFEFF1.2.3;NaN;'-x\r\n"
		);
	});

	it('PLAIN_NUMBER: sign, digits, optional point and exponent', () => {
		for (const s of ['0', '-30', '+1.5e3', '1.', '.5', '-.5', '1E-7', '123.45'])
			expect(PLAIN_NUMBER.test(s)).toBe(true);
		for (const s of ['', '.', '-', '1.2.3', '1e', 'e5', '1,5', ' 1', 'NaN', 'Infinity', '0x10'])
			expect(PLAIN_NUMBER.test(s)).toBe(false);
	});

	it('any text reads back exactly in every dialect, and no cell is live', () => {
		const text = fc.string({
			maxLength: 12,
			unit: fc.constantFrom('a', 'Я', ';', ',', '"', '\n', '\r', '=', '-', '+', '@', "'", ' ', '1', '.', '\t')
		});
		fc.assert(
			fc.property(fc.array(fc.array(text, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (rows) => {
				const width = rows[0].length;
				const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'z'));
				for (const dialect of [RFC_4180_CSV, EXCEL_CSV, RUSSIAN_EXCEL_CSV]) {
					const out = writeCsv(table, dialect);
					expect(out.endsWith('\r\n')).toBe(true);
					const back = Papa.parse<string[]>(dialect.bom ? out.slice(1) : out, {
						delimiter: dialect.delimiter,
						newline: '\r\n'
					}).data.slice(0, table.length);
					expect(back.map((r) => r.map(unneutralise))).toEqual(table);
					for (const r of back)
						for (const cell of r) expect(/^[=+\-@\t\r\n]/.test(cell) && !PLAIN_NUMBER.test(cell)).toBe(false);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('keeps empty cells in the Russian dialect', () => {
		expect(
			parse(
				writeCsv(
					[
						['a', ''],
						['', 'b']
					],
					RUSSIAN_EXCEL_CSV
				),
				RUSSIAN_EXCEL_CSV
			)
		).toEqual([
			['a', ''],
			['', 'b']
		]);
	});
});
