/**
 * What the concerns of the Analysis page share: the analysis worker's client, which step the page
 * shows (`phase`), the error boxes and the one-line notice. Each concern (workspace, settings,
 * dashboard, import flow) gets this session in its constructor.
 */
import { WorkerClient, WorkerFailure } from '../worker/client';
import type { StorageCode } from '../store/errors';
import type { Failure } from '../worker/protocol';

/**
 * What the page shows in an error box. `step`: an import step after classification failed and
 * nothing was stored; `open`: a stored dataset cannot be opened, shown with a button to delete it;
 * `storage`: the page's own write (settings, workspace) was refused, with the app error code.
 */
export type AppError = Failure | { kind: 'storage'; code: StorageCode };

export type Phase = 'home' | 'mapping' | 'importing' | 'dashboard';

function createWorker(): Worker {
	return new Worker(new URL('../worker/analysis.worker.ts', import.meta.url), { type: 'module' });
}

export class Session {
	phase = $state<Phase>('home');
	errors = $state.raw<AppError[]>([]);
	notice = $state<string | null>(null);
	readonly client: WorkerClient;

	constructor(createW: () => Worker = createWorker) {
		this.client = new WorkerClient(createW);
	}

	/** Adds an error box for a failure (a worker's failure as it is, anything else as `internal`). */
	fail(err: unknown): void {
		const e: AppError =
			err instanceof WorkerFailure
				? err.failure
				: { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
		this.errors = [...this.errors, e];
	}

	/** A refused storage call of the page: one error box per code. */
	failStorage(code: StorageCode): void {
		if (this.errors.some((e) => e.kind === 'storage' && e.code === code)) return;
		this.errors = [...this.errors, { kind: 'storage', code }];
	}

	/** An `open` error for a dataset replaces any earlier one about the same dataset. */
	failOpenOf(datasetId: number, name: string, detail: string): void {
		this.errors = [
			...this.errors.filter((e) => !(e.kind === 'open' && e.datasetId === datasetId)),
			{ kind: 'open', datasetId, name, detail }
		];
	}

	/** The errors about one dataset are answered (it was deleted). */
	forgetErrorsOf(datasetId: number): void {
		this.errors = this.errors.filter((e) => !(e.kind === 'open' && e.datasetId === datasetId));
	}

	dismissError(i: number): void {
		this.errors = this.errors.filter((_, k) => k !== i);
	}
}
