#!/usr/bin/env node
// Takes the README screenshots (dashboard at 1280×800 in English and Russian) from the built site.
// Usage: npm run build && node tests/tools/screenshots.mjs [outDir]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const outDir = process.argv[2] ?? 'static/screenshots';
const fixture = join(process.cwd(), 'tests', 'fixtures', process.env.SHOT_FILE ?? 'sales_en.csv');
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', '4174', '--strictPort'], {
	stdio: 'ignore',
	detached: true
});
for (let i = 0; i < 50; i++) {
	await new Promise((r) => setTimeout(r, 200));
	if (
		await fetch('http://127.0.0.1:4174/').then(
			(r) => r.ok,
			() => false
		)
	)
		break;
}
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
try {
	for (const [lang, locale, label, importLabel] of [
		['en', 'en-US', 'CSV file', 'Import'],
		['ru', 'ru-RU', 'CSV-файл', 'Импортировать']
	]) {
		const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
		const page = await context.newPage();
		await page.goto('http://127.0.0.1:4174/');
		await page.getByLabel(label, { exact: true }).setInputFiles(fixture);
		await page.getByRole('button', { name: importLabel, exact: true }).waitFor();
		await page.screenshot({ path: join(outDir, `mapping-${lang}.png`) });
		await page.getByRole('button', { name: importLabel, exact: true }).click();
		await page.getByTestId('dashboard').waitFor();
		await page.waitForTimeout(400);
		await page.screenshot({ path: join(outDir, `dashboard-${lang}.png`) });
		if (process.env.FULL) await page.screenshot({ path: join(outDir, `dashboard-${lang}-full.png`), fullPage: true });
		await context.close();
	}
} finally {
	await browser.close();
	process.kill(-server.pid);
}
