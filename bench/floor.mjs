// The PapaParse floor of `npm run bench` (issue 17): the same file parsed ONLY, with no sales
// columns built, in as many workers as the app reads it in, in the same browser (page/papa-floor.html
// and page/papa-floor-worker.js, PapaParse from node_modules). Timed in the page from the file
// input's change event (the file chosen, as for the app and DuckDB-wasm) to the last part parsed.
// What our import takes beyond it is our own work: the per-record checks, the sales columns, the
// classification and the dashboard.
//
// The build floor (`build`: the customer key's, amount's and date's column indices) adds the least
// any import that classifies customers must do per record on top of parsing: a customer number, an
// amount and a day per row, into typed columns (page/papa-floor-worker.js `minimalBuild`); the
// parts' customers are not merged. What our parse stage takes beyond it is our per-record checks
// and the other columns the app reads (quantity, orders, managers, names, dimensions).

import { failedStatus, localPage, withTimeout } from './local-page.mjs';

/** The app reads a file smaller than this in one piece (src/lib/ingest/split.ts SPLIT_MIN_CHARS). */
export const SPLIT_MIN_BYTES = 4 * 1024 * 1024;

/**
 * One floor run: `file` (with `rows` data rows after its header) in `parts` workers; with `build`
 * ({ key, amount, date }: 0-based columns) the build floor. Resolves to
 * { status, ms, readMs, cutMs, parts, dataRows, perPart } or { status: 'error: …' }. A record count
 * other than `rows` is an error: the floor did not read the file the app reads; so is a build floor
 * that built another number of rows or met an amount that is not a number.
 */
export async function floorRun(browser, floorUrl, file, rows, parts, build = null) {
	const scale = rows / 1e6;
	const { context, page, external, pageErrors, crash } = await localPage(browser);
	const r = { status: 'ok', parts };
	try {
		const columns = build ? `&key=${build.key}&amount=${build.amount}&date=${build.date}` : '';
		const url = `${floorUrl}${floorUrl.includes('?') ? '&' : '?'}parts=${parts}${columns}`;
		await withTimeout(page.goto(url), 30000, 'loading the floor page', crash);
		await withTimeout(
			page.waitForFunction(() => window.__floor?.ready),
			30000,
			'floor page script',
			crash
		);
		const ready = await withTimeout(
			page.evaluate(() => window.__floor.ready),
			30000,
			'floor workers',
			crash
		);
		if (ready.error) throw new Error(`floor: ${ready.error}`);
		await page.locator('#file').setInputFiles(file);
		const res = await withTimeout(
			page
				.waitForFunction(() => window.__floor.result, null, { timeout: 0, polling: 100 })
				.then(() => page.evaluate(() => window.__floor.result)),
			60000 + 60000 * scale,
			'PapaParse floor',
			crash
		);
		if (res.error) throw new Error(`floor: ${res.error}`);
		Object.assign(r, {
			ms: res.ms,
			readMs: res.readMs,
			cutMs: res.cutMs,
			parts: res.parts,
			dataRows: res.dataRows,
			perPart: res.perPart
		});
		if (res.errors) throw new Error(`floor: PapaParse reported ${res.errors} error(s), first ${res.firstError}`);
		if (res.dataRows !== rows)
			throw new Error(
				`floor: ${res.dataRows} data rows parsed in ${res.parts} part(s), the file has ${rows} — the cut or the parse is wrong`
			);
		if (build && (res.built !== rows || res.badAmounts !== 0))
			throw new Error(
				`build floor: ${res.built} rows built, ${res.badAmounts} amounts not numbers; the file has ${rows} rows`
			);
	} catch (e) {
		r.status = failedStatus(e);
	} finally {
		if (external.length) r.blockedRequests = external.slice(0, 5);
		if (pageErrors.length) r.pageErrors = pageErrors.slice(0, 5);
		await withTimeout(context.close(), 20000, 'closing context').catch(() => {});
	}
	return r;
}
