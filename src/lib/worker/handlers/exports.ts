/** Export requests: the open classification as CSV text, or as a file (XLSX, CSV for spreadsheets or for systems) in the page's words. */
import { exportClassification, exportFile } from '../../engine/export';
import { need } from '../open-dataset';
import type { HandlersFor } from './types';

export const exportHandlers: HandlersFor<'exportCsv' | 'exportFile'> = {
	async exportCsv(options, ctx) {
		const c = need(ctx);
		return exportClassification(c.analysis.data, c.classification, options);
	},

	async exportFile({ format, labels, sheetDialect, ...options }, ctx) {
		const c = need(ctx);
		return exportFile(c.analysis.data, c.classification, options, format, labels, sheetDialect);
	}
};
