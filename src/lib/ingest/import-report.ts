/**
 * The import report: rows skipped with a reason, warnings, and where (file, row, column, value),
 * each reason with its count and its first places. Built by SalesBuilder, shown by ImportReport.
 */
import type { ColumnMapping, DateOrder, Interpretation } from './types';
import type { DiscountKind } from './discounts';
import type { DecisionEntry } from './row-meaning';
import type { FilePlan } from './build';
import { cellOf } from './cells';

export type SkipReason = 'no-customer' | 'total-row' | 'empty-amount' | 'bad-amount' | 'bad-quantity' | 'bad-price';
export type WarningReason =
	| 'bad-date'
	| 'empty-date'
	| 'bad-quantity'
	| 'bad-profit'
	| 'bad-discount'
	| 'too-many-fields'
	| 'too-few-fields'
	| 'scientific-key';

export interface ReportPlace {
	file: string;
	/** 1-based record number in the file, the header being row headerRow+1 */
	row: number;
	/** 1-based column number and its header, when the problem is in one cell */
	column?: number;
	header?: string;
	value?: string;
}

export interface ReportEntry<R extends string> {
	reason: R;
	count: number;
	first: ReportPlace[];
}

export interface ImportReport {
	files: {
		name: string;
		records: number;
		imported: number;
		dateOrder?: DateOrder;
		/** the file's header, mapping and meaning, so the report can name each decision's column (absent before v0.2) */
		header?: string[];
		mapping?: ColumnMapping;
		meaning?: Interpretation;
		/** the discount and list-price columns read for the customer types, and what the discount column holds */
		discount?: { column?: string; kind?: DiscountKind; listPrice?: string };
	}[];
	rowsRead: number;
	/** records that became sales rows (a refund read from its own column adds a row but not a record) */
	rowsImported: number;
	/** sales rows added beside records: a refund from its own column, a sale refunded in full (absent before v0.2) */
	addedRows?: number;
	blankRows: number;
	skipped: ReportEntry<SkipReason>[];
	warnings: ReportEntry<WarningReason>[];
	/** every decision the importer applied to rows, with row counts (absent in reports of earlier versions) */
	decisions?: DecisionEntry[];
	/**
	 * dimensions chosen in the mapping step but not kept: more than MAX_DIMENSION_VALUES distinct
	 * values, an id rather than a filter (absent when none was dropped)
	 */
	droppedDimensions?: string[];
}

/** How many places of each reason the report keeps. */
export const FIRST_PLACES = 5;

export class Tally<R extends string> {
	private entries = new Map<R, ReportEntry<R>>();
	add(reason: R, place: ReportPlace): void {
		let e = this.entries.get(reason);
		if (!e) this.entries.set(reason, (e = { reason, count: 0, first: [] }));
		e.count++;
		if (e.first.length < FIRST_PLACES) e.first.push(place);
	}
	addMany(reason: R, count: number, first: ReportPlace[]): void {
		if (count === 0) return;
		let e = this.entries.get(reason);
		if (!e) this.entries.set(reason, (e = { reason, count: 0, first: [] }));
		e.count += count;
		e.first.push(...first.slice(0, FIRST_PLACES - e.first.length));
	}
	list(): ReportEntry<R>[] {
		return [...this.entries.values()];
	}
	/** Adds another tally's entries whose rows were counted from `rowOffset` records later in the file. */
	addEntries(entries: ReportEntry<R>[], rowOffset: number): void {
		for (const e of entries) this.addMany(e.reason, e.count, shiftRows(e.first, rowOffset));
	}
}

export function shiftRows(places: ReportPlace[], rowOffset: number): ReportPlace[] {
	return rowOffset === 0 ? places : places.map((p) => ({ ...p, row: p.row + rowOffset }));
}

/** Where a cell is, for the import report. */
export function placeIn(plan: FilePlan, fields: string[], row: number, c: number): ReportPlace {
	return { file: plan.fileName, row, column: c + 1, header: plan.header[c], value: cellOf(fields, c).slice(0, 80) };
}
