/**
 * The vocabulary of cells that hold no value: the null placeholders any column may carry, and the
 * wider set of customer-key cells that mean "no customer" (README "Choices where the specification
 * is silent: Customer key"). The import skips such rows, the SQL of "Show as SQL" filters the same
 * keys, and column profiling counts the placeholders as empty.
 */

/**
 * Cells that stand for "no value" in any column, lower case, compared with the trimmed cell
 * lower-cased: empty, spreadsheet and database nulls, lone dashes.
 */
export const NULL_PLACEHOLDERS: readonly string[] = Object.freeze([
	'',
	'na',
	'n/a',
	'#n/a',
	'null',
	'none',
	'nan',
	'-',
	'—',
	'–'
]);

/**
 * Customer-key cells that mean "no customer", lower case: the null placeholders plus what pivot
 * tables and Russian reports write for a missing counterparty. A key cell reading one of these
 * (compared lower-cased, the key already trimmed) is skipped and counted, never a customer.
 */
export const MISSING_CUSTOMER_KEYS: readonly string[] = Object.freeze([
	...NULL_PLACEHOLDERS,
	'(blank)',
	'(пусто)',
	'нет'
]);

const MISSING = new Set(MISSING_CUSTOMER_KEYS);
const LONGEST = Math.max(...MISSING_CUSTOMER_KEYS.map((k) => k.length));
/** first letters of the non-empty keys in either case: most keys are ruled out without lower-casing them */
const FIRST_LETTERS = new Set(
	MISSING_CUSTOMER_KEYS.filter((k) => k !== '').flatMap((k) => [k.charCodeAt(0), k.toUpperCase().charCodeAt(0)])
);

/**
 * True when a trimmed customer-key cell means "no customer": empty, or one of
 * MISSING_CUSTOMER_KEYS in any letter case. Runs once per imported row, so it decides most keys
 * by length and first letter without allocating.
 */
export function isMissingCustomer(key: string): boolean {
	if (key.length === 0) return true;
	return key.length <= LONGEST && FIRST_LETTERS.has(key.charCodeAt(0)) && MISSING.has(key.toLowerCase());
}
