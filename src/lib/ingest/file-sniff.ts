/**
 * File-type sniffing: reads the start of a file (its first SAMPLE_BYTES), refuses what cannot be a
 * sales table (empty, too large, binary, an unclosed quote, no data rows) and proposes how to read
 * the rest (encoding, then sniff.ts for delimiter, header and auto-mapping).
 */
import { decodeBytes, detectBinary, detectEncoding } from './decode';
import { ImportError } from './errors';
import { sniffText, type SniffHints, type TextSniff } from './sniff';
import type { TextEncodingName } from './types';

/** Bytes read from the start of a file to sniff it. */
export const SAMPLE_BYTES = 256 * 1024;
/**
 * Above this a file is refused up front: the worker holds the bytes, the decoded text and the
 * columns at once (a 405 MB file peaks at ~1.4 GB), and a browser tab dies around 4 GB.
 */
export const MAX_FILE_BYTES = 700 * 1024 * 1024;

export interface FileSniff extends TextSniff {
	fileName: string;
	/** bytes */
	size: number;
	encoding: TextEncodingName;
}

export interface SniffOverrides extends SniffHints {
	encoding?: TextEncodingName;
}

/**
 * Reads the start of a file and proposes how to read it. Rejects with ImportError for unusable
 * files: `empty-file`, `too-large` (over MAX_FILE_BYTES), `binary-file`, `unclosed-quote` (in a
 * sample holding the whole file), `no-data-rows`.
 */
export async function sniffFile(file: Blob, fileName: string, overrides: SniffOverrides = {}): Promise<FileSniff> {
	if (file.size === 0) throw new ImportError({ code: 'empty-file', file: fileName });
	if (file.size > MAX_FILE_BYTES) {
		throw new ImportError({
			code: 'too-large',
			file: fileName,
			neededMb: Math.ceil(file.size / 1048576),
			availableMb: MAX_FILE_BYTES / 1048576
		});
	}
	const head = new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer());
	const encoding = overrides.encoding ?? detectEncoding(head);
	const binary = detectBinary(head, encoding);
	if (binary) throw new ImportError({ code: 'binary-file', file: fileName, detail: binary });
	const text = decodeBytes(head, encoding);
	const truncated = file.size > head.length;
	// nothing but line breaks, spaces and delimiters (a formatted but empty range saved as ';;;;')
	if (text.trim() === '' || (!truncated && /^[\s,;|]*$/.test(text)))
		throw new ImportError({ code: 'empty-file', file: fileName });
	const sniff = sniffText(text, truncated, overrides);
	if (sniff.header.length === 0) throw new ImportError({ code: 'empty-file', file: fileName });
	if (sniff.unclosedQuote) {
		const { record, field } = sniff.unclosedQuote;
		throw new ImportError({
			code: 'unclosed-quote',
			file: fileName,
			row: record + 1,
			column: field + 1,
			header: sniff.header[field]
		});
	}
	if (sniff.rows.length === 0 && !truncated) throw new ImportError({ code: 'no-data-rows', file: fileName });
	return { ...sniff, fileName, size: file.size, encoding };
}
