/**
 * Customer types, the price-raise what-if and RFM (issue 16, README "The rules: Reese's four customer
 * types", "The rules: RFM"), in English and Russian, on a Shopify-like export with free samples,
 * promo codes and full-price buyers. The expected types come from tests/fixtures/discounts/expected.py
 * (Python, independent of the app; see EXPECTED.md there).
 */
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { downloadSystemCsv, fixture, noSeriousViolations } from './helpers';

const SHOP = fixture('discounts/shop_discounts.csv');
const PLAIN = fixture('sales_en.csv');

/** every customer's type under the auto-mapping (EXPECTED.md, "auto-mapping") */
const TYPES: Record<string, string> = {
	'amelia.hart@example.com': 'freeloader',
	'ben.okafor@example.net': 'freeloader',
	'chloe.dubois@example.fr': 'freeloader',
	'dan.miller@example.com': 'discountLover',
	'eva.novak@example.cz': 'discountLover',
	'farah.khan@example.com': 'discountLover',
	'george.lam@example.com': 'discountLover',
	'hanna.berg@example.se': 'discountLover',
	'isabel.ruiz@example.es': 'discountLover',
	'james.whitfield@example.co.uk': 'resultFocused',
	'katarina.ivanova@example.com': 'resultFocused',
	'leo.marchetti@example.it': 'resultFocused',
	'maya.patel@example.com': 'resultFocused',
	'nina.schulz@example.de': 'seeker',
	'oscar.lindqvist@example.se': 'seeker',
	'paula.costa@example.pt': 'seeker',
	'quentin.moreau@example.fr': 'seeker',
	'rosa.janssen@example.nl': 'seeker',
	'sam.taylor@example.com': 'seeker',
	'tara.obrien@example.ie': 'seeker',
	'umar.haddad@example.com': 'seeker',
	'vera.kowalski@example.pl': 'seeker',
	'will.chen@example.com': 'seeker',
	'xenia.popescu@example.ro': 'resultFocused',
	'yusuf.demir@example.com.tr': 'resultFocused'
};
const COUNT = (type: string) => Object.values(TYPES).filter((t) => t === type).length;

const UI = {
	'en-US': {
		csv: 'CSV file',
		import: 'Import',
		types: 'Customer types',
		rfm: 'RFM',
		names: {
			freeloader: 'Freeloaders',
			discountLover: 'Discount lovers',
			seeker: 'Seekers',
			resultFocused: 'Result-focused'
		},
		raise: 'Raise prices by, %',
		sentence: /^Prices up 10%, and all freeloaders and all discount lovers leave: revenue /,
		sentence20: /^Prices up 20%, and all freeloaders and all discount lovers leave: revenue /,
		noData: 'The customer types need discount information',
		more: 'More exports',
		system: /CSV for systems/,
		column: 'Customer type',
		drillChip: /Customers of cell/
	},
	'ru-RU': {
		csv: 'CSV-файл',
		import: 'Импортировать',
		types: 'Типы клиентов',
		rfm: 'RFM',
		names: {
			freeloader: 'Халявщики',
			discountLover: 'Любители скидок',
			seeker: 'Искатели',
			resultFocused: 'Сосредоточенные на результате'
		},
		raise: 'Поднять цены на, %',
		sentence: /^Цены выше на 10\s%, уходят: все халявщики и все любители скидок\. Выручка /,
		sentence20: /^Цены выше на 20\s%, уходят: все халявщики и все любители скидок\. Выручка /,
		noData: 'Для типов клиентов нужны сведения о скидках',
		more: 'Другие форматы',
		system: /CSV для систем/,
		column: 'Тип клиента',
		drillChip: /Клиенты ячейки/
	}
} as const;
type Locale = keyof typeof UI;

async function importFile(page: Page, path: string, locale: Locale) {
	const L = UI[locale];
	await page.getByLabel(L.csv, { exact: true }).first().setInputFiles(path);
	await page.getByRole('button', { name: L.import, exact: true }).click();
	await expect(page.getByTestId('dashboard')).toBeVisible({ timeout: 30_000 });
}

for (const locale of Object.keys(UI) as Locale[]) {
	const L = UI[locale];
	test.describe(locale, () => {
		test.use({ locale });

		test(`customer types, the what-if, RFM and the export (${locale})`, async ({ page }) => {
			await page.goto('/');
			await importFile(page, SHOP, locale);

			// Customer types: one row per type with the expected customers
			await page.getByRole('tab', { name: L.types }).click();
			const table = page.getByTestId('types-table');
			await expect(table).toBeVisible();
			for (const [type, name] of Object.entries(L.names)) {
				const row = table.locator(`tr[data-type="${type}"]`);
				await expect(row.locator('th')).toHaveText(name);
				await expect(row.locator('td').first()).toHaveText(String(COUNT(type)));
			}
			await expect(table.locator('tr[data-type="unknown"]')).toHaveCount(0);

			// the what-if follows its inputs without a new request
			const sentence = page.getByTestId('whatif-sentence');
			await expect(sentence).toHaveText(L.sentence);
			await page.getByLabel(L.raise).fill('20');
			await page.getByLabel(L.raise).press('Enter');
			await expect(sentence).toHaveText(L.sentence20);
			await noSeriousViolations(page, `${locale} customer types`);

			// a listed customer's page names its type and its RFM segment
			await page.getByRole('button', { name: 'Chloé Dubois', exact: true }).first().click();
			await expect(page.getByTestId('customer-type')).toContainText(L.names.freeloader);
			await expect(page.getByTestId('customer-rfm')).toContainText(/R [1-5], F [1-5], M [1-5]/);
			await page.goBack();
			await expect(page.getByTestId('customer-type')).toHaveCount(0);

			// the customer table names each customer's type
			await page.getByRole('tab', { name: locale === 'ru-RU' ? 'Классы' : 'Classes' }).click();
			await expect(page.locator('#customer-table thead')).toContainText(L.column);

			// RFM: the grid and the segments count every customer once
			await page.getByRole('tab', { name: L.rfm, exact: true }).click();
			await expect(page.getByTestId('rfm-grid')).toBeVisible();
			const counts = await page.getByTestId('rfm-segments').locator('tbody tr td:nth-child(2)').allTextContents();
			expect(counts.reduce((s, c) => s + Number(c.replace(/\D/g, '')), 0)).toBe(Object.keys(TYPES).length);
			await noSeriousViolations(page, `${locale} RFM`);
			// a class × segment cell opens the customer table with those customers
			const cell = page.getByTestId('rfm-cross').locator('tbody button').first();
			const n = Number((await cell.textContent())!.replace(/\D/g, ''));
			await cell.click();
			await expect(page.getByText(L.drillChip).first()).toBeVisible();
			await expect(page.locator('#customer-table tbody tr:not([data-testid="class-boundary"])')).toHaveCount(n);
			await page.goBack();

			// the export: the first eight columns as ever, then RFM and the customer type per customer
			const csv = await downloadSystemCsv(page, { more: L.more, system: L.system });
			const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
			const header = Object.keys(rows[0]);
			expect(header.slice(0, 8)).toEqual([
				'rank',
				'customer_key',
				'customer_name',
				'value',
				'share',
				'cumulative_share',
				'class',
				'key_customer'
			]);
			expect(header.slice(-5)).toEqual(['rfm_r', 'rfm_f', 'rfm_m', 'rfm_segment', 'customer_type']);
			expect(rows).toHaveLength(Object.keys(TYPES).length);
			for (const r of rows) {
				expect(r.customer_type, r.customer_key).toBe(TYPES[r.customer_key]);
				for (const k of ['rfm_r', 'rfm_f', 'rfm_m']) expect(r[k], `${r.customer_key} ${k}`).toMatch(/^[1-5]$/);
			}
		});
	});
}

test.describe('without discount data', () => {
	test.use({ locale: 'en-US' });
	test('the Customer types tab says which column it needs', async ({ page }) => {
		await page.goto('/');
		await importFile(page, PLAIN, 'en-US');
		await page.getByRole('tab', { name: 'Customer types' }).click();
		await expect(page.getByTestId('types-no-data')).toContainText(UI['en-US'].noData);
		await expect(page.getByTestId('types-no-data')).toContainText('Compare-at price');
		await noSeriousViolations(page, 'types without discounts');
	});
});
