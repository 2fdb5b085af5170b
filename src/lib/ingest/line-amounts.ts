/**
 * Whether the amount column holds each line's revenue (README, "What an export means"): an order
 * total repeated on every item row of the order, a marketplace "price" that is the line total, an
 * amount before tax beside a tax-included one. Pure.
 */
import { cellOf as cell } from './cells';
import type { Sample } from './meaning-sample';
import type { ColumnMapping } from './types';

/** Money columns that hold an order's total rather than a line's. */
const ORDER_LEVEL =
	/^(order|invoice|document|receipt|check|grand|sales?order)?(total|totals|grandtotal)(amount|sum|value)?$|^(order|invoice|document)(amount|sum|value|total)/;
const ORDER_LEVEL_RU = /^(итого|сумма)(заказа|документа|счета|чека)$|^суммадокумента$|^итогозаказа$/;
const PRODUCT_HEADER =
	/^(sku|product|products|productname|productid|productcode|item|itemname|itemcode|itemsku|asin|lineitemname|lineitemsku|товар|номенклатура|артикул|наименованиетовара|товары|artikel|artikelnummer|artikelname|produkt|produit|reference|producto|prodotto|produs|articol|article)$|^(product|item)(name|title|sku|code|id)$/;

const TAX_EXCLUDED =
	/untaxed|без(учета)?(ндс|налога)|excl|exclusive|netoftax|pretax|beforetax|horstaxes|montantht|ht$|netto|sinimpuestos|siniva|ohne(mwst|ust)|f[aă]r[aă]tva|^lineamount$|^(amount|total)(net)$/;
const TAX_INCLUDED =
	/incl|inclusive|сндс|сучетомндс|включая|cutva|withtax|aftertax|ttc|brutto|^(total|amount|сумма|итого|totalamount|grandtotal|invoicetotal|amounttotal)(signed)?$/;
const TAX_ONLY = /^(tax|taxamount|taxtotal|vat|vatamount|ндс|суммандс|mwst|ust|tva|iva|totaltax|amounttax)(signed)?$/;

/**
 * An order-level total written on every item row of the order (needs `mapping.amount` and
 * `mapping.orderId`). Found when every sampled order with two or more rows repeats one value, and
 * either the header names an order total ('oncePerOrder': count it once per order) or another
 * money column adds up to it per order, to 0.005 ('line': `lineColumn`, the line amount, is used).
 * Null when the amount is a plain line amount.
 */
export function repeatedOrderTotal(
	s: Sample,
	mapping: ColumnMapping
): { mode: 'line' | 'oncePerOrder'; totalColumn: number; lineColumn: number } | null {
	const { rows, header, words, numbers } = s;
	const orderOf = rows.map((r) => cell(r, mapping.orderId));
	const groups = new Map<string, number[]>();
	orderOf.forEach((o, i) => {
		if (o === '') return;
		const g = groups.get(o);
		if (g) g.push(i);
		else groups.set(o, [i]);
	});
	const multi = [...groups.values()].filter((g) => g.length > 1);
	if (multi.length === 0) return null;
	const repeats = (vals: (number | null)[]) =>
		multi.every((g) => g.every((i) => vals[i] !== null && vals[i] === vals[g[0]]));
	const sumsTo = (line: (number | null)[], total: (number | null)[]) =>
		[...groups.values()].every((g) => {
			const sum = g.reduce((a, i) => a + (line[i] ?? NaN), 0);
			return total[g[0]] !== null && Math.abs(sum - total[g[0]]!) < 0.005;
		});
	const moneyColumns = header
		.map((_, c) => c)
		.filter((c) => c !== mapping.orderId && c !== mapping.quantity && c !== mapping.date && c !== mapping.customerKey);
	const amountValues = numbers(mapping.amount);
	const totalNamed = (c: number) => ORDER_LEVEL.test(words[c]) || ORDER_LEVEL_RU.test(words[c]);

	if (repeats(amountValues)) {
		// the mapped amount repeats per order: is there a line amount beside it?
		const line = moneyColumns.find(
			(c) =>
				c !== mapping.amount &&
				!repeats(numbers(c)) &&
				sumsTo(numbers(c), amountValues) &&
				numbers(c).every((v) => v !== null)
		);
		if (line !== undefined) return { mode: 'line', totalColumn: mapping.amount, lineColumn: line };
		if (totalNamed(mapping.amount))
			return { mode: 'oncePerOrder', totalColumn: mapping.amount, lineColumn: mapping.amount };
		return null;
	}
	// the mapped amount is already the line amount: say which total it was preferred to
	const total = moneyColumns.find(
		(c) => c !== mapping.amount && totalNamed(c) && repeats(numbers(c)) && sumsTo(amountValues, numbers(c))
	);
	return total !== undefined ? { mode: 'line', totalColumn: total, lineColumn: mapping.amount } : null;
}

/**
 * A marketplace "item price" that is the price of the whole line (needs `mapping.quantity` and
 * `mapping.unitPrice`): the same product appears with different quantities and its "price" divided
 * by the quantity stays the same (to 0.005). False without a product column.
 */
export function priceIsLineTotal(s: Sample, mapping: ColumnMapping): boolean {
	const product = s.words.findIndex((w, c) => PRODUCT_HEADER.test(w) && c !== mapping.customerKey);
	if (product < 0) return false;
	const qty = s.numbers(mapping.quantity);
	const price = s.numbers(mapping.unitPrice);
	const byProduct = new Map<string, { q: number; p: number }[]>();
	s.rows.forEach((r, i) => {
		const k = cell(r, product);
		const q = qty[i];
		const p = price[i];
		if (k === '' || q === null || p === null || q <= 0) return;
		const list = byProduct.get(k) ?? [];
		list.push({ q, p });
		byProduct.set(k, list);
	});
	let evidence = 0;
	for (const list of byProduct.values()) {
		const quantities = new Set(list.map((x) => x.q));
		if (quantities.size < 2) continue;
		const perUnit = list.map((x) => x.p / x.q);
		const prices = new Set(list.map((x) => x.p));
		if (prices.size < 2) return false; // the same price at different quantities: a unit price
		if (perUnit.some((u) => Math.abs(u - perUnit[0]) > 0.005)) return false;
		evidence++;
	}
	return evidence > 0;
}

/**
 * Tax is not revenue: when the mapped amount column (`amount`, 0-based) is named as before tax and
 * a numeric tax-included total (or the tax itself) stands beside it, that column; else -1.
 */
export function taxIncludedBeside(s: Sample, amount: number): number {
	if (!TAX_EXCLUDED.test(s.words[amount])) return -1;
	return s.words.findIndex((w, c) => c !== amount && (TAX_INCLUDED.test(w) || TAX_ONLY.test(w)) && s.numeric(c));
}
