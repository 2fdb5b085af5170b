/**
 * A switch's one request (worker/handlers/views.ts `reclassify`): the dashboard and the customer
 * table's page it answers are what `classify` and then `query` answer, for a preset, a metric and a
 * filter switch in a row.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/lib/engine/abc';
import type { CustomerQuery } from '../../src/lib/engine/customer-table';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { ABC_REVENUE, call, importedContext, SUPERSTORE_CSV } from './worker-call';

const base = ABC_REVENUE;
const firstPage: CustomerQuery = { sort: 'rank', descending: false, search: '', classIndex: -1, offset: 0, limit: 50 };
const opened = () => importedContext('superstore', SUPERSTORE_CSV);

describe('reclassify', () => {
	it('answers what classify and then query answer, switch after switch', async () => {
		const one = await opened();
		const two = await opened();
		const switches: ClassifySettings[] = [
			{ ...base, classes: [...PRESETS.gsb] },
			{ ...base, classes: [...PRESETS.gsb], metric: 'payments' },
			{ ...base, classes: [...PRESETS.gsb], metric: 'payments', filter: { dimensions: { Region: ['West'] } } },
			{ ...base, filter: { dimensions: { Region: ['West'] } } },
			base
		];
		for (const settings of switches) {
			const both = await call(one, 'reclassify', { settings, query: firstPage });
			const view = await call(two, 'classify', { settings });
			const page = await call(two, 'query', firstPage);
			expect(both.view).toEqual(view);
			expect(both.page).toEqual(page);
			expect(both.page.rows.length).toBeGreaterThan(0);
		}
	});
});
