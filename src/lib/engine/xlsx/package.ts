/**
 * The ZIP container of a workbook: fflate's streaming Zip holds the parts, each DEFLATEd as its
 * chunks arrive, with a fixed timestamp so the same workbook gives the same bytes. The platform's
 * CompressionStream compresses when there is one (browsers, Node): about twice as fast as
 * DEFLATE in JavaScript and a quarter smaller; its gzip framing gives the CRC-32 the ZIP entry
 * needs. Elsewhere fflate's DEFLATE (level 1) does it.
 */
import { Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';

/** 1980-01-01 00:00 local time, the earliest a ZIP entry can carry: deterministic output. */
export const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** A ZIP entry (DEFLATE, method 8) that compresses the chunks pushed into it and reports them to the Zip by `ondata`. */
export type DeflatePart = ZipInputFile & PartStream;

/**
 * 'native': CompressionStream in this thread; 'fflate': DEFLATE in JavaScript; a function: a
 * part made elsewhere (the analysis worker hands the compression to a worker of its own).
 */
export type Compressor = 'native' | 'fflate' | ((filename: string) => DeflatePart);

export const defaultCompressor = (): Compressor => (typeof CompressionStream === 'function' ? 'native' : 'fflate');

/** One part being written: push its chunks in order (each push may wait for the compressor), then `end()`. */
export interface PartStream {
	push(chunk: Uint8Array): Promise<void>;
	end(): Promise<void>;
}

/** A ZIP entry compressed by CompressionStream('gzip'): the gzip header is dropped, its trailer gives CRC and size. */
export class NativeDeflatePart implements DeflatePart {
	readonly compression = 8;
	crc = 0;
	size = 0;
	mtime = FIXED_TIME;
	ondata?: AsyncFlateStreamHandler;
	private writer: WritableStreamDefaultWriter<BufferSource>;
	private reading: Promise<void>;

	constructor(readonly filename: string) {
		const gzip = new CompressionStream('gzip');
		this.writer = gzip.writable.getWriter();
		this.reading = this.read(gzip.readable.getReader());
	}

	async push(chunk: Uint8Array): Promise<void> {
		this.size += chunk.length;
		await this.writer.ready;
		void this.writer.write(chunk as Uint8Array<ArrayBuffer>);
	}

	async end(): Promise<void> {
		await this.writer.close();
		await this.reading;
	}

	private async read(reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>): Promise<void> {
		const framing = new GzipFraming();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			const body = framing.body(value);
			if (body.length) this.ondata!(null, body, false);
		}
		const trailer = framing.trailer();
		if (trailer.size !== this.size % 2 ** 32) throw new Error(`${this.filename}: the compressor lost bytes`);
		this.crc = trailer.crc;
		this.ondata!(null, new Uint8Array(0), true);
	}
}

/**
 * The DEFLATE data inside a gzip stream (RFC 1952) as it arrives: the header (10 bytes and its
 * optional fields) is skipped and the last 8 bytes, CRC-32 and size, are held back.
 */
type Bytes = Uint8Array<ArrayBuffer>;

export class GzipFraming {
	/** bytes before the header is complete */
	private head: Bytes | null = new Uint8Array(0);
	private tail: Bytes = new Uint8Array(0);

	body(chunk: Bytes): Bytes {
		let data = chunk;
		if (this.head) {
			const head = concat(this.head, chunk);
			const len = headerLength(head);
			if (len < 0) {
				this.head = head;
				return new Uint8Array(0);
			}
			this.head = null;
			data = head.subarray(len);
		}
		const all = concat(this.tail, data);
		const cut = Math.max(0, all.length - 8);
		this.tail = all.slice(cut);
		return all.subarray(0, cut);
	}

	trailer(): { crc: number; size: number } {
		if (this.head || this.tail.length !== 8) throw new Error('The gzip stream ended early.');
		const v = new DataView(this.tail.buffer, this.tail.byteOffset, 8);
		return { crc: v.getUint32(0, true), size: v.getUint32(4, true) };
	}
}

function concat(a: Bytes, b: Bytes): Bytes {
	if (a.length === 0) return b;
	const all = new Uint8Array(a.length + b.length);
	all.set(a);
	all.set(b, a.length);
	return all;
}

/** The length of the gzip header at the start of `h` once all of it is there, else -1. */
function headerLength(h: Uint8Array): number {
	if (h.length < 10) return -1;
	if (h[0] !== 0x1f || h[1] !== 0x8b || h[2] !== 8) throw new Error('Not a gzip stream.');
	const flags = h[3];
	let p = 10;
	if (flags & 4) {
		if (h.length < p + 2) return -1;
		p += 2 + (h[p] | (h[p + 1] << 8));
	}
	for (const bit of [8, 16]) {
		if (!(flags & bit)) continue;
		while (p < h.length && h[p] !== 0) p++;
		if (p >= h.length) return -1;
		p++;
	}
	if (flags & 2) p += 2;
	return h.length >= p ? p : -1;
}

/** A ZIP entry DEFLATEd by fflate. */
function fflatePart(filename: string): { file: ZipInputFile; stream: PartStream } {
	const file = new ZipDeflate(filename, { level: 1 });
	file.mtime = FIXED_TIME;
	return {
		file,
		stream: {
			push: async (chunk) => file.push(chunk),
			end: async () => file.push(new Uint8Array(0), true)
		}
	};
}

/** Parts written one after another into one .xlsx file; `bytes()` after the last part has ended. */
export class PackageWriter {
	private out: Uint8Array[] = [];
	private size = 0;
	private failure: Error | null = null;
	private zip = new Zip((err, chunk) => {
		if (err) this.failure ??= err;
		else {
			this.out.push(chunk);
			this.size += chunk.length;
		}
	});

	constructor(private readonly compressor: Compressor = defaultCompressor()) {}

	/** A part whose bytes come in chunks; the previous part must have ended. */
	part(path: string): PartStream {
		if (this.compressor !== 'fflate') {
			const part = this.compressor === 'native' ? new NativeDeflatePart(path) : this.compressor(path);
			this.zip.add(part);
			return part;
		}
		const { file, stream } = fflatePart(path);
		this.zip.add(file);
		return stream;
	}

	/** A part whose bytes are all known. */
	async add(path: string, bytes: Uint8Array): Promise<void> {
		const p = this.part(path);
		await p.push(bytes);
		await p.end();
	}

	/** The finished file. */
	bytes(): Uint8Array {
		this.zip.end();
		if (this.failure) throw this.failure;
		const all = new Uint8Array(this.size);
		let at = 0;
		for (const c of this.out) {
			all.set(c, at);
			at += c.length;
		}
		this.out = [];
		return all;
	}
}
