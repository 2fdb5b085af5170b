/**
 * A file that mixes currencies (README, "What an export means"): a converted / settlement amount
 * beats a sum of two currencies; without one, only the most frequent currency is kept. Pure.
 */
import { distinct, type Sample } from './meaning-sample';
import { REFUND_HEADER } from './status-columns';
import type { CurrencyRule } from './types';

const CURRENCY_HEADER = /^(currency|currencycode|валюта|währung|wahrung|devise|moneda|valuta|monedă)$/;
const CONVERTED_CURRENCY_HEADER =
	/^(converted|settlement|base|functional|reporting|home)currency$|^валютаучета$|^валютарегл/;
const CONVERTED_AMOUNT_HEADER =
	/^(converted|settlement|settled|base|functional|home|reporting)(amount|total|gross|sum)$|^amount(converted|settlement|settled|inbasecurrency|basecurrency|base)$|^(сумма)?(ввалютеучета|валютыучета|регл|врублях|вруб)$|^суммаввалютеучета$|^суммарегл/;

/**
 * The currency rule of a file whose amount is a column, when a free currency column (not in
 * `taken`) holds two or more currencies in the sampled rows (compared upper-cased: 'EUR' and 'eur'
 * are one), else null. `seen` lists them most frequent first. With a converted amount column,
 * `amount` is that column (it becomes the amount), `rule.converted` its currency ('' when not
 * named by exactly one value) and `refund` the converted refund column (-1 when none); without
 * one, `rule.keep` is the most frequent currency and `amount` and `refund` are -1.
 */
export function currencyRule(
	s: Sample,
	taken: ReadonlySet<number>
): { rule: CurrencyRule; amount: number; refund: number } | null {
	const { rows, words, numeric } = s;
	const currencyCol = words.findIndex((w, c) => CURRENCY_HEADER.test(w) && !taken.has(c));
	if (currencyCol < 0) return null;
	const counts = new Map<string, number>();
	for (const d of distinct(rows, currencyCol))
		counts.set(d.value.toUpperCase(), (counts.get(d.value.toUpperCase()) ?? 0) + d.count);
	const unique = [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
	if (unique.length <= 1) return null;
	const rule: CurrencyRule = { column: currencyCol, keep: null, converted: null, seen: unique };
	const amount = words.findIndex((w, c) => CONVERTED_AMOUNT_HEADER.test(w) && numeric(c));
	if (amount < 0) {
		rule.keep = unique[0];
		return { rule, amount: -1, refund: -1 };
	}
	const convertedCurrency = words.findIndex((w) => CONVERTED_CURRENCY_HEADER.test(w));
	const named = convertedCurrency >= 0 ? distinct(rows, convertedCurrency).map((d) => d.value.toUpperCase()) : [];
	rule.converted = named.length === 1 ? named[0] : '';
	const refund = words.findIndex((w, c) => /^converted/.test(w) && REFUND_HEADER.test(w) && numeric(c));
	return { rule, amount, refund };
}
