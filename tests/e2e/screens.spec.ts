/**
 * Screens that lead with the answer (README "The dashboard", "Presenting", "Phones", "Coming
 * back"), in Russian and English: the headline and chart above the fold at 1366×768, Present
 * mode, phones without sideways scrolling on any page or tab, the last dataset reopening after a
 * reload, renaming, the "already imported" question, a share link without data, and date fields
 * written as the UI language writes dates.
 */
import { expect, test, type Page } from '@playwright/test';
import { fixture, noSeriousViolations } from './helpers';

const UI = {
	'ru-RU': {
		sample: 'Попробовать на примере',
		demo: 'Пример (демо-данные)',
		headline: /^80\s%\sвыручки приходится на \d+ клиент(а|ов) — [\d,]+\s%\sиз \d+$/,
		tabs: [
			'Классы',
			'VIP',
			'Миграция',
			'ABC×XYZ',
			'Давность',
			'RFM',
			'Типы клиентов',
			'Маржинальность',
			'Сравнение показателей'
		],
		pages: ['Потенциальные клиенты', 'Ключевые клиенты', 'Данные и конфиденциальность', 'Анализ'],
		menu: 'Меню',
		settings: /^⚙ Настройки:/,
		close: /Закрыть настройки/,
		present: '▶ Показ',
		presentExit: '✕ Выйти из режима показа (Esc)',
		report: 'Отчёт об импорте',
		csv: 'CSV-файл',
		import: 'Импортировать',
		rename: 'Переименовать: ',
		save: 'Сохранить',
		dupOpen: 'Открыть сохранённый набор',
		dupAgain: 'Импортировать ещё раз',
		dupTitle: (name: string) => new RegExp(`Этот файл уже импортирован: «${name}», \\d\\d\\.\\d\\d\\.\\d{4}\\.`),
		shareNotice: 'Настройки из ссылки получены — перетащите файл, и они применятся.',
		period: 'Период',
		from: 'С',
		custom: 'custom',
		dayForm: /^\d\d\.\d\d\.\d{4}$/,
		newImport: /Новый импорт/,
		share: 'Скопировать ссылку с настройками'
	},
	'en-US': {
		sample: 'Try with sample data',
		demo: 'Sample data (demo)',
		headline: /^80% of revenue comes from \d+ customers — [\d.]+% of \d+$/,
		tabs: [
			'Classes',
			'VIP',
			'Movement',
			'ABC×XYZ',
			'Recency',
			'RFM',
			'Customer types',
			'Margin squeeze',
			'Compare metrics'
		],
		pages: ['Prospects', 'Key accounts', 'Data & privacy', 'Analysis'],
		menu: 'Menu',
		settings: /^⚙ Settings:/,
		close: /Close settings/,
		present: '▶ Present',
		presentExit: '✕ Leave present mode (Esc)',
		report: 'Import report',
		csv: 'CSV file',
		import: 'Import',
		rename: 'Rename: ',
		save: 'Save',
		dupOpen: 'Open the stored dataset',
		dupAgain: 'Import again',
		dupTitle: (name: string) => new RegExp(`This file is already imported: «${name}», \\w{3} \\d{1,2}, \\d{4}\\.`),
		shareNotice: 'Settings from the link received — drop the file to apply them.',
		period: 'Period',
		from: 'From',
		custom: 'custom',
		dayForm: /^\d{4}-\d\d-\d\d$/,
		newImport: /New import/,
		share: 'Copy a link to this view'
	}
} as const;

type Locale = keyof typeof UI;

async function openSample(page: Page, L: (typeof UI)[Locale]) {
	await page.goto('/');
	await page.getByRole('button', { name: L.sample }).click();
	await expect(page.getByTestId('dashboard')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('pareto-chart')).toBeVisible();
}

/** The page is no wider than the screen (nothing scrolls sideways), once the layout has settled. */
async function noSidewaysScroll(page: Page, where: string) {
	await expect
		.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
			message: `${where}: the page is wider than the screen by this many px`,
			timeout: 3000
		})
		.toBeLessThanOrEqual(0);
}

for (const locale of Object.keys(UI) as Locale[]) {
	const L = UI[locale];
	test.describe(locale, () => {
		test.use({ locale });

		test(`1366×768: the answer and the whole chart above the fold, settings on one line, the import report a badge (${locale})`, async ({
			page
		}) => {
			await page.setViewportSize({ width: 1366, height: 768 });
			await openSample(page, L);
			const headline = page.getByTestId('headline-80');
			await expect(headline).toHaveText(L.headline);
			const chart = (await page.getByTestId('pareto-chart').boundingBox())!;
			expect(chart.y + chart.height, 'the chart ends above the fold').toBeLessThanOrEqual(768);
			const legend = (await page.getByTestId('chart-legend').boundingBox())!;
			expect(legend.y + legend.height, 'its legend too').toBeLessThanOrEqual(768);
			expect(chart.height).toBeGreaterThanOrEqual(300);
			// the settings are one compact line
			const settings = (await page.getByRole('region', { name: /Настройки|Settings/ }).boundingBox())!;
			expect(settings.height, 'settings on one line').toBeLessThan(56);
			// the import report is a closed badge that opens over the page
			const report = page.locator('details.report');
			await expect(report).not.toHaveAttribute('open');
			await report.locator('summary').click();
			await expect(report.getByTestId('report-files')).toBeVisible();
			await report.locator('summary').press('Escape');
			await expect(report).not.toHaveAttribute('open');
			// the status line states the period in the reader's date format
			await expect(page.getByTestId('period-line')).toContainText(
				locale === 'ru-RU' ? /\d\d\.\d\d\.\d{4}/ : /\w{3} \d{1,2}, \d{4}/
			);
			// 1920×1080: a taller chart with larger type
			await page.setViewportSize({ width: 1920, height: 1080 });
			await expect
				.poll(async () => (await page.getByTestId('pareto-chart').boundingBox())!.height)
				.toBeGreaterThan(560);
		});

		test(`Present mode: P and the button, controls hidden, large type, chart at full height, Esc leaves (${locale})`, async ({
			page
		}) => {
			await page.setViewportSize({ width: 1920, height: 1080 });
			await openSample(page, L);
			const headline = page.getByTestId('headline-80');
			const before = parseFloat(await headline.evaluate((e) => getComputedStyle(e).fontSize));
			await page.keyboard.press('p');
			await expect(page.locator('html')).toHaveClass(/present/);
			await expect(page.getByRole('banner')).toBeHidden();
			await expect(page.getByRole('region', { name: /Настройки|Settings/ })).toBeHidden();
			await expect(page.getByRole('button', { name: L.newImport })).toBeHidden();
			const after = parseFloat(await headline.evaluate((e) => getComputedStyle(e).fontSize));
			expect(after / before, 'type ×1.5 or more').toBeGreaterThanOrEqual(1.4);
			await expect
				.poll(async () => (await page.getByTestId('pareto-chart').boundingBox())!.height, 'the chart fills the screen')
				.toBeGreaterThan(650);
			await noSeriousViolations(page, `present ${locale}`);
			await page.keyboard.press('Escape');
			await expect(page.locator('html')).not.toHaveClass(/present/);
			await expect(page.getByRole('banner')).toBeVisible();
			// the button does the same
			await page.getByRole('button', { name: L.present, exact: true }).click();
			await expect(page.locator('html')).toHaveClass(/present/);
			await page.getByRole('button', { name: L.presentExit, exact: true }).click();
			await expect(page.locator('html')).not.toHaveClass(/present/);
		});

		test(`phones at 390 and 360 px: no page or tab scrolls sideways; menu, settings drawer, card tables; axe clean (${locale})`, async ({
			page
		}) => {
			test.setTimeout(120_000);
			await page.setViewportSize({ width: 390, height: 844 });
			await openSample(page, L);
			for (const width of [390, 360]) {
				await page.setViewportSize({ width, height: 800 });
				// headline and chart come first, before the settings
				const chartTop = (await page.getByTestId('pareto-chart').boundingBox())!.y;
				const settingsTop = (await page.getByRole('button', { name: L.settings }).boundingBox())!.y;
				const headlineTop = (await page.getByTestId('headline').boundingBox())!.y;
				expect(headlineTop).toBeLessThan(settingsTop);
				expect(chartTop, 'the chart starts within the first two screens').toBeLessThan(1000);
				for (const name of L.tabs) {
					await page.getByRole('tab', { name, exact: true }).click();
					await expect(page.getByRole('tabpanel')).not.toBeEmpty();
					await page.waitForTimeout(300);
					await noSidewaysScroll(page, `${width} px, tab ${name}`);
				}
				await page.getByRole('tab', { name: L.tabs[0], exact: true }).click();
				// tables are card lists: every value is labelled with its column
				const firstCell = page.locator('table.data tbody tr').first().locator('td').nth(1);
				await expect(firstCell).toHaveAttribute('data-label', /.+/);
				expect(await firstCell.evaluate((e) => getComputedStyle(e).display)).toBe('flex');
				// the settings are a drawer
				await page.getByRole('button', { name: L.settings }).click();
				await expect(page.locator('#settings-drawer')).toBeVisible();
				await noSidewaysScroll(page, `${width} px, settings drawer`);
				if (width === 390) await noSeriousViolations(page, `${locale} 390 px settings drawer`);
				await page.getByRole('button', { name: L.close }).click();
				await expect(page.locator('#settings-drawer')).toBeHidden();
				// every page through the menu
				for (const name of L.pages) {
					await page.getByRole('button', { name: L.menu }).click();
					await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
					await expect(page.getByRole('link', { name, exact: true })).toBeHidden();
					await page.waitForTimeout(300);
					await noSidewaysScroll(page, `${width} px, page ${name}`);
					if (width === 390) await noSeriousViolations(page, `${locale} 390 px ${name}`);
				}
				await expect(page.getByTestId('dashboard')).toBeVisible();
			}
			// dark, on a phone: the dashboard and the settings drawer
			await page.setViewportSize({ width: 390, height: 844 });
			await page.emulateMedia({ colorScheme: 'dark' });
			await noSeriousViolations(page, `${locale} 390 px dark dashboard`);
			await page.getByRole('button', { name: L.settings }).click();
			await noSeriousViolations(page, `${locale} 390 px dark settings drawer`);
		});

		test(`coming back: the last dataset and tab reopen after a reload; rename; the same file asks before a second import (${locale})`, async ({
			page
		}) => {
			await page.goto('/');
			await page.getByLabel(L.csv, { exact: true }).setInputFiles(fixture('sales_en.csv'));
			await page.getByRole('button', { name: L.import, exact: true }).click();
			await expect(page.getByTestId('customer-count')).toHaveText('198');
			await expect(page.getByTestId('saving')).toHaveCount(0);
			await page.getByRole('tab', { name: L.tabs[3] }).click();
			await page.reload();
			await expect(page.getByTestId('customer-count')).toHaveText('198');
			await expect(page.getByRole('tab', { name: L.tabs[3] })).toHaveAttribute('aria-selected', 'true');

			// rename
			await page.getByRole('button', { name: `${L.rename}sales_en` }).click();
			await page.getByRole('textbox', { name: /sales_en/ }).fill('Q4 2025');
			await page.getByRole('button', { name: L.save }).click();
			await expect(page.locator('.dataset-name')).toHaveText('Q4 2025');
			await page.reload();
			await expect(page.locator('.dataset-name')).toHaveText('Q4 2025');

			// the same file again: the question, "open it" opens the stored one
			await page.getByRole('button', { name: L.newImport }).click();
			await page.getByLabel(L.csv, { exact: true }).setInputFiles(fixture('sales_en.csv'));
			const question = page.getByTestId('duplicate-import');
			await expect(question).toContainText(L.dupTitle('Q4 2025'));
			await question.getByRole('button', { name: L.dupOpen }).click();
			await expect(page.locator('.dataset-name')).toHaveText('Q4 2025');
			await expect(page.locator('.datasets li')).toHaveCount(1);
			// "import again" keeps both, the second under a name of its own
			await page.getByRole('button', { name: L.newImport }).click();
			await page.getByLabel(L.csv, { exact: true }).setInputFiles(fixture('sales_en.csv'));
			await page.getByTestId('duplicate-import').getByRole('button', { name: L.dupAgain }).click();
			await expect(page.getByTestId('duplicate-import')).toHaveCount(0);
			await page.getByRole('button', { name: L.import, exact: true }).click();
			await expect(page.getByTestId('customer-count')).toHaveText('198');
			await expect(page.locator('.datasets li')).toHaveCount(2);

			// a date field is written as the UI language writes dates
			await page.getByLabel(L.period, { exact: true }).selectOption(L.custom);
			await expect(page.getByLabel(L.from, { exact: true })).toHaveValue(L.dayForm);
		});

		test(`a share link opened without its data says the settings wait for the file (${locale})`, async ({ page }) => {
			await page.goto('/');
			await page.getByRole('button', { name: L.sample }).click();
			await expect(page.getByTestId('dashboard')).toBeVisible({ timeout: 30_000 });
			await page.getByRole('tab', { name: L.tabs[1] }).click();
			const url = await shareLinkFromMenu(page, L.share);
			expect(url).toContain('#');
			// a fresh browser (no datasets) opens the link
			const fresh = await page.context().browser()!.newContext({ locale });
			const other = await fresh.newPage();
			await other.goto(url);
			await expect(other.getByRole('status')).toHaveText(L.shareNotice);
			await fresh.close();
		});
	});
}

/** The share link the "More exports" menu shows. */
async function shareLinkFromMenu(page: Page, name: string): Promise<string> {
	await page.locator('details.menu summary').click();
	await page.locator('details.menu').getByRole('button', { name }).click();
	await expect(page.getByTestId('share-link')).toHaveValue(/#/);
	return page.getByTestId('share-link').inputValue();
}
