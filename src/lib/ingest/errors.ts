/** Import failures as data: a code the UI translates, and where it happened. */
export type ImportErrorCode =
	| 'empty-file'
	| 'binary-file'
	| 'no-data-rows'
	| 'no-valid-rows'
	| 'unclosed-quote'
	| 'line-too-long'
	| 'missing-customer-column'
	| 'missing-amount-column'
	| 'read-failed'
	| 'quota'
	| 'too-large'
	| 'cancelled';

export interface ImportErrorInfo {
	code: ImportErrorCode;
	file?: string;
	row?: number;
	column?: number;
	header?: string;
	/** extra detail for the message, e.g. what kind of binary file */
	detail?: string;
	/** for 'quota': megabytes the dataset needs and the browser has left (null: unknown) */
	neededMb?: number;
	availableMb?: number | null;
}

export class ImportError extends Error {
	constructor(readonly info: ImportErrorInfo) {
		super(`${info.code}${info.file ? ` in ${info.file}` : ''}${info.row ? ` at row ${info.row}` : ''}`);
		this.name = 'ImportError';
	}
}
