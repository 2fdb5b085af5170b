/// <reference lib="webworker" />
/**
 * The second core's share of a large import: the analysis worker hands over the second half of a
 * file's text and gets back the rows read from it as transferable columns (see `importSplit`).
 */
import { partBuffers } from '../ingest/build';
import { ImportError } from '../ingest/errors';
import { buildPart } from '../ingest/pipeline';
import type { PartRequest, PartResponse } from './parse-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: PartResponse, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);

scope.onmessage = async (ev: MessageEvent<PartRequest>) => {
	const { job } = ev.data;
	let lastReport = 0;
	try {
		const part = await buildPart(job, { cancelled: () => false }, (chars) => {
			const now = performance.now();
			if (now - lastReport < 50) return;
			lastReport = now;
			post({ type: 'progress', chars });
		});
		post({ type: 'done', part }, partBuffers(part));
	} catch (err) {
		post(err instanceof ImportError ? { type: 'failed', info: err.info } : { type: 'crashed', message: err instanceof Error ? err.message : String(err) });
	}
};
