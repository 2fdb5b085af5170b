/**
 * The decisions of a file that apply to the whole file rather than row by row (README, "What an
 * export means"): which column became the amount and why, the date order, ignored and joined
 * columns, the ids warning. The import report lists them beside the row counts. Pure.
 */
import type { MessageKey } from '../i18n/en';
import type { ColumnMapping, DateOrder, Interpretation } from '../ingest/types';

export interface MeaningLine {
	key: MessageKey;
	params: Record<string, string | number>;
}

/** `orderName` turns a date order into words ('day.month.year'); `unnamed` names a column without a header. */
export function fileDecisionLines(
	meaning: Interpretation | undefined,
	header: readonly string[],
	mapping: ColumnMapping | undefined,
	dateOrder: DateOrder | undefined,
	orderName: (o: DateOrder) => string,
	unnamed: (n: number) => string
): MeaningLine[] {
	if (!meaning) return [];
	const col = (c: number) => header[c] || unnamed(c + 1);
	const amount = mapping && mapping.amount >= 0 ? col(mapping.amount) : '';
	const out: MeaningLine[] = [];
	if (meaning.orderTotal?.mode === 'line')
		out.push({ key: 'meaning.orderTotal.line', params: { total: col(meaning.orderTotal.totalColumn), line: amount } });
	if (meaning.orderTotal?.mode === 'oncePerOrder')
		out.push({ key: 'meaning.orderTotal.once', params: { total: col(meaning.orderTotal.totalColumn) } });
	if (meaning.taxExcluded && amount)
		out.push({ key: 'meaning.taxExcluded', params: { amount, other: col(meaning.taxExcluded.instead) } });
	if (meaning.priceIsLineTotal && amount)
		out.push({
			key: 'meaning.priceIsLineTotal',
			params: { price: amount, quantity: mapping && mapping.quantity >= 0 ? col(mapping.quantity) : '' }
		});
	if (meaning.currency) {
		const c = meaning.currency;
		if (c.keep === null)
			out.push({
				key: 'meaning.currency.converted',
				params: { currencies: c.seen.join(', '), column: amount, currency: c.converted ?? '' }
			});
		else out.push({ key: 'dash.readAs.currency', params: { currency: c.keep } });
	}
	if (meaning.nameParts)
		out.push({
			key: 'meaning.nameParts',
			params: { first: col(meaning.nameParts[0]), last: col(meaning.nameParts[1]) }
		});
	if ((meaning.indexColumn ?? -1) >= 0)
		out.push({ key: 'meaning.indexColumn', params: { n: meaning.indexColumn! + 1 } });
	if (meaning.dateOrderFrom && mapping && mapping.date >= 0 && dateOrder)
		out.push({
			key: 'meaning.dateOrderFrom',
			params: {
				date: col(mapping.date),
				column: col(meaning.dateOrderFrom.column),
				example: meaning.dateOrderFrom.example,
				order: orderName(dateOrder)
			}
		});
	if (meaning.scientificKeys)
		out.push({ key: 'meaning.scientific', params: { example: meaning.scientificKeys.example } });
	return out;
}
