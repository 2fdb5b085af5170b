/**
 * The page asks for the customer table's first page with an open and an import, and shows the page
 * that comes with the dashboard: no `query` request follows. A worker that answers without a page
 * (an older one) still gets the `query`.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CustomerPage } from '../../src/lib/engine/customer-table';
import { AppState } from '../../src/lib/state/app.svelte';
import { firstPage } from '../../src/lib/state/dashboard.svelte';
import type { DatasetMeta } from '../../src/lib/store/db';
import type { WorkerRequest } from '../../src/lib/worker/protocol';
import { datasetMeta, fakeWorker } from './fake-worker';

const meta = (id: number): DatasetMeta => datasetMeta(id, `dataset ${id}`);
const PAGE = { rows: [{ rank: 1, key: 'C1', name: 'Acme' }], matching: 1 } as unknown as CustomerPage;
const QUERIED = { rows: [{ rank: 1, key: 'C9', name: 'Queried' }], matching: 1 } as unknown as CustomerPage;

/** A worker that answers `open` with or without the table's page; `query` with QUERIED. */
function worker(withPage: boolean) {
	return fakeWorker((req: WorkerRequest, reply) => {
		if (req.type === 'open')
			reply({
				id: req.id,
				type: 'result',
				result: {
					meta: meta(req.payload.datasetId),
					view: { settings: {}, customerCount: 1 },
					...(withPage ? { page: PAGE } : {})
				}
			});
		else if (req.type === 'query') reply({ id: req.id, type: 'result', result: QUERIED });
		else reply({ id: req.id, type: 'result', result: null });
	});
}

describe('the customer table comes with the dashboard', () => {
	it('an open asks for the first page and shows the one that came with it', async () => {
		const fake = worker(true);
		const app = new AppState(fake.create);
		app.datasets = [meta(7)];
		await app.openDataset(7);
		const open = fake.requests.find((r) => r.type === 'open');
		expect(open?.type === 'open' && open.payload.query).toEqual(firstPage());
		expect(app.dashboard.page).toEqual(PAGE);
		expect(fake.requests.filter((r) => r.type === 'query')).toHaveLength(0);
	});

	it('without a page in the answer, the page asks for it', async () => {
		const fake = worker(false);
		const app = new AppState(fake.create);
		app.datasets = [meta(7)];
		await app.openDataset(7);
		expect(fake.requests.filter((r) => r.type === 'query')).toHaveLength(1);
		expect(app.dashboard.page).toEqual(QUERIED);
	});
});
