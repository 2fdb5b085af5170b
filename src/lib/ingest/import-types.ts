/**
 * The shapes the import passes between its parts (prepare, decode, split, parse, orchestration):
 * a file ready to import, the caller's control over an import, and the second worker's job.
 * Types only: no code, so every part can import them without a cycle.
 */
import type { FilePlan, SalesPart } from './build';
import type { Delimiter, Newline } from './sniff';
import type { TextEncodingName } from './types';

export interface FileToImport {
	/**
	 * the decoded text (a whole file is decoded at once: a slice-by-slice decode would split
	 * multi-byte characters); empty for a file read in `parts`, whose parts are decoded by their readers
	 */
	text: string;
	/** bytes of the file (progress is counted in bytes) */
	size: number;
	encoding: TextEncodingName;
	delimiter: Delimiter;
	newline: Newline;
	plan: FilePlan;
	/** the page's fingerprint of the file (core/file-fingerprint.ts), stored with the dataset */
	fingerprint?: string;
	/** set for a large file to be read in parts at once (`splitForImport`): nothing of it is read yet */
	parts?: FileParts;
}

/**
 * A large file cut at line ends into parts, each streamed from the file a slice at a time (read,
 * decoded and parsed: stream-records.ts) by its own worker at once: neither the file's bytes nor its
 * text are ever all in one worker's memory.
 */
export interface FileParts {
	/** the whole file, not read */
	source: Blob;
	/** every part's first byte after the first part, ascending; the first part is `[0, cuts[0])` */
	cuts: number[];
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
	/** reads the later parts of a large file elsewhere (other workers) while this one reads the first */
	parallel?: ParallelParser;
	/** how many parts a large file is cut into (this worker and `parts` − 1 helpers); default 2 */
	parts?: number;
	/** files with fewer characters are read in one piece (tests set it low) */
	splitMinChars?: number;
}

/** The records of a stretch of a file after its header, to be read into a `SalesPart`. */
export interface PartJob {
	/** the records as text, or as a stretch of the file to read and decode with `encoding` */
	text?: string;
	blob?: Blob;
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
