import { expect, test } from '@playwright/test';
import { downloadSystemCsv, fixture, foreignRequests, noSeriousViolations, recordRequests } from './helpers';

test.use({ locale: 'en-US' });

for (const scheme of ['light', 'dark'] as const) {
	test(`axe (${scheme}): no serious or critical violations on any page; and no request leaves the origin during a full session`, async ({
		page,
		baseURL
	}) => {
		test.setTimeout(120_000);
		const requests = recordRequests(page);
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('/');
		await noSeriousViolations(page, `${scheme} home`);
		await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('sales_en.csv'));
		await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeVisible();
		await noSeriousViolations(page, `${scheme} mapping`);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page.getByTestId('dashboard')).toBeVisible();
		for (const tab of ['Classes', 'VIP', 'Movement', 'ABC×XYZ', 'Recency', 'Margin squeeze', 'Compare metrics']) {
			await page.getByRole('tab', { name: tab }).click();
			await expect(page.getByText('Computing…')).toHaveCount(0);
			await noSeriousViolations(page, `${scheme} ${tab}`);
		}
		// exports during the session (no request may leave the origin)
		await page.getByRole('tab', { name: 'Classes' }).click();
		await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /XLSX/ }).first().click()]);
		await downloadSystemCsv(page);
		for (const [link, name, heading] of [
			['Prospects', 'prospects', 'Prospects'],
			['Key accounts', 'accounts', 'Key accounts'],
			['Data & privacy', 'data', 'Data & privacy']
		]) {
			await page.getByRole('link', { name: link }).click();
			await expect(page).toHaveURL(new RegExp(`/${name}$`));
			// the page has rendered its own heading: scan it, not the one it replaced
			await expect(page.getByRole('heading', { level: 2, name: heading, exact: true }).first()).toBeVisible();
			await noSeriousViolations(page, `${scheme} ${name}`);
		}
		await page.getByRole('link', { name: 'Prospects' }).click();
		await page.getByRole('button', { name: /New prospect/ }).click();
		await noSeriousViolations(page, `${scheme} prospect form`);
		expect(foreignRequests(requests, baseURL!)).toEqual([]);
		expect(requests.length).toBeGreaterThan(5);
	});
}

test('keyboard only: import a file, switch preset and tab, and sort the table without a mouse', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('tiny.csv'));
	const importButton = page.getByRole('button', { name: 'Import', exact: true });
	await importButton.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('customer-count')).toHaveText('5');
	await page.getByLabel('Classification', { exact: true }).focus();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByText(/Gold ≤ 65%/).filter({ visible: true })).toHaveCount(1);
	await page.getByRole('button', { name: 'Sort by Total' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('columnheader', { name: /Total/ })).toHaveAttribute('aria-sort', 'descending');
	await page.getByRole('tab', { name: 'Classes' }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: 'Breakdown' })).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByRole('tab', { name: 'Breakdown' })).toBeFocused();
});
