import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { join } from 'node:path';
import { fixture } from './helpers';
import { startSubpathServer, type SubpathServer } from './subpath-server';

// Issue 14, "Hosting": the built folder works from any path of any static host, offline too.
const PREFIX = '/some/path/';
const hosts: Record<string, SubpathServer> = {};

test.use({ locale: 'en-US', serviceWorkers: 'allow' });

test.beforeAll(async () => {
	const build = join(process.cwd(), 'build');
	// GitHub Pages, Netlify, Cloudflare Pages…: /some/path/prospects answers prospects.html
	hosts.clean = await startSubpathServer(build, PREFIX);
	// python -m http.server, nginx or S3 with no configuration: only real file names
	hosts.bare = await startSubpathServer(build, PREFIX, { cleanUrls: false });
});

test.afterAll(async () => {
	await Promise.all(Object.values(hosts).map((s) => s.close()));
});

async function loadImportAndReopenOffline(page: Page, context: BrowserContext, server: SubpathServer) {
	// the server is as strict as a real host: nothing outside the prefix, no single-page fallback
	for (const path of ['/', '/index.html', '/manifest.webmanifest', `${PREFIX}no-such-page`]) {
		expect((await fetch(`${server.origin}${path}`)).status, path).toBe(404);
	}
	const manifest = await fetch(`${server.url}manifest.webmanifest`);
	expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
	server.requested.length = 0;

	const urls: string[] = [];
	context.on('request', (r) => urls.push(r.url()));

	await page.goto(server.url);
	await expect(page.getByRole('heading', { name: 'Paretoscope' })).toBeVisible();

	// import a file through the UI
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(fixture('sales_en.csv'));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('dashboard')).toBeVisible();
	await expect(page.getByTestId('customer-count')).toHaveText('198');

	// the service worker is registered under the sub-path, installed, and controls the page
	const scope = await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		}
		return reg.scope;
	});
	expect(scope).toBe(server.url);

	// another section through the app's own link, and back
	await page.getByRole('link', { name: 'Prospects' }).click();
	await expect(page).toHaveURL(`${server.url}prospects`);
	await expect(page.getByRole('button', { name: /New prospect/ })).toBeVisible();
	await page.getByRole('link', { name: 'Analysis' }).click();
	await expect(page).toHaveURL(server.url);

	// every request stayed on this origin and under the prefix: nothing from "/" or elsewhere
	const outside = urls.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && !u.startsWith(server.url));
	expect(outside).toEqual([]);
	expect(server.requested.filter((p) => !p.startsWith(PREFIX))).toEqual([]);
	expect(server.requested).toContain(`${PREFIX}service-worker.js`);
	expect(server.requested).toContain(`${PREFIX}manifest.webmanifest`);

	// only once the dataset is stored: cut the network for the page and the worker, and reload
	await expect(page.getByTestId('saving')).toHaveCount(0);
	// requests already under way (a route's code fetched on hover) finish before the network goes
	await page.waitForLoadState('networkidle');
	await context.setOffline(true);
	await context.route('**/*', (route) => route.abort('internetdisconnected'));
	const served = server.requested.length;
	await page.goto(server.url);
	await expect(page.getByRole('heading', { name: 'Paretoscope' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Paretoscope' })).toBeVisible();

	// the stored dataset is listed and opens from the list
	const item = page.getByRole('button', { name: /^sales_en/ });
	await expect(item).toBeVisible();
	await item.click();
	await expect(page.getByTestId('dashboard')).toBeVisible();
	await expect(page.getByTestId('customer-count')).toHaveText('198');

	// a deep link opens offline too
	await page.goto(`${server.url}prospects`);
	await expect(page.getByRole('button', { name: /New prospect/ })).toBeVisible();

	// the server saw nothing while offline: everything came from the service worker's cache
	expect(server.requested.slice(served)).toEqual([]);
}

test('served from /some/path/ of a static host with clean URLs: loads, imports, deep-links, reopens offline', async ({
	page,
	context
}) => {
	const server = hosts.clean;
	// online, a deep link is answered by the host itself
	const deep = await fetch(`${server.url}prospects`);
	expect(deep.status).toBe(200);
	expect(deep.headers.get('content-type')).toContain('text/html');
	await loadImportAndReopenOffline(page, context, server);
});

test('served from /some/path/ of a bare file server (no clean URLs, no rewrites): still installs and works offline', async ({
	page,
	context
}) => {
	const server = hosts.bare;
	expect((await fetch(`${server.url}prospects`)).status).toBe(404);
	await loadImportAndReopenOffline(page, context, server);
});
