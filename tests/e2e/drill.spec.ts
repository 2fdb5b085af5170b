/**
 * Slice, drill and explain (issue 15, README "Dimensions and filters"), in Russian and English:
 * a filter gives the same numbers as importing only the filtered rows, the customer page opens
 * from a chart point, a migration cell and its own address (Back closes it), drill-down lists from
 * the segment table and the concentration figures, the Breakdown tab, the card for a filter that
 * leaves no customer, a dataset without kept columns, and the filter in a phone's settings drawer.
 * Expected numbers are computed here from the fixture CSV, independently of the app.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { readFileSync, writeFileSync } from 'node:fs';
import { downloadSystemCsv, fixture, noSeriousViolations } from './helpers';

const FIXTURE = fixture('dimensions/superstore_like.csv');
type Row = Record<string, string>;
const parsed = Papa.parse<Row>(readFileSync(FIXTURE, 'utf8'), { header: true, skipEmptyLines: true });
const HEADER = parsed.meta.fields!;
const ROWS = parsed.data;

const UI = {
	'en-US': {
		csv: 'CSV file',
		import: 'Import',
		newImport: /New import/,
		movement: 'Movement',
		breakdown: 'Breakdown',
		quarter: (q: number, year: number) => `Q${q} ${year}`,
		rankOf: (rank: number, of: number) => `${rank} of ${of}`,
		why: 'the customers ranked above it account for',
		top: 'the largest customer, where the ranking starts.'
	},
	'ru-RU': {
		csv: 'CSV-файл',
		import: 'Импортировать',
		newImport: /Новый импорт/,
		movement: 'Миграция',
		breakdown: 'Разрезы',
		quarter: (q: number, year: number) => `${q} кв. ${year}`,
		rankOf: (rank: number, of: number) => `${rank} из ${of}`,
		why: 'у клиентов выше в рейтинге в сумме',
		top: 'крупнейший клиент — с него начинается рейтинг.'
	}
} as const;
type Locale = keyof typeof UI;

// ---- the fixture's numbers, computed here ------------------------------------------------------

const sales = (r: Row) => Number(r.Sales);
const customerSet = (rows: Row[]) => new Set(rows.map((r) => r['Customer ID']));
/** 'm/d/yyyy' → [year, month 1..12] */
const yearMonth = (r: Row): [number, number] => {
	const [m, , y] = r['Order Date'].split('/').map(Number);
	return [y, m];
};

interface Ranked {
	key: string;
	name: string;
	value: number;
	/** cumulative share of the customers ranked above */
	before: number;
	cum: number;
	/** 0 A, 1 B, 2 C under the default ABC bounds 80 / 95 / 100 % */
	cls: number;
}
const BOUNDS = [0.8, 0.95, 1];
const CLASS = ['A', 'B', 'C'];

/** Customers by total sales, largest first, with the ABC class by cumulative share before them. */
function ranking(rows: Row[]): Ranked[] {
	const totals = new Map<string, { name: string; value: number }>();
	for (const r of rows) {
		const t = totals.get(r['Customer ID']) ?? { name: r['Customer Name'], value: 0 };
		t.value += sales(r);
		totals.set(r['Customer ID'], t);
	}
	const list = [...totals].map(([key, t]) => ({ key, ...t })).sort((a, b) => b.value - a.value);
	const sum = list.reduce((s, c) => s + c.value, 0);
	let cum = 0;
	return list.map((c) => {
		const before = cum / sum;
		cum += c.value;
		return { ...c, before, cum: cum / sum, cls: BOUNDS.findIndex((b) => before < b) };
	});
}

const FULL = ranking(ROWS);

/** Text with every run of white space (nbsp, narrow nbsp) as one space. */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A formatted number ("134,395.45", "134 395,45") as a number. */
const num = (s: string, locale: Locale) =>
	Number((locale === 'ru-RU' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '')).replace(/[^\d.-]/g, ''));
const pct = (v: number, locale: Locale) =>
	norm(
		new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v)
	);

// ---- page helpers -------------------------------------------------------------------------------

async function importFile(
	page: Page,
	path: string,
	locale: Locale,
	name = path
		.split('/')
		.pop()!
		.replace(/\.csv$/, '')
) {
	const L = UI[locale];
	await page.getByLabel(L.csv, { exact: true }).first().setInputFiles(path);
	await page.getByRole('button', { name: L.import, exact: true }).click();
	await expect(page.locator('.dataset-name')).toHaveText(name, { timeout: 30_000 });
	await expect(page.getByTestId('dashboard')).toBeVisible();
}

/** "+ Filter" in `scope` → `field` → tick `value`; the popover is closed again afterwards. */
async function addFilter(page: Page, scope: Locator | Page, field: string, value: string) {
	const add = scope.locator('details.filter.add');
	await add.locator('summary').click();
	await add.locator(`[data-pick="${field}"]`).click();
	await add
		.locator('label')
		.filter({ has: page.locator('.name').getByText(value, { exact: true }) })
		.getByRole('checkbox')
		.check();
	await page.keyboard.press('Escape');
	await expect(scope.locator('details.filter.add[open]')).toHaveCount(0);
	await expect(scope.locator(`details.filter.chip[data-field="${field}"]`)).toBeVisible();
}

const segmentRows = (page: Page) => page.locator('section[aria-labelledby="seg-title"] tr');
const tableRows = (page: Page) => page.locator('#customer-table tbody tr');
/** customer table rows without the class boundary rows */
const customerRows = (page: Page) => page.locator('#customer-table tbody tr:not([data-testid="class-boundary"])');
const pager = (page: Page) => page.locator('#customer-table .pager span[aria-live]');

// ---- 1 ------------------------------------------------------------------------------------------

test.describe('en-US', () => {
	test.use({ locale: 'en-US' });

	test('filtered numbers equal the engine on the filtered rows (Region West, Category Technology)', async ({
		page
	}, info) => {
		const kept = ROWS.filter((r) => r.Region === 'West' && r.Category === 'Technology');
		const expected = ranking(kept);
		expect(expected.length).toBe(10);
		const file = info.outputPath('west-technology.csv');
		writeFileSync(file, Papa.unparse({ fields: HEADER, data: kept.map((r) => HEADER.map((h) => r[h])) }));

		// the filtered rows as their own dataset, unfiltered
		await page.goto('/');
		await importFile(page, file, 'en-US');
		await expect(page.getByTestId('customer-count')).toHaveText(String(expected.length));
		await expect(pager(page)).toHaveText(`Rows 1–10 of 10`);
		// totals this large are shown in whole units
		expect(num((await page.getByTestId('net-total').textContent())!, 'en-US')).toBe(
			Math.round(kept.reduce((s, r) => s + sales(r), 0))
		);
		await expect(page.getByTestId('filter-line')).toHaveCount(0);
		const ref = {
			headline: (await page.getByTestId('headline-80').textContent())!,
			count: (await page.getByTestId('customer-count').textContent())!,
			total: (await page.getByTestId('net-total').textContent())!,
			segments: await segmentRows(page).allInnerTexts(),
			table: await tableRows(page).allInnerTexts(),
			csv: await downloadSystemCsv(page)
		};
		// the reference table is the engine's ranking of the filtered rows
		expect(ref.table.filter((t) => !t.startsWith('Class ')).map((t) => t.split('\t').slice(0, 2))).toEqual(
			expected.map((c, i) => [String(i + 1), c.key])
		);

		// the whole file, filtered in the UI
		await page.getByRole('button', { name: UI['en-US'].newImport }).click();
		await importFile(page, FIXTURE, 'en-US');
		await expect(page.getByTestId('customer-count')).toHaveText(String(FULL.length));
		await addFilter(page, page, 'Region', 'West');
		await expect(page.getByTestId('filter-line')).toHaveText('Filter: Region = West');
		await expect(page.getByTestId('customer-count')).toHaveText(
			String(customerSet(ROWS.filter((r) => r.Region === 'West')).size)
		);
		await addFilter(page, page, 'Category', 'Technology');
		await expect(page.getByTestId('filter-line')).toHaveText('Filter: Region = West; Category = Technology');
		await expect(page.locator('details.filter.chip')).toHaveCount(2);

		await expect(page.getByTestId('customer-count')).toHaveText(ref.count);
		await expect(page.getByTestId('net-total')).toHaveText(ref.total);
		await expect(page.getByTestId('headline-80')).toHaveText(ref.headline);
		await expect(segmentRows(page)).toHaveText(ref.segments, { useInnerText: true });
		await expect(tableRows(page)).toHaveText(ref.table, { useInnerText: true });

		const csv = await downloadSystemCsv(page);
		const refRows = Papa.parse<string[]>(ref.csv, { skipEmptyLines: true }).data;
		const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
		expect(refRows[0]).not.toContain('filter');
		// the filter after the other extras, then RFM and the customer type (the fixture has a Discount column)
		const at = rows[0].indexOf('filter');
		expect(rows[0].slice(at)).toEqual(['filter', 'rfm_r', 'rfm_f', 'rfm_m', 'rfm_segment', 'customer_type']);
		expect(rows.length).toBe(expected.length + 1);
		expect(rows.map((r) => r.slice(0, 8))).toEqual(refRows.map((r) => r.slice(0, 8)));
		expect(rows.slice(1).map((r) => r[at])).toEqual(expected.map(() => 'Region: West; Category: Technology'));
	});
});

// ---- 2 ------------------------------------------------------------------------------------------

/** [year, quarter 1..4] of every quarter with a row, oldest first */
const QUARTERS = [...new Set(ROWS.map((r) => yearMonth(r)).map(([y, m]) => y * 4 + Math.floor((m - 1) / 3)))]
	.sort((a, b) => a - b)
	.map((q) => [Math.floor(q / 4), (q % 4) + 1] as const);

/** The customer's class in each quarter of QUARTERS, classified on that quarter's rows ('—' without a row). */
function classByQuarter(key: string): string[] {
	return QUARTERS.map(([y, q]) => {
		const hit = ranking(
			ROWS.filter((r) => {
				const [ry, rm] = yearMonth(r);
				return ry === y && Math.floor((rm - 1) / 3) + 1 === q;
			})
		).find((c) => c.key === key);
		return hit ? CLASS[hit.cls] : '—';
	});
}

const customerPage = (page: Page) => page.getByTestId('customer-page');

/** The customer page shows `c` (from FULL): heading, rank, class and why this class. */
async function showsCustomer(page: Page, c: Ranked, locale: Locale) {
	const L = UI[locale];
	const rank = FULL.indexOf(c) + 1;
	const cp = customerPage(page);
	await expect(cp.getByRole('heading', { level: 2 })).toHaveText(c.name);
	await expect(cp.getByTestId('customer-facts')).toContainText(L.rankOf(rank, FULL.length));
	await expect(cp.locator('.class-fact .big')).toHaveText(new RegExp(`^${CLASS[c.cls]}( ★)?$`));
	const why = norm((await cp.getByTestId('customer-why').textContent())!);
	// the first customer starts the ranking; the others name the cumulative share before them
	if (rank === 1) expect(why).toBe(`${CLASS[c.cls]}: ${L.top}`);
	else expect(why.startsWith(`${CLASS[c.cls]}: ${L.why} ${pct(c.before, locale)}`), why).toBe(true);
}

for (const locale of Object.keys(UI) as Locale[]) {
	const L = UI[locale];
	test.describe(locale, () => {
		test.use({ locale });

		test(`customer page from a chart point and a migration cell, Back closes it, its address opens it (${locale})`, async ({
			page
		}) => {
			await page.goto('/');
			await importFile(page, FIXTURE, locale);
			await expect(page.getByTestId('customer-count')).toHaveText(String(FULL.length));

			// a point near the left of the chart: one of the top customers
			const canvas = page.getByTestId('pareto-chart');
			const box = (await canvas.boundingBox())!;
			let opened = false;
			for (let f = 0.02; f < 0.4 && !opened; f += 0.02) {
				await canvas.click({ position: { x: box.width * f, y: box.height * 0.4 } });
				opened = await customerPage(page)
					.waitFor({ timeout: 500 })
					.then(
						() => true,
						() => false
					);
			}
			expect(opened, 'a click on the chart opens a customer page').toBe(true);
			await expect(page).toHaveURL(/[?&]customer=/);
			const name = (await customerPage(page).getByRole('heading', { level: 2 }).textContent())!.trim();
			const clicked = FULL.find((c) => c.name === name)!;
			expect(clicked, `${name} is a customer`).toBeTruthy();
			expect(FULL.indexOf(clicked), 'a top customer').toBeLessThan(4);
			await expect(page).toHaveURL(new RegExp(`[?&]customer=${encodeURIComponent(clicked.key)}(&|$)`));
			await showsCustomer(page, clicked, locale);
			await page.goBack();
			await expect(customerPage(page)).toHaveCount(0);
			await expect(page).not.toHaveURL(/customer=/);

			// a migration cell's customer
			await page.getByRole('tab', { name: L.movement }).click();
			const cells = page.locator('table.matrix button.cellbtn');
			await expect(cells.first()).toBeVisible();
			const counts = await cells.allTextContents();
			const withCustomers = counts.findIndex((t) => Number(t) > 0);
			expect(withCustomers).toBeGreaterThanOrEqual(0);
			await cells.nth(withCustomers).click();
			const list = page.getByTestId('migration-cell');
			await expect(list.locator('.customer-link')).toHaveCount(Number(counts[withCustomers]));
			const link = list.locator('.customer-link').first();
			const linkName = (await link.textContent())!.trim();
			const customer = FULL.find((c) => c.name === linkName)!;
			expect(customer, `${linkName} is a customer`).toBeTruthy();
			await link.click();
			await expect(customerPage(page)).toBeVisible();
			await showsCustomer(page, customer, locale);
			const history = customerPage(page).getByTestId('customer-history').locator('li');
			await expect(history.locator('.q')).toHaveText(QUARTERS.map(([y, q]) => L.quarter(q, y)));
			await expect(history.locator('.chip')).toHaveText(classByQuarter(customer.key));
			await expect(page).toHaveURL(new RegExp(`[?&]customer=${encodeURIComponent(customer.key)}(&|$)`));
			const address = page.url();
			expect(address).toMatch(/[?&]dataset=\d+/);
			await page.goBack();
			await expect(customerPage(page)).toHaveCount(0);
			await expect(page).not.toHaveURL(/customer=/);

			// the page's own address opens it by itself
			await page.goto(address);
			await expect(customerPage(page)).toBeVisible({ timeout: 30_000 });
			await showsCustomer(page, customer, locale);
			await expect(customerPage(page).getByTestId('customer-rows').locator('tbody tr')).toHaveCount(
				Math.min(ROWS.filter((r) => r['Customer ID'] === customer.key).length, 25)
			);
			await noSeriousViolations(page, `customer page ${locale}`);
		});
	});
}

// ---- 3, 5, 6 ------------------------------------------------------------------------------------

test.describe('en-US', () => {
	test.use({ locale: 'en-US' });

	test('drill lists: a class of the segment table and the top 5, Back and "Show all" return; boundaries and why', async ({
		page
	}) => {
		await page.goto('/');
		await importFile(page, FIXTURE, 'en-US');
		await expect(pager(page)).toHaveText(`Rows 1–${FULL.length} of ${FULL.length}`);

		// the class boundaries between the rows, and why a row is in its class
		const lastA = FULL.filter((c) => c.cls === 0).at(-1)!;
		const lastB = FULL.filter((c) => c.cls === 1).at(-1)!;
		const firstB = FULL.find((c) => c.cls === 1)!;
		await expect(page.getByTestId('class-boundary')).toHaveText([
			`Class A ends here: cumulative share ${pct(lastA.cum, 'en-US')} (bound 80%)`,
			`Class B ends here: cumulative share ${pct(lastB.cum, 'en-US')} (bound 95%)`
		]);
		await page.getByRole('button', { name: `Why this class: ${FULL[0].name}`, exact: true }).click();
		await expect(page.getByTestId('row-why')).toHaveText('A: the largest customer, where the ranking starts.');
		await page.getByRole('button', { name: `Why this class: ${firstB.name}`, exact: true }).click();
		await expect(page.getByTestId('row-why').nth(1)).toHaveText(
			`B: the customers ranked above it account for ${pct(firstB.before, 'en-US')}: the A bound (80%) is reached, the B bound (95%) is not.`
		);

		// class A of the segment table
		const classA = FULL.filter((c) => c.cls === 0);
		await page.locator('section[aria-labelledby="seg-title"]').getByRole('button', { name: 'A', exact: true }).click();
		await expect(page.getByTestId('drill-chip')).toContainText(`Customers of class A`);
		await expect(pager(page)).toHaveText(`Rows 1–${classA.length} of ${classA.length}`);
		await expect(customerRows(page).locator('td.key')).toHaveText(classA.map((c) => c.key));
		await expect(customerRows(page).locator('td.class-cell')).toHaveText(classA.map(() => /^A/));
		await page.goBack();
		await expect(page.getByTestId('drill-chip')).toHaveCount(0);
		await expect(pager(page)).toHaveText(`Rows 1–${FULL.length} of ${FULL.length}`);

		// "Top 5 customers" of the concentration card
		await page.getByTestId('conc-top5').click();
		await expect(page.getByTestId('drill-chip')).toContainText('Top 5 customers');
		await expect(customerRows(page)).toHaveCount(5);
		await expect(customerRows(page).locator('td.key')).toHaveText(FULL.slice(0, 5).map((c) => c.key));
		await expect(pager(page)).toHaveText('Rows 1–5 of 5');
		await page
			.getByTestId('drill-chip')
			.getByRole('button', { name: /Show all customers/ })
			.click();
		await expect(page.getByTestId('drill-chip')).toHaveCount(0);
		await expect(customerRows(page)).toHaveCount(FULL.length);
	});

	test('a filter that leaves no customer: the card names each condition and the customers its removal gives', async ({
		page
	}) => {
		// Region West with two more conditions no West row meets together, found in the file
		const fields = ['Segment', 'Ship Mode', 'Sub-Category', 'Category'];
		const west = ROWS.filter((r) => r.Region === 'West');
		let found: { a: string; va: string; b: string; vb: string } | null = null;
		for (let i = 0; i < fields.length && !found; i++)
			for (let j = i + 1; j < fields.length && !found; j++) {
				const [a, b] = [fields[i], fields[j]];
				const have = new Set(west.map((r) => `${r[a]}\u0000${r[b]}`));
				for (const va of [...new Set(ROWS.map((r) => r[a]))].sort())
					for (const vb of [...new Set(ROWS.map((r) => r[b]))].sort())
						if (!found && va && vb && !have.has(`${va}\u0000${vb}`)) found = { a, va, b, vb };
			}
		expect(found, 'a combination with no West row').not.toBeNull();
		const { a, va, b, vb } = found!;
		const customersWithout = (drop: string) =>
			customerSet(
				ROWS.filter(
					(r) =>
						(drop === 'Region' || r.Region === 'West') && (drop === a || r[a] === va) && (drop === b || r[b] === vb)
				)
			).size;

		await page.goto('/');
		await importFile(page, FIXTURE, 'en-US');
		await addFilter(page, page, 'Region', 'West');
		await addFilter(page, page, a, va);
		await expect(page.getByTestId('customer-count')).toHaveText(String(customersWithout(b)));
		// the last value empties the view: the tabs, and the filter bar with its open popover, give way
		// to the card (so a click, not check(), which would look for the ticked box afterwards)
		const add = page.locator('details.filter.add');
		await add.locator('summary').click();
		await add.locator(`[data-pick="${b}"]`).click();
		await add
			.locator('label')
			.filter({ has: page.locator('.name').getByText(vb, { exact: true }) })
			.getByRole('checkbox')
			.click();

		const card = page.getByTestId('filter-empty');
		await expect(card).toBeVisible();
		// no headline over nobody: the card says it instead
		await expect(page.getByTestId('customer-count')).toHaveCount(0);
		await expect(card.getByRole('heading')).toHaveText('No customer passes the filter');
		const label = (field: string) => {
			const n = customersWithout(field);
			return n === 0
				? `✕ Remove “${field}” (still no customer)`
				: `✕ Remove “${field}” (${n} customer${n === 1 ? '' : 's'})`;
		};
		const buttons = card.locator('ul.relax button');
		expect((await buttons.allInnerTexts()).map(norm).sort()).toEqual(['Region', a, b].map(label).sort());
		// the tabs are gone; the filter bar stays in the card
		await expect(page.getByRole('tablist')).toHaveCount(0);
		await expect(card.locator(`details.filter.chip[data-field="${b}"]`)).toBeVisible();

		// removing the last condition brings its customers back
		const back = customersWithout(b);
		expect(back).toBeGreaterThan(0);
		await card.getByRole('button', { name: label(b), exact: true }).click();
		await expect(card).toHaveCount(0);
		await expect(page.getByTestId('customer-count')).toHaveText(String(back));
		await expect(page.locator(`details.filter.chip[data-field="${b}"]`)).toHaveCount(0);
		await expect(page.locator('details.filter.chip[data-field="Region"]')).toBeVisible();
		await expect(page.locator(`details.filter.chip[data-field="${a}"]`)).toBeVisible();
		await expect(page.getByRole('tablist')).toBeVisible();
		await noSeriousViolations(page, 'after relaxing the filter');
	});

	test('the customer page starts a dossier on Key accounts, and then shows its contacts', async ({ page }) => {
		await page.goto('/');
		await importFile(page, FIXTURE, 'en-US');
		const top = FULL[0];
		await customerRows(page).first().locator('.customer-link').first().click();
		const drawer = page.getByTestId('customer-page');
		await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(top.name);
		await drawer.getByRole('link', { name: 'Start a dossier' }).click();
		await expect(page).toHaveURL(/accounts\?customer=/);
		await expect(page.getByRole('heading', { name: `Dossier: ${top.name}` })).toBeVisible();
		// back on the analysis page, the customer page links the saved dossier
		await page.goto('/');
		await customerRows(page).first().locator('.customer-link').first().click();
		await expect(page.getByTestId('customer-page').getByRole('link', { name: 'Open the dossier' })).toBeVisible();
		await expect(page.getByTestId('customer-page')).toContainText('No contacts logged yet.');
	});

	test('a dataset imported without kept columns has no filter fields; the Breakdown tab says how to keep them', async ({
		page
	}) => {
		await page.goto('/');
		await page.getByLabel('CSV file', { exact: true }).first().setInputFiles(FIXTURE);
		const keep = page.getByRole('group', { name: 'Keep as filters' });
		const boxes = keep.getByRole('checkbox');
		await expect(boxes.first()).toBeVisible();
		expect(await boxes.count()).toBeGreaterThan(3);
		// Region, Category, Segment… are offered ticked
		await expect(keep.getByRole('checkbox', { name: 'Region', exact: true })).toBeChecked();
		await expect(keep.getByRole('checkbox', { name: 'Category', exact: true })).toBeChecked();
		for (const box of await boxes.all()) await box.uncheck();
		await expect(keep.getByRole('checkbox', { checked: true })).toHaveCount(0);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page.getByTestId('customer-count')).toHaveText(String(FULL.length), { timeout: 30_000 });

		await expect(page.getByTestId('filter-bar')).toHaveCount(0);
		await expect(page.locator('details.filter')).toHaveCount(0);
		await expect(page.getByTestId('filter-line')).toHaveCount(0);
		await page.getByRole('tab', { name: 'Breakdown' }).click();
		await expect(page.getByTestId('bd-none')).toHaveText(
			'This dataset keeps no text columns to slice by. Columns such as Region, Category or Channel can be kept: import the file again and tick them under “Keep as filters” in the mapping step.'
		);
		await expect(page.getByTestId('bd-table')).toHaveCount(0);
		// the customer page lists the rows without dimension columns
		await page.getByRole('tab', { name: 'Classes' }).click();
		await page.locator('#customer-table .customer-link').first().click();
		await expect(customerPage(page).getByTestId('customer-rows').locator('thead th')).toHaveText([
			/^Date$/i,
			/^revenue$/i,
			/^units$/i,
			/^profit$/i
		]);
	});
});

// ---- 4, 7 ---------------------------------------------------------------------------------------

test.describe('ru-RU', () => {
	test.use({ locale: 'ru-RU' });

	test('Breakdown tab: by Region, the total equals the segment total, classes within each value (ru-RU)', async ({
		page
	}) => {
		await page.goto('/');
		await importFile(page, FIXTURE, 'ru-RU');
		await expect(page.getByTestId('customer-count')).toHaveText(String(FULL.length));
		const segmentTotal = (await page.locator('section[aria-labelledby="seg-title"] tfoot td').nth(2).textContent())!;
		expect(num(segmentTotal, 'ru-RU')).toBe(Math.round(FULL.reduce((s, c) => s + c.value, 0)));

		await page.getByRole('tab', { name: UI['ru-RU'].breakdown }).click();
		await page.getByLabel('Разрез', { exact: true }).selectOption('Region');
		const table = page.getByTestId('bd-table');
		await expect(page.locator('#bd-table-title')).toHaveText('Классы по значениям «Region»');
		// one row per region, largest first; the empty region as "(пусто)"
		const regions = [...new Set(ROWS.map((r) => r.Region))]
			.map((v) => ({ v, sum: ROWS.filter((r) => r.Region === v).reduce((s, r) => s + sales(r), 0) }))
			.sort((x, y) => y.sum - x.sum);
		await expect(table.locator('tbody th')).toHaveText(regions.map((r) => r.v || '(пусто)'));
		const totals = await table.locator('tbody tr td:last-child').allTextContents();
		expect(totals.map((t) => num(t, 'ru-RU'))).toEqual(regions.map((r) => Math.round(r.sum)));
		await expect(table.locator('tfoot td').last()).toHaveText(segmentTotal);
		await expect(page.getByTestId('bd-summary')).toBeVisible();

		await page.getByRole('checkbox', { name: 'Классы внутри каждого значения' }).check();
		const within = page.getByTestId('bd-within');
		await expect(within).toBeVisible();
		await expect(within.locator('tbody th')).toHaveCount(regions.length);
		for (const { v } of regions) {
			const rows = ROWS.filter((r) => r.Region === v);
			const ranked = ranking(rows);
			const row = within
				.locator('tbody tr')
				.filter({ has: page.getByRole('rowheader', { name: v || '(пусто)', exact: true }) });
			const cells = row.locator('td');
			await expect(cells.nth(0), `customers of ${v}`).toHaveText(String(customerSet(rows).size));
			await expect(cells.nth(2), `class A customers of ${v}`).toHaveText(
				String(ranked.filter((c) => c.cls === 0).length)
			);
			// its largest customer heads the list
			await expect(row.locator('.customer-link').first()).toHaveText(ranked[0].name);
		}
		await noSeriousViolations(page, 'breakdown ru-RU');
	});

	test('phone 390×844: the filter is in the settings drawer and updates the headline, nothing scrolls sideways (ru-RU)', async ({
		page
	}) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/');
		await importFile(page, FIXTURE, 'ru-RU');
		await expect(page.getByTestId('customer-count')).toHaveText(String(FULL.length));
		// not in the tab row on a phone
		await expect(page.getByTestId('filter-bar')).toHaveCount(1);
		await expect(page.locator('.tab-tools [data-testid="filter-bar"]')).toHaveCount(0);
		await expect(page.getByTestId('filter-bar')).toBeHidden();

		await page.getByRole('button', { name: /^⚙ Настройки:/ }).click();
		const drawer = page.locator('#settings-drawer');
		await expect(drawer).toBeVisible();
		await expect(drawer.getByTestId('filter-bar')).toBeVisible();
		await expect(drawer.locator('details.filter.add summary')).toHaveText('+ Фильтр');
		await addFilter(page, drawer, 'Region', 'West');
		const west = customerSet(ROWS.filter((r) => r.Region === 'West')).size;
		await expect(page.getByTestId('customer-count')).toHaveText(String(west));
		await expect(page.getByTestId('filter-line')).toHaveText('Фильтр: Region = West');
		await expect(page.getByTestId('headline-80')).toContainText(`из ${west}`);
		const wide = () => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
		expect(await wide(), 'no sideways scroll with the drawer open').toBe(true);

		await drawer.getByRole('button', { name: /Закрыть настройки/ }).click();
		await expect(drawer).toBeHidden();
		expect(await wide(), 'no sideways scroll').toBe(true);
		// "Сбросить фильтры" in the drawer brings everyone back
		await page.getByRole('button', { name: /^⚙ Настройки:/ }).click();
		await drawer.getByRole('button', { name: '✕ Сбросить фильтры' }).click();
		await expect(page.getByTestId('customer-count')).toHaveText(String(FULL.length));
		await expect(page.getByTestId('filter-line')).toHaveCount(0);
	});
});
