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

async function commitDataset(db: ParetoscopeDb, meta: NewDataset, columns: SalesColumns, added: (id: number) => void): Promise<number> {
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
		const available = estimate?.quota !== undefined && estimate.usage !== undefined ? Math.max(0, estimate.quota - estimate.usage) : null;
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
