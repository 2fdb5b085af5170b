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
 * This file is the one entry point, `interpret()`, and the order of the decisions; each concern
 * has its own file: status-columns.ts, currencies.ts, customer-columns.ts, line-amounts.ts, over
 * the sampled columns of meaning-sample.ts. Pure: no DOM, no dependencies.
 */
import type { AutoMapping } from './mapping';
import { currencyRule } from './currencies';
import { customerFallbackColumn, headingColumn, namePartColumns } from './customer-columns';
import { priceIsLineTotal, repeatedOrderTotal, taxIncludedBeside } from './line-amounts';
import { sampleOf, titleText, used, type MeaningInput } from './meaning-sample';
import { isReturnsTitle } from './row-kinds';
import { statusColumns } from './status-columns';
import type { ColumnMapping, Interpretation } from './types';

export type { MeaningInput } from './meaning-sample';
export { kindOf, statusContextOf } from './status-columns';

/**
 * Finds the meaning of a file from its sampled rows. Returns the interpretation and the mapping it
 * implies (a copy of `input.auto.mapping`, changed where a decision moves a role to another column).
 */
export function interpret(input: MeaningInput): {
	mapping: ColumnMapping;
	amountSource: AutoMapping['amountSource'];
	meaning: Interpretation;
} {
	const sample = sampleOf(input);
	const mapping: ColumnMapping = { ...input.auto.mapping };
	let amountSource = input.auto.amountSource;
	const meaning: Interpretation = {};

	// an unnamed row counter is never a role
	if (input.indexColumn >= 0) {
		for (const role of Object.keys(mapping) as (keyof ColumnMapping)[])
			if (mapping[role] === input.indexColumn) mapping[role] = -1;
		meaning.indexColumn = input.indexColumn;
	}

	// 1. customer on heading rows (accounting "sales by customer detail" reports)
	const heading = headingColumn(sample, mapping);
	if (heading >= 0) {
		if (mapping.customerName === heading) mapping.customerName = -1;
		if (mapping.orderId === heading) mapping.orderId = -1;
		mapping.customerKey = heading;
		meaning.fillDown = true;
	}

	// 2. status / stage and document type
	const taken = used(mapping);
	const { refund: refundCol, status, docType } = statusColumns(sample, taken);
	if (status) meaning.status = status;
	if (docType) meaning.docType = docType;

	// 3. currencies: a converted / settlement amount beats a sum of two currencies
	let refund = refundCol;
	const currency = amountSource === 'column' ? currencyRule(sample, taken) : null;
	if (currency) {
		if (currency.amount >= 0) mapping.amount = currency.amount;
		if (currency.refund >= 0) refund = currency.refund;
		meaning.currency = currency.rule;
	}
	if (refund >= 0 && amountSource === 'column' && mapping.amount >= 0 && refund !== mapping.amount)
		meaning.refund = refund;

	// 4. the customer's display name from first and last name columns
	if (mapping.customerName < 0 && mapping.customerKey >= 0) {
		const parts = namePartColumns(sample.words, mapping);
		if (parts) meaning.nameParts = parts;
	}

	// 5. a second customer column for rows whose customer cell is empty
	if (mapping.customerKey >= 0 && !meaning.fillDown) {
		const fallback = customerFallbackColumn(sample, mapping, meaning.nameParts ?? []);
		if (fallback >= 0) meaning.customerFallback = fallback;
	}

	// 6. an order total repeated on each item row of an order
	if (amountSource === 'column' && mapping.amount >= 0 && mapping.orderId >= 0) {
		const found = repeatedOrderTotal(sample, mapping);
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
		if (priceIsLineTotal(sample, mapping)) {
			mapping.amount = mapping.unitPrice;
			mapping.unitPrice = -1;
			amountSource = 'column';
			meaning.priceIsLineTotal = true;
		}
	}

	// 8. tax is not revenue: say so when the amount is before tax and a tax-included total (or the tax) stands beside it
	if (amountSource === 'column' && mapping.amount >= 0) {
		const other = taxIncludedBeside(sample, mapping.amount);
		if (other >= 0) meaning.taxExcluded = { instead: other };
	}

	// 9. a returns list: its title line says so
	const title = titleText(input.titleLines);
	if (title && isReturnsTitle(title)) {
		meaning.returnsFile = true;
		meaning.returnsReason = 'title';
	}
	return { mapping, amountSource, meaning };
}
