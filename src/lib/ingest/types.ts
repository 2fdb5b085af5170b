/** Shared ingest types: what sniffing finds in a file and how its columns map to roles. */

/** A decimal number as an exact integer mantissa and a count of decimals: value = m / 10^d. */
export interface Decimal {
	m: number; // integer, |m| <= Number.MAX_SAFE_INTEGER
	d: number; // 0..15
}

export type DecimalSeparator = '.' | ',';

/** Field order for dates written as a/b/c with two-digit day and month. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export type Role =
	| 'customerKey'
	| 'customerName'
	| 'date'
	| 'amount'
	| 'quantity'
	| 'unitPrice'
	| 'profit'
	| 'manager'
	| 'orderId';

export const ROLES: readonly Role[] = [
	'customerKey',
	'customerName',
	'date',
	'amount',
	'quantity',
	'unitPrice',
	'profit',
	'manager',
	'orderId'
];

/** Role → column index (0-based) in the file, or -1 when not mapped. */
export type ColumnMapping = Record<Role, number>;

/** How the amount is obtained: a column, or quantity × unit price. */
export type AmountSource = 'column' | 'quantityTimesPrice';

export type TextEncodingName = 'utf-8' | 'windows-1251' | 'windows-1252' | 'utf-16le' | 'utf-16be';
