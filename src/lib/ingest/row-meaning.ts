/**
 * Applies a file's `Interpretation` row by row while the builder reads it (README, "What an
 * export means"): the customer of a detail row under a heading, the fallback customer column,
 * the status / document-type kind, the currency filter, the order total counted once, and the
 * tally of every such decision for the import report.
 *
 * Pure: no DOM, no dependencies.
 */
import { cellOf } from './cells';
import { kindOf } from './status-columns';
import { isTotalLabel } from './row-kinds';

export { isTotalLabel };
import type { Interpretation, RowKind } from './types';

/** A decision the importer applied to rows, counted for the import report. */
export type DecisionKind =
	| 'status-excluded'
	| 'type-excluded'
	| 'type-return'
	| 'status-return'
	| 'refunded-in-full'
	| 'refund'
	| 'returns-file'
	| 'order-total-once'
	| 'heading-row'
	| 'filled-down'
	| 'customer-fallback'
	| 'currency-excluded';

export interface DecisionEntry {
	file: string;
	kind: DecisionKind;
	/** the status, document type or currency value the rows had */
	value?: string;
	rows: number;
	/** money involved, in the file's units (a float for display: subtracted, excluded, not counted twice) */
	amount: number;
}

/** Amounts are summed in 1/10 000 units, so the sum does not depend on the order rows arrive in. */
const TALLY_UNITS = 10_000;

/** Decision tallies keyed by kind and value, mergeable across the halves of a file. */
export class DecisionTally {
	private readonly entries = new Map<string, { entry: DecisionEntry; units: number }>();
	add(file: string, kind: DecisionKind, value: string | undefined, rows: number, amount: number): void {
		this.addUnits(file, kind, value, rows, Math.round(amount * TALLY_UNITS));
	}
	private addUnits(file: string, kind: DecisionKind, value: string | undefined, rows: number, units: number): void {
		const id = `${file}\u0000${kind}\u0000${value ?? ''}`;
		let e = this.entries.get(id);
		if (!e)
			this.entries.set(
				id,
				(e = { entry: { file, kind, ...(value !== undefined ? { value } : {}), rows: 0, amount: 0 }, units: 0 })
			);
		e.entry.rows += rows;
		e.units += units;
	}
	addEntries(list: readonly DecisionEntry[]): void {
		for (const e of list) this.add(e.file, e.kind, e.value, e.rows, e.amount);
	}
	list(): DecisionEntry[] {
		return [...this.entries.values()].map((e) => ({ ...e.entry, amount: e.units / TALLY_UNITS }));
	}
}

/** Decisions that leave a record out of the sales (each such record is counted once, here). */
export const DROPPING_DECISIONS: ReadonlySet<DecisionKind> = new Set<DecisionKind>([
	'status-excluded',
	'type-excluded',
	'currency-excluded',
	'heading-row'
]);

/** What the meaning says about one row before its amount is read. */
export interface RowVerdict {
	/** the customer key to use ('' = none) */
	key: string;
	/** how the key was found */
	via: 'cell' | 'heading' | 'filled' | 'fallback';
	/** the row is a heading (sets the customer of the rows below) and carries no sale */
	heading: boolean;
	kind: RowKind;
	/** why the row is excluded or returned: the decision to count */
	decision?: { kind: DecisionKind; value?: string };
}

/** Per-file state of the row-by-row meaning (the current heading's customer, orders seen). */
export class RowMeaning {
	private group = '';
	private readonly hasRefund: boolean;
	private readonly seenTotals = new Map<number, string>();
	constructor(
		readonly meaning: Interpretation,
		private readonly customerKey: number,
		private readonly date: number,
		private readonly amount: number
	) {
		this.hasRefund = (meaning.refund ?? -1) >= 0;
	}

	/** True when nothing row-by-row applies: the builder's fast path. */
	static isPlain(m: Interpretation | undefined): boolean {
		return (
			!m ||
			(!m.fillDown &&
				(m.customerFallback ?? -1) < 0 &&
				!m.nameParts &&
				!m.status &&
				!m.docType &&
				!m.currency?.keep &&
				!m.returnsFile &&
				(m.refund ?? -1) < 0 &&
				m.orderTotal?.mode !== 'oncePerOrder')
		);
	}

	/** True when the file must be read in one piece: the rows depend on rows above them. */
	static needsWholeFile(m: Interpretation | undefined): boolean {
		return !!m && (!!m.fillDown || m.orderTotal?.mode === 'oncePerOrder');
	}

	verdict(fields: readonly string[]): RowVerdict {
		const m = this.meaning;
		let key = cellOf(fields, this.customerKey);
		let via: RowVerdict['via'] = 'cell';
		let heading = false;
		if (m.fillDown) {
			if (key !== '') {
				// a heading: the customer alone, or with a subtotal but no date
				// without a date column: nothing but the customer and, at most, the amount (a group subtotal)
				const noDate =
					this.date >= 0
						? cellOf(fields, this.date) === ''
						: fields.every((f, j) => j === this.customerKey || j === this.amount || f.trim() === '');
				if (noDate && !isTotalLabel(key)) {
					this.group = key;
					heading = true;
					via = 'heading';
				} else if (!isTotalLabel(key)) this.group = key;
			} else if (this.group !== '') {
				key = this.group;
				via = 'filled';
			}
		} else if (key === '' && (m.customerFallback ?? -1) >= 0) {
			const other = cellOf(fields, m.customerFallback);
			if (other !== '') {
				key = other;
				via = 'fallback';
			}
		} else if (key === '' && m.nameParts) {
			// a named buyer is never dropped as "no customer": a guest order without an e-mail
			const named = m.nameParts
				.map((c) => cellOf(fields, c))
				.filter((x) => x !== '')
				.join(' ');
			if (named !== '') {
				key = named;
				via = 'fallback';
			}
		}
		let kind: RowKind = 'sale';
		let decision: RowVerdict['decision'];
		if (m.status) {
			const value = cellOf(fields, m.status.column);
			const k = kindOf(m.status, value, 'status', m.status.context ?? 'status', this.hasRefund);
			if (k === 'excluded') decision = { kind: 'status-excluded', value };
			else if (k === 'return') decision = { kind: 'status-return', value };
			else if (k === 'refunded') decision = { kind: 'refunded-in-full', value };
			kind = k;
		}
		if (m.docType && kind !== 'excluded') {
			const value = cellOf(fields, m.docType.column);
			const k = kindOf(m.docType, value, 'docType', 'status', this.hasRefund);
			if (k === 'excluded') {
				kind = k;
				decision = { kind: 'type-excluded', value };
			} else if (k === 'return') {
				kind = k;
				decision = { kind: 'type-return', value };
			}
		}
		if (kind !== 'excluded' && m.currency?.keep) {
			const cur = cellOf(fields, m.currency.column);
			if (cur !== '' && cur.toUpperCase() !== m.currency.keep) {
				kind = 'excluded';
				decision = { kind: 'currency-excluded', value: cur.toUpperCase() };
			}
		}
		// in a returns list every row is a return, whatever its status says about the money
		if ((kind === 'sale' || kind === 'refunded') && m.returnsFile) {
			kind = 'return';
			decision = { kind: 'returns-file' };
		}
		return { key, via, heading, kind, decision };
	}

	/**
	 * An order total repeated on the order's item rows counts once: true when this row repeats the
	 * total already counted for its order (`order` is the row's order code, `amountText` its value).
	 */
	repeatsOrderTotal(order: number, amountText: string): boolean {
		if (this.meaning.orderTotal?.mode !== 'oncePerOrder' || order < 0) return false;
		const seen = this.seenTotals.get(order);
		if (seen === amountText) return true;
		this.seenTotals.set(order, amountText);
		return false;
	}
}
