/**
 * The row-by-row meaning (src/lib/ingest/row-meaning.ts): the verdict on one row under a file's
 * Interpretation, the order total counted once, the decision tally and the totals label. Each
 * expectation is worked by hand from the rule.
 */
import { describe, expect, it } from 'vitest';
import { DecisionTally, DROPPING_DECISIONS, RowMeaning, isTotalLabel } from '../../src/lib/ingest/row-meaning';
import type { Interpretation } from '../../src/lib/ingest/types';

/** 'key via kind decision[:value]' — compact in a failure. */
function v(m: RowMeaning, fields: string[]): string {
	const r = m.verdict(fields);
	const d = r.decision ? ` ${r.decision.kind}${r.decision.value !== undefined ? `:${r.decision.value}` : ''}` : '';
	return `${r.key}|${r.via}|${r.heading ? 'heading' : r.kind}${d}`;
}

describe('RowMeaning.isPlain and needsWholeFile', () => {
	it('a file with nothing row-by-row takes the fast path', () => {
		expect(RowMeaning.isPlain(undefined)).toBe(true);
		expect(RowMeaning.isPlain({})).toBe(true);
		// none of these changes a row: a line-total mode moved the mapping, a converted currency keeps all rows
		const quiet: Interpretation = {
			refund: -1,
			customerFallback: -1,
			orderTotal: { mode: 'line', totalColumn: 2 },
			priceIsLineTotal: true,
			indexColumn: 0,
			currency: { column: 3, keep: null, converted: 'USD', seen: ['EUR', 'USD'] },
			returnsFile: false,
			fillDown: false,
			status: null,
			docType: null
		};
		expect(RowMeaning.isPlain(quiet)).toBe(true);
	});

	it('each rule that changes a row leaves the fast path', () => {
		const rules: Interpretation[] = [
			{ refund: 4 },
			{ customerFallback: 1 },
			{ fillDown: true },
			{ returnsFile: true },
			{ orderTotal: { mode: 'oncePerOrder', totalColumn: 2 } },
			{ currency: { column: 3, keep: 'EUR', converted: null, seen: ['EUR', 'USD'] } },
			{ status: { column: 2, values: {} } },
			{ docType: { column: 2, values: {} } }
		];
		expect(rules.map((r) => RowMeaning.isPlain(r))).toEqual(rules.map(() => false));
	});

	it('heading rows and once-per-order totals need the whole file in one piece; statuses do not', () => {
		expect(RowMeaning.needsWholeFile({ fillDown: true })).toBe(true);
		expect(RowMeaning.needsWholeFile({ orderTotal: { mode: 'oncePerOrder', totalColumn: 2 } })).toBe(true);
		expect(RowMeaning.needsWholeFile({ orderTotal: { mode: 'line', totalColumn: 2 } })).toBe(false);
		expect(RowMeaning.needsWholeFile({ status: { column: 2, values: {} }, refund: 3 })).toBe(false);
		expect(RowMeaning.needsWholeFile(undefined)).toBe(false);
	});
});

describe('RowMeaning.verdict: status, document type, currency, returns file', () => {
	// columns: 0 Customer, 1 Amount, 2 Status, 3 Type, 4 Currency
	it('sampled values keep their (possibly user-chosen) kind; values seen later follow the vocabulary', () => {
		// the user made 'pending' a non-sale and 'failed' a sale: both choices win over the vocabulary
		const m = new RowMeaning(
			{ status: { column: 2, context: 'status', values: { paid: 'sale', pending: 'excluded', failed: 'sale' } } },
			0,
			-1,
			1
		);
		expect(v(m, ['Ann', '10', 'Paid'])).toBe('Ann|cell|sale');
		expect(v(m, ['Ann', '10', 'PENDING'])).toBe('Ann|cell|excluded status-excluded:PENDING');
		expect(v(m, ['Ann', '10', 'Failed'])).toBe('Ann|cell|sale');
		// not sampled: the vocabulary
		expect(v(m, ['Ann', '10', 'Voided'])).toBe('Ann|cell|excluded status-excluded:Voided');
		expect(v(m, ['Ann', '10', 'Refunded'])).toBe('Ann|cell|refunded refunded-in-full:Refunded');
		expect(v(m, ['Ann', '10', 'Credit note'])).toBe('Ann|cell|return status-return:Credit note');
		expect(v(m, ['Ann', '10', 'Shipped'])).toBe('Ann|cell|sale');
	});

	it('with a refund column a later "Refunded" status is a sale (the column nets it)', () => {
		const m = new RowMeaning({ status: { column: 2, context: 'status', values: {} }, refund: 5 }, 0, -1, 1);
		expect(v(m, ['Ann', '10', 'Refunded'])).toBe('Ann|cell|sale');
	});

	it('in a deals pipeline a stage not sampled is excluded unless won', () => {
		const m = new RowMeaning({ status: { column: 2, context: 'stage', values: { won: 'sale' } } }, 0, -1, 1);
		expect(v(m, ['Ann', '10', 'Closed Won'])).toBe('Ann|cell|sale');
		expect(v(m, ['Ann', '10', 'Negotiation'])).toBe('Ann|cell|excluded status-excluded:Negotiation');
		expect(v(m, ['Ann', '10', ''])).toBe('Ann|cell|excluded status-excluded:');
	});

	it('an excluded status wins over a return document; a return document turns a sale into a return', () => {
		const m = new RowMeaning(
			{ status: { column: 2, context: 'status', values: {} }, docType: { column: 3, values: {} } },
			0,
			-1,
			1
		);
		expect(v(m, ['Ann', '10', 'Cancelled', 'Credit Note'])).toBe('Ann|cell|excluded status-excluded:Cancelled');
		expect(v(m, ['Ann', '10', 'Paid', 'Credit Note'])).toBe('Ann|cell|return type-return:Credit Note');
		expect(v(m, ['Ann', '10', 'Paid', 'Draft'])).toBe('Ann|cell|excluded type-excluded:Draft');
		expect(v(m, ['Ann', '10', 'Paid', 'Invoice'])).toBe('Ann|cell|sale');
	});

	it('a currency other than the kept one is excluded, compared upper-cased; an empty currency is kept', () => {
		const m = new RowMeaning({ currency: { column: 4, keep: 'EUR', converted: null, seen: ['EUR', 'USD'] } }, 0, -1, 1);
		expect(v(m, ['Ann', '10', '', '', 'eur'])).toBe('Ann|cell|sale');
		expect(v(m, ['Ann', '10', '', '', 'usd'])).toBe('Ann|cell|excluded currency-excluded:USD');
		expect(v(m, ['Ann', '10', '', '', ''])).toBe('Ann|cell|sale');
		// a row already excluded by its status is counted once, under its status
		const both = new RowMeaning(
			{
				status: { column: 2, values: {} },
				currency: { column: 4, keep: 'EUR', converted: null, seen: ['EUR', 'USD'] }
			},
			0,
			-1,
			1
		);
		expect(v(both, ['Ann', '10', 'Failed', '', 'USD'])).toBe('Ann|cell|excluded status-excluded:Failed');
	});

	it('in a returns file every sale is a return; excluded rows stay excluded', () => {
		const m = new RowMeaning({ returnsFile: true, status: { column: 2, values: {} } }, 0, -1, 1);
		expect(v(m, ['Ann', '10', 'Posted'])).toBe('Ann|cell|return returns-file');
		expect(v(m, ['Ann', '10', 'Draft'])).toBe('Ann|cell|excluded status-excluded:Draft');
	});
});

describe('RowMeaning.verdict: the customer', () => {
	it('the fallback column is used only when the key cell is empty', () => {
		// 0 Company, 1 Contact, 2 Amount
		const m = new RowMeaning({ customerFallback: 1 }, 0, -1, 2);
		expect(v(m, ['North', 'Oleg', '100'])).toBe('North|cell|sale');
		expect(v(m, ['  ', 'Ivan', '50'])).toBe('Ivan|fallback|sale');
		expect(v(m, ['', '', '5'])).toBe('|cell|sale');
		// a short record: the fallback cell is missing
		expect(v(m, [''])).toBe('|cell|sale');
	});

	it('heading rows (customer without a date) set the customer of the rows below; totals labels do not', () => {
		// 0 Customer, 1 Date, 2 Amount
		const m = new RowMeaning({ fillDown: true }, 0, 1, 2);
		expect(v(m, ['', '2024-01-01', '5'])).toBe('|cell|sale'); // before any heading: no customer
		expect(v(m, ['Anchor Marine', '', '300'])).toBe('Anchor Marine|heading|heading');
		expect(v(m, ['', '2024-01-02', '100'])).toBe('Anchor Marine|filled|sale');
		expect(v(m, ['Total for Anchor Marine', '', '300'])).toBe('Total for Anchor Marine|cell|sale');
		// the totals line did not replace the heading's customer
		expect(v(m, ['', '2024-01-03', '200'])).toBe('Anchor Marine|filled|sale');
		// a customer on a dated row names its own row and the rows below
		expect(v(m, ['Birch', '2024-01-04', '50'])).toBe('Birch|cell|sale');
		expect(v(m, ['', '2024-01-05', '7'])).toBe('Birch|filled|sale');
	});

	it('with fill-down the fallback column is not used', () => {
		const m = new RowMeaning({ fillDown: true, customerFallback: 3 }, 0, 1, 2);
		expect(v(m, ['Anchor', '', ''])).toBe('Anchor|heading|heading');
		expect(v(m, ['', '2024-01-02', '100', 'Oleg'])).toBe('Anchor|filled|sale');
	});

	it('without a date column, a heading is the customer and at most its group subtotal', () => {
		// 0 Customer, 1 Item, 2 Amount; no date column (date = -1). 'Anchor Marine,,300' is a heading with
		// its subtotal (the shape meaning.ts's headingColumn detects); a row naming an item is not
		const m = new RowMeaning({ fillDown: true }, 0, -1, 2);
		expect(v(m, ['Anchor Marine', '', '300'])).toBe('Anchor Marine|heading|heading');
		expect(v(m, ['', 'Rope', '100'])).toBe('Anchor Marine|filled|sale');
		expect(v(m, ['Birch', 'Bread', '50'])).toBe('Birch|cell|sale');
		expect(v(m, ['', 'Jam', '5'])).toBe('Birch|filled|sale');
	});
});

describe('RowMeaning.repeatsOrderTotal', () => {
	it("counts an order's total on its first row only; another value for the order counts again", () => {
		const m = new RowMeaning({ orderTotal: { mode: 'oncePerOrder', totalColumn: 2 } }, 0, -1, 2);
		const seen = [
			m.repeatsOrderTotal(1, '90'), // first row of order 1
			m.repeatsOrderTotal(1, '90'), // repeat
			m.repeatsOrderTotal(2, '40'), // order 2
			m.repeatsOrderTotal(1, '90'), // order 1 again, rows not adjacent
			m.repeatsOrderTotal(1, '95'), // a different total for order 1: counted
			m.repeatsOrderTotal(1, '95'),
			m.repeatsOrderTotal(-1, '10'), // no order id: always counted
			m.repeatsOrderTotal(-1, '10')
		];
		expect(seen).toEqual([false, true, false, true, false, true, false, false]);
	});

	it('does nothing unless the mode is once per order', () => {
		const line = new RowMeaning({ orderTotal: { mode: 'line', totalColumn: 2 }, refund: 3 }, 0, -1, 2);
		expect([line.repeatsOrderTotal(1, '90'), line.repeatsOrderTotal(1, '90')]).toEqual([false, false]);
	});
});

describe('DecisionTally', () => {
	it('merges rows and amounts per file, kind and value; amounts are summed exactly in 1/10 000', () => {
		const t = new DecisionTally();
		t.add('a.csv', 'status-excluded', 'Failed', 1, 0.1);
		t.add('a.csv', 'status-excluded', 'Failed', 1, 0.2);
		t.add('a.csv', 'status-excluded', 'Draft', 1, 5);
		t.add('b.csv', 'status-excluded', 'Failed', 2, 7);
		t.add('a.csv', 'heading-row', undefined, 1, 0);
		// 0.1 + 0.2 = 0.30000000000000004 in floats; 1000 + 2000 units / 10 000 = 0.3
		expect(t.list()).toEqual([
			{ file: 'a.csv', kind: 'status-excluded', value: 'Failed', rows: 2, amount: 0.3 },
			{ file: 'a.csv', kind: 'status-excluded', value: 'Draft', rows: 1, amount: 5 },
			{ file: 'b.csv', kind: 'status-excluded', value: 'Failed', rows: 2, amount: 7 },
			{ file: 'a.csv', kind: 'heading-row', rows: 1, amount: 0 }
		]);
	});

	it('the halves of a file merge to the same list whatever the order', () => {
		const first = new DecisionTally();
		first.add('f.csv', 'refund', undefined, 1, 12.34);
		const second = new DecisionTally();
		second.add('f.csv', 'refund', undefined, 2, 0.66);
		second.add('f.csv', 'currency-excluded', 'USD', 1, 3);
		const a = new DecisionTally();
		a.addEntries(first.list());
		a.addEntries(second.list());
		const b = new DecisionTally();
		b.addEntries(second.list());
		b.addEntries(first.list());
		const sorted = (t: DecisionTally) => t.list().sort((x, y) => x.kind.localeCompare(y.kind));
		expect(sorted(a)).toEqual([
			{ file: 'f.csv', kind: 'currency-excluded', value: 'USD', rows: 1, amount: 3 },
			{ file: 'f.csv', kind: 'refund', rows: 3, amount: 13 }
		]);
		expect(sorted(b)).toEqual(sorted(a));
	});

	it('the decisions that drop a record are exactly status, type, currency and heading rows', () => {
		expect([...DROPPING_DECISIONS].sort()).toEqual([
			'currency-excluded',
			'heading-row',
			'status-excluded',
			'type-excluded'
		]);
	});
});

describe('isTotalLabel', () => {
	it('a report totals line', () => {
		const totals = [
			'Total for Anchor Marine',
			'TOTAL',
			'Total:',
			'Grand Total',
			'Итого',
			'Итого:',
			'Всего',
			'Summe für Kunde A',
			'Total pour Client B',
			'Totale per Cliente C',
			'Total general'
		];
		expect(totals.filter((x) => !isTotalLabel(x))).toEqual([]);
	});

	it('a customer whose name starts with Total is not one', () => {
		const names = ['Total Wine & More', 'TotalEnergies', 'Totals Ltd', 'Итоговая компания', 'Anchor Marine', ''];
		expect(names.filter((x) => isTotalLabel(x))).toEqual([]);
	});

	it('"Итого по ООО «Кедр»" (Russian "Total for …"): the word after по is Cyrillic, no ASCII \\b to rely on', () => {
		expect(isTotalLabel('Итого по ООО «Кедр»')).toBe(true);
		expect(isTotalLabel('Всего по клиенту Береза')).toBe(true);
	});

	it('Romanian "Total pentru <client>"', () => {
		expect(isTotalLabel('Total pentru Anchor Marine')).toBe(true);
	});
});
