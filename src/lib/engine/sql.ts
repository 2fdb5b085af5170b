/**
 * "Show as SQL": one standard query that reproduces `classify(aggregate(...))` (README "The rules")
 * over a table whose columns carry the file's header names. Pure: no DOM, no storage.
 *
 * Exactness, as in the engine:
 * - every value is normalised to a decimal with 9 decimals (DECIMAL(38,9) / NUMERIC), so DOUBLE
 *   columns (what DuckDB's read_csv detects) lose their binary noise and totals are exact sums;
 * - per-customer totals are DECIMAL(28,9), so that `bound × total` stays exact in every dialect
 *   (Spark would otherwise drop decimals once a product's precision passes 38);
 * - class bounds and the key share are compared as `before < 0.8 × positive total`, never as a
 *   floating-point share, with bounds rounded to ppm exactly as the engine's `toPpm` does;
 * - ties are broken by the key compared byte by byte (UTF-8 byte order = code-point order): the
 *   default in DuckDB, BigQuery and Spark, COLLATE "C" in PostgreSQL. It equals the engine's
 *   UTF-16 code-unit order except between characters above U+FFFF and U+E000–U+FFFF.
 * Rows are kept and skipped as ingest does: the key is trimmed, empty / NA / total-row keys and
 * rows without an amount (or without quantity or price for quantity × price) are skipped; a
 * missing quantity or profit counts as 0; a row without a date is outside any period.
 * Values with more than 9 decimals are rounded to 9 (the engine keeps up to 15).
 */
import { MISSING_CUSTOMER_KEYS } from '../core/missing-customer';
import { TOTAL_WORDS } from '../core/total-labels';
import type { ClassifySettings } from './types';
import { toPpm } from './share';
import { formatDay } from '../core/calendar';
import { decimalText, DIALECTS, SQL_DIALECT_NAMES, type SqlDialect } from './sql-dialects';
import { resolveSqlNames, type SqlColumns } from './sql-columns';
import { keptRowsSql, rowRulesSql, type SqlRowRules } from './sql-rules';
import { rfmSql } from './sql-rfm';
import { reeseSql } from './sql-reese';
import type { ReeseSettings } from './reese';

export { SQL_DIALECTS, SQL_DIALECT_NAMES, type SqlDialect } from './sql-dialects';
export { resolveSqlNames, type SqlColumns, type SqlRole } from './sql-columns';
export type { SqlRowRules } from './sql-rules';
export { RFM_SQL_COLUMNS } from './sql-rfm';
export { REESE_SQL_COLUMN, type SqlDiscountKind } from './sql-reese';

/** Optional parts of the query beyond the settings and the columns. */
export interface SqlOptions {
	/** the import's row rules (status, document type, refunds, currency); default: `columns.rules` */
	rules?: SqlRowRules | null;
	/** the RFM columns (rfm_r, rfm_f, rfm_m, rfm_segment) when a date column is mapped; default true */
	rfm?: boolean;
	/**
	 * the thresholds of Reese's customer types (column customer_type, when a discount or list-price
	 * column is mapped); default DEFAULT_REESE; null leaves the column out
	 */
	reese?: ReeseSettings | null;
}

/** Why a query cannot be written for these settings and columns (`SqlResult`). */
export type SqlProblem =
	'no-classes' | 'no-customer' | 'no-amount' | 'no-quantity' | 'no-profit' | 'no-manager' | 'failed';

/** `classificationSql` with its failures as data: never throws. */
export type SqlResult = { ok: true; sql: string } | { ok: false; problem: SqlProblem; message: string };

/** Thrown by `classificationSql`; `problem` says which rule failed. */
export class SqlError extends Error {
	constructor(
		readonly problem: SqlProblem,
		message: string
	) {
		super(message);
		this.name = 'SqlError';
	}
}

/** The query, or why it cannot be written: for the UI, which must never fail on it. */
export function classificationSqlResult(
	settings: ClassifySettings,
	columns: SqlColumns,
	dialect: SqlDialect,
	table = 'sales',
	options: SqlOptions = {}
): SqlResult {
	try {
		return { ok: true, sql: classificationSql(settings, columns, dialect, table, options) };
	} catch (err) {
		if (err instanceof SqlError) return { ok: false, problem: err.problem, message: err.message };
		return { ok: false, problem: 'failed', message: err instanceof Error ? err.message : String(err) };
	}
}

const percent = (fraction: number) => `${decimalText(toPpm(fraction) * 100)} %`;
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

/**
 * The classification as one SQL query (CTEs and window functions) over `table`, whose columns are
 * named as in the file header. Output: rank, customer_key, value, share, cumulative_share, class,
 * key_customer, with a date column rfm_r, rfm_f, rfm_m, rfm_segment, and with a discount or
 * list-price column customer_type (engine/sql-reese.ts); ordered by rank. The
 * import's row rules (`columns.rules`, or `options.rules`) decide which rows are sales, returns or
 * refunded (engine/sql-rules.ts).
 */
export function classificationSql(
	settings: ClassifySettings,
	sqlColumns: SqlColumns,
	dialect: SqlDialect,
	table = 'sales',
	options: SqlOptions = {}
): string {
	const d = DIALECTS[dialect];
	const classes = settings.classes;
	if (classes.length === 0) throw new SqlError('no-classes', 'At least one class is needed.');
	// a header cell without a name gets a stand-in name, stated in the header comment
	const { names: columns, standIns } = resolveSqlNames(sqlColumns);
	if (columns.customerKey === undefined) throw new SqlError('no-customer', 'The customer key column is not mapped.');
	const hasAmount = columns.amount !== undefined;
	if (!hasAmount && !(columns.quantity !== undefined && columns.unitPrice !== undefined)) {
		throw new SqlError('no-amount', 'Map an amount column, or quantity and unit price.');
	}
	if (settings.metric === 'units' && columns.quantity === undefined) {
		throw new SqlError('no-quantity', 'The dataset has no quantity column: the units metric is unavailable.');
	}
	if (settings.metric === 'profit' && columns.profit === undefined) {
		throw new SqlError('no-profit', 'The dataset has no profit column: the profit metric is unavailable.');
	}

	const col = (name: string) => d.ident(name);
	const dec = (expr: string) => `CAST(${expr} AS ${d.rowDecimal})`;
	const byCount = settings.basis === 'count';
	const ignoreReturns = settings.returns === 'ignore';
	const filterDates = columns.date !== undefined && (settings.dateFrom !== undefined || settings.dateTo !== undefined);
	const tableRef = table.split('.').map(col).join('.');
	const withRfm = columns.date !== undefined && options.rfm !== false;
	const rules = rowRulesSql(options.rules === undefined ? sqlColumns.rules : (options.rules ?? undefined), d, col);
	const withReese = (columns.discount !== undefined || columns.listPrice !== undefined) && options.reese !== null;
	let reese: ReturnType<typeof reeseSql> | null = null;
	if (withReese) {
		try {
			reese = reeseSql(
				d,
				{
					...(columns.discount !== undefined
						? { discount: { name: columns.discount, kind: sqlColumns.discountKind ?? 'amount' } }
						: {}),
					listPrice: columns.listPrice,
					unitPrice: columns.unitPrice,
					hasQuantity: columns.quantity !== undefined
				},
				col,
				options.reese ?? undefined
			);
		} catch (err) {
			throw new SqlError('failed', err instanceof Error ? err.message : String(err));
		}
	}

	// --- header comment ---
	const amountText = hasAmount
		? `${oneLine(columns.amount!)}`
		: `${oneLine(columns.quantity!)} × ${oneLine(columns.unitPrice!)}`;
	const metricText: Record<ClassifySettings['metric'], string> = {
		revenue: `revenue = sum of ${amountText}`,
		payments:
			columns.orderId !== undefined
				? `payments = distinct ${oneLine(columns.orderId)} per customer (a row without one counts once; returns are not payments)`
				: 'payments = number of rows (returns are not payments)',
		units: `units = sum of ${oneLine(columns.quantity ?? '')}`,
		profit: `profit = sum of ${oneLine(columns.profit ?? '')}`
	};
	const bounds = classes
		.map((c, k) => (k < classes.length - 1 ? `${oneLine(c.name)} < ${percent(c.upTo)}` : `${oneLine(c.name)} the rest`))
		.join(', ');
	const period = filterDates
		? `${settings.dateFrom !== undefined ? formatDay(settings.dateFrom) : '…'} to ${settings.dateTo !== undefined ? formatDay(settings.dateTo) : '…'} (${oneLine(columns.date!)}, inclusive)`
		: 'all rows';
	// --- the filter bar's conditions (README "Dimensions and filters") ---
	const filter = settings.filter ?? {};
	const managers = filter.managers?.length ? filter.managers : null;
	if (managers && columns.manager === undefined) {
		throw new SqlError('no-manager', 'The manager column is not known for this dataset: import its file again.');
	}
	const dimensions = Object.entries(filter.dimensions ?? {}).filter(([, values]) => values.length > 0);
	const textOf = (name: string) => `COALESCE(TRIM(CAST(${col(name)} AS ${d.text})), '')`;
	const filterText = [
		...(managers ? [`${oneLine(columns.manager!)} in (${managers.map(oneLine).join(', ')})`] : []),
		...dimensions.map(
			([name, values]) => `${oneLine(name)} in (${values.map((v) => oneLine(v) || '(empty)').join(', ')})`
		)
	];

	const header = [
		`-- Paretoscope customer classification (${SQL_DIALECT_NAMES[dialect]})`,
		`-- metric: ${metricText[settings.metric]}`,
		`-- returns (negative amount or quantity): ${ignoreReturns ? 'ignored' : 'netted'}; period: ${period}`,
		`-- classes by ${byCount ? 'share of customers ranked above' : 'cumulative share of the metric before the customer'}: ${bounds}`,
		`-- key customer: at least ${percent(settings.keyShare)} of the metric; totals <= 0 rank last, in the lowest class`,
		`-- ties ranked by customer key in byte order; shares are of the sum of positive totals`,
		...(filterText.length > 0 ? [`-- filter: ${filterText.join('; ')}`] : []),
		...(rules?.comments ?? []),
		...(withRfm
			? [
					'-- RFM: customers with a dated purchase scored 1-5 as min(5, 1 + floor((10 x worse + 5 x equal) / (2 x n))):',
					'-- R by the last purchase day, F payments, M revenue in scope; rfm_segment from the R x F grid'
				]
			: []),
		...(reese?.comments ?? []),
		...(managers
			? [
					'-- the app keeps the rows of customers whose last-named manager is one of these; this query keeps the rows',
					'-- naming one of them: the same unless a customer changed manager'
				]
			: []),
		...standIns
	];

	// --- rows: the columns the query needs, normalised ---
	const select: string[] = [`TRIM(CAST(${col(columns.customerKey!)} AS ${d.text})) AS customer_key`];
	// the filter's columns, as trimmed text ('' for an empty cell)
	if (managers) select.push(`${textOf(columns.manager!)} AS filter_manager`);
	dimensions.forEach(([name], k) => select.push(`${textOf(name)} AS filter_${k + 1}`));
	if (hasAmount) {
		select.push(`${dec(col(columns.amount!))} AS amount`);
		if (columns.quantity !== undefined) select.push(`${dec(col(columns.quantity))} AS quantity`);
	} else {
		const q = col(columns.quantity!);
		const p = col(columns.unitPrice!);
		select.push(`${dec(`CAST(${q} AS ${d.qtyDecimal}) * CAST(${p} AS ${d.priceDecimal})`)} AS amount`);
		select.push(`${dec(q)} AS quantity`);
	}
	if (settings.metric === 'profit') select.push(`${dec(col(columns.profit!))} AS profit`);
	if (filterDates || withRfm) select.push(`CAST(${col(columns.date!)} AS DATE) AS sale_date`);
	const countOrders = settings.metric === 'payments' && columns.orderId !== undefined;
	const rfmOrders = withRfm && columns.orderId !== undefined;
	if (countOrders || rfmOrders) select.push(`TRIM(CAST(${col(columns.orderId!)} AS ${d.text})) AS order_id`);
	// the discount cells Reese's types read
	if (reese) select.push(...reese.select);
	// the row columns by name, what the row rules pass through
	const rowNames = select.map((s) => s.slice(s.lastIndexOf(' AS ') + 4));
	if (rules) select.push(...rules.select);

	// --- in scope: skipped keys, period, returns ---
	const skippedKeys = [...MISSING_CUSTOMER_KEYS, ...TOTAL_WORDS.flatMap((t) => [t, `${t}:`, `${t}.`])].map(d.str);
	const skipped = Array.from({ length: Math.ceil(skippedKeys.length / 12) }, (_, i) =>
		skippedKeys.slice(i * 12, i * 12 + 12).join(', ')
	).join(',\n      ');
	const isReturn = columns.quantity !== undefined ? '(amount < 0 OR COALESCE(quantity < 0, FALSE))' : 'amount < 0';
	const where = ['customer_key IS NOT NULL', `LOWER(customer_key) NOT IN (${skipped})`, 'amount IS NOT NULL'];
	if (filterDates) {
		if (settings.dateFrom !== undefined) where.push(`sale_date >= DATE '${formatDay(settings.dateFrom)}'`);
		if (settings.dateTo !== undefined) where.push(`sale_date <= DATE '${formatDay(settings.dateTo)}'`);
	}
	if (ignoreReturns) where.push(`NOT ${isReturn}`);
	if (managers) where.push(`filter_manager IN (${managers.map(d.str).join(', ')})`);
	dimensions.forEach(([, values], k) => where.push(`filter_${k + 1} IN (${values.map(d.str).join(', ')})`));

	// --- the metric per customer ---
	const payments = (orders: boolean) =>
		orders
			? `CAST(COUNT(DISTINCT CASE WHEN NOT is_return AND order_id <> '' THEN order_id END)\n` +
				`      + SUM(CASE WHEN NOT is_return AND (order_id IS NULL OR order_id = '') THEN 1 ELSE 0 END) AS ${d.bigint})`
			: `CAST(SUM(CASE WHEN is_return THEN 0 ELSE 1 END) AS ${d.bigint})`;
	let total: string;
	switch (settings.metric) {
		case 'revenue':
			total = `CAST(SUM(amount) AS ${d.totalDecimal})`;
			break;
		case 'units':
			total = `CAST(SUM(COALESCE(quantity, 0)) AS ${d.totalDecimal})`;
			break;
		case 'profit':
			total = `CAST(SUM(COALESCE(profit, 0)) AS ${d.totalDecimal})`;
			break;
		case 'payments':
			total = payments(countOrders);
			break;
	}
	// counts are integers: exact as they are; decimals keep the total type through the windows
	const sumType = settings.metric === 'payments' ? d.bigint : d.totalDecimal;
	const positive = 'CASE WHEN total > 0 THEN total ELSE 0 END';

	// --- class ---
	const lowest = d.str(classes[classes.length - 1].name);
	const before = byCount ? 'rank - 1' : 'value_before';
	const base = byCount ? 'customers' : 'positive_total';
	const whens = classes
		.slice(0, -1)
		.map((c) => `       WHEN ${before} < ${d.fraction(toPpm(c.upTo))} * ${base} THEN ${d.str(c.name)}`);

	const rfm = withRfm ? rfmSql(d) : null;
	const rfmTotals = rfm
		? [
				`,\n    MAX(CASE WHEN NOT is_return THEN sale_date END) AS last_purchase`,
				`,\n    ${payments(rfmOrders)} AS rfm_frequency`,
				`,\n    CAST(SUM(amount) AS ${d.totalDecimal}) AS rfm_monetary`
			].join('')
		: '';

	const extraColumns = [...(rfm?.columns ?? []), ...(reese ? [reese.column] : [])];
	const lines = [
		...header,
		'WITH source_rows AS (',
		'  SELECT',
		select.map((s) => `    ${s}`).join(',\n'),
		`  FROM ${tableRef}`,
		'),',
		...(rules ? keptRowsSql(rules, rowNames, d) : []),
		'in_scope AS (',
		`  SELECT ${rules ? rowNames.join(', ') : '*'}, ${isReturn} AS is_return`,
		`  FROM ${rules ? 'kept_rows' : 'source_rows'}`,
		`  WHERE ${where.join('\n    AND ')}`,
		'),',
		'totals AS (',
		`  SELECT customer_key, ${total} AS total${rfmTotals}`,
		'  FROM in_scope',
		'  GROUP BY customer_key',
		'),',
		...(rfm?.ctes ?? []),
		...(reese?.ctes ?? []),
		'ranked AS (',
		'  SELECT customer_key, total,',
		`    ROW_NUMBER() OVER (ORDER BY total DESC, customer_key${d.collate} ASC) AS rank,`,
		'    COUNT(*) OVER () AS customers,',
		`    CAST(SUM(${positive}) OVER () AS ${sumType}) AS positive_total`,
		'  FROM totals',
		'),',
		'running AS (',
		'  SELECT ranked.*,',
		`    CAST(COALESCE(SUM(${positive}) OVER (ORDER BY rank ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS ${sumType}) AS value_before,`,
		`    CAST(SUM(${positive}) OVER (ORDER BY rank ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${sumType}) AS value_through`,
		'  FROM ranked',
		')',
		'SELECT',
		'  rank,',
		'  customer_key,',
		'  total AS value,',
		`  CASE WHEN positive_total > 0 THEN CAST(total AS ${d.double}) / CAST(positive_total AS ${d.double}) ELSE 0 END AS share,`,
		`  CASE WHEN positive_total > 0 THEN CAST(value_through AS ${d.double}) / CAST(positive_total AS ${d.double}) ELSE 0 END AS cumulative_share,`,
		`  CASE WHEN total <= 0 THEN ${lowest}`,
		...whens,
		`       ELSE ${lowest} END AS class,`,
		`  total > 0 AND total >= ${d.fraction(toPpm(settings.keyShare))} * positive_total AS key_customer${extraColumns.length > 0 ? ',' : ''}`,
		...(extraColumns.length > 0 ? [`  ${extraColumns.join(', ')}`] : []),
		['FROM running', ...(rfm ? [rfm.join] : []), ...(reese ? [reese.join] : [])].join('\n'),
		'ORDER BY rank;'
	];
	return lines.join('\n') + '\n';
}
