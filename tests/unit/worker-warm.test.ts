/**
 * After a stored dataset opens, the worker sums the other metrics' totals in the background, a
 * slice of rows per task. The slices follow each other through messages the worker sends itself,
 * not timers: a chain of timers waits at least 4 ms a link, which had made the warm-up of 5M rows
 * wait ~0.3 s doing nothing, so a metric switch soon after opening still had to sum.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { availableMetrics } from '../../src/lib/engine/aggregate';
import { afterWaitingMessages } from '../../src/lib/core/message-yield';
import { createWorkerContext } from '../../src/lib/worker/context';
import { ABC_REVENUE, call, importedContext, SUPERSTORE_CSV } from './worker-call';

afterEach(() => vi.useRealTimers());

describe('the warm-up after opening a stored dataset', () => {
	it('sums every other metric without waiting on a timer', async () => {
		const first = await importedContext('superstore', SUPERSTORE_CSV);
		const id = first.current!.id;
		// a fresh worker, as after a reload, whose timers never fire
		const ctx = createWorkerContext({ db: first.db });
		await call(ctx, 'open', { datasetId: id, settings: ABC_REVENUE });
		vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'setImmediate'] });
		const analysis = ctx.current!.analysis;
		const cached = () => (analysis as unknown as { totalsCache: Map<string, unknown> }).totalsCache.size;
		const metrics = availableMetrics(analysis.data).length;
		expect(metrics).toBeGreaterThan(2);
		for (let turn = 0; turn < 500 && cached() < metrics; turn++) await afterWaitingMessages();
		expect(cached()).toBe(metrics);
	});
});
