/**
 * "Show as SQL": Reese's customer types (README "The rules: Reese's four customer types",
 * engine/reese.ts `reeseTypes`) as CTEs over the query's `in_scope` rows, for data with a discount
 * or list-price column. Pure.
 *
 * As the engine:
 * - each line's discount is ingest/discounts.ts `rowDiscount`: the discount column read by its kind
 *   (an amount against the paid amount, a fraction, a percent, or a code of unknown depth −1; an
 *   empty cell is no discount) and 1 − paid unit price / list price (the unit-price column, else
 *   amount / quantity, else the amount; an empty or non-positive list price says nothing); the
 *   deeper of the two, and a list-price depth replaces a code's unknown one;
 * - purchases only (a row with a negative amount or quantity is a return and left out), in the
 *   query's period and filters; items are the quantity when it is above 0, else 1;
 * - the rules in the engine's order (freeloader, unknown, discount lover, result-focused, seeker),
 *   every threshold less 1e-9; the price cutoff is the ⌈n × top − 1e-9⌉-th highest average price of
 *   the n customers with discount information.
 * Depths, shares and average prices are floating point (DOUBLE) computed with the engine's
 * operations from the exact (9-decimal) cells and sums; the engine adds its lines in floating point,
 * the query adds them exactly: the two can differ only for a share within about 1e-15 of a
 * threshold − 1e-9, or for two customers whose average prices differ by that little at the cutoff.
 */
import { DEFAULT_REESE, type ReeseSettings } from './reese';
import type { Dialect } from './sql-dialects';

/** The output column, after the classification's and RFM's. */
export const REESE_SQL_COLUMN = 'customer_type';

/** What a discount column holds (ingest/discounts.ts `DiscountKind`). */
export type SqlDiscountKind = 'amount' | 'fraction' | 'percent' | 'code';

/**
 * Cells of a code column that say "no code" (ingest/discounts.ts NO_CODE, compared in lower case
 * after trimming); tests/unit/sql-reese.test.ts checks the list against `rowDiscount`.
 */
export const NO_CODE_WORDS: readonly string[] = [
	'-',
	'—',
	'0',
	'no',
	'none',
	'n/a',
	'na',
	'нет',
	'без',
	'fără',
	'fara',
	'nu'
];

/** The dataset's discount columns, by the names the query reads them under (stand-ins resolved). */
export interface ReeseSqlColumns {
	discount?: { name: string; kind: SqlDiscountKind };
	listPrice?: string;
	unitPrice?: string;
	/** the rows have a `quantity` column */
	hasQuantity: boolean;
}

export interface ReeseSql {
	/** extra columns of source_rows: `expr AS name` (passed through the row rules) */
	select: string[];
	/** CTEs after `in_scope` (and `totals`), each ending with a comma */
	ctes: string[];
	/** the header comment lines */
	comments: string[];
	/** the final SELECT's column and its join on the customer key */
	column: string;
	join: string;
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');
const pct = (x: number) => `${Math.round(x * 1e6) / 1e4} %`;

/** The Reese pieces of the query; `col` quotes a header name. Throws on a threshold that is not a number. */
export function reeseSql(
	d: Dialect,
	columns: ReeseSqlColumns,
	col: (name: string) => string,
	settings: ReeseSettings = DEFAULT_REESE
): ReeseSql {
	for (const [k, v] of Object.entries(settings))
		if (typeof v !== 'number' || !Number.isFinite(v))
			throw new Error(`The customer-type threshold ${k} is not a number.`);
	const EPS = 1e-9;
	// a double exactly as JavaScript holds it: its shortest text read back as DOUBLE
	const dbl = (x: number) => `CAST('${String(x)}' AS ${d.double})`;
	const asDouble = (e: string) => `CAST(${e} AS ${d.double})`;
	const zero = `CAST(0 AS ${d.double})`;
	const one = `CAST(1 AS ${d.double})`;

	const select: string[] = [];
	const { discount, listPrice, unitPrice, hasQuantity } = columns;
	if (discount) {
		select.push(
			discount.kind === 'code'
				? `TRIM(CAST(${col(discount.name)} AS ${d.text})) AS discount_code`
				: `CAST(${col(discount.name)} AS ${d.rowDecimal}) AS discount_value`
		);
	}
	if (listPrice !== undefined) {
		select.push(`CAST(${col(listPrice)} AS ${d.rowDecimal}) AS list_price`);
		if (unitPrice !== undefined) select.push(`CAST(${col(unitPrice)} AS ${d.rowDecimal}) AS paid_unit_price`);
	}

	// --- one line's depths: the discount column's and the list price's (NULL: no information) ---
	const paid = asDouble('amount');
	const x = `ABS(${asDouble('discount_value')})`;
	let columnDepth = '';
	if (discount) {
		switch (discount.kind) {
			case 'code':
				columnDepth =
					`CASE WHEN discount_code IS NULL OR LOWER(discount_code) IN (${['', ...NO_CODE_WORDS].map(d.str).join(', ')})` +
					` THEN ${zero} ELSE CAST(-1 AS ${d.double}) END`;
				break;
			case 'fraction':
				columnDepth = `CASE WHEN discount_value IS NULL THEN ${zero} ELSE LEAST(${one}, ${x}) END`;
				break;
			case 'percent':
				columnDepth = `CASE WHEN discount_value IS NULL THEN ${zero} ELSE LEAST(${one}, ${x} / CAST(100 AS ${d.double})) END`;
				break;
			case 'amount':
				columnDepth = `CASE WHEN discount_value IS NULL OR discount_value = 0 THEN ${zero} ELSE ${x} / (GREATEST(${zero}, ${paid}) + ${x}) END`;
				break;
		}
	}
	const byQuantity = hasQuantity
		? `CASE WHEN quantity > 0 THEN ${paid} / ${asDouble('quantity')} ELSE ${paid} END`
		: paid;
	const unit = unitPrice !== undefined ? `COALESCE(${asDouble('paid_unit_price')}, ${byQuantity})` : byQuantity;
	const listDepth =
		listPrice !== undefined
			? `CASE WHEN list_price > 0 THEN GREATEST(${zero}, LEAST(${one}, ${one} - ${unit} / ${asDouble('list_price')})) END`
			: '';
	let depth: string;
	if (discount && listPrice !== undefined)
		// a sale price below the list price is a discount even where the column says 0; a code's unknown depth takes the list's
		depth =
			'CASE WHEN list_depth > 0 THEN CASE WHEN column_depth IS NULL OR column_depth = -1 THEN list_depth ' +
			'ELSE GREATEST(column_depth, list_depth) END ELSE COALESCE(column_depth, list_depth) END';
	else depth = discount ? 'column_depth' : 'list_depth';

	const items = hasQuantity ? 'CASE WHEN quantity > 0 THEN quantity ELSE 1 END' : '1';
	const cutoffAt = `GREATEST(1, CAST(CEIL(${asDouble('n')} * ${dbl(settings.resultPriceTop)} - ${dbl(EPS)}) AS ${d.bigint}))`;
	const ctes = [
		'reese_lines AS (',
		'  SELECT customer_key, amount,',
		`    ${items} AS items${discount || listPrice !== undefined ? ',' : ''}`,
		...(discount ? [`    ${columnDepth} AS column_depth${listPrice !== undefined ? ',' : ''}`] : []),
		...(listPrice !== undefined ? [`    ${listDepth} AS list_depth`] : []),
		'  FROM in_scope',
		'  WHERE NOT is_return',
		'),',
		'reese_depths AS (',
		`  SELECT customer_key, amount, items, ${depth} AS depth`,
		'  FROM reese_lines',
		'),',
		'reese_customers AS (',
		'  SELECT customer_key,',
		`    ${asDouble('SUM(items)')} AS items,`,
		`    ${asDouble(`SUM(CASE WHEN amount = 0 OR depth >= ${dbl(settings.deepDiscount - EPS)} THEN items ELSE 0 END)`)} AS free_items,`,
		`    CAST(SUM(amount) AS ${d.totalDecimal}) AS revenue,`,
		`    CAST(SUM(CASE WHEN depth > 0 OR depth = -1 THEN amount ELSE 0 END) AS ${d.totalDecimal}) AS discounted,`,
		'    COUNT(depth) AS known_lines',
		'  FROM reese_depths',
		'  GROUP BY customer_key',
		'),',
		'reese_measures AS (',
		'  SELECT customer_key, items, free_items, revenue, known_lines,',
		`    CASE WHEN revenue > 0 THEN ${asDouble('discounted')} / ${asDouble('revenue')} ELSE ${zero} END AS discounted_share,`,
		`    CASE WHEN items > 0 THEN ${asDouble('revenue')} / items ELSE ${zero} END AS average_price`,
		'  FROM reese_customers',
		'),',
		'reese_prices AS (',
		'  SELECT average_price,',
		'    ROW_NUMBER() OVER (ORDER BY average_price DESC) AS price_rank,',
		'    COUNT(*) OVER () AS n',
		'  FROM reese_measures',
		'  WHERE known_lines > 0',
		'),',
		'reese_cutoff AS (',
		'  SELECT MAX(average_price) AS price_cutoff',
		'  FROM reese_prices',
		`  WHERE price_rank = ${cutoffAt}`,
		'),',
		'reese AS (',
		'  SELECT customer_key AS reese_key,',
		`    CASE WHEN items > 0 AND free_items >= ${dbl(settings.freeShare)} * items - ${dbl(EPS)} THEN 'freeloader'`,
		`         WHEN known_lines = 0 THEN 'unknown'`,
		`         WHEN revenue > 0 AND discounted_share >= ${dbl(settings.loverShare - EPS)} THEN 'discountLover'`,
		`         WHEN discounted_share < ${dbl(settings.resultMaxDiscounted - EPS)} AND average_price >= price_cutoff THEN 'resultFocused'`,
		`         ELSE 'seeker' END AS ${REESE_SQL_COLUMN}`,
		'  FROM reese_measures',
		'  CROSS JOIN reese_cutoff',
		'),'
	];

	const sources = [
		...(discount
			? [
					`${oneLine(discount.name)} (${
						{
							amount: 'an amount off: amount / (paid + amount)',
							fraction: 'a fraction',
							percent: 'a percent',
							code: 'a code: depth unknown'
						}[discount.kind]
					}; empty = none)`
				]
			: []),
		...(listPrice !== undefined
			? [
					`1 − ${unitPrice !== undefined ? oneLine(unitPrice) : hasQuantity ? 'amount / quantity' : 'amount'} / ${oneLine(listPrice)} (empty = no information)`
				]
			: [])
	];
	const comments = [
		`-- customer types (Reese), over purchases in scope (returns left out): a line's discount is ${sources.join(' or ')}${
			sources.length > 1 ? ', the deeper of the two' : ''
		}; a line paid 0 is free`,
		`-- freeloader: >= ${pct(settings.freeShare)} of items free or >= ${pct(settings.deepDiscount)} off; unknown: no discount information; ` +
			`discount lover: >= ${pct(settings.loverShare)} of revenue discounted; result-focused: < ${pct(settings.resultMaxDiscounted)} ` +
			`discounted and average unit price in the top ${pct(settings.resultPriceTop)} of customers with information; else seeker ` +
			'(thresholds less 1e-9, as the app)'
	];
	return {
		select,
		ctes,
		comments,
		column: REESE_SQL_COLUMN,
		join: 'LEFT JOIN reese ON reese.reese_key = running.customer_key'
	};
}
