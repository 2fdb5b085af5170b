import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture } from './helpers';

test.use({ locale: 'ru-RU' });

async function downloadFrom(page: Page, menuItem: RegExp): Promise<Buffer> {
	await page.getByText('Другие форматы').click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: menuItem }).click()
	]);
	return readFileSync(await download.path());
}

test('exports: Excel workbook, CSV for spreadsheets and for systems, chart PNG/SVG, share link, printable report', async ({
	page,
	browser
}) => {
	await page.goto('/');
	await page.getByLabel('CSV-файл', { exact: true }).setInputFiles(fixture('sales_ru_cp1251.csv'));
	await page.getByRole('button', { name: 'Импортировать' }).click();
	await expect(page.getByTestId('dashboard')).toBeVisible();

	// the primary button: the formatted workbook, its name saying dataset, method, metric, period
	const [book] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: /Книга Excel \(XLSX\)/ }).click()
	]);
	expect(book.suggestedFilename()).toMatch(/^sales_ru_cp1251-abc-revenue-all-time\.xlsx$/);
	const xlsx = readFileSync(await book.path());
	expect(xlsx.subarray(0, 4).toString('hex')).toBe('504b0304');

	// CSV for spreadsheets in Russian: ';', decimal comma, BOM, Russian headers and values
	const ru = (await downloadFrom(page, /CSV для таблиц/)).toString('utf8');
	expect(ru.startsWith('\uFEFFМесто;Код клиента;Клиент;')).toBe(true);
	expect(ru.split('\r\n')[1]).toMatch(/^1;C\d+;"?[^;]*"?;\d+,\d+;\d+,\d{4};\d+,\d{4};A;(да|нет)/);

	// CSV for systems: today's stable columns, RFC 4180
	const system = (await downloadFrom(page, /CSV для систем/)).toString('utf8');
	expect(system.startsWith('rank,customer_key,customer_name,value,share,')).toBe(true);

	const png = await downloadFrom(page, /PNG/);
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	const svg = (await downloadFrom(page, /SVG/)).toString('utf8');
	expect(svg).toContain('<svg');
	expect(svg).toContain('Кривая Парето');

	// share link: settings only; opening it applies them
	await page.getByLabel('Классификация', { exact: true }).selectOption('gsb');
	await page.getByText('Другие форматы').click();
	await page.getByRole('button', { name: /Скопировать ссылку/ }).click();
	const link = await page.getByTestId('share-link').inputValue();
	expect(link).toMatch(/#view=[\w-]+$/);
	expect(Buffer.from(link.split('#view=')[1], 'base64url').toString()).not.toContain('C00');
	const other = await browser.newContext({ locale: 'ru-RU' });
	const p2 = await other.newPage();
	await p2.goto(link.replace(/^https?:\/\/[^/]+/, 'http://127.0.0.1:4173'));
	await p2.getByLabel('CSV-файл', { exact: true }).setInputFiles(fixture('sales_ru_cp1251.csv'));
	await p2.getByRole('button', { name: 'Импортировать' }).click();
	await expect(p2.getByText(/Золотые ≤ 65/).filter({ visible: true })).toHaveCount(1);
	await other.close();

	// printable report: one A4 page with the title, the segments and the key customers
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('heading', { name: /Классификация клиентов: sales_ru_cp1251/ })).toBeVisible();
	await expect(page.getByLabel('Классификация', { exact: true })).toBeHidden();
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	writeFileSync(join(process.cwd(), 'test-results', 'report.pdf'), pdf);
	expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	// the report is as long as its content (page 1: headline, chart, segments; key customers may follow): report.spec.ts checks the pages
	expect(pages).toBeGreaterThanOrEqual(1);
});
