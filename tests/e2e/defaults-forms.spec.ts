/**
 * Defaults that show something and forms that read right (README "ABC×XYZ", "Movement between
 * periods", "Key accounts", "Prospects", "Presets and classes by count"), in Russian and English,
 * on the sample dataset: XYZ thresholds from the data with clickable cells, the quarters Movement
 * compares and why, every key customer on the Today list from day one, the custom classes editor
 * in order with labelled bounds, and the prospects' legend and pipeline total.
 */
import { expect, test, type Page } from '@playwright/test';

const UI = {
	'ru-RU': {
		sample: 'Попробовать на примере',
		tabs: { xyz: 'ABC×XYZ', movement: 'Миграция' },
		xyzAuto: /^Пороги по вашим данным \(терцили\): X ≤ [\d,]+\s%, Y ≤ [\d,]+\s%, Z — выше\./,
		xyzCell: /^A, X: \d+ клиент/,
		xyzCellTitle: /^Клиенты в ячейке A × X/,
		migWhy: /^Сравниваются \d-й квартал \d{4} г\. и \d-й квартал \d{4} г\.: последний квартал/,
		accounts: 'Ключевые клиенты',
		noDossier: /^Досье пока нет — заведите его \((\d+)\)$/,
		start: /^Завести досье: /,
		preset: 'Классификация',
		custom: 'Свои границы',
		add: 'Добавить класс',
		remove: 'Убрать последний класс',
		name: (n: number) => `Название класса ${n}`,
		bound: (n: number) => `Класс ${n} до % выручки`,
		prospects: 'Потенциальные клиенты',
		newProspect: /Новый потенциальный клиент/,
		company: 'Компания',
		deal: 'Ожидаемая сумма сделки',
		date: 'Ожидаемая дата решения',
		save: 'Сохранить',
		pastDay: '01.03.2020',
		falseClient: 'Ложный клиент?',
		legend: /✓.*\?.*✗/,
		pipeline: /^В работе 1 потенциальный клиент, ожидаемая сумма сделок — 12\s500/
	},
	'en-US': {
		sample: 'Try with sample data',
		tabs: { xyz: 'ABC×XYZ', movement: 'Movement' },
		xyzAuto: /^Thresholds from your data \(terciles\): X ≤ [\d.]+%, Y ≤ [\d.]+%, Z above\./,
		xyzCell: /^A, X: \d+ customers?/,
		xyzCellTitle: /^Customers in A × X/,
		migWhy: /^Compares Q\d \d{4} with Q\d \d{4}: the last quarter/,
		accounts: 'Key accounts',
		noDossier: /^No dossier yet — start one \((\d+)\)$/,
		start: /^Start the dossier of /,
		preset: 'Classification',
		custom: 'Custom bounds',
		add: 'Add class',
		remove: 'Remove last class',
		name: (n: number) => `Name of class ${n}`,
		bound: (n: number) => `Class ${n} up to % of revenue`,
		prospects: 'Prospects',
		newProspect: /New prospect/,
		company: 'Company',
		deal: 'Expected deal size',
		date: 'Expected decision date',
		save: 'Save',
		pastDay: '2020-03-01',
		falseClient: 'False client?',
		legend: /✓.*\?.*✗/,
		pipeline: /^1 open prospect, expected deal value 12,500/
	}
} as const;

type Locale = keyof typeof UI;

async function openSample(page: Page, sample: string) {
	await page.goto('/');
	await page.getByRole('button', { name: sample }).click();
	await expect(page.getByTestId('dashboard')).toBeVisible({ timeout: 30_000 });
}

for (const locale of Object.keys(UI) as Locale[]) {
	const L = UI[locale];
	test.describe(locale, () => {
		test.use({ locale });

		test(`XYZ thresholds come from the data and split the customers; a cell lists its customers; Movement says which quarters and why (${locale})`, async ({
			page
		}) => {
			await openSample(page, L.sample);
			await page.getByRole('tab', { name: L.tabs.xyz }).click();
			const panel = page.getByRole('tabpanel');
			await expect(panel.getByText(L.xyzAuto)).toBeVisible();
			// no column holds everyone: each of X, Y and Z has customers
			const matrix = page.getByTestId('xyz-matrix');
			for (const z of ['X', 'Y', 'Z'])
				await expect(matrix.locator('thead th').filter({ hasText: new RegExp(`^${z} \\((\\d+)\\)`) })).not.toHaveText(
					new RegExp(`^${z} \\(0\\)`)
				);
			await matrix.getByRole('button', { name: L.xyzCell }).click();
			await expect(panel.getByRole('heading', { name: L.xyzCellTitle })).toBeVisible();
			await expect(panel.getByRole('table').last().locator('tbody tr').first()).toBeVisible();

			await page.getByRole('tab', { name: L.tabs.movement }).click();
			await expect(page.getByTestId('mig-why')).toHaveText(L.migWhy);
		});

		test(`Key accounts from day one: every key customer is on the Today list with "start a dossier" (${locale})`, async ({
			page
		}) => {
			await openSample(page, L.sample);
			const keyText = (await page.getByTestId('headline-key').textContent()) ?? '';
			const keyCount = Number(/\d+/.exec(keyText)?.[0] ?? 0);
			expect(keyCount).toBeGreaterThan(0);
			await page.getByRole('link', { name: L.accounts, exact: true }).click();
			const group = page.getByRole('heading', { name: L.noDossier });
			await expect(group).toBeVisible();
			const listed = Number(L.noDossier.exec((await group.textContent())!.trim())![1]);
			expect(listed, 'at least every key customer is listed').toBeGreaterThanOrEqual(keyCount);
			await page.getByRole('button', { name: L.start }).first().click();
			await expect(page.getByRole('heading', { name: L.noDossier })).toHaveText(new RegExp(`\\(${listed - 1}\\)$`));
		});

		test(`custom classes stay in order with labelled bounds; prospects have a legend and a pipeline total; a past decision date is no false client (${locale})`, async ({
			page
		}) => {
			await openSample(page, L.sample);
			await page.getByLabel(L.preset, { exact: true }).selectOption({ label: L.custom });
			// down to the two classes the editor keeps at least, then two added before the last: A, B, C, D in order
			const remove = page.getByRole('button', { name: L.remove });
			while (await remove.isEnabled()) await remove.click();
			await expect(page.getByLabel(L.name(3), { exact: true })).toHaveCount(0);
			await page.getByRole('button', { name: L.add }).click();
			await page.getByRole('button', { name: L.add }).click();
			const names = [];
			for (let n = 1; n <= 4; n++) names.push(await page.getByLabel(L.name(n), { exact: true }).inputValue());
			expect(names).toEqual(['A', 'B', 'C', 'D']);
			for (let n = 1; n <= 3; n++) await expect(page.getByRole('textbox', { name: L.bound(n) })).toBeVisible();

			await page.getByRole('link', { name: L.prospects, exact: true }).click();
			await page.getByRole('button', { name: L.newProspect }).click();
			await page.getByLabel(L.company, { exact: false }).first().fill('Orion');
			await page.getByLabel(L.deal).fill('12500');
			await page.getByLabel(L.date).fill(L.pastDay);
			await page.getByRole('button', { name: L.save }).click();
			const row = page.getByRole('row').filter({ hasText: 'Orion' });
			await expect(row).toBeVisible();
			await expect(row).not.toContainText(L.falseClient);
			await expect(page.getByTestId('pipeline-total')).toHaveText(L.pipeline);
			await expect(page.getByRole('list', { name: /./ }).filter({ hasText: '✓' }).first()).toHaveText(L.legend);
		});
	});
}
