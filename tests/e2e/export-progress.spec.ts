/**
 * A large Excel export in the browser: the progress bar shows while the worker writes the
 * workbook, the buttons wait for it, Cancel stops it with a notice and no file; the next export
 * gives a complete workbook (LibreOffice-free check: a ZIP whose parts list the sheets).
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

test.use({ locale: 'ru-RU' });

const CUSTOMERS = 50_000;

/** A sales file in which each customer buys in two months of 2025. */
function salesCsv(): Buffer {
	const two = (n: number) => String(n).padStart(2, '0');
	const lines = ['Клиент;Дата;Сумма'];
	for (let i = 0; i < CUSTOMERS; i++) {
		const amount = ((1 + ((i * 7919) % 100_000)) / 100).toFixed(2).replace('.', ',');
		const day = two(1 + (i % 28));
		lines.push(`Клиент ${i};${day}.${two(1 + (i % 6))}.2025;${amount}`);
		lines.push(`Клиент ${i};${day}.${two(7 + (i % 5))}.2025;${amount}`);
	}
	return Buffer.from(lines.join('\n'), 'utf8');
}

test('Excel export of 50 000 customers: progress, Cancel, then a complete workbook', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/');
	await page
		.getByLabel('CSV-файл', { exact: true })
		.setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: salesCsv() });
	await page.getByRole('button', { name: 'Импортировать' }).click();
	await expect(page.getByTestId('customer-count')).toHaveText(/50\s000/);
	await expect(page.getByTestId('saving')).toHaveCount(0, { timeout: 60_000 });

	const excel = page.getByRole('button', { name: /Книга Excel/ });
	const downloads: string[] = [];
	page.on('download', (d) => downloads.push(d.suggestedFilename()));

	// The bar is read and Cancel pressed inside the page the moment the bar appears: on a fast machine
	// the whole workbook is written in about a second, less than a few Playwright round trips, and a
	// Cancel that arrives after the file is done has nothing left to stop.
	const seen = page.evaluate(
		() =>
			new Promise<{ text: string; progressLabel: string | null; excelDisabled: boolean }>((resolve) => {
				const check = () => {
					const bar = document.querySelector('[data-testid="export-progress"]');
					if (!bar) return false;
					const excelButton = Array.from(document.querySelectorAll('button')).find((b) =>
						/Книга Excel/.test(b.textContent ?? '')
					);
					const seenNow = {
						text: bar.textContent ?? '',
						progressLabel: bar.querySelector('progress')?.getAttribute('aria-label') ?? null,
						excelDisabled: excelButton?.disabled ?? false
					};
					const cancel = Array.from(bar.querySelectorAll('button')).find(
						(b) => b.textContent?.trim() === 'Отменить экспорт'
					);
					cancel?.click();
					resolve(seenNow);
					return true;
				};
				if (check()) return;
				const watch = new MutationObserver(() => check() && watch.disconnect());
				watch.observe(document.body, { childList: true, subtree: true });
			})
	);
	await excel.click();
	const bar = page.getByTestId('export-progress');
	const atFirstProgress = await seen;
	expect(atFirstProgress.text).toMatch(/Готовим книгу Excel… \d+\s?%/);
	expect(atFirstProgress.progressLabel).toBe('Ход экспорта');
	// one file at a time: the buttons wait while it is written
	expect(atFirstProgress.excelDisabled).toBe(true);
	await expect(page.getByText('Экспорт отменён, файл не сохранён.')).toBeVisible();
	await expect(bar).toHaveCount(0);
	await expect(excel).toBeEnabled();
	expect(downloads).toEqual([]);

	const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), excel.click()]);
	expect(download.suggestedFilename()).toMatch(/^many-.*\.xlsx$/);
	const bytes = readFileSync(await download.path());
	expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
	// the central directory names every part; the Customers sheet is the largest
	const names = bytes.toString('latin1');
	for (const part of ['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet2.xml'])
		expect(names).toContain(part);
	await expect(bar).toHaveCount(0);
});
