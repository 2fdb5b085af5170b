/**
 * What happens after classification, for an import and for opening a stored dataset. Every step
 * here turns an exception into a failure carried as data, so the page always gets an answer:
 *
 * - an import either shows a working dashboard and stores its dataset, or rejects with a
 *   `StepError` (or the quota `ImportError`) and leaves nothing in the database; it never hangs;
 * - opening a stored dataset either gives its dashboard or rejects with an `OpenError` naming the
 *   dataset, which the page shows with a "Delete this dataset" button.
 *
 * No `self` here (the worker entry posts and keeps the open dataset), so it runs in Node tests.
 * `steps` replaces a step for fault tests only; production always uses `DEFAULT_STEPS`.
 */
import { Analysis, dashboardView, type DashboardView } from '../engine/dashboard';
import type { SqlColumns } from '../engine/sql';
import { sqlColumnsOf } from '../engine/sql-columns';
import { dateRangeOf } from '../engine/date-range';
import type { Classification, ClassifySettings, SalesColumns } from '../engine/types';
import { ImportError } from '../ingest/errors';
import type { ImportReport } from '../ingest/build';
import type { FileToImport } from '../ingest/import-types';
import {
	checkStoredDataset,
	loadDataset,
	startSavingDataset,
	storedDatasetName,
	type NewDataset
} from '../store/datasets';
import { StorageQuotaError } from '../store/errors';
import type { DatasetMeta, ParetoscopeDb } from '../store/db';

/** The steps after classification that can fail; named in `StepError` and in the page's message. */
export type ImportStep = 'sql-columns' | 'meta' | 'views' | 'save';

/** A step after classification failed; nothing of the import is stored when the page sees it. */
export class StepError extends Error {
	constructor(
		readonly step: ImportStep,
		readonly detail: string
	) {
		super(`The import could not be finished (${step}): ${detail}`);
		this.name = 'StepError';
	}
}

/** A stored dataset could not be opened (corrupt, incomplete, or stored by an earlier version). */
export class OpenError extends Error {
	constructor(
		readonly datasetId: number,
		/** the dataset's stored name; '' when even that could not be read */
		readonly datasetName: string,
		readonly detail: string
	) {
		super(`Dataset ${datasetId} cannot be opened: ${detail}`);
		this.name = 'OpenError';
	}
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err)) || 'unknown error';

/** Runs one step; its exception becomes a StepError naming the step. */
function step<T>(name: ImportStep, run: () => T): T {
	try {
		return run();
	} catch (err) {
		if (err instanceof StepError || err instanceof ImportError) throw err;
		throw new StepError(name, messageOf(err));
	}
}

/** What the page is shown of a classification: its dashboard. */
export interface Prepared {
	view: DashboardView;
}

/** The replaceable steps (fault tests pass their own; production never does). */
export interface Steps {
	sqlColumns: (plan: FileToImport['plan']) => SqlColumns;
	meta: (input: MetaInput) => NewDataset;
	views: (data: SalesColumns, classification: Classification) => Prepared;
	save: typeof startSavingDataset;
}

export interface MetaInput {
	name: string;
	workspaceId: string;
	files: Pick<FileToImport, 'size' | 'encoding' | 'delimiter' | 'plan' | 'fingerprint'>[];
	columns: SalesColumns;
	report: ImportReport;
	sqlColumns: SqlColumns;
}

export const DEFAULT_STEPS: Steps = {
	sqlColumns: sqlColumnsOf,
	meta: metaOf,
	views: prepareViews,
	save: startSavingDataset
};

/** The dataset record an import stores (without its id). */
export function metaOf({ name, workspaceId, files, columns, report, sqlColumns }: MetaInput): NewDataset {
	return {
		name,
		workspaceId,
		createdAt: Date.now(),
		files: files.map((f) => ({
			name: f.plan.fileName,
			size: f.size,
			encoding: f.encoding,
			delimiter: f.delimiter,
			...(f.fingerprint ? { fingerprint: f.fingerprint } : {})
		})),
		rowCount: columns.rowCount,
		customerCount: columns.customerKeys.length,
		has: {
			date: !!columns.date,
			quantity: !!columns.quantity,
			profit: !!columns.profit,
			order: !!columns.order,
			manager: !!columns.managers,
			discount: !!columns.discount
		},
		dateRange: dateRangeOf(columns.date),
		report,
		sqlColumns,
		dimensions: (columns.dimensions ?? []).map((d) => ({ name: d.name, values: d.values.length }))
	};
}

/**
 * The dashboard of a classification (the `views` step). The customers' search index is built at
 * the first search instead (handlers/views.ts): 50 000 customers take ~15 ms, which the dashboard
 * would otherwise wait for.
 */
export function prepareViews(data: SalesColumns, classification: Classification): Prepared {
	return { view: dashboardView(data, classification) };
}

/** A failed save as what the page shows: a full disk says how much was needed and is left. */
export function storeFailure(err: unknown): Error {
	if (err instanceof StepError || err instanceof ImportError) return err;
	if (!(err instanceof StorageQuotaError)) return new StepError('save', messageOf(err));
	const mb = (b: number) => Math.ceil(b / 1048576);
	return new ImportError({
		code: 'quota',
		neededMb: mb(err.neededBytes),
		availableMb: err.availableBytes === null ? null : Math.floor(err.availableBytes / 1048576)
	});
}

export interface FinishInput extends Omit<MetaInput, 'sqlColumns'> {
	db: ParetoscopeDb;
	analysis: Analysis;
	classification: Classification;
}

/**
 * Builds the dataset record and the dashboard, then stores the dataset. `shown` is called with the
 * new id (synchronously, inside the write transaction, before the columns are copied) so the
 * dashboard can show at once; if it throws, the write is abandoned and the import rejects.
 *
 * Resolves with the id once `shown` has run; `committed` then settles with the transaction:
 * it rejects (StepError 'save' or ImportError 'quota') when the dataset did not land, and
 * nothing of it is stored. Rejects itself (StepError / ImportError) when nothing was shown:
 * then too nothing is stored, and `shown` has not been called.
 */
export async function finishImport(
	input: FinishInput,
	shown: (meta: DatasetMeta, prepared: Prepared) => void,
	steps: Steps = DEFAULT_STEPS
): Promise<{ datasetId: number; meta: DatasetMeta; committed: Promise<void> }> {
	const { db, analysis, classification, files, columns } = input;
	if (files.length === 0) throw new StepError('meta', 'no file was read');
	const sqlColumns = step('sql-columns', () => steps.sqlColumns(files[0].plan));
	const meta = step('meta', () => steps.meta({ ...input, sqlColumns }));
	// built before anything is written, so a failure here leaves nothing behind
	const prepared = step('views', () => steps.views(analysis.data, classification));
	// set inside the transaction's callback
	const outcome: { shown: DatasetMeta | null; failure: StepError | null } = { shown: null, failure: null };
	let saving: ReturnType<Steps['save']>;
	try {
		saving = steps.save(db, meta, columns, (id) => {
			try {
				const stored: DatasetMeta = { ...meta, id };
				shown(stored, prepared);
				outcome.shown = stored;
			} catch (err) {
				outcome.failure = new StepError('views', messageOf(err));
				// abort the transaction: the dataset must not land without a dashboard
				throw outcome.failure;
			}
		});
	} catch (err) {
		throw storeFailure(err);
	}
	const committed = saving.committed.then(
		() => undefined,
		(err) => {
			throw storeFailure(outcome.failure ?? err);
		}
	);
	committed.catch(() => {});
	let datasetId: number;
	try {
		datasetId = await saving.id;
	} catch (err) {
		throw storeFailure(outcome.failure ?? err);
	}
	if (outcome.failure || !outcome.shown) {
		// wait until the transaction is rolled back, so the page never sees a half-stored dataset
		await committed.catch(() => {});
		throw outcome.failure ?? new StepError('save', 'the dataset was stored without being shown');
	}
	return { datasetId, meta: outcome.shown, committed };
}

/** What opening a stored dataset gives the worker: the dataset, ready to show. */
export interface OpenedStored {
	meta: DatasetMeta;
	analysis: Analysis;
	classification: Classification;
	prepared: Prepared;
}

/** Replaceable steps of opening a stored dataset (fault tests only). */
export interface OpenSteps {
	load: typeof loadDataset;
	views: Steps['views'];
}

export const DEFAULT_OPEN_STEPS: OpenSteps = { load: loadDataset, views: prepareViews };

/**
 * Loads, checks and classifies a stored dataset. Any failure (missing, incomplete or corrupt
 * records, an exception while building its views) rejects with an OpenError naming the dataset;
 * nothing is changed in the database.
 */
export async function openStored(
	db: ParetoscopeDb,
	datasetId: number,
	settings: ClassifySettings,
	steps: OpenSteps = DEFAULT_OPEN_STEPS
): Promise<OpenedStored> {
	let name = '';
	try {
		const loaded = await steps.load(db, datasetId);
		if (!loaded) throw new Error('it is not in this browser’s storage any more');
		name = typeof loaded.meta?.name === 'string' ? loaded.meta.name : '';
		checkStoredDataset(loaded.meta, loaded.columns);
		const analysis = new Analysis(loaded.columns);
		const classification = analysis.classify(settings);
		const prepared = steps.views(analysis.data, classification);
		return { meta: loaded.meta, analysis, classification, prepared };
	} catch (err) {
		// the name from the record alone when the dataset could not be read as a whole
		throw new OpenError(datasetId, name || (await storedDatasetName(db, datasetId)), messageOf(err));
	}
}
