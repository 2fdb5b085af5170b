/** Messages between the analysis worker and a parse worker that reads a later part of a large file. */
import type { SalesPart } from '../ingest/build';
import type { ImportErrorInfo } from '../ingest/errors';
import type { PartJob } from '../ingest/import-types';

export interface PartRequest {
	job: PartJob;
}

export type PartResponse =
	| { type: 'progress'; done: number }
	| { type: 'done'; part: SalesPart }
	| { type: 'failed'; info: ImportErrorInfo }
	/** the half cannot be read apart from the rest of the file (see SplitUnsafe) */
	| { type: 'unsafe'; reason: string }
	| { type: 'crashed'; message: string };
