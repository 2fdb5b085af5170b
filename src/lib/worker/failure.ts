/** A handler's exception as the `Failure` the page receives (errors as data, see protocol.ts). */
import { ImportError } from '../ingest/errors';
import { OpenError, StepError } from './import-steps';
import type { Failure } from './protocol';

/** Thrown by a handler that stops because the page cancelled its request. */
export class Cancelled extends Error {
	constructor() {
		super('cancelled');
		this.name = 'Cancelled';
	}
}

/** Cancelled → `cancelled`, ImportError → `import`, StepError → `step`, OpenError → `open`, anything else → `internal` with its message. */
export function toFailure(err: unknown): Failure {
	if (err instanceof Cancelled) return { kind: 'cancelled' };
	if (err instanceof ImportError) return { kind: 'import', info: err.info };
	if (err instanceof StepError) return { kind: 'step', step: err.step, detail: err.detail };
	if (err instanceof OpenError)
		return { kind: 'open', datasetId: err.datasetId, name: err.datasetName, detail: err.detail };
	return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}
