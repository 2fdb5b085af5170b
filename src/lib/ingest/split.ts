/**
 * The two-worker split of a large file: where to cut it (in its text or its bytes), decoding only
 * the first half here, reading the two halves at once (this worker the first, a `ParallelParser`
 * the second) and what the helper worker runs on its half (`buildPart`). The result is exactly
 * what reading the file in one piece gives, or the split declines and nothing was read.
 */
import { SalesBuilder, type SalesPart } from './build';
import { decodeBytes, decodeFile } from './decode';
import { ImportError } from './errors';
import type { FileHalves, FileToImport, ImportControl, PartJob } from './import-types';
import { hasMalformedQuotes } from './lenient';
import { parseRecordsWithPapa, readInto, recordsInto } from './parse-records';
import { RowMeaning } from './row-meaning';
import type { Newline } from './sniff';
import type { TextEncodingName } from './types';

/**
 * Below this a file is read in one piece: a second worker only pays off when parsing takes
 * longer than starting it and handing the text over (~50 ms). Characters, or bytes for
 * `decodeForImport`.
 */
export const SPLIT_MIN_CHARS = 4 * 1024 * 1024;

/**
 * The second half's text is not the first half's encoding, or has text after closing quotes:
 * the file is read in one piece, as a whole.
 */
export class SplitUnsafe extends Error {
	constructor(reason: string) {
		super(reason);
		this.name = 'SplitUnsafe';
	}
}

/** Just after the first line end at or after the middle of the text, or -1 when there is none. */
export function splitPoint(text: string, newline: Newline): number {
	const end = newline === '\r' ? '\r' : '\n';
	const at = text.indexOf(end, text.length >> 1);
	return at < 0 || at + 1 >= text.length ? -1 : at + 1;
}

/** The same in bytes: '\n' and '\r' are single bytes in UTF-8 and the single-byte code pages. */
export function byteSplitPoint(bytes: Uint8Array, newline: Newline): number {
	const end = newline === '\r' ? 13 : 10;
	const at = bytes.indexOf(end, bytes.length >> 1);
	return at < 0 || at + 1 >= bytes.length ? -1 : at + 1;
}

/**
 * Decodes a file for import. A large file (`splitMinBytes` bytes or more) in UTF-8 or a
 * single-byte code page is decoded only up to a line end near its middle: the second half is
 * decoded by the worker that reads it (see `importSplit`), in parallel, without copying its text
 * between workers. `encoding` is the one really used (see `decodeFile`).
 */
export function decodeForImport(
	bytes: Uint8Array,
	encoding: TextEncodingName,
	newline: Newline,
	splitMinBytes = SPLIT_MIN_CHARS
): { text: string; encoding: TextEncodingName; halves?: FileHalves } {
	const cut = bytes.length < splitMinBytes || encoding.startsWith('utf-16') ? -1 : byteSplitPoint(bytes, newline);
	if (cut < 0) return decodeFile(bytes, encoding);
	const first = decodeFile(bytes.subarray(0, cut), encoding);
	// a first half that is not UTF-8 after all: the whole file chooses its code page
	if (first.encoding !== encoding) return decodeFile(bytes, encoding);
	return { ...first, halves: { bytes, cut } };
}

/**
 * Reads a large file in two halves at once: this worker the first, `control.parallel` the second,
 * cut at a line end near the middle (of the text, or of the bytes when `f.halves` says the file was
 * decoded only up to there). Returns false, having read nothing, when the file must be read in one
 * piece instead: too small, no helper, text after closing quotes (the lenient reader), a cut that
 * fell inside a quoted field (the first half then ends in an open quote), or a second half that is
 * not the first half's encoding. `intoBuilder`: the first half may go straight into `builder`
 * (it is empty; the caller starts a new one when false comes back). Rejects with ImportError as
 * reading the file in one piece would (rows numbered in the whole file).
 */
export async function importSplit(
	f: FileToImport,
	builder: SalesBuilder,
	control: ImportControl,
	onBytes: (bytes: number) => void,
	intoBuilder: boolean
): Promise<boolean> {
	// rows whose meaning depends on the rows above them (a heading's customer, an order's total) are read in one piece
	if (!control.parallel || RowMeaning.needsWholeFile(f.plan.meaning)) return false;
	let firstText: string;
	let firstBytes: number;
	let job: PartJob;
	const common = {
		plan: { ...f.plan, headerRow: -1 },
		delimiter: f.delimiter,
		newline: f.newline,
		chunkSize: control.chunkSize
	};
	if (f.halves) {
		firstText = f.text;
		firstBytes = f.halves.cut;
		// a copy: the bytes stay here for a read in one piece
		job = { ...common, bytes: f.halves.bytes.slice(f.halves.cut), encoding: f.encoding };
	} else {
		if (f.text.length < (control.splitMinChars ?? SPLIT_MIN_CHARS)) return false;
		const cut = splitPoint(f.text, f.newline);
		if (cut < 0) return false;
		firstText = f.text.slice(0, cut);
		firstBytes = Math.round((cut / f.text.length) * f.size);
		job = { ...common, text: f.text.slice(cut) };
	}
	if (hasMalformedQuotes(firstText, f.delimiter)) return false;
	let firstDone = 0;
	let secondDone = 0;
	const report = () => onBytes(firstDone * firstBytes + secondDone * (f.size - firstBytes));
	const second = control.parallel.start(job, (fraction) => {
		secondDone = fraction;
		report();
	});
	// a rejection that arrives while the first half is still being read must not go unhandled
	second.result.catch(() => {});
	const firstHalf = intoBuilder ? builder : new SalesBuilder();
	if (!intoBuilder) firstHalf.beginFile(f.plan);
	let firstRecords: number;
	try {
		firstRecords = await parseRecordsWithPapa(
			{ ...f, text: firstText, size: firstText.length },
			control,
			recordsInto(firstHalf),
			(chars) => {
				firstDone = chars / Math.max(1, firstText.length);
				report();
			}
		);
	} catch (err) {
		second.abort();
		if (err instanceof ImportError && err.info.code === 'unclosed-quote') return false;
		throw err;
	}
	let part: SalesPart | null;
	try {
		part = await second.result;
	} catch (err) {
		if (err instanceof SplitUnsafe) return false;
		if (err instanceof ImportError && err.info.row !== undefined)
			throw new ImportError({ ...err.info, row: err.info.row + firstRecords });
		if (err instanceof ImportError) throw err;
		// the helper itself failed (it crashed, or the browser would not start it): read its half here
		part = null;
	}
	if (!intoBuilder && !builder.absorb(firstHalf.part(), 0)) return false;
	if (!part || !builder.absorb(part, firstRecords)) {
		const rest = job.text ?? decodeBytes(job.bytes!, job.encoding!);
		await readInto(
			builder,
			{ ...f, text: rest, size: rest.length, halves: undefined },
			control,
			() => {},
			firstRecords
		);
	}
	return true;
}

/**
 * Reads one stretch of a file (records after the header) into a part: what the helper worker runs.
 * `onFraction` gets 0..1 of the stretch read. Rejects with SplitUnsafe (`encoding`: bytes that are
 * not UTF-8 after all; `quotes`: text after closing quotes) or ImportError (rows numbered from the
 * stretch's first record).
 */
export async function buildPart(
	job: PartJob,
	control: Pick<ImportControl, 'cancelled'>,
	onFraction: (done: number) => void = () => {}
): Promise<SalesPart> {
	let text = job.text;
	if (text === undefined) {
		text = decodeBytes(job.bytes!, job.encoding!);
		if (job.encoding === 'utf-8' && text.includes('\ufffd')) throw new SplitUnsafe('encoding');
	}
	if (hasMalformedQuotes(text, job.delimiter)) throw new SplitUnsafe('quotes');
	const builder = new SalesBuilder();
	builder.beginFile(job.plan);
	const f: FileToImport = {
		text,
		size: text.length,
		encoding: 'utf-8',
		delimiter: job.delimiter,
		newline: job.newline,
		plan: job.plan
	};
	const length = Math.max(1, text.length);
	await parseRecordsWithPapa(f, { ...control, chunkSize: job.chunkSize }, recordsInto(builder), (chars) =>
		onFraction(chars / length)
	);
	return builder.part();
}
