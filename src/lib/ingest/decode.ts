/**
 * Bytes to text: recognises binary files and encodings from a file's start (BOM, UTF-8 validity,
 * the single-byte code page its letters point to) and decodes a sample or a whole file.
 */
import type { TextEncodingName } from './types';

/** What a file that is not text looks like; the page names it in the UI language (`fileKind.<kind>`). */
export type BinaryKind = 'png' | 'jpeg' | 'gif' | 'pdf' | 'xlsx' | 'xls' | 'gzip' | '7z' | 'rar' | 'binary';

/** Signatures of files people drop by mistake; the message names what it is. */
const SIGNATURES: { kind: BinaryKind; bytes: number[] }[] = [
	{ kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47] },
	{ kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
	{ kind: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] },
	{ kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46] },
	{ kind: 'xlsx', bytes: [0x50, 0x4b, 0x03, 0x04] },
	{ kind: 'xls', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
	{ kind: 'gzip', bytes: [0x1f, 0x8b] },
	{ kind: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
	{ kind: 'rar', bytes: [0x52, 0x61, 0x72, 0x21] }
];

/** Returns what kind of binary file this is, or null when it may be text. */
export function detectBinary(head: Uint8Array, encoding: TextEncodingName): BinaryKind | null {
	for (const sig of SIGNATURES) {
		if (sig.bytes.every((b, i) => head[i] === b)) return sig.kind;
	}
	if (encoding.startsWith('utf-16')) return null;
	const len = Math.min(head.length, 8192);
	let controls = 0;
	for (let i = 0; i < len; i++) {
		const b = head[i];
		if (b === 0) return 'binary';
		if (b < 9 || (b > 13 && b < 32 && b !== 26)) controls++;
	}
	return len > 0 && controls / len > 0.05 ? 'binary' : null;
}

/** Length of the byte-order mark at the start, if any. */
export function bomLength(head: Uint8Array): number {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 3;
	if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 2;
	return 0;
}

/**
 * Detects the text encoding from the first bytes: a BOM wins; then UTF-16 by its zero bytes;
 * then valid UTF-8; otherwise a single-byte code page chosen by its words (see `singleByteEncoding`).
 */
export function detectEncoding(head: Uint8Array): TextEncodingName {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	const len = Math.min(head.length, 65536);
	let zeroEven = 0;
	let zeroOdd = 0;
	for (let i = 0; i < Math.min(len, 4096); i++) {
		if (head[i] === 0) {
			if (i % 2 === 0) zeroEven++;
			else zeroOdd++;
		}
	}
	const pairs = Math.min(len, 4096) / 2;
	if (pairs > 2 && zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'utf-16le';
	if (pairs > 2 && zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'utf-16be';
	if (isValidUtf8(head.subarray(0, len), len < head.length)) return 'utf-8';
	// UTF-8 with a few broken bytes (a name cut mid-letter by a database export) is still UTF-8
	if (mostlyUtf8(decodeBytes(head.subarray(0, len), 'utf-8'))) return 'utf-8';
	return singleByteEncoding(head.subarray(0, len));
}

/**
 * True when text decoded as UTF-8 has at least as many real non-ASCII characters as replacement
 * characters: single-byte text read as UTF-8 is nearly all U+FFFD where its letters were.
 */
function mostlyUtf8(text: string): boolean {
	let bad = 0;
	let good = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0xfffd) bad++;
		else if (c >= 0x80) good++;
	}
	return good > 0 && good >= bad;
}

/** True when the bytes are valid UTF-8; a sequence cut at the end of a sample is allowed. */
export function isValidUtf8(bytes: Uint8Array, truncated: boolean): boolean {
	let end = bytes.length;
	if (truncated) {
		// step back over a possibly cut multi-byte sequence
		let back = 0;
		while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xc0) === 0x80) back++;
		if (end - back - 1 >= 0 && bytes[end - back - 1] >= 0xc0) end = end - back - 1;
	}
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
		return true;
	} catch {
		return false;
	}
}

/** A letter byte in Windows-1251 or -1252: ASCII letters, 0xC0..0xFF, and Ё/ё (0xA8, 0xB8). */
function isLetterByte(b: number): boolean {
	return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b >= 0xc0 || b === 0xa8 || b === 0xb8;
}

/**
 * Windows-1251 or Windows-1252, by the words that hold bytes >= 0x80: a Cyrillic word is all
 * such bytes ('Ромашка'), while a Western accented letter sits inside a word with ASCII letters
 * ('Café', 'Müßig', 'Distribuição'): adjacent accented letters alone do not make a file Cyrillic.
 */
export function singleByteEncoding(bytes: Uint8Array): 'windows-1251' | 'windows-1252' {
	let cyrillic = 0;
	let western = 0;
	const n = bytes.length;
	for (let i = 0; i < n;) {
		if (!isLetterByte(bytes[i])) {
			i++;
			continue;
		}
		let high = 0;
		let ascii = 0;
		for (; i < n && isLetterByte(bytes[i]); i++) {
			if (bytes[i] >= 0x80) high++;
			else ascii++;
		}
		if (high === 0) continue;
		if (ascii > 0) western++;
		else if (high >= 2) cyrillic++;
	}
	return cyrillic > western ? 'windows-1251' : 'windows-1252';
}

/**
 * Windows-1252 bytes 0x80..0x9F. Browsers decode them so; some Node versions (20.18.3+, 22.13+)
 * decode 'windows-1252' as Latin-1 and leave C1 controls, which are mapped back here.
 */
const CP1252_C1 =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1 = /[\u0080-\u009f]/g;

/** Decodes a whole buffer with the given encoding, dropping a BOM. */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncodingName): string {
	return withCp1252(new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes), encoding);
}

/**
 * Decodes a stretch of bytes slice by slice: a character cut between two slices is decoded whole
 * (with the later one), a BOM at the start is dropped. `decode(bytes, last)`: the text of these
 * bytes (and what the slice before left unfinished); `last` for the final slice.
 */
export class SliceDecoder {
	private readonly decoder: TextDecoder;
	constructor(private readonly encoding: TextEncodingName) {
		this.decoder = new TextDecoder(encoding, { ignoreBOM: false });
	}
	decode(bytes: Uint8Array, last: boolean): string {
		return withCp1252(this.decoder.decode(bytes, { stream: !last }), this.encoding);
	}
}

function withCp1252(text: string, encoding: TextEncodingName): string {
	if (encoding !== 'windows-1252' || text.search(C1) < 0) return text;
	return text.replace(C1, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]);
}

/**
 * Decodes a whole file read as UTF-8 because its start was plain ASCII. When the rest turns out
 * not to be UTF-8 (a Latin-1 or Windows-1251 name far down a big file), the file is decoded with
 * the single-byte code page its words point to, instead of turning every such letter into '\uFFFD'.
 * A UTF-8 file with a few broken bytes stays UTF-8: its valid multi-byte letters outnumber them.
 */
export function decodeUtf8OrFallback(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
	const text = decodeBytes(bytes, 'utf-8');
	if (!text.includes('\ufffd') || mostlyUtf8(text)) return { text, encoding: 'utf-8' };
	const encoding = singleByteEncoding(bytes);
	return { text: decodeBytes(bytes, encoding), encoding };
}

/**
 * Decodes a whole file with the sniffed encoding. UTF-8 guessed from a plain-ASCII start (no BOM)
 * is checked against the whole file: a single-byte file whose first accented letter comes after
 * the sniffed sample is decoded with its code page (`encoding` then says which).
 */
export function decodeFile(
	bytes: Uint8Array,
	encoding: TextEncodingName
): { text: string; encoding: TextEncodingName } {
	const bom = bomLength(bytes);
	if (encoding === 'utf-8' && bom === 0) return decodeUtf8OrFallback(bytes);
	return { text: decodeBytes(bytes.subarray(bom), encoding), encoding };
}

/** Decodes a whole in-memory file (tests and small files) the way the worker reads one. */
export function decodeWhole(bytes: Uint8Array, encoding: TextEncodingName): string {
	return decodeFile(bytes, encoding).text;
}
