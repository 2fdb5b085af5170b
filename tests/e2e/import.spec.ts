import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { downloadSystemCsv, foreignRequests, fixture, readFixture, recordRequests } from './helpers';
import { engineCsvFor } from './engine-reference';

test.use({ locale: 'ru-RU' });

test('drop a Windows-1251 CSV, see the dashboard, export, reload, reopen, reject a bad file, and never leave the origin', async ({
	page,
	baseURL
}) => {
	const requests = recordRequests(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Paretoscope' })).toBeVisible();

	// 1. pick the file with the labelled input
	await page.getByLabel('CSV-файл', { exact: true }).setInputFiles(fixture('sales_ru_cp1251.csv'));
	await expect(page.getByRole('heading', { name: 'Проверьте столбцы' })).toBeVisible();
	// auto-mapping found the Russian headers
	await expect(page.getByLabel('Клиент (ключ)')).toHaveValue('2');
	await expect(page.getByLabel('Наименование клиента')).toHaveValue('3');
	await expect(page.getByLabel('Сумма', { exact: true })).toHaveValue('7');
	await expect(page.getByRole('cell', { name: 'ООО "Лидер-136"' }).first()).toBeVisible();

	// 2. import
	await page.getByRole('button', { name: 'Импортировать' }).click();
	const dashboard = page.getByTestId('dashboard');
	await expect(dashboard).toBeVisible();

	// the right customer count, computed independently from the raw file
	const text = new TextDecoder('windows-1251').decode(readFixture('sales_ru_cp1251.csv'));
	const rows = Papa.parse<string[]>(text.trim(), { delimiter: ';' }).data.slice(1);
	const customers = new Set(rows.map((r) => r[2].trim()).filter(Boolean));
	const shown = (await page.getByTestId('customer-count').textContent())!.replace(/\s/g, '');
	expect(Number(shown)).toBe(customers.size);
	await expect(page.getByTestId('pareto-chart')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Сегменты' })).toBeVisible();

	// 3. export CSV and compare with the engine run on the same file in Node
	const exported = await downloadSystemCsv(page, { more: 'Другие форматы', system: /CSV для систем/ });
	const expected = await engineCsvFor('sales_ru_cp1251.csv');
	// the foundation's eight columns first and unchanged, then the dated analyses
	expect(exported.split('\r\n')[0]).toBe(
		'rank,customer_key,customer_name,value,share,cumulative_share,class,key_customer,metric,vip_status,vip_months,xyz,recency,rfm_r,rfm_f,rfm_m,rfm_segment'
	);
	expect(exported).toBe(expected);

	// the dashboard shows while the dataset is still being written: reload only once it is stored
	await expect(page.getByTestId('saving')).toHaveCount(0);
	// 4. reload: the dataset is listed and reopens to the same dashboard
	await page.reload();
	const item = page.getByRole('button', { name: /^sales_ru_cp1251/ });
	await expect(item).toBeVisible();
	await item.click();
	await expect(page.getByTestId('dashboard')).toBeVisible();
	expect(Number((await page.getByTestId('customer-count').textContent())!.replace(/\s/g, ''))).toBe(customers.size);

	// 5. a bad file gets a clear message and the stored dataset stays
	await page.getByRole('button', { name: /Новый импорт/ }).click();
	await page.getByLabel('CSV-файл', { exact: true }).setInputFiles(fixture('bad/not_a_csv.csv'));
	await expect(page.getByRole('alert').filter({ hasText: 'не CSV-файл' })).toContainText('PNG');
	await expect(page.getByRole('button', { name: /^sales_ru_cp1251/ })).toBeVisible();

	// 6. delete it
	page.once('dialog', (d) => d.accept());
	await page.getByRole('button', { name: /Удалить: sales_ru_cp1251/ }).click();
	await expect(page.getByRole('button', { name: /^sales_ru_cp1251/ })).toHaveCount(0);

	expect(foreignRequests(requests, baseURL!)).toEqual([]);
});
