/**
 * The analysis worker's state, as one object the dispatcher hands to every handler: the open
 * dataset, a backup waiting for the user's choice, cancelled requests, imports still being
 * written, the helper worker for large files, and the replaceable steps after classification.
 */
import type { FilterOptions } from '../engine/drill-types';
import type { RfmCustomer } from '../engine/rfm';
import type { ReeseSettings, ReeseType } from '../engine/reese';
import type { MigrationResult } from '../engine/migration';
import type { Analysis } from '../engine/dashboard';
import type { MonthlyTotals } from '../engine/monthly';
import type { XyzResult } from '../engine/xyz';
import type { Classification } from '../engine/types';
import type { ParallelParser } from '../ingest/import-types';
import type { ParsedBackup } from '../store/backup';
import { getDb, type DatasetMeta, type ParetoscopeDb } from '../store/db';
import { DEFAULT_OPEN_STEPS, DEFAULT_STEPS, type OpenSteps, type Steps } from './import-steps';

/** The dataset the dashboard shows, kept here so the page only ever receives small views. */
export interface Current {
	id: number;
	meta: DatasetMeta;
	analysis: Analysis;
	/**
	 * the rows the filter bar keeps (engine/row-filter.ts), as an analysis of their own with its
	 * totals cache; null while no filter is set. Kept for the last filter only.
	 */
	filtered: { key: string; analysis: Analysis } | null;
	/** the customers' search texts (engine/customer-table.ts), built at the first search; null until then */
	searchIndex: string[] | null;
	/** the classification the dashboard shows, computed on `scope(ctx, settings)` */
	classification: Classification;
	/** the analysis `classification` came from: the whole dataset or the filtered rows */
	scoped: Analysis;
	/** last filtered + sorted rank list, reused while paging */
	ranksCache: { key: string; ranks: number[] } | null;
	/** the last movement computed, for listing a matrix cell's customers */
	migration?: MigrationResult;
	/** the customer page's monthly totals and XYZ for the last settings, reused while paging customers */
	profileCache?: {
		key: string;
		analysis: Analysis;
		monthly?: MonthlyTotals;
		xyz?: XyzResult;
		/** RFM by customer index (engine/rfm.ts), for the customer page */
		rfm?: Map<number, RfmCustomer>;
	};
	/**
	 * Reese type per customer index for the open classification (its rows and period) under the
	 * Customer types tab's thresholds: the customer table's type column (handlers/segments.ts)
	 */
	reeseCache?: { classification: Classification; settings: string; types: (ReeseType | undefined)[] };
	/** the thresholds the Customer types tab last asked with (the table's column follows them) */
	reeseSettings?: ReeseSettings;
	/** what the filter bar offers for this dataset (handlers/drill.ts), counted once */
	filterOptions?: FilterOptions;
}

export interface WorkerContext {
	/** the open dataset (see open-dataset.ts), null before the first import or open */
	current: Current | null;
	/** a backup read and validated, waiting for the user to choose merge or replace */
	pendingBackup: ParsedBackup | null;
	/** ids of requests the page cancelled and that are still running */
	readonly cancelled: Set<number>;
	/** requests waiting for the page to have handled a progress event, by request id */
	readonly seen: Map<number, () => void>;
	/** imports shown on the dashboard whose transaction has not committed yet, by dataset id */
	readonly savesInFlight: Map<number, Promise<void>>;
	/** set by `select` after an import: the warm-up waits until the page's first customer page is answered */
	warmAfterFirstPage: (() => void) | null;
	/** a stored dataset being loaded (handlers/datasets.ts `open`): a second open of it waits for this one */
	opening: { datasetId: number; done: Promise<unknown> } | null;
	/** the steps after classification; replaced only by fault tests (`injectStepsForTests`) */
	steps: Steps;
	openSteps: OpenSteps;
	/** the second core reads half of each large file; undefined in a browser without nested workers */
	readonly parallel: (ParallelParser & { warm(): void }) | undefined;
	/** starts a worker that compresses an XLSX export's parts on the second core; undefined without nested workers */
	readonly deflateWorker: (() => Worker) | undefined;
	/** the database every stored thing goes to */
	readonly db: () => ParetoscopeDb;
}

/** A fresh worker state: nothing open, the real steps, the shared database unless `db` is given. */
export function createWorkerContext(options: {
	parallel?: WorkerContext['parallel'];
	deflateWorker?: WorkerContext['deflateWorker'];
	db?: () => ParetoscopeDb;
}): WorkerContext {
	return {
		current: null,
		pendingBackup: null,
		cancelled: new Set(),
		seen: new Map(),
		savesInFlight: new Map(),
		warmAfterFirstPage: null,
		opening: null,
		steps: DEFAULT_STEPS,
		openSteps: DEFAULT_OPEN_STEPS,
		parallel: options.parallel,
		deflateWorker: options.deflateWorker,
		db: options.db ?? getDb
	};
}
