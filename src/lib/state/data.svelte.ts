import { app } from './app.svelte';
import { crm } from './crm.svelte';
import type { Api } from '../worker/protocol';
import { saveBlob } from '../components/download';

type BackupRead = Api['backupRead'][1];

/** Storage persistence, backup / restore and wiping, for the Data page. */
class DataState {
	persisted = $state<boolean | null>(null);
	usage = $state<number | null>(null);
	quota = $state<number | null>(null);
	backup = $state.raw<BackupRead | null>(null);
	restored = $state.raw<Api['backupRestore'][1] | null>(null);
	busy = $state(false);
	wiped = $state(false);

	async refresh(): Promise<void> {
		if (!navigator.storage) return;
		this.persisted = (await navigator.storage.persisted?.()) ?? null;
		const est = await navigator.storage.estimate?.();
		this.usage = est?.usage ?? null;
		this.quota = est?.quota ?? null;
	}

	async askPersist(): Promise<void> {
		this.persisted = (await navigator.storage?.persist?.()) ?? false;
		await this.refresh();
	}

	async downloadBackup(): Promise<void> {
		this.busy = true;
		try {
			const blob = await app.client.request('backupExport', { workspaceId: app.workspaceId });
			const name = (app.workspaces.find((w) => w.id === app.workspaceId)?.name || 'workspace').replace(
				/[^\p{L}\p{N}._-]+/gu,
				'_'
			);
			saveBlob(blob, `paretoscope-${name}-${new Date().toISOString().slice(0, 10)}.paretoscope.gz`);
		} finally {
			this.busy = false;
		}
	}

	async readBackup(file: File): Promise<void> {
		this.restored = null;
		this.backup = await app.client.request('backupRead', { file });
	}

	async restore(mode: 'merge' | 'replace'): Promise<void> {
		this.busy = true;
		try {
			this.restored = await app.client.request('backupRestore', { mode });
			this.backup = null;
			await app.refreshWorkspaces();
			await app.reloadSettings();
			await app.switchWorkspace(this.restored.workspaceId);
			await crm.load();
			await this.refresh();
		} finally {
			this.busy = false;
		}
	}

	async deleteEverything(): Promise<void> {
		this.busy = true;
		try {
			await app.client.request('deleteAll', {});
			await app.reloadSettings();
			await app.refreshWorkspaces();
			await app.switchWorkspace(app.workspaceId);
			await crm.load();
			await this.refresh();
			this.wiped = true;
		} finally {
			this.busy = false;
		}
	}
}

export const data = new DataState();
