// The export figure of `npm run bench` (issue 13): a dataset in which every one of N customers
// bought (24 months of dates, so the workbook has its VIP, ABC×XYZ, Recency and Movement sheets)
// is imported into the built app, then "Excel workbook" is clicked. Measured: click → download
// (the worker writes the sheets and zips them, the page saves the file), whether the progress bar
// showed, and the file's size. Then the same export is started again and cancelled from its bar.
// Times are taken in the page (the click event to the hand-over of the file), so the browser
// automation's own delays do not count.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * One export run on `file` (a CSV of `customers` customers). Resolves to
 * { status, customers, clickToDownloadMs, progressShown, xlsxMB, cancelMs } or { status: 'error: …' }.
 */
export async function exportRun(browser, appUrl, file, customers) {
	const r = { status: 'ok', customers };
	const context = await browser.newContext({
		locale: 'en-US',
		viewport: { width: 1366, height: 768 },
		serviceWorkers: 'block',
		acceptDownloads: true
	});
	// in-page times: the click on the Excel button and the moment the page hands the file over
	await context.addInitScript(() => {
		const t = (window.__exportTimes = { click: null, saved: null });
		document.addEventListener(
			'click',
			(e) => {
				const b = e.target instanceof Element ? e.target.closest('button') : null;
				if (b && /Excel/.test(b.textContent ?? '')) t.click = performance.now();
			},
			true
		);
		const click = HTMLAnchorElement.prototype.click;
		HTMLAnchorElement.prototype.click = function () {
			if (this.download) t.saved = performance.now();
			return click.call(this);
		};
	});
	const page = await context.newPage();
	page.setDefaultTimeout(120_000);
	try {
		await page.goto(appUrl);
		await page.getByLabel('CSV file', { exact: true }).setInputFiles(file);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		const count = page.getByTestId('customer-count');
		await count.waitFor();
		const shown = Number((await count.textContent()).replace(/[^\d]/g, ''));
		if (shown !== customers) throw new Error(`the dashboard shows ${shown} customers, expected ${customers}`);
		// the dataset is written to IndexedDB after the dashboard shows: measure once that is done
		await page.getByTestId('saving').waitFor({ state: 'detached' });
		await sleep(500);

		const excel = page.getByRole('button', { name: /Excel workbook/ });
		const bar = page.getByTestId('export-progress');
		let progressShown = false;
		const watching = bar.waitFor({ state: 'visible', timeout: 0 }).then(
			() => (progressShown = true),
			() => {}
		);
		const [download] = await Promise.all([page.waitForEvent('download'), excel.click()]);
		const times = await page.evaluate(() => window.__exportTimes);
		r.clickToDownloadMs = Math.round(times.saved - times.click);
		const path = await download.path();
		const { statSync } = await import('node:fs');
		r.xlsxMB = Math.round(statSync(path).size / 1e5) / 10;
		await Promise.race([watching, sleep(50)]);
		r.progressShown = progressShown;

		// Cancel from the bar: how long until the bar is gone and the notice says so. A small export
		// may finish before the Cancel lands (the file is then saved): that is measured as such, not an error.
		const downloaded = page.waitForEvent('download', { timeout: 60_000 }).then(
			() => 'downloaded',
			() => 'none'
		);
		await excel.click();
		const appeared = await Promise.race([
			bar.waitFor({ state: 'visible', timeout: 60_000 }).then(() => 'bar'),
			downloaded
		]);
		if (appeared === 'bar') {
			const t1 = Date.now();
			await bar
				.getByRole('button', { name: 'Cancel export' })
				.click({ timeout: 5_000 })
				.catch(() => {});
			const outcome = await Promise.race([
				page
					.getByText('Export cancelled. No file was saved.')
					.waitFor({ timeout: 60_000 })
					.then(() => 'cancelled'),
				downloaded
			]);
			if (outcome === 'cancelled') {
				await bar.waitFor({ state: 'detached', timeout: 60_000 });
				r.cancelMs = Date.now() - t1;
			} else r.cancelNote = 'the export finished before Cancel reached it';
		} else r.cancelNote = 'the export finished before its progress bar showed';
	} catch (e) {
		r.status = `error: ${String(e.message ?? e).split('\n')[0]}`;
	} finally {
		await context.close().catch(() => {});
	}
	return r;
}
