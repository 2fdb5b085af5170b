/**
 * "Show as SQL": one standard query that reproduces `classify(aggregate(...))` (domain.md §3.1–3.2)
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
import type { ClassifySettings } from './types';

export type SqlDialect = 'duckdb' | 'postgres' | 'bigquery' | 'spark';

/**
 * The mapped column names as in the user's file header. A name may be '' (the header cell is
 * empty): the query then uses a stand-in name, `column_<position>` (1-based, from `positions`),
 * or `unnamed_<role>` when the position is unknown (datasets stored before positions were kept),
 * and says so in its header comment. An absent (undefined) name means "not mapped".
 */
export interface SqlColumns {
	customerKey: string;
	amount?: string;
	quantity?: string;
	unitPrice?: string;
	profit?: string;
	date?: string;
	orderId?: string;
	/** 1-based position of each mapped column in the file */
	positions?: Partial<Record<SqlRole, number>>;
}

export type SqlRole = 'customerKey' | 'amount' | 'quantity' | 'unitPrice' | 'profit' | 'date' | 'orderId';

const SQL_ROLES: readonly SqlRole[] = ['customerKey', 'amount', 'quantity', 'unitPrice', 'profit', 'date', 'orderId'];
const ROLE_SNAKE: Record<SqlRole, string> = {
	customerKey: 'customer_key',
	amount: 'amount',
	quantity: 'quantity',
	unitPrice: 'unit_price',
	profit: 'profit',
	date: 'date',
	orderId: 'order_id'
};

/** Why a query cannot be written for these settings and columns (`SqlResult`). */
export type SqlProblem = 'no-classes' | 'no-customer' | 'no-amount' | 'no-quantity' | 'no-profit' | 'failed';

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

/**
 * The mapped roles' names with stand-ins for header cells without a name, and one comment line per
 * stand-in. Roles that are not mapped (undefined, null) stay absent.
 */
export function resolveSqlNames(columns: SqlColumns): { names: Partial<Record<SqlRole, string>>; standIns: string[] } {
	const names: Partial<Record<SqlRole, string>> = {};
	const standIns: string[] = [];
	for (const role of SQL_ROLES) {
		const raw = columns[role] as unknown;
		if (raw === undefined || raw === null) continue;
		const name = String(raw);
		if (name.trim() !== '') {
			names[role] = name;
			continue;
		}
		const pos = columns.positions?.[role];
		const known = typeof pos === 'number' && Number.isInteger(pos) && pos > 0;
		const standIn = known ? `column_${pos}` : `unnamed_${ROLE_SNAKE[role]}`;
		names[role] = standIn;
		standIns.push(
			known
				? `-- column ${pos} of the file has no header name: it is called ${standIn} here; give the table's column that name`
				: `-- the ${ROLE_SNAKE[role]} column has no header name: it is called ${standIn} here; give the table's column that name`
		);
	}
	return { names, standIns };
}

/** The query, or why it cannot be written: for the UI, which must never fail on it. */
export function classificationSqlResult(
	settings: ClassifySettings,
	columns: SqlColumns,
	dialect: SqlDialect,
	table = 'sales'
): SqlResult {
	try {
		return { ok: true, sql: classificationSql(settings, columns, dialect, table) };
	} catch (err) {
		if (err instanceof SqlError) return { ok: false, problem: err.problem, message: err.message };
		return { ok: false, problem: 'failed', message: err instanceof Error ? err.message : String(err) };
	}
}

export const SQL_DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'bigquery', 'spark'];

export const SQL_DIALECT_NAMES: Record<SqlDialect, string> = {
	duckdb: 'DuckDB',
	postgres: 'PostgreSQL',
	bigquery: 'BigQuery',
	spark: 'Spark SQL'
};

/** Keys ingest treats as "no customer" (lower case) and total-row labels (with an optional ':' or '.'). */
const MISSING_KEYS = ['', 'na', 'n/a', '#n/a', 'null', 'none', 'nan', '-', '—', '–', '(blank)', '(пусто)', 'нет'];
const TOTAL_LABELS = [
	'итого',
	'итог',
	'всего',
	'total',
	'totals',
	'grand total',
	'subtotal',
	'sum',
	'сумма',
	'общий итог'
];

interface Dialect {
	ident(name: string): string;
	str(value: string): string;
	/** exact decimal literal for a share given in ppm */
	fraction(ppm: number): string;
	text: string;
	rowDecimal: string;
	totalDecimal: string;
	/** casts for quantity and price before multiplying: narrow enough that the product keeps every decimal */
	qtyDecimal: string;
	priceDecimal: string;
	double: string;
	bigint: string;
	/** appended to the key in ORDER BY */
	collate: string;
}

const quoteDouble = (name: string) => `"${name.replace(/"/g, '""')}"`;
const stringStandard = (value: string) => `'${value.replace(/'/g, "''")}'`;
const stringBackslash = (value: string) =>
	`'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;

const DIALECTS: Record<SqlDialect, Dialect> = {
	duckdb: {
		ident: quoteDouble,
		str: stringStandard,
		fraction: decimalText,
		text: 'VARCHAR',
		rowDecimal: 'DECIMAL(38, 9)',
		totalDecimal: 'DECIMAL(28, 9)',
		qtyDecimal: 'DECIMAL(18, 9)',
		priceDecimal: 'DECIMAL(19, 9)',
		double: 'DOUBLE',
		bigint: 'BIGINT',
		collate: ''
	},
	postgres: {
		ident: quoteDouble,
		str: stringStandard,
		fraction: decimalText,
		text: 'TEXT',
		rowDecimal: 'NUMERIC(38, 9)',
		totalDecimal: 'NUMERIC(28, 9)',
		qtyDecimal: 'NUMERIC(18, 9)',
		priceDecimal: 'NUMERIC(19, 9)',
		double: 'DOUBLE PRECISION',
		bigint: 'BIGINT',
		collate: ' COLLATE "C"'
	},
	bigquery: {
		ident: (name) => '`' + name.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`',
		str: stringBackslash,
		// a plain 0.8 is FLOAT64 in BigQuery; BIGNUMERIC (38 decimals) keeps bound × total exact
		fraction: (ppm) => `BIGNUMERIC '${decimalText(ppm)}'`,
		text: 'STRING',
		rowDecimal: 'NUMERIC',
		totalDecimal: 'NUMERIC',
		// NUMERIC × NUMERIC is rounded to 9 decimals: the same as the exact product cast to NUMERIC
		qtyDecimal: 'NUMERIC',
		priceDecimal: 'NUMERIC',
		double: 'FLOAT64',
		bigint: 'INT64',
		collate: ''
	},
	spark: {
		ident: (name) => '`' + name.replace(/`/g, '``') + '`',
		str: stringBackslash,
		fraction: decimalText,
		text: 'STRING',
		rowDecimal: 'DECIMAL(38, 9)',
		totalDecimal: 'DECIMAL(28, 9)',
		qtyDecimal: 'DECIMAL(18, 9)',
		priceDecimal: 'DECIMAL(19, 9)',
		double: 'DOUBLE',
		bigint: 'BIGINT',
		collate: ''
	}
};

/** Same rounding as the engine's `toPpm`. */
function ppmOf(fraction: number): number {
	return Math.round(fraction * 1_000_000);
}

/** ppm → exact decimal text: 800000 → '0.8', 1 → '0.000001'. */
function decimalText(ppm: number): string {
	const whole = Math.floor(ppm / 1_000_000);
	const part = String(ppm % 1_000_000)
		.padStart(6, '0')
		.replace(/0+$/, '');
	return part ? `${whole}.${part}` : String(whole);
}

/** Day number since 1970-01-01 → 'YYYY-MM-DD'. */
function isoDay(day: number): string {
	return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const percent = (fraction: number) => `${decimalText(ppmOf(fraction) * 100)} %`;
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

/**
 * The classification as one SQL query (CTEs and window functions) over `table`, whose columns are
 * named as in the file header. Output: rank, customer_key, value, share, cumulative_share, class,
 * key_customer, ordered by rank.
 */
export function classificationSql(
	settings: ClassifySettings,
	sqlColumns: SqlColumns,
	dialect: SqlDialect,
	table = 'sales'
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
		? `${settings.dateFrom !== undefined ? isoDay(settings.dateFrom) : '…'} to ${settings.dateTo !== undefined ? isoDay(settings.dateTo) : '…'} (${oneLine(columns.date!)}, inclusive)`
		: 'all rows';
	const header = [
		`-- Paretoscope customer classification (${SQL_DIALECT_NAMES[dialect]})`,
		`-- metric: ${metricText[settings.metric]}`,
		`-- returns (negative amount or quantity): ${ignoreReturns ? 'ignored' : 'netted'}; period: ${period}`,
		`-- classes by ${byCount ? 'share of customers ranked above' : 'cumulative share of the metric before the customer'}: ${bounds}`,
		`-- key customer: at least ${percent(settings.keyShare)} of the metric; totals <= 0 rank last, in the lowest class`,
		`-- ties ranked by customer key in byte order; shares are of the sum of positive totals`,
		...standIns
	];

	// --- rows: the columns the query needs, normalised ---
	const select: string[] = [`TRIM(CAST(${col(columns.customerKey!)} AS ${d.text})) AS customer_key`];
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
	if (filterDates) select.push(`CAST(${col(columns.date!)} AS DATE) AS sale_date`);
	const countOrders = settings.metric === 'payments' && columns.orderId !== undefined;
	if (countOrders) select.push(`TRIM(CAST(${col(columns.orderId!)} AS ${d.text})) AS order_id`);

	// --- in scope: skipped keys, period, returns ---
	const skippedKeys = [...MISSING_KEYS, ...TOTAL_LABELS.flatMap((t) => [t, `${t}:`, `${t}.`])].map(d.str);
	const skipped = Array.from({ length: Math.ceil(skippedKeys.length / 12) }, (_, i) =>
		skippedKeys.slice(i * 12, i * 12 + 12).join(', ')
	).join(',\n      ');
	const isReturn = columns.quantity !== undefined ? '(amount < 0 OR COALESCE(quantity < 0, FALSE))' : 'amount < 0';
	const where = ['customer_key IS NOT NULL', `LOWER(customer_key) NOT IN (${skipped})`, 'amount IS NOT NULL'];
	if (filterDates) {
		if (settings.dateFrom !== undefined) where.push(`sale_date >= DATE '${isoDay(settings.dateFrom)}'`);
		if (settings.dateTo !== undefined) where.push(`sale_date <= DATE '${isoDay(settings.dateTo)}'`);
	}
	if (ignoreReturns) where.push(`NOT ${isReturn}`);

	// --- the metric per customer ---
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
			total = countOrders
				? `CAST(COUNT(DISTINCT CASE WHEN NOT is_return AND order_id <> '' THEN order_id END)\n` +
					`      + SUM(CASE WHEN NOT is_return AND (order_id IS NULL OR order_id = '') THEN 1 ELSE 0 END) AS ${d.bigint})`
				: `CAST(SUM(CASE WHEN is_return THEN 0 ELSE 1 END) AS ${d.bigint})`;
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
		.map((c) => `       WHEN ${before} < ${d.fraction(ppmOf(c.upTo))} * ${base} THEN ${d.str(c.name)}`);

	const lines = [
		...header,
		'WITH source_rows AS (',
		'  SELECT',
		select.map((s) => `    ${s}`).join(',\n'),
		`  FROM ${tableRef}`,
		'),',
		'in_scope AS (',
		`  SELECT *, ${isReturn} AS is_return`,
		'  FROM source_rows',
		`  WHERE ${where.join('\n    AND ')}`,
		'),',
		'totals AS (',
		`  SELECT customer_key, ${total} AS total`,
		'  FROM in_scope',
		'  GROUP BY customer_key',
		'),',
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
		`  total > 0 AND total >= ${d.fraction(ppmOf(settings.keyShare))} * positive_total AS key_customer`,
		'FROM running',
		'ORDER BY rank;'
	];
	return lines.join('\n') + '\n';
}
