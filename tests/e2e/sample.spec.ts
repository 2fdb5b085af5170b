/**
 * A demo without client data: "Try with sample data" on the empty start page makes a sample
 * dataset in the browser, in the UI language, marked as a demo, and every method has something
 * to show.
 */
import { expect, test } from '@playwright/test';

for (const c of [
	{ locale: 'ru-RU', button: 'Попробовать на примере', name: 'Пример (демо-данные)', vip: 'VIP', xyz: 'ABC×XYZ' },
	{ locale: 'en-US', button: 'Try with sample data', name: 'Sample data (demo)', vip: 'VIP', xyz: 'ABC×XYZ' }
]) {
	test.describe(c.locale, () => {
		test.use({ locale: c.locale });

		test(`sample data in ${c.locale}: imported in one click, named as a demo, every tab has data`, async ({ page }) => {
			await page.goto('/');
			await page.getByRole('button', { name: c.button }).click();
			await expect(page.getByTestId('dashboard')).toBeVisible({ timeout: 30_000 });
			await expect(page.locator('.dataset-name')).toHaveText(c.name);
			const customers = Number((await page.getByTestId('customer-count').textContent())!.replace(/\D/g, ''));
			expect(customers).toBeGreaterThan(150);
			// the list of datasets marks it too
			await expect(page.getByRole('button', { name: new RegExp(`^${c.name.replace(/[()]/g, '\\$&')}`) })).toBeVisible();
			// dates, profit and managers were recognised: the dated and profit tabs show data
			for (const tab of [c.vip, c.xyz]) {
				await page.getByRole('tab', { name: tab }).click();
				await expect(page.getByRole('tabpanel')).not.toBeEmpty();
			}
		});
	});
}
