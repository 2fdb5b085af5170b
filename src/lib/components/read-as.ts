/**
 * The "read from the export" line under the dashboard's "based on" line: the filters and netting
 * the import applied (README, "What an export means"), named by their columns. Pure.
 */
import type { ImportReport } from '../ingest/build';
import type { MessageKey } from '../i18n/en';

export interface ReadAsPart {
	key: MessageKey;
	params: Record<string, string>;
}

/** One part per decision that changes which rows count or how much, in file order; [] for plain files. */
export function readAsParts(report: ImportReport | undefined): ReadAsPart[] {
	const parts: ReadAsPart[] = [];
	for (const f of report?.files ?? []) {
		const m = f.meaning;
		if (!m) continue;
		const col = (c: number) => f.header?.[c] || `#${c + 1}`;
		if (m.status)
			parts.push({
				key: m.status.context === 'stage' ? 'dash.readAs.stage' : 'dash.readAs.status',
				params: { column: col(m.status.column) }
			});
		if (m.docType) parts.push({ key: 'dash.readAs.docType', params: { column: col(m.docType.column) } });
		if ((m.refund ?? -1) >= 0) parts.push({ key: 'dash.readAs.refund', params: { column: col(m.refund!) } });
		if (m.returnsFile) parts.push({ key: 'dash.readAs.returnsFile', params: { file: f.name } });
		if (m.currency)
			parts.push({ key: 'dash.readAs.currency', params: { currency: m.currency.keep ?? m.currency.converted ?? '' } });
		if (m.fillDown) parts.push({ key: 'dash.readAs.fillDown', params: {} });
	}
	// the same filter in several files is said once
	const seen = new Set<string>();
	return parts.filter((p) => {
		const k = p.key + JSON.stringify(p.params);
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}
