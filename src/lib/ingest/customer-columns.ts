/**
 * Where a file names its customer besides the mapped column (README, "What an export means"): on
 * heading rows only (accounting "sales by customer detail" reports), in first and last name
 * columns, or in a second column for rows whose customer cell is empty. Pure.
 */
import { cellOf as cell } from './cells';
import { used, type Sample } from './meaning-sample';
import { isTotalLabel } from './row-kinds';
import type { ColumnMapping } from './types';

const FIRST_NAME =
	/^(billing|shipping|customer|buyer|contact|client)?(firstname|givenname|forename|first|имя|vorname|prenom|prénom|nombre|nome|prenume)$/;
const LAST_NAME =
	/^(billing|shipping|customer|buyer|contact|client)?(lastname|surname|familyname|last|фамилия|nachname|nom|apellido|apellidos|cognome|nume)$/;
/** Columns that can name the customer when the mapped one is empty. */
const CUSTOMER_LIKE =
	/^(customer|client|buyer|contact|company|account|purchaser|payer|billing)(name|email|mail|fullname)?$|^(billing|customer|buyer|contact)?e?mail(address)?$|^(контакт|контактноелицо|компания|клиент|покупатель|контрагент|заказчик|фио|email|почта|электроннаяпочта)$|^(kunde|firma|client|entreprise|cliente|empresa|contacto|contact)$/;

/**
 * The column (one of the first three) that names the customer only on heading rows: rows where it
 * is the only filled cell (besides, at most, an amount: a group subtotal), while most rows with an
 * amount leave it empty. -1 when none, or when neither an amount nor a unit price is mapped.
 */
export function headingColumn(s: Sample, mapping: ColumnMapping): number {
	const { header, rows } = s;
	const amount = mapping.amount >= 0 ? mapping.amount : mapping.unitPrice;
	if (amount < 0) return -1;
	const withAmount = rows.filter((r) => cell(r, amount) !== '' && s.number(cell(r, amount), amount) !== null);
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
 * The first-name and last-name columns ([first, last], 0-based) that make the customer's display
 * name, among the columns the mapping leaves free; undefined unless both are found.
 */
export function namePartColumns(words: readonly string[], mapping: ColumnMapping): [number, number] | undefined {
	const first = words.findIndex((w, c) => FIRST_NAME.test(w) && !used(mapping).has(c));
	const last = words.findIndex((w, c) => LAST_NAME.test(w) && !used(mapping).has(c));
	return first >= 0 && last >= 0 && first !== last ? [first, last] : undefined;
}

/**
 * A second customer column for rows whose customer cell (`mapping.customerKey`, mapped) is empty: a
 * customer-like column (name, company, e-mail) that is filled on at least one of those sampled rows,
 * is not the manager and not one of `nameParts`. -1 when none, or when no sampled row lacks a customer.
 */
export function customerFallbackColumn(s: Sample, mapping: ColumnMapping, nameParts: readonly number[]): number {
	const key = mapping.customerKey;
	const empty = s.rows.filter((r) => cell(r, key) === '');
	if (empty.length === 0) return -1;
	return s.words.findIndex(
		(w, c) =>
			c !== key &&
			CUSTOMER_LIKE.test(w) &&
			c !== mapping.manager &&
			empty.some((r) => cell(r, c) !== '') &&
			!nameParts.includes(c)
	);
}
