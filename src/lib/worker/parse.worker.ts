/// <reference lib="webworker" />
/**
 * One core's share of a large import: the analysis worker hands over a later part of a file (text,
 * or bytes to decode) and gets back the rows read from it as transferable columns (see `importSplit`).
 */
import { partBuffers } from '../ingest/build';
import { ImportError } from '../ingest/errors';
import { buildPart, SplitUnsafe } from '../ingest/split';
import type { PartRequest, PartResponse } from './parse-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: PartResponse, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);

scope.onmessage = async (ev: MessageEvent<PartRequest>) => {
	const { job } = ev.data;
	let lastReport = 0;
	try {
		const part = await buildPart(job, { cancelled: () => false }, (done) => {
			const now = performance.now();
			if (now - lastReport < 50) return;
			lastReport = now;
			post({ type: 'progress', done });
		});
		post({ type: 'done', part }, partBuffers(part));
	} catch (err) {
		if (err instanceof SplitUnsafe) post({ type: 'unsafe', reason: err.message });
		else if (err instanceof ImportError) post({ type: 'failed', info: err.info });
		else post({ type: 'crashed', message: err instanceof Error ? err.message : String(err) });
	}
};
