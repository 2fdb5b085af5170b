import { expect, test } from '@playwright/test';
import { fixture } from './helpers';

test.use({ locale: 'en-US' });

for (const [width, height] of [
	[1366, 768],
	[1920, 1080],
	[390, 844]
]) {
	test(`the opened import report stays inside the window at ${width}×${height}`, async ({ page }) => {
		await page.setViewportSize({ width, height });
		await page.goto('/');
		await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('sales_en.csv'));
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page.getByTestId('customer-count')).toHaveText('198');
		await page.locator('details.report > summary').click();
		const pop = page.locator('details.report .pop');
		await expect(pop).toBeVisible();
		await expect(pop.getByTestId('report-files')).toContainText('sales_en.csv');
		const box = (await pop.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(width);
		// closed and opened again: the same place
		await page.keyboard.press('Escape');
		await expect(pop).toBeHidden();
		await page.locator('details.report > summary').click();
		expect((await pop.boundingBox())!.x).toBeCloseTo(box.x, 0);
	});
}
