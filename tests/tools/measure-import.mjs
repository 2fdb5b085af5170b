#!/usr/bin/env node
// Times one import in headless Chromium against the built site (npm run build first):
//   node tests/tools/measure-import.mjs <file.csv> [runs=3]
// Prints: file → mapping shown, Import click → dashboard visible, the longest main-thread task.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const port = 4175;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
	stdio: 'ignore',
	detached: true
});
for (let i = 0; i < 50; i++) {
	await new Promise((r) => setTimeout(r, 200));
	if (
		await fetch(`http://127.0.0.1:${port}/`).then(
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
const results = [];
try {
	for (let run = 0; run < runs; run++) {
		const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		if (process.env.SHOW_CONSOLE) {
			page.on('console', (m) => console.log('[page]', m.text()));
			page.on('worker', (w) => w.on('console', (m) => console.log('[worker]', m.text())));
		}
		await page.addInitScript(() => {
			window.__longtasks = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) window.__longtasks.push(e.duration);
			}).observe({ type: 'longtask', buffered: true });
		});
		await page.goto(`http://127.0.0.1:${port}/`);
		await page.getByRole('heading', { name: 'Paretoscope' }).waitFor();
		await page.evaluate(() => (window.__longtasks = []));
		const t0 = Date.now();
		await page.getByLabel('CSV file', { exact: true }).setInputFiles(file);
		const importButton = page.getByRole('button', { name: 'Import', exact: true });
		await importButton.waitFor();
		const t1 = Date.now();
		await importButton.click();
		// a click during the import must be answered: measure one round trip through the page
		const probe = page.evaluate(
			() =>
				new Promise((resolve) => {
					const t = performance.now();
					setTimeout(() => resolve(performance.now() - t), 0);
				})
		);
		await page.getByTestId('dashboard').waitFor({ timeout: 120000 });
		await page.getByRole('cell', { name: '1', exact: true }).first().waitFor();
		const t2 = Date.now();
		const longest = await page.evaluate(() => Math.max(0, ...window.__longtasks));
		results.push({
			mappingMs: t1 - t0,
			importMs: t2 - t1,
			longestTaskMs: Math.round(longest),
			probeMs: Math.round(await probe)
		});
		await context.close();
	}
} finally {
	await browser.close();
	process.kill(-server.pid);
}
const median = (k) => results.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
console.log(`file: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB)`);
for (const r of results) console.log(JSON.stringify(r));
console.log(
	`median: mapping ${median('mappingMs')} ms, import→dashboard ${median('importMs')} ms, longest task ${median('longestTaskMs')} ms`
);
