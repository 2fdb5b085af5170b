/**
 * The analysis worker's side of the deflate worker: a `Compressor` (engine/xlsx/package.ts) whose
 * parts send their chunks to the deflate worker and hand its compressed data to the Zip, so the
 * sheets' XML is written here while the previous megabyte is compressed there.
 */
import type { AsyncFlateStreamHandler } from 'fflate';
import { FIXED_TIME, type DeflatePart } from '../engine/xlsx/package';
import type { DeflateRequest, DeflateResponse } from './deflate-protocol';

class RemoteDeflatePart implements DeflatePart {
	readonly compression = 8;
	crc = 0;
	size = 0;
	mtime = FIXED_TIME;
	ondata?: AsyncFlateStreamHandler;
	private settle!: { resolve: () => void; reject: (e: Error) => void };
	readonly ended = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));

	constructor(
		readonly filename: string,
		readonly id: number,
		private readonly send: (msg: DeflateRequest, transfer?: Transferable[]) => void
	) {
		// a rejection nobody awaits yet (the Zip is still writing earlier parts) is not an error
		this.ended.catch(() => {});
		send({ type: 'open', id });
	}

	async push(chunk: Uint8Array): Promise<void> {
		this.size += chunk.length;
		// hand the bytes over; a view into a larger buffer is copied first
		const own =
			chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer
				? (chunk as Uint8Array<ArrayBuffer>)
				: chunk.slice();
		this.send({ type: 'push', id: this.id, chunk: own }, [own.buffer]);
	}

	async end(): Promise<void> {
		this.send({ type: 'end', id: this.id });
		await this.ended;
	}

	receive(msg: DeflateResponse): void {
		if (msg.type === 'data') this.ondata!(null, msg.data, false);
		else if (msg.type === 'error') this.settle.reject(new Error(`compressing ${this.filename}: ${msg.message}`));
		else if (msg.size !== this.size % 2 ** 32)
			this.settle.reject(new Error(`${this.filename}: the compressor lost bytes`));
		else {
			this.crc = msg.crc;
			this.ondata!(null, new Uint8Array(0), true);
			this.settle.resolve();
		}
	}
}

/**
 * A deflate worker for one export: `compressor` makes its parts, `close()` ends the worker (after
 * the file is written, or when the export stops early). A crashed worker fails the parts still open.
 */
export function remoteDeflate(create: () => Worker): { compressor: (filename: string) => DeflatePart; close(): void } {
	const worker = create();
	const parts = new Map<number, RemoteDeflatePart>();
	let next = 1;
	worker.onmessage = (ev: MessageEvent<DeflateResponse>) => {
		const part = parts.get(ev.data.id);
		if (!part) return;
		if (ev.data.type !== 'data') parts.delete(ev.data.id);
		part.receive(ev.data);
	};
	worker.onerror = (ev) => {
		ev.preventDefault?.();
		for (const [id, part] of parts) part.receive({ type: 'error', id, message: ev.message || 'the worker stopped' });
		parts.clear();
	};
	const send = (msg: DeflateRequest, transfer: Transferable[] = []) => worker.postMessage(msg, transfer);
	return {
		compressor: (filename) => {
			const part = new RemoteDeflatePart(filename, next++, send);
			parts.set(part.id, part);
			return part;
		},
		close: () => worker.terminate()
	};
}
