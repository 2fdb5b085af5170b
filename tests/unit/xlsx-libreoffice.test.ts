/**
 * The workbook opened by a real office suite: LibreOffice headless converts every sheet to CSV
 * and the values must match. Fails (never skips) when `soffice` is missing: .ci/run installs it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { buildXlsx } from '../../src/lib/engine/xlsx';
import { exportWorkbook } from '../../src/lib/engine/export-workbook';
import { classify } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { abcSettings, columnsOf, salesOf } from './helpers';
import { daysFromCivil } from '../../src/lib/core/calendar';
import { exportFile } from '../../src/lib/engine/export';
import { ruLabels } from './export-fixture';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LibreOffice opens the workbook', () => {
	it('every sheet converts to CSV with the values written', async () => {
		const settings: ClassifySettings = abcSettings();
		const data = columnsOf(
			[
				{ key: 'A', amount: 5000000 },
				{ key: '=HYPERLINK("x")', amount: 250000 },
				{ key: 'Ромашка; ООО', amount: 150033 },
				{ key: '@F', amount: -100 }
			],
			2
		);
		const c = classify(aggregate(data, settings), data.customerKeys, settings);
		const extra = { metric: 'revenue', xyz: new Map([[0, 'X']]), recency: new Map([[1, 'lost']]) };
		const sheets = exportWorkbook(c, data.customerKeys, data.customerNames, ruLabels(3), extra);
		const file = join(dir, 'book.xlsx');
		writeFileSync(file, await buildXlsx(sheets));
		execFileSync(
			'soffice',
			[
				'--headless',
				`-env:UserInstallation=file://${join(dir, 'profile')}`,
				'--convert-to',
				'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
				file,
				'--outdir',
				dir
			],
			{ stdio: 'pipe', timeout: 120_000 }
		);
		const csvs = readdirSync(dir).filter((f) => f.endsWith('.csv'));
		expect(csvs.length).toBe(sheets.length);
		const sheet = (name: string) => {
			const f = csvs.find((x) => x.endsWith(`-${name}.csv`))!;
			expect(f, name).toBeDefined();
			return Papa.parse<string[]>(readFileSync(join(dir, f), 'utf8').trim(), { delimiter: ',' }).data;
		};
		const customers = sheet('Клиенты');
		expect(customers[0].slice(0, 8)).toEqual([
			'Место',
			'Код клиента',
			'Клиент',
			'Сумма (выручка)',
			'Доля',
			'Накопленная доля',
			'Класс',
			'Ключевой клиент'
		]);
		// the values themselves (the filter's "save as shown" is off)
		expect(customers[1][0]).toBe('1');
		expect(customers[1][1]).toBe('A');
		expect(Number(customers[1][3])).toBe(50000);
		// percent cells read back as percent of the value written
		expect(customers[1][4]).toMatch(/%$/);
		expect(Number(customers[1][4].slice(0, -1)) / 100).toBeCloseTo(c.share[0], 12);
		expect(customers[1][6]).toBe('Класс A');
		expect(customers[1][7]).toBe('да');
		expect(customers.flat()).toContain(`'=HYPERLINK("x")`);
		expect(customers.flat()).toContain("'@F");
		const cover = sheet('О файле');
		expect(cover[0][0]).toBe('Paretoscope: классификация клиентов');
		expect(cover.flat()).toContain("'+sales.csv");
		const seg = sheet('Сегменты');
		expect(seg[0][0]).toBe('Класс');
		expect(sheet('ABC×XYZ')[0][0]).toBe('Класс');
		expect(sheet('Давность').length).toBe(5);
		expect(sheet('Концентрация')[1][1]).toBe(String(c.concentration.customerCount));
	}, 180_000);

	it('the Movement and Margin squeeze sheets convert with their values', async () => {
		const settings: ClassifySettings = abcSettings();
		const q1 = daysFromCivil(2024, 2, 10);
		const q2 = daysFromCivil(2024, 5, 10);
		const data = salesOf(
			[
				{ key: 'A', amount: 10000, profit: 3000, day: q1 },
				{ key: 'A', amount: 12000, profit: -3500, day: q2 },
				{ key: 'B', amount: 5000, profit: 1000, day: q1 },
				{ key: '=C', amount: 4000, profit: 200, day: q2 }
			],
			2
		);
		data.profitScale = 2;
		const c = classify(aggregate(data, settings), data.customerKeys, settings);
		const periods = {
			previous: { from: daysFromCivil(2024, 1, 1), to: daysFromCivil(2024, 3, 31) },
			current: { from: daysFromCivil(2024, 4, 1), to: daysFromCivil(2024, 6, 30) }
		};
		const file = await exportFile(data, c, { migration: periods, marginGap: 0.1 }, 'xlsx', ruLabels(3));
		const out = join(dir, 'tabs');
		const path = join(dir, 'tabs.xlsx');
		writeFileSync(path, file.data as Uint8Array);
		execFileSync(
			'soffice',
			[
				'--headless',
				`-env:UserInstallation=file://${join(dir, 'profile')}`,
				'--convert-to',
				'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
				path,
				'--outdir',
				out
			],
			{ stdio: 'pipe', timeout: 120_000 }
		);
		const csvs = readdirSync(out).filter((f) => f.endsWith('.csv'));
		expect(csvs.length).toBe(6);
		const sheet = (name: string) => {
			const f = csvs.find((x) => x.endsWith(`-${name}.csv`))!;
			expect(f, name).toBeDefined();
			return Papa.parse<string[]>(readFileSync(join(out, f), 'utf8').trim(), { delimiter: ',' }).data;
		};
		const mov = sheet('Движение');
		expect(mov[0].slice(0, 2)).toEqual(['Было (период)', '2024-01-01 – 2024-03-31']);
		expect(mov[3]).toEqual(['Класс был ↓ / класс стал →', 'Класс A', 'Класс B', 'Класс C', 'ушедшие', 'Итого']);
		expect(mov[7][0]).toBe('новые');
		expect(mov[8][0]).toBe('Итого');
		expect(mov[8][5]).toBe('3'); // A, B and '=C': everyone of either period
		expect(mov[8][4]).toBe('1'); // B left
		const margin = sheet('Давление на маржу');
		expect(margin[0][0]).toBe('Маржа компании');
		expect(margin[0][1]).toMatch(/%$/);
		expect(margin[2][0]).toBe("'=Сигнал, если маржа ниже");
		expect(margin[4][0]).toBe('Код клиента');
		expect(margin[5].slice(0, 3)).toEqual(['A', 'A', 'Класс A']);
		expect(Number(margin[5][3])).toBe(220);
		expect(Number(margin[5][4])).toBe(-5);
		expect(margin[5][8]).toBe('убыток');
	}, 180_000);
});
