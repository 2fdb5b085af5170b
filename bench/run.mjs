#!/usr/bin/env node
// Performance benchmark (issue 6): the built site in headless Chromium, side by side with
// DuckDB-wasm on the same file in the same browser.
//
//   npm run bench                         100 000, 1 000 000 and 5 000 000 rows, 3 runs each
//   npm run bench -- --quick              100 000 rows, 1 run (CI smoke; exits non-zero on failure)
//   npm run bench -- --sizes=100000,1000000 --runs=5
//   npm run bench -- --profile            also CPU-profiles page and worker in the first run of each size
//   npm run bench -- --no-build           use the existing build/
//   npm run bench -- --workers=N          read large files in N parts (1 = one piece) instead of one
//                                         per core but one; prints parse rows/s per worker
//   npm run bench -- --export-customers=N Excel export of a dataset of N customers (default 100 000;
//                                         30 000 with --quick; 0 skips it), see bench/export.mjs
//
// Data files are generated once into bench/data/ (git-ignored); results go to bench/results.json.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './server.mjs';
import { installProbes } from './probes.mjs';
import { exportRun } from './export.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench');
const DATA = join(BENCH, 'data');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// ---------- options ----------
const argv = process.argv.slice(2);
const opt = (name) => {
	const a = argv.find((x) => x === `--${name}` || x.startsWith(`--${name}=`));
	if (!a) return undefined;
	return a.includes('=') ? a.slice(a.indexOf('=') + 1) : true;
};
const quick = !!opt('quick');
const sizes = String(opt('sizes') ?? (quick ? '100000' : '100000,1000000,5000000'))
	.split(',')
	.map((s) => Number(s.trim().replace(/_/g, '')))
	.filter((n) => Number.isFinite(n) && n > 0);
const runs = Number(opt('runs') ?? (quick ? 1 : 3));
const doBuild = !opt('no-build');
const profile = !!opt('profile');
const out = opt('out') ?? join(BENCH, quick ? 'data/results-quick.json' : 'results.json');
const exportCustomers = Number(opt('export-customers') ?? (quick ? 30000 : 100000));
/** parts a large file is read in (the app's `?parseParts=N`); undefined: the app decides (one per core but one) */
const workers = opt('workers') === undefined ? undefined : Number(opt('workers'));
if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 8)) {
	console.error('bench: --workers takes a whole number from 1 to 8');
	process.exit(2);
}
const partsOf = () => workers ?? Math.min(8, Math.max(2, os.cpus().length - 1));
const PRESET_TO = 'gsb';
const METRIC_TO = 'payments';

const log = (...a) => console.log(...a);
const label = (rows) => (rows % 1e6 === 0 ? `${rows / 1e6}m` : rows % 1e3 === 0 ? `${rows / 1e3}k` : String(rows));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes) => (bytes == null ? null : Math.round(bytes / 1e5) / 10);

// ---------- helpers: timeouts, ports, processes ----------
class StepError extends Error {}
function withTimeout(promise, ms, what, crashed) {
	let timer;
	const guards = [
		promise,
		new Promise(
			(_, reject) =>
				(timer = setTimeout(() => reject(new StepError(`timeout after ${Math.round(ms / 1000)} s: ${what}`)), ms))
		)
	];
	if (crashed) guards.push(crashed.then(() => Promise.reject(new StepError(`crashed during ${what}`))));
	return Promise.race(guards).finally(() => clearTimeout(timer));
}

function freePort() {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

const children = [];
function killChildren() {
	for (const c of children.splice(0)) {
		try {
			process.kill(-c.pid, 'SIGTERM');
		} catch {
			/* already gone */
		}
	}
}
for (const sig of ['SIGINT', 'SIGTERM']) {
	process.on(sig, () => {
		killChildren();
		process.exit(130);
	});
}

// ---------- data ----------
function ensureData(rows) {
	mkdirSync(DATA, { recursive: true });
	const file = join(DATA, `sales-${label(rows)}.csv`);
	const done = `${file}.done`;
	if (existsSync(file) && existsSync(done) && readFileSync(done, 'utf8').trim() === String(statSync(file).size))
		return file;
	log(`generating ${basename(file)} (${rows.toLocaleString('en-US')} rows)…`);
	const tmp = `${file}.tmp`;
	const r = spawnSync(process.execPath, [join(ROOT, 'tests/tools/gen-sales.mjs'), String(rows), tmp], {
		stdio: 'inherit'
	});
	if (r.status !== 0) throw new Error(`gen-sales failed for ${rows} rows`);
	renameSync(tmp, file);
	writeFileSync(done, String(statSync(file).size));
	return file;
}

/** A file in which each of `customers` customers buys (three rows per customer on average). */
function ensureExportData(customers) {
	mkdirSync(DATA, { recursive: true });
	const file = join(DATA, `export-${label(customers)}-customers.csv`);
	const done = `${file}.done`;
	if (existsSync(file) && existsSync(done) && readFileSync(done, 'utf8').trim() === String(statSync(file).size))
		return file;
	log(`generating ${basename(file)} (${customers.toLocaleString('en-US')} customers)…`);
	const tmp = `${file}.tmp`;
	const r = spawnSync(
		process.execPath,
		[join(ROOT, 'tests/tools/gen-sales.mjs'), String(customers * 3), tmp, String(customers), 'cover'],
		{ stdio: 'inherit' }
	);
	if (r.status !== 0) throw new Error(`gen-sales failed for ${customers} customers`);
	renameSync(tmp, file);
	writeFileSync(done, String(statSync(file).size));
	return file;
}

// ---------- CSV (the app's export) ----------
function parseCsv(text) {
	const rows = [];
	let row = [];
	let field = '';
	let i = 0;
	let quoted = false;
	while (i < text.length) {
		const c = text[i];
		if (quoted) {
			if (c === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				quoted = false;
			} else field += c;
			i++;
			continue;
		}
		if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
		i++;
	}
	if (field || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/** Decimal text → BigInt in millionths (exact). */
function micro(text) {
	const s = String(text).trim();
	const neg = s.startsWith('-');
	const [w, f = ''] = s.replace(/^[+-]/, '').split('.');
	const v = BigInt(w || '0') * 1000000n + BigInt((f + '000000').slice(0, 6));
	return neg ? -v : v;
}
const microText = (v) => {
	const neg = v < 0n;
	const a = neg ? -v : v;
	return `${neg ? '-' : ''}${a / 1000000n}.${String(a % 1000000n)
		.padStart(6, '0')
		.replace(/0{1,4}$/, '')}`;
};

function summariseExport(text) {
	const rows = parseCsv(text).filter((r) => r.length > 1);
	const header = rows.shift();
	const vi = header.indexOf('value');
	const ci = header.indexOf('class');
	const classes = {};
	let total = 0n;
	for (const r of rows) {
		classes[r[ci]] = (classes[r[ci]] ?? 0) + 1;
		const v = micro(r[vi]);
		if (v > 0n) total += v;
	}
	return { customers: rows.length, classes, total: microText(total) };
}

// ---------- statistics ----------
function stats(values) {
	const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
	if (v.length === 0) return null;
	const mid = v.length >> 1;
	const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
	const r = (x) => Math.round(x * 10) / 10;
	return { median: r(median), min: r(v[0]), max: r(v[v.length - 1]), n: v.length };
}

// ---------- CDP: heap sampling and profiling of the page and its workers ----------
async function attachCdp(context, page) {
	const cdp = await context.newCDPSession(page);
	const workers = new Map(); // sessionId → { url, pending, nextId }
	cdp.on('Target.attachedToTarget', (e) => {
		if (e.targetInfo.type !== 'worker') return;
		workers.set(e.sessionId, { url: e.targetInfo.url, pending: new Map(), nextId: 1 });
		for (const fn of attachHooks) fn(e.sessionId);
	});
	cdp.on('Target.detachedFromTarget', (e) => {
		const w = workers.get(e.sessionId);
		if (!w) return;
		for (const [, p] of w.pending) p.reject(new Error('worker detached'));
		workers.delete(e.sessionId);
	});
	cdp.on('Target.receivedMessageFromTarget', (e) => {
		const w = workers.get(e.sessionId);
		if (!w) return;
		const msg = JSON.parse(e.message);
		const p = msg.id && w.pending.get(msg.id);
		if (!p) return;
		w.pending.delete(msg.id);
		if (msg.error) p.reject(new Error(msg.error.message));
		else p.resolve(msg.result);
	});
	const attachHooks = [];
	const sendWorker = (sessionId, method, params = {}) => {
		const w = workers.get(sessionId);
		if (!w) return Promise.reject(new Error('no such worker'));
		const id = w.nextId++;
		return new Promise((resolve, reject) => {
			w.pending.set(id, { resolve, reject });
			cdp
				.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
				.catch(reject);
		});
	};
	await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
	return { cdp, workers, sendWorker, onWorker: (fn) => attachHooks.push(fn) };
}

/** Samples Runtime.getHeapUsage of page and workers every 100 ms until stopped. */
function heapSampler(cdpx) {
	let running = true;
	const peak = {
		page: 0,
		worker: 0,
		sum: 0,
		pageBuffers: 0,
		workerBuffers: 0,
		sumWithBuffers: 0,
		samples: 0,
		workerSamples: 0
	};
	const within = (p, ms) => Promise.race([p, sleep(ms).then(() => null)]);
	const loop = (async () => {
		while (running) {
			const t = Date.now();
			const [pg, ...ws] = await Promise.all([
				within(
					cdpx.cdp.send('Runtime.getHeapUsage').catch(() => null),
					2000
				),
				...[...cdpx.workers.keys()].map((s) =>
					within(
						cdpx.sendWorker(s, 'Runtime.getHeapUsage').catch(() => null),
						2000
					)
				)
			]);
			let sum = 0;
			let buffers = 0;
			if (pg) {
				buffers += pg.backingStorageSize ?? 0;
				peak.page = Math.max(peak.page, pg.usedSize);
				peak.pageBuffers = Math.max(peak.pageBuffers, pg.backingStorageSize ?? 0);
				peak.samples++;
				sum += pg.usedSize;
			}
			let w = 0;
			let wb = 0;
			for (const x of ws) {
				if (!x) continue;
				w += x.usedSize;
				wb += x.backingStorageSize ?? 0;
			}
			if (ws.some(Boolean)) {
				peak.worker = Math.max(peak.worker, w);
				peak.workerBuffers = Math.max(peak.workerBuffers, wb);
				peak.workerSamples++;
			}
			peak.sum = Math.max(peak.sum, sum + w);
			peak.sumWithBuffers = Math.max(peak.sumWithBuffers, sum + w + buffers + wb);
			await sleep(Math.max(0, 100 - (Date.now() - t)));
		}
	})();
	return {
		async stop() {
			running = false;
			await loop.catch(() => {});
			return peak;
		}
	};
}

function topSelfTime(profile, n = 15) {
	const self = new Map();
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const dt = profile.timeDeltas ?? [];
	let total = 0;
	for (let i = 0; i < (profile.samples ?? []).length; i++) {
		const node = byId.get(profile.samples[i]);
		const d = (dt[i + 1] ?? 0) / 1000;
		total += d;
		if (!node) continue;
		const f = node.callFrame;
		const key = `${f.functionName || '(anonymous)'} ${f.url ? basename(f.url.split('?')[0]) : ''}:${f.lineNumber + 1}`;
		self.set(key, (self.get(key) ?? 0) + d);
	}
	return {
		totalMs: Math.round(total),
		top: [...self.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, n)
			.map(([fn, ms]) => ({ fn, ms: Math.round(ms), pct: Math.round((ms / total) * 1000) / 10 }))
	};
}

// ---------- one app run ----------
async function appRun(browser, appUrl, file, rows, { withAgreement, withProfile }) {
	const scale = rows / 1e6;
	const r = { status: 'ok' };
	const context = await browser.newContext({
		locale: 'en-US',
		viewport: { width: 1280, height: 800 },
		serviceWorkers: 'block',
		acceptDownloads: true
	});
	await context.addInitScript(installProbes);
	const page = await context.newPage();
	let crashed;
	const crash = new Promise((resolve) => (crashed = resolve));
	page.on('crash', () => crashed());
	const pageErrors = [];
	page.on('pageerror', (e) => pageErrors.push(String(e.message ?? e)));
	let sampler;
	try {
		const cdpx = await attachCdp(context, page);
		const profiles = {};
		if (withProfile) {
			cdpx.onWorker((s) => {
				cdpx
					.sendWorker(s, 'Profiler.enable')
					.then(() => cdpx.sendWorker(s, 'Profiler.start'))
					.catch(() => {});
				profiles.worker = s;
			});
		}
		for (let attempt = 1; ; attempt++) {
			try {
				await withTimeout(page.goto(appUrl), 30000, 'loading the app', crash);
				await withTimeout(page.getByRole('heading', { name: 'Paretoscope' }).waitFor(), 30000, 'app heading', crash);
				break;
			} catch (e) {
				if (attempt === 2 || /crash/.test(e.message)) throw e;
			}
		}
		const probeBox = await page.locator('#ds-title').boundingBox();
		if (withProfile) {
			await cdpx.cdp.send('Profiler.enable');
			await cdpx.cdp.send('Profiler.start');
		}

		// (1) + (2) + (3): drop → dashboard, with click probes and heap sampling
		await page.evaluate(() => window.__bench.armImport());
		sampler = heapSampler(cdpx);
		const tNode0 = Date.now();
		await withTimeout(
			page.getByLabel('CSV file', { exact: true }).setInputFiles(file),
			60000 + 30000 * scale,
			'setting the file',
			crash
		);
		const done = page.evaluate(() => window.__bench.importDone);
		let importing = true;
		const clickLatencies = [];
		const prober = (async () => {
			while (importing && probeBox) {
				await sleep(250);
				if (!importing) break;
				const t = Date.now();
				try {
					await withTimeout(page.mouse.click(probeBox.x + 5, probeBox.y + probeBox.height / 2), 10000, 'probe click');
					clickLatencies.push(Date.now() - t);
				} catch {
					clickLatencies.push(10000);
					break;
				}
			}
		})();
		let result;
		try {
			result = await withTimeout(done, 60000 + 60000 * scale, 'import → dashboard', crash);
		} finally {
			importing = false;
			await prober;
		}
		const heap = await sampler.stop();
		sampler = null;
		if (result.error) {
			r.failedAfterMs = result.t0 != null ? Math.round(result.tEnd - result.t0) : null;
			r.splitAtFailure = result.split;
			r.longestTaskMs = result.longestTask;
			r.heapAtFailure = {
				pageMB: mb(heap.page),
				workerMB: mb(heap.worker),
				sumMB: mb(heap.sum),
				sumWithBuffersMB: mb(heap.sumWithBuffers)
			};
			throw new StepError(result.error);
		}
		Object.assign(r, {
			nodeWallMs: Date.now() - tNode0,
			dropToDashboardMs: result.tPaint - result.t0,
			mappingMs: result.tClick - result.t0,
			importMs: result.tPaint - result.tClick,
			split: result.split,
			longestTaskMs: result.longestTask,
			longTasks: result.longTasks,
			maxTimerLagMs: result.maxLag,
			clickInPageMs: result.clickDelays.length ? Math.max(...result.clickDelays) : null,
			clickRoundTripMaxMs: clickLatencies.length ? Math.max(...clickLatencies) : null,
			clicksDuringImport: clickLatencies.length,
			heap: {
				pageMB: mb(heap.page),
				workerMB: heap.workerSamples ? mb(heap.worker) : 'n/a',
				sumMB: mb(heap.sum),
				sumWithBuffersMB: mb(heap.sumWithBuffers),
				pageBuffersMB: mb(heap.pageBuffers),
				workerBuffersMB: heap.workerSamples ? mb(heap.workerBuffers) : 'n/a',
				samples: heap.samples,
				workerSamples: heap.workerSamples
			}
		});
		if (withProfile) {
			const pageProfile = (await cdpx.cdp.send('Profiler.stop')).profile;
			writeFileSync(join(DATA, `profile-${label(rows)}-page.cpuprofile`), JSON.stringify(pageProfile));
			r.profile = { page: topSelfTime(pageProfile) };
			if (profiles.worker) {
				const wp = await cdpx.sendWorker(profiles.worker, 'Profiler.stop').catch(() => null);
				if (wp?.profile) {
					writeFileSync(join(DATA, `profile-${label(rows)}-worker.cpuprofile`), JSON.stringify(wp.profile));
					r.profile.worker = topSelfTime(wp.profile);
				}
			}
		}

		const countText = await page.getByTestId('customer-count').textContent();
		r.dashboardCustomers = Number(countText.replace(/[^\d]/g, ''));

		// agreement: the app's own export (default settings: ABC 80/95, revenue, returns netted)
		if (withAgreement) {
			const [download] = await withTimeout(
				// "CSV for systems" (stable English columns) from the "More exports" menu
				page
					.locator('summary')
					.filter({ hasText: 'More exports' })
					.click()
					.then(() =>
						Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV for systems/ }).click()])
					),
				60000 + 10000 * scale,
				'export CSV',
				crash
			);
			const path = await download.path();
			r.ours = summariseExport(readFileSync(path, 'utf8'));
		}

		// the dashboard shows while the dataset is still being written: reload once it is stored
		const tStoring = Date.now();
		await withTimeout(
			page.getByTestId('saving').waitFor({ state: 'detached', timeout: 0 }),
			60000 + 30000 * scale,
			'storing the dataset',
			crash
		);
		r.storedAfterDashboardMs = Date.now() - tStoring;

		// (4) reload → stored dataset's dashboard (click the dataset in the list)
		const tReload = Date.now();
		await withTimeout(page.reload(), 30000, 'reload', crash);
		const dsButton = page.getByRole('button', { name: new RegExp(`^${basename(file, '.csv')}\\b`) });
		await withTimeout(dsButton.waitFor(), 30000, 'dataset list after reload', crash);
		await page.evaluate(() => window.__bench.armOpen());
		await dsButton.click();
		const opened = await withTimeout(
			page.evaluate(() => window.__bench.openDone),
			30000 + 20000 * scale,
			'open stored dataset',
			crash
		);
		if (opened.error) throw new StepError(`open: ${opened.error}`);
		r.reloadOpenMs = opened.tPaint - opened.t0;
		r.reloadTotalMs = Date.now() - tReload;

		// (5) preset and metric switch → first customer row changed
		for (const [key, labelText, value] of [
			['presetSwitchMs', 'Classification', PRESET_TO],
			['metricSwitchMs', 'Metric', METRIC_TO]
		]) {
			await page.evaluate(() => window.__bench.armSwitch());
			await page.getByLabel(labelText, { exact: true }).selectOption(value);
			const sw = await withTimeout(
				page.evaluate(() => window.__bench.switchDone),
				30000 + 10000 * scale,
				`${labelText} switch`,
				crash
			);
			if (sw.error) throw new StepError(`${labelText} switch: ${sw.error}`);
			r[key] = sw.tPaint - sw.t0;
			r[key.replace('Ms', 'DomMs')] = sw.tDom - sw.t0;
		}

		// (6) filter switch: one manager ticked in the filter bar → the customer table changed
		// (README "Dimensions and filters"); the bench files have a Manager column
		const addFilter = page.locator('details.filter.add');
		// the filter bar's fields arrive with the dataset's filter options: wait for them on a large file
		await addFilter
			.locator('[data-pick="manager"]')
			.waitFor({ state: 'attached', timeout: 20000 + 5000 * scale })
			.catch(() => {});
		if ((await addFilter.count()) > 0 && (await addFilter.locator('[data-pick="manager"]').count()) > 0) {
			await addFilter.locator('summary').click();
			await addFilter.locator('[data-pick="manager"]').click();
			await page.evaluate(() => window.__bench.armSwitch());
			await addFilter.locator('input[type=checkbox]').first().check();
			const sw = await withTimeout(
				page.evaluate(() => window.__bench.switchDone),
				30000 + 10000 * scale,
				'filter switch',
				crash
			);
			if (sw.error) throw new StepError(`filter switch: ${sw.error}`);
			r.filterSwitchMs = sw.tPaint - sw.t0;
			r.filterSwitchDomMs = sw.tDom - sw.t0;
		}
	} catch (e) {
		r.status =
			e instanceof StepError && /crash/.test(e.message) ? 'crashed' : `error: ${String(e.message ?? e).split('\n')[0]}`;
		if (sampler) {
			const heap = await sampler.stop().catch(() => null);
			if (heap)
				r.heapAtFailure = {
					pageMB: mb(heap.page),
					workerMB: mb(heap.worker),
					sumMB: mb(heap.sum),
					sumWithBuffersMB: mb(heap.sumWithBuffers)
				};
		}
	} finally {
		if (pageErrors.length) r.pageErrors = pageErrors.slice(0, 5);
		await withTimeout(context.close(), 20000, 'closing context').catch(() => {});
	}
	return r;
}

// ---------- one DuckDB-wasm run ----------
async function duckRun(browser, duckUrl, file, rows) {
	const scale = rows / 1e6;
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const external = [];
	await context.route('**/*', (route) => {
		const u = new URL(route.request().url());
		if (u.hostname === '127.0.0.1' || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
		external.push(u.href);
		return route.abort();
	});
	const page = await context.newPage();
	let crashed;
	const crash = new Promise((resolve) => (crashed = resolve));
	page.on('crash', () => crashed());
	const pageErrors = [];
	page.on('pageerror', (e) => pageErrors.push(String(e.message ?? e)));
	page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
	const r = { status: 'ok' };
	try {
		await withTimeout(page.goto(duckUrl), 30000, 'loading the DuckDB page', crash);
		await withTimeout(
			page.waitForFunction(() => window.__duck?.ready),
			30000,
			'DuckDB page script',
			crash
		);
		const ready = await withTimeout(
			page.evaluate(() => window.__duck.ready),
			120000,
			'DuckDB instantiate',
			crash
		);
		if (ready.error) throw new StepError(`DuckDB: ${ready.error}`);
		r.version = ready.version;
		await page.locator('#file').setInputFiles(file);
		const res = await withTimeout(
			page
				.waitForFunction(() => window.__duck.result, null, { timeout: 0, polling: 100 })
				.then(() => page.evaluate(() => window.__duck.result)),
			60000 + 60000 * scale,
			'DuckDB classification',
			crash
		);
		if (res.error) throw new StepError(`DuckDB: ${res.error}`);
		Object.assign(r, {
			ms: res.ms,
			customers: res.customers,
			classes: res.classes,
			total: microText(micro(res.total))
		});
	} catch (e) {
		r.status =
			e instanceof StepError && /crash/.test(e.message) ? 'crashed' : `error: ${String(e.message ?? e).split('\n')[0]}`;
	} finally {
		if (external.length) r.blockedRequests = external.slice(0, 5);
		if (pageErrors.length) r.pageErrors = pageErrors.slice(0, 5);
		await withTimeout(context.close(), 20000, 'closing context').catch(() => {});
	}
	return r;
}

function agreement(ours, duck) {
	if (!ours) return { ok: false, why: 'app produced no result' };
	if (!duck || duck.status !== 'ok') return { ok: false, why: 'DuckDB-wasm produced no result' };
	const why = [];
	if (ours.customers !== duck.customers) why.push(`customers ${ours.customers} ≠ ${duck.customers}`);
	const names = new Set([...Object.keys(ours.classes), ...Object.keys(duck.classes)]);
	for (const c of names)
		if ((ours.classes[c] ?? 0) !== (duck.classes[c] ?? 0))
			why.push(`class ${c}: ${ours.classes[c] ?? 0} ≠ ${duck.classes[c] ?? 0}`);
	if (micro(ours.total) !== micro(duck.total)) why.push(`total ${ours.total} ≠ ${duck.total}`);
	return { ok: why.length === 0, why: why.join('; ') || undefined };
}

// ---------- versions ----------
function pkgVersion(name) {
	try {
		return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
	} catch {
		return null;
	}
}
function gitCommit() {
	const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
	const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], {
		cwd: ROOT,
		encoding: 'utf8'
	}).stdout?.trim();
	return r.status === 0 ? `${r.stdout.trim()}${dirty ? '+uncommitted src changes' : ''}` : null;
}

// ---------- table ----------
function fmt(s, unit = '') {
	if (!s) return '—';
	const v = (x) => (Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 10) / 10);
	return s.n > 1 ? `${v(s.median)}${unit} (${v(s.min)}–${v(s.max)})` : `${v(s.median)}${unit}`;
}
function printTable(results) {
	const cols = [
		['rows', (x) => x.rows.toLocaleString('en-US')],
		['file MB', (x) => String(x.fileMB)],
		['status', (x) => (x.status.length > 60 ? x.status.slice(0, 57) + '…' : x.status)],
		['drop→dashboard ms', (x) => fmt(x.summary.dropToDashboardMs)],
		['read/parse/store/classify/render ms', (x) => splitText(x.summary)],
		['longest task ms', (x) => fmt(x.summary.longestTaskMs)],
		['click ms', (x) => fmt(x.summary.clickRoundTripMaxMs)],
		['heap page+worker MB', (x) => fmt(x.summary.heapSumMB)],
		['+ArrayBuffers MB', (x) => fmt(x.summary.heapSumWithBuffersMB)],
		['reload ms', (x) => fmt(x.summary.reloadOpenMs)],
		['preset ms', (x) => fmt(x.summary.presetSwitchMs)],
		['metric ms', (x) => fmt(x.summary.metricSwitchMs)],
		['filter ms', (x) => fmt(x.summary.filterSwitchMs)],
		['DuckDB ms', (x) => fmt(x.summary.duckdbMs)],
		['ours/DuckDB', (x) => (x.summary.ratio ? fmt(x.summary.ratio) : '—')],
		['agrees', (x) => (x.agreement.ok ? 'yes' : `NO${x.agreement.why ? ` (${x.agreement.why})` : ''}`)]
	];
	const table = [cols.map((c) => c[0]), ...results.map((x) => cols.map((c) => c[1](x)))];
	const widths = cols.map((_, i) => Math.max(...table.map((row) => row[i].length)));
	const line = (row) => '| ' + row.map((cell, i) => cell.padEnd(widths[i])).join(' | ') + ' |';
	log('');
	log(line(table[0]));
	log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
	for (const row of table.slice(1)) log(line(row));
	log('');
	log('Medians (min–max) over the runs; ratio = our drop→dashboard / DuckDB-wasm file→result (< 1: we are faster).');
	log('click ms = longest round trip of a click sent to the page every 250 ms during the import.');
	log(
		'heap = peak JS heap (Runtime.getHeapUsage, sampled every 100 ms) of page + worker; +ArrayBuffers adds their backing stores.'
	);
}
function splitText(s) {
	const k = ['readMs', 'parseMs', 'storeMs', 'classifyMs', 'renderMs'];
	if (!k.some((x) => s[x])) return '—';
	return k.map((x) => (s[x] ? Math.round(s[x].median) : '?')).join('/');
}

// ---------- targets ----------
function targetMisses(results, exportResult) {
	const misses = [];
	const check = (cond, text) => !cond && misses.push(text);
	if (exportResult) {
		const n = exportResult.customers.toLocaleString('en-US');
		if (exportResult.status !== 'ok') misses.push(`Excel export of ${n} customers: ${exportResult.status}`);
		else if (exportResult.customers >= 100000)
			check(
				exportResult.clickToDownloadMs.median < 3000,
				`Excel export of ${n} customers: ${exportResult.clickToDownloadMs.median} ms ≥ 3000 ms`
			);
	}
	for (const x of results) {
		const s = x.summary;
		const n = x.rows.toLocaleString('en-US');
		if (x.status !== 'ok') misses.push(`${n} rows: ${x.status}`);
		check(
			!s.longestTaskMs || s.longestTaskMs.max <= 100,
			`${n} rows: longest main-thread task ${s.longestTaskMs?.max} ms > 100 ms`
		);
		check(
			!s.clickRoundTripMaxMs || s.clickRoundTripMaxMs.max <= 200,
			`${n} rows: a click took ${s.clickRoundTripMaxMs?.max} ms > 200 ms to be answered`
		);
		if (x.rows === 1e6) {
			check(
				s.dropToDashboardMs && s.dropToDashboardMs.median <= 2000,
				`1M rows: drop→dashboard ${s.dropToDashboardMs?.median} ms > 2000 ms`
			);
			check(s.ratio && s.ratio.median <= 0.8, `1M rows: ours/DuckDB ${s.ratio?.median} > 0.8`);
			check(
				s.reloadOpenMs && s.reloadOpenMs.median <= 500,
				`1M rows: reload → dashboard ${s.reloadOpenMs?.median} ms > 500 ms`
			);
			check(
				s.presetSwitchMs && s.presetSwitchMs.median <= 100,
				`1M rows: preset switch ${s.presetSwitchMs?.median} ms > 100 ms`
			);
			check(
				s.metricSwitchMs && s.metricSwitchMs.median <= 100,
				`1M rows: metric switch ${s.metricSwitchMs?.median} ms > 100 ms`
			);
			check(
				s.filterSwitchMs && s.filterSwitchMs.median <= 150,
				`1M rows: filter switch ${s.filterSwitchMs?.median} ms > 150 ms`
			);
		}
		if (x.rows >= 5e6) {
			if (s.heapSumMB) check(s.heapSumMB.max < 1536, `${n} rows: peak heap page+worker ${s.heapSumMB.max} MB ≥ 1.5 GB`);
			else if (s.heapAtFailureMB)
				check(
					s.heapAtFailureMB.max < 1536,
					`${n} rows: peak heap page+worker ${s.heapAtFailureMB.max} MB ≥ 1.5 GB before the import failed`
				);
		}
	}
	return misses;
}

// ---------- main ----------
async function main() {
	const started = Date.now();
	const loadBefore = os.loadavg().map((x) => Math.round(x * 100) / 100);
	if (quick) {
		// the smoke run must never hang CI
		setTimeout(() => {
			console.error('bench --quick: gave up after 240 s');
			killChildren();
			process.exit(1);
		}, 240000).unref();
	}
	log(`Paretoscope bench: sizes ${sizes.map(label).join(', ')}, ${runs} run(s) each${quick ? ' (quick)' : ''}`);
	const files = Object.fromEntries(sizes.map((rows) => [rows, ensureData(rows)]));

	if (doBuild) {
		log('building the site (npx vite build)…');
		// retried: another build of the same checkout (npm test) may clear .svelte-kit/output under us
		for (let attempt = 1; ; attempt++) {
			const b = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, encoding: 'utf8' });
			if (b.status === 0) break;
			if (attempt === 3) {
				console.error(b.stdout, b.stderr);
				throw new Error('vite build failed');
			}
			log(`  vite build failed (attempt ${attempt}), retrying…`);
			await sleep(5000);
		}
	}

	const appPort = await freePort();
	const preview = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(appPort), '--strictPort'], {
		cwd: ROOT,
		stdio: 'ignore',
		detached: true
	});
	children.push(preview);
	const appUrl = `http://127.0.0.1:${appPort}/${workers !== undefined ? `?parseParts=${workers}` : ''}`;
	let up = false;
	for (let i = 0; i < 150 && !up; i++) {
		await sleep(200);
		up = await fetch(appUrl).then(
			(r) => r.ok,
			() => false
		);
	}
	if (!up) throw new Error('vite preview did not start');

	// DuckDB-wasm's ES module imports apache-arrow, which imports flatbuffers and tslib (hoisted or nested)
	const pkgDir = (name, ...from) => {
		for (const base of [...from, ROOT]) {
			const dir = join(base, 'node_modules', name);
			if (existsSync(join(dir, 'package.json'))) return dir;
		}
		throw new Error(`${name} is not installed (npm ci)`);
	};
	const duckPkg = pkgDir('@duckdb/duckdb-wasm');
	const arrowPkg = pkgDir('apache-arrow', duckPkg);
	const statics = await serveStatic({
		'/page/': join(BENCH, 'page'),
		'/duckdb/': join(duckPkg, 'dist'),
		'/arrow/': arrowPkg,
		'/flatbuffers/': pkgDir('flatbuffers', arrowPkg),
		'/tslib/': pkgDir('tslib', arrowPkg)
	});
	const duckUrl = `http://127.0.0.1:${statics.port}/page/duckdb.html`;

	const launch = () =>
		chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
	let browser = await launch();
	const chromiumVersion = browser.version();
	const results = [];
	let exportResult = null;
	try {
		for (const rows of sizes) {
			const file = files[rows];
			const fileBytes = statSync(file).size;
			log(`\n== ${rows.toLocaleString('en-US')} rows (${(fileBytes / 1e6).toFixed(1)} MB) ==`);
			const appRuns = [];
			const duckRuns = [];
			for (let i = 0; i < runs; i++) {
				if (!browser.isConnected()) browser = await launch();
				const a = await appRun(browser, appUrl, file, rows, {
					withAgreement: i === 0,
					withProfile: profile && i === 0
				});
				appRuns.push(a);
				log(
					`  run ${i + 1} app: ${a.status}` +
						(a.status === 'ok'
							? `, drop→dashboard ${Math.round(a.dropToDashboardMs)} ms, longest task ${Math.round(a.longestTaskMs)} ms, ` +
								`click ≤ ${a.clickRoundTripMaxMs} ms, heap ${a.heap.pageMB}+${a.heap.workerMB} MB, reload ${Math.round(a.reloadOpenMs)} ms, ` +
								`preset ${Math.round(a.presetSwitchMs)} ms, metric ${Math.round(a.metricSwitchMs)} ms, ` +
								`filter ${Math.round(a.filterSwitchMs)} ms`
							: a.failedAfterMs != null
								? ` (after ${a.failedAfterMs} ms; heap ${a.heapAtFailure?.pageMB}+${a.heapAtFailure?.workerMB} MB, with ArrayBuffers ${a.heapAtFailure?.sumWithBuffersMB} MB)`
								: '')
				);
				if (a.profile) {
					for (const [where, p] of Object.entries(a.profile)) {
						log(`  profile (${where}, ${p.totalMs} ms sampled), top self time:`);
						for (const t of p.top.slice(0, 12))
							log(`    ${String(t.ms).padStart(6)} ms ${String(t.pct).padStart(5)} %  ${t.fn}`);
					}
				}
				if (!browser.isConnected()) browser = await launch();
				const d = await duckRun(browser, duckUrl, file, rows);
				duckRuns.push(d);
				log(`  run ${i + 1} DuckDB-wasm: ${d.status}${d.status === 'ok' ? `, ${Math.round(d.ms)} ms` : ''}`);
			}
			const ok = appRuns.filter((a) => a.status === 'ok');
			const pick = (k) => stats(ok.map((a) => k.split('.').reduce((o, p) => o?.[p], a)));
			const splitOf = (a, k) => a.split?.[k];
			const duckOk = duckRuns.filter((d) => d.status === 'ok');
			const ratios = appRuns.map((a, i) =>
				a.status === 'ok' && duckRuns[i].status === 'ok' ? a.dropToDashboardMs / duckRuns[i].ms : null
			);
			const summary = {
				dropToDashboardMs: pick('dropToDashboardMs'),
				mappingMs: pick('mappingMs'),
				importMs: pick('importMs'),
				readMs: stats(ok.map((a) => splitOf(a, 'read'))),
				parseMs: stats(ok.map((a) => splitOf(a, 'parse'))),
				storeMs: stats(ok.map((a) => splitOf(a, 'store'))),
				classifyMs: stats(ok.map((a) => splitOf(a, 'classify'))),
				renderMs: stats(ok.map((a) => splitOf(a, 'render'))),
				longestTaskMs: pick('longestTaskMs'),
				maxTimerLagMs: pick('maxTimerLagMs'),
				clickRoundTripMaxMs: pick('clickRoundTripMaxMs'),
				heapPageMB: pick('heap.pageMB'),
				heapWorkerMB: pick('heap.workerMB'),
				heapSumMB: pick('heap.sumMB'),
				heapSumWithBuffersMB: pick('heap.sumWithBuffersMB'),
				heapPageBuffersMB: pick('heap.pageBuffersMB'),
				heapWorkerBuffersMB: pick('heap.workerBuffersMB'),
				reloadOpenMs: pick('reloadOpenMs'),
				reloadTotalMs: pick('reloadTotalMs'),
				presetSwitchMs: pick('presetSwitchMs'),
				metricSwitchMs: pick('metricSwitchMs'),
				filterSwitchMs: pick('filterSwitchMs'),
				duckdbMs: stats(duckOk.map((d) => d.ms)),
				failedAfterMs: stats(appRuns.map((a) => a.failedAfterMs)),
				heapAtFailureMB: stats(appRuns.map((a) => a.heapAtFailure?.sumMB)),
				heapAtFailureWithBuffersMB: stats(appRuns.map((a) => a.heapAtFailure?.sumWithBuffersMB)),
				ratio: stats(ratios),
				workers: partsOf()
			};
			// parse throughput per worker: what splitting across more workers buys
			const parseMedian = summary.parseMs?.median;
			if (parseMedian) {
				summary.parseRowsPerSecondPerWorker = Math.round(rows / (parseMedian / 1000) / partsOf());
				log(
					`  parse in ${partsOf()} worker${partsOf() > 1 ? 's' : ''}: ${Math.round(parseMedian)} ms, ` +
						`${summary.parseRowsPerSecondPerWorker.toLocaleString('en')} rows/s per worker`
				);
			}
			if (summary.heapSumMB)
				summary.heapPerFileByte = Math.round(((summary.heapSumMB.max * 1e6) / fileBytes) * 100) / 100;
			const first = appRuns.find((a) => a.ours);
			const duckFirst = duckOk[0];
			const agree = agreement(first?.ours, duckFirst);
			if (first && first.dashboardCustomers !== first.ours?.customers) {
				agree.ok = false;
				agree.why = `${agree.why ? agree.why + '; ' : ''}dashboard shows ${first.dashboardCustomers} customers, export has ${first.ours?.customers}`;
			}
			const bad = appRuns.find((a) => a.status !== 'ok') ?? duckRuns.find((d) => d.status !== 'ok');
			results.push({
				rows,
				file: basename(file),
				fileBytes,
				fileMB: Math.round(fileBytes / 1e5) / 10,
				status: bad ? bad.status : 'ok',
				summary,
				agreement: {
					...agree,
					ours: first?.ours ?? null,
					duckdb: duckFirst
						? { customers: duckFirst.customers, classes: duckFirst.classes, total: duckFirst.total }
						: null
				},
				runs: appRuns.map((a, i) => ({ app: a, duckdb: duckRuns[i] }))
			});
			log(`  agreement with DuckDB-wasm: ${agree.ok ? 'yes' : `NO — ${agree.why}`}`);
		}
		if (exportCustomers > 0) {
			const file = ensureExportData(exportCustomers);
			log(`\n== Excel export, ${exportCustomers.toLocaleString('en-US')} customers ==`);
			const expRuns = [];
			for (let i = 0; i < runs; i++) {
				if (!browser.isConnected()) browser = await launch();
				const e = await exportRun(browser, appUrl, file, exportCustomers);
				expRuns.push(e);
				log(
					`  run ${i + 1}: ${e.status === 'ok' ? `click → download ${e.clickToDownloadMs} ms, ${e.xlsxMB} MB, progress bar ${e.progressShown ? 'shown' : 'not shown'}, ${e.cancelMs != null ? `cancel → gone ${e.cancelMs} ms` : e.cancelNote}` : e.status}`
				);
			}
			const bad = expRuns.find((e) => e.status !== 'ok');
			exportResult = {
				customers: exportCustomers,
				status: bad ? bad.status : 'ok',
				clickToDownloadMs: stats(expRuns.map((e) => e.clickToDownloadMs)),
				cancelMs: stats(expRuns.map((e) => e.cancelMs)),
				xlsxMB: expRuns.find((e) => e.xlsxMB)?.xlsxMB ?? null,
				progressShown: expRuns.every((e) => e.progressShown),
				runs: expRuns
			};
		}
	} finally {
		await browser.close().catch(() => {});
		await statics.close();
		killChildren();
	}

	printTable(results);
	if (exportResult)
		log(
			`Excel export of ${exportResult.customers.toLocaleString('en-US')} customers: click → download ${fmt(exportResult.clickToDownloadMs)} ms, ${exportResult.xlsxMB} MB, progress bar ${exportResult.progressShown ? 'shown' : 'NOT shown'}, Cancel → bar gone ${fmt(exportResult.cancelMs)} ms`
		);
	const misses = targetMisses(results, exportResult);
	if (misses.length) {
		log('\nTargets missed:');
		for (const m of misses) log(`  - ${m}`);
	} else log('\nAll measured targets met.');

	const report = {
		date: new Date().toISOString(),
		mode: quick ? 'quick' : 'full',
		durationS: Math.round((Date.now() - started) / 1000),
		machine: {
			os: `${os.type()} ${os.release()} ${os.arch()}`,
			cpus: os.cpus().length,
			cpuModel: os.cpus()[0]?.model ?? null,
			memoryGB: Math.round(os.totalmem() / 1e8) / 10,
			node: process.version,
			chromium: chromiumVersion,
			headless: true,
			// other work on the machine skews the numbers: 1-minute load average at start and end
			loadAverage: { start: loadBefore[0], end: Math.round(os.loadavg()[0] * 100) / 100 }
		},
		versions: {
			paretoscope: `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version} (${gitCommit()})`,
			'@duckdb/duckdb-wasm': pkgVersion('@duckdb/duckdb-wasm'),
			duckdb: results.flatMap((x) => x.runs.map((r) => r.duckdb.version)).find(Boolean) ?? null,
			'apache-arrow': pkgVersion('apache-arrow'),
			'@playwright/test': pkgVersion('@playwright/test'),
			papaparse: pkgVersion('papaparse'),
			dexie: pkgVersion('dexie'),
			svelte: pkgVersion('svelte'),
			'@sveltejs/kit': pkgVersion('@sveltejs/kit'),
			vite: pkgVersion('vite')
		},
		settings: {
			classification: 'ABC 80/95 (default)',
			metric: 'revenue',
			presetSwitch: `abc → ${PRESET_TO}`,
			metricSwitch: `revenue → ${METRIC_TO}`,
			duckdbBundle: 'eh (single thread, own worker)'
		},
		targets: { misses },
		sizes: results,
		export: exportResult
	};
	mkdirSync(dirname(out), { recursive: true });
	writeFileSync(out, JSON.stringify(report, null, '\t') + '\n');
	log(`\nwrote ${out.startsWith(ROOT) ? out.slice(ROOT.length + 1) : out} in ${report.durationS} s`);

	const failed = results.filter((x) => x.status !== 'ok' || !x.agreement.ok);
	if (exportResult && exportResult.status !== 'ok') {
		console.error(`bench: the Excel export failed: ${exportResult.status}`);
		process.exitCode = 1;
	}
	if (failed.length) {
		console.error(`bench: ${failed.length} size(s) failed or disagreed with DuckDB-wasm`);
		process.exitCode = 1;
	}
}

main().catch((e) => {
	console.error(e);
	killChildren();
	process.exit(1);
});
