#!/usr/bin/env node
// Performance benchmark (issue 6): the built site in headless Chromium, side by side with
// DuckDB-wasm on the same file in the same browser, and with the PapaParse floor (the file only
// parsed, in as many workers as the app reads it in; bench/floor.mjs) and the build floor (the same
// plus the least per-row work of any import that classifies customers). The heap is sampled in the
// page and every worker, the analysis worker's own parse workers too (bench/cdp.mjs).
//
//   npm run bench                         100 000, 1 000 000 and 5 000 000 rows, 3 runs each
//   npm run bench -- --quick              100 000 rows, 1 run (CI smoke; exits non-zero on failure)
//   npm run bench -- --sizes=100000,1000000 --runs=5
//   npm run bench -- --profile            also CPU-profiles the page and every worker (nested ones too) in the
//                                         first run of each size: bench/data/profile-<size>-<page|kind-n>.cpuprofile
//                                         (the import) and profile-<size>-open-<page|kind-n>.cpuprofile (the
//                                         reload, the opening of the stored dataset and the switches)
//   npm run bench -- --no-build           use the existing build/
//   npm run bench -- --workers=N          read large files in N parts (1 = one piece) instead of one
//                                         per core but one; prints parse rows/s per worker; the floor
//                                         uses as many workers
//   npm run bench -- --export-customers=N Excel export of a dataset of N customers (default 100 000;
//                                         30 000 with --quick; 0 skips it), see bench/export.mjs
//
// Data files are generated once into bench/data/ (git-ignored); results go to bench/results.json.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	readSync,
	renameSync,
	statSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './server.mjs';
import { installProbes } from './probes.mjs';
import { exportRun } from './export.mjs';
import { failedStatus, localPage, StepError, watchPage, withTimeout } from './local-page.mjs';
import { attachCdp, heapSampler, profileWorkers, topSelfTime } from './cdp.mjs';
import { floorRun, SPLIT_MIN_BYTES } from './floor.mjs';

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

// ---------- helpers: ports, processes (timeouts: local-page.mjs) ----------
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

// ---------- one app run ----------
/** The heap sampler's peaks in MB: page, all workers (nested ones included), their sum, and per worker kind and worker. */
function heapReport(heap) {
	const both = (x) => ({ usedMB: mb(x.used), withBuffersMB: mb(x.withBuffers) });
	return {
		pageMB: mb(heap.page),
		workerMB: heap.workerSamples ? mb(heap.worker) : 'n/a',
		sumMB: mb(heap.sum),
		sumWithBuffersMB: mb(heap.sumWithBuffers),
		pageBuffersMB: mb(heap.pageBuffers),
		workerBuffersMB: heap.workerSamples ? mb(heap.workerBuffers) : 'n/a',
		byKind: Object.fromEntries(Object.entries(heap.byKind).map(([k, x]) => [k, both(x)])),
		byWorker: Object.fromEntries(
			Object.entries(heap.byWorker).map(([k, x]) => [k, { ...both(x), depth: x.depth, samples: x.samples }])
		),
		samples: heap.samples,
		workerSamples: heap.workerSamples
	};
}
/** "analysis 40 (120), parse 12 (95)": MB used (with ArrayBuffers) per worker kind. */
const kindsText = (byKind) =>
	Object.entries(byKind ?? {})
		.map(([k, x]) => `${k} ${x.usedMB} (${x.withBuffersMB})`)
		.join(', ');

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
	const { crash, pageErrors } = watchPage(page);
	let sampler;
	try {
		const cdpx = await attachCdp(context, page);
		// every worker, nested ones too, is profiled from the moment it attaches
		const workerProfiler = withProfile ? profileWorkers(cdpx) : null;
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
			r.heapAtFailure = heapReport(heap);
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
			heap: heapReport(heap)
		});
		if (withProfile) {
			const [pageProfile, workerProfiles] = await Promise.all([
				cdpx.cdp.send('Profiler.stop').then((x) => x.profile),
				workerProfiler.stop()
			]);
			r.profile = saveProfiles(label(rows), pageProfile, workerProfiles);
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

		// (4) reload → stored dataset's dashboard (click the dataset in the list); with --profile, the
		// reload and the switches after it are profiled too (profile-<size>-open-…)
		const openProfiler = withProfile ? profileWorkers(cdpx, { onlyNew: true }) : null;
		const tReload = Date.now();
		await withTimeout(page.reload(), 30000, 'reload', crash);
		if (openProfiler) await cdpx.cdp.send('Profiler.start').catch(() => {});
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
		if (openProfiler) {
			const [pageProfile, workerProfiles] = await Promise.all([
				cdpx.cdp.send('Profiler.stop').then(
					(x) => x.profile,
					() => null
				),
				openProfiler.stop()
			]);
			r.profileOpen = saveProfiles(`${label(rows)}-open`, pageProfile, workerProfiles);
		}
	} catch (e) {
		r.status = failedStatus(e);
		if (sampler) {
			const heap = await sampler.stop().catch(() => null);
			if (heap) r.heapAtFailure = heapReport(heap);
		}
	} finally {
		if (pageErrors.length) r.pageErrors = pageErrors.slice(0, 5);
		await withTimeout(context.close(), 20000, 'closing context').catch(() => {});
	}
	return r;
}

/**
 * Writes the page's and each worker's CPU profile to bench/data/profile-<prefix>-<page|name>.cpuprofile
 * and returns, per profile, its sampled / idle / busy ms and top self-time functions (or its error).
 */
function saveProfiles(prefix, pageProfile, workerProfiles) {
	const out = {};
	if (pageProfile) {
		const file = `profile-${prefix}-page.cpuprofile`;
		writeFileSync(join(DATA, file), JSON.stringify(pageProfile));
		out.page = { ...topSelfTime(pageProfile), file };
	}
	for (const [name, wp] of Object.entries(workerProfiles).sort(([a], [b]) => a.localeCompare(b))) {
		if (!wp.profile) {
			out[name] = { kind: wp.kind, error: wp.error };
			continue;
		}
		const file = `profile-${prefix}-${name}.cpuprofile`;
		writeFileSync(join(DATA, file), JSON.stringify(wp.profile));
		out[name] = { kind: wp.kind, depth: wp.depth, ...topSelfTime(wp.profile), file };
	}
	return out;
}

// ---------- one DuckDB-wasm run ----------
async function duckRun(browser, duckUrl, file, rows) {
	const scale = rows / 1e6;
	const { context, page, external, pageErrors, crash } = await localPage(browser);
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
		r.status = failedStatus(e);
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
		['first paint ms', (x) => fmt(x.summary.firstPaintMs)],
		['longest task ms', (x) => fmt(x.summary.longestTaskMs)],
		['click ms', (x) => fmt(x.summary.clickRoundTripMaxMs)],
		['heap page+workers MB', (x) => fmt(x.summary.heapSumMB)],
		['+ArrayBuffers MB', (x) => fmt(x.summary.heapSumWithBuffersMB)],
		['reload ms', (x) => fmt(x.summary.reloadOpenMs)],
		['preset ms', (x) => fmt(x.summary.presetSwitchMs)],
		['metric ms', (x) => fmt(x.summary.metricSwitchMs)],
		['filter ms', (x) => fmt(x.summary.filterSwitchMs)],
		['DuckDB ms', (x) => fmt(x.summary.duckdbMs)],
		['ours/DuckDB', (x) => (x.summary.ratio ? fmt(x.summary.ratio) : '—')],
		['PapaParse floor ms', (x) => fmt(x.summary.papaFloorMs)],
		['ours/floor', (x) => fmt(x.summary.oursOverFloor?.dropToDashboard)],
		['parse/floor', (x) => fmt(x.summary.oursOverFloor?.parse)],
		['build floor ms', (x) => fmt(x.summary.buildFloorMs)],
		['build floor/DuckDB', (x) => fmt(x.summary.buildFloorOverDuckdb)],
		['parse/build floor', (x) => fmt(x.summary.oursOverBuildFloor?.parse)],
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
	log(
		'render = the dashboard message → its first customer row painted; first paint = the dashboard message → the first frame with the dashboard painted (the customer table, below the first screen, follows in a task of its own).'
	);
	log('click ms = longest round trip of a click sent to the page every 250 ms during the import.');
	log(
		'heap = peak of the summed JS heaps (Runtime.getHeapUsage, sampled every 100 ms) of the page and every worker, nested ones included; +ArrayBuffers adds their backing stores.'
	);
	log(
		'PapaParse floor = the same file only parsed (PapaParse, records counted) in as many workers as the app reads it in, file chosen → every part parsed;'
	);
	log('ours/floor = drop→dashboard ÷ floor, parse/floor = our parse stage ÷ floor.');
	log(
		'build floor = the floor plus the least per-row work of any import that classifies: a customer number (Map), an amount (Number) and a day (Map of date texts) per row into typed columns; build floor/DuckDB ≥ 1 means no import with PapaParse reaches DuckDB-wasm here.'
	);
}
/**
 * The 0-based columns of the customer key, the amount and the date in a bench file
 * (tests/tools/gen-sales.mjs writes 'Customer ID', 'Sales' and 'Order Date'), from its header.
 */
function minimalBuildColumns(file) {
	const fd = openSync(file, 'r');
	const head = Buffer.alloc(4096);
	const n = readSync(fd, head, 0, head.length, 0);
	closeSync(fd);
	const header = head.subarray(0, n).toString('utf8').split(/\r?\n/)[0].split(',');
	const at = (name) => {
		const i = header.indexOf(name);
		if (i < 0) throw new Error(`${file}: no '${name}' column for the build floor`);
		return i;
	};
	return { key: at('Customer ID'), amount: at('Sales'), date: at('Order Date') };
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
			if (s.heapSumMB)
				check(s.heapSumMB.max < 1536, `${n} rows: peak heap page+workers ${s.heapSumMB.max} MB ≥ 1.5 GB`);
			else if (s.heapAtFailureMB)
				check(
					s.heapAtFailureMB.max < 1536,
					`${n} rows: peak heap page+workers ${s.heapAtFailureMB.max} MB ≥ 1.5 GB before the import failed`
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
		'/tslib/': pkgDir('tslib', arrowPkg),
		'/papaparse/': pkgDir('papaparse')
	});
	const duckUrl = `http://127.0.0.1:${statics.port}/page/duckdb.html`;
	const floorUrl = `http://127.0.0.1:${statics.port}/page/papa-floor.html`;

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
			const floorRuns = [];
			// the app reads a small file in one piece, a large one in partsOf() parts
			const floorParts = fileBytes < SPLIT_MIN_BYTES ? 1 : partsOf();
			const buildColumns = minimalBuildColumns(file);
			const buildFloorRuns = [];
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
								`click ≤ ${a.clickRoundTripMaxMs} ms, heap ${a.heap.pageMB}+${a.heap.workerMB} MB (${a.heap.sumWithBuffersMB} MB with ArrayBuffers; workers: ${kindsText(a.heap.byKind)}), reload ${Math.round(a.reloadOpenMs)} ms, ` +
								`preset ${Math.round(a.presetSwitchMs)} ms, metric ${Math.round(a.metricSwitchMs)} ms, ` +
								`filter ${Math.round(a.filterSwitchMs)} ms`
							: a.failedAfterMs != null
								? ` (after ${a.failedAfterMs} ms; heap ${a.heapAtFailure?.pageMB}+${a.heapAtFailure?.workerMB} MB, with ArrayBuffers ${a.heapAtFailure?.sumWithBuffersMB} MB)`
								: '')
				);
				for (const [phase, profiles] of [
					['import', a.profile],
					['reload and switches', a.profileOpen]
				]) {
					for (const [where, p] of Object.entries(profiles ?? {})) {
						if (p.error) {
							log(`  profile (${phase}, ${where}): ${p.error}`);
							continue;
						}
						log(
							`  profile (${phase}, ${where}${p.depth > 1 ? `, nested` : ''}, bench/data/${p.file}): ${p.totalMs} ms sampled, ` +
								`${p.idleMs} ms idle, ${p.busyMs} ms busy; top self time (% of busy):`
						);
						for (const t of p.top.slice(0, 12))
							log(`    ${String(t.ms).padStart(6)} ms ${String(t.pct).padStart(5)} %  ${t.fn}`);
					}
				}
				if (!browser.isConnected()) browser = await launch();
				const d = await duckRun(browser, duckUrl, file, rows);
				duckRuns.push(d);
				log(`  run ${i + 1} DuckDB-wasm: ${d.status}${d.status === 'ok' ? `, ${Math.round(d.ms)} ms` : ''}`);
				if (!browser.isConnected()) browser = await launch();
				const tFloor = Date.now();
				const f = await floorRun(browser, floorUrl, file, rows, floorParts);
				floorRuns.push(f);
				if (f.status !== 'ok') console.error(`  run ${i + 1} PapaParse floor FAILED: ${f.status}`);
				else
					log(
						`  run ${i + 1} PapaParse floor: ${Math.round(f.ms)} ms in ${f.parts} worker${f.parts > 1 ? 's' : ''} ` +
							`(read ${Math.round(f.readMs)} ms, cut ${Math.round(f.cutMs)} ms, parts decode+parse ` +
							`${f.perPart.map((x) => `${Math.round(x.decodeMs)}+${Math.round(x.parseMs)}`).join(' / ')} ms; ` +
							`${f.dataRows.toLocaleString('en-US')} rows; the step took ${((Date.now() - tFloor) / 1000).toFixed(1)} s)`
					);
				if (!browser.isConnected()) browser = await launch();
				const b = await floorRun(browser, floorUrl, file, rows, floorParts, buildColumns);
				buildFloorRuns.push(b);
				if (b.status !== 'ok') console.error(`  run ${i + 1} build floor FAILED: ${b.status}`);
				else
					log(
						`  run ${i + 1} build floor: ${Math.round(b.ms)} ms in ${b.parts} worker${b.parts > 1 ? 's' : ''} ` +
							`(parts decode+parse+build ${b.perPart.map((x) => `${Math.round(x.decodeMs)}+${Math.round(x.parseMs)}`).join(' / ')} ms)`
					);
			}
			const ok = appRuns.filter((a) => a.status === 'ok');
			const pick = (k) => stats(ok.map((a) => k.split('.').reduce((o, p) => o?.[p], a)));
			const splitOf = (a, k) => a.split?.[k];
			const duckOk = duckRuns.filter((d) => d.status === 'ok');
			const floorOk = floorRuns.filter((f) => f.status === 'ok');
			const buildOk = buildFloorRuns.filter((f) => f.status === 'ok');
			/** per run: a / b of the same run (both ok), as stats */
			const perRun = (a, b) => stats(a.map((x, i) => (x != null && b[i] != null ? x / b[i] : null)));
			/** per run: the ms of a DuckDB-wasm or floor run, null when it failed */
			const okMs = (list) => list.map((f) => (f.status === 'ok' ? f.ms : null));
			const dropMs = appRuns.map((a) => (a.status === 'ok' ? a.dropToDashboardMs : null));
			const parseStageMs = appRuns.map((a) => (a.status === 'ok' ? splitOf(a, 'parse') : null));
			const summary = {
				dropToDashboardMs: pick('dropToDashboardMs'),
				mappingMs: pick('mappingMs'),
				importMs: pick('importMs'),
				readMs: stats(ok.map((a) => splitOf(a, 'read'))),
				parseMs: stats(ok.map((a) => splitOf(a, 'parse'))),
				storeMs: stats(ok.map((a) => splitOf(a, 'store'))),
				classifyMs: stats(ok.map((a) => splitOf(a, 'classify'))),
				renderMs: stats(ok.map((a) => splitOf(a, 'render'))),
				firstPaintMs: stats(ok.map((a) => splitOf(a, 'firstPaint'))),
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
				papaFloorMs: stats(floorOk.map((f) => f.ms)),
				papaFloorParts: floorParts,
				oursOverFloor: {
					dropToDashboard: perRun(dropMs, okMs(floorRuns)),
					parse: perRun(parseStageMs, okMs(floorRuns))
				},
				buildFloorMs: stats(buildOk.map((f) => f.ms)),
				oursOverBuildFloor: {
					dropToDashboard: perRun(dropMs, okMs(buildFloorRuns)),
					parse: perRun(parseStageMs, okMs(buildFloorRuns))
				},
				buildFloorOverDuckdb: perRun(okMs(buildFloorRuns), okMs(duckRuns)),
				floorOverDuckdb: perRun(okMs(floorRuns), okMs(duckRuns)),
				heapByKindMB: Object.fromEntries(
					[...new Set(ok.flatMap((a) => Object.keys(a.heap?.byKind ?? {})))].map((k) => [
						k,
						{ used: pick(`heap.byKind.${k}.usedMB`), withBuffers: pick(`heap.byKind.${k}.withBuffersMB`) }
					])
				),
				failedAfterMs: stats(appRuns.map((a) => a.failedAfterMs)),
				heapAtFailureMB: stats(appRuns.map((a) => a.heapAtFailure?.sumMB)),
				heapAtFailureWithBuffersMB: stats(appRuns.map((a) => a.heapAtFailure?.sumWithBuffersMB)),
				ratio: perRun(dropMs, okMs(duckRuns)),
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
			if (summary.papaFloorMs)
				log(
					`  PapaParse floor in ${floorParts} worker${floorParts > 1 ? 's' : ''}: ${fmt(summary.papaFloorMs)} ms; ` +
						`ours/floor ${fmt(summary.oursOverFloor.dropToDashboard)}, parse/floor ${fmt(summary.oursOverFloor.parse)}`
				);
			if (summary.buildFloorMs)
				log(
					`  build floor: ${fmt(summary.buildFloorMs)} ms (floor/DuckDB ${fmt(summary.floorOverDuckdb)}, ` +
						`build floor/DuckDB ${fmt(summary.buildFloorOverDuckdb)}); ours/build floor ` +
						`${fmt(summary.oursOverBuildFloor.dropToDashboard)}, parse/build floor ${fmt(summary.oursOverBuildFloor.parse)}`
				);
			if (summary.heapSumMB)
				log(
					`  peak heap page+workers ${fmt(summary.heapSumMB)} MB, with ArrayBuffers ${fmt(summary.heapSumWithBuffersMB)} MB; ` +
						`page ${fmt(summary.heapPageMB)} MB; by worker kind: ` +
						Object.entries(summary.heapByKindMB)
							.map(([k, x]) => `${k} ${fmt(x.used)} MB (${fmt(x.withBuffers)} MB with ArrayBuffers)`)
							.join(', ')
				);
			if (summary.heapSumMB)
				summary.heapPerFileByte = Math.round(((summary.heapSumMB.max * 1e6) / fileBytes) * 100) / 100;
			const first = appRuns.find((a) => a.ours);
			const duckFirst = duckOk[0];
			const agree = agreement(first?.ours, duckFirst);
			if (first && first.dashboardCustomers !== first.ours?.customers) {
				agree.ok = false;
				agree.why = `${agree.why ? agree.why + '; ' : ''}dashboard shows ${first.dashboardCustomers} customers, export has ${first.ours?.customers}`;
			}
			const bad =
				appRuns.find((a) => a.status !== 'ok') ??
				duckRuns.find((d) => d.status !== 'ok') ??
				floorRuns.find((f) => f.status !== 'ok') ??
				buildFloorRuns.find((f) => f.status !== 'ok');
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
				runs: appRuns.map((a, i) => ({
					app: a,
					duckdb: duckRuns[i],
					papaFloor: floorRuns[i],
					buildFloor: buildFloorRuns[i]
				}))
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
