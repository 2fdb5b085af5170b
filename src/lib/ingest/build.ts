/**
 * Turns parsed records into sales columns (SalesBuilder), applying each file's plan: its mapping,
 * number and date formats, and its meaning (row-meaning.ts). A builder can absorb what another read
 * from the rest of a file (`SalesPart`), for the two-worker import of large files.
 *
 * Over 400 lines: one class with one job (a record becomes a row or a counted reason), plus its
 * part/absorb pair; the report, the growing columns, the dimension columns and the two-order dates
 * are in their own files.
 */
import { NO_DAY } from '../core/calendar';
import { isMissingCustomer } from '../core/missing-customer';
import type { SalesColumns } from '../engine/types';
import { Growable } from './growable';
import { OrderCodes, type OrderCodeTable } from './order-codes';
import { mulDecimal, parseDecimal } from './numbers';
import type { AmountSource, ColumnMapping, DateOrder, Decimal, DecimalSeparator, Interpretation } from './types';
import { cellOf } from './cells';
import { ownCopy } from './own-string';
import { DecisionTally, RowMeaning, isTotalLabel, type DecisionEntry } from './row-meaning';
import { isScientificKey } from './structure';
import { DecimalColumn, Dictionary, type DecimalPart } from './builder-columns';
import { FileDates, type DatesPart } from './file-dates';
import { DimensionColumns, type DimensionPart } from './dimension-columns';
import { freeDimensions } from './dimensions';
import { rowDiscount, type DiscountKind } from './discounts';
import {
	placeIn,
	Tally,
	type ImportReport,
	type ReportEntry,
	type SkipReason,
	type WarningReason
} from './import-report';

export type { ImportReport, ReportEntry, ReportPlace, SkipReason, WarningReason } from './import-report';

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
	/** columns kept as dimensions (dimension-columns.ts), matched across files by header name */
	dimensions?: number[];
	/** what the discount column holds (ingest/discounts.ts); absent without one */
	discountKind?: DiscountKind;
}

/** Excel's Data → Subtotal writes '<group> Total' ('<group> Итог') after each group's rows. */
const GROUP_TOTAL = /^(.*\S)\s+(total|итог)$/i;
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
	/** per row: the discount as a fraction (ingest/discounts.ts `rowDiscount`) */
	private readonly discount = new Growable(Float64Array);
	private readonly dimensions = new DimensionColumns();
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
	private hasDiscount = false;
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
		// a column only the files from here on have starts with the rows before (zero, no order, no discount)
		const rows = this.customer.length;
		if (m.quantity >= 0 && !this.hasQuantity) {
			this.hasQuantity = true;
			this.quantity.padTo(rows);
		}
		if (m.profit >= 0 && !this.hasProfit) {
			this.hasProfit = true;
			this.profit.padTo(rows);
		}
		if (m.date >= 0) this.hasDate = true;
		if (m.orderId >= 0 && !this.hasOrder) {
			this.hasOrder = true;
			this.order.padTo(rows, -1);
		}
		if (m.manager >= 0) this.hasManager = true;
		if ((m.discount >= 0 || m.listPrice >= 0) && !this.hasDiscount) {
			this.hasDiscount = true;
			this.discount.padTo(rows, NaN);
		}
		this.fileStats = { name: plan.fileName, records: 0, imported: 0 };
		if (plan.meaning && Object.keys(plan.meaning).length > 0) {
			this.fileStats.header = plan.header;
			this.fileStats.mapping = plan.mapping;
			this.fileStats.meaning = plan.meaning;
		}
		if (m.discount >= 0 || m.listPrice >= 0) {
			this.fileStats.discount = {
				...(m.discount >= 0 ? { column: plan.header[m.discount] ?? '', kind: plan.discountKind ?? 'amount' } : {}),
				...(m.listPrice >= 0 ? { listPrice: plan.header[m.listPrice] ?? '' } : {})
			};
		}
		this.files.push(this.fileStats);
		// a column mapped to a role is not a dimension too
		this.dimensions.beginFile(plan.header, freeDimensions(plan.dimensions ?? [], m));
		this.rowMeaning = RowMeaning.isPlain(plan.meaning)
			? null
			: new RowMeaning(plan.meaning!, m.customerKey, m.date, plan.amountSource === 'column' ? m.amount : m.unitPrice);
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
		if (isMissingCustomer(key)) {
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
			if (name) this.names[c] = ownCopy(name);
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
		let day = NO_DAY;
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
		const discount = this.hasDiscount ? this.discountOf(fields, row, amount, quantity) : NaN;
		this.pushRow(fields, c, amount, quantity ?? ZERO, profit, day, orderCode, discount);
		this.fileStats.imported++;
		if (verdict) {
			// a refund in its own column, or a sale refunded in full: a return row beside the sale
			let refund: Decimal | null = null;
			if (verdict.kind === 'refunded') refund = amount.m > 0 ? amount : null;
			// a row that is itself a return (negative amount) already carries its refund
			else if ((meaning!.meaning.refund ?? -1) >= 0 && amount.m > 0) {
				const r = parseDecimal(
					cellOf(fields, meaning!.meaning.refund!),
					plan.decimalSeparators[meaning!.meaning.refund!] ?? '.'
				);
				if (typeof r !== 'string' && r.m !== 0) refund = r;
			}
			if (refund && refund.m !== 0) {
				const back = negative(refund);
				this.pushRow(fields, c, back, ZERO, ZERO, day, orderCode, NaN);
				this.extraRows++;
				this.decisions.add(
					plan.fileName,
					verdict.kind === 'refunded' ? 'refunded-in-full' : 'refund',
					verdict.kind === 'refunded' ? verdict.decision?.value : undefined,
					1,
					-decimalValue(back)
				);
			}
		}
	}

	private pushRow(
		fields: string[],
		c: number,
		amount: Decimal,
		quantity: Decimal,
		profit: Decimal,
		day: number,
		order: number,
		discount: number
	): void {
		this.dimensions.push(fields);
		this.customer.push(c);
		this.amount.push(amount);
		this.date.push(day);
		// columns the files so far do not have hold nothing: 12–25 bytes a row less to grow and copy
		if (this.hasDiscount) this.discount.push(discount);
		if (this.hasQuantity) this.quantity.push(quantity);
		if (this.hasProfit) this.profit.push(profit);
		if (this.hasOrder) this.order.push(order);
	}

	/**
	 * Makes room for about `rows` rows in every column in use (from the size of what is still to
	 * read): one allocation instead of a doubling's copies and their garbage. Rows past it still fit.
	 */
	reserve(rows: number): void {
		this.customer.reserve(rows);
		this.amount.reserve(rows);
		this.date.reserve(rows);
		if (this.hasDiscount) this.discount.reserve(rows);
		if (this.hasQuantity) this.quantity.reserve(rows);
		if (this.hasProfit) this.profit.reserve(rows);
		if (this.hasOrder) this.order.reserve(rows);
	}

	/** The row's discount (ingest/discounts.ts); a discount cell that is not a number is warned about. */
	private discountOf(fields: string[], row: number, amount: Decimal, quantity: Decimal | null): number {
		const plan = this.plan!;
		const m = plan.mapping;
		let unitPrice: number | null = null;
		if (m.unitPrice >= 0) {
			const p = parseDecimal(cellOf(fields, m.unitPrice), plan.decimalSeparators[m.unitPrice] ?? '.');
			if (typeof p !== 'string') unitPrice = decimalValue(p);
		}
		const discountCell = m.discount >= 0 ? cellOf(fields, m.discount) : '';
		const d = rowDiscount({
			kind: m.discount >= 0 ? (plan.discountKind ?? 'amount') : null,
			discount: discountCell,
			listPrice: m.listPrice >= 0 ? cellOf(fields, m.listPrice) : '',
			discountSep: plan.decimalSeparators[m.discount] ?? '.',
			listPriceSep: plan.decimalSeparators[m.listPrice] ?? '.',
			paid: decimalValue(amount),
			quantity: quantity ? decimalValue(quantity) : null,
			unitPrice
		});
		if (Number.isNaN(d) && discountCell.trim() !== '' && plan.discountKind !== 'code') {
			this.warnings.add('bad-discount', placeIn(plan, fields, row, m.discount));
		}
		return d;
	}

	/** The customer's display name: the name column, or first and last name joined. */
	private nameOf(fields: string[], nameColumn: number): string {
		if (nameColumn >= 0) return cellOf(fields, nameColumn);
		const parts = this.plan!.meaning?.nameParts;
		if (!parts) return '';
		return parts
			.map((p) => cellOf(fields, p))
			.filter((x) => x !== '')
			.join(' ');
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
			discount: this.discount.toArray(),
			hasDiscount: this.hasDiscount,
			dimensions: this.dimensions.part(),
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
		const rows = customer.length;
		const mapped = new Int32Array(rows);
		for (let i = 0; i < rows; i++) mapped[i] = customerIds[customer[i]];
		this.customer.append(mapped);
		this.amount.append(part.amount);
		// a part holds no column its file lacks; the earlier files may have it
		if (this.hasQuantity) this.quantity.appendOrPad(part.quantity, rows);
		if (this.hasProfit) this.profit.appendOrPad(part.profit, rows);
		this.date.append(part.date);
		if (this.fileDates && part.dates) this.fileDates.absorb(part.dates, rowOffset);
		if (this.hasOrder) {
			if (orderCode.identity && part.order.length === rows) this.order.append(part.order);
			else {
				const orders = new Float64Array(rows).fill(-1);
				for (let i = 0; i < part.order.length; i++) orders[i] = orderCode(part.order[i]);
				this.order.append(orders);
			}
		}
		if (part.hasDiscount && !this.hasDiscount) {
			this.hasDiscount = true;
			this.discount.padTo(this.customer.length - rows, NaN);
		}
		if (this.hasDiscount) {
			if (part.discount.length > 0) this.discount.append(part.discount);
			else this.discount.padTo(this.customer.length, NaN);
		}
		this.dimensions.absorb(part.dimensions, customer.length);

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
		const id = this.managers.id(text);
		this.customerManager[c] = id;
		// the dictionary's own copy, not the cell (a view into its chunk)
		this.managerText[c] = this.managers.values[id];
	}

	/** 'Acme Corp Total' after rows of 'Acme Corp' (a customer really named so would need that other customer too). */
	private isGroupTotal(key: string): boolean {
		// only a key ending in 'total' or 'итог' can be one: most new keys are decided by their last letter
		const last = key.charCodeAt(key.length - 1);
		if (last !== 108 && last !== 76 && last !== 0x433 && last !== 0x413) return false;
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
		const dropped = this.dimensions.dropped();
		return {
			files: this.files.map((f) => ({ ...f })),
			rowsRead: this.rowsRead,
			rowsImported: this.customer.length - this.extraRows,
			addedRows: this.extraRows,
			blankRows: this.blankRows,
			skipped: this.skipped.list(),
			warnings: this.warnings.list(),
			decisions: this.decisions.list(),
			...(dropped.length > 0 ? { droppedDimensions: dropped } : {})
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
			managers: this.hasManager ? this.managers.values : undefined,
			dimensions: this.dimensions.finish(),
			...(this.hasDiscount ? { discount: this.discount.toArray() } : {})
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
	/** per row: the discount as a fraction (NaN without information) */
	discount: Float64Array;
	hasDiscount: boolean;
	/** the dimensions read, with codes into their own dictionaries */
	dimensions: DimensionPart[];
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
	const arrays: ArrayBufferView[] = [
		part.customerManager,
		part.customer,
		part.amount.m,
		part.amount.d,
		part.quantity.m,
		part.quantity.d,
		part.profit.m,
		part.profit.d,
		part.date,
		part.order,
		part.discount
	];
	if (part.dates?.alt) arrays.push(part.dates.alt);
	for (const d of part.dimensions) arrays.push(d.codes);
	return arrays.map((a) => a.buffer as ArrayBuffer);
}

function isBlank(fields: string[]): boolean {
	// most rows start with a filled cell: decide on it without trimming the others
	const first = fields[0];
	if (first !== undefined && first.length > 0 && first.trim() !== '') return false;
	for (const f of fields) if (f.trim() !== '') return false;
	return true;
}
