import type { Classification } from './types';

// also a text that already starts with ' before a formula character, so the escaping can be undone
const FORMULA_START = /^'*[=+\-@\t\r\n]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Makes a cell safe to open in a spreadsheet: text starting with = + - @ tab CR or LF gets a
 * leading apostrophe so it is never run as a formula; plain numbers are left alone. Text that
 * already starts with apostrophes before such a character gets one more, so `unneutralise` is exact.
 */
export function neutraliseFormula(cell: string): string {
	return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** The inverse of neutraliseFormula. */
export function unneutralise(cell: string): string {
	return /^'+[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell;
}

/** RFC 4180 quoting for one field. */
export function csvField(cell: string, delimiter = ','): string {
	const safe = neutraliseFormula(cell);
	return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const EXPORT_HEADER = [
	'rank',
	'customer_key',
	'customer_name',
	'value',
	'share',
	'cumulative_share',
	'class',
	'key_customer'
] as const;

/** Classified customers in rank order, as the foundation issue defines the file. */
export function classificationCsv(
	c: Classification,
	customerKeys: readonly string[],
	customerNames: readonly string[]
): string {
	const lines: string[] = [EXPORT_HEADER.join(',')];
	const names = c.settings.classes.map((k) => k.name);
	const decimals = c.settings.metric === 'payments' ? 0 : c.scale;
	for (let r = 0; r < c.order.length; r++) {
		const i = c.order[r];
		lines.push(
			[
				String(r + 1),
				csvField(customerKeys[i]),
				csvField(customerNames[i]),
				c.value[r].toFixed(decimals),
				c.share[r].toFixed(10),
				c.cumShare[r].toFixed(10),
				csvField(names[c.classIndex[r]]),
				c.key[r] ? 'true' : 'false'
			].join(',')
		);
	}
	return lines.join('\r\n') + '\r\n';
}
