import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { downloadSystemCsv, fixture } from './helpers';

test.use({ locale: 'en-US' });

const bigFile = join(process.cwd(), 'test-results', 'big-400k.csv');

test.beforeAll(() => {
	mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
	if (!existsSync(bigFile)) execFileSync('node', ['tests/tools/gen-sales.mjs', '400000', bigFile]);
});

async function importFile(page: import('@playwright/test').Page, name: string | string[]) {
	const files = (Array.isArray(name) ? name : [name]).map((n) => (n.startsWith('/') ? n : fixture(n)));
	await page.getByLabel('CSV file', { exact: true }).first().setInputFiles(files);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
}

test('cancel during import stores nothing and keeps the earlier dataset', async ({ page }) => {
	await page.goto('/');
	await importFile(page, 'tiny.csv');
	await expect(page.getByTestId('customer-count')).toHaveText('5');

	await page.getByRole('button', { name: /New import/ }).click();
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(bigFile);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	const bar = page.getByRole('progressbar', { name: 'Import progress' });
	await expect(bar).toBeVisible();
	// the page answers clicks while the worker imports
	const answered = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const t = performance.now();
				setTimeout(() => resolve(performance.now() - t), 0);
			})
	);
	expect(answered).toBeLessThan(200);
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('status')).toHaveText('Import cancelled. Nothing was saved.');
	await expect(page.getByRole('button', { name: /^tiny/ })).toHaveCount(1);
	await expect(page.getByRole('button', { name: /^big-400k/ })).toHaveCount(0);

	// after a reload too: nothing half-stored
	await page.reload();
	await expect(page.getByRole('button', { name: /^tiny/ })).toHaveCount(1);
	await expect(page.getByRole('navigation', { name: 'Datasets' }).getByRole('listitem')).toHaveCount(1);
});

test('presets, custom bounds and search update the dashboard', async ({ page }) => {
	await page.goto('/');
	await importFile(page, 'tiny.csv');
	const segments = page.getByRole('region', { name: /Segments/ });
	await expect(segments.getByRole('row', { name: /^A 3/ })).toBeVisible();

	await page.getByLabel('Classification', { exact: true }).selectOption('gsb');
	await expect(segments.getByRole('row', { name: /^Gold 2/ })).toBeVisible();
	await expect(segments.getByRole('row', { name: /^Silver 1/ })).toBeVisible();
	await expect(segments.getByRole('row', { name: /^Bronze 2/ })).toBeVisible();

	await page.getByLabel('Classification', { exact: true }).selectOption('custom');
	await page.getByRole('textbox', { name: 'Class 1 up to % of revenue' }).fill('50');
	await page.getByRole('textbox', { name: 'Class 2 up to % of revenue' }).fill('75');
	await page.getByRole('textbox', { name: 'Class 3 up to % of revenue' }).fill('90');
	await page.getByRole('button', { name: 'Apply' }).click();
	// before: A 0 %, B 50 %, C 75 %, D 90 %, E 96 % → classes A, B, C, D, D
	await expect(segments.getByRole('row', { name: /^D 2/ })).toBeVisible();

	await page.getByLabel('Search customers').fill('C');
	await expect(page.getByText('Rows 1–1 of 1')).toBeVisible();

	// without a date column the period filter and the monthly methods say why they are off
	await expect(page.getByLabel('Period', { exact: true })).toBeDisabled();
	await page.getByRole('tab', { name: 'VIP' }).click();
	await expect(page.getByRole('note')).toHaveText(/No date column is mapped/);
	await page.getByRole('tab', { name: 'Margin squeeze' }).click();
	await expect(page.getByText('Map a profit column to see the margin squeeze.')).toBeVisible();
});

test('several files become one dataset', async ({ page }) => {
	await page.goto('/');
	await page
		.getByLabel('CSV file', { exact: true })
		.setInputFiles([fixture('tiny.csv'), fixture('bad/bad_numbers.csv')]);
	await expect(page.getByRole('heading', { name: 'tiny.csv' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'bad_numbers.csv' })).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	// tiny: A–E, bad_numbers: Acme and Epsilon
	await expect(page.getByTestId('customer-count')).toHaveText('7');
});

test('hostile customer names render as text and no dialog opens', async ({ page }) => {
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	await page.goto('/');
	await importFile(page, 'bad/injection.csv');
	await expect(page.getByRole('cell', { name: '<img src=x onerror=alert(1)>', exact: true })).toBeVisible();
	await expect(page.getByRole('cell', { name: '+SUM(1;2)', exact: true })).toBeVisible();
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	// the export neutralises formulas
	const csv = await downloadSystemCsv(page);
	expect(csv).toContain("'+SUM(1;2)");
	expect(csv).toContain("'@cmd");
	expect(dialogs).toBe(0);
});

test('each bad file gets a plain message', async ({ page }) => {
	await page.goto('/');
	const cases: [string, RegExp][] = [
		['bad/empty.csv', /empty\.csv is empty/],
		['bad/not_a_csv.csv', /not a CSV file: it looks like a PNG image/],
		['bad/unclosed_quote.csv', /quote opened in row 2, column 1 «customer» is never closed/],
		['bad/header_only.csv', /has a header but no data rows/]
	];
	for (const [file, message] of cases) {
		await page.getByRole('button', { name: /New import/ }).click();
		await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture(file));
		await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
	}
	await expect(page.getByRole('navigation', { name: 'Datasets' }).getByRole('listitem')).toHaveCount(0);
});

test('a new step starts at the top of the page: mapping scrolled down, Import, the dashboard from its top', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 500 });
	await page.goto('/');
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('sales_en.csv'));
	const importButton = page.getByRole('button', { name: 'Import', exact: true });
	await expect(importButton).toBeVisible();
	await page.mouse.wheel(0, 3000);
	await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
	await importButton.click();
	await expect(page.getByTestId('dashboard')).toBeVisible();
	await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
	await expect(page.getByRole('heading', { name: 'sales_en' })).toBeInViewport();
});
