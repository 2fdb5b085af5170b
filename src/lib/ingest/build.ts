import type { SalesColumns } from '../engine/types';
import { NO_DATE, parseDate } from './dates';
import { Growable } from './growable';
import { OrderCodes, type OrderCodeTable } from './order-codes';
import { mulDecimal, parseDecimal, rescale } from './numbers';
import type { AmountSource, ColumnMapping, DateOrder, Decimal, DecimalSeparator, Interpretation } from './types';
import { cellOf } from './cells';
import { DecisionTally, RowMeaning, isTotalLabel, type DecisionEntry } from './row-meaning';
import { isScientificKey } from './structure';

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
	/** what the export means beyond the mapping (statuses, refunds, returns…); absent in plans of earlier versions */
	meaning?: Interpretation;
}

export type SkipReason = 'no-customer' | 'total-row' | 'empty-amount' | 'bad-amount' | 'bad-quantity' | 'bad-price';
export type WarningReason = 'bad-date' | 'empty-date' | 'bad-quantity' | 'bad-profit' | 'too-many-fields' | 'too-few-fields' | 'scientific-key';

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
}

const MISSING_KEYS = new Set(['', 'na', 'n/a', '#n/a', 'null', 'none', 'nan', '-', '—', '–', '(blank)', '(пусто)', 'нет']);
/** first letters of MISSING_KEYS in either case: most keys are ruled out without lower-casing them */
const MISSING_FIRST = new Set([...MISSING_KEYS].filter((k) => k !== '').flatMap((k) => [k.charCodeAt(0), k.toUpperCase().charCodeAt(0)]));
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
	/** Adds another tally's entries whose rows were counted from `rowOffset` records later in the file. */
	addEntries(entries: ReportEntry<R>[], rowOffset: number): void {
		for (const e of entries) this.addMany(e.reason, e.count, shiftRows(e.first, rowOffset));
	}
}

function shiftRows(places: ReportPlace[], rowOffset: number): ReportPlace[] {
	return rowOffset === 0 ? places : places.map((p) => ({ ...p, row: p.row + rowOffset }));
}

/** Decimal column kept as mantissa + decimals until the common scale is known. */
class DecimalColumn {
	readonly m = new Growable(Float64Array);
	readonly d = new Growable(Uint8Array);
	push(x: Decimal): void {
		this.m.push(x.m);
		this.d.push(x.d);
	}
	part(): DecimalPart {
		return { m: this.m.toArray(), d: this.d.toArray() };
	}
	append(part: DecimalPart): void {
		this.m.append(part.m);
		this.d.append(part.d);
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

interface DecimalPart {
	m: Float64Array;
	d: Uint8Array;
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

interface DatesPart {
	/** every row's day under the other order (null when the order is fixed) */
	alt: Int32Array | null;
	/** bad dates under the proposed order, then under the other */
	bad: { count: number; first: ReportPlace[] }[];
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

	/** Returns the day under the proposed order; remembers the other reading. `fields` and `row` place a bad date in the report. */
	read(text: string, fields: string[], row: number): number {
		if (text === '') {
			// an empty cell is reported as "empty date" by the builder, not as a date that did not parse
			if (this.alt) this.altDays.push(NO_DATE);
			return NO_DATE;
		}
		let both = this.cache.get(text);
		if (!both) {
			const primary = parseDate(text, this.plan.dateOrder, this.plan.dateSerial);
			const other = this.alt ? parseDate(text, this.alt, this.plan.dateSerial) : NO_DATE;
			both = [typeof primary === 'number' ? primary : NO_DATE, typeof other === 'number' ? other : NO_DATE];
			if (this.cache.size < 100_000) this.cache.set(text, both);
		}
		if (both[0] === NO_DATE) this.note(0, fields, row);
		if (this.alt) {
			if (both[1] === NO_DATE) this.note(1, fields, row);
			this.altDays.push(both[1]);
		}
		return both[0];
	}
	private note(i: number, fields: string[], row: number): void {
		const b = this.bad[i];
		b.count++;
		if (b.first.length < FIRST_PLACES) b.first.push(placeIn(this.plan, fields, row, this.plan.mapping.date));
	}
	/** The other reading and both bad-date tallies, for a builder that reads the rest of the file. */
	part(): DatesPart {
		return { alt: this.alt ? this.altDays.toArray() : null, bad: this.bad.map((b) => ({ count: b.count, first: [...b.first] })) };
	}
	/** Takes in the dates another builder read from later records of the same file. */
	absorb(part: DatesPart, rowOffset: number): void {
		if (this.alt && part.alt) this.altDays.append(part.alt);
		for (let i = 0; i < 2; i++) {
			const b = this.bad[i];
			b.count += part.bad[i].count;
			b.first.push(...shiftRows(part.bad[i].first, rowOffset).slice(0, FIRST_PLACES - b.first.length));
		}
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
	/** per customer: the key is a number a spreadsheet wrote in scientific notation */
	private readonly scientificKey: boolean[] = [];
	private readonly orders = new OrderCodes();
	private readonly managers = new Dictionary();
	private readonly customerManager: number[] = [];
	/** the text behind each customer's manager id */
	private readonly managerText: (string | undefined)[] = [];
	private readonly customer = new Growable(Int32Array);
	private readonly amount = new DecimalColumn();
	private readonly quantity = new DecimalColumn();
	private readonly profit = new DecimalColumn();
	private readonly date = new Growable(Int32Array);
	private readonly order = new Growable(Float64Array);
	private readonly skipped = new Tally<SkipReason>();
	private readonly warnings = new Tally<WarningReason>();
	private readonly files: ImportReport['files'] = [];
	private readonly decisions = new DecisionTally();
	private rowMeaning: RowMeaning | null = null;
	/** rows added beside a record (a refund from its own column): not records of the file */
	private extraRows = 0;
	/** keys skipped as '<group> Total': another builder's customer of that name means the rows must be read here */
	private readonly groupTotals = new Set<string>();
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
		if (plan.meaning && Object.keys(plan.meaning).length > 0) {
			this.fileStats.header = plan.header;
			this.fileStats.mapping = plan.mapping;
			this.fileStats.meaning = plan.meaning;
		}
		this.files.push(this.fileStats);
		this.rowMeaning = RowMeaning.isPlain(plan.meaning) ? null : new RowMeaning(plan.meaning!, m.customerKey, m.date, plan.amountSource === 'column' ? m.amount : m.unitPrice);
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

		const meaning = this.rowMeaning;
		const verdict = meaning ? meaning.verdict(fields) : null;
		const key = verdict ? verdict.key : cellOf(fields, m.customerKey);
		if (verdict?.heading) {
			this.decisions.add(plan.fileName, 'heading-row', undefined, 1, 0);
			return;
		}
		if (verdict?.kind === 'excluded') {
			this.decisions.add(plan.fileName, verdict.decision!.kind, verdict.decision!.value, 1, this.moneyOf(fields));
			return;
		}
		if (key.length === 0 || (key.length <= 10 && MISSING_FIRST.has(key.charCodeAt(0)) && MISSING_KEYS.has(key.toLowerCase()))) {
			// 'Итого;;;;125;;1 234 567,89': the totals line of a report labels its first cell
			const first = fields.findIndex((f) => f.trim() !== '');
			if (first >= 0 && isTotalLabel(fields[first])) this.skipped.add('total-row', placeIn(plan, fields, row, first));
			else this.skipped.add('no-customer', placeIn(plan, fields, row, m.customerKey));
			return;
		}
		// a key already seen is a customer: the totals-row checks run once per distinct key
		const known = this.customers.find(key);
		if (known < 0 && (isTotalLabel(key) || this.isGroupTotal(key))) {
			this.skipped.add('total-row', placeIn(plan, fields, row, m.customerKey));
			return;
		}

		let amount: Decimal;
		let quantity: Decimal | null = null;
		if (plan.amountSource === 'quantityTimesPrice') {
			const q = parseDecimal(cellOf(fields, m.quantity), plan.decimalSeparators[m.quantity] ?? '.');
			if (typeof q === 'string') return this.skipped.add('bad-quantity', placeIn(plan, fields, row, m.quantity));
			const p = parseDecimal(cellOf(fields, m.unitPrice), plan.decimalSeparators[m.unitPrice] ?? '.');
			if (typeof p === 'string') return this.skipped.add('bad-price', placeIn(plan, fields, row, m.unitPrice));
			const product = mulDecimal(q, p);
			if (typeof product === 'string') return this.skipped.add('bad-amount', placeIn(plan, fields, row, m.unitPrice));
			amount = product;
			quantity = q;
		} else {
			const a = parseDecimal(cellOf(fields, m.amount), plan.decimalSeparators[m.amount] ?? '.');
			if (a === 'empty') return this.skipped.add('empty-amount', placeIn(plan, fields, row, m.amount));
			if (typeof a === 'string') return this.skipped.add('bad-amount', placeIn(plan, fields, row, m.amount));
			amount = a;
			if (m.quantity >= 0) {
				const q = parseDecimal(cellOf(fields, m.quantity), plan.decimalSeparators[m.quantity] ?? '.');
				if (typeof q === 'string') {
					if (q !== 'empty') this.warnings.add('bad-quantity', placeIn(plan, fields, row, m.quantity));
				} else quantity = q;
			}
		}

		const c = known >= 0 ? known : this.customers.id(key);
		if (c === this.names.length) this.newCustomer(key);
		if (this.names[c] === undefined) {
			const name = this.nameOf(fields, m.customerName);
			if (name) this.names[c] = name;
		}
		if (m.manager >= 0) {
			const mg = cellOf(fields, m.manager);
			// a customer's rows mostly name the same manager: compare texts before looking it up
			if (mg && mg !== this.managerText[c]) this.setManager(c, mg);
		}
		let profit: Decimal = ZERO;
		if (m.profit >= 0) {
			const p = parseDecimal(cellOf(fields, m.profit), plan.decimalSeparators[m.profit] ?? '.');
			if (typeof p === 'string') {
				if (p !== 'empty') this.warnings.add('bad-profit', placeIn(plan, fields, row, m.profit));
			} else profit = p;
		}
		const o = m.orderId >= 0 ? cellOf(fields, m.orderId) : '';
		const orderCode = o ? this.orders.code(o) : -1;
		let day = NO_DATE;
		if (this.fileDates) {
			const text = cellOf(fields, m.date);
			day = this.fileDates.read(text, fields, row);
			if (text === '') this.warnings.add('empty-date', placeIn(plan, fields, row, m.date));
		}
		if (verdict) {
			if (verdict.via === 'filled') this.decisions.add(plan.fileName, 'filled-down', undefined, 1, 0);
			else if (verdict.via === 'fallback') this.decisions.add(plan.fileName, 'customer-fallback', undefined, 1, 0);
			if (verdict.kind === 'return') {
				// a return document written with a positive amount: subtracted (README, "What an export means")
				amount = negative(amount);
				if (quantity) quantity = negative(quantity);
				profit = negative(profit);
				this.decisions.add(plan.fileName, verdict.decision!.kind, verdict.decision!.value, 1, -decimalValue(amount));
			} else if (meaning!.repeatsOrderTotal(orderCode, cellOf(fields, m.amount))) {
				this.decisions.add(plan.fileName, 'order-total-once', undefined, 1, decimalValue(amount));
				amount = ZERO;
			}
		}
		if (this.scientificKey[c]) this.warnings.add('scientific-key', placeIn(plan, fields, row, m.customerKey));
		this.pushRow(c, amount, quantity ?? ZERO, profit, day, orderCode);
		this.fileStats.imported++;
		if (verdict) {
			// a refund in its own column, or a sale refunded in full: a return row beside the sale
			let refund: Decimal | null = null;
			if (verdict.kind === 'refunded') refund = amount.m > 0 ? amount : null;
			// a row that is itself a return (negative amount) already carries its refund
			else if ((meaning!.meaning.refund ?? -1) >= 0 && amount.m > 0) {
				const r = parseDecimal(cellOf(fields, meaning!.meaning.refund!), plan.decimalSeparators[meaning!.meaning.refund!] ?? '.');
				if (typeof r !== 'string' && r.m !== 0) refund = r;
			}
			if (refund && refund.m !== 0) {
				const back = negative(refund);
				this.pushRow(c, back, ZERO, ZERO, day, orderCode);
				this.extraRows++;
				this.decisions.add(plan.fileName, verdict.kind === 'refunded' ? 'refunded-in-full' : 'refund', verdict.kind === 'refunded' ? verdict.decision?.value : undefined, 1, -decimalValue(back));
			}
		}
	}

	private pushRow(c: number, amount: Decimal, quantity: Decimal, profit: Decimal, day: number, order: number): void {
		this.customer.push(c);
		this.amount.push(amount);
		this.quantity.push(quantity);
		this.profit.push(profit);
		this.date.push(day);
		this.order.push(order);
	}

	/** The customer's display name: the name column, or first and last name joined. */
	private nameOf(fields: string[], nameColumn: number): string {
		if (nameColumn >= 0) return cellOf(fields, nameColumn);
		const parts = this.plan!.meaning?.nameParts;
		if (!parts) return '';
		return parts.map((p) => cellOf(fields, p)).filter((x) => x !== '').join(' ');
	}

	/** The row's amount as a float for the decision tally (0 when it does not parse). */
	private moneyOf(fields: string[]): number {
		const plan = this.plan!;
		const c = plan.amountSource === 'column' ? plan.mapping.amount : plan.mapping.unitPrice;
		const a = parseDecimal(cellOf(fields, c), plan.decimalSeparators[c] ?? '.');
		if (typeof a === 'string') return 0;
		if (plan.amountSource === 'column') return decimalValue(a);
		const q = parseDecimal(cellOf(fields, plan.mapping.quantity), plan.decimalSeparators[plan.mapping.quantity] ?? '.');
		return typeof q === 'string' ? 0 : decimalValue(a) * decimalValue(q);
	}

	/**
	 * What this builder read of the current file, for a builder that read the records before it
	 * (`absorb`). Typed arrays can be transferred between workers.
	 */
	part(): SalesPart {
		return {
			customerKeys: this.customers.values,
			customerNames: this.names,
			customerManager: Int32Array.from(this.customerManager),
			managers: this.managers.values,
			groupTotals: [...this.groupTotals],
			customer: this.customer.toArray(),
			amount: this.amount.part(),
			quantity: this.quantity.part(),
			profit: this.profit.part(),
			date: this.date.toArray(),
			dates: this.fileDates?.part() ?? null,
			order: this.order.toArray(),
			orders: this.orders.table(),
			records: this.fileStats.records,
			imported: this.fileStats.imported,
			rowsRead: this.rowsRead,
			blankRows: this.blankRows,
			skipped: this.skipped.list(),
			warnings: this.warnings.list(),
			decisions: this.decisions.list(),
			extraRows: this.extraRows
		};
	}

	/**
	 * Appends the rows another builder read from the records of the current file that follow
	 * those read here; `rowOffset` is how many records came before the part's first one. The
	 * result is what reading those records here would give. Returns false, changing nothing, in
	 * the rare case where it would not be (a '<group> Total' row whose group only this builder
	 * knows, more order-id prefixes than codes hold): then read those records here.
	 */
	absorb(part: SalesPart, rowOffset: number): boolean {
		if (part.groupTotals.some((k) => this.customers.has(k))) return false;
		for (const key of part.customerKeys) {
			if (this.customers.has(key)) continue;
			const g = GROUP_TOTAL.exec(key);
			if (g !== null && this.customers.has(g[1])) return false;
		}
		const orderCode = this.orders.absorb(part.orders);
		if (!orderCode) return false;

		// managers get their ids in the order the rows name them, as if read here
		for (const v of part.managers) this.managers.id(v);
		const customerIds = new Int32Array(part.customerKeys.length);
		for (let j = 0; j < part.customerKeys.length; j++) {
			const c = this.customers.id(part.customerKeys[j]);
			if (c === this.names.length) this.newCustomer(part.customerKeys[j]);
			customerIds[j] = c;
			if (this.names[c] === undefined && part.customerNames[j] !== undefined) this.names[c] = part.customerNames[j];
			const mg = part.customerManager[j];
			if (mg >= 0) this.setManager(c, part.managers[mg]);
		}
		for (const k of part.groupTotals) this.groupTotals.add(k);

		const customer = part.customer;
		const mapped = new Int32Array(customer.length);
		for (let i = 0; i < customer.length; i++) mapped[i] = customerIds[customer[i]];
		this.customer.append(mapped);
		this.amount.append(part.amount);
		this.quantity.append(part.quantity);
		this.profit.append(part.profit);
		this.date.append(part.date);
		if (this.fileDates && part.dates) this.fileDates.absorb(part.dates, rowOffset);
		const orders = new Float64Array(part.order.length);
		for (let i = 0; i < orders.length; i++) orders[i] = orderCode(part.order[i]);
		this.order.append(orders);

		this.rowsRead += part.rowsRead;
		this.blankRows += part.blankRows;
		this.fileStats.records += part.records;
		this.fileStats.imported += part.imported;
		this.skipped.addEntries(part.skipped, rowOffset);
		this.warnings.addEntries(part.warnings, rowOffset);
		this.decisions.addEntries(part.decisions);
		this.extraRows += part.extraRows;
		return true;
	}

	private newCustomer(key: string): void {
		// checked once per customer, not per row: the warning then counts the customer's rows
		this.scientificKey.push(isScientificKey(key));
		this.names.push(undefined);
		this.customerManager.push(-1);
		this.managerText.push(undefined);
	}

	private setManager(c: number, text: string): void {
		this.customerManager[c] = this.managers.id(text);
		this.managerText[c] = text;
	}

	/** 'Acme Corp Total' after rows of 'Acme Corp' (a customer really named so would need that other customer too). */
	private isGroupTotal(key: string): boolean {
		if (this.groupTotals.has(key)) return true;
		const g = GROUP_TOTAL.exec(key);
		if (g === null || !this.customers.has(g[1])) return false;
		this.groupTotals.add(key);
		return true;
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
		this.rowMeaning = null;
	}

	report(): ImportReport {
		return {
			files: this.files.map((f) => ({ ...f })),
			rowsRead: this.rowsRead,
			rowsImported: this.customer.length - this.extraRows,
			addedRows: this.extraRows,
			blankRows: this.blankRows,
			skipped: this.skipped.list(),
			warnings: this.warnings.list(),
			decisions: this.decisions.list()
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

/** -|x|: a return written as a positive number becomes negative; one already negative stays. */
function negative(x: Decimal): Decimal {
	return x.m > 0 ? { m: -x.m, d: x.d } : x;
}

function decimalValue(x: Decimal): number {
	return x.m / 10 ** x.d;
}

/** The rows one builder read from a stretch of a file, ready for another builder to absorb. */
export interface SalesPart {
	customerKeys: string[];
	customerNames: (string | undefined)[];
	/** per customer: an index into `managers`, or -1 */
	customerManager: Int32Array;
	managers: string[];
	groupTotals: string[];
	/** per row: an index into `customerKeys` */
	customer: Int32Array;
	amount: DecimalPart;
	quantity: DecimalPart;
	profit: DecimalPart;
	/** per row: the day under the file's proposed date order */
	date: Int32Array;
	dates: DatesPart | null;
	order: Float64Array;
	orders: OrderCodeTable;
	records: number;
	imported: number;
	rowsRead: number;
	blankRows: number;
	skipped: ReportEntry<SkipReason>[];
	warnings: ReportEntry<WarningReason>[];
	decisions: DecisionEntry[];
	extraRows: number;
}

/** The buffers of a part, to transfer rather than copy it to another worker. */
export function partBuffers(part: SalesPart): ArrayBuffer[] {
	const arrays = [part.customerManager, part.customer, part.amount.m, part.amount.d, part.quantity.m, part.quantity.d, part.profit.m, part.profit.d, part.date, part.order];
	if (part.dates?.alt) arrays.push(part.dates.alt);
	return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** Where a cell is, for the import report. */
function placeIn(plan: FilePlan, fields: string[], row: number, c: number): ReportPlace {
	return { file: plan.fileName, row, column: c + 1, header: plan.header[c], value: cellOf(fields, c).slice(0, 80) };
}

function isBlank(fields: string[]): boolean {
	// most rows start with a filled cell: decide on it without trimming the others
	const first = fields[0];
	if (first !== undefined && first.length > 0 && first.trim() !== '') return false;
	for (const f of fields) if (f.trim() !== '') return false;
	return true;
}
