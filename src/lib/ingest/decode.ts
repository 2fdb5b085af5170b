import type { TextEncodingName } from './types';

/** Signatures of files people drop by mistake; the message names what it is. */
const SIGNATURES: { kind: string; bytes: number[] }[] = [
	{ kind: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
	{ kind: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
	{ kind: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
	{ kind: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46] },
	{ kind: 'Excel workbook (.xlsx) or other ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
	{ kind: 'old Excel workbook (.xls)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
	{ kind: 'GZIP archive', bytes: [0x1f, 0x8b] },
	{ kind: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
	{ kind: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21] }
];

/** Returns what kind of binary file this is, or null when it may be text. */
export function detectBinary(head: Uint8Array, encoding: TextEncodingName): string | null {
	for (const sig of SIGNATURES) {
		if (sig.bytes.every((b, i) => head[i] === b)) return sig.kind;
	}
	if (encoding.startsWith('utf-16')) return null;
	const len = Math.min(head.length, 8192);
	let controls = 0;
	for (let i = 0; i < len; i++) {
		const b = head[i];
		if (b === 0) return 'binary file';
		if (b < 9 || (b > 13 && b < 32 && b !== 26)) controls++;
	}
	return len > 0 && controls / len > 0.05 ? 'binary file' : null;
}

/** Length of the byte-order mark at the start, if any. */
export function bomLength(head: Uint8Array): number {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 3;
	if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 2;
	return 0;
}

/**
 * Detects the text encoding from the first bytes: a BOM wins; then UTF-16 by its zero bytes;
 * then valid UTF-8; otherwise a single-byte code page chosen by letter statistics:
 * Cyrillic words in Windows-1251 are runs of bytes ≥ 0xC0, while Western text in Windows-1252
 * has isolated accented letters between ASCII ones.
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
	return looksCyrillic1251(head.subarray(0, len)) ? 'windows-1251' : 'windows-1252';
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

function looksCyrillic1251(bytes: Uint8Array): boolean {
	let high = 0;
	let highInRun = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b >= 0xc0) {
			high++;
			if ((i > 0 && bytes[i - 1] >= 0xc0) || (i + 1 < bytes.length && bytes[i + 1] >= 0xc0)) highInRun++;
		}
	}
	return high > 0 && highInRun / high > 0.6;
}

/** Decodes a whole buffer with the given encoding, dropping a BOM. */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncodingName): string {
	return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
}
