/**
 * The price-raise what-if in words (README "The rules: Reese's four customer types"): one sentence
 * for the Customer types tab and the printed report, in the UI language.
 */
import { i18n, t, type MessageKey } from '../i18n/index.svelte';
import { priceRaiseWhatIf, type PriceRaise, type WhatIfResult } from '../engine/price-whatif';
import { REESE_TYPES, type ReeseTypeRow } from '../engine/reese';
import { formatValue } from './format';

/** "+6.6%" / "−36.0%": the change from `before` to `after`; '' when there is nothing before. */
export function changeText(before: number, after: number): string {
	return before === 0 ? '' : `${after >= before ? '+' : '−'}${i18n.percent(Math.abs(after / before - 1))}`;
}

/** Money as the what-if writes it: whole units. */
export const whatIfMoney = (v: number) => formatValue(v, 'revenue', 0);

/** "Prices up 10%, and all freeloaders and all discount lovers leave: revenue 8,116 → 7,579 (−6.6%). Profit …" */
export function whatIfSentence(
	types: readonly ReeseTypeRow[],
	input: PriceRaise,
	result: WhatIfResult = priceRaiseWhatIf(types, input)
): string {
	const leaving = REESE_TYPES.filter((x) => (input.leave[x] ?? 0) > 0).map((x) =>
		(input.leave[x] ?? 0) >= 1
			? t(`whatif.all.${x}` as MessageKey)
			: t('whatif.part', { share: i18n.percent(input.leave[x] ?? 0, 0), type: t(`whatif.of.${x}` as MessageKey) })
	);
	const revenue = t('whatif.sentence', {
		raise: i18n.percent(input.raise, 0),
		leaving: leaving.length > 0 ? i18n.list(leaving) : t('whatif.nobody'),
		revenueBefore: whatIfMoney(result.before.revenue),
		revenueAfter: whatIfMoney(result.after.revenue),
		revenueChange: changeText(result.before.revenue, result.after.revenue)
	});
	if (result.before.profit === null || result.after.profit === null) return revenue;
	return `${revenue} ${t('whatif.profitSentence', {
		before: whatIfMoney(result.before.profit),
		after: whatIfMoney(result.after.profit),
		change: changeText(result.before.profit, result.after.profit)
	})}`;
}
