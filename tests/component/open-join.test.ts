/**
 * A click on the dataset the page is already opening (its automatic reopen after a reload) joins
 * that open: the worker is asked once and the dashboard is shown once, even when the reopen alone
 * would have given way.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AppState } from '../../src/lib/state/app.svelte';
import type { DatasetMeta } from '../../src/lib/store/db';
import { datasetMeta, fakeWorker } from './fake-worker';

const meta = (id: number): DatasetMeta => datasetMeta(id, `dataset ${id}`);
/** Long enough for the requests sent so far to reach the worker. */
const aMoment = () => new Promise((r) => setTimeout(r, 10));

/** A worker that answers `open` after `release()` (and everything else at once), counting requests. */
function slowOpenWorker() {
	const held: (() => void)[] = [];
	const { create, requests } = fakeWorker((req, reply) => {
		if (req.type === 'seen') return;
		if (req.type === 'open')
			held.push(() =>
				reply({ id: req.id, type: 'result', result: { meta: meta(req.payload.datasetId), view: { settings: {} } } })
			);
		else if (req.type === 'query') reply({ id: req.id, type: 'result', result: { rows: [], total: 0, offset: 0 } });
		else reply({ id: req.id, type: 'result', result: null });
	});
	return {
		create,
		opens: () => requests.filter((r) => r.type === 'open').length,
		release: () => held.splice(0).forEach((f) => f())
	};
}

describe('opening the dataset that is being opened', () => {
	it('asks the worker once and shows it', async () => {
		const fake = slowOpenWorker();
		const app = new AppState(fake.create);
		app.datasets = [meta(7)];
		const first = app.openDataset(7);
		const second = app.openDataset(7);
		await aMoment();
		expect(fake.opens()).toBe(1);
		fake.release();
		await Promise.all([first, second]);
		expect(app.openMeta?.id).toBe(7);
		expect(fake.opens()).toBe(1);
		// once it is open, opening it again asks again (the settings may have changed)
		const again = app.openDataset(7);
		await aMoment();
		fake.release();
		await again;
		expect(fake.opens()).toBe(2);
	});

	it('a click joining an open that would give way still shows the dataset', async () => {
		const fake = slowOpenWorker();
		const app = new AppState(fake.create);
		app.datasets = [meta(7)];
		let wanted = true;
		const reopen = app.dashboard.openDataset(7, () => wanted);
		// the person did something else, then clicked the dataset
		wanted = false;
		const click = app.openDataset(7);
		await aMoment();
		fake.release();
		await Promise.all([reopen, click]);
		expect(fake.opens()).toBe(1);
		expect(app.openMeta?.id).toBe(7);
	});

	it('an open of another dataset is its own request', async () => {
		const fake = slowOpenWorker();
		const app = new AppState(fake.create);
		app.datasets = [meta(7), meta(8)];
		const a = app.openDataset(7);
		const b = app.openDataset(8);
		await aMoment();
		expect(fake.opens()).toBe(2);
		fake.release();
		await Promise.all([a, b]);
	});
});
