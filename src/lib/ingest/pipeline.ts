/**
 * The import's orchestration: every prepared file is checked against its mapping, read (in two
 * parts when the split takes it, split.ts; else in one piece, parse-records.ts) into one builder,
 * and the sales columns and report come out. The parts live in their own modules (file-sniff,
 * decode, prepare-import, parse-records, split, import-types); they are re-exported here so
 * callers keep one import for the whole import.
 */
import type { SalesColumns } from '../engine/types';
import { SalesBuilder, type ImportReport } from './build';
import { decodeFile } from './decode';
import { ImportError } from './errors';
import { mappingGaps } from './mapping-complete';
import type { FileToImport, ImportControl } from './import-types';
import { readInto } from './parse-records';
import { importSplit, readBytes } from './split';
import type { TextEncodingName } from './types';

export { decodeFile, decodeWhole } from './decode';
export { MAX_FILE_BYTES, SAMPLE_BYTES, sniffFile, type FileSniff, type SniffOverrides } from './file-sniff';
export type { FileParts, FileToImport, ImportControl, ImportProgress, ParallelParser, PartJob } from './import-types';
export { MAX_RECORD_CHARS } from './parse-records';
export { prepareBytes, prepareFile, prepareImport, type MappedFile, type PlanChoice } from './prepare-import';
export {
	buildPart,
	byteSplitPoint,
	byteSplitPoints,
	blobSplitPoints,
	SPLIT_MIN_CHARS,
	SplitUnsafe,
	splitForImport,
	splitPoint,
	splitPoints
} from './split';

/** What an import read: the columns, the report, and per file the encoding really used. */
export interface ImportResult {
	columns: SalesColumns;
	report: ImportReport;
	/**
	 * per file, the encoding its text was read with: a file read in parts one of which proved
	 * the UTF-8 guess wrong is read again as a whole in its code page, and the dataset records that one (the files passed in are not changed)
	 */
	encodings: TextEncodingName[];
}

/**
 * Parses every file with its plan into one set of sales columns. Rejects with ImportError:
 * `missing-customer-column` / `missing-amount-column` (the plan's mapping), `no-data-rows` (a file
 * without records after its header), `no-valid-rows` (nothing imported at all), or what reading a
 * file rejects with (parse-records.ts; `cancelled` when `control.cancelled()` says so).
 */
export async function importFiles(files: FileToImport[], control: ImportControl): Promise<ImportResult> {
	let builder = new SalesBuilder();
	const totalBytes = files.reduce((s, f) => s + f.size, 0) || 1;
	let doneBytes = 0;
	const encodings: TextEncodingName[] = [];
	for (let i = 0; i < files.length; i++) {
		const f = files[i];
		const m = f.plan.mapping;
		const gaps = mappingGaps(m, f.plan.amountSource);
		if (gaps.key) throw new ImportError({ code: 'missing-customer-column', file: f.plan.fileName });
		if (gaps.amount) throw new ImportError({ code: 'missing-amount-column', file: f.plan.fileName });
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
		let encoding = f.encoding;
		if (!(await importSplit(f, builder, control, onBytes, first))) {
			if (first) {
				builder = new SalesBuilder();
				builder.beginFile(f.plan);
			}
			const whole = await wholeFile(f);
			encoding = whole.encoding;
			await readInto(builder, whole, control, onBytes);
		}
		encodings.push(encoding);
		doneBytes += f.size;
		builder.endFile();
		if (builder.report().rowsRead === before) {
			throw new ImportError({ code: 'no-data-rows', file: f.plan.fileName });
		}
	}
	const report = builder.report();
	if (report.rowsImported === 0) throw new ImportError({ code: 'no-valid-rows', file: files[0]?.plan.fileName });
	return { columns: builder.finish(), report, encodings };
}

/**
 * The file as one text: `f` itself, or for a file cut into parts a new file read and decoded as a
 * whole, whose `encoding` is the one really used. `f` is not changed.
 */
async function wholeFile(f: FileToImport): Promise<FileToImport> {
	if (!f.parts) return f;
	const { text, encoding } = decodeFile(await readBytes(f.parts.source, f.plan.fileName), f.encoding);
	return { ...f, text, encoding, parts: undefined };
}
