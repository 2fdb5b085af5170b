/**
 * A file and the user's choices for it (or the auto-mapping) become a `FileToImport`: sniffed,
 * decoded (the first half only, for a file the two-worker split will read), with the plan the
 * builder reads it by.
 */
import type { FilePlan } from './build';
import { inferDateFormat } from './dates';
import { decodeFile } from './decode';
import { defaultDimensions, freeDimensions } from './dimensions';
import { sniffFile, type FileSniff, type SniffOverrides } from './file-sniff';
import type { FileToImport } from './import-types';
import { readBytes, splitForImport } from './split';
import { sniffDiscountKind, type DiscountKind } from './discounts';
import type { DateOrder } from './types';

export type PlanChoice = Pick<
	FilePlan,
	| 'mapping'
	| 'amountSource'
	| 'decimalSeparators'
	| 'dateOrder'
	| 'dateOrderLocked'
	| 'meaning'
	| 'dimensions'
	| 'discountKind'
>;

/**
 * A decoded file (`size` in bytes) and the sniff of its start, with the user's mapping (or the
 * auto-mapping), ready to import. Whatever `choice` leaves out comes from the sniff.
 */
export function prepareImport(
	text: string,
	size: number,
	sniff: FileSniff,
	choice?: Partial<PlanChoice>
): FileToImport {
	const mapping = choice?.mapping ?? sniff.auto.mapping;
	return {
		text,
		size,
		encoding: sniff.encoding,
		delimiter: sniff.delimiter,
		newline: sniff.newline,
		plan: {
			fileName: sniff.fileName,
			mapping,
			amountSource: choice?.amountSource ?? sniff.auto.amountSource,
			decimalSeparators: choice?.decimalSeparators ?? sniff.decimalSeparators,
			dateOrder: choice?.dateOrder ?? sniff.dateOrder,
			dateOrderLocked: choice?.dateOrderLocked ?? false,
			// the sniff judged the auto-mapped date column: a date column the user chose is judged anew
			dateSerial: mapping.date === sniff.auto.mapping.date ? sniff.dateSerial : serialColumn(sniff.rows, mapping.date),
			headerRow: sniff.headerRow,
			header: sniff.header,
			meaning: choice?.meaning ?? sniff.meaning,
			// the columns chosen in the mapping step (else the pre-ticked ones), unless mapped to a role since
			dimensions: freeDimensions(choice?.dimensions ?? defaultDimensions(sniff.header, sniff.rows, mapping), mapping),
			discountKind:
				mapping.discount >= 0 ? (choice?.discountKind ?? sniffedDiscountKind(sniff, mapping.discount)) : undefined
		}
	};
}

/** What the sampled cells of the discount column say it holds (`sniffDiscountKind`). */
export function sniffedDiscountKind(
	sniff: Pick<FileSniff, 'header' | 'rows' | 'decimalSeparators'>,
	column: number
): DiscountKind {
	return sniffDiscountKind(
		sniff.header[column] ?? '',
		sniff.rows.map((r) => r[column] ?? ''),
		sniff.decimalSeparators[column] ?? '.'
	);
}

/** True when the sampled cells of a column are Excel date serials (see `inferDateFormat`). */
function serialColumn(rows: string[][], column: number): boolean {
	if (column < 0) return false;
	return inferDateFormat(
		rows.map((r) => r[column] ?? ''),
		'dmy'
	).serial;
}

/**
 * Sniffs and decodes a whole file held in memory, ready to import with the auto-mapping. Rejects
 * with ImportError as `sniffFile` does.
 */
export async function prepareBytes(
	bytes: Uint8Array,
	fileName: string,
	overrides: SniffOverrides = {}
): Promise<FileToImport> {
	const sniff = await sniffFile(new Blob([bytes as BlobPart]), fileName, overrides);
	const { text, encoding } = decodeFile(bytes, sniff.encoding);
	return prepareImport(text, bytes.length, { ...sniff, encoding });
}

/** A file as the user mapped it: the overrides of its sniff, the date order, and the plan choices. */
export interface MappedFile extends Partial<PlanChoice> {
	file: File;
	overrides: SniffOverrides;
	dateOrder: DateOrder;
}

/**
 * Sniffs a mapped file and readies it for import with the user's choices. `parts` > 1: a large
 * file is only cut (`parts`, see `splitForImport`), each part to be read, decoded and parsed by its
 * own worker; otherwise it is read and decoded here (`encoding` is the one the decode really used).
 * Rejects with ImportError as `sniffFile` does, or `read-failed`.
 */
export async function prepareFile(choice: MappedFile, parts: number): Promise<FileToImport> {
	const file = choice.file;
	const sniff = await sniffFile(file, file.name, { ...choice.overrides, dateOrder: choice.dateOrder });
	const split =
		parts > 1 ? await splitForImport(file, file.name, sniff.encoding, sniff.newline, undefined, parts) : null;
	if (split) return { ...prepareImport('', file.size, sniff, choice), parts: split };
	// the whole file may prove a UTF-8 guess from its start wrong: record what was really used
	const { text, encoding } = decodeFile(await readBytes(file, file.name), sniff.encoding);
	return prepareImport(text, file.size, { ...sniff, encoding }, choice);
}
