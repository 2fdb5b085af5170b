/**
 * An import's parse progress: the first event of each file at once, then at most one every
 * PROGRESS_MS (README "Performance"), not one per chunk of every part: each event the page draws
 * costs it CPU the parsers need. With the clock standing still, one event per file.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ParetoscopeDb } from '../../src/lib/store/db';
import { createWorkerContext } from '../../src/lib/worker/context';
import type { ImportProgressEvent } from '../../src/lib/worker/protocol';
import { ABC_REVENUE, call, choiceOf } from './worker-call';

/** ~1.3 MB of sales rows: about 20 chunks of PapaParse's 64 KiB */
function salesCsv(rows: number): string {
	const lines = ['Customer,Date,Amount'];
	for (let i = 0; i < rows; i++)
		lines.push(`Customer number ${i % 997},2025-0${1 + (i % 9)}-1${i % 10},${(i % 500) + 0.25}`);
	return lines.join('\n') + '\n';
}

async function parseEvents(): Promise<ImportProgressEvent[]> {
	const db = new ParetoscopeDb(`import-progress-${Math.random()}`);
	const ctx = createWorkerContext({ db: () => db });
	const csv = salesCsv(40_000);
	const files = [await choiceOf('a.csv', csv), await choiceOf('b.csv', csv)];
	const events: ImportProgressEvent[] = [];
	await call(ctx, 'import', { files, name: 'x', workspaceId: 'default', settings: ABC_REVENUE }, (p) => {
		if (p.stage !== 'export') events.push(p);
	});
	return events.filter((e) => e.stage === 'parse');
}

describe('import progress', () => {
	afterEach(() => vi.restoreAllMocks());

	it('posts the first parse event of each file, then none while less than PROGRESS_MS has passed', async () => {
		vi.spyOn(performance, 'now').mockReturnValue(1000);
		const events = await parseEvents();
		expect(events.map((e) => e.fileIndex)).toEqual([0, 1]);
	});

	it('with time passing, later events come too, in order', async () => {
		let now = 0;
		// every reading of the clock is a second later
		vi.spyOn(performance, 'now').mockImplementation(() => (now += 1000));
		const events = await parseEvents();
		expect(events.length).toBeGreaterThan(4);
		const fractions = events.map((e) => e.fraction);
		expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
		expect(events.at(-1)!.fileIndex).toBe(1);
	});
});
