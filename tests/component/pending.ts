/** A mapping-step file built from a real sniff of an inline CSV, as the app state builds one (shared by the mapper tests). */
import { sniffText } from '../../src/lib/ingest/sniff';
import type { PendingFile } from '../../src/lib/state/app.svelte';

export function pendingFor(csv: string): PendingFile {
	const s = sniffText(csv, false);
	const sniff = { ...s, fileName: 'export.csv', size: csv.length, encoding: 'utf-8' as const };
	return {
		file: new File([csv], 'export.csv'),
		sniff,
		error: null,
		choice: {
			overrides: {},
			mapping: { ...s.auto.mapping },
			amountSource: s.auto.amountSource,
			dateOrder: s.dateOrder,
			decimalSeparators: s.decimalSeparators,
			meaning: s.meaning
		}
	};
}
