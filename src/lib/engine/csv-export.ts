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

/** Columns after the foundation's eight, for whatever analysis is active (absent ones are left out). */
export interface ExtraColumns {
	metric: string;
	periodFrom?: string;
	periodTo?: string;
	vip?: Map<number, { status: string; months: string[] }>;
	xyz?: Map<number, string>;
	recency?: Map<number, string>;
}

/** The export's header and, for the extras, one cell function per column (by customer index). */
export function exportColumns(extra?: ExtraColumns): {
	header: string[];
	extraCells: ((customer: number) => string)[];
} {
	const header: string[] = [...EXPORT_HEADER];
	const extraCells: ((customer: number) => string)[] = [];
	if (!extra) return { header, extraCells };
	header.push('metric');
	extraCells.push(() => extra.metric);
	if (extra.vip) {
		const vip = extra.vip;
		header.push('vip_status', 'vip_months');
		extraCells.push(
			(i) => vip.get(i)?.status ?? '',
			(i) => vip.get(i)?.months.join(';') ?? ''
		);
	}
	if (extra.xyz) {
		const xyz = extra.xyz;
		header.push('xyz');
		extraCells.push((i) => xyz.get(i) ?? '');
	}
	if (extra.recency) {
		const rec = extra.recency;
		header.push('recency');
		extraCells.push((i) => rec.get(i) ?? '');
	}
	if (extra.periodFrom || extra.periodTo) {
		header.push('period_from', 'period_to');
		extraCells.push(
			() => extra.periodFrom ?? '',
			() => extra.periodTo ?? ''
		);
	}
	return { header, extraCells };
}

/** Classified customers in rank order: the foundation's eight columns first, then the extras. */
export function classificationCsv(
	c: Classification,
	customerKeys: readonly string[],
	customerNames: readonly string[],
	extra?: ExtraColumns
): string {
	const { header, extraCells } = exportColumns(extra);
	const lines: string[] = [header.join(',')];
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
				c.key[r] ? 'true' : 'false',
				...extraCells.map((f) => csvField(f(i)))
			].join(',')
		);
	}
	return lines.join('\r\n') + '\r\n';
}
