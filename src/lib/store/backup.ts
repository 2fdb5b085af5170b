/**
 * Whole-workspace backup against the database: exporting a workspace as one file, planning and
 * restoring a read backup (merge or replace, in one transaction), and deleting all data. The file
 * format is backup-format.ts; reading and validating a file is backup-read.ts (re-exported here).
 * A backup holds a workspace, its datasets (meta + columns), its prospects and dossiers, and the
 * (global) settings.
 */
import type { SalesColumns } from '../engine/types';
import { DEFAULT_WORKSPACE_ID, type DatasetMeta, type ParetoscopeDb } from './db';
import { deleteColumns, readColumns, writeColumns } from './columns-io';
import { BACKUP_FORMAT, BACKUP_VERSION, encodeBackup } from './backup-format';
import type { ParsedBackup } from './backup-read';

export { BACKUP_FORMAT, BACKUP_VERSION, BackupError, type BackupErrorCode } from './backup-format';
export { readBackup, type ParsedBackup } from './backup-read';

/** What a restore of a read backup would meet in the database (counts of records), for the user to choose merge or replace. */
export interface RestorePlan {
	/** a workspace with the backup's id is already in the database */
	workspaceExists: boolean;
	/** backup datasets that look already present (same workspace, name, createdAt and rowCount): merge would add them a second time */
	conflictingDatasets: number;
	/** backup prospects whose id is already in the database: merge keeps the database's */
	conflictingProspects: number;
	/** backup dossiers whose id is already in the database: merge keeps the database's */
	conflictingDossiers: number;
	/** what 'replace' would delete first */
	existingDatasets: number;
	existingProspects: number;
	existingDossiers: number;
}

// ---------------------------------------------------------------------------------------------
// export

/**
 * The whole workspace as one backup file (format: backup-format.ts): the workspace record, its
 * datasets (meta + columns, oldest first), prospects and dossiers, and every (global) setting, read
 * in one transaction. Throws when `workspaceId` names no workspace (the default one always exists).
 */
export async function exportWorkspace(db: ParetoscopeDb, workspaceId: string): Promise<Blob> {
	const data = await db.transaction(
		'r',
		[db.workspaces, db.datasets, db.columns, db.chunks, db.prospects, db.dossiers, db.settings],
		async () => {
			let workspace = await db.workspaces.get(workspaceId);
			if (!workspace) {
				// the app falls back to the default workspace even when its record is missing
				if (workspaceId !== DEFAULT_WORKSPACE_ID) throw new Error(`No workspace "${workspaceId}"`);
				workspace = { id: DEFAULT_WORKSPACE_ID, name: '', createdAt: 0 };
			}
			const metas = await db.datasets.where('workspaceId').equals(workspaceId).sortBy('createdAt');
			// a meta without columns (never written by saveDataset) cannot be restored: left out
			const datasets: { meta: DatasetMeta; columns: SalesColumns }[] = [];
			for (const meta of metas) {
				const columns = await readColumns(db, meta.id);
				if (columns) datasets.push({ meta, columns });
			}
			return {
				workspace,
				datasets,
				prospects: await db.prospects.where('workspaceId').equals(workspaceId).toArray(),
				dossiers: await db.dossiers.where('workspaceId').equals(workspaceId).toArray(),
				settings: await db.settings.toArray()
			};
		}
	);
	const doc = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		schemaVersion: db.verno,
		createdAt: Date.now(),
		...data
	};
	return encodeBackup(doc);
}

// ---------------------------------------------------------------------------------------------
// restore

const sameDataset = (a: DatasetMeta, b: DatasetMeta) =>
	a.workspaceId === b.workspaceId && a.name === b.name && a.createdAt === b.createdAt && a.rowCount === b.rowCount;

/** What restoring `b` would meet: conflicts for 'merge' and what 'replace' would delete (read only). */
export async function planRestore(db: ParetoscopeDb, b: ParsedBackup): Promise<RestorePlan> {
	return db.transaction('r', [db.workspaces, db.datasets, db.prospects, db.dossiers], async () => {
		const wsId = b.workspace.id;
		const existing = await db.datasets.where('workspaceId').equals(wsId).toArray();
		const prospects = await db.prospects.bulkGet(b.prospects.map((p) => p.id));
		const dossiers = await db.dossiers.bulkGet(b.dossiers.map((d) => d.id));
		return {
			workspaceExists: (await db.workspaces.get(wsId)) !== undefined,
			conflictingDatasets: b.datasets.filter((d) => existing.some((e) => sameDataset(e, d.meta))).length,
			conflictingProspects: prospects.filter((p) => p !== undefined).length,
			conflictingDossiers: dossiers.filter((d) => d !== undefined).length,
			existingDatasets: existing.length,
			existingProspects: await db.prospects.where('workspaceId').equals(wsId).count(),
			existingDossiers: await db.dossiers.where('workspaceId').equals(wsId).count()
		};
	});
}

/**
 * Writes a parsed backup, all in one transaction (any failure changes nothing).
 * 'merge': adds the backup's datasets (with new ids) and the prospects, dossiers, settings and
 * workspace record whose ids are not in the database yet; nothing existing is overwritten.
 * 'replace': first deletes the workspace's datasets, prospects and dossiers, writes the backup's
 * workspace record, then adds as in 'merge' (records of other workspaces are never touched: a
 * prospect or dossier whose id is taken by another workspace is skipped).
 * Settings are global: in both modes only keys missing from the database are added.
 * Returns how many datasets, prospects and dossiers were written.
 */
export async function restoreBackup(
	db: ParetoscopeDb,
	b: ParsedBackup,
	mode: 'merge' | 'replace'
): Promise<{ datasets: number; prospects: number; dossiers: number }> {
	return db.transaction(
		'rw',
		[db.workspaces, db.datasets, db.columns, db.chunks, db.prospects, db.dossiers, db.settings],
		async () => {
			const wsId = b.workspace.id;
			if (mode === 'replace') {
				const ids = await db.datasets.where('workspaceId').equals(wsId).primaryKeys();
				await deleteColumns(db, ids);
				await db.datasets.bulkDelete(ids);
				await db.prospects.where('workspaceId').equals(wsId).delete();
				await db.dossiers.where('workspaceId').equals(wsId).delete();
				await db.workspaces.put(b.workspace);
			} else if (!(await db.workspaces.get(wsId))) {
				await db.workspaces.add(b.workspace);
			}

			for (const d of b.datasets) {
				const { id: _old, ...meta } = d.meta;
				// a dataset backed up before dimensions existed is restored as such (see DatasetMeta)
				if (meta.dimensions === undefined) meta.dimensions = null;
				const id = (await db.datasets.add(meta as DatasetMeta)) as number;
				await writeColumns(db, id, d.columns);
			}

			const addMissing = async <T extends { id: string }>(
				table: ParetoscopeDb['prospects'] | ParetoscopeDb['dossiers'],
				rows: T[]
			) => {
				const found = await table.bulkGet(rows.map((r) => r.id));
				const fresh = rows.filter((_, i) => found[i] === undefined);
				// add one by one so a failure rejects here (and aborts the transaction) with the record's own error
				for (const r of fresh) await (table as unknown as { add(r: T): Promise<unknown> }).add(r);
				return fresh.length;
			};
			const prospects = await addMissing(db.prospects, b.prospects);
			const dossiers = await addMissing(db.dossiers, b.dossiers);

			const found = await db.settings.bulkGet(b.settings.map((s) => s.key));
			for (const [i, s] of b.settings.entries()) if (found[i] === undefined) await db.settings.add(s);

			return { datasets: b.datasets.length, prospects, dossiers };
		}
	);
}

/**
 * The "Delete all my data" action: clears every table in one transaction and leaves the database
 * as a new one starts (only the empty default workspace, which the app always expects).
 */
export async function deleteAllData(db: ParetoscopeDb): Promise<void> {
	await db.transaction('rw', db.tables, async () => {
		for (const t of db.tables) await t.clear();
		await db.workspaces.add({ id: DEFAULT_WORKSPACE_ID, name: '', createdAt: Date.now() });
	});
}
