/// <reference lib="webworker" />
/**
 * The analysis worker's entry: a request message goes to its handler (handlers/, typed against the
 * `Api` of protocol.ts) with the worker's one context object, and the result or the failure is
 * posted back. A `cancel` message marks a running request as cancelled.
 */
import { createWorkerContext, type WorkerContext } from './context';
import { toFailure } from './failure';
import { handlers, type Answered, type Call } from './handlers';
import { DEFAULT_OPEN_STEPS, DEFAULT_STEPS, type OpenSteps, type Steps } from './import-steps';
import { workerParser } from './parse-helper';
import type { Api, RequestType, WorkerRequest, WorkerResponse } from './protocol';

const post = (msg: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

const ctx: WorkerContext = createWorkerContext({
	// the second core reads half of each large file; a browser without nested workers reads it all here
	parallel:
		typeof Worker === 'function'
			? workerParser(() => new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' }))
			: undefined,
	// an XLSX export's parts are compressed on the second core while the next rows are written
	deflateWorker:
		typeof Worker === 'function'
			? () => new Worker(new URL('./deflate.worker.ts', import.meta.url), { type: 'module' })
			: undefined
});

/** Fault tests only: replaces steps after classification (none given: the real ones again). Production never calls it. */
export function injectStepsForTests(importSteps: Partial<Steps> = {}, open: Partial<OpenSteps> = {}): void {
	ctx.steps = { ...DEFAULT_STEPS, ...importSteps };
	ctx.openSteps = { ...DEFAULT_OPEN_STEPS, ...open };
}

/** returned by `Call.answer`: the result is already posted */
const ANSWERED = Object.freeze({}) as Answered;

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
	const req = ev.data;
	if (req.type === 'cancel') {
		ctx.cancelled.add(req.payload.target);
		return;
	}
	if (req.type === 'seen') {
		ctx.seen.get(req.payload.target)?.();
		return;
	}
	try {
		const result = await run(req.type, req.payload, req.id);
		if (result !== ANSWERED) post({ id: req.id, type: 'result', result });
	} catch (err) {
		post({ id: req.id, type: 'error', error: toFailure(err) });
	} finally {
		ctx.cancelled.delete(req.id);
	}
};

/** Runs the handler of request `type`; resolves to its result, or ANSWERED when it posted the result itself. */
function run<K extends RequestType>(type: K, payload: Api[K][0], id: number): Promise<Api[K][1] | Answered> {
	const call: Call<K> = {
		id,
		cancelled: () => ctx.cancelled.has(id),
		progress: (progress) => post({ id, type: 'progress', progress }),
		progressSeen: (progress) =>
			new Promise<void>((resolve) => {
				ctx.seen.set(id, () => {
					ctx.seen.delete(id);
					resolve();
				});
				post({ id, type: 'progress', progress, ack: true });
			}),
		answer: (result) => {
			post({ id, type: 'result', result });
			return ANSWERED;
		}
	};
	return handlers[type](payload, ctx, call);
}
