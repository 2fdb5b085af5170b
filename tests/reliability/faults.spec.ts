import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixture } from '../e2e/helpers';

test.use({ locale: 'en-US' });
const bigFile = join(process.cwd(), 'test-results', 'big-400k.csv');
test.beforeAll(() => {
	mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
	if (!existsSync(bigFile)) execFileSync('node', ['tests/tools/gen-sales.mjs', '400000', bigFile]);
});

test('page closed in the middle of an import: nothing partial is stored and the next load says so once', async ({
	context
}) => {
	const first = await context.newPage();
	await first.goto('/');
	await first.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('tiny.csv'));
	await first.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(first.getByTestId('customer-count')).toHaveText('5');
	await first.getByRole('button', { name: /New import/ }).click();
	await first.getByLabel('CSV file', { exact: true }).setInputFiles(bigFile);
	await first.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(first.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
	await first.close();

	const next = await context.newPage();
	await next.goto('/');
	await expect(next.getByRole('status')).toContainText('The last import was interrupted');
	const list = next.getByRole('navigation', { name: 'Datasets' }).getByRole('listitem');
	await expect(list).toHaveCount(1);
	await expect(list).toContainText('tiny');
	await next.reload();
	await expect(next.getByRole('navigation', { name: 'Datasets' }).getByRole('listitem')).toHaveCount(1);
	await expect(next.getByText('The last import was interrupted')).toHaveCount(0);
});

test('two tabs: an import in one shows in the other without reload; a schema upgrade in a new tab makes the old one ask to reload', async ({
	context
}) => {
	const a = await context.newPage();
	const b = await context.newPage();
	await a.goto('/');
	await b.goto('/');
	await expect(b.getByText('No datasets yet.')).toBeVisible();
	await a.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('tiny.csv'));
	await a.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(a.getByTestId('customer-count')).toHaveText('5');
	await expect(b.getByRole('button', { name: /^tiny/ })).toBeVisible();

	// a newer version of the app opens the database with a higher version in a new tab
	const c = await context.newPage();
	await c.goto('/');
	await c.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('paretoscope', 1000);
				req.onsuccess = () => {
					req.result.close();
					resolve();
				};
				req.onerror = () => reject(req.error);
			})
	);
	await expect(a.getByRole('alert').filter({ hasText: 'updated in another tab' })).toBeVisible();
	await expect(a.getByRole('button', { name: 'Reload' })).toBeVisible();
});

test('cancel while classifying: nothing is stored and the earlier state comes back', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('tiny.csv'));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('customer-count')).toHaveText('5');
	await page.getByRole('button', { name: /New import/ }).click();
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(bigFile);
	// press Cancel the moment the progress says "Classifying…" (before anything is written)
	await page.evaluate(() => {
		new MutationObserver((_, obs) => {
			const label = document.querySelector('.progress .label');
			if (label?.textContent?.includes('Classifying')) {
				obs.disconnect();
				(document.querySelector('.progress button') as HTMLButtonElement).click();
			}
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Import cancelled. Nothing was saved.');
	await page.reload();
	const list = page.getByRole('navigation', { name: 'Datasets' }).getByRole('listitem');
	await expect(list).toHaveCount(1);
	await expect(list).toContainText('tiny');
});
