/**
 * Stored-dataset requests: opening one (it becomes the open dataset), forgetting the open one, and
 * deleting one from the database.
 */
import { deleteDataset, renameDataset } from '../../store/datasets';
import { openStored, OpenError } from '../import-steps';
import { reclassify, select } from '../open-dataset';
import { customerPage } from './views';
import type { HandlersFor } from './types';

export const datasetHandlers: HandlersFor<'open' | 'forget' | 'deleteDataset' | 'renameDataset'> = {
	/**
	 * Opens a stored dataset; any failure is an OpenError naming it (the page offers to delete it).
	 * An open of the dataset already being loaded (the page's automatic reopen after a reload, then a
	 * click on the same dataset) waits for that load and reclassifies it: the dataset is read from
	 * the database and classified once, not twice side by side (a million rows: ~0.3 s each).
	 */
	async open({ datasetId, settings, query }, ctx) {
		const loading = ctx.opening?.datasetId === datasetId ? ctx.opening.done : null;
		// its failure is that request's to answer; this one then reads the dataset itself
		if (loading) await loading.catch(() => {});
		const current = ctx.current;
		if (current?.id === datasetId) {
			try {
				const view = reclassify(ctx, settings);
				return { meta: current.meta, view, ...(query ? { page: customerPage(ctx, query) } : {}) };
			} catch (err) {
				throw new OpenError(datasetId, current.meta.name, err instanceof Error ? err.message : String(err));
			}
		}
		const done = openStored(ctx.db(), datasetId, settings, ctx.openSteps);
		ctx.opening = { datasetId, done };
		try {
			const o = await done;
			select(ctx, o.meta, o.analysis, settings, o.classification);
			// the table's first page goes with the dashboard: the page draws both in one update
			return { meta: o.meta, view: o.prepared.view, ...(query ? { page: customerPage(ctx, query) } : {}) };
		} finally {
			if (ctx.opening?.done === done) ctx.opening = null;
		}
	},

	/** The page no longer shows this dataset: the worker lets it go if it is the open one. */
	async forget({ datasetId }, ctx) {
		if (ctx.current?.id === datasetId) ctx.current = null;
		return null;
	},

	/**
	 * Deletes a stored dataset (its record and columns, in one transaction); if it is the open one,
	 * it is forgotten too. Telling other tabs is the page's part.
	 */
	async deleteDataset({ id }, ctx) {
		await deleteDataset(ctx.db(), id);
		if (ctx.current?.id === id) ctx.current = null;
	},

	/** Renames a stored dataset; a blank name is refused as `internal` (the page never sends one). */
	async renameDataset({ id, name }, ctx) {
		const clean = name.trim();
		if (!clean) throw new Error('empty dataset name');
		await renameDataset(ctx.db(), id, clean);
		if (ctx.current?.id === id) ctx.current.meta = { ...ctx.current.meta, name: clean };
	}
};
