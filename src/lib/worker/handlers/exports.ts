/**
 * Export requests: the open classification as CSV text, or as a file (XLSX, CSV for spreadsheets
 * or for systems) in the page's words, written in steps with progress and Cancel; a workbook's
 * parts are compressed by a worker of their own when the browser allows one.
 */
import { exportClassification, exportFileSteps } from '../../engine/export';
import { need } from '../open-dataset';
import { remoteDeflate } from '../deflate-helper';
import { runSteps } from '../run-steps';
import type { HandlersFor } from './types';

export const exportHandlers: HandlersFor<'exportCsv' | 'exportFile'> = {
	async exportCsv(options, ctx) {
		const c = need(ctx);
		return exportClassification(c.scoped.data, c.classification, options);
	},

	async exportFile({ format, labels, sheetDialect, ...options }, ctx, call) {
		const c = need(ctx);
		// the sheets are computed from the classification open now: a settings change while the
		// file is written does not reach it
		const remote = format === 'xlsx' && ctx.deflateWorker ? remoteDeflate(ctx.deflateWorker) : null;
		try {
			const steps = exportFileSteps(
				c.scoped.data,
				c.classification,
				options,
				format,
				labels,
				sheetDialect,
				remote?.compressor
			);
			return await runSteps(steps, call, (fraction) => ({ stage: 'export', fraction }));
		} finally {
			remote?.close();
		}
	}
};
