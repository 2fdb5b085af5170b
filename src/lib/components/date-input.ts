/**
 * Dates typed into the app's date fields (README "Numbers and dates"). Fields show a day as the UI
 * language writes it for typing: Russian and Romanian `30.12.2025`, English ISO `2025-12-30` (the
 * one numeric form US and UK readers both read the same way); every field accepts either form
 * whatever the language. Values are ISO `YYYY-MM-DD` strings, as `<input type="date">` gave. Pure.
 */
import type { Locale } from '../i18n/index.svelte';

/** How a field writes an ISO day for `locale`; '' stays ''. */
export function formatDayInput(iso: string, locale: Locale): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return iso;
	return locale === 'en' ? iso : `${m[3]}.${m[2]}.${m[1]}`;
}

/** The typing pattern shown as a placeholder: `дд.мм.гггг`, `zz.ll.aaaa`, `yyyy-mm-dd`. */
export function dayInputPattern(locale: Locale): string {
	return locale === 'ru' ? 'дд.мм.гггг' : locale === 'ro' ? 'zz.ll.aaaa' : 'yyyy-mm-dd';
}

/**
 * What a person typed as an ISO day: `30.12.2025`, `30/12/2025` (day first), `2025-12-30`, with
 * one-digit day and month allowed; null for anything else or a day the calendar does not have
 * (31.02.2025). Surrounding spaces are ignored.
 */
export function parseDayInput(text: string): string | null {
	const s = text.trim();
	let y: number, mo: number, d: number;
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
	if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	else {
		m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
		if (!m) return null;
		[d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
	}
	if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return null;
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
	return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
