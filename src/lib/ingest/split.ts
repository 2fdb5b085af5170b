/**
 * The split of a large file across workers: where to cut it into parts (in its text or its bytes),
 * decoding only the first part here, reading the parts at once (this worker the first, a
 * `ParallelParser` the others) and what a helper worker runs on its part (`buildPart`). The result
 * is exactly what reading the file in one piece gives, or the split declines and nothing was read.
 */
import { SalesBuilder, type SalesPart } from './build';
import { ImportError } from './errors';
import type { FileParts, FileToImport, ImportControl, PartJob } from './import-types';
import { hasMalformedQuotes } from './lenient';
import { parseRecordsWithPapa, recordsInto } from './parse-records';
import { readBytes, reserveFor, SplitUnsafe, streamRecords, type StretchToRead } from './stream-records';
import { RowMeaning } from './row-meaning';
import type { Newline } from './sniff';
import type { TextEncodingName } from './types';

export { readBytes, SplitUnsafe } from './stream-records';

/**
 * Below this a file is read in one piece: a second worker only pays off when parsing takes
 * longer than starting it and handing the text over (~50 ms). Characters, or bytes for
 * `decodeForImport`.
 */
export const SPLIT_MIN_CHARS = 4 * 1024 * 1024;

/** Just after the first line end at or after the middle of the text, or -1 when there is none. */
export function splitPoint(text: string, newline: Newline): number {
	return splitPoints(text, newline, 2)[0] ?? -1;
}

/** The same in bytes: '\n' and '\r' are single bytes in UTF-8 and the single-byte code pages. */
export function byteSplitPoint(bytes: Uint8Array, newline: Newline): number {
	return byteSplitPoints(bytes, newline, 2)[0] ?? -1;
}

/**
 * Where to cut a text into `parts` parts of about equal length: just after the first line end at or
 * after each k/parts of it that is not followed by an empty line (PapaParse reads a stretch that is
 * only a line end as no record at all, where the whole file has a blank record there), ascending
 * and distinct; fewer cuts when lines are too long for them (none: read it in one piece).
 */
export function splitPoints(text: string, newline: Newline, parts: number): number[] {
	const end = newline === '\r' ? '\r' : '\n';
	return cutsAt(
		text.length,
		parts,
		(from) => text.indexOf(end, from),
		(at) => text[at] === '\r' || text[at] === '\n'
	);
}

/** `splitPoints` in bytes. */
export function byteSplitPoints(bytes: Uint8Array, newline: Newline, parts: number): number[] {
	const end = newline === '\r' ? 13 : 10;
	return cutsAt(
		bytes.length,
		parts,
		(from) => bytes.indexOf(end, from),
		(at) => bytes[at] === 13 || bytes[at] === 10
	);
}

function cutsAt(
	length: number,
	parts: number,
	lineEndFrom: (from: number) => number,
	lineEndAt: (at: number) => boolean
): number[] {
	const cuts: number[] = [];
	for (let k = 1; k < parts; k++) {
		let at = lineEndFrom(Math.max(Math.floor((length * k) / parts), cuts.at(-1) ?? 0));
		while (at >= 0 && at + 1 < length && lineEndAt(at + 1)) at = lineEndFrom(at + 1);
		if (at < 0 || at + 1 >= length) break;
		if (at + 1 > (cuts.at(-1) ?? 0)) cuts.push(at + 1);
	}
	return cuts;
}

/**
 * How a large file (`splitMinBytes` bytes or more) in UTF-8 or a single-byte code page is cut for
 * reading in `parts` parts at once (see `importSplit`), or null to read it in one piece (small,
 * UTF-16, or lines too long to cut). Nothing but a few windows around the cuts is read here: each
 * part is read, decoded and parsed by its own worker, so reading overlaps parsing and the file's
 * bytes are never all held in one place. The cuts are `byteSplitPoints`' (the same bytes give the
 * same cuts).
 */
export async function splitForImport(
	source: Blob,
	fileName: string,
	encoding: TextEncodingName,
	newline: Newline,
	splitMinBytes = SPLIT_MIN_CHARS,
	parts = 2
): Promise<FileParts | null> {
	if (source.size < splitMinBytes || encoding.startsWith('utf-16') || parts < 2) return null;
	const cuts = await blobSplitPoints(source, fileName, newline, parts);
	return cuts.length === 0 ? null : { source, cuts };
}

/** How much of the file is read at a time to find a line end near a cut. */
const CUT_WINDOW = 64 * 1024;

/**
 * `byteSplitPoints` of a file not read (rejects with ImportError `read-failed`): the first line end at or after each k/parts of it that is
 * followed by something other than a line end, found by reading windows of `window` bytes.
 */
export async function blobSplitPoints(
	source: Blob,
	fileName: string,
	newline: Newline,
	parts: number,
	window = CUT_WINDOW
): Promise<number[]> {
	const end = newline === '\r' ? 13 : 10;
	const length = source.size;
	const cuts: number[] = [];
	for (let k = 1; k < parts; k++) {
		let from = Math.max(Math.floor((length * k) / parts), cuts.at(-1) ?? 0);
		let cut = -1;
		while (cut < 0 && from < length) {
			// one byte more than the window: a line end at its last byte needs the byte after it
			const bytes = await readBytes(source.slice(from, from + window + 1), fileName);
			for (let at = bytes.indexOf(end); at >= 0 && at < window; at = bytes.indexOf(end, at + 1)) {
				if (at + 1 >= bytes.length) break;
				const next = bytes[at + 1];
				if (next !== 13 && next !== 10) {
					cut = from + at + 1;
					break;
				}
			}
			from += window;
		}
		if (cut < 0) break;
		if (cut > (cuts.at(-1) ?? 0)) cuts.push(cut);
	}
	return cuts;
}

/**
 * Reads a large file in parts at once: this worker the first, `control.parallel` the others (as
 * many as `control.parts` − 1, or as `f.parts.cuts` says for a file not read yet, whose parts are
 * then streamed from the file by their readers: stream-records.ts), each cut at a line end. Returns
 * false, having put nothing into `builder` but what it may drop, when the file must be read in one
 * piece instead: too small, no helper, text after closing quotes (the lenient reader), a cut that
 * fell inside a quoted field (the part before it then ends in an open quote), or a part that is not
 * the first part's encoding. `intoBuilder`: the first part may go straight into `builder` (it is
 * empty; the caller starts a new one when false comes back); otherwise every part is read before
 * any goes into `builder`. Rejects with ImportError as reading the file in one piece would (rows
 * numbered in the whole file).
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
	const parallel = control.parallel;
	const split = jobsOf(f, control);
	if (!split) return false;
	const { jobs, sizes, readFirst } = split;
	const done = sizes.map(() => 0);
	const report = () => onBytes(done.reduce((sum, d, i) => sum + d * sizes[i], 0));
	// the other parts start first: their workers read and decode them while this one reads its own
	const runs = jobs.map((job, i) => {
		const run = parallel.start(job, (fraction) => {
			done[i + 1] = fraction;
			report();
		});
		// a rejection that arrives while the first part is still being read must not go unhandled
		run.result.catch(() => {});
		return run;
	});
	const abortAll = () => runs.forEach((r) => r.abort());
	const firstPart = intoBuilder ? builder : new SalesBuilder();
	if (!intoBuilder) firstPart.beginFile(f.plan);
	/** records read so far (the header's included): where the next part's records start */
	let offset: number;
	try {
		offset = await readFirst(
			firstPart,
			(fraction) => {
				done[0] = fraction;
				report();
			},
			// the builder the file goes into takes every part
			intoBuilder ? 'file' : 'part'
		);
	} catch (err) {
		abortAll();
		if (err instanceof SplitUnsafe || (err instanceof ImportError && err.info.code === 'unclosed-quote')) return false;
		throw err;
	}
	const parts: SalesPart[] = [];
	const starts: number[] = [];
	for (let i = 0; i < runs.length; i++) {
		const last = i === runs.length - 1;
		let part: SalesPart;
		try {
			// a helper that failed (it crashed, or the browser would not start it): its part is read here
			part = await runs[i].result.catch((err) => {
				if (err instanceof SplitUnsafe || err instanceof ImportError) throw err;
				return buildPart(jobs[i], control);
			});
		} catch (err) {
			abortAll();
			// a cut inside a quoted field: the part before the next cut ends in an open quote
			if (err instanceof SplitUnsafe || (!last && err instanceof ImportError && err.info.code === 'unclosed-quote')) {
				return false;
			}
			if (err instanceof ImportError && err.info.row !== undefined) {
				throw new ImportError({ ...err.info, row: err.info.row + offset });
			}
			throw err;
		}
		parts.push(part);
		starts.push(offset);
		offset += part.rowsRead + part.blankRows;
	}
	if (!intoBuilder && !builder.absorb(firstPart.part(), 0)) return false;
	for (let i = 0; i < parts.length; i++) {
		if (builder.absorb(parts[i], starts[i])) continue;
		// the rare part that cannot be absorbed (see `absorb`): its records are read here
		const job = jobs[i];
		const into = recordsInto(builder, starts[i]);
		if (job.text !== undefined)
			await parseRecordsWithPapa({ ...f, text: job.text, parts: undefined }, control, into, () => {});
		else await streamRecords(stretchOf(job), control, into);
	}
	return true;
}

/** The jobs of the parts after the first, their sizes in bytes (the first's included) and how the first is read; null: one piece. */
function jobsOf(
	f: FileToImport,
	control: ImportControl
): {
	jobs: PartJob[];
	sizes: number[];
	/** reads the first part into `into`; `roomFor`: what `into` will hold, the whole file or this part */
	readFirst: (into: SalesBuilder, onFraction: (d: number) => void, roomFor: 'file' | 'part') => Promise<number>;
} | null {
	const common = {
		plan: { ...f.plan, headerRow: -1 },
		delimiter: f.delimiter,
		newline: f.newline,
		chunkSize: control.chunkSize
	};
	if (f.parts) {
		const { source, cuts } = f.parts;
		const ends = [...cuts.slice(1), source.size];
		const first = stretchOf({ ...common, plan: f.plan, blob: source.slice(0, cuts[0]), encoding: f.encoding });
		return {
			sizes: [cuts[0], ...cuts.map((c, i) => ends[i] - c)],
			jobs: cuts.map((c, i) => ({ ...common, blob: source.slice(c, ends[i]), encoding: f.encoding })),
			readFirst: (into, onFraction, roomFor) =>
				streamRecords(
					first,
					{ ...control, onRecordSize: (b) => reserveFor(into, roomFor === 'file' ? source.size : cuts[0], b) },
					recordsInto(into),
					onFraction
				)
		};
	}
	if (f.text.length < (control.splitMinChars ?? SPLIT_MIN_CHARS)) return null;
	const cuts = splitPoints(f.text, f.newline, Math.max(2, control.parts ?? 2));
	if (cuts.length === 0) return null;
	const ends = [...cuts.slice(1), f.text.length];
	const perChar = f.size / Math.max(1, f.text.length);
	const text = f.text.slice(0, cuts[0]);
	return {
		sizes: [cuts[0], ...cuts.map((c, i) => ends[i] - c)].map((n) => n * perChar),
		jobs: cuts.map((c, i) => ({ ...common, text: f.text.slice(c, ends[i]) })),
		readFirst: (into, onFraction) => {
			if (hasMalformedQuotes(text, f.delimiter)) return Promise.reject(new SplitUnsafe('quotes'));
			const length = Math.max(1, text.length);
			return parseRecordsWithPapa({ ...f, text, size: text.length }, control, recordsInto(into), (chars) =>
				onFraction(chars / length)
			);
		}
	};
}

/** A blob job as a stretch to stream. */
function stretchOf(job: PartJob): StretchToRead {
	return { blob: job.blob!, encoding: job.encoding!, delimiter: job.delimiter, newline: job.newline, plan: job.plan };
}

/**
 * Reads one stretch of a file (records after the header) into a part: what the helper worker runs.
 * A stretch of the file (`job.blob`) is streamed (stream-records.ts); a text is parsed whole.
 * `onFraction` gets 0..1 of the stretch read. Rejects with SplitUnsafe (`encoding`: bytes that are
 * not UTF-8 after all; `quotes`: text after closing quotes) or ImportError (rows numbered from the
 * stretch's first record).
 */
export async function buildPart(
	job: PartJob,
	control: Pick<ImportControl, 'cancelled'>,
	onFraction: (done: number) => void = () => {}
): Promise<SalesPart> {
	const builder = new SalesBuilder();
	builder.beginFile(job.plan);
	const chunked = { ...control, chunkSize: job.chunkSize };
	if (job.text === undefined) {
		const size = job.blob!.size;
		const reserve = (bytesPerRecord: number) => reserveFor(builder, size, bytesPerRecord);
		await streamRecords(stretchOf(job), { ...chunked, onRecordSize: reserve }, recordsInto(builder), onFraction);
		return builder.part();
	}
	const text = job.text;
	if (hasMalformedQuotes(text, job.delimiter)) throw new SplitUnsafe('quotes');
	const f: FileToImport = {
		text,
		size: text.length,
		encoding: 'utf-8',
		delimiter: job.delimiter,
		newline: job.newline,
		plan: job.plan
	};
	const length = Math.max(1, text.length);
	await parseRecordsWithPapa(f, chunked, recordsInto(builder), (chars) => onFraction(chars / length));
	return builder.part();
}
