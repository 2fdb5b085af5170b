import type { Dossier, Prospect } from '../engine/crm-types';
import type { ParetoscopeDb, Workspace } from './db';

export async function listWorkspaces(db: ParetoscopeDb): Promise<Workspace[]> {
	return db.workspaces.orderBy('createdAt').toArray();
}

export async function putWorkspace(db: ParetoscopeDb, w: Workspace): Promise<void> {
	await db.workspaces.put(w);
}

export async function listProspects(db: ParetoscopeDb, workspaceId: string): Promise<Prospect[]> {
	return db.prospects.where('workspaceId').equals(workspaceId).toArray();
}

export async function putProspect(db: ParetoscopeDb, p: Prospect): Promise<void> {
	await db.prospects.put(p);
}

export async function putProspects(db: ParetoscopeDb, ps: Prospect[]): Promise<void> {
	await db.transaction('rw', db.prospects, () => db.prospects.bulkPut(ps));
}

export async function deleteProspect(db: ParetoscopeDb, id: string): Promise<void> {
	await db.prospects.delete(id);
}

export function dossierId(workspaceId: string, customerKey: string): string {
	return `${workspaceId}\u0000${customerKey}`;
}

export async function listDossiers(db: ParetoscopeDb, workspaceId: string): Promise<Dossier[]> {
	return db.dossiers.where('workspaceId').equals(workspaceId).toArray();
}

export async function getDossier(
	db: ParetoscopeDb,
	workspaceId: string,
	customerKey: string
): Promise<Dossier | undefined> {
	return db.dossiers.get(dossierId(workspaceId, customerKey));
}

export async function putDossier(db: ParetoscopeDb, d: Dossier): Promise<void> {
	await db.dossiers.put(d);
}
