/**
 * Numbers typed into the app's fields (README "Numbers and dates"): a field shows a number as the
 * UI language writes it for typing — `18,1` in Russian and Romanian, `18.1` in English, without
 * grouping — and reads either separator in every language, with spaces or apostrophes as
 * grouping (`12 500,50`, `12,500.50`, `12'500`). Pure.
 */
import type { Locale } from '../i18n/index.svelte';

/** How a field writes `n` for `locale`: at most `digits` decimals, no grouping; null is ''. */
export function formatDecimalInput(n: number | null | undefined, locale: Locale, digits = 2): string {
	if (n === null || n === undefined || !Number.isFinite(n)) return '';
	const s = String(Number(n.toFixed(digits)));
	return locale === 'en' ? s : s.replace('.', ',');
}

/**
 * What a person typed as a number: null for an empty field, undefined for text that is not a
 * number. With both `.` and `,` the last one is the decimal separator; a lone `,` is decimal
 * unless it stands before exactly three digits after other digits in English (`12,500`).
 */
export function parseDecimalInput(text: string, locale: Locale = 'ru'): number | null | undefined {
	let s = text.replace(/[\s\u00a0\u202f'’]/g, '');
	if (s === '') return null;
	const dot = s.lastIndexOf('.');
	const comma = s.lastIndexOf(',');
	if (dot >= 0 && comma >= 0) {
		const decimal = dot > comma ? '.' : ',';
		const group = decimal === '.' ? ',' : '.';
		s = s.split(group).join('').replace(decimal, '.');
	} else if (comma >= 0) {
		const thousands = locale === 'en' && /^-?\d{1,3}(,\d{3})+$/.test(s);
		s = thousands ? s.split(',').join('') : s.replace(',', '.');
	}
	if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
	const n = Number(s);
	return Number.isFinite(n) ? n : undefined;
}
