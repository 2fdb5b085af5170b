/**
 * An import or an open that sends the customer table's query answers with that page beside the
 * dashboard, so the page draws both in one update (no second round trip for the table): the same
 * page a `query` request gives afterwards. Without a query, no page comes.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CustomerQuery } from '../../src/lib/engine/customer-table';
import { ParetoscopeDb } from '../../src/lib/store/db';
import { createWorkerContext } from '../../src/lib/worker/context';
import { ABC_REVENUE, call, choiceOf, importedContext, SUPERSTORE_CSV } from './worker-call';

const FIRST: CustomerQuery = { sort: 'rank', descending: false, search: '', classIndex: -1, offset: 0, limit: 5 };

describe('the customer table’s first page comes with the dashboard', () => {
	it('an import with a query answers with its page, as a later query gives it', async () => {
		const db = new ParetoscopeDb('worker-first-page-import');
		const ctx = createWorkerContext({ db: () => db });
		const files = [await choiceOf('superstore.csv', SUPERSTORE_CSV)];
		const o = await call(ctx, 'import', {
			files,
			name: 's',
			workspaceId: 'default',
			settings: ABC_REVENUE,
			query: FIRST
		});
		await call(ctx, 'stored', { datasetId: o.meta.id });
		expect(o.page).toBeDefined();
		expect(o.page!.rows).toHaveLength(5);
		expect(o.page!.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
		expect(o.page!.matching).toBe(o.view.customerCount);
		expect(o.page).toEqual(await call(ctx, 'query', FIRST));
	});

	it('an import without a query answers with the dashboard only', async () => {
		const ctx = await importedContext('superstore', SUPERSTORE_CSV);
		const o = await call(ctx, 'open', { datasetId: ctx.current!.id, settings: ABC_REVENUE });
		expect(o).not.toHaveProperty('page');
	});

	it('an open with a query answers with its page, whether the dataset is read or already open', async () => {
		const first = await importedContext('superstore', SUPERSTORE_CSV);
		const id = first.current!.id;
		// a fresh worker on the same database reads the dataset
		const ctx = createWorkerContext({ db: () => first.db() });
		const read = await call(ctx, 'open', { datasetId: id, settings: ABC_REVENUE, query: FIRST });
		expect(read.page!.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
		expect(read.page).toEqual(await call(ctx, 'query', FIRST));
		// the open one is reclassified: its page follows the new query (sorted by name this time)
		const byName: CustomerQuery = { ...FIRST, sort: 'name' };
		const again = await call(ctx, 'open', { datasetId: id, settings: ABC_REVENUE, query: byName });
		expect(again.page).toEqual(await call(ctx, 'query', byName));
		const names = again.page!.rows.map((r) => r.name || r.key);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});
