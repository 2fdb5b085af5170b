/**
 * Workspaces and the datasets stored in the current one. A workspace keeps one company's
 * datasets, prospects and dossiers together (README "What you can do").
 */
import { DEFAULT_WORKSPACE_ID, type DatasetMeta, type Workspace } from '../store/db';
import { loadDatasets, loadSetting, loadWorkspaces, saveSetting, saveWorkspace } from '../store/page-store';
import type { Session } from './session.svelte';

const WORKSPACE_KEY = 'workspace';

export class WorkspaceState {
	workspaceId = $state(DEFAULT_WORKSPACE_ID);
	workspaces = $state.raw<Workspace[]>([]);
	datasets = $state.raw<DatasetMeta[]>([]);

	constructor(private readonly session: Session) {}

	/** The workspace chosen last time (the default one when none is stored). */
	async loadChosen(): Promise<void> {
		const id = await loadSetting<string>(WORKSPACE_KEY, DEFAULT_WORKSPACE_ID);
		this.workspaceId = id.ok ? id.value : DEFAULT_WORKSPACE_ID;
	}

	async refreshWorkspaces(): Promise<void> {
		const list = await loadWorkspaces();
		if (!list.ok) return this.session.failStorage(list.code);
		this.workspaces = list.value;
		if (!this.workspaces.some((w) => w.id === this.workspaceId)) this.workspaceId = DEFAULT_WORKSPACE_ID;
	}

	async refreshDatasets(): Promise<void> {
		const list = await loadDatasets(this.workspaceId);
		if (!list.ok) return this.session.failStorage(list.code);
		this.datasets = list.value;
	}

	/** Makes `id` the current workspace (remembered for the next visit) and lists its datasets. */
	async choose(id: string): Promise<void> {
		this.workspaceId = id;
		const saved = await saveSetting(WORKSPACE_KEY, id);
		if (!saved.ok) this.session.failStorage(saved.code);
	}

	/** A new workspace named `name`; answers its id, or null after showing why it was not saved. */
	async create(name: string): Promise<string | null> {
		const w: Workspace = { id: crypto.randomUUID(), name: name.trim(), createdAt: Date.now() };
		const saved = await saveWorkspace(w);
		if (!saved.ok) {
			this.session.failStorage(saved.code);
			return null;
		}
		await this.refreshWorkspaces();
		return w.id;
	}

	/** The display name of a dataset known in this workspace ('' when unknown). */
	datasetName(id: number): string {
		return this.datasets.find((d) => d.id === id)?.name ?? '';
	}
}
