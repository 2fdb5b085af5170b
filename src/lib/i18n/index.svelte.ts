import { en, type MessageKey } from './en';
import { ru } from './ru';
import { ro } from './ro';

export type Locale = 'ru' | 'en' | 'ro';
export const LOCALES: { id: Locale; label: string; intl: string }[] = [
	{ id: 'ru', label: 'Русский', intl: 'ru-RU' },
	{ id: 'en', label: 'English', intl: 'en-US' },
	{ id: 'ro', label: 'Română', intl: 'ro-RO' }
];
const DICTS: Record<Locale, Record<MessageKey, string>> = { en, ru, ro };
const STORAGE_KEY = 'paretoscope.locale';

function initialLocale(): Locale {
	if (typeof window === 'undefined') return 'en';
	const saved = window.localStorage?.getItem(STORAGE_KEY);
	if (saved === 'ru' || saved === 'en' || saved === 'ro') return saved;
	const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
	for (const l of langs) {
		const base = l?.toLowerCase().split('-')[0];
		if (base === 'ru' || base === 'en') return base;
		if (base === 'ro' || base === 'mo') return 'ro';
		if (['uk', 'be', 'kk', 'ky', 'uz', 'tg', 'hy', 'az', 'ka'].includes(base)) return 'ru';
	}
	return 'en';
}

/** The UI language and locale-aware formatting; reading `locale` makes a component re-render on change. */
class I18n {
	locale = $state<Locale>(initialLocale());

	get intl(): string {
		return LOCALES.find((l) => l.id === this.locale)!.intl;
	}

	set(locale: Locale): void {
		this.locale = locale;
		if (typeof window !== 'undefined') {
			window.localStorage?.setItem(STORAGE_KEY, locale);
			document.documentElement.lang = locale;
		}
	}

	t = (key: MessageKey, params?: Record<string, string | number>): string => {
		let s = DICTS[this.locale][key] ?? en[key] ?? key;
		if (params) s = s.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
		return s;
	};

	// formatters are costly to build and tables format thousands of cells: keep one per shape
	private formats = new Map<string, Intl.NumberFormat>();
	private format(style: 'decimal' | 'percent', digits: number): Intl.NumberFormat {
		const k = `${this.intl}|${style}|${digits}`;
		let f = this.formats.get(k);
		if (!f)
			this.formats.set(
				k,
				(f = new Intl.NumberFormat(this.intl, { style, maximumFractionDigits: digits, minimumFractionDigits: digits }))
			);
		return f;
	}

	number = (v: number, digits = 0): string => this.format('decimal', digits).format(v);

	/** A fraction 0..1 as a percentage. */
	percent = (v: number, digits = 1): string => this.format('percent', digits).format(v);

	/** A day number (days since 1970-01-01) as a local date. */
	dateOnly = (day: number): string =>
		new Intl.DateTimeFormat(this.intl, { dateStyle: 'medium', timeZone: 'UTC' }).format(day * 86400000);

	date = (ms: number): string =>
		new Intl.DateTimeFormat(this.intl, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export const i18n = new I18n();
export const t = i18n.t;
export type { MessageKey };
