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
	| 'orderId'
	| 'discount'
	| 'listPrice';

export const ROLES: readonly Role[] = [
	'customerKey',
	'customerName',
	'date',
	'amount',
	'quantity',
	'unitPrice',
	'profit',
	'manager',
	'orderId',
	'discount',
	'listPrice'
];

/** Role → column index (0-based) in the file, or -1 when not mapped. */
export type ColumnMapping = Record<Role, number>;

/** How the amount is obtained: a column, or quantity × unit price. */
export type AmountSource = 'column' | 'quantityTimesPrice';

export type TextEncodingName = 'utf-8' | 'windows-1251' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/**
 * What one value of a status / stage or document-type column means for the sales (README,
 * "Choices where the specification is silent" → "What an export means"):
 * - 'sale': the sale happened (paid, completed, shipped, won, posted…);
 * - 'return': a return document (credit note, refund, storno…): its amount is subtracted;
 * - 'excluded': the sale never happened (failed, declined, cancelled, draft, lost, open deal…);
 * - 'refunded': sold, then refunded in full, in a file without a refund column: the row's amount
 *   is added and subtracted, so the customer stays listed with 0.
 */
export type RowKind = 'sale' | 'return' | 'excluded' | 'refunded';

/** A status or document-type column and what each of its values means. */
export interface ValueRule {
	column: number;
	/** a status column of a deals pipeline ('stage': only won deals are sales) or of orders / payments */
	context?: 'status' | 'stage';
	/**
	 * trimmed, lower-cased value → kind, for every value the mapping step showed (the user may
	 * change them); values not listed (seen later in the file) follow the vocabulary rule
	 */
	values: Record<string, RowKind>;
}

/** Currencies of a file whose rows carry more than one. */
export interface CurrencyRule {
	column: number;
	/** rows in other currencies are excluded and counted; null keeps every row (one currency, or a converted amount is used) */
	keep: string | null;
	/** the settlement currency when the amount is a converted / settlement column ('usd') */
	converted: string | null;
	/** currencies seen in the sampled rows, most frequent first */
	seen: string[];
}

/**
 * How a file's rows are read beyond the column mapping: every decision the importer takes on its
 * own, shown in the mapping step (each changeable), stored with the dataset and listed in the
 * import report. All fields are optional so plans stored by earlier versions stay valid.
 */
export interface Interpretation {
	/** status / stage column: rows whose status says the sale never happened are excluded */
	status?: ValueRule | null;
	/** document-type column: credit notes / returns are subtracted, drafts and cancelled excluded */
	docType?: ValueRule | null;
	/** refund column (-1 none): subtracted from the row's amount as a return under "net" */
	refund?: number;
	/**
	 * an order total repeated on each item row of an order: 'line' = a line-amount column is the
	 * amount instead (mapping.amount points to it); 'oncePerOrder' = the total counts on the first
	 * row of each order only; null = not found
	 */
	orderTotal?: { mode: 'line' | 'oncePerOrder'; totalColumn: number } | null;
	/** the column named "price" grows with the quantity: it is the line's amount, used as it stands */
	priceIsLineTotal?: boolean;
	/** the customer appears only on heading rows; detail rows below take the heading's customer */
	fillDown?: boolean;
	/** every amount of this file is a return (a returns list dropped with the sales) */
	returnsFile?: boolean;
	/** why the file was marked as returns: its title line, or the user */
	returnsReason?: 'title' | 'user' | null;
	/** more than one currency in the file */
	currency?: CurrencyRule | null;
	/** second customer column used when the customer cell is empty (-1 none) */
	customerFallback?: number;
	/** columns joined (with a space) into the customer's display name: first and last name */
	nameParts?: number[];
	/** an unnamed row-index column (a data-frame library's) left out of the mapping (-1 none) */
	indexColumn?: number;
	/** why the date order was chosen: another date column of the file decided it */
	dateOrderFrom?: { column: number; example: string } | null;
	/** the amount is before tax while `instead` includes tax (or is the tax): tax is not revenue */
	taxExcluded?: { instead: number } | null;
	/** the customer key column holds numbers a spreadsheet wrote in scientific notation */
	scientificKeys?: { example: string } | null;
}
