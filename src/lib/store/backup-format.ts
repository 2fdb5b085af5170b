/**
 * The backup file format: a document ⇄ the bytes of a backup file (serialisation only; what the
 * document must hold is checked in backup-read.ts, the database side is backup.ts).
 *
 * File format (BACKUP_VERSION 1): a UTF-8 JSON document, gzip-compressed when the platform has
 * CompressionStream. `format` is the first key so a damaged file can still be recognised as ours.
 * Values JSON cannot carry are tagged objects:
 *   typed arrays        { "$typed": "Float64Array" | "Int32Array" | "Uint8Array" | …, "base64": "…" }
 *                       (the elements' bytes, little-endian, in standard base64)
 *   NaN / ±Infinity     { "$num": "NaN" | "Infinity" | "-Infinity" }
 *   Date                { "$date": <ms since epoch> }
 */
export const BACKUP_FORMAT = 'paretoscope-backup';
export const BACKUP_VERSION = 1;

export type BackupErrorCode = 'not-a-backup' | 'corrupt' | 'newer-version';

/** Why a file cannot be read as a backup: `code` for the UI, `detail` (English) for the log. */
export class BackupError extends Error {
	code: BackupErrorCode;
	detail?: string;
	constructor(code: BackupErrorCode, detail?: string) {
		super(detail ? `${code}: ${detail}` : code);
		this.name = 'BackupError';
		this.code = code;
		this.detail = detail;
	}
}

// ---------------------------------------------------------------------------------------------
// typed arrays ⇄ base64

export type TypedArray =
	| Float64Array
	| Float32Array
	| Int32Array
	| Uint32Array
	| Int16Array
	| Uint16Array
	| Int8Array
	| Uint8Array
	| Uint8ClampedArray;

type TypedCtor = { new (buffer: ArrayBuffer): TypedArray; BYTES_PER_ELEMENT: number };

const TYPED: Record<string, TypedCtor> = {
	Float64Array,
	Float32Array,
	Int32Array,
	Uint32Array,
	Int16Array,
	Uint16Array,
	Int8Array,
	Uint8Array,
	Uint8ClampedArray
};

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function swapBytes(bytes: Uint8Array, width: number): void {
	if (width === 1) return;
	for (let i = 0; i < bytes.length; i += width) {
		for (let a = i, b = i + width - 1; a < b; a++, b--) {
			const t = bytes[a];
			bytes[a] = bytes[b];
			bytes[b] = t;
		}
	}
}

function typedName(v: unknown): string | null {
	if (!ArrayBuffer.isView(v) || v instanceof DataView) return null;
	const name = (v as TypedArray).constructor.name;
	return Object.hasOwn(TYPED, name) ? name : null;
}

const B64_CHUNK = 0x6000 * 3; // a multiple of 3, so chunk encodings concatenate

/** Bytes → standard padded base64, in chunks (no call-stack limit on large arrays). */
export function bytesToBase64(bytes: Uint8Array): string {
	const parts: string[] = [];
	for (let i = 0; i < bytes.length; i += B64_CHUNK) {
		const chunk = bytes.subarray(i, Math.min(i + B64_CHUNK, bytes.length));
		let s = '';
		for (let j = 0; j < chunk.length; j += 0x2000) {
			s += String.fromCharCode.apply(null, chunk.subarray(j, j + 0x2000) as unknown as number[]);
		}
		parts.push(btoa(s));
	}
	return parts.join('');
}

/** Strict: throws on anything that is not canonical padded base64. */
export function base64ToBytes(b64: string): Uint8Array {
	if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new Error('bad base64');
	const bin = atob(b64);
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}

function encodeTyped(name: string, arr: TypedArray): { $typed: string; base64: string } {
	let bytes = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
	if (!LITTLE_ENDIAN && arr.BYTES_PER_ELEMENT > 1) {
		bytes = bytes.slice();
		swapBytes(bytes, arr.BYTES_PER_ELEMENT);
	}
	return { $typed: name, base64: bytesToBase64(bytes) };
}

function decodeTyped(name: string, b64: string): TypedArray {
	const Ctor = TYPED[name];
	const bytes = base64ToBytes(b64); // a fresh, aligned buffer
	if (bytes.length % Ctor.BYTES_PER_ELEMENT !== 0) throw new Error('typed array byte length');
	if (!LITTLE_ENDIAN) swapBytes(bytes, Ctor.BYTES_PER_ELEMENT);
	return new Ctor(bytes.buffer as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// tagged JSON

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
	const raw = this[key];
	const t = typedName(raw);
	if (t) return encodeTyped(t, raw as TypedArray);
	if (raw instanceof Date) return { $date: raw.getTime() };
	if (typeof value === 'number' && !Number.isFinite(value)) return { $num: String(value) };
	if (
		raw instanceof Map ||
		raw instanceof Set ||
		raw instanceof ArrayBuffer ||
		raw instanceof DataView ||
		(typeof Blob !== 'undefined' && raw instanceof Blob)
	) {
		throw new Error(`A backup cannot hold a ${Object.prototype.toString.call(raw)} (at "${key}")`);
	}
	return value;
}

/** Parses with the tags decoded; a malformed tag is recorded (not thrown) so the format marker is judged first. */
function parseTagged(text: string): { doc: unknown; tagErrors: string[] } {
	const tagErrors: string[] = [];
	const bad = (what: string) => {
		tagErrors.push(what);
		return null;
	};
	const doc = JSON.parse(text, (_key, value: unknown) => {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
		const o = value as Record<string, unknown>;
		if ('$typed' in o) {
			if (
				Object.keys(o).length !== 2 ||
				typeof o.$typed !== 'string' ||
				!Object.hasOwn(TYPED, o.$typed) ||
				typeof o.base64 !== 'string'
			) {
				return bad('malformed typed array');
			}
			try {
				return decodeTyped(o.$typed, o.base64);
			} catch {
				return bad(`undecodable ${o.$typed}`);
			}
		}
		if ('$num' in o && Object.keys(o).length === 1) {
			if (o.$num === 'NaN') return NaN;
			if (o.$num === 'Infinity') return Infinity;
			if (o.$num === '-Infinity') return -Infinity;
			return bad('malformed number');
		}
		if ('$date' in o && Object.keys(o).length === 1) {
			return typeof o.$date === 'number' ? new Date(o.$date) : bad('malformed date');
		}
		return value;
	});
	return { doc, tagErrors };
}

// ---------------------------------------------------------------------------------------------
// gzip

async function gzip(bytes: Uint8Array): Promise<Blob | null> {
	if (typeof CompressionStream === 'undefined') return null;
	try {
		const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
		return new Blob([await new Response(stream).arrayBuffer()], { type: 'application/gzip' });
	} catch {
		return null;
	}
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
	if (typeof DecompressionStream === 'undefined') throw new BackupError('corrupt', 'gzip is not supported here');
	try {
		const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
		return new Uint8Array(await new Response(stream).arrayBuffer());
	} catch (err) {
		throw new BackupError('corrupt', `gzip: ${err instanceof Error ? err.message : String(err)}`);
	}
}

// ---------------------------------------------------------------------------------------------
// document ⇄ file

/**
 * A document as a backup file: tagged JSON, gzip-compressed (`application/gzip`) when the platform
 * can, else plain (`application/json`). Pass the document with `format` as its first key. Throws
 * (a plain Error) when the document holds a value the format cannot carry (Map, Set, ArrayBuffer,
 * DataView, Blob).
 */
export async function encodeBackup(doc: Record<string, unknown>): Promise<Blob> {
	const bytes = new TextEncoder().encode(JSON.stringify(doc, replacer));
	return (await gzip(bytes)) ?? new Blob([bytes as BlobPart], { type: 'application/json' });
}

const LOOKS_OURS = new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${BACKUP_FORMAT}"`);

/**
 * A backup file's bytes (gzip or plain UTF-8 JSON) as a document with its tags decoded; not yet
 * checked against the format marker or the version. A malformed tag does not throw: it is listed
 * in `tagErrors`. Throws a BackupError: 'not-a-backup' (not UTF-8 text, not a JSON object, or
 * invalid JSON that does not start like ours), 'corrupt' (damaged gzip, or our JSON truncated).
 */
export async function decodeBackup(file: Blob): Promise<{ doc: unknown; tagErrors: string[] }> {
	let bytes: Uint8Array = new Uint8Array(await file.arrayBuffer());
	if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = await gunzip(bytes);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		throw new BackupError('not-a-backup', 'not UTF-8 text');
	}
	if (!/^\s*\{/.test(text)) throw new BackupError('not-a-backup', 'not a JSON object');
	try {
		return parseTagged(text);
	} catch {
		if (LOOKS_OURS.test(text)) throw new BackupError('corrupt', 'truncated or malformed JSON');
		throw new BackupError('not-a-backup', 'not valid JSON');
	}
}
