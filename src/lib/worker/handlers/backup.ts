/**
 * Whole-workspace requests: exporting a backup, reading one (kept until the user chooses merge or
 * replace), restoring it, and deleting all stored data. Restoring or deleting closes the open dataset.
 */
import {
	BackupError,
	deleteAllData,
	exportWorkspace,
	planRestore,
	readBackup,
	restoreBackup
} from '../../store/backup';
import type { HandlersFor } from './types';

export const backupHandlers: HandlersFor<'backupExport' | 'backupRead' | 'backupRestore' | 'deleteAll'> = {
	backupExport: async ({ workspaceId }, ctx) => exportWorkspace(ctx.db(), workspaceId),

	/** A file that is not a readable backup answers `ok: false` with the reason (data, not a failure). */
	async backupRead({ file }, ctx) {
		try {
			const b = await readBackup(file);
			ctx.pendingBackup = b;
			return {
				ok: true,
				plan: await planRestore(ctx.db(), b),
				summary: {
					workspaceName: b.workspace.name,
					createdAt: b.createdAt,
					datasets: b.datasets.length,
					prospects: b.prospects.length,
					dossiers: b.dossiers.length
				}
			};
		} catch (err) {
			ctx.pendingBackup = null;
			if (err instanceof BackupError) return { ok: false, code: err.code, detail: err.detail };
			throw err;
		}
	},

	async backupRestore({ mode }, ctx) {
		if (!ctx.pendingBackup) throw new Error('Choose a backup file first.');
		const b = ctx.pendingBackup;
		const counts = await restoreBackup(ctx.db(), b, mode);
		ctx.pendingBackup = null;
		ctx.current = null;
		return { ...counts, workspaceId: b.workspace.id };
	},

	async deleteAll(_payload, ctx) {
		await deleteAllData(ctx.db());
		ctx.current = null;
		return null;
	}
};
