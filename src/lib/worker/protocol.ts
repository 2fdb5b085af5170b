/**
 * The analysis worker's protocol: the `Api` table of every request type with its payload and
 * result, the messages both ways, and failures carried as data. Client and handlers are typed by it.
 */
import type { ImportReport } from '../ingest/build';
import type { ImportErrorInfo } from '../ingest/errors';
import type { FileSniff, SniffOverrides } from '../ingest/file-sniff';
import type { ImportProgress } from '../ingest/import-types';
import type { DiscountKind } from '../ingest/discounts';
import type { AmountSource, ColumnMapping, DateOrder, DecimalSeparator, Interpretation } from '../ingest/types';
import type { CustomerPage, CustomerQuery } from '../engine/customer-table';
import type { DashboardView } from '../engine/dashboard';
import type { ClassifySettings, Metric } from '../engine/types';
import type {
	CompareView,
	MarginView,
	MigrationCellView,
	MigrationView,
	RecencyView,
	ReeseView,
	RfmView,
	VipView,
	XyzView
} from '../engine/view-types';
import type { VipSettings } from '../engine/vip';
import type {
	ClassDimensionView,
	ClassesWithinView,
	CustomerProfile,
	CustomerRowsPage,
	FilterOptions
} from '../engine/drill-types';
import type { RelaxOption } from '../engine/filter-relax';
import type { FilterCounts } from '../engine/filter-counts';
import type { XyzSettings } from '../engine/xyz';
import type { RecencySettings } from '../engine/recency';
import type { ReeseSettings } from '../engine/reese';
import type { Period } from '../engine/migration';
import type { ExportedFile, ExportFormat, SheetDialect } from '../engine/export';
import type { ExportLabels } from '../engine/export-labels';
import type { BackupErrorCode, RestorePlan } from '../store/backup';
import type { Prospect } from '../engine/crm-types';
import type { ProspectField } from '../ingest/prospect-csv';
import type { Delimiter } from '../ingest/sniff';
import type { TextEncodingName } from '../ingest/types';
import type { DatasetMeta } from '../store/db';
import type { AccountsView } from '../engine/accounts';
import type { ImportStep } from './import-steps';

/** The user's choices for one file in the mapping step. */
export interface FileChoice {
	file: File;
	overrides: SniffOverrides;
	mapping: ColumnMapping;
	amountSource: AmountSource;
	dateOrder: DateOrder;
	/** the user picked the date order by hand */
	dateOrderLocked?: boolean;
	decimalSeparators: DecimalSeparator[];
	/** what the export means beyond the mapping, as shown (and maybe changed) in the mapping step */
	meaning?: Interpretation;
	/** the page's `fileFingerprint` of the file, kept in the dataset's record */
	fingerprint?: string;
	/** columns kept as dimensions (filters); absent: the pre-ticked suggestions (ingest/dimensions.ts) */
	dimensions?: number[];
	/** what the discount column holds; absent: what its cells suggest (ingest/discounts.ts) */
	discountKind?: DiscountKind;
}

export type SniffOutcome = { ok: true; sniff: FileSniff } | { ok: false; error: ImportErrorInfo; fileName: string };

export interface Opened {
	meta: DatasetMeta;
	view: DashboardView;
	/**
	 * the customer table's page the request asked for (its `query`), so the dashboard and its table
	 * are drawn in one update, without a second round trip; absent when no query was sent
	 */
	page?: CustomerPage;
}

/** Request type → [payload, result]. One table so client and worker cannot drift apart. */
export interface Api {
	sniff: [{ file: File; overrides: SniffOverrides }, SniffOutcome];
	/**
	 * `confirmStages`: the page acknowledges the "classify" progress (a `seen` message) before the
	 * worker writes anything, so a Cancel pressed while "Classifying…" shows always wins.
	 */
	import: [
		{
			files: FileChoice[];
			name: string;
			workspaceId: string;
			settings: ClassifySettings;
			confirmStages?: boolean;
			/** parts a large file is read in (the bench's `--workers`); absent: one per core but one (`parseParts`) */
			parts?: number;
			/** the customer table's first page to answer with (`Opened.page`) */
			query?: CustomerQuery;
		},
		Opened
	];
	/** waits until an import's dataset is stored (the dashboard shows before the write commits) */
	stored: [{ datasetId: number }, null];
	/** `query`: the customer table's first page to answer with (`Opened.page`) */
	open: [{ datasetId: number; settings: ClassifySettings; query?: CustomerQuery }, Opened];
	classify: [{ settings: ClassifySettings }, DashboardView];
	/**
	 * a switch (settings, filter): `classify` and then `query` in one answer, so the page draws the
	 * new dashboard and its customer table in one update
	 */
	reclassify: [{ settings: ClassifySettings; query: CustomerQuery }, { view: DashboardView; page: CustomerPage }];
	query: [CustomerQuery, CustomerPage];
	exportCsv: [ExportOptions, string];
	/** a demo sales CSV in `language` ending on `today` (core/sample-sales.ts), made here so the page never blocks */
	sampleSales: [
		{ language: 'ru' | 'en' | 'ro'; today: { year: number; month: number; day: number } },
		{ fileName: string; text: string }
	];
	/** `labels`: every text of the file in the UI language (made by the page with t()); `sheetDialect`: the CSV for spreadsheets' dialect */
	exportFile: [
		ExportOptions & { format: ExportFormat; labels: ExportLabels; sheetDialect: SheetDialect },
		ExportedFile
	];
	backupExport: [{ workspaceId: string }, Blob];
	backupRead: [
		{ file: File },
		{ ok: true; plan: RestorePlan; summary: BackupSummary } | { ok: false; code: BackupErrorCode; detail?: string }
	];
	backupRestore: [
		{ mode: 'merge' | 'replace' },
		{ datasets: number; prospects: number; dossiers: number; workspaceId: string }
	];
	deleteAll: [Record<string, never>, null];
	vip: [{ settings: ClassifySettings; vip: VipSettings }, VipView];
	migration: [{ settings: ClassifySettings; previous: Period; current: Period }, MigrationView];
	migrationCell: [{ from: number; to: number }, MigrationCellView];
	margin: [{ settings: ClassifySettings; gap: number }, MarginView];
	xyz: [{ settings: ClassifySettings; xyz: XyzSettings }, XyzView];
	recency: [{ settings: ClassifySettings; recency: RecencySettings }, RecencyView];
	compare: [{ settings: ClassifySettings; a: Metric; b: Metric }, CompareView];
	rfm: [{ settings: ClassifySettings }, RfmView];
	reese: [{ settings: ClassifySettings; reese: ReeseSettings }, ReeseView];
	accounts: [{ settings: ClassifySettings }, AccountsView];
	sniffProspects: [{ file: File; encoding?: TextEncodingName; delimiter?: Delimiter }, ProspectSniff];
	parseProspects: [
		{
			file: File;
			encoding?: TextEncodingName;
			delimiter?: Delimiter;
			map: Record<ProspectField, number>;
			workspaceId: string;
			now: number;
		},
		Prospect[]
	];
	forget: [{ datasetId: number }, null];
	/** deletes a stored dataset (the open one is forgotten too) */
	deleteDataset: [{ id: number }, void];
	/** renames a stored dataset (the open one's name too); the name is trimmed, never empty */
	renameDataset: [{ id: number; name: string }, void];
	/** the filter bar's rows per value under the other conditions and the period */
	filterCounts: [{ settings: ClassifySettings }, FilterCounts];
	/** when a filter leaves no customer: the customers left without each one condition */
	filterRelax: [{ settings: ClassifySettings }, RelaxOption[]];
	/** the filter bar's choices for the open dataset (all rows, whatever the filter) */
	filterOptions: [Record<string, never>, FilterOptions];
	/** each class's metric split by the values of a dimension */
	classByDimension: [{ settings: ClassifySettings; dimension: string }, ClassDimensionView];
	/** the classes computed within each value of a dimension */
	classesWithin: [{ settings: ClassifySettings; dimension: string }, ClassesWithinView];
	/** the customer page; null when the key is not in the dataset */
	customer: [
		{ settings: ClassifySettings; key: string; vip: VipSettings; xyz: XyzSettings; recency: RecencySettings },
		CustomerProfile | null
	];
	/** a page of one customer's rows in scope, newest first */
	customerRows: [{ settings: ClassifySettings; key: string; offset: number; limit: number }, CustomerRowsPage];
}

/** Settings of the extra export columns; the classification itself is the open one. */
export interface ExportOptions {
	vip?: VipSettings;
	xyz?: XyzSettings;
	recency?: RecencySettings;
	/** the Movement tab's two periods: the workbook's Movement sheet */
	migration?: { previous: Period; current: Period };
	/** the Margin squeeze tab's gap: the workbook's Margin squeeze sheet (data with profit only) */
	marginGap?: number;
	/** the Customer types tab's thresholds: the customer-type column (data with discounts only) */
	reese?: ReeseSettings;
}

export type ProspectSniff =
	| {
			ok: true;
			header: string[];
			rows: string[][];
			map: Record<ProspectField, number>;
			encoding: TextEncodingName;
			delimiter: Delimiter;
	  }
	| { ok: false; error: ImportErrorInfo };

export interface BackupSummary {
	workspaceName: string;
	createdAt: number;
	datasets: number;
	prospects: number;
	dossiers: number;
}

export type RequestType = keyof Api;

export type WorkerRequest =
	| { [K in RequestType]: { id: number; type: K; payload: Api[K][0] } }[RequestType]
	| { id: number; type: 'cancel'; payload: { target: number } }
	/** the page has shown a progress event that asked for it (`ack`) */
	| { id: number; type: 'seen'; payload: { target: number } };

/**
 * A failed request as data. `step`: an import step after classification failed (nothing was
 * stored); `open`: a stored dataset could not be opened (`name` is '' when unreadable) and may be
 * deleted.
 */
export type Failure =
	| { kind: 'import'; info: ImportErrorInfo }
	| { kind: 'internal'; message: string }
	| { kind: 'step'; step: ImportStep; detail: string }
	| { kind: 'open'; datasetId: number; name: string; detail: string }
	/** the page cancelled the request (an export) before it finished */
	| { kind: 'cancelled' };

/** How far an import is: the file being read, rows parsed, then storing and classifying. */
export type ImportProgressEvent = ImportProgress & { stage: 'read' | 'parse' | 'store' | 'classify' };

/** How far an export file is written: a fraction 0..1. */
export interface ExportProgress {
	stage: 'export';
	fraction: number;
}

export type WorkerResponse =
	| {
			id: number;
			type: 'progress';
			progress: ImportProgressEvent | ExportProgress;
			/** the worker waits for a `seen` message once the page has handled this event */
			ack?: true;
	  }
	| { id: number; type: 'result'; result: unknown }
	| { id: number; type: 'error'; error: Failure };

export type { AccountsView, ImportReport };
