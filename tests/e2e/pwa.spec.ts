import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixture } from './helpers';

test.use({ locale: 'en-US', serviceWorkers: 'allow' });

test('manifest fields and icons', async ({ request }) => {
	const manifest = await (await request.get('/manifest.webmanifest')).json();
	expect(manifest).toMatchObject({
		name: expect.stringContaining('Paretoscope'),
		short_name: 'Paretoscope',
		display: 'standalone',
		start_url: './',
		scope: './'
	});
	expect(manifest.theme_color).toMatch(/^#/);
	expect(manifest.background_color).toMatch(/^#/);
	const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes}/${i.purpose}`);
	expect(sizes).toEqual(expect.arrayContaining(['192x192/any', '512x512/any', '512x512/maskable']));
	for (const icon of manifest.icons) {
		const res = await request.get(`/${icon.src}`);
		expect(res.status(), icon.src).toBe(200);
		const png = await res.body();
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		// the PNG header holds the real pixel size
		expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
	}
});

test('every built page carries the content security policy, and the bundle has no eval', () => {
	const build = join(process.cwd(), 'build');
	const pages = readdirSync(build).filter((f) => f.endsWith('.html'));
	expect(pages.length).toBeGreaterThanOrEqual(3);
	for (const p of pages) {
		const html = readFileSync(join(build, p), 'utf8');
		const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
		expect(csp, p).toBeDefined();
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("connect-src 'self'");
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
		expect(csp).not.toContain('unsafe-eval');
	}
	const js: string[] = [];
	const walk = (d: string) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			if (e.isDirectory()) walk(join(d, e.name));
			else if (e.name.endsWith('.js')) js.push(readFileSync(join(d, e.name), 'utf8'));
		}
	};
	walk(build);
	for (const src of js) {
		expect(src).not.toMatch(/\beval\(/);
		expect(src).not.toMatch(/new Function\(/);
	}
});

test('offline: the service worker serves the app, which imports, analyses and reopens with no network at all', async ({
	page,
	context
}) => {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		}
	});
	// a dataset stored while online
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('tiny.csv'));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('customer-count')).toHaveText('5');

	// the dashboard shows while the dataset is still being written: reload only once it is stored
	await expect(page.getByTestId('saving')).toHaveCount(0);
	// cut the network for the page and for the service worker's own fetches
	await context.setOffline(true);
	await context.route('**/*', (route) => route.abort('internetdisconnected'));
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Paretoscope' })).toBeVisible();

	await page.getByRole('button', { name: /New import/ }).click();
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('sales_en.csv'));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('customer-count')).toHaveText('198');
	await expect(page.getByTestId('pareto-chart')).toBeVisible();

	await page.getByRole('button', { name: /^tiny/ }).click();
	await expect(page.getByTestId('customer-count')).toHaveText('5');

	// other sections work offline too
	await page.getByRole('link', { name: 'Prospects' }).click();
	await expect(page.getByRole('button', { name: /New prospect/ })).toBeVisible();
});
