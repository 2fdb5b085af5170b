import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { csvField, neutraliseFormula, unneutralise } from '../../src/lib/core/csv';
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

describe('CSV export', () => {
	it('neutralises formula starts but leaves plain numbers', () => {
		expect(neutraliseFormula('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(neutraliseFormula('+7 495')).toBe("'+7 495");
		expect(neutraliseFormula('-cmd')).toBe("'-cmd");
		expect(neutraliseFormula('@x')).toBe("'@x");
		expect(neutraliseFormula('\tx')).toBe("'\tx");
		expect(neutraliseFormula('\rx')).toBe("'\rx");
		expect(neutraliseFormula('\nx')).toBe("'\nx");
		expect(neutraliseFormula('-30')).toBe('-30');
		expect(neutraliseFormula('+1.5e3')).toBe('+1.5e3');
		expect(neutraliseFormula('Acme')).toBe('Acme');
		expect(neutraliseFormula("'@x")).toBe("''@x");
		expect(neutraliseFormula("'x")).toBe("'x");
		for (const s of ['=1', "'=1", "''=1", "'x", '-30', 'a']) expect(unneutralise(neutraliseFormula(s))).toBe(s);
	});

	it('quotes delimiters, quotes and newlines', () => {
		expect(csvField('Acme, Inc')).toBe('"Acme, Inc"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('=1,2')).toBe(`"'=1,2"`);
	});

	it('writes the defined header and one row per customer in rank order', () => {
		const data = columnsOf(
			[
				{ key: 'A', amount: 50000 },
				{ key: '=HYPERLINK("x")', amount: 25000 },
				{ key: 'C', amount: 15000 },
				{ key: 'D', amount: 6000 },
				{ key: 'E', amount: 4000 }
			],
			2
		);
		const c = classify(aggregate(data, settings), data.customerKeys, settings);
		const csv = classificationCsv(c, data.customerKeys, data.customerNames);
		const rows = Papa.parse<string[]>(csv.trim(), { delimiter: ',' }).data;
		expect(rows[0]).toEqual([
			'rank',
			'customer_key',
			'customer_name',
			'value',
			'share',
			'cumulative_share',
			'class',
			'key_customer'
		]);
		expect(rows[1]).toEqual(['1', 'A', 'A', '500.00', '0.5000000000', '0.5000000000', 'gold', 'true']);
		expect(rows[2]).toEqual([
			'2',
			`'=HYPERLINK("x")`,
			`'=HYPERLINK("x")`,
			'250.00',
			'0.2500000000',
			'0.7500000000',
			'gold',
			'true'
		]);
		expect(rows[4]).toEqual(['4', 'D', 'D', '60.00', '0.0600000000', '0.9600000000', 'bronze', 'false']);
		expect(rows).toHaveLength(6);
	});

	it('no exported cell is left live, whatever the customer text', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 20 }), (keys) => {
				const data = columnsOf(keys.map((k, i) => ({ key: k, amount: i + 1 })));
				const c = classify(aggregate(data, settings), data.customerKeys, settings);
				const rows = Papa.parse<string[]>(classificationCsv(c, data.customerKeys, data.customerNames), {
					delimiter: ',',
					newline: '\r\n'
				}).data;
				for (const row of rows.slice(1, -1)) {
					for (const cell of [row[1], row[2]]) {
						expect(/^[=+\-@\t\r\n]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell)).toBe(false);
					}
				}
				// keys survive the round trip (apostrophe removed where it was added)
				const back = rows.slice(1, -1).map((r) => unneutralise(r[1]));
				expect(new Set(back)).toEqual(new Set(data.customerKeys));
			})
		);
	});
});

describe('spreadsheetCsv (CSV for spreadsheets)', () => {
	it('translated headers and values in the Russian dialect, text formula-safe', async () => {
		const { spreadsheetCsv } = await import('../../src/lib/engine/csv-export');
		const { RUSSIAN_EXCEL_CSV, EXCEL_CSV } = await import('../../src/lib/core/csv');
		const { ruLabels } = await import('./export-fixture');
		const { classify, PRESETS } = await import('../../src/lib/engine/abc');
		const { aggregate } = await import('../../src/lib/engine/aggregate');
		const { columnsOf } = await import('./helpers');
		const settings = {
			metric: 'revenue' as const,
			returns: 'net' as const,
			classes: [...PRESETS.abc],
			keyShare: 0.1,
			monoShare: 0.5
		};
		const data = columnsOf(
			[
				{ key: 'A', amount: 123456 },
				{ key: '=1+1', amount: 100 }
			],
			2
		);
		const c = classify(aggregate(data, settings), data.customerKeys, settings);
		const ru = spreadsheetCsv(c, data.customerKeys, data.customerNames, ruLabels(3), undefined, RUSSIAN_EXCEL_CSV);
		const lines = ru.split('\r\n');
		expect(lines[0]).toBe(
			'\uFEFFМесто;Код клиента;Клиент;Сумма (выручка);Доля, %;Накопленная доля, %;Класс;Ключевой клиент'
		);
		expect(lines[1]).toMatch(/^1;A;A;1234,56;99,\d{4};99,\d{4};Класс A;да$/);
		expect(lines[2]).toMatch(/^2;'=1\+1;'=1\+1;1,00;0,\d{4};100,0000;Класс [A-C];нет$/);
		const en = spreadsheetCsv(c, data.customerKeys, data.customerNames, ruLabels(3), undefined, EXCEL_CSV);
		expect(en.split('\r\n')[1]).toMatch(/^1,A,A,1234\.56,99\.\d{4},/);
	});
});
