/**
 * The page's one door to IndexedDB (README "Architecture: who writes the database").
 *
 * The analysis worker writes datasets (import, delete, backup restore, delete everything); this
 * module is the only page-side code that reads or writes the database, for the small records a
 * person edits by hand: settings, workspaces, prospects and dossiers. Every call answers with a
 * `Stored<T>` instead of throwing, so a full disk or a blocked upgrade reaches the screen as an
 * app error code, never as an unhandled rejection.
 */
import type { Dossier, Prospect } from '../engine/crm-types';
import {
	listDossiers,
	listProspects,
	listWorkspaces,
	putDossier,
	putProspect,
	putProspects,
	putWorkspace,
	deleteProspect
} from './crm';
import { getSetting, listDatasets, putSetting } from './datasets';
import { getDb, type DatasetMeta, type Workspace } from './db';
import { storageCode, type StorageCode } from './errors';

/** What a storage call answers: its value, or an app error code with the browser's message. */
export type Stored<T> = { ok: true; value: T } | { ok: false; code: StorageCode; message: string };

async function stored<T>(work: () => Promise<T>): Promise<Stored<T>> {
	try {
		return { ok: true, value: await work() };
	} catch (err) {
		return { ok: false, code: storageCode(err), message: err instanceof Error ? err.message : String(err) };
	}
}

/** A setting by key (`classify`, `workspace`…), or `fallback` when none is stored. */
export const loadSetting = <T>(key: string, fallback: T) => stored(() => getSetting<T>(getDb(), key, fallback));
export const saveSetting = (key: string, value: unknown) => stored(() => putSetting(getDb(), key, value));

/** Workspaces in creation order. */
export const loadWorkspaces = () => stored<Workspace[]>(() => listWorkspaces(getDb()));
export const saveWorkspace = (w: Workspace) => stored(() => putWorkspace(getDb(), w));

/** Stored datasets of a workspace, newest first (records only, never the row columns). */
export const loadDatasets = (workspaceId: string) => stored<DatasetMeta[]>(() => listDatasets(getDb(), workspaceId));

/** Prospects and dossiers of a workspace. */
export const loadCrm = (workspaceId: string) =>
	stored<[Prospect[], Dossier[]]>(() =>
		Promise.all([listProspects(getDb(), workspaceId), listDossiers(getDb(), workspaceId)])
	);
export const saveProspect = (p: Prospect) => stored(() => putProspect(getDb(), p));
export const saveProspects = (list: Prospect[]) => stored(() => putProspects(getDb(), list));
export const removeProspect = (id: string) => stored(() => deleteProspect(getDb(), id));
export const saveDossier = (d: Dossier) => stored(() => putDossier(getDb(), d));

/** Calls `onChange` when another tab opens a newer database version (this tab must then reload). */
export function onVersionChange(onChange: () => void): void {
	getDb().on('versionchange', () => {
		onChange();
	});
}
