/**
 * Discount information of a sales row (README "The rules: Reese's four customer types", the data
 * it reads): what a discount column holds, and each row's discount as a fraction of its price
 * before the discount. Pure: no DOM, no storage.
 */
import { decimalToNumber, parseDecimal } from './numbers';
import { normaliseHeader } from './header-scores';
import type { DecimalSeparator } from './types';
import { DISCOUNT_CODE } from '../engine/types';

/**
 * What a discount column holds, decided from its header and sampled cells and shown (changeable)
 * in the mapping step:
 * - 'amount': money taken off the row (Discount Amount, Сумма скидки);
 * - 'fraction': the discount as a fraction, 0.2 = 20 % (Superstore's Discount);
 * - 'percent': the discount in percent, 20 = 20 % (Скидка, %);
 * - 'code': a promo or discount code; a filled cell means "bought with a discount" of unknown depth.
 */
export type DiscountKind = 'amount' | 'fraction' | 'percent' | 'code';
export const DISCOUNT_KINDS: readonly DiscountKind[] = ['amount', 'fraction', 'percent', 'code'];

/** A row's discount value meaning "bought with a discount code, depth unknown" (SalesColumns.discount). */
export { DISCOUNT_CODE };

const CODE_HEADER = /code|код|promo|промо|coupon|купон|voucher|ваучер|cupon/;
/** Headers that say percent: the numbers are percentages even when all are small ('Скидка, %' of 0,5 and 1). */
const PERCENT_HEADER = /percent|pct|процент|procent/;
/** Headers that say rate: a fraction when every number is within 0..1, else percentages. */
const RATE_HEADER = /rate|ставк|rat[aă]/;
/** Cells of a code column that say "no code". */
const NO_CODE = /^(-|—|0|no|none|n\/a|na|нет|без|fără|fara|nu)$/i;

/**
 * What a column mapped as the discount holds, from its header and sampled cells: a code header or
 * mostly text → 'code'; '%' or a percent word → 'percent'; a rate word → 'fraction' when every
 * number is within 0..1, else 'percent'; numbers all within 0..1 with some decimals → 'fraction';
 * other numbers → 'amount'.
 */
export function sniffDiscountKind(header: string, samples: readonly string[], sep: DecimalSeparator): DiscountKind {
	const n = normaliseHeader(header);
	if (CODE_HEADER.test(n)) return 'code';
	const cells = samples.map((s) => s.trim()).filter((s) => s !== '');
	const numbers: number[] = [];
	for (const c of cells) {
		const v = parseDecimal(c.replace(/\s*%$/, ''), sep);
		if (typeof v !== 'string') numbers.push(Math.abs(decimalToNumber(v)));
	}
	if (cells.length > 0 && numbers.length < cells.length * 0.8) return 'code';
	const withinOne = numbers.length > 0 && numbers.every((v) => v <= 1);
	const someFraction = numbers.some((v) => v > 0 && v < 1);
	if (header.includes('%') || cells.some((c) => c.endsWith('%')) || PERCENT_HEADER.test(n)) return 'percent';
	if (RATE_HEADER.test(n)) return withinOne ? 'fraction' : 'percent';
	return withinOne && someFraction ? 'fraction' : 'amount';
}

/** What one row's discount cells are read with. */
export interface DiscountCells {
	kind: DiscountKind | null;
	/** the discount cell ('' when unmapped or empty) */
	discount: string;
	/** the list-price (compare-at) cell: a unit price before the discount ('' when unmapped or empty) */
	listPrice: string;
	discountSep: DecimalSeparator;
	listPriceSep: DecimalSeparator;
	/** the row's amount (what was paid), value units */
	paid: number;
	/** the row's quantity, or null when the file has none */
	quantity: number | null;
	/** the unit price paid when the file has a unit-price column, else null */
	unitPrice: number | null;
}

/**
 * The row's discount as a fraction 0..1 of its price before the discount, `DISCOUNT_CODE` for a
 * filled code cell, or NaN when the row says nothing about a discount (an empty list price, a
 * discount cell that is not a number). An empty discount cell of a mapped discount column is 0:
 * no discount. A discount amount is read against the paid amount: amount / (paid + amount); with
 * nothing paid it is 1 (a free line). The list price gives 1 − paid unit price / list price (never
 * below 0). With both, the deeper discount counts, and a list-price discount replaces a code's
 * unknown depth.
 */
export function rowDiscount(c: DiscountCells): number {
	const fromColumn = discountFromColumn(c);
	const fromList = discountFromListPrice(c);
	// a sale price below the list price is a discount even when the discount cell says 0 (Shopify's
	// 'Discount Amount' 0.00 beside a 'Compare-at price'); a code's unknown depth takes the list's
	if (fromList > 0)
		return fromColumn === DISCOUNT_CODE || Number.isNaN(fromColumn) ? fromList : Math.max(fromColumn, fromList);
	if (!Number.isNaN(fromColumn)) return fromColumn;
	return fromList;
}

/** The discount column's reading of the row: NaN without the column or for a cell that is not a number. */
function discountFromColumn(c: DiscountCells): number {
	if (c.kind === null) return NaN;
	const cell = c.discount.trim();
	if (cell === '') return 0;
	if (c.kind === 'code') return NO_CODE.test(cell) ? 0 : DISCOUNT_CODE;
	const v = parseDecimal(cell.replace(/\s*%$/, ''), c.discountSep);
	if (typeof v === 'string') return NaN;
	const x = Math.abs(decimalToNumber(v));
	if (c.kind === 'fraction') return Math.min(1, x);
	if (c.kind === 'percent') return Math.min(1, x / 100);
	if (x === 0) return 0;
	return x / (Math.max(0, c.paid) + x);
}

/** 1 − paid unit price / list price, within 0..1; NaN without a (positive) list price. */
function discountFromListPrice(c: DiscountCells): number {
	const list = c.listPrice.trim();
	if (list === '') return NaN;
	const v = parseDecimal(list, c.listPriceSep);
	if (typeof v === 'string') return NaN;
	const price = decimalToNumber(v);
	if (price <= 0) return NaN;
	const unit = c.unitPrice ?? (c.quantity !== null && c.quantity > 0 ? c.paid / c.quantity : c.paid);
	return Math.max(0, Math.min(1, 1 - unit / price));
}
