/**
 * "Is the mapping complete?": a file can be imported once its customer column and its amount (a
 * column, or quantity and unit price) are mapped. One answer for the mapper, the import button and
 * the import itself.
 */
import type { AmountSource, ColumnMapping } from './types';

/** What a mapping still lacks: `key` = no customer column, `amount` = no amount (or quantity/price) column. */
export interface MappingGaps {
	key: boolean;
	amount: boolean;
}

/**
 * The roles a file still needs. `mapping`: role → column index, -1 when unmapped. With
 * `amountSource` 'column' the amount column is needed, with 'quantityTimesPrice' both quantity and
 * unit price.
 */
export function mappingGaps(
	mapping: Pick<ColumnMapping, 'customerKey' | 'amount' | 'quantity' | 'unitPrice'>,
	amountSource: AmountSource
): MappingGaps {
	return {
		key: mapping.customerKey < 0,
		amount: amountSource === 'column' ? mapping.amount < 0 : mapping.quantity < 0 || mapping.unitPrice < 0
	};
}

/** True when the mapping lacks nothing (see mappingGaps). */
export function mappingComplete(
	mapping: Pick<ColumnMapping, 'customerKey' | 'amount' | 'quantity' | 'unitPrice'>,
	amountSource: AmountSource
): boolean {
	const gaps = mappingGaps(mapping, amountSource);
	return !gaps.key && !gaps.amount;
}

/**
 * Whether the mapping step may start the import: at least one file was read (`sniff` set), and
 * every read file's mapping is complete. Files that could not be read (`sniff` null) are skipped.
 */
export function readyToImport(
	files: readonly {
		sniff: unknown;
		choice: {
			mapping: Pick<ColumnMapping, 'customerKey' | 'amount' | 'quantity' | 'unitPrice'>;
			amountSource: AmountSource;
		};
	}[]
): boolean {
	return (
		files.some((f) => f.sniff) &&
		files.every((f) => !f.sniff || mappingComplete(f.choice.mapping, f.choice.amountSource))
	);
}
