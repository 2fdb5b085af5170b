import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { csvNumber, EXCEL_CSV, RUSSIAN_EXCEL_CSV, writeCsv, type CsvDialect } from '../../src/lib/core/csv';
import { classificationCsv } from '../../src/lib/engine/csv-export';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { columnsOf } from './helpers';

const settings: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.gsb],
	keyShare: 0.1,
	monoShare: 0.5
};
const NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

type Row = { key: string; name?: string; amount: number };

function exportOf(rows: Row[], scale = 2, withExtras = false, dialect?: CsvDialect): string {
	const data = columnsOf(rows, scale);
	rows.forEach((r) => {
		if (r.name !== undefined) data.customerNames[data.customerKeys.indexOf(r.key)] = r.name;
	});
	const c = classify(aggregate(data, settings), data.customerKeys, settings);
	const extra = withExtras
		? {
				metric: 'revenue',
				vip: new Map([[0, { status: 'vip', months: ['2024-01', '2024-02'] }]]),
				periodFrom: '2024-01-01',
				periodTo: '2024-12-31'
			}
		: undefined;
	return classificationCsv(c, data.customerKeys, data.customerNames, extra, dialect);
}

function parse(text: string, delimiter: string): string[][] {
	const r = Papa.parse<string[]>(text, { delimiter, newline: '\r\n', skipEmptyLines: true });
	expect(r.errors).toEqual([]);
	return r.data;
}

const DIALECTS = { csv: EXCEL_CSV, 'excel-ru': RUSSIAN_EXCEL_CSV };

/** The cells of the dialect's export next to what they must be (from the RFC 4180 export). */
function compare(rows: Row[], scale: number, withExtras: boolean, dialect: 'csv' | 'excel-ru'): void {
	const csv = exportOf(rows, scale, withExtras);
	const out = exportOf(rows, scale, withExtras, DIALECTS[dialect]);
	expect(out.startsWith('\uFEFF')).toBe(true);
	expect(out.endsWith('\r\n')).toBe(true);
	const source = parse(csv, ',');
	const result = parse(out.slice(1), dialect === 'excel-ru' ? ';' : ',');
	expect(result.length).toBe(source.length);
	source.forEach((row, r) => {
		expect(result[r].length, `row ${r}`).toBe(row.length);
		row.forEach((cell, k) => {
			const numericColumn = r > 0 && ['value', 'share', 'cumulative_share'].includes(source[0][k]);
			const want = dialect === 'excel-ru' && numericColumn && NUMBER.test(cell) ? cell.replace('.', ',') : cell;
			expect(result[r][k], `row ${r} cell ${k}`).toBe(want);
		});
	});
}

describe('CSV dialects', () => {
	const tricky = [
		{ key: 'K1', name: 'ООО «Ромашка»', amount: 123456 },
		{ key: 'K2', name: 'Иванов; Петров и партнёры', amount: 50050 },
		{ key: 'K3', name: 'Say "hi", friend', amount: 30000 },
		{ key: 'K4', name: '=HYPERLINK("http://x";"y")', amount: 20000 },
		{ key: '+7 495 123', name: '-минус', amount: 1000 },
		{ key: 'K6', name: 'line\nbreak', amount: 999 },
		{ key: 'K7', name: '@at', amount: -500 },
		{ key: 'K8', name: 'Дробь 1,5', amount: 1 }
	];

	it("'csv' is the export with a BOM in front", () => {
		const csv = exportOf(tricky, 2, true);
		expect(exportOf(tricky, 2, true, EXCEL_CSV)).toBe('\uFEFF' + csv);
		compare(tricky, 2, true, 'csv');
	});

	it("'excel-ru' round-trips cell by cell with ';' and decimal commas", () => {
		compare(tricky, 2, false, 'excel-ru');
		compare(tricky, 0, true, 'excel-ru');
	});

	it("'excel-ru' writes the expected text", () => {
		const out = exportOf(
			[
				{ key: 'A', name: 'Альфа; Бета', amount: 7550 },
				{ key: 'B', name: 'Say "hi"', amount: 2450 }
			],
			2,
			false,
			RUSSIAN_EXCEL_CSV
		);
		expect(out.split('\r\n')).toEqual([
			'\uFEFFrank;customer_key;customer_name;value;share;cumulative_share;class;key_customer',
			'1;A;"Альфа; Бета";75,50;0,7550000000;0,7550000000;gold;true',
			'2;B;"Say ""hi""";24,50;0,2450000000;1,0000000000;silver;true',
			''
		]);
	});

	it('keeps the apostrophes of formula-like text and quotes what the new delimiter needs', () => {
		const out = exportOf([{ key: '=1+2', name: '-1;2', amount: 100 }], 0, true, RUSSIAN_EXCEL_CSV);
		const rows = parse(out.slice(1), ';');
		expect(rows[1][1]).toBe("'=1+2");
		expect(rows[1][2]).toBe("'-1;2");
		// vip_months is joined with ';' and was unquoted in the comma CSV
		expect(rows[0][10]).toBe('vip_months');
		expect(rows[1][10]).toBe('2024-01;2024-02');
		expect(out).toContain(';"2024-01;2024-02";');
	});

	it('converts plain numbers, exponents and signs in the numeric columns, and nothing else', () => {
		const header = ['value', 'share', 'cumulative_share', 'value', 'share', 'cumulative_share', 'other'];
		const cells = [...['123.45', '-0.5', '1e-7', '1.5E+3'].map(csvNumber), '7.5', csvNumber('1.2.3'), '9.5'];
		const rows = parse(writeCsv([header, cells], RUSSIAN_EXCEL_CSV).slice(1), ';');
		expect(rows[1]).toEqual(['123,45', '-0,5', '1e-7', '1,5E+3', '7.5', '1.2.3', '9.5']);
	});

	it('a customer key that looks like a number stays as it was', () => {
		const out = exportOf([{ key: '12.5', amount: 100 }], 2, false, RUSSIAN_EXCEL_CSV);
		const row = parse(out.slice(1), ';')[1];
		expect(row[1]).toBe('12.5');
		expect(row[3]).toBe('1,00');
	});

	it('writes CRLF rows after one BOM, and only the BOM for no rows', () => {
		expect(
			writeCsv(
				[
					['value', 'b'],
					[csvNumber('1.5'), 'x']
				],
				RUSSIAN_EXCEL_CSV
			)
		).toBe('\uFEFFvalue;b\r\n1,5;x\r\n');
		expect(writeCsv([['a', 'b']], EXCEL_CSV)).toBe('\uFEFFa,b\r\n');
		expect(writeCsv([], EXCEL_CSV)).toBe('\uFEFF');
		expect(writeCsv([['a', '', '']], RUSSIAN_EXCEL_CSV)).toBe('\uFEFFa;;\r\n');
	});

	it('any customer text survives both dialects and never becomes live', () => {
		const text = fc.string({
			minLength: 1,
			maxLength: 12,
			unit: fc.constantFrom('a', 'Я', ';', ',', '"', '\n', '\r', '=', '-', '+', '@', "'", ' ', '1', '.', '\t')
		});
		fc.assert(
			fc.property(fc.uniqueArray(text, { minLength: 1, maxLength: 12 }), (keys) => {
				const input = keys.map((k, i) => ({ key: k, name: `${k}|${k}`, amount: (i + 1) * 1234 }));
				const csv = exportOf(input);
				for (const d of ['csv', 'excel-ru'] as const) {
					const rows = parse(exportOf(input, 2, false, DIALECTS[d]).slice(1), d === 'csv' ? ',' : ';');
					const source = parse(csv, ',');
					expect(rows.length).toBe(source.length);
					for (let r = 1; r < rows.length; r++) {
						for (const k of [1, 2, 6]) {
							const cell = rows[r][k];
							// text columns are never touched, even when the text looks like a number
							expect(cell).toBe(source[r][k]);
							expect(/^[=+\-@\t\r\n]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell)).toBe(false);
						}
					}
				}
			}),
			{ numRuns: 200 }
		);
	});
});
