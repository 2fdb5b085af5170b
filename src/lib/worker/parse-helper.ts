/**
 * The analysis worker's side of the split import: a `ParallelParser` that hands each later part of
 * a large file to a parse worker of a small pool and turns its answer back into a part or an error.
 */
import { ImportError } from '../ingest/errors';
import type { ParallelParser, PartJob } from '../ingest/import-types';
import { SplitUnsafe } from '../ingest/split';
import type { SalesPart } from '../ingest/build';
import type { PartRequest, PartResponse } from './parse-protocol';

/**
 * How many parts a large file is cut into on a machine with `cores` logical cores: one per core
 * but one left for the page, never fewer than two (a 2-core machine still reads two parts at once,
 * the page being idle while it imports) and at most `MAX_PARSE_PARTS`.
 */
export function parseParts(cores: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
	return Math.min(MAX_PARSE_PARTS, Math.max(2, (cores ?? 2) - 1));
}

/** The most parts a file is read in at once (the page's memory grows with each part's buffers). */
export const MAX_PARSE_PARTS = 8;

/**
 * Reads the later parts of large files in workers of their own, each started on first use and
 * kept for the next import (at most `MAX_PARSE_PARTS` − 1 kept); an aborted job ends its worker.
 */
export function workerParser(create: () => Worker): ParallelParser & { warm(): void } {
	const idle: Worker[] = [];
	return {
		/** Starts a worker ahead of need (a file is being mapped): its code loads meanwhile. */
		warm() {
			if (idle.length === 0) idle.push(create());
		},
		start(job: PartJob, onProgress: (done: number) => void) {
			const worker = idle.pop() ?? create();
			let settle: { resolve: (p: SalesPart) => void; reject: (e: unknown) => void } | null = null;
			const result = new Promise<SalesPart>((resolve, reject) => (settle = { resolve, reject }));
			let settled = false;
			const finish = (keep: boolean) => {
				settled = true;
				worker.onmessage = null;
				worker.onerror = null;
				if (keep && idle.length < MAX_PARSE_PARTS - 1) idle.push(worker);
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
			// a stretch of the file goes over as a Blob (a reference, nothing read): the worker reads it
			worker.postMessage({ job } satisfies PartRequest);
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
