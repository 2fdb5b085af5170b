import type { SalesColumns } from '../engine/types';
import type { DatasetMeta, ParetoscopeDb } from './db';
import { approximateBytes, isQuotaError, StorageQuotaError } from './errors';
import { deleteColumns, readColumns, writeColumns } from './columns-io';

export type NewDataset = Omit<DatasetMeta, 'id'>;

/**
 * Stores a dataset and its columns in one transaction: either both land or neither does. A full
 * disk or quota becomes a StorageQuotaError saying how much was needed and is available.
 */
export async function saveDataset(db: ParetoscopeDb, meta: NewDataset, columns: SalesColumns): Promise<number> {
	return startSavingDataset(db, meta, columns).committed;
}

/**
 * `saveDataset` in two steps: `id` is known (and `onId` called, synchronously inside the
 * transaction) as soon as the dataset's record is added, before the columns are written; `committed` settles when the transaction does. Until then
 * nothing of the dataset is visible to other readers, and a failure (or a closed tab) leaves
 * nothing behind.
 */
export function startSavingDataset(
	db: ParetoscopeDb,
	meta: NewDataset,
	columns: SalesColumns,
	onId: (id: number) => void = () => {}
): { id: Promise<number>; committed: Promise<number> } {
	let resolveId: (id: number) => void = () => {};
	const id = new Promise<number>((resolve) => (resolveId = resolve));
	// `onId` runs before the columns are handed to the database (copying them takes ~100 ms a million rows)
	const committed = commitDataset(db, meta, columns, (v) => {
		resolveId(v);
		onId(v);
	});
	// a transaction that fails before the record is added rejects `id` too
	return { id: Promise.race([id, committed]), committed };
}

async function commitDataset(
	db: ParetoscopeDb,
	meta: NewDataset,
	columns: SalesColumns,
	added: (id: number) => void
): Promise<number> {
	try {
		return await db.transaction('rw', db.datasets, db.columns, db.chunks, async () => {
			const id = (await db.datasets.add(meta as DatasetMeta)) as number;
			added(id);
			await writeColumns(db, id, columns);
			return id;
		});
	} catch (err) {
		if (!isQuotaError(err)) throw err;
		const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
		const available =
			estimate?.quota !== undefined && estimate.usage !== undefined
				? Math.max(0, estimate.quota - estimate.usage)
				: null;
		throw new StorageQuotaError(approximateBytes(columns) + approximateBytes(meta), available);
	}
}

/** Newest first; only one workspace's when given. */
export async function listDatasets(db: ParetoscopeDb, workspaceId?: string): Promise<DatasetMeta[]> {
	const all = await db.datasets.orderBy('createdAt').reverse().toArray();
	return workspaceId === undefined ? all : all.filter((d) => d.workspaceId === workspaceId);
}

export async function loadDataset(
	db: ParetoscopeDb,
	id: number
): Promise<{ meta: DatasetMeta; columns: SalesColumns } | null> {
	return db.transaction('r', db.datasets, db.columns, db.chunks, async () => {
		const meta = await db.datasets.get(id);
		const columns = await readColumns(db, id);
		return meta && columns ? { meta, columns } : null;
	});
}

/** The stored name of a dataset, '' when its record is missing or unreadable; never throws. */
export async function storedDatasetName(db: ParetoscopeDb, id: number): Promise<string> {
	try {
		const meta = await db.datasets.get(id);
		return typeof meta?.name === 'string' ? meta.name : '';
	} catch {
		return '';
	}
}

export async function deleteDataset(db: ParetoscopeDb, id: number): Promise<void> {
	await db.transaction('rw', db.datasets, db.columns, db.chunks, async () => {
		await deleteColumns(db, [id]);
		await db.datasets.delete(id);
	});
}

export async function renameDataset(db: ParetoscopeDb, id: number, name: string): Promise<void> {
	await db.datasets.update(id, { name });
}

export async function getSetting<T>(db: ParetoscopeDb, key: string, fallback: T): Promise<T> {
	const rec = await db.settings.get(key);
	return rec ? (rec.value as T) : fallback;
}

export async function putSetting(db: ParetoscopeDb, key: string, value: unknown): Promise<void> {
	await db.settings.put({ key, value });
}

/**
 * Throws an Error saying what is wrong when a stored dataset cannot be shown: a record written by
 * an earlier version, or damaged, without the fields or row arrays the dashboard reads.
 */
export function checkStoredDataset(meta: DatasetMeta | undefined, columns: SalesColumns | undefined): void {
	if (!meta || typeof meta !== 'object') throw new Error('its record is missing');
	if (typeof meta.name !== 'string') throw new Error('its record has no name');
	if (!meta.has || typeof meta.has !== 'object') throw new Error('its record does not say which columns it has');
	if (!meta.report || typeof meta.report !== 'object') throw new Error('its record has no import report');
	if (!columns || typeof columns !== 'object') throw new Error('its columns are missing');
	const rows = columns.rowCount;
	if (!Number.isInteger(rows) || rows < 0) throw new Error('its row count is unreadable');
	if (!Array.isArray(columns.customerKeys) || !Array.isArray(columns.customerNames))
		throw new Error('its customer list is missing');
	if (columns.customerNames.length !== columns.customerKeys.length)
		throw new Error('its customer names do not match its customers');
	const rowArrays: [string, ArrayLike<number> | undefined, boolean][] = [
		['customer', columns.customer, true],
		['amount', columns.amount, true],
		['quantity', columns.quantity, false],
		['profit', columns.profit, false],
		['date', columns.date, false],
		['order', columns.order, false],
		['discount', columns.discount, false]
	];
	for (const [name, a, required] of rowArrays) {
		if (a === undefined || a === null) {
			if (required) throw new Error(`its ${name} column is missing`);
			continue;
		}
		if (!ArrayBuffer.isView(a) || a.length !== rows) throw new Error(`its ${name} column does not have ${rows} rows`);
	}
	// datasets stored before dimensions existed have none: they open without filters
	if (columns.dimensions === undefined || columns.dimensions === null) return;
	if (!Array.isArray(columns.dimensions)) throw new Error('its dimensions are unreadable');
	for (const d of columns.dimensions) {
		if (!d || typeof d.name !== 'string' || !Array.isArray(d.values)) throw new Error('a dimension is unreadable');
		if (!(d.codes instanceof Uint16Array) || d.codes.length !== rows)
			throw new Error(`its dimension "${d.name}" does not have ${rows} rows`);
	}
}
