/// <reference lib="webworker" />
/**
 * The deflate worker: compresses the parts of an XLSX export (engine/xlsx/package.ts's
 * NativeDeflatePart) while the analysis worker goes on writing the next sheet rows, so the two
 * run on two cores. Entries are independent; each one's chunks are compressed in order.
 */
import { NativeDeflatePart } from '../engine/xlsx/package';
import type { DeflateRequest, DeflateResponse } from './deflate-protocol';

const post = (msg: DeflateResponse, transfer: Transferable[] = []) =>
	(self as unknown as DedicatedWorkerGlobalScope).postMessage(msg, transfer);

/** each entry and the promise of its work so far: its messages are handled one after another */
const entries = new Map<number, { part: NativeDeflatePart; queue: Promise<void> }>();

self.onmessage = (ev: MessageEvent<DeflateRequest>) => {
	const msg = ev.data;
	if (msg.type === 'open') {
		const part = new NativeDeflatePart('');
		part.ondata = (err, data, final) => {
			if (err) post({ type: 'error', id: msg.id, message: err.message });
			else if (final) post({ type: 'end', id: msg.id, crc: part.crc, size: part.size });
			else if (data.length) post({ type: 'data', id: msg.id, data }, [data.buffer]);
		};
		entries.set(msg.id, { part, queue: Promise.resolve() });
		return;
	}
	const entry = entries.get(msg.id);
	if (!entry) return post({ type: 'error', id: msg.id, message: 'unknown entry' });
	const step = msg.type === 'push' ? () => entry.part.push(msg.chunk) : () => entry.part.end();
	entry.queue = entry.queue.then(step).catch((e: unknown) => {
		post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
	});
	if (msg.type === 'end') void entry.queue.then(() => entries.delete(msg.id));
};
