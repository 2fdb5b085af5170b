/**
 * "Show as SQL": what the import decided about each row (README "What an export means") written
 * as SQL over the file's own columns: the status / stage and document-type values (a sale, a
 * return subtracted as −|amount|, a sale refunded in full added and taken back, not a sale), the
 * refund column (a return row beside its sale) and the one currency kept. Pure.
 *
 * The app decides a value's kind once per distinct value in the mapping step (`ValueRule.values`,
 * keyed by the normalised value); the query carries that list. Values not in it (first seen past
 * the rows the mapping step read) follow a vocabulary of seven languages in the app; the query
 * counts them as sales (as not a sale in a deals pipeline), and says so in its header.
 */
import type { Dialect } from './sql-dialects';

/** What a status or document-type value means (ingest RowKind). */
export type SqlRowKind = 'sale' | 'return' | 'excluded' | 'refunded';

/** A status / stage or document-type column by its header name, and the kind of each (normalised) value. */
export interface SqlValueRule {
	column: string;
	/** 1-based position in the file: names a column without a header (`column_<position>`) */
	position?: number;
	/** 'stage': a deals pipeline, where only won deals are sales */
	context?: 'status' | 'stage';
	/** normalised value (ingest `normaliseValue`) → kind */
	values: Record<string, SqlRowKind>;
}

/** The row rules of a dataset's first file, by header names (absent parts do not apply). */
export interface SqlRowRules {
	status?: SqlValueRule;
	docType?: SqlValueRule;
	/** a refunded-amount column: a return row of −|refund| beside each sale with a positive amount */
	refund?: { column: string; position?: number };
	/** rows in another (non-empty) currency than `keep` (upper case) are not sales */
	currency?: { column: string; position?: number; keep: string };
}

/** The part of an ingest `Interpretation` the query can carry (column indexes, 0-based). */
export interface RowMeaningPlan {
	status?: { column: number; context?: 'status' | 'stage'; values: Record<string, SqlRowKind> } | null;
	docType?: { column: number; values: Record<string, SqlRowKind> } | null;
	refund?: number;
	currency?: { column: number; keep: string | null } | null;
}

/** The row rules of a file plan's `meaning`, by its header names; undefined when none applies. */
export function sqlRowRulesOf(header: readonly string[], meaning: RowMeaningPlan | undefined): SqlRowRules | undefined {
	if (!meaning) return undefined;
	const at = (c: number) => ({ column: header[c] ?? '', position: c + 1 });
	const rules: SqlRowRules = {};
	if (meaning.status && meaning.status.column >= 0)
		rules.status = {
			...at(meaning.status.column),
			...(meaning.status.context ? { context: meaning.status.context } : {}),
			values: { ...meaning.status.values }
		};
	if (meaning.docType && meaning.docType.column >= 0)
		rules.docType = { ...at(meaning.docType.column), values: { ...meaning.docType.values } };
	if (meaning.refund !== undefined && meaning.refund >= 0) rules.refund = at(meaning.refund);
	if (meaning.currency?.keep && meaning.currency.column >= 0)
		rules.currency = { ...at(meaning.currency.column), keep: meaning.currency.keep.toUpperCase() };
	return Object.keys(rules).length > 0 ? rules : undefined;
}

/** The header name a rule's column goes by in the query: its header, else `column_<position>`. */
function nameOf(rule: { column: string; position?: number }): string {
	if (rule.column.trim() !== '') return rule.column;
	return rule.position !== undefined && rule.position > 0 ? `column_${rule.position}` : 'unnamed_status';
}

/**
 * The ingest's `normaliseValue` in SQL: NFC, lower case, ё→е, ş→ș, ţ→ț, runs of spaces and
 * punctuation as one space, trimmed. Spaces are the regular-expression `\s` of each engine (JavaScript
 * also counts a no-break space), and LOWER is the database's (PostgreSQL: of its locale).
 */
function normalised(d: Dialect, expr: string): string {
	let e = `LOWER(${d.nfc(`COALESCE(CAST(${expr} AS ${d.text}), '')`)})`;
	for (const [from, to] of [
		['ё', 'е'],
		['ş', 'ș'],
		['ţ', 'ț']
	])
		e = `REPLACE(${e}, ${d.str(from)}, ${d.str(to)})`;
	return `TRIM(${d.replaceAll(e, '[\\s_\\-–—.:;,!()\\[\\]«»"\'/]+', ' ')})`;
}

/** Values whose kind differs from what an unlisted value gets, as a CASE over the normalised value. */
function kindCase(d: Dialect, value: string, rule: SqlValueRule, fallback: SqlRowKind, kinds: SqlRowKind[]): string {
	const byKind = new Map<SqlRowKind, string[]>();
	for (const [v, k] of Object.entries(rule.values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		if (k === fallback || !kinds.includes(k)) continue;
		byKind.set(k, [...(byKind.get(k) ?? []), v]);
	}
	if (byKind.size === 0) return d.str(fallback);
	const whens = [...byKind].map(([k, vs]) => `WHEN ${value} IN (${vs.map(d.str).join(', ')}) THEN ${d.str(k)}`);
	return `CASE ${whens.join(' ')} ELSE ${d.str(fallback)} END`;
}

export interface RowRulesSql {
	/** extra columns of source_rows: `expr AS name` */
	select: string[];
	/** the kind of a row, over source_rows' columns: 'sale', 'return', 'excluded' or 'refunded' */
	kind: string;
	/** true when the refund column is mapped (source_rows has refund_amount) */
	refund: boolean;
	/** header comment lines */
	comments: string[];
}

/** The SQL pieces of the row rules; null when none applies. `col` quotes a header name. */
export function rowRulesSql(
	rules: SqlRowRules | undefined,
	d: Dialect,
	col: (name: string) => string
): RowRulesSql | null {
	if (!rules) return null;
	const select: string[] = [];
	const comments: string[] = [];
	const excluded: string[] = [];
	let statusKind = `'sale'`;
	let docReturn = '';
	const list = (rule: SqlValueRule, kind: SqlRowKind) =>
		Object.entries(rule.values)
			.filter(([, k]) => k === kind)
			.map(([v]) => v || '(empty)')
			.sort()
			.join(', ');
	const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');
	if (rules.status) {
		const r = rules.status;
		const stage = r.context === 'stage';
		select.push(`${normalised(d, col(nameOf(r)))} AS status_value`);
		statusKind = kindCase(d, 'status_value', r, stage ? 'excluded' : 'sale', [
			'sale',
			'return',
			'excluded',
			'refunded'
		]);
		excluded.push(`(${statusKind}) = 'excluded'`);
		const parts = [
			list(r, 'excluded') && `not a sale: ${list(r, 'excluded')}`,
			list(r, 'return') && `a return: ${list(r, 'return')}`,
			list(r, 'refunded') && `refunded in full (added and taken back): ${list(r, 'refunded')}`,
			stage && list(r, 'sale') && `a sale: ${list(r, 'sale')}`
		].filter(Boolean);
		comments.push(
			`-- ${stage ? 'deal stage' : 'status'} (${oneLine(nameOf(r))}): ${parts.join('; ') || 'every value is a sale'}; ` +
				`other values ${stage ? 'are not sales' : 'are sales'} (the app reads them with its vocabulary)`
		);
	}
	if (rules.docType) {
		const r = rules.docType;
		select.push(`${normalised(d, col(nameOf(r)))} AS doc_value`);
		const docKind = kindCase(d, 'doc_value', r, 'sale', ['return', 'excluded']);
		excluded.push(`(${docKind}) = 'excluded'`);
		docReturn = `(${docKind}) = 'return'`;
		const parts = [
			list(r, 'return') && `a return (−|amount|): ${list(r, 'return')}`,
			list(r, 'excluded') && `not a sale: ${list(r, 'excluded')}`
		].filter(Boolean);
		comments.push(
			`-- document type (${oneLine(nameOf(r))}): ${parts.join('; ') || 'every value is a sale'}; other values are sales`
		);
	}
	if (rules.currency) {
		const c = rules.currency;
		select.push(`UPPER(COALESCE(TRIM(CAST(${col(nameOf(c))} AS ${d.text})), '')) AS currency_value`);
		excluded.push(`currency_value NOT IN ('', ${d.str(c.keep)})`);
		comments.push(
			`-- currency (${oneLine(nameOf(c))}): only ${oneLine(c.keep)} rows (or without a currency) are counted`
		);
	}
	if (rules.refund) {
		select.push(`CAST(${col(nameOf(rules.refund))} AS ${d.rowDecimal}) AS refund_amount`);
		comments.push(
			`-- refunds (${oneLine(nameOf(rules.refund))}): a return row of −|refund| beside each sale with a positive amount`
		);
	}
	const whens = [
		...(excluded.length > 0 ? [`WHEN ${excluded.join(' OR ')} THEN 'excluded'`] : []),
		...(docReturn ? [`WHEN ${docReturn} THEN 'return'`] : [])
	];
	const kind = whens.length > 0 ? `CASE ${whens.join(' ')} ELSE ${statusKind} END` : statusKind;
	return { select, kind, refund: rules.refund !== undefined, comments };
}

/**
 * The CTEs that apply the kinds, from `source_rows` (with the rule columns) to `kept_rows` (the same
 * columns `names` as the rows without rules): 'excluded' rows dropped, a return's amount, quantity
 * and profit as −|x|, and a return row beside a sale refunded in full (or with a refund) with
 * quantity and profit 0. `values`: which of `names` are amount, quantity, profit.
 */
export function keptRowsSql(rr: RowRulesSql, names: readonly string[], d: Dialect): string[] {
	const valueNames = new Set(['amount', 'quantity', 'profit']);
	const kept = names.map((n) =>
		valueNames.has(n) ? `CASE WHEN row_kind = 'return' AND ${n} > 0 THEN -${n} ELSE ${n} END AS ${n}` : n
	);
	const back = rr.refund ? `CASE WHEN row_kind = 'refunded' THEN -amount ELSE -ABS(refund_amount) END` : `-amount`;
	const backRows = names.map((n) =>
		n === 'amount' ? `${back} AS amount` : valueNames.has(n) ? `CAST(0 AS ${d.rowDecimal}) AS ${n}` : n
	);
	const backWhere = rr.refund
		? `amount > 0 AND (row_kind = 'refunded' OR (row_kind = 'sale' AND refund_amount <> 0))`
		: `amount > 0 AND row_kind = 'refunded'`;
	return [
		'classified_rows AS (',
		`  SELECT *, ${rr.kind} AS row_kind`,
		'  FROM source_rows',
		'),',
		'kept_rows AS (',
		`  SELECT ${kept.join(',\n    ')}`,
		'  FROM classified_rows',
		"  WHERE row_kind <> 'excluded'",
		'  UNION ALL',
		`  SELECT ${backRows.join(',\n    ')}`,
		'  FROM classified_rows',
		`  WHERE ${backWhere}`,
		'),'
	];
}
