/**
 * The analysis worker's side of the two-worker split: a `ParallelParser` that hands the second
 * half of a large file to the parse worker and turns its answer back into a part or an error.
 */
import { ImportError } from '../ingest/errors';
import type { ParallelParser, PartJob } from '../ingest/import-types';
import { SplitUnsafe } from '../ingest/split';
import type { SalesPart } from '../ingest/build';
import type { PartRequest, PartResponse } from './parse-protocol';

/**
 * Reads the second half of large files in a worker of its own, started on first use and kept for
 * the next import; an aborted job ends that worker (the next one starts fresh).
 */
export function workerParser(create: () => Worker): ParallelParser & { warm(): void } {
	let idle: Worker | null = null;
	return {
		/** Starts the worker ahead of need (a file is being mapped): its code loads meanwhile. */
		warm() {
			idle ??= create();
		},
		start(job: PartJob, onProgress: (done: number) => void) {
			const worker = idle ?? create();
			idle = null;
			let settle: { resolve: (p: SalesPart) => void; reject: (e: unknown) => void } | null = null;
			const result = new Promise<SalesPart>((resolve, reject) => (settle = { resolve, reject }));
			let settled = false;
			const finish = (keep: boolean) => {
				settled = true;
				worker.onmessage = null;
				worker.onerror = null;
				if (keep) idle = worker;
				else worker.terminate();
			};
			worker.onmessage = (ev: MessageEvent<PartResponse>) => {
				const msg = ev.data;
				if (msg.type === 'progress') return onProgress(msg.done);
				finish(true);
				if (msg.type === 'done') settle!.resolve(msg.part);
				else if (msg.type === 'failed') settle!.reject(new ImportError(msg.info));
				else if (msg.type === 'unsafe') settle!.reject(new SplitUnsafe(msg.reason));
				else settle!.reject(new Error(msg.message));
			};
			worker.onerror = (ev) => {
				finish(false);
				settle!.reject(new Error(ev.message || 'The parsing worker stopped.'));
			};
			// the bytes are a copy made for this worker: hand them over instead of copying again
			worker.postMessage({ job } satisfies PartRequest, job.bytes ? [job.bytes.buffer] : []);
			return {
				result,
				abort: () => {
					if (settled) return;
					finish(false);
					settle!.reject(new ImportError({ code: 'cancelled' }));
				}
			};
		}
	};
}
