import { expect, test, type Page } from '@playwright/test';
import { fixture } from './helpers';

/**
 * Real-world export layouts (tests/fixtures/real-world/EXPECTED.md): a new user picks the file(s),
 * accepts the suggested column mapping without touching it, presses Import and must get the
 * analyst's answer. Page defaults: revenue, ABC 80/95, returns netted, key customer from 10 %.
 *
 * Everything after the dashboard appears is a soft assertion, so one run lists every wrong answer
 * of a test, not only the first one.
 */

const soft = expect.configure({ soft: true });

type Locale = 'en-US' | 'ru-RU';

/** The UI words a new user sees, per locale (src/lib/i18n/en.ts, ru.ts). */
const UI = {
	'en-US': {
		fileInput: 'CSV file',
		mapTitle: 'Check the columns',
		importButton: 'Import',
		report: 'Import report',
		customers: 'Customers',
		rowsImported: (imported: number, read: number | string) => `${imported} of ${read} rows imported`
	},
	'ru-RU': {
		fileInput: 'CSV-файл',
		mapTitle: 'Проверьте столбцы',
		importButton: 'Импортировать',
		report: 'Отчёт об импорте',
		customers: 'Клиенты',
		rowsImported: (imported: number, read: number | string) => `Импортировано строк: ${imported} из ${read}`
	}
} as const;

const REAL_WORLD = (name: string) => fixture(`real-world/${name}`);

/** One customer as the analyst expects it: displayed name, value, class. */
type Want = [name: string | RegExp, value: number, cls: 'A' | 'B' | 'C', code?: string];

/** One customer table row as displayed. */
interface Shown {
	name: string;
	code: string;
	value: number;
	cls: string;
	keyCustomer: boolean;
}

/** A number as the UI writes it in `locale` ("1,800.00", "450 000", "7,50", "−3"). */
function parseShown(text: string, locale: Locale): number {
	let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
	s = locale === 'en-US' ? s.replace(/,/g, '') : s.replace(/\./g, '').replace(',', '.');
	return Math.round(Number(s) * 100) / 100;
}

const mapperCard = (page: Page, file: string) => page.getByRole('region', { name: file, exact: true });
const importReport = (page: Page, locale: Locale) => page.locator('details').filter({ hasText: UI[locale].report });
const customerTable = (page: Page, locale: Locale) =>
	page.getByRole('region', { name: UI[locale].customers, exact: true }).locator('table');

/** Picks the files with the labelled input (all in one call) and waits for the mapping step. */
async function pickFiles(page: Page, locale: Locale, files: string[]) {
	await page.goto('/');
	await page.getByLabel(UI[locale].fileInput, { exact: true }).setInputFiles(files.map(REAL_WORLD));
	await expect(page.getByRole('heading', { name: UI[locale].mapTitle })).toBeVisible();
	for (const f of files) await expect(mapperCard(page, f), `mapper card of ${f}`).toBeVisible();
}

/** The suggested mapping as the user sees it ("Customer (key) = 2. Email; …"), for failure messages. */
async function suggestedMapping(page: Page): Promise<string> {
	return page.locator('main').evaluate((main) =>
		[...main.querySelectorAll<HTMLSelectElement>('select[id^="map-"]')]
			.filter((s) => s.value !== '-1')
			.map(
				(s) =>
					`${main.querySelector(`label[for="${s.id}"]`)?.textContent?.trim()} = ${s.selectedOptions[0]?.textContent?.trim()}`
			)
			.join('; ')
	);
}

/** Presses Import with the suggested mapping unchanged and waits for the dashboard. */
async function importAsSuggested(page: Page, locale: Locale) {
	const button = page.getByRole('button', { name: UI[locale].importButton, exact: true });
	const mapping = await suggestedMapping(page);
	test.info().annotations.push({ type: 'suggested mapping', description: mapping });
	await expect(button, `Import is enabled with the suggested mapping (${mapping})`).toBeEnabled();
	await button.click();
	await expect(page.getByTestId('dashboard')).toBeVisible({ timeout: 30_000 });
	// the customer table has its first page
	await expect(customerTable(page, locale).locator('tbody tr td.num').first()).toBeVisible();
}

/** The customer table as displayed, in rank order (CustomerTable.svelte: the name column is hidden when every name is the key). */
async function shownCustomers(page: Page, locale: Locale): Promise<Shown[]> {
	const rows = await customerTable(page, locale).evaluate((table) => {
		const columns = table.querySelectorAll('thead th').length;
		const withNames = columns === 8;
		// class boundary lines between the rows are not customers
		return [...table.querySelectorAll('tbody tr:not(.boundary)')]
			.filter((tr) => !tr.querySelector('td.empty'))
			.map((tr) => {
				const cell = [...tr.querySelectorAll('td')];
				const text = (i: number) => (cell[i]?.textContent ?? '').trim();
				return {
					code: text(1),
					name: withNames ? text(2) : text(1),
					value: text(columns - 5),
					cls: text(columns - 2),
					// a key customer's last cell holds <span class="key-flag">★ key</span>
					keyCustomer: !!cell[columns - 1]?.querySelector('.key-flag')
				};
			});
	});
	return rows.map((r) => ({ ...r, value: parseShown(r.value, locale) }));
}

/**
 * The analyst's answer, in rank order. Key customer: a positive total of at least 10 % of the sum of
 * positive totals (the default "Key customer from", src/lib/engine/abc.ts).
 */
function answer(want: Want[]) {
	const positive = want.reduce((s, [, v]) => s + Math.max(v, 0), 0);
	return want.map(([name, value, cls, code]) => ({
		name: typeof name === 'string' ? name : expect.stringMatching(name),
		code: code ?? expect.any(String),
		value,
		cls,
		keyCustomer: value > 0 && value / positive >= 0.1
	}));
}

/** Names, values, classes, key-customer flags and the count; `absent` names must appear nowhere in the table. */
async function expectCustomers(page: Page, locale: Locale, want: Want[], absent: string[] = []) {
	await soft
		.poll(() => shownCustomers(page, locale), {
			message: 'customer table (name, value, class, key customer)',
			timeout: 10_000
		})
		.toEqual(answer(want));
	await soft(page.getByTestId('customer-count'), 'customer count').toHaveText(String(want.length));
	const table = customerTable(page, locale).locator('tbody');
	for (const name of absent) await soft(table, `${name} must not be a customer`).not.toContainText(name);
}

/** The mapper card's automatic decisions (being built: [data-testid="decisions"], one li each). */
const mapperDecisions = (page: Page, file: string) => mapperCard(page, file).getByTestId('decisions');
/** The import report's decisions with row counts (being built: [data-testid="report-decisions"]). */
const reportDecisions = (page: Page, locale: Locale) => importReport(page, locale).getByTestId('report-decisions');

/** After the dataset is stored: reload, reopen it from the list, and get the same answer. */
async function reloadAndReopen(page: Page, locale: Locale, datasetPrefix: string, want: Want[]) {
	await expect(page.getByTestId('saving')).toHaveCount(0, { timeout: 15_000 });
	await page.reload();
	const item = page.getByRole('button', { name: new RegExp(`^${datasetPrefix}`) });
	await expect(item, 'the stored dataset is listed after a reload').toBeVisible();
	await item.click();
	await expect(page.getByTestId('dashboard'), 'the stored dataset reopens').toBeVisible();
	await expectCustomers(page, locale, want);
}

test.describe('English, German and marketplace exports (en-US UI)', () => {
	test.use({ locale: 'en-US' });
	const L = 'en-US';

	test('refund column: Total − Refunded Amount per Email; a fully refunded customer stays listed with 0', async ({
		page
	}) => {
		await pickFiles(page, L, ['refund-column.csv']);
		await importAsSuggested(page, L);
		await expectCustomers(page, L, [
			['ann@example.com', 100, 'A', 'ann@example.com'],
			['cat@example.com', 50, 'A', 'cat@example.com'],
			['bob@example.com', 0, 'C', 'bob@example.com']
		]);
	});

	test('German balance column: amount is Brutto (decimal comma), never the running balance Guthaben', async ({
		page
	}) => {
		await pickFiles(page, L, ['balance-column-de.csv']);
		await importAsSuggested(page, L);
		await expectCustomers(page, L, [
			['Anna Beispiel', 120, 'A'],
			['Bernd Muster', 40, 'A']
		]);
	});

	test('order total repeated on item rows: customer is Email (Billing) named by first + last name; products are never customers', async ({
		page
	}) => {
		await pickFiles(page, L, ['order-total-repeated-on-items.csv']);
		await importAsSuggested(page, L);
		await expectCustomers(
			page,
			L,
			[
				['Ann Oak', 75, 'A', 'ann@example.com'],
				['Ben Pine', 25, 'A', 'ben@example.com']
			],
			['T-Shirt', 'Sticker']
		);
	});

	test('customer only on group heading rows: detail rows take the heading customer, totals rows skipped', async ({
		page
	}) => {
		await pickFiles(page, L, ['customer-on-group-rows.csv']);
		await importAsSuggested(page, L);
		await expectCustomers(
			page,
			L,
			[
				['Anchor Marine', 430, 'A'],
				['Birch Bistro', 100, 'B']
			],
			['Total for', 'TOTAL']
		);
		await soft(importReport(page, L).locator('summary'), '3 sales imported').toContainText(/\b3 of \d+ rows imported/);
	});

	test('card payments: failed charges excluded, Converted Amount in the settlement currency, refunds netted', async ({
		page
	}) => {
		await pickFiles(page, L, ['payments-status-currency.csv']);
		await soft(
			mapperDecisions(page, 'payments-status-currency.csv'),
			'mapper decisions name the converted amount'
		).toContainText('Converted Amount');
		await importAsSuggested(page, L);
		await expectCustomers(page, L, [
			['cus_K1', 110, 'A'],
			['cus_K2', 60, 'A'],
			['cus_K4', 54, 'A'],
			['cus_K3', 0, 'C']
		]);
		await soft(reportDecisions(page, L), 'report decisions mention the failed charges').toContainText(/failed/i);
	});

	test('day-first dates with every day ≤ 12: the due-date column (17/04/2025) makes the file day-first', async ({
		page
	}) => {
		await pickFiles(page, L, ['day-first-short.csv']);
		await soft(page.getByLabel('Date format'), 'suggested date format is day.month.year').toHaveValue('dmy');
		await importAsSuggested(page, L);
		await expectCustomers(page, L, [
			['Kiwi Print', 300, 'A'],
			['Harbour Cafe', 200, 'A'],
			['Totara Build', 45, 'B']
		]);
		// Harbour Cafe bought on 3 April and 2 May 2025 (not 4 March / 5 February): look at April, then May
		await page.getByLabel('Period', { exact: true }).selectOption('custom');
		await page.getByLabel('From', { exact: true }).fill('2025-04-01');
		await page.getByLabel('To', { exact: true }).fill('2025-04-30');
		await expectCustomers(page, L, [
			['Kiwi Print', 300, 'A'],
			['Harbour Cafe', 120, 'A']
		]);
		await page.getByLabel('From', { exact: true }).fill('2025-05-01');
		await page.getByLabel('To', { exact: true }).fill('2025-05-31');
		await expectCustomers(page, L, [
			['Harbour Cafe', 80, 'A'],
			['Totara Build', 45, 'A']
		]);
	});

	test('unnamed customer column (header ",Date,Product,Qty,Amount"): dashboard appears and the dataset reopens after a reload', async ({
		page
	}) => {
		const want: Want[] = [
			['Beta', 20, 'A'],
			['Alpha', 15, 'A'],
			['Gamma', 7.5, 'B']
		];
		await pickFiles(page, L, ['unnamed-key-column.csv']);
		await importAsSuggested(page, L);
		await expectCustomers(page, L, want);
		await reloadAndReopen(page, L, 'unnamed-key-column', want);
	});

	test('unnamed amount column (header "Customer,Date,Product,Qty,"): dashboard appears and the dataset reopens after a reload', async ({
		page
	}) => {
		const want: Want[] = [
			['Beta', 20.25, 'A'],
			['Alpha', 16.25, 'A'],
			['Gamma', 7.5, 'B']
		];
		await pickFiles(page, L, ['unnamed-amount-column.csv']);
		await importAsSuggested(page, L);
		await expectCustomers(page, L, want);
		await reloadAndReopen(page, L, 'unnamed-amount-column', want);
	});

	test('pandas data frame with an unnamed index column: first line is the header, 4 of 4 rows imported', async ({
		page
	}) => {
		await pickFiles(page, L, ['unnamed-index-column-pandas.csv']);
		await importAsSuggested(page, L);
		await expectCustomers(page, L, [
			['Beta', 20, 'A'],
			['Alpha', 15, 'A'],
			['Gamma', 7.5, 'B']
		]);
		await soft(importReport(page, L).locator('summary')).toContainText(UI[L].rowsImported(4, 4));
	});

	test('R data frame with an unnamed index column: first line is the header, 4 of 4 rows imported', async ({
		page
	}) => {
		await pickFiles(page, L, ['unnamed-index-column-r.csv']);
		await importAsSuggested(page, L);
		await expectCustomers(page, L, [
			['Beta', 20.5, 'A'],
			['Alpha', 15, 'A'],
			['Gamma', 7.25, 'B']
		]);
		await soft(importReport(page, L).locator('summary')).toContainText(UI[L].rowsImported(4, 4));
	});

	test('customer ids a spreadsheet saved as 4.00123E+11: import works, mapping step and report warn about rounded ids', async ({
		page
	}) => {
		await pickFiles(page, L, ['scientific-notation-keys.csv']);
		await soft(
			mapperDecisions(page, 'scientific-notation-keys.csv'),
			'mapper warns about scientific notation'
		).toContainText(/E\+11|scientific/i);
		await importAsSuggested(page, L);
		await expectCustomers(page, L, [
			[/^(4\.00123E\+11|400123000000)$/, 2300, 'A'],
			[/^(5\.189(00)?E\+11|518900000000)$/, 1450, 'A'],
			[/^(6\.2(0000)?E\+11|620000000000)$/, 75, 'C']
		]);
		await soft(importReport(page, L), 'import report warns about scientific notation').toContainText(
			/E\+11|scientific/i
		);
	});

	test('marketplace report (tab, Windows-1252): item-price is the line amount, never × quantity', async ({ page }) => {
		await pickFiles(page, L, ['line-total-named-price.csv']);
		await importAsSuggested(page, L);
		await expectCustomers(page, L, [
			['Anna Müller', 52.3, 'A'],
			['Bruno Café', 50, 'A'],
			['Chloé Dupont', 19.9, 'B']
		]);
	});

	test('credit notes with positive amounts in one file: subtracted; drafts and cancelled invoices are not sales', async ({
		page
	}) => {
		await pickFiles(page, L, ['credit-notes-in-one-file.csv']);
		await importAsSuggested(page, L);
		await expectCustomers(
			page,
			L,
			[
				['Lakeside Hotel', 1800, 'A'],
				['Pier Books', 300, 'B'],
				['Maple Foods', 0, 'C']
			],
			['Orchard Cafe']
		);
		const decisions = reportDecisions(page, L);
		await soft(decisions, 'report decisions mention the draft').toContainText(/draft/i);
		await soft(decisions, 'report decisions mention the credit note').toContainText(/credit note/i);
	});

	test("numbers with a leading apostrophe ('1500.00, '-300.00): read as numbers, no row rejected", async ({ page }) => {
		await pickFiles(page, L, ['apostrophe-numbers.csv']);
		await importAsSuggested(page, L);
		await expectCustomers(page, L, [
			['Rowan Ltd', 1200, 'A'],
			['Sable Co', 700, 'A']
		]);
		await soft(importReport(page, L).locator('summary')).toContainText(UI[L].rowsImported(3, 3));
	});
});

test.describe('Russian exports (ru-RU UI)', () => {
	test.use({ locale: 'ru-RU' });
	const L = 'ru-RU';

	test('CRM deals (Бюджет, Этап сделки): only won deals are sales; the lost tender is excluded and reported', async ({
		page
	}) => {
		await pickFiles(page, L, ['deals-budget-stage-ru.csv']);
		await importAsSuggested(page, L);
		await expectCustomers(
			page,
			L,
			[
				['ООО «Альфа»', 450_000, 'A'],
				['ООО «Бета»', 120_000, 'A']
			],
			['Гамма']
		);
		const lost = reportDecisions(page, L).locator('li').filter({ hasText: 'Закрыто и не реализовано' });
		await soft(lost, 'report decision about «Закрыто и не реализовано»').toHaveCount(1);
		await soft(lost, 'with its row count 1').toContainText(/(^|\D)1(\D|$)/);
	});

	test('1C sales + returns lists dropped together (Windows-1251, title line «Возврат…»): returns subtracted', async ({
		page
	}) => {
		await pickFiles(page, L, ['returns-sales-1c.csv', 'returns-returns-1c.csv']);
		await soft(
			mapperDecisions(page, 'returns-returns-1c.csv'),
			'mapper says the second file is a returns list'
		).toContainText(/возврат/i);
		await importAsSuggested(page, L);
		await expectCustomers(page, L, [
			['ООО "Кедр"', 94_000, 'A'],
			['ИП Соколова', 12_500, 'B'],
			['АО "Берёза"', 0, 'C']
		]);
		await soft(reportDecisions(page, L), 'report decisions name the returns file').toContainText(
			'returns-returns-1c.csv'
		);
	});

	test('CRM deals with an empty company: customer is the company, else the contact; the lost tender is excluded', async ({
		page
	}) => {
		await pickFiles(page, L, ['contact-when-no-company-ru.csv']);
		await importAsSuggested(page, L);
		await expectCustomers(
			page,
			L,
			[
				['ООО «Север»', 260_000, 'A'],
				['Олег Рябов', 90_000, 'A']
			],
			['АО «Юг»', 'Пётр Гусев', 'Ирина Белова']
		);
	});
});
