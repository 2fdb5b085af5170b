/**
 * The parse workers' pool (worker/parse-helper.ts `workerParser`): each later part of a large file
 * goes to a worker of its own at the same time; a worker that answered is kept for the next import
 * (at most MAX_PARSE_PARTS − 1 of them), one that was aborted or crashed is ended. Workers are
 * stand-ins here that answer what the test tells them to.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PARSE_PARTS, workerParser } from '../../src/lib/worker/parse-helper';
import { ImportError } from '../../src/lib/ingest/errors';
import { SplitUnsafe } from '../../src/lib/ingest/split';
import type { PartJob } from '../../src/lib/ingest/import-types';
import type { PartResponse } from '../../src/lib/worker/parse-protocol';

class FakeWorker {
	static made: FakeWorker[] = [];
	onmessage: ((ev: MessageEvent<PartResponse>) => void) | null = null;
	onerror: ((ev: ErrorEvent) => void) | null = null;
	posted: unknown[] = [];
	terminated = false;
	constructor() {
		FakeWorker.made.push(this);
	}
	postMessage(msg: unknown) {
		this.posted.push(msg);
	}
	terminate() {
		this.terminated = true;
	}
	answer(msg: PartResponse) {
		this.onmessage?.({ data: msg } as MessageEvent<PartResponse>);
	}
}

const job = (text: string) => ({ text }) as PartJob;
const part = { rowsRead: 1 } as never;

function pool() {
	FakeWorker.made = [];
	return workerParser(() => new FakeWorker() as unknown as Worker);
}

describe('the parse workers pool', () => {
	it('runs parts at once, each in its own worker, and keeps the workers that answered', async () => {
		const p = pool();
		const progress: number[] = [];
		const runs = ['a', 'b', 'c'].map((t) => p.start(job(t), (d) => progress.push(d)));
		expect(FakeWorker.made).toHaveLength(3);
		expect(FakeWorker.made.map((w) => (w.posted[0] as { job: PartJob }).job.text)).toEqual(['a', 'b', 'c']);
		FakeWorker.made[1].answer({ type: 'progress', done: 0.5 });
		expect(progress).toEqual([0.5]);
		FakeWorker.made.forEach((w) => w.answer({ type: 'done', part }));
		expect(await Promise.all(runs.map((r) => r.result))).toEqual([part, part, part]);
		// the next import reuses them
		p.start(job('d'), () => {});
		p.start(job('e'), () => {});
		expect(FakeWorker.made).toHaveLength(3);
		expect(FakeWorker.made.some((w) => w.terminated)).toBe(false);
	});

	it('keeps at most MAX_PARSE_PARTS − 1 idle workers', async () => {
		const p = pool();
		const runs = Array.from({ length: MAX_PARSE_PARTS + 2 }, (_, i) => p.start(job(String(i)), () => {}));
		FakeWorker.made.forEach((w) => w.answer({ type: 'done', part }));
		await Promise.all(runs.map((r) => r.result));
		expect(FakeWorker.made.filter((w) => w.terminated)).toHaveLength(3);
	});

	it('turns answers into errors and ends a worker that was aborted or crashed', async () => {
		const p = pool();
		const failed = p.start(job('a'), () => {});
		const unsafe = p.start(job('b'), () => {});
		const aborted = p.start(job('c'), () => {});
		const crashed = p.start(job('d'), () => {});
		const [wa, wb, wc, wd] = FakeWorker.made;
		wa.answer({ type: 'failed', info: { code: 'unclosed-quote', row: 3 } });
		wb.answer({ type: 'unsafe', reason: 'quotes' });
		aborted.abort();
		wd.onerror?.({ message: 'boom' } as ErrorEvent);
		await expect(failed.result).rejects.toBeInstanceOf(ImportError);
		await expect(unsafe.result).rejects.toBeInstanceOf(SplitUnsafe);
		await expect(aborted.result).rejects.toMatchObject({ info: { code: 'cancelled' } });
		await expect(crashed.result).rejects.toThrow('boom');
		expect([wa, wb, wc, wd].map((w) => w.terminated)).toEqual([false, false, true, true]);
	});
});
