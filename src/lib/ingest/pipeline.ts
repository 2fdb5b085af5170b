/**
 * Reads files into sales columns: sniff the start, decode, read the records (parse-records.ts) into
 * the builder, and split a large file across two workers. Sniffing and the split could each stand
 * alone (issue 12 takes them apart).
 */
import type { SalesColumns } from '../engine/types';
import { SalesBuilder, type FilePlan, type ImportReport, type SalesPart } from './build';
import { bomLength, decodeBytes, decodeUtf8OrFallback, detectBinary, detectEncoding } from './decode';
import { inferDateFormat } from './dates';
import { ImportError } from './errors';
import { hasMalformedQuotes } from './lenient';
import { MAX_RECORD_CHARS, parseRecords, parseRecordsWithPapa } from './parse-records';
import { sniffText, type Delimiter, type Newline, type SniffHints, type TextSniff } from './sniff';
import type { TextEncodingName } from './types';
import { RowMeaning } from './row-meaning';

export const SAMPLE_BYTES = 256 * 1024;
/**
 * Above this a file is refused up front: the worker holds the bytes, the decoded text and the
 * columns at once (a 405 MB file peaks at ~1.4 GB), and a browser tab dies around 4 GB.
 */
export const MAX_FILE_BYTES = 700 * 1024 * 1024;
export { MAX_RECORD_CHARS };

export interface FileSniff extends TextSniff {
	fileName: string;
	size: number;
	encoding: TextEncodingName;
}

export interface SniffOverrides extends SniffHints {
	encoding?: TextEncodingName;
}

/** Reads the start of a file and proposes how to read it. Throws ImportError for unusable files. */
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

export interface FileToImport {
	/** the decoded text (the worker decodes the whole file first: a slice-by-slice decode would split multi-byte characters) */
	text: string;
	size: number;
	encoding: TextEncodingName;
	delimiter: Delimiter;
	newline: Newline;
	plan: FilePlan;
	/** set for a large file decoded only up to byte `cut` (`decodeForImport`): `text` holds the records before it */
	halves?: FileHalves;
}

export interface FileHalves {
	/** the whole file */
	bytes: Uint8Array;
	cut: number;
}

export interface ImportProgress {
	fileIndex: number;
	/** 0..1 over all files, by bytes */
	fraction: number;
	rows: number;
}

export interface ImportControl {
	cancelled: () => boolean;
	onProgress?: (p: ImportProgress) => void;
	/** records per parser chunk (bytes for files); small values are for tests */
	chunkSize?: number;
	/** reads the second half of a large file elsewhere (another worker) while this one reads the first */
	parallel?: ParallelParser;
	/** files with fewer characters are read in one piece (tests set it low) */
	splitMinChars?: number;
}

/** The records of a stretch of a file after its header, to be read into a `SalesPart`. */
export interface PartJob {
	/** the records as text, or as bytes to decode with `encoding` */
	text?: string;
	bytes?: Uint8Array;
	encoding?: TextEncodingName;
	plan: FilePlan;
	delimiter: Delimiter;
	newline: Newline;
	chunkSize?: number;
}

export interface ParallelParser {
	/** Starts reading `job`; `onProgress` reports the fraction of it read. */
	start(job: PartJob, onProgress: (done: number) => void): { result: Promise<SalesPart>; abort: () => void };
}

/**
 * Below this a file is read in one piece: a second worker only pays off when parsing takes
 * longer than starting it and handing the text over (~50 ms).
 */
export const SPLIT_MIN_CHARS = 4 * 1024 * 1024;

/** Parses every file with its plan into one set of sales columns. */
export async function importFiles(
	files: FileToImport[],
	control: ImportControl
): Promise<{ columns: SalesColumns; report: ImportReport }> {
	let builder = new SalesBuilder();
	const totalBytes = files.reduce((s, f) => s + f.size, 0) || 1;
	let doneBytes = 0;
	for (let i = 0; i < files.length; i++) {
		const f = files[i];
		const m = f.plan.mapping;
		if (m.customerKey < 0) throw new ImportError({ code: 'missing-customer-column', file: f.plan.fileName });
		const amountOk = f.plan.amountSource === 'column' ? m.amount >= 0 : m.quantity >= 0 && m.unitPrice >= 0;
		if (!amountOk) throw new ImportError({ code: 'missing-amount-column', file: f.plan.fileName });
		builder.beginFile(f.plan);
		const before = builder.report().rowsRead;
		const onBytes = (bytes: number) => {
			control.onProgress?.({
				fileIndex: i,
				fraction: Math.min(1, (doneBytes + bytes) / totalBytes),
				rows: builder.rowCount
			});
		};
		// the first file of an import goes straight into the empty builder
		const first = builder.rowCount === 0 && i === 0;
		if (!(await importSplit(f, builder, control, onBytes, first))) {
			if (first) {
				builder = new SalesBuilder();
				builder.beginFile(f.plan);
			}
			await readInto(builder, wholeFile(f), control, onBytes);
		}
		doneBytes += f.size;
		builder.endFile();
		if (builder.report().rowsRead === before) {
			throw new ImportError({ code: 'no-data-rows', file: f.plan.fileName });
		}
	}
	const report = builder.report();
	if (report.rowsImported === 0) throw new ImportError({ code: 'no-valid-rows', file: files[0]?.plan.fileName });
	return { columns: builder.finish(), report };
}

/** Reads a whole file's records into the builder; `firstRecord` numbers a stretch that starts later in the file. */
async function readInto(
	builder: SalesBuilder,
	f: FileToImport,
	control: ImportControl,
	onBytes: (bytes: number) => void,
	firstRecord = 0
): Promise<number> {
	return parseRecords(f, control, recordsInto(builder, firstRecord), onBytes);
}

/** The records callback that adds each record to `builder`, numbered from `firstRecord`. */
function recordsInto(builder: SalesBuilder, firstRecord = 0): (records: string[][], firstIndex: number) => void {
	return (records, first) => {
		for (let r = 0; r < records.length; r++) builder.addRecord(records[r], firstRecord + first + r);
	};
}

/**
 * Reads a large file in two halves at once: this worker the first, `control.parallel` the second,
 * cut at a line end near the middle (of the text, or of the bytes when `f.halves` says the file was
 * decoded only up to there). Returns false, having read nothing, when the file must be read in one
 * piece instead: too small, no helper, text after closing quotes (the lenient reader), a cut that
 * fell inside a quoted field (the first half then ends in an open quote), or a second half that is
 * not the first half's encoding. `intoBuilder`: the first half may go straight into `builder`
 * (it is empty; the caller starts a new one when false comes back).
 */
async function importSplit(
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
 * Decodes a file for import. A large file in UTF-8 or a single-byte code page is decoded only up
 * to a line end near its middle: the second half is decoded by the worker that reads it (see
 * `importSplit`), in parallel, without copying its text between workers.
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

/** The file as one text (a file decoded in halves is decoded again as a whole). */
function wholeFile(f: FileToImport): FileToImport {
	if (!f.halves) return f;
	const { text, encoding } = decodeFile(f.halves.bytes, f.encoding);
	// what was really used is what the dataset records
	f.encoding = encoding;
	return { ...f, text, halves: undefined };
}

/** Reads one stretch of a file (records after the header) into a part: what the helper worker runs. */
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

export type PlanChoice = Pick<
	FilePlan,
	'mapping' | 'amountSource' | 'decimalSeparators' | 'dateOrder' | 'dateOrderLocked' | 'meaning'
>;

/** A decoded file and the sniff of its start, with the user's mapping (or the auto-mapping), ready to import. */
export function prepareImport(
	text: string,
	size: number,
	sniff: FileSniff,
	choice?: Partial<PlanChoice>
): FileToImport {
	const mapping = choice?.mapping ?? sniff.auto.mapping;
	return {
		text,
		size,
		encoding: sniff.encoding,
		delimiter: sniff.delimiter,
		newline: sniff.newline,
		plan: {
			fileName: sniff.fileName,
			mapping,
			amountSource: choice?.amountSource ?? sniff.auto.amountSource,
			decimalSeparators: choice?.decimalSeparators ?? sniff.decimalSeparators,
			dateOrder: choice?.dateOrder ?? sniff.dateOrder,
			dateOrderLocked: choice?.dateOrderLocked ?? false,
			// the sniff judged the auto-mapped date column: a date column the user chose is judged anew
			dateSerial: mapping.date === sniff.auto.mapping.date ? sniff.dateSerial : serialColumn(sniff.rows, mapping.date),
			headerRow: sniff.headerRow,
			header: sniff.header,
			meaning: choice?.meaning ?? sniff.meaning
		}
	};
}

/** True when the sampled cells of a column are Excel date serials (see `inferDateFormat`). */
function serialColumn(rows: string[][], column: number): boolean {
	if (column < 0) return false;
	return inferDateFormat(
		rows.map((r) => r[column] ?? ''),
		'dmy'
	).serial;
}

/** Sniffs and decodes a whole file held in memory, ready to import with the auto-mapping. */
export async function prepareBytes(
	bytes: Uint8Array,
	fileName: string,
	overrides: SniffOverrides = {}
): Promise<FileToImport> {
	const sniff = await sniffFile(new Blob([bytes as BlobPart]), fileName, overrides);
	const { text, encoding } = decodeFile(bytes, sniff.encoding);
	return prepareImport(text, bytes.length, { ...sniff, encoding });
}
