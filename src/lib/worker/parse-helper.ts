import { ImportError } from '../ingest/errors';
import type { ParallelParser, PartJob } from '../ingest/pipeline';
import type { SalesPart } from '../ingest/build';
import type { PartRequest, PartResponse } from './parse-protocol';

/**
 * Reads the second half of large files in a worker of its own, started on first use and kept for
 * the next import; an aborted job ends that worker (the next one starts fresh).
 */
export function workerParser(create: () => Worker): ParallelParser {
	let idle: Worker | null = null;
	return {
		start(job: PartJob, onChars: (chars: number) => void) {
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
				if (msg.type === 'progress') return onChars(msg.chars);
				finish(true);
				if (msg.type === 'done') settle!.resolve(msg.part);
				else if (msg.type === 'failed') settle!.reject(new ImportError(msg.info));
				else settle!.reject(new Error(msg.message));
			};
			worker.onerror = (ev) => {
				finish(false);
				settle!.reject(new Error(ev.message || 'The parsing worker stopped.'));
			};
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
