/**
 * Reads a stretch of a file (a part of a large file, README "Performance") straight from the
 * dropped File, a slice at a time: each slice is decoded, checked and parsed by PapaParse's Parser
 * while the next one is read, the unfinished last record carried into the next slice as
 * PapaParse's own streaming does. Neither the stretch's bytes nor its text are ever held whole:
 * reading overlaps parsing, and a worker's memory holds a slice, not its part.
 */
import Papa from 'papaparse';
import { SliceDecoder } from './decode';
import { ImportError } from './errors';
import type { FilePlan, SalesBuilder } from './build';
import { MalformedQuoteScan } from './lenient';
import { afterWaitingMessages } from '../core/message-yield';
import { chunkProblem, withoutFinalNewline } from './parse-records';
import type { Delimiter, Newline } from './sniff';
import type { TextEncodingName } from './types';

/** Bytes read from the file at a time (each read is a request to the browser: not too many). */
const READ_BYTES = 512 * 1024;
/**
 * Characters handed to PapaParse at a time, within a slice read from the file: the records alive at
 * once stay few, so the young-generation collections that run meanwhile promote little to the old
 * generation (500 000 rows read three times in Node: 742 MB promoted with whole 512 KiB slices,
 * 236 MB with 64 KiB pieces).
 */
const PARSE_CHARS = 64 * 1024;

/**
 * Why a stretch cannot be read apart from the rest of its file: bytes that are not UTF-8 after all
 * (`encoding`), or text after closing quotes (`quotes`, the lenient reader needs the whole file).
 */
export class SplitUnsafe extends Error {
	constructor(reason: string) {
		super(reason);
		this.name = 'SplitUnsafe';
	}
}

/** A stretch of a file to stream: its bytes, how they are written, and the file's plan (for names in errors). */
export interface StretchToRead {
	blob: Blob;
	encoding: TextEncodingName;
	delimiter: Delimiter;
	newline: Newline;
	plan: Pick<FilePlan, 'fileName' | 'header'>;
}

/**
 * Streams the records of `s` (from its first byte: a stretch starts at a line start) into
 * `onRecords` (0-based record numbers within the stretch), reading slices of `control.chunkSize`
 * bytes (512 KiB by default) and pausing between them so a cancel is heard. `onFraction` gets
 * 0..1 of the stretch's bytes read. Resolves to the number of records. Rejects with SplitUnsafe
 * (UTF-8 that is not, text after closing quotes: checked on each slice before it is parsed) or
 * ImportError (`read-failed`, `unclosed-quote`, `line-too-long`, `cancelled`); records already
 * passed on stay passed.
 */
export async function streamRecords(
	s: StretchToRead,
	control: {
		cancelled: () => boolean;
		chunkSize?: number;
		/** told once, after the first 1 000 records or the whole stretch: its bytes per record so far */
		onRecordSize?: (bytesPerRecord: number) => void;
	},
	onRecords: (records: string[][], firstIndex: number) => void,
	onFraction: (done: number) => void = () => {}
): Promise<number> {
	const size = s.blob.size;
	const sliceBytes = Math.max(1, control.chunkSize ?? READ_BYTES);
	const decoder = new SliceDecoder(s.encoding);
	const quotes = new MalformedQuoteScan(s.delimiter);
	const config = { delimiter: s.delimiter, newline: s.newline, header: false, skipEmptyLines: false };
	const fileName = s.plan.fileName;
	/** the records not yet finished at the end of the text parsed so far */
	let partial = '';
	/** where `partial` starts, in characters of the stretch */
	let base = 0;
	/** line ends at the end of the text so far: kept back, as the stretch's last ones are dropped */
	let heldBack = '';
	let index = 0;
	const read = (from: number) => readBytes(s.blob.slice(from, Math.min(size, from + sliceBytes)), fileName);
	let next: Promise<Uint8Array> | null = size > 0 ? read(0) : null;
	let at = 0;
	do {
		const bytes = next ? await next : new Uint8Array(0);
		at += bytes.length;
		const last = at >= size;
		// the next slice is read while this one is parsed
		next = last ? null : read(at);
		next?.catch(() => {});
		const text = decoder.decode(bytes, last);
		if (s.encoding === 'utf-8' && text.includes('\ufffd')) throw new SplitUnsafe('encoding');
		if (quotes.scan(text)) throw new SplitUnsafe('quotes');
		let piece = heldBack + text;
		if (last) {
			piece = withoutFinalNewline(piece);
			heldBack = '';
		} else {
			let end = piece.length;
			while (end > 0 && (piece.charCodeAt(end - 1) === 10 || piece.charCodeAt(end - 1) === 13)) end--;
			heldBack = piece.slice(end);
			piece = piece.slice(0, end);
		}
		// parsed PARSE_CHARS at a time
		let from = 0;
		do {
			const to = Math.min(piece.length, from + PARSE_CHARS);
			const final = last && to >= piece.length;
			const aggregate = partial + piece.slice(from, to);
			const results = new Papa.Parser(config as Papa.ParseConfig).parse(aggregate, base, !final) as Papa.ParseResult<
				string[]
			>;
			const cursor = results.meta.cursor;
			const problem = chunkProblem(results, cursor - base, index, s.plan);
			if (problem) throw problem;
			if (!final) {
				partial = aggregate.substring(cursor - base);
				base = cursor;
			}
			if (results.data.length > 0) onRecords(results.data, index);
			index += results.data.length;
			from = to;
		} while (from < piece.length);
		if (control.onRecordSize && index > 0 && (index >= 1000 || last)) {
			control.onRecordSize(at / index);
			control = { ...control, onRecordSize: undefined };
		}
		onFraction(size === 0 ? 1 : at / size);
		if (!last) await afterWaitingMessages();
		if (control.cancelled()) throw new ImportError({ code: 'cancelled', file: fileName });
	} while (next);
	return index;
}

/**
 * Makes room in `builder` for the rows of `bytes` more bytes at `bytesPerRecord` (what
 * `onRecordSize` told), 2 % over; never more than a row per 16 bytes, so a first slice of short
 * lines cannot reserve a column many times the file.
 */
export function reserveFor(builder: Pick<SalesBuilder, 'reserve'>, bytes: number, bytesPerRecord: number): void {
	builder.reserve(Math.min(Math.ceil((bytes / Math.max(1, bytesPerRecord)) * 1.02), Math.ceil(bytes / 16)));
}

/**
 * The bytes of (a stretch of) a file; rejects with ImportError `read-failed` when the browser cannot
 * read it (the file was changed or removed after it was dropped).
 */
export async function readBytes(blob: Blob, fileName: string): Promise<Uint8Array> {
	try {
		return new Uint8Array(await blob.arrayBuffer());
	} catch (err) {
		throw new ImportError({
			code: 'read-failed',
			file: fileName,
			detail: err instanceof Error ? err.message : String(err)
		});
	}
}
