#!/usr/bin/env node
// Takes the README screenshots from the built site, on the sample dataset of each language:
// the mapping step and the dashboard at 1366×768 (English, Russian), the dashboard on a phone
// (390×844, Russian) and Present mode (1920×1080, English and Russian).
// Usage: npm run build && node tests/tools/screenshots.mjs [outDir]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const outDir = process.argv[2] ?? 'static/screenshots';
const fixture = join(process.cwd(), 'tests', 'fixtures', 'sales_en.csv');
const port = 4174;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
	stdio: 'ignore',
	detached: true
});
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 50; i++) {
	await new Promise((r) => setTimeout(r, 200));
	if (
		await fetch(base).then(
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

const UI = {
	en: { locale: 'en-US', sample: 'Try with sample data', csv: 'CSV file', import: 'Import' },
	ru: { locale: 'ru-RU', sample: 'Попробовать на примере', csv: 'CSV-файл', import: 'Импортировать' }
};

/** A fresh browser in `lang` at `width`×`height` with the sample dataset open. */
async function sample(lang, width, height) {
	const context = await browser.newContext({
		locale: UI[lang].locale,
		viewport: { width, height },
		deviceScaleFactor: 1
	});
	const page = await context.newPage();
	await page.goto(base);
	await page.getByRole('button', { name: UI[lang].sample }).click();
	await page.getByTestId('dashboard').waitFor();
	await page.waitForTimeout(600);
	return { context, page };
}

try {
	for (const lang of ['en', 'ru']) {
		// the mapping step of a real export
		const context = await browser.newContext({ locale: UI[lang].locale, viewport: { width: 1366, height: 768 } });
		const page = await context.newPage();
		await page.goto(base);
		await page.getByLabel(UI[lang].csv, { exact: true }).setInputFiles(fixture);
		await page.getByRole('button', { name: UI[lang].import, exact: true }).waitFor();
		await page.screenshot({ path: join(outDir, `mapping-${lang}.png`) });
		await context.close();

		const desk = await sample(lang, 1366, 768);
		await desk.page.screenshot({ path: join(outDir, `dashboard-${lang}.png`) });
		await desk.context.close();

		const show = await sample(lang, 1920, 1080);
		await show.page.keyboard.press('p');
		await show.page.waitForTimeout(600);
		await show.page.screenshot({ path: join(outDir, `present-${lang}.png`) });
		await show.context.close();
	}
	const phone = await sample('ru', 390, 844);
	await phone.page.screenshot({ path: join(outDir, 'phone-ru.png') });
	await phone.page.getByRole('button', { name: /^⚙/ }).click();
	await phone.page.waitForTimeout(300);
	await phone.page.screenshot({ path: join(outDir, 'phone-settings-ru.png') });
	await phone.context.close();
} finally {
	await browser.close();
	process.kill(-server.pid);
}
