import { en, type MessageKey } from './en';
import { ru } from './ru';
import { ro } from './ro';
import { formatMessage } from './message-format';

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

	/**
	 * The message `key` in the UI language. `{name}` is replaced by the param; a plural block
	 * `{name, plural, one {# file} other {# files}}` picks its form by Intl.PluralRules for the
	 * number `params.name` (`=0 {…}` matches exactly) and writes `#` as that number in the locale.
	 */
	t = (key: MessageKey, params?: Record<string, string | number>): string => {
		const s = DICTS[this.locale][key] ?? en[key] ?? key;
		if (!params) return s;
		return formatMessage(s, params, this.pluralRules(), this.number);
	};

	private plurals = new Map<string, Intl.PluralRules>();
	private pluralRules(): Intl.PluralRules {
		let r = this.plurals.get(this.intl);
		if (!r) this.plurals.set(this.intl, (r = new Intl.PluralRules(this.intl)));
		return r;
	}

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

	/**
	 * A calendar day as the UI language writes it: Russian and Romanian `30.12.2025`, English
	 * `Dec 30, 2025` (README "Numbers and dates"). `day`: days since 1970-01-01, or 'YYYY-MM-DD'.
	 */
	day = (day: number | string): string => {
		const d = typeof day === 'string' ? isoDay(day) : day;
		if (d === null) return String(day);
		return this.dateFormat('day').format(d * 86400000);
	};

	/** A calendar month ('YYYY-MM') as the UI language writes it: `авг. 2024`, `Aug 2024`, `aug. 2024`. */
	month = (month: string): string => {
		const d = isoDay(`${month}-01`);
		return d === null ? month : this.dateFormat('month').format(d * 86400000);
	};

	/** Items joined as the UI language joins a list: `a, b and c`, `a, b и c`, `a, b și c`. */
	list = (items: readonly string[]): string => new Intl.ListFormat(this.intl, { type: 'conjunction' }).format(items);

	/** A large figure abbreviated as the UI language does: `898,1 млн`, `898.1M`, `898,1 mil.`. */
	compact = (n: number): string =>
		new Intl.NumberFormat(this.intl, { notation: 'compact', maximumFractionDigits: 1 }).format(n);

	private dates = new Map<string, Intl.DateTimeFormat>();
	private dateFormat(kind: 'day' | 'month'): Intl.DateTimeFormat {
		const k = `${this.intl}|${kind}`;
		let f = this.dates.get(k);
		if (!f) {
			const options: Intl.DateTimeFormatOptions =
				kind === 'month'
					? { month: 'short', year: 'numeric', timeZone: 'UTC' }
					: this.locale === 'en'
						? { dateStyle: 'medium', timeZone: 'UTC' }
						: { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' };
			this.dates.set(k, (f = new Intl.DateTimeFormat(this.intl, options)));
		}
		return f;
	}

	/**
	 * Builds the formatters the dashboard uses, in the UI language, before they are needed: the
	 * first date formatter of a page loads the calendar data (~20 ms), which the first dashboard's
	 * render would otherwise pay (README "Performance"). Run when the page is idle.
	 */
	prepare(): void {
		this.dateFormat('day');
		this.dateFormat('month');
		for (const digits of [0, 1, 2]) this.format('decimal', digits);
		for (const digits of [0, 1]) this.format('percent', digits);
		this.pluralRules();
	}

	date = (ms: number): string =>
		new Intl.DateTimeFormat(this.intl, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** 'YYYY-MM-DD' as days since 1970-01-01, or null when it is not such a date. */
function isoDay(s: string): number | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!m) return null;
	const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	return Number.isNaN(ms) ? null : ms / 86400000;
}

export const i18n = new I18n();
export const t = i18n.t;
export type { MessageKey };
