import { expect, test } from '@playwright/test';
import { fixture } from './helpers';

test.use({ locale: 'en-US' });

const SECTIONS = ["section[aria-labelledby='seg-title']", '#customer-table'];

test('the class and customer tables are drawn as they near the screen, and on paper at once (README "Performance")', async ({
	page
}) => {
	// a phone: both tables start far below the first screen
	await page.setViewportSize({ width: 390, height: 844 });
	await page.addInitScript(() => {
		const w = window as unknown as { __cv: { id: string; skipped: boolean }[] };
		w.__cv = [];
		document.addEventListener(
			'contentvisibilityautostatechange',
			(e) => {
				const el = e.target as HTMLElement;
				w.__cv.push({
					id: el.id || el.getAttribute('aria-labelledby') || '',
					skipped: (e as Event & { skipped: boolean }).skipped
				});
			},
			true
		);
	});
	await page.goto('/');
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('sales_en.csv'));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('customer-count')).toHaveText('198');
	for (const s of SECTIONS) {
		await expect(page.locator(s)).toHaveCSS('content-visibility', 'auto');
	}
	const states = () => page.evaluate(() => (window as unknown as { __cv: { id: string; skipped: boolean }[] }).__cv);
	// the customer table is left undrawn while it is far below
	await expect.poll(async () => (await states()).filter((s) => s.id === 'customer-table').at(-1)?.skipped).toBe(true);

	// scrolled to, it is drawn: its rows are there to read and click
	const firstRow = page.locator('#customer-table tbody tr').first();
	await firstRow.scrollIntoViewIfNeeded();
	await expect.poll(async () => (await states()).filter((s) => s.id === 'customer-table').at(-1)?.skipped).toBe(false);
	await expect(firstRow).toBeVisible();
	await expect(page.locator('#customer-table tbody tr:not(.boundary)')).toHaveCount(50);

	// printed, nothing waits to be scrolled to
	await page.emulateMedia({ media: 'print' });
	for (const s of SECTIONS) {
		await expect(page.locator(s)).toHaveCSS('content-visibility', 'visible');
	}
});

test('the first dashboard paints before the Pareto chart is drawn, and the customer table after both (README "Performance")', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	// what the page shows at each frame, from the moment the dashboard is in the page
	await page.addInitScript(() => {
		const w = window as unknown as { __frames: { rows: number; chart: boolean; seg: number }[] };
		w.__frames = [];
		const look = () => {
			const dash = document.querySelector('[data-testid="dashboard"]');
			if (dash) {
				const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="pareto-chart"]');
				w.__frames.push({
					rows: document.querySelectorAll('#customer-table tbody tr').length,
					// Chart.js sizes its canvas when it builds the chart
					chart: !!canvas?.style.width,
					seg: document.querySelectorAll("section[aria-labelledby='seg-title'] tbody tr").length
				});
			}
			if (w.__frames.length < 400) requestAnimationFrame(look);
		};
		requestAnimationFrame(look);
	});
	await page.goto('/');
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('sales_en.csv'));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.locator('#customer-table tbody tr:not(.boundary)')).toHaveCount(50);
	const frames = await page.evaluate(
		() => (window as unknown as { __frames: { rows: number; chart: boolean; seg: number }[] }).__frames
	);
	// the first frame with the dashboard has its class table but neither chart nor customer rows
	expect(frames[0]).toEqual({ rows: 0, chart: false, seg: expect.any(Number) });
	expect(frames[0].seg).toBeGreaterThan(0);
	const chartAt = frames.findIndex((f) => f.chart);
	const rowsAt = frames.findIndex((f) => f.rows > 0);
	expect(chartAt).toBeGreaterThan(0);
	// the table comes in a later frame than the chart, and it is not redrawn from empty afterwards
	expect(rowsAt).toBeGreaterThan(chartAt);
	expect(frames.slice(rowsAt).every((f) => f.rows > 0 && f.chart)).toBe(true);
});
