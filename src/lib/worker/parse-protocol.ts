import type { SalesPart } from '../ingest/build';
import type { ImportErrorInfo } from '../ingest/errors';
import type { PartJob } from '../ingest/pipeline';

export interface PartRequest {
	job: PartJob;
}

export type PartResponse =
	| { type: 'progress'; chars: number }
	| { type: 'done'; part: SalesPart }
	| { type: 'failed'; info: ImportErrorInfo }
	| { type: 'crashed'; message: string };
