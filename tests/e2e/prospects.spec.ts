import { expect, test, type Page } from '@playwright/test';
import { fixture } from './helpers';

test.use({ locale: 'en-US' });

const QUESTIONS = [
	'Do they have enough money to buy?',
	'Do they have a problem they need to solve now?',
	'Do they like our unique selling proposition?',
	'Can the person we talk to say yes?',
	'Does our offer ask no extra sacrifice or uncomfortable terms of them?'
];

async function answer(page: Page, question: string, value: 'yes' | 'no' | 'unknown') {
	await page.getByRole('group', { name: question }).getByLabel(value, { exact: true }).check();
}

async function newProspect(page: Page, company: string, answers: ('yes' | 'no' | 'unknown')[], date?: string) {
	await page.getByRole('button', { name: /New prospect/ }).click();
	await page.getByLabel('Company', { exact: false }).first().fill(company);
	if (date) await page.getByLabel('Expected decision date').fill(date);
	for (let i = 0; i < 5; i++) await answer(page, QUESTIONS[i], answers[i]);
	await page.getByRole('button', { name: 'Save' }).click();
}

const row = (page: Page, company: string) => page.getByRole('row').filter({ hasText: company });

test('prospects: qualify, set aside, false client after three moves, import CSV (cp1251, ;), everything survives a reload', async ({
	page
}) => {
	await page.goto('/prospects');
	await newProspect(page, 'Qualified Co', ['yes', 'yes', 'yes', 'yes', 'yes'], '2030-01-15');
	await expect(row(page, 'Qualified Co')).toContainText('qualified');
	await newProspect(page, 'Aside Ltd', ['yes', 'no', 'unknown', 'yes', 'yes']);
	await expect(row(page, 'Aside Ltd')).toContainText('set aside for later');

	// move the decision date three times
	for (const d of ['2030-02-01', '2030-03-01', '2030-04-01']) {
		await row(page, 'Qualified Co').getByRole('button', { name: /Edit/ }).click();
		await page.getByLabel('Expected decision date').fill(d);
		await page.getByRole('button', { name: 'Save' }).click();
	}
	await expect(row(page, 'Qualified Co')).toContainText('False client?');
	await expect(row(page, 'Aside Ltd')).not.toContainText('False client?');

	// import a prospects file in Windows-1251 with semicolons
	await page.getByLabel('Prospects CSV file').setInputFiles(fixture('prospects/prospects_ru_cp1251.csv'));
	await expect(page.getByLabel('Company', { exact: true }).last()).toHaveValue('0');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('2 prospects imported');
	await expect(row(page, 'ООО "Альфа"')).toContainText('qualified');
	await expect(row(page, 'АО Бета')).toContainText('set aside for later');

	// everything is still there after a reload
	await page.reload();
	for (const c of ['Qualified Co', 'Aside Ltd', 'ООО "Альфа"', 'АО Бета']) await expect(row(page, c)).toHaveCount(1);
	await expect(row(page, 'Qualified Co')).toContainText('False client?');

	// delete with undo
	await row(page, 'Aside Ltd')
		.getByRole('button', { name: /Delete/ })
		.click();
	await expect(row(page, 'Aside Ltd')).toHaveCount(0);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(row(page, 'Aside Ltd')).toHaveCount(1);
});

test('key accounts: a dossier with bonds and contacts, reminders in the Today list, kept across datasets', async ({
	page
}) => {
	await page.goto('/');
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('tiny.csv'));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('customer-count')).toHaveText('5');
	await page.getByRole('link', { name: 'Key accounts' }).click();
	await page.getByRole('button', { name: /^A — open the dossier/ }).click();
	await page.getByLabel(/Added value/).check();
	await expect(page.getByRole('alert').filter({ hasText: /value/i })).toBeVisible();
	await page.getByRole('button', { name: /Save/ }).first().click();
	// no positive contact yet: contact due, and the dossier was never reviewed
	await expect(page.getByRole('button', { name: /^A — open the dossier/ }).first()).toBeVisible();
	const today = page.getByRole('region', { name: /Today/ });
	await expect(today).toContainText('contact due — no positive contact recorded yet');
	await expect(today).toContainText('dossier review due');
	// a negative contact today: personal contact pauses for two weeks instead
	await page.getByLabel('Kind').selectOption('negative');
	await page.getByLabel('Note', { exact: true }).fill('complained about delivery');
	await page.getByRole('button', { name: 'Add contact' }).click();
	await expect(today).toContainText('pause personal contact until');
	await expect(today).not.toContainText('contact due — no positive contact');

	// import a second dataset of the same company: the dossier is still attached to key A
	await page.getByRole('link', { name: 'Analysis' }).click();
	await page.getByRole('button', { name: /New import/ }).click();
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('tiny.csv'));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('customer-count')).toHaveText('5');
	await page.getByRole('link', { name: 'Key accounts' }).click();
	await expect(page).toHaveURL(/\/accounts$/);
	await expect(
		page
			.getByRole('region', { name: 'Key and top-class customers' })
			.getByRole('listitem')
			.filter({ hasText: '★ key' })
			.filter({ hasText: /dossier$/ })
	).toHaveCount(1);

	// after a reload the dataset shown last opens again: the dossier is on the Today list and opens
	// with what was saved
	await page.reload();
	await page.getByRole('button', { name: 'Open the dossier of A' }).first().click();
	await expect(page.getByLabel(/Added value/)).toBeChecked();
});

test('key accounts from day one: key customers without a dossier are on the Today list; starting one moves it into the reminders', async ({
	page
}) => {
	await page.goto('/');
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('sales_en.csv'));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('customer-count')).toHaveText('198');
	await page.getByRole('link', { name: 'Key accounts' }).click();
	await expect(page).toHaveURL(/\/accounts$/);

	// a new user: no dossier anywhere, yet the daily list is not empty
	const today = page.getByRole('region', { name: /^Today, / });
	const noDossier = today.getByRole('list', { name: /^No dossier yet — start one/ });
	await expect(today).not.toContainText('Nothing due today');
	await expect(today.getByRole('heading', { name: /^No dossier yet — start one \(\d+\)$/ })).toBeVisible();
	// the key customers, largest first, then the other top-class customers
	await expect(noDossier.getByRole('listitem').filter({ hasText: '★ key' })).toHaveText([
		/^Tidal Works Ltd #164 A · ★ key · 33\.\d% Start the dossier$/,
		/^Granite Works Ltd #37 A · ★ key · 11\.\d% Start the dossier$/
	]);
	await expect(noDossier.getByRole('listitem').first()).toContainText('Tidal Works Ltd #164');
	await expect(noDossier.getByRole('listitem').nth(2)).toContainText('Maple Retail & Co #38');
	await expect(today.getByRole('list', { name: /^Positive contact due/ })).toHaveCount(0);

	// start one: its dossier opens, and it moves from "No dossier yet" into the reminders
	await today.getByRole('button', { name: 'Start the dossier of Granite Works Ltd #37' }).click();
	await expect(page.getByRole('heading', { name: 'Dossier: Granite Works Ltd #37' })).toBeVisible();
	await expect(noDossier).not.toContainText('Granite Works Ltd #37');
	await expect(noDossier).toContainText('Tidal Works Ltd #164');
	await expect(today.getByRole('list', { name: /^Positive contact due/ })).toHaveText(
		'Granite Works Ltd #37 contact due — no positive contact recorded yet'
	);
	await expect(today.getByRole('list', { name: /^Dossier review due/ })).toHaveText(
		'Granite Works Ltd #37 dossier review due'
	);
	// the open dossier says exactly what the Today list says for it
	await expect(page.getByTestId('dossier-reminders').getByRole('listitem')).toHaveText([
		'contact due — no positive contact recorded yet',
		'dossier review due'
	]);
	await expect(
		page
			.getByRole('region', { name: 'Key and top-class customers' })
			.getByRole('listitem')
			.filter({ hasText: 'Granite Works Ltd #37' })
	).toContainText('dossier');

	// a positive contact today clears the contact reminder in both places
	await page.getByLabel('Kind').selectOption('positive');
	await page.getByRole('button', { name: 'Add contact' }).click();
	await expect(today.getByRole('list', { name: /^Positive contact due/ })).toHaveCount(0);
	await expect(page.getByTestId('dossier-reminders').getByRole('listitem')).toHaveText(['dossier review due']);
});
