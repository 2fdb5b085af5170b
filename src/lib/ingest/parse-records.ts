/**
 * Streams a decoded file's records through PapaParse in chunks (or the lenient reader for text
 * after closing quotes) into a callback or a SalesBuilder, yielding between chunks so a cancel is
 * heard. Rejects with ImportError on a broken structure: an unclosed quote, a record over
 * MAX_RECORD_CHARS, a cancel.
 */
import Papa from 'papaparse';
import { runAfterWaitingMessages } from '../core/message-yield';
import type { SalesBuilder } from './build';
import { ImportError } from './errors';
import type { FileToImport, ImportControl } from './import-types';
import { hasMalformedQuotes, parseLenient } from './lenient';

/** A record longer than this is not a sales row: stop with a clear error instead of exhausting memory. */
export const MAX_RECORD_CHARS = 1_000_000;

/**
 * Characters PapaParse reads between two pauses (a cancel is heard, progress posted). Under half of
 * MAX_RECORD_CHARS: a chunk then spans more than that only when it holds a record near the limit,
 * and only such a chunk has its fields measured. Small, so few records are alive at once (fewer
 * promoted to the old generation by the collections meanwhile, see stream-records.ts).
 */
export const CHUNK_CHARS = 64 * 1024;

/** Streams one file through PapaParse in chunks; rejects with ImportError on a broken structure. Resolves to the number of records. */
export function parseRecords(
	f: FileToImport,
	control: ImportControl,
	onRecords: (records: string[][], firstIndex: number) => void,
	onBytes: (bytes: number) => void
): Promise<number> {
	if (hasMalformedQuotes(f.text, f.delimiter)) return parseRecordsLeniently(f, control, onRecords, onBytes);
	return parseRecordsWithPapa(f, control, onRecords, onBytes);
}

/**
 * Reads a whole file's records into the builder (Papa, or the lenient reader for text after
 * closing quotes); `firstRecord` numbers a stretch that starts later in the file. Resolves to the
 * number of records read; rejects as `parseRecords`.
 */
export function readInto(
	builder: SalesBuilder,
	f: FileToImport,
	control: ImportControl,
	onBytes: (bytes: number) => void,
	firstRecord = 0
): Promise<number> {
	return parseRecords(f, control, recordsInto(builder, firstRecord), onBytes);
}

/** The records callback that adds each record to `builder`, numbered from `firstRecord` (0-based record index). */
export function recordsInto(builder: SalesBuilder, firstRecord = 0): (records: string[][], firstIndex: number) => void {
	return (records, first) => {
		for (let r = 0; r < records.length; r++) builder.addRecord(records[r], firstRecord + first + r);
	};
}

/** The rare file with text after a closing quote: read it the way spreadsheets do (see lenient.ts). */
async function parseRecordsLeniently(
	f: FileToImport,
	control: ImportControl,
	onRecords: (records: string[][], firstIndex: number) => void,
	onBytes: (bytes: number) => void
): Promise<number> {
	const { records, unclosed } = parseLenient(f.text, f.delimiter, f.newline);
	if (unclosed) {
		throw new ImportError({
			code: 'unclosed-quote',
			file: f.plan.fileName,
			row: unclosed.record + 1,
			column: unclosed.field + 1,
			header: f.plan.header[unclosed.field]
		});
	}
	if (control.cancelled()) throw new ImportError({ code: 'cancelled', file: f.plan.fileName });
	const tooLong = findTooLong(records, 0, f.plan.fileName);
	if (tooLong) throw tooLong;
	onRecords(records, 0);
	onBytes(f.size);
	return records.length;
}

/** The first field longer than MAX_RECORD_CHARS in these records, as the error to stop with. */
function findTooLong(records: string[][], firstIndex: number, fileName: string): ImportError | null {
	for (let r = 0; r < records.length; r++) {
		const rec = records[r];
		for (let c = 0; c < rec.length; c++) {
			if (rec[c].length > MAX_RECORD_CHARS) {
				return new ImportError({ code: 'line-too-long', file: fileName, row: firstIndex + r + 1, column: c + 1 });
			}
		}
	}
	return null;
}

/**
 * Streams `f.text` through PapaParse in chunks of `control.chunkSize` characters (`CHUNK_CHARS` by
 * default), pausing between chunks; `onBytes` gets the bytes of `f` read so far. Resolves to the
 * number of records; rejects with ImportError (`unclosed-quote`, `line-too-long`, `cancelled`,
 * `read-failed`). Text after closing quotes is the caller's to route to the lenient reader.
 */
export function parseRecordsWithPapa(
	f: FileToImport,
	control: Pick<ImportControl, 'cancelled' | 'chunkSize'>,
	onRecords: (records: string[][], firstIndex: number) => void,
	onBytes: (bytes: number) => void
): Promise<number> {
	return new Promise((resolve, reject) => {
		let index = 0;
		/** where the records before this chunk ended, in characters of `f.text` */
		let cursor = 0;
		let failed = false;
		const chunkSize = control.chunkSize ?? CHUNK_CHARS;
		const fail = (err: unknown, parser?: Papa.Parser) => {
			failed = true;
			parser?.abort();
			reject(err);
		};
		// chunkSize/chunk are valid for string input too; the typings only list them for files
		const config = {
			delimiter: f.delimiter,
			newline: f.newline,
			header: false,
			skipEmptyLines: false,
			chunkSize,
			chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
				if (failed) return;
				if (control.cancelled()) return fail(new ImportError({ code: 'cancelled', file: f.plan.fileName }), parser);
				const data = results.data;
				const problem = chunkProblem(results, results.meta.cursor - cursor, index, f.plan);
				cursor = results.meta.cursor;
				if (problem) return fail(problem, parser);
				onRecords(data, index);
				index += data.length;
				onBytes((results.meta.cursor / Math.max(1, f.text.length)) * f.size);
				// PapaParse runs string chunks back to back; pausing lets the worker hear a cancel
				// (and post progress) between chunks
				parser.pause();
				runAfterWaitingMessages(() => parser.resume());
			},
			complete() {
				if (!failed) resolve(index);
			},
			error(err: Error) {
				fail(new ImportError({ code: 'read-failed', file: f.plan.fileName, detail: err.message }));
			}
		};
		Papa.parse(withoutFinalNewline(f.text), config as Papa.ParseConfig<string[]>);
	});
}

/**
 * What stops the reading at a chunk of parsed records (`index`: the 0-based record number of its
 * first record; `spanned`: the characters it covers), or null: an unclosed quote or a field over
 * MAX_RECORD_CHARS (of two, the one further up the file). Strips a BOM the decoder kept from the
 * file's first record.
 */
export function chunkProblem(
	results: Pick<Papa.ParseResult<string[]>, 'data' | 'errors'>,
	spanned: number,
	index: number,
	plan: Pick<FileToImport['plan'], 'fileName' | 'header'>
): ImportError | null {
	const data = results.data;
	// a field over the limit needs a chunk of records over it: most chunks need no look
	const tooLong = spanned > MAX_RECORD_CHARS ? findTooLong(data, index, plan.fileName) : null;
	const broken = results.errors.find((e: Papa.ParseError) => e.code === 'MissingQuotes');
	if (broken) {
		const rowInChunk = typeof broken.row === 'number' ? broken.row : data.length - 1;
		const rec = data[rowInChunk] ?? [];
		const row = index + rowInChunk + 1;
		if (!tooLong || row < tooLong.info.row!) {
			return new ImportError({
				code: 'unclosed-quote',
				file: plan.fileName,
				row,
				column: Math.max(1, rec.length),
				header: plan.header[Math.max(0, rec.length - 1)]
			});
		}
	}
	if (tooLong) return tooLong;
	// the first record of a file may carry a BOM the decoder kept
	if (index === 0 && data.length > 0 && data[0].length > 0) data[0][0] = data[0][0].replace(/^\uFEFF/, '');
	return null;
}

/**
 * The text without the line end that closes its last record: PapaParse reads that line end as
 * one more, empty record, and the report would count a blank line in every ordinary file. The CRs
 * before it go too: with the '\r\r\n' ends of a CSV written by Python on Windows, a quoted last
 * field followed by a lone '\r' at the very end is an unterminated quote to PapaParse.
 */
export function withoutFinalNewline(text: string): string {
	let end = text.length;
	if (end > 0 && text.charCodeAt(end - 1) === 10) end--;
	while (end > 0 && text.charCodeAt(end - 1) === 13) end--;
	return end === text.length ? text : text.slice(0, end);
}
