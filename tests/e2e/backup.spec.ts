import { expect, test, type Page } from '@playwright/test';
import { downloadSystemCsv, fixture } from './helpers';

test.use({ locale: 'en-US' });

async function exportCsv(page: Page): Promise<string> {
	return downloadSystemCsv(page);
}

test('backup: export, delete everything, restore in the same browser: identical datasets, settings and prospects', async ({
	page
}) => {
	await page.goto('/');
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('sales_en.csv'));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('customer-count')).toHaveText('198');
	await page.getByLabel('Classification', { exact: true }).selectOption('gsb');
	await expect(page.getByText(/Gold ≤ 65%/).filter({ visible: true })).toBeVisible();
	const before = await exportCsv(page);

	await page.getByRole('link', { name: 'Prospects' }).click();
	await page.getByRole('button', { name: /New prospect/ }).click();
	await page.getByLabel('Company').first().fill('Backup Prospect LLC');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('row').filter({ hasText: 'Backup Prospect LLC' })).toHaveCount(1);

	await page.getByRole('link', { name: 'Data & privacy' }).click();
	await expect(page.getByTestId('usage')).toContainText('Used:');
	const [backup] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: /Download a backup/ }).click()
	]);
	const backupPath = await backup.path();

	// a foreign file is refused and changes nothing
	await page.getByLabel('Backup file').setInputFiles(fixture('tiny.csv'));
	await expect(page.getByRole('alert')).toHaveText('This file is not a Paretoscope backup. Nothing was changed.');

	page.once('dialog', (d) => d.accept());
	await page.getByRole('button', { name: 'Delete all my data' }).click();
	await expect(page.getByText('All data deleted from this browser.')).toBeVisible();
	await page.getByRole('link', { name: 'Analysis' }).click();
	await expect(page.getByText('No datasets yet.')).toBeVisible();

	await page.getByRole('link', { name: 'Data & privacy' }).click();
	await page.getByLabel('Backup file').setInputFiles(backupPath);
	await expect(page.getByRole('region', { name: 'Restore', exact: true })).toContainText(
		'1 dataset, 1 prospect, 0 dossiers'
	);
	await page.getByRole('button', { name: 'Add to my data' }).click();
	await expect(page.getByText('Restored: 1 dataset, 1 prospect, 0 dossiers.')).toBeVisible();

	await page.getByRole('link', { name: 'Analysis' }).click();
	await page.getByRole('button', { name: /^sales_en/ }).click();
	await expect(page.getByTestId('customer-count')).toHaveText('198');
	// the settings came back too (gold/silver/bronze), and the export is byte-identical
	await expect(page.getByText(/Gold ≤ 65%/).filter({ visible: true })).toBeVisible();
	expect(await exportCsv(page)).toBe(before);
	await page.getByRole('link', { name: 'Prospects' }).click();
	await expect(page.getByRole('row').filter({ hasText: 'Backup Prospect LLC' })).toHaveCount(1);
});
