/**
 * A dataset where one customer's returns exceed its purchases, exported in every format in
 * English and Russian: the headline, the workbook (opened by LibreOffice), the CSV for
 * spreadsheets, the CSV for systems and the printed report (read by pdftotext) agree on the net
 * total, the share base and the "returns exceed purchases" row (README "Export formats").
 * Fails, never skips, when soffice or pdftotext is missing: .ci/run installs them.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { downloadSystemCsv } from './helpers';

// Alpha 1000, Bravo 500, Charlie 200: the base is 1700; Delta buys 100 and returns 400: net −300.
const SALES = [
	'customer,date,amount',
	'Alpha,2025-01-10,1000',
	'Bravo,2025-02-11,500',
	'Charlie,2025-03-12,200',
	'Delta,2025-03-13,100',
	'Delta,2025-04-14,-400'
].join('\n');
const digits = (s: string | null) => (s ?? '').replace(/[^\d-−]/g, '').replace('−', '-');

const LOCALES = [
	{
		locale: 'en-US',
		file: 'CSV file',
		importLabel: 'Import',
		xlsx: /Excel workbook \(XLSX\)/,
		more: 'More exports',
		sheet: /CSV for spreadsheets/,
		system: /CSV for systems/,
		print: /Print|PDF/,
		segments: 'Segments',
		nonPositive: 'Returns exceed purchases',
		delimiter: ','
	},
	{
		locale: 'ru-RU',
		file: 'CSV-файл',
		importLabel: 'Импортировать',
		xlsx: /Книга Excel \(XLSX\)/,
		more: 'Другие форматы',
		sheet: /CSV для таблиц/,
		system: /CSV для систем/,
		print: /Печать|PDF/,
		segments: 'Сегменты',
		nonPositive: 'Возвраты превышают покупки',
		delimiter: ';'
	}
] as const;

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
	const [d] = await Promise.all([page.waitForEvent('download'), click()]);
	return readFileSync(await d.path());
}

for (const L of LOCALES) {
	test.describe(L.locale, () => {
		test.use({ locale: L.locale });

		test(`every format reconciles when returns exceed purchases (${L.locale})`, async ({ page }) => {
			test.setTimeout(150_000);
			const dir = mkdtempSync(join(tmpdir(), 'reconcile-'));
			const input = join(dir, 'returns.csv');
			writeFileSync(input, SALES);
			await page.goto('/');
			await page.getByLabel(L.file, { exact: true }).setInputFiles(input);
			await page.getByRole('button', { name: L.importLabel, exact: true }).click();
			await expect(page.getByTestId('dashboard')).toBeVisible();

			// headline and segment table: net 1400, base 1700, one customer outside A/B/C with −300
			expect(digits(await page.getByTestId('net-total').textContent())).toBe('1400');
			expect(digits(await page.getByTestId('headline-share-base').textContent())).toContain('1700');
			await expect(page.getByTestId('segment-nonpositive')).toContainText(L.nonPositive);
			expect(digits(await page.getByTestId('segment-nonpositive').textContent())).toContain('-300');

			// the workbook, opened by LibreOffice: the Segments sheet carries the same rows
			const xlsx = join(dir, 'book.xlsx');
			writeFileSync(xlsx, await download(page, () => page.getByRole('button', { name: L.xlsx }).first().click()));
			const out = join(dir, 'csv');
			mkdirSync(out);
			execFileSync(
				'soffice',
				[
					'--headless',
					`-env:UserInstallation=file://${join(dir, 'profile')}`,
					'--convert-to',
					'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
					xlsx,
					'--outdir',
					out
				],
				{ stdio: 'pipe', timeout: 120_000 }
			);
			const segFile = readdirSync(out).find((f) => f.endsWith(`-${L.segments}.csv`));
			expect(segFile, 'Segments sheet').toBeDefined();
			const seg = Papa.parse<string[]>(readFileSync(join(out, segFile!), 'utf8').trim()).data;
			const rowOf = (label: string) => seg.find((r) => r.some((cell) => cell.trim() === label));
			expect(rowOf(L.nonPositive), `returns-exceed row in ${JSON.stringify(seg)}`).toBeDefined();
			expect(rowOf(L.nonPositive)!.map(Number)).toContain(-300);
			expect(seg.flat().map(Number)).toContain(1400);
			const classRows = seg.filter((r) => ['A', 'B', 'C'].includes(r[0]));
			expect(classRows.reduce((s, r) => s + Number(r[1]), 0)).toBe(3);

			// CSV for spreadsheets in the reader's dialect: the customers' values add up to the net total
			await page.locator('summary').filter({ hasText: L.more }).click();
			const sheetCsv = (await download(page, () => page.getByRole('button', { name: L.sheet }).click()))
				.toString('utf8')
				.replace(/^\uFEFF/, '');
			const rows = Papa.parse<string[]>(sheetCsv.trim(), { delimiter: L.delimiter }).data.slice(1);
			const value = (cell: string) => Number(cell.replace(/\s/g, '').replace(',', '.'));
			expect(rows.reduce((s, r) => s + value(r[3]), 0)).toBeCloseTo(1400, 6);

			// CSV for systems: the stable columns say the same
			const system = Papa.parse<string[]>((await downloadSystemCsv(page, L)).trim(), { delimiter: ',' }).data;
			expect(system.slice(1).reduce((s, r) => s + Number(r[3]), 0)).toBeCloseTo(1400, 6);

			// the printed report names the row and the net total
			await page.evaluate(() => (window.print = () => {}));
			await page.locator('summary').filter({ hasText: L.more }).click();
			await page.getByRole('button', { name: L.print }).click();
			await page.emulateMedia({ media: 'print' });
			const pdf = join(dir, 'report.pdf');
			writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
			// reading order, not layout: a label wrapped inside its table cell reads as one phrase
			const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
			// the row's label (pdftotext may split a word a narrow cell wrapped) and its sum
			const squeezed = text.replace(/\s+/g, '');
			expect(squeezed).toContain(L.nonPositive.replace(/\s+/g, ''));
			expect(text.replace(/[\s\u00a0\u202f,]/g, '')).toMatch(/[-−]300/);
			expect(text.replace(/[\s\u00a0\u202f,]/g, '')).toContain('1400');
		});
	});
}
