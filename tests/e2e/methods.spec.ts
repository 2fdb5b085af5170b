import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { downloadSystemCsv, fixture } from './helpers';

test.use({ locale: 'en-US' });

test('sales_en: switch metric and period, both VIP variants, migration matrix, XYZ, recency, margin, compare, export', async ({
	page
}) => {
	await page.goto('/');
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('sales_en.csv'));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('customer-count')).toHaveText('198');

	// metric: payments changes the headline
	await page.getByLabel('Metric').selectOption('payments');
	await expect(page.getByTestId('headline-80')).toContainText('80% of payments comes from');
	await page.getByLabel('Metric').selectOption('revenue');

	// VIP, month by month then whole period
	await page.getByRole('tab', { name: 'VIP' }).click();
	const counts = page.getByTestId('vip-counts');
	await expect(counts).toContainText('VIP:');
	const monthly = await counts.textContent();
	await expect(page.getByTestId('lost-vip').or(page.getByText('No VIP customer has gone quiet.'))).toBeVisible();
	await page.getByLabel('Variant').selectOption('period');
	await expect(counts).not.toHaveText(monthly!);
	// whole period: 20 % of 198 customers rounded up are VIP
	await expect(counts).toContainText('VIP: 40 ·');

	// movement: the matrix, and a cell's customers
	await page.getByRole('tab', { name: 'Movement' }).click();
	const matrix = page.getByRole('table', { name: 'Migration matrix' });
	await expect(matrix).toBeVisible();
	await matrix.getByRole('button', { name: /^A → A, customers:/ }).click();
	await expect(page.getByTestId('migration-cell')).toBeVisible();

	// keyboard: arrows move between tabs
	await page.getByRole('tab', { name: 'Movement' }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: 'ABC×XYZ' })).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByTestId('xyz-matrix')).toBeVisible();

	await page.getByRole('tab', { name: 'Recency' }).click();
	await expect(page.getByTestId('recency-counts')).toContainText('Active:');

	await page.getByRole('tab', { name: 'Margin squeeze' }).click();
	await expect(page.getByTestId('margin-table')).toBeVisible();
	await expect(page.getByText(/Company margin: \d/)).toBeVisible();

	await page.getByRole('tab', { name: 'Compare metrics' }).click();
	await expect(page.getByTestId('compare-summary')).toContainText('in both');

	// the same classification as SQL, for data that outgrows the browser
	await page.getByRole('button', { name: 'Show as SQL' }).click();
	await expect(page.getByTestId('sql-text')).toHaveValue(/"Customer ID"/);
	await page.getByLabel('Dialect').selectOption('bigquery');
	await expect(page.getByTestId('sql-text')).toHaveValue(/`Customer ID`/);
	await page.getByRole('button', { name: 'Close' }).click();

	// a period preset filters the classification
	await page.getByLabel('Period', { exact: true }).selectOption('lastQuarter');
	await expect(page.getByTestId('customer-count')).not.toHaveText('198');

	// export: eight columns first, then the active extras including the period
	const rows = Papa.parse<string[]>((await downloadSystemCsv(page)).trim(), { delimiter: ',' }).data;
	expect(rows[0]).toEqual([
		'rank',
		'customer_key',
		'customer_name',
		'value',
		'share',
		'cumulative_share',
		'class',
		'key_customer',
		'metric',
		'vip_status',
		'vip_months',
		'xyz',
		'recency',
		'period_from',
		'period_to',
		'rfm_r',
		'rfm_f',
		'rfm_m',
		'rfm_segment'
	]);
	const shown = Number((await page.getByTestId('customer-count').textContent())!.replace(/\D/g, ''));
	expect(rows.length - 1).toBe(shown);
	expect(rows[1][8]).toBe('revenue');
	expect(['vip', 'good', 'regular']).toContain(rows[1][9]);
	expect(rows[1][13]).toMatch(/^\d{4}-\d{2}-01$/);
});
