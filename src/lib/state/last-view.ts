/**
 * Continuity (README "Coming back"): the dataset and tab last shown in each workspace, so a reload
 * or the next visit opens where the user left off. Kept in the page store; a missing or deleted
 * dataset simply means the start page.
 */
import { loadSetting, saveSetting } from '../store/page-store';
import { TABS, type Tab } from './share-link';

const LAST_KEY = 'lastView';

export interface LastView {
	datasetId: number;
	tab: Tab;
}

type Stored = Record<string, LastView>;

/** The last view of `workspaceId`, or null (none stored, unreadable, or malformed). */
export async function loadLastView(workspaceId: string): Promise<LastView | null> {
	const r = await loadSetting<Stored | null>(LAST_KEY, null);
	const v = r.ok ? r.value?.[workspaceId] : undefined;
	if (!v || !Number.isInteger(v.datasetId) || !TABS.includes(v.tab)) return null;
	return { datasetId: v.datasetId, tab: v.tab };
}

/** Remembers the view of `workspaceId` (null: nothing open); a refused write only loses the memory. */
export async function saveLastView(workspaceId: string, view: LastView | null): Promise<void> {
	const r = await loadSetting<Stored | null>(LAST_KEY, null);
	const all: Stored = { ...((r.ok && r.value) || {}) };
	if (view) all[workspaceId] = view;
	else delete all[workspaceId];
	await saveSetting(LAST_KEY, all);
}
