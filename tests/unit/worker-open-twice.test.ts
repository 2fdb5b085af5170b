/**
 * Two opens of one stored dataset at once (the page's automatic reopen after a reload, then a click
 * on the same dataset in the list): the worker reads and classifies it once, and both answer with
 * its dashboard under their own settings.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/lib/engine/abc';
import { createWorkerContext } from '../../src/lib/worker/context';
import { DEFAULT_OPEN_STEPS } from '../../src/lib/worker/import-steps';
import { ABC_REVENUE, call, importedContext, SUPERSTORE_CSV } from './worker-call';

/** A fresh worker (as after a reload) on the database of `ctx`, counting its reads of a dataset. */
function reloaded(db: ReturnType<Awaited<ReturnType<typeof importedContext>>['db']>) {
	const ctx = createWorkerContext({ db: () => db });
	const reads: number[] = [];
	ctx.openSteps = {
		...DEFAULT_OPEN_STEPS,
		load: (d, id) => {
			reads.push(id);
			return DEFAULT_OPEN_STEPS.load(d, id);
		}
	};
	return { ctx, reads };
}

describe('opening a stored dataset twice at once', () => {
	it('reads it once; the second answer follows its own settings', async () => {
		const first = await importedContext('superstore', SUPERSTORE_CSV);
		const id = first.current!.id;
		const { ctx, reads } = reloaded(first.db());
		const gsb = { ...ABC_REVENUE, classes: [...PRESETS.gsb] };
		const [a, b] = await Promise.all([
			call(ctx, 'open', { datasetId: id, settings: ABC_REVENUE }),
			call(ctx, 'open', { datasetId: id, settings: gsb })
		]);
		expect(reads).toEqual([id]);
		expect(a.meta.id).toBe(id);
		expect(b.meta.id).toBe(id);
		expect(a.view.settings.classes.map((c) => c.name)).toEqual(PRESETS.abc.map((c) => c.name));
		expect(b.view.settings.classes.map((c) => c.name)).toEqual(PRESETS.gsb.map((c) => c.name));
		// the same customers and total either way
		expect(b.view.customerCount).toBe(a.view.customerCount);
		expect(ctx.current?.id).toBe(id);
		expect(ctx.opening).toBeNull();
		// a later open of it reads nothing: it is the open one
		await call(ctx, 'open', { datasetId: id, settings: ABC_REVENUE });
		expect(reads).toEqual([id]);
	});

	it('a second open after a failed first one reads the dataset itself', async () => {
		const first = await importedContext('superstore', SUPERSTORE_CSV);
		const id = first.current!.id;
		const { ctx, reads } = reloaded(first.db());
		let fail = true;
		ctx.openSteps = {
			...ctx.openSteps,
			load: (d, i) => {
				reads.push(i);
				if (fail) {
					fail = false;
					return Promise.reject(new Error('disk hiccup'));
				}
				return DEFAULT_OPEN_STEPS.load(d, i);
			}
		};
		const [a, b] = await Promise.allSettled([
			call(ctx, 'open', { datasetId: id, settings: ABC_REVENUE }),
			call(ctx, 'open', { datasetId: id, settings: ABC_REVENUE })
		]);
		expect(a.status).toBe('rejected');
		expect(b.status).toBe('fulfilled');
		expect(reads).toEqual([id, id]);
		expect(ctx.current?.id).toBe(id);
	});
});
