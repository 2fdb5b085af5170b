/**
 * The page's acknowledgement of a progress event (`seen`) is sent after whatever the page did while
 * handling it, a Cancel included, so the worker sees the cancel first (README "Architecture").
 */
import { describe, expect, it } from 'vitest';
import { WorkerClient } from '../../src/lib/worker/client';
import type { WorkerRequest, WorkerResponse } from '../../src/lib/worker/protocol';

describe('WorkerClient acknowledgements', () => {
	it('sends seen after a cancel made while handling the progress, and never for plain progress', async () => {
		const sent: WorkerRequest[] = [];
		const worker = {
			onmessage: null as ((ev: MessageEvent<WorkerResponse>) => void) | null,
			onerror: null,
			terminate() {},
			postMessage: (req: WorkerRequest) => sent.push(req)
		};
		const client = new WorkerClient(() => worker as unknown as Worker);
		const job = client.start('import', {} as never, (p) => {
			// what a click on Cancel does while "Classifying…" renders (a microtask later)
			if (p.stage === 'classify') queueMicrotask(() => client.cancel(job.id));
		});
		const deliver = (msg: WorkerResponse) => worker.onmessage!({ data: msg } as MessageEvent<WorkerResponse>);
		deliver({ id: job.id, type: 'progress', progress: { stage: 'parse', fraction: 0.5, rows: 1, fileIndex: 0 } });
		deliver({
			id: job.id,
			type: 'progress',
			progress: { stage: 'classify', fraction: 1, rows: 1, fileIndex: 0 },
			ack: true
		});
		await new Promise((r) => setTimeout(r, 20));
		expect(sent.map((m) => m.type)).toEqual(['import', 'cancel', 'seen']);
		expect(sent[2]).toEqual({ id: 0, type: 'seen', payload: { target: job.id } });
	});
});
