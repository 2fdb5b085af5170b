/**
 * Counts read as a native speaker writes them: every count that stands before a word goes
 * through a plural block (Intl.PluralRules), each block has the forms its language needs, the
 * Russian UI carries no English words, and dates follow the UI language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { ru } from '../../src/lib/i18n/ru';
import { ro } from '../../src/lib/i18n/ro';
import { i18n, type MessageKey } from '../../src/lib/i18n/index.svelte';
import { formatMessage, messageParams } from '../../src/lib/i18n/message-format';

const DICTS = { en, ru, ro } as const;
type Lang = keyof typeof DICTS;

afterEach(() => i18n.set('en'));

const fmt = (lang: 'en-US' | 'ru-RU' | 'ro-RO', message: string, params: Record<string, string | number>) =>
	formatMessage(message, params, new Intl.PluralRules(lang), (n) => new Intl.NumberFormat(lang).format(n));

/** Parameters that hold a count of things. */
const COUNTS = new Set([
	'count',
	'total',
	'rows',
	'customers',
	'files',
	'imported',
	'read',
	'datasets',
	'prospects',
	'dossiers',
	'days',
	'months',
	'shown'
]);

/** «{count} of {total, plural…}»: the noun follows the total */
const OF = new Set(['of', 'из', 'din']);

/** Each plural block of a message: its parameter and the selectors of its forms. */
function pluralBlocks(message: string): { name: string; selectors: string[] }[] {
	const out: { name: string; selectors: string[] }[] = [];
	for (const m of message.matchAll(/\{(\w+), plural,((?:[^{}]|\{[^{}]*\})*)\}/g))
		out.push({
			name: m[1],
			selectors: [...m[2].matchAll(/(=\d+|zero|one|two|few|many|other)\s*\{/g)].map((s) => s[1])
		});
	return out;
}

describe('formatMessage', () => {
	it('picks the Russian form for 1, 2–4, 5–20, 21, 22, 25, 111', () => {
		const m = '{n, plural, one {# строка} few {# строки} many {# строк} other {# строки}}';
		expect([1, 2, 4, 5, 11, 20, 21, 22, 25, 111, 1001].map((n) => fmt('ru-RU', m, { n }))).toEqual([
			'1 строка',
			'2 строки',
			'4 строки',
			'5 строк',
			'11 строк',
			'20 строк',
			'21 строка',
			'22 строки',
			'25 строк',
			'111 строк',
			'1\u00a0001 строка'
		]);
		expect(fmt('ru-RU', m, { n: 1.5 })).toBe('1,5 строки');
	});

	it('English one/other, Romanian one/few/other ("20 de rânduri"), exact =0 first', () => {
		const e = '{n, plural, =0 {no files} one {# file} other {# files}}';
		expect([0, 1, 2, 1000].map((n) => fmt('en-US', e, { n }))).toEqual([
			'no files',
			'1 file',
			'2 files',
			'1,000 files'
		]);
		const r = '{n, plural, one {# rând} few {# rânduri} other {# de rânduri}}';
		expect([1, 2, 19, 20, 101, 120].map((n) => fmt('ro-RO', r, { n }))).toEqual([
			'1 rând',
			'2 rânduri',
			'19 rânduri',
			'20 de rânduri',
			'101 rânduri',
			'120 de rânduri'
		]);
	});

	it('fills plain parameters inside and outside the forms, whole numbers in the locale', () => {
		const m = '{count} of {total, plural, one {# customer} other {# customers}} in {file}';
		expect(fmt('en-US', m, { count: 1234, total: 5000, file: 'a.csv' })).toBe('1,234 of 5,000 customers in a.csv');
		expect(fmt('ru-RU', '{n} из {total}', { n: 12345, total: '7,5' })).toBe('12\u00a0345 из 7,5');
		// a missing or non-numeric count leaves the block as written, never a wrong form
		expect(fmt('en-US', '{n, plural, one {# x} other {# xs}}', { n: 'many' })).toBe(
			'{n, plural, one {# x} other {# xs}}'
		);
		expect(fmt('en-US', 'keep {unknown}', { n: 1 })).toBe('keep {unknown}');
		expect([...messageParams(m)].sort()).toEqual(['count', 'file', 'total']);
	});
});

describe('the dictionaries', () => {
	it('a count before a word is always a plural block; no "(s)"', () => {
		const bad: string[] = [];
		for (const [lang, dict] of Object.entries(DICTS))
			for (const [key, message] of Object.entries(dict)) {
				const outside = message.replace(/\{(\w+), plural,((?:[^{}]|\{[^{}]*\})*)\}/g, ' N ');
				for (const m of outside.matchAll(/\{(\w+)\}\s+(\p{L}+)/gu))
					if (COUNTS.has(m[1]) && !OF.has(m[2])) bad.push(`${lang} ${key}: «{${m[1]}} ${m[2]}»`);
				if (/\w\(s\)/.test(message)) bad.push(`${lang} ${key}: (s)`);
			}
		expect(bad).toEqual([]);
	});

	it('every plural block has the forms of its language', () => {
		const need: Record<Lang, string[]> = {
			en: ['one', 'other'],
			ru: ['one', 'few', 'many', 'other'],
			ro: ['one', 'few', 'other']
		};
		const bad: string[] = [];
		for (const lang of Object.keys(DICTS) as Lang[])
			for (const [key, message] of Object.entries(DICTS[lang]))
				for (const b of pluralBlocks(message)) {
					const invariant = b.selectors.length === 1 && b.selectors[0] === 'other';
					if (!invariant && need[lang].some((s) => !b.selectors.includes(s)))
						bad.push(`${lang} ${key} {${b.name}}: ${b.selectors}`);
				}
		expect(bad).toEqual([]);
	});

	it('renders every message for 0, 1, 2, 5, 21 and 1 000 without a leftover brace or #', () => {
		for (const lang of Object.keys(DICTS) as Lang[]) {
			i18n.set(lang);
			for (const [key, message] of Object.entries(DICTS[lang])) {
				const names = [...messageParams(message)];
				if (!pluralBlocks(message).length) continue;
				for (const n of [0, 1, 2, 5, 21, 1000]) {
					const text = i18n.t(key as MessageKey, Object.fromEntries(names.map((p) => [p, n])));
					expect(text, `${lang} ${key} n=${n}`).not.toMatch(/[{}#]/);
				}
			}
		}
	});

	it('the Russian UI has no English words beyond the names of methods, formats, products and keyboard keys', () => {
		const allowed = new Set(
			'A B C X Y Z ABC XYZ VIP CSV SQL HHI PNG SVG PDF XLSX xlsx xls JPEG GIF ZIP GZIP RAR Zip Excel Paretoscope CRM RFM F M UTF-8 Windows-1251 pandas R sales Esc P'.split(
				' '
			)
		);
		const bad: string[] = [];
		i18n.set('ru');
		for (const [key, message] of Object.entries(ru)) {
			const names = [...messageParams(message)];
			const text = i18n.t(key as MessageKey, Object.fromEntries(names.map((p) => [p, 2])));
			for (const w of text.match(/[A-Za-z][A-Za-z0-9-]*/g) ?? []) {
				const word = w.replace(/-$/, '');
				if (!allowed.has(word)) bad.push(`${key}: ${word}`);
			}
		}
		expect(bad).toEqual([]);
	});
});

describe('dates in the UI language', () => {
	it('Russian and Romanian write 30.12.2025, English Dec 30, 2025; months abbreviated', () => {
		const day = Date.UTC(2025, 11, 30) / 86400000;
		i18n.set('ru');
		expect([i18n.day(day), i18n.day('2025-12-30'), i18n.month('2024-08')]).toEqual([
			'30.12.2025',
			'30.12.2025',
			'авг. 2024 г.'
		]);
		i18n.set('ro');
		expect(i18n.day(day)).toBe('30.12.2025');
		i18n.set('en');
		expect([i18n.day(day), i18n.month('2024-08')]).toEqual(['Dec 30, 2025', 'Aug 2024']);
		// what is not a date stays as written
		expect(i18n.day('soon')).toBe('soon');
	});
});
