/**
 * The customers' search index is built at the first search, not before the dashboard is answered
 * (50 000 customers: ~15 ms the import or open would wait for); searches then find what they found
 * with the index built up front, and reuse it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, matchingRanks, type CustomerQuery } from '../../src/lib/engine/customer-table';
import { ABC_REVENUE, call, importedContext, SUPERSTORE_CSV } from './worker-call';

const query = (search: string): CustomerQuery => ({
	sort: 'rank',
	descending: false,
	search,
	classIndex: -1,
	offset: 0,
	limit: 1000
});

describe('the customer search index', () => {
	it('is built at the first search, finds what an index built up front finds, and is kept', async () => {
		const ctx = await importedContext('superstore', SUPERSTORE_CSV);
		// the dashboard and an unsearched page need no index
		await call(ctx, 'query', query(''));
		expect(ctx.current!.searchIndex).toBeNull();
		const data = ctx.current!.analysis.data;
		const eager = buildSearchIndex(data.customerKeys, data.customerNames);
		const needle = data.customerNames[0].slice(1, 4);
		const page = await call(ctx, 'query', query(needle));
		const index = ctx.current!.searchIndex;
		expect(index).toEqual(eager);
		const expected = matchingRanks(ctx.current!.classification, data.customerKeys, data.customerNames, eager, {
			...query(needle)
		});
		expect(page.matching).toBe(expected.length);
		expect(page.matching).toBeGreaterThan(0);
		expect(page.rows.map((r) => r.rank)).toEqual(expected.map((r) => r + 1));
		// another search reuses it, and so does an open of the dataset already open
		await call(ctx, 'query', query('zzz-nothing'));
		expect(ctx.current!.searchIndex).toBe(index);
		await call(ctx, 'open', { datasetId: ctx.current!.id, settings: ABC_REVENUE });
		expect(ctx.current!.searchIndex).toBe(index);
	});
});
