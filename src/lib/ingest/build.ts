import type { SalesColumns } from '../engine/types';
import { NO_DATE, parseDate } from './dates';
import { Growable } from './growable';
import { OrderCodes } from './order-codes';
import { mulDecimal, parseDecimal, rescale } from './numbers';
import type { AmountSource, ColumnMapping, DateOrder, Decimal, DecimalSeparator } from './types';

/** How one file's records become sales rows: chosen in the mapping step. */
export interface FilePlan {
	fileName: string;
	mapping: ColumnMapping;
	amountSource: AmountSource;
	/** per column index */
	decimalSeparators: DecimalSeparator[];
	dateOrder: DateOrder;
	/** true when the user chose the date order: then it is used as is; otherwise the whole file decides */
	dateOrderLocked?: boolean;
	dateSerial: boolean;
	headerRow: number;
	header: string[];
}

export type SkipReason = 'no-customer' | 'total-row' | 'empty-amount' | 'bad-amount' | 'bad-quantity' | 'bad-price';
export type WarningReason = 'bad-date' | 'bad-quantity' | 'bad-profit' | 'too-many-fields' | 'too-few-fields';

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
	files: { name: string; records: number; imported: number; dateOrder?: DateOrder }[];
	rowsRead: number;
	rowsImported: number;
	blankRows: number;
	skipped: ReportEntry<SkipReason>[];
	warnings: ReportEntry<WarningReason>[];
}

const MISSING_KEYS = new Set(['', 'na', 'n/a', '#n/a', 'null', 'none', 'nan', '-', '—', '–', '(blank)', '(пусто)', 'нет']);
const TOTAL_ROW = /^(итого|итог|всего|total|totals|grand total|subtotal|sum|сумма|общий итог)[:.]?$/i;
/** Excel's Data → Subtotal writes '<group> Total' ('<group> Итог') after each group's rows. */
const GROUP_TOTAL = /^(.*\S)\s+(total|итог)$/i;
const FIRST_PLACES = 5;

class Tally<R extends string> {
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
}

/** Decimal column kept as mantissa + decimals until the common scale is known. */
class DecimalColumn {
	readonly m = new Growable(Float64Array);
	readonly d = new Growable(Uint8Array);
	push(x: Decimal): void {
		this.m.push(x.m);
		this.d.push(x.d);
	}
	/**
	 * Exact integers at the largest scale that keeps every value below 2^53 (in practice the
	 * largest number of decimals the column has); values with more decimals are rounded.
	 */
	finish(): { values: Float64Array; scale: number } {
		const m = this.m.toArray();
		const d = this.d.toArray();
		let scale = 0;
		for (let i = 0; i < d.length; i++) if (d[i] > scale) scale = d[i];
		for (; scale > 0; scale--) {
			let fits = true;
			for (let i = 0; i < m.length && fits; i++) {
				if (Math.abs(m[i]) * 10 ** (scale - d[i]) > Number.MAX_SAFE_INTEGER) fits = false;
			}
			if (fits) break;
		}
		const values = new Float64Array(m.length);
		for (let i = 0; i < m.length; i++) {
			values[i] = d[i] === scale ? m[i] : rescale({ m: m[i], d: d[i] }, scale);
		}
		return { values, scale };
	}
}

class Dictionary {
	readonly values: string[] = [];
	private readonly index = new Map<string, number>();
	id(v: string): number {
		let i = this.index.get(v);
		if (i === undefined) {
			i = this.values.length;
			this.values.push(v);
			this.index.set(v, i);
		}
		return i;
	}
	/** index of a known value, or -1 */
	find(v: string): number {
		return this.index.get(v) ?? -1;
	}
	has(v: string): boolean {
		return this.index.has(v);
	}
	get size(): number {
		return this.values.length;
	}
}

const SWAP: Partial<Record<DateOrder, DateOrder>> = { dmy: 'mdy', mdy: 'dmy' };

/**
 * Dates of one file read in both day-first and month-first order, so the whole file (not only its
 * first rows) decides: a file sorted by date may show its first 13th-or-later day far down.
 */
class FileDates {
	readonly alt: DateOrder | undefined;
	private readonly altDays = new Growable(Int32Array);
	private readonly bad: { count: number; first: ReportPlace[] }[] = [
		{ count: 0, first: [] },
		{ count: 0, first: [] }
	];
	constructor(
		readonly plan: FilePlan,
		readonly start: number
	) {
		this.alt = plan.dateOrderLocked ? undefined : SWAP[plan.dateOrder];
	}
	/** both readings of each distinct date text: a year of sales has a few hundred distinct dates */
	private readonly cache = new Map<string, [number, number]>();

	/** Returns the day under the proposed order; remembers the other reading. */
	read(text: string, place: () => ReportPlace): number {
		let both = this.cache.get(text);
		if (!both) {
			const primary = parseDate(text, this.plan.dateOrder, this.plan.dateSerial);
			const other = this.alt ? parseDate(text, this.alt, this.plan.dateSerial) : NO_DATE;
			both = [typeof primary === 'number' ? primary : NO_DATE, typeof other === 'number' ? other : NO_DATE];
			if (this.cache.size < 100_000) this.cache.set(text, both);
		}
		if (both[0] === NO_DATE) this.note(0, place);
		if (this.alt) {
			if (both[1] === NO_DATE) this.note(1, place);
			this.altDays.push(both[1]);
		}
		return both[0];
	}
	private note(i: number, place: () => ReportPlace): void {
		const b = this.bad[i];
		b.count++;
		if (b.first.length < FIRST_PLACES) b.first.push(place());
	}
	/** Keeps the reading with fewer bad dates; returns its bad places for the report. */
	settle(days: Growable<Int32Array>): { order: DateOrder; count: number; first: ReportPlace[] } {
		if (this.alt && this.bad[1].count < this.bad[0].count) {
			const alt = this.altDays.toArray();
			for (let i = 0; i < alt.length; i++) days.set(this.start + i, alt[i]);
			return { order: this.alt, ...this.bad[1] };
		}
		return { order: this.plan.dateOrder, ...this.bad[0] };
	}
}

/**
 * Turns parsed records into sales columns. Rows without a customer or with an amount that does
 * not parse are skipped and counted; a bad date only leaves the row out of date-based views.
 */
export class SalesBuilder {
	private readonly customers = new Dictionary();
	private readonly names: (string | undefined)[] = [];
	private readonly orders = new OrderCodes();
	private readonly managers = new Dictionary();
	private readonly customerManager: number[] = [];
	private readonly customer = new Growable(Int32Array);
	private readonly amount = new DecimalColumn();
	private readonly quantity = new DecimalColumn();
	private readonly profit = new DecimalColumn();
	private readonly date = new Growable(Int32Array);
	private readonly order = new Growable(Float64Array);
	private readonly skipped = new Tally<SkipReason>();
	private readonly warnings = new Tally<WarningReason>();
	private readonly files: ImportReport['files'] = [];
	private hasQuantity = false;
	private hasProfit = false;
	private hasDate = false;
	private hasOrder = false;
	private hasManager = false;
	private rowsRead = 0;
	private blankRows = 0;
	private plan: FilePlan | null = null;
	private fileDates: FileDates | null = null;
	private fileStats: ImportReport['files'][number] = { name: '', records: 0, imported: 0 };

	beginFile(plan: FilePlan): void {
		this.endFile();
		this.plan = plan;
		this.fileDates = plan.mapping.date >= 0 ? new FileDates(plan, this.customer.length) : null;
		const m = plan.mapping;
		if (m.quantity >= 0) this.hasQuantity = true;
		if (m.profit >= 0) this.hasProfit = true;
		if (m.date >= 0) this.hasDate = true;
		if (m.orderId >= 0) this.hasOrder = true;
		if (m.manager >= 0) this.hasManager = true;
		this.fileStats = { name: plan.fileName, records: 0, imported: 0 };
		this.files.push(this.fileStats);
	}

	/** `recordIndex` is the 0-based record number in the file (header included). */
	addRecord(fields: string[], recordIndex: number): void {
		const plan = this.plan!;
		if (recordIndex <= plan.headerRow) return;
		const row = recordIndex + 1;
		const m = plan.mapping;
		if (isBlank(fields)) {
			this.blankRows++;
			return;
		}
		this.rowsRead++;
		this.fileStats.records++;
		const width = plan.header.length;
		if (fields.length > width && fields.slice(width).some((f) => f.trim() !== '')) {
			this.warnings.add('too-many-fields', { file: plan.fileName, row, value: `${fields.length}/${width}` });
		} else if (fields.length < width) {
			this.warnings.add('too-few-fields', { file: plan.fileName, row, value: `${fields.length}/${width}` });
		}
		const cell = (c: number) => (c >= 0 && c < fields.length ? fields[c].trim() : '');
		const place = (c: number): ReportPlace => ({
			file: plan.fileName,
			row,
			column: c + 1,
			header: plan.header[c],
			value: cell(c).slice(0, 80)
		});

		const key = cell(m.customerKey);
		if (key.length <= 10 && MISSING_KEYS.has(key.toLowerCase())) {
			// 'Итого;;;;125;;1 234 567,89': the totals line of a report labels its first cell
			const first = fields.findIndex((f) => f.trim() !== '');
			if (first >= 0 && TOTAL_ROW.test(fields[first].trim())) this.skipped.add('total-row', place(first));
			else this.skipped.add('no-customer', place(m.customerKey));
			return;
		}
		// a key already seen is a customer: the totals-row checks run once per distinct key
		const known = this.customers.find(key);
		if (known < 0 && (TOTAL_ROW.test(key) || this.isGroupTotal(key))) {
			this.skipped.add('total-row', place(m.customerKey));
			return;
		}

		let amount: Decimal;
		let quantity: Decimal | null = null;
		if (plan.amountSource === 'quantityTimesPrice') {
			const q = parseDecimal(cell(m.quantity), plan.decimalSeparators[m.quantity] ?? '.');
			if (typeof q === 'string') return this.skipped.add('bad-quantity', place(m.quantity));
			const p = parseDecimal(cell(m.unitPrice), plan.decimalSeparators[m.unitPrice] ?? '.');
			if (typeof p === 'string') return this.skipped.add('bad-price', place(m.unitPrice));
			const product = mulDecimal(q, p);
			if (typeof product === 'string') return this.skipped.add('bad-amount', place(m.unitPrice));
			amount = product;
			quantity = q;
		} else {
			const a = parseDecimal(cell(m.amount), plan.decimalSeparators[m.amount] ?? '.');
			if (a === 'empty') return this.skipped.add('empty-amount', place(m.amount));
			if (typeof a === 'string') return this.skipped.add('bad-amount', place(m.amount));
			amount = a;
			if (m.quantity >= 0) {
				const q = parseDecimal(cell(m.quantity), plan.decimalSeparators[m.quantity] ?? '.');
				if (typeof q === 'string') {
					if (q !== 'empty') this.warnings.add('bad-quantity', place(m.quantity));
				} else quantity = q;
			}
		}

		const c = known >= 0 ? known : this.customers.id(key);
		if (c === this.names.length) {
			this.names.push(undefined);
			this.customerManager.push(-1);
		}
		if (m.customerName >= 0 && this.names[c] === undefined) {
			const name = cell(m.customerName);
			if (name) this.names[c] = name;
		}
		if (m.manager >= 0) {
			const mg = cell(m.manager);
			if (mg) this.customerManager[c] = this.managers.id(mg);
		}
		this.customer.push(c);
		this.amount.push(amount);
		this.quantity.push(quantity ?? ZERO);
		let profit: Decimal = ZERO;
		if (m.profit >= 0) {
			const p = parseDecimal(cell(m.profit), plan.decimalSeparators[m.profit] ?? '.');
			if (typeof p === 'string') {
				if (p !== 'empty') this.warnings.add('bad-profit', place(m.profit));
			} else profit = p;
		}
		this.profit.push(profit);
		let day = NO_DATE;
		if (this.fileDates) day = this.fileDates.read(cell(m.date), () => place(m.date));
		this.date.push(day);
		const o = m.orderId >= 0 ? cell(m.orderId) : '';
		this.order.push(o ? this.orders.code(o) : -1);
		this.fileStats.imported++;
	}

	/** 'Acme Corp Total' after rows of 'Acme Corp' (a customer really named so would need that other customer too). */
	private isGroupTotal(key: string): boolean {
		const g = GROUP_TOTAL.exec(key);
		return g !== null && this.customers.has(g[1]);
	}

	get rowCount(): number {
		return this.customer.length;
	}

	/** Settles the current file's date order; called before the next file and at the end. */
	endFile(): void {
		if (this.fileDates) {
			const settled = this.fileDates.settle(this.date);
			this.fileStats.dateOrder = settled.order;
			this.warnings.addMany('bad-date', settled.count, settled.first);
		}
		this.fileDates = null;
		this.plan = null;
	}

	report(): ImportReport {
		return {
			files: this.files.map((f) => ({ ...f })),
			rowsRead: this.rowsRead,
			rowsImported: this.customer.length,
			blankRows: this.blankRows,
			skipped: this.skipped.list(),
			warnings: this.warnings.list()
		};
	}

	finish(): SalesColumns {
		this.endFile();
		const amount = this.amount.finish();
		const quantity = this.hasQuantity ? this.quantity.finish() : null;
		const profit = this.hasProfit ? this.profit.finish() : null;
		const keys = this.customers.values;
		return {
			rowCount: this.customer.length,
			customerKeys: keys,
			customerNames: keys.map((k, i) => this.names[i] ?? k),
			customer: this.customer.toArray(),
			amount: amount.values,
			amountScale: amount.scale,
			quantity: quantity?.values,
			quantityScale: quantity?.scale ?? 0,
			profit: profit?.values,
			profitScale: profit?.scale ?? 0,
			date: this.hasDate ? this.date.toArray() : undefined,
			order: this.hasOrder ? this.order.toArray() : undefined,
			customerManager: this.hasManager ? Int32Array.from(this.customerManager) : undefined,
			managers: this.hasManager ? this.managers.values : undefined
		};
	}
}

const ZERO: Decimal = { m: 0, d: 0 };

function isBlank(fields: string[]): boolean {
	// most rows start with a filled cell: decide on it without trimming the others
	const first = fields[0];
	if (first !== undefined && first.length > 0 && first.trim() !== '') return false;
	for (const f of fields) if (f.trim() !== '') return false;
	return true;
}
