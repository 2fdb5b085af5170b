/**
 * Writing prospects as CSV (README "Prospects and key accounts"), through the one writer of
 * core/csv.ts; ingest/prospect-csv.ts reads such a file back.
 */
import { formatDay } from '../core/calendar';
import { RFC_4180_CSV, writeCsv, type CsvDialect } from '../core/csv';
import { CRITERIA, type Prospect } from './crm-types';
import { falseClient, prospectStatus } from './qualifier';

export const PROSPECT_EXPORT_HEADER: readonly string[] = Object.freeze([
	'company',
	'contact',
	'role',
	'source',
	'deal_size',
	'decision_date',
	'status',
	'false_client',
	'money',
	'urgent_problem',
	'likes_usp',
	'decision_authority',
	'acceptable_offer',
	'notes'
]);

/**
 * Prospects as CSV: the header above, one row per prospect, every cell formula-safe, CRLF line
 * ends (including after the last row), in `dialect` (default: RFC 4180, no BOM). Deal size as a plain JS number ('.' decimal),
 * dates as YYYY-MM-DD, status as its code, false_client as true/false (as of `today`), criteria
 * as yes/no/unknown.
 */
export function prospectsCsv(
	prospects: readonly Prospect[],
	today: number,
	dialect: CsvDialect = RFC_4180_CSV
): string {
	const rows: string[][] = [[...PROSPECT_EXPORT_HEADER]];
	for (const p of prospects) {
		const cells = [
			p.company,
			p.contact,
			p.role,
			p.source,
			p.dealSize !== null && Number.isFinite(p.dealSize) ? String(p.dealSize) : '',
			p.decisionDate !== null ? formatDay(p.decisionDate) : '',
			prospectStatus(p),
			falseClient(p, today).flagged ? 'true' : 'false',
			...CRITERIA.map((c) => p.criteria[c]?.value ?? 'unknown'),
			p.notes
		];
		rows.push(cells.map((c) => c ?? ''));
	}
	return writeCsv(rows, dialect);
}
