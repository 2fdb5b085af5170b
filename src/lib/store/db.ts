import Dexie, { type EntityTable } from 'dexie';
import type { ImportReport } from '../ingest/build';
import type { SalesColumns } from '../engine/types';
import type { TextEncodingName } from '../ingest/types';
import type { SqlColumns } from '../engine/sql';

export interface DatasetFileInfo {
	name: string;
	size: number;
	encoding: TextEncodingName;
	delimiter: string;
}

/** What the dataset list shows; small, read often. */
export interface DatasetMeta {
	id: number;
	name: string;
	createdAt: number;
	files: DatasetFileInfo[];
	rowCount: number;
	customerCount: number;
	has: { date: boolean; quantity: boolean; profit: boolean; order: boolean; manager: boolean };
	/** first and last valid day number, when dates exist */
	dateRange: [number, number] | null;
	report: ImportReport;
	/** header names of the mapped columns of the first file, for "Show as SQL" */
	sqlColumns?: SqlColumns;
}

/** The columns themselves, stored as typed arrays (structured clone keeps them compact). */
export interface DatasetColumns {
	datasetId: number;
	columns: SalesColumns;
}

export interface SettingRecord {
	key: string;
	value: unknown;
}

export const DB_NAME = 'paretoscope';

export class ParetoscopeDb extends Dexie {
	datasets!: EntityTable<DatasetMeta, 'id'>;
	columns!: EntityTable<DatasetColumns, 'datasetId'>;
	settings!: EntityTable<SettingRecord, 'key'>;

	constructor(name = DB_NAME) {
		super(name);
		this.version(1).stores({
			datasets: '++id, createdAt',
			columns: 'datasetId',
			settings: 'key'
		});
	}
}

let shared: ParetoscopeDb | null = null;

/** One connection per JS context (page or worker). */
export function getDb(): ParetoscopeDb {
	shared ??= new ParetoscopeDb();
	return shared;
}
