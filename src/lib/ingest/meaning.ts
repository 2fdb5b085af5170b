/**
 * Reads the meaning of an export the way an analyst does before building a pivot table (README,
 * "What an export means"): which column says whether the sale happened (status / stage), which
 * holds refunds or document types, whether an order total repeats on every item row, whether a
 * "price" is really the line's amount, whether the customer sits on heading rows only, whether the
 * file is a returns list, whether it mixes currencies, and which second column names the customer
 * when the first is empty. It works on the sampled rows of the mapping step and may change the
 * auto-mapping (the amount or the customer column); every decision is returned in an
 * `Interpretation` that the mapping step shows, the import applies and the report lists.
 *
 * Pure: no DOM, no dependencies.
 */
import type { AutoMapping } from './mapping';
import { cellOf as cell } from './cells';
import { headerWords } from './header-scores';
import {
	docTypeKind,
	isReturnsTitle,
	isTotalLabel,
	looksLikeDealStages,
	normaliseValue,
	statusKind,
	type StatusContext
} from './row-kinds';
import type { ColumnMapping, CurrencyRule, Interpretation, RowKind, ValueRule } from './types';

export interface MeaningInput {
	header: readonly string[];
	/** sampled records after the header, as parsed */
	rows: readonly string[][];
	/** records above the header (report titles), as parsed */
	titleLines: readonly string[][];
	auto: AutoMapping;
	/** the cell as a number under its column's decimal separator, or null */
	number: (cell: string, column: number) => number | null;
	/** 0-based row-index column to leave out, or -1 */
	indexColumn: number;
}

const STATUS_HEADER =
	/^(financial|payment|order|invoice|deal|transaction|charge|document|doc)?(status|state|stage|phase)$|^(dealstage|pipelinestage|salesstage|opportunitystage)$|^(статус|состояние|этап|стадия)(заказа|оплаты|сделки|документа|платежа)?$|^(zahlungsstatus|bestellstatus|status|zustand|phase|statut|etat|état|étape|etape|estado|etapa|stato|fase|stare|etapă|etapa)$/;
const STAGE_HEADER = /stage|phase|этап|стади|étape|etape|etapa|fase|etapă/;
const DOC_TYPE_HEADER =
	/^(type|documenttype|doctype|transactiontype|txntype|movetype|invoicetype|entrytype|kind|типдокумента|видоперации|виддокумента|тип|вид|документ|belegart|dokumenttyp|buchungsart|typedocument|typedepiece|tipodocumento|tipodedocumento|tipdocument|tipuldocument)$/;
const REFUND_HEADER =
	/^(converted|order|total)?(refund|refunds|refunded|refundedamount|amountrefunded|refundamount|totalrefunded|refundtotal|returnedamount|суммавозврата|возвращено|возвратсредств|rückerstattung|ruckerstattung|erstattet|erstattung|erstattungsbetrag|remboursement|montantrembourse|montantremboursé|reembolso|importereembolsado|rimborso|rambursare|sumarambursata|sumărambursată)$/;
const CURRENCY_HEADER = /^(currency|currencycode|валюта|währung|wahrung|devise|moneda|valuta|monedă)$/;
const CONVERTED_CURRENCY_HEADER =
	/^(converted|settlement|base|functional|reporting|home)currency$|^валютаучета$|^валютарегл/;
const CONVERTED_AMOUNT_HEADER =
	/^(converted|settlement|settled|base|functional|home|reporting)(amount|total|gross|sum)$|^amount(converted|settlement|settled|inbasecurrency|basecurrency|base)$|^(сумма)?(ввалютеучета|валютыучета|регл|врублях|вруб)$|^суммаввалютеучета$|^суммарегл/;
const PRODUCT_HEADER =
	/^(sku|product|products|productname|productid|productcode|item|itemname|itemcode|itemsku|asin|lineitemname|lineitemsku|товар|номенклатура|артикул|наименованиетовара|товары|artikel|artikelnummer|artikelname|produkt|produit|reference|producto|prodotto|produs|articol|article)$|^(product|item)(name|title|sku|code|id)$/;
const FIRST_NAME =
	/^(billing|shipping|customer|buyer|contact|client)?(firstname|givenname|forename|first|имя|vorname|prenom|prénom|nombre|nome|prenume)$/;
const LAST_NAME =
	/^(billing|shipping|customer|buyer|contact|client)?(lastname|surname|familyname|last|фамилия|nachname|nom|apellido|apellidos|cognome|nume)$/;
/** Columns that can name the customer when the mapped one is empty. */
const CUSTOMER_LIKE =
	/^(customer|client|buyer|contact|company|account|purchaser|payer|billing)(name|email|mail|fullname)?$|^(billing|customer|buyer|contact)?e?mail(address)?$|^(контакт|контактноелицо|компания|клиент|покупатель|контрагент|заказчик|фио|email|почта|электроннаяпочта)$|^(kunde|firma|client|entreprise|cliente|empresa|contacto|contact)$/;
/** Money columns that hold an order's total rather than a line's. */
const ORDER_LEVEL =
	/^(order|invoice|document|receipt|check|grand|sales?order)?(total|totals|grandtotal)(amount|sum|value)?$|^(order|invoice|document)(amount|sum|value|total)/;
const ORDER_LEVEL_RU = /^(итого|сумма)(заказа|документа|счета|чека)$|^суммадокумента$|^итогозаказа$/;

const TAX_EXCLUDED =
	/untaxed|без(учета)?(ндс|налога)|excl|exclusive|netoftax|pretax|beforetax|horstaxes|montantht|ht$|netto|sinimpuestos|siniva|ohne(mwst|ust)|faratva|^lineamount$|^(amount|total)(net)$/;
const TAX_INCLUDED =
	/incl|inclusive|сндс|сучетомндс|включая|withtax|aftertax|ttc|brutto|^(total|amount|сумма|итого|totalamount|grandtotal|invoicetotal|amounttotal)(signed)?$/;
const TAX_ONLY = /^(tax|taxamount|taxtotal|vat|vatamount|ндс|суммандс|mwst|ust|tva|iva|totaltax|amounttax)(signed)?$/;

/** Words of an order / payment status that is a sale: they make a bare 'State' column a status column. */
const STATUS_WORD =
	/^(paid|complete|completed|shipped|delivered|fulfilled|processing|pending|posted|open|closed|active|settled|succeeded|оплачен|оплачено|выполнен|отгружен|доставлен|проведен|bezahlt|payé|pagado|pagato|plătit|platit)/;

/** Distinct non-empty values of a column in the sampled rows, most frequent first. */
function distinct(rows: readonly string[][], c: number): { value: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const r of rows) {
		const v = cell(r, c);
		if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
	}
	return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

function used(mapping: ColumnMapping): Set<number> {
	return new Set(Object.values(mapping).filter((c) => c >= 0));
}

/** A rule for a status or document-type column: every sampled value with the kind the vocabulary gives it. */
function valueRule(rows: readonly string[][], column: number, kindOf: (v: string) => RowKind): ValueRule {
	const values: Record<string, RowKind> = {};
	for (const { value } of distinct(rows, column)) values[normaliseValue(value)] = kindOf(value);
	return { column, values };
}

/** How a status column is read: a CRM's deal stages (only won deals count) or order / payment statuses. */
export function statusContextOf(header: string, values: readonly string[]): StatusContext {
	return STAGE_HEADER.test(headerWords(header)) || looksLikeDealStages(values) ? 'stage' : 'status';
}

/**
 * Kind of a status / document-type value under a plan's rule: the user's or the sampled choice,
 * else the vocabulary (values first seen after the sampled rows).
 */
export function kindOf(
	rule: ValueRule,
	value: string,
	kind: 'status' | 'docType',
	context: StatusContext,
	refundColumn: boolean
): RowKind {
	const v = normaliseValue(value);
	const chosen = rule.values[v];
	if (chosen) return chosen;
	return kind === 'status' ? statusKind(value, context, refundColumn) : docTypeKind(value);
}

/**
 * Finds the meaning of a file from its sampled rows. Returns the interpretation and the mapping it
 * implies (a copy of `input.auto.mapping`, changed where a decision moves a role to another column).
 */
export function interpret(input: MeaningInput): {
	mapping: ColumnMapping;
	amountSource: AutoMapping['amountSource'];
	meaning: Interpretation;
} {
	const { header, rows } = input;
	const words = header.map(headerWords);
	const mapping: ColumnMapping = { ...input.auto.mapping };
	let amountSource = input.auto.amountSource;
	const meaning: Interpretation = {};
	const numbers = (c: number) => rows.map((r) => input.number(cell(r, c), c));
	const numeric = (c: number) => {
		const cells = rows.map((r) => cell(r, c)).filter((v) => v !== '');
		return cells.length > 0 && cells.every((v) => input.number(v, c) !== null);
	};

	// an unnamed row counter is never a role
	if (input.indexColumn >= 0) {
		for (const role of Object.keys(mapping) as (keyof ColumnMapping)[])
			if (mapping[role] === input.indexColumn) mapping[role] = -1;
		meaning.indexColumn = input.indexColumn;
	}

	// 1. customer on heading rows (accounting "sales by customer detail" reports)
	const heading = headingColumn(input, mapping);
	if (heading >= 0) {
		if (mapping.customerName === heading) mapping.customerName = -1;
		if (mapping.orderId === heading) mapping.orderId = -1;
		mapping.customerKey = heading;
		meaning.fillDown = true;
	}

	// 2. status / stage and document type
	const taken = used(mapping);
	const refundCol = words.findIndex(
		(w, c) => REFUND_HEADER.test(w) && !taken.has(c) && numeric(c) && !/^converted/.test(w)
	);
	const statusCol = bestColumn(
		words,
		(w) =>
			STATUS_HEADER.test(w)
				? /financial|payment|оплат|zahlung/.test(w)
					? 100
					: /fulfil|shipment|delivery|доставк/.test(w)
						? 40
						: 90
				: 0,
		taken,
		(c) => {
			const values = distinct(rows, c);
			if (values.length > 40) return false;
			// a bare 'State' may hold US states: it is a status only when some value reads as one
			if (/^(state|состояние|zustand|etat|état|estado|stato|stare)$/.test(words[c]))
				return values.some(
					(v) => statusKind(v.value, 'status', true) !== 'sale' || STATUS_WORD.test(normaliseValue(v.value))
				);
			return true;
		}
	);
	if (statusCol >= 0) {
		const values = distinct(rows, statusCol).map((d) => d.value);
		const context = statusContextOf(header[statusCol], values);
		meaning.status = { ...valueRule(rows, statusCol, (v) => statusKind(v, context, refundCol >= 0)), context };
		taken.add(statusCol);
	}
	const docCol = bestColumn(
		words,
		(w) => (DOC_TYPE_HEADER.test(w) ? 90 : 0),
		taken,
		(c) => {
			const d = distinct(rows, c);
			return d.length > 0 && d.length <= 40 && d.every((x) => input.number(x.value, c) === null);
		}
	);
	if (docCol >= 0) {
		meaning.docType = valueRule(rows, docCol, docTypeKind);
		taken.add(docCol);
	}

	// 3. currencies: a converted / settlement amount beats a sum of two currencies
	const currencyCol = words.findIndex((w, c) => CURRENCY_HEADER.test(w) && !taken.has(c));
	let refund = refundCol;
	if (currencyCol >= 0) {
		// counted upper-cased: 'EUR' and 'eur' are one currency
		const counts = new Map<string, number>();
		for (const d of distinct(rows, currencyCol))
			counts.set(d.value.toUpperCase(), (counts.get(d.value.toUpperCase()) ?? 0) + d.count);
		const unique = [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
		if (unique.length > 1 && amountSource === 'column') {
			const converted = words.findIndex((w, c) => CONVERTED_AMOUNT_HEADER.test(w) && numeric(c));
			const rule: CurrencyRule = { column: currencyCol, keep: null, converted: null, seen: unique };
			if (converted >= 0) {
				mapping.amount = converted;
				const convertedCurrency = words.findIndex((w) => CONVERTED_CURRENCY_HEADER.test(w));
				const named = convertedCurrency >= 0 ? distinct(rows, convertedCurrency).map((d) => d.value.toUpperCase()) : [];
				rule.converted = named.length === 1 ? named[0] : '';
				const convertedRefund = words.findIndex((w, c) => /^converted/.test(w) && REFUND_HEADER.test(w) && numeric(c));
				if (convertedRefund >= 0) refund = convertedRefund;
			} else rule.keep = unique[0];
			meaning.currency = rule;
		}
	}
	if (refund >= 0 && amountSource === 'column' && mapping.amount >= 0 && refund !== mapping.amount)
		meaning.refund = refund;

	// 4. the customer's display name from first and last name columns
	if (mapping.customerName < 0 && mapping.customerKey >= 0) {
		const first = words.findIndex((w, c) => FIRST_NAME.test(w) && !used(mapping).has(c));
		const last = words.findIndex((w, c) => LAST_NAME.test(w) && !used(mapping).has(c));
		if (first >= 0 && last >= 0 && first !== last) meaning.nameParts = [first, last];
	}

	// 5. a second customer column for rows whose customer cell is empty
	if (mapping.customerKey >= 0 && !meaning.fillDown) {
		const key = mapping.customerKey;
		const empty = rows.filter((r) => cell(r, key) === '');
		if (empty.length > 0) {
			const fallback = words.findIndex(
				(w, c) =>
					c !== key &&
					CUSTOMER_LIKE.test(w) &&
					c !== mapping.manager &&
					empty.some((r) => cell(r, c) !== '') &&
					!(meaning.nameParts ?? []).includes(c)
			);
			if (fallback >= 0) meaning.customerFallback = fallback;
		}
	}

	// 6. an order total repeated on each item row of an order
	if (amountSource === 'column' && mapping.amount >= 0 && mapping.orderId >= 0) {
		const found = repeatedOrderTotal(input, mapping, words, numbers);
		if (found) {
			meaning.orderTotal = found;
			if (found.mode === 'line' && found.lineColumn !== mapping.amount) mapping.amount = found.lineColumn;
			delete (found as { lineColumn?: number }).lineColumn;
		}
	}

	// 7. a "price" that grows with the quantity is the line's amount
	if (
		mapping.quantity >= 0 &&
		mapping.unitPrice >= 0 &&
		(amountSource === 'quantityTimesPrice' || mapping.amount < 0)
	) {
		if (priceIsLineTotal(input, mapping, words, numbers)) {
			mapping.amount = mapping.unitPrice;
			mapping.unitPrice = -1;
			amountSource = 'column';
			meaning.priceIsLineTotal = true;
		}
	}

	// 8. tax is not revenue: say so when the amount is before tax and a tax-included total (or the tax) stands beside it
	if (amountSource === 'column' && mapping.amount >= 0 && TAX_EXCLUDED.test(words[mapping.amount])) {
		const other = words.findIndex(
			(w, c) => c !== mapping.amount && (TAX_INCLUDED.test(w) || TAX_ONLY.test(w)) && numeric(c)
		);
		if (other >= 0) meaning.taxExcluded = { instead: other };
	}

	// 9. a returns list: its title line says so
	const title = input.titleLines
		.map((r) =>
			r
				.map((f) => f.trim())
				.filter((f) => f !== '')
				.join(' ')
		)
		.find((l) => l !== '');
	if (title && isReturnsTitle(title)) {
		meaning.returnsFile = true;
		meaning.returnsReason = 'title';
	}
	return { mapping, amountSource, meaning };
}

/** The best-scoring free column by header, among those `fits` accepts; -1 when none. */
function bestColumn(
	words: readonly string[],
	score: (w: string) => number,
	taken: ReadonlySet<number>,
	fits: (c: number) => boolean
): number {
	let best = -1;
	let bestScore = 0;
	words.forEach((w, c) => {
		const s = score(w);
		if (s > bestScore && !taken.has(c) && fits(c)) {
			best = c;
			bestScore = s;
		}
	});
	return best;
}

/**
 * The column that names the customer only on heading rows: rows where it is the only filled cell
 * (besides, at most, an amount: a group subtotal), while most rows with an amount leave it empty.
 */
function headingColumn(input: MeaningInput, mapping: ColumnMapping): number {
	const { header, rows } = input;
	const amount = mapping.amount >= 0 ? mapping.amount : mapping.unitPrice;
	if (amount < 0) return -1;
	const withAmount = rows.filter((r) => cell(r, amount) !== '' && input.number(cell(r, amount), amount) !== null);
	if (withAmount.length === 0) return -1;
	for (let c = 0; c < Math.min(header.length, 3); c++) {
		if (c === amount || c === mapping.date) continue;
		const headings = rows.filter(
			(r) => cell(r, c) !== '' && r.every((f, j) => j === c || j === amount || f.trim() === '')
		);
		// 'Total for Anchor Marine' rows are headings too by shape; at least one heading must not be one
		const real = headings.filter(
			(r) => !isTotalLabel(cell(r, c)) && !/^(total|totals|итого|всего|итог|summe|gesamt)(\s|$)/i.test(cell(r, c))
		);
		if (real.length === 0) continue;
		// the rows with an amount that are neither headings nor totals: most of them leave the column empty
		// a detail row says more than its amount (a date, a document, a product)
		const detail = withAmount.filter(
			(r) => cell(r, c) === '' && r.some((f, j) => j !== c && j !== amount && f.trim() !== '')
		);
		const others = withAmount.filter((r) => cell(r, c) !== '' && !headings.includes(r));
		if (detail.length > 0 && detail.length >= others.length) return c;
	}
	return -1;
}

/**
 * An order-level total written on every item row of the order. Found when every sampled order
 * with two or more rows repeats one value, and either the header names an order total or another
 * money column adds up to it per order (then that column, the line amount, is used).
 */
function repeatedOrderTotal(
	input: MeaningInput,
	mapping: ColumnMapping,
	words: readonly string[],
	numbers: (c: number) => (number | null)[]
): { mode: 'line' | 'oncePerOrder'; totalColumn: number; lineColumn: number } | null {
	const { rows, header } = input;
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
			const s = g.reduce((a, i) => a + (line[i] ?? NaN), 0);
			return total[g[0]] !== null && Math.abs(s - total[g[0]]!) < 0.005;
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
 * A marketplace "item price" that is the price of the whole line: the same product appears with
 * different quantities and its "price" divided by the quantity stays the same.
 */
function priceIsLineTotal(
	input: MeaningInput,
	mapping: ColumnMapping,
	words: readonly string[],
	numbers: (c: number) => (number | null)[]
): boolean {
	const product = words.findIndex((w, c) => PRODUCT_HEADER.test(w) && c !== mapping.customerKey);
	if (product < 0) return false;
	const qty = numbers(mapping.quantity);
	const price = numbers(mapping.unitPrice);
	const byProduct = new Map<string, { q: number; p: number }[]>();
	input.rows.forEach((r, i) => {
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
