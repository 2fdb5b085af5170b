/**
 * The one vocabulary of totals rows (README "Choices where the specification is silent: Customer
 * key"): a key cell reading 'Total', 'Итого', 'Subtotal:', 'Summe'… is a report's totals line, not
 * a customer. Shared by the import (which also reads 'Total for X' / 'Итого по X') and "Show as SQL".
 */

/** Totals words, lower case, in English, Russian, German, French, Spanish, Italian and Romanian. */
export const TOTAL_WORDS: readonly string[] = Object.freeze([
	'total',
	'totals',
	'grand total',
	'subtotal',
	'sum',
	'сумма',
	'итого',
	'итог',
	'всего',
	'общий итог',
	'summe',
	'gesamt',
	'gesamtsumme',
	'total général',
	'total general',
	'totale'
]);

/** The words of 'Total for X' in those languages. */
export const TOTAL_FOR_WORDS: readonly string[] = Object.freeze(['for', 'по', 'für', 'pour', 'para', 'per', 'pentru']);

const TOTAL_LABEL = new RegExp(`^(${TOTAL_WORDS.join('|')})(\\s+(${TOTAL_FOR_WORDS.join('|')})\\s.*|[:.]?)$`, 'i');

/** True for 'Total for Anchor Marine', 'Итого по ООО «Кедр»', 'TOTAL', 'Subtotal:', 'Сумма' (trimmed, any case). */
export function isTotalLabel(text: string): boolean {
	return TOTAL_LABEL.test(text.trim());
}
