import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ColumnChunk } from './columns-io';
import type { ImportReport } from '../ingest/build';
import type { SalesColumns } from '../engine/types';
import type { TextEncodingName } from '../ingest/types';
import type { SqlColumns } from '../engine/sql';
import type { Dossier, Prospect } from '../engine/crm-types';

export interface DatasetFileInfo {
	name: string;
	size: number;
	encoding: TextEncodingName;
	delimiter: string;
	/** `fileFingerprint` of the file (core/file-fingerprint.ts); absent in datasets stored before it */
	fingerprint?: string;
}

/** What the dataset list shows; small, read often. */
export interface DatasetMeta {
	id: number;
	/** the workspace (one client or company) the dataset belongs to */
	workspaceId: string;
	name: string;
	createdAt: number;
	files: DatasetFileInfo[];
	rowCount: number;
	customerCount: number;
	has: { date: boolean; quantity: boolean; profit: boolean; order: boolean; manager: boolean; discount?: boolean };
	/** first and last valid day number, when dates exist */
	dateRange: [number, number] | null;
	report: ImportReport;
	/** header names of the mapped columns of the first file, for "Show as SQL" */
	sqlColumns?: SqlColumns;
	/**
	 * the dimensions kept with the columns (name and how many distinct values), in the order chosen;
	 * `null` for a dataset stored before dimensions existed (the v4 upgrade and restored older
	 * backups write it); new imports write the list, maybe empty
	 */
	dimensions?: { name: string; values: number }[] | null;
}

/** The columns themselves, stored as typed arrays (structured clone keeps them compact). */
export interface DatasetColumns {
	datasetId: number;
	columns: SalesColumns;
}

export interface Workspace {
	id: string;
	name: string;
	createdAt: number;
}

export const DEFAULT_WORKSPACE_ID = 'default';

export interface SettingRecord {
	key: string;
	value: unknown;
}

export const DB_NAME = 'paretoscope';

/** Released schemas, kept verbatim so upgrade tests can build a database of each. */
export const SCHEMA_V1 = { datasets: '++id, createdAt', columns: 'datasetId', settings: 'key' };
export const SCHEMA_V3_CHANGES = {
	// row chunks of datasets too big for one IndexedDB record
	chunks: '[datasetId+part], datasetId'
};
export const SCHEMA_V2 = {
	datasets: '++id, createdAt, workspaceId',
	columns: 'datasetId',
	settings: 'key',
	workspaces: 'id, createdAt',
	prospects: 'id, workspaceId, updatedAt',
	dossiers: 'id, workspaceId, customerKey'
};
/** v3 and v4 have the same stores (v4 only upgrades records) */
export const SCHEMA_V3 = { ...SCHEMA_V2, ...SCHEMA_V3_CHANGES };

export class ParetoscopeDb extends Dexie {
	datasets!: EntityTable<DatasetMeta, 'id'>;
	columns!: EntityTable<DatasetColumns, 'datasetId'>;
	settings!: EntityTable<SettingRecord, 'key'>;
	workspaces!: EntityTable<Workspace, 'id'>;
	prospects!: EntityTable<Prospect, 'id'>;
	dossiers!: EntityTable<Dossier, 'id'>;
	chunks!: Table<ColumnChunk, [number, number]>;

	constructor(name = DB_NAME) {
		super(name);
		// v1: the foundation (datasets, columns, settings). Never edit a released version: add one.
		this.version(1).stores(SCHEMA_V1);
		// v2: workspaces keep datasets, prospects and dossiers of one company together
		this.version(2)
			.stores(SCHEMA_V2)
			.upgrade(async (tx) => {
				await tx.table('workspaces').put({ id: DEFAULT_WORKSPACE_ID, name: '', createdAt: Date.now() });
				await tx
					.table('datasets')
					.toCollection()
					.modify((d: Partial<DatasetMeta>) => {
						d.workspaceId ??= DEFAULT_WORKSPACE_ID;
					});
			});
		// v3: big datasets are stored in row chunks; existing datasets stay as they are
		this.version(3).stores(SCHEMA_V3);
		// v4: datasets keep dimension columns; a dataset stored before says so with `dimensions: null`
		this.version(4)
			.stores(SCHEMA_V3)
			.upgrade(async (tx) => {
				await tx
					.table('datasets')
					.toCollection()
					.modify((d: Partial<DatasetMeta>) => {
						if (d.dimensions === undefined) d.dimensions = null;
					});
			});
		this.on('populate', (tx) => {
			tx.table('workspaces').add({ id: DEFAULT_WORKSPACE_ID, name: '', createdAt: Date.now() });
		});
	}
}

let shared: ParetoscopeDb | null = null;

/** One connection per JS context (page or worker). */
export function getDb(): ParetoscopeDb {
	shared ??= new ParetoscopeDb();
	return shared;
}
