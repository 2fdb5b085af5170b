/**
 * CRM requests: the key and top-class accounts of the open dataset, and reading a prospects file
 * (a preview with the proposed mapping, then the prospects themselves).
 */
import { accountsView } from '../../engine/accounts';
import { ImportError } from '../../ingest/errors';
import { parseProspectFile, readProspectFile } from '../../ingest/prospect-parse';
import { mapProspectHeader } from '../../ingest/prospect-csv';
import { need } from '../open-dataset';
import type { HandlersFor } from './types';

/** Data rows a prospects preview shows. */
const PREVIEW_ROWS = 8;

export const crmHandlers: HandlersFor<'accounts' | 'sniffProspects' | 'parseProspects'> = {
	async accounts({ settings }, ctx) {
		const c = need(ctx);
		return accountsView(c.analysis.data, c.analysis.classify(settings), settings);
	},

	/** A file that cannot be read answers `ok: false` with the reason (data, not a failure). */
	async sniffProspects({ file, encoding, delimiter }) {
		try {
			const { sniff } = await readProspectFile(file, { encoding, delimiter });
			return {
				ok: true,
				header: sniff.header,
				rows: sniff.rows.slice(0, PREVIEW_ROWS),
				map: mapProspectHeader(sniff.header),
				encoding: sniff.encoding,
				delimiter: sniff.delimiter
			};
		} catch (err) {
			if (err instanceof ImportError) return { ok: false, error: err.info };
			throw err;
		}
	},

	parseProspects: async ({ file, ...choice }) =>
		parseProspectFile(file, { ...choice, newId: () => crypto.randomUUID() })
};
