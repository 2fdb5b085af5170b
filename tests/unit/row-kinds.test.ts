/**
 * The vocabulary of status, stage and document-type values (src/lib/ingest/row-kinds.ts): what a
 * value says about a row. Each expected kind is read off the rule by hand, value by value.
 */
import { describe, expect, it } from 'vitest';
import {
	docTypeKind,
	isReturnsTitle,
	looksLikeDealStages,
	normaliseValue,
	statusKind
} from '../../src/lib/ingest/row-kinds';
import { statusContextOf } from '../../src/lib/ingest/meaning';

/** 'value → kind' per value: one readable line per value in a failure. */
const kinds = (values: string[], f: (v: string) => string) => values.map((v) => `${v} → ${f(v)}`);
const all = (values: string[], kind: string) => values.map((v) => `${v} → ${kind}`);

describe('normaliseValue', () => {
	it('lower-cases, folds ё to е, and reads _ - . : ( ) « » and runs of spaces as one space', () => {
		expect(normaliseValue('Closed_Lost')).toBe('closed lost');
		expect(normaliseValue('  «Отменён»  ')).toBe('отменен');
		expect(normaliseValue('Failed (card declined)')).toBe('failed card declined');
		expect(normaliseValue('out_refund')).toBe('out refund');
		expect(normaliseValue('Credit-Note')).toBe('credit note');
		expect(normaliseValue('ANNULÉ')).toBe('annulé');
	});

	it('composes accents first: a decomposed é (e + U+0301) reads as the composed one', () => {
		expect(normaliseValue('annule\u0301')).toBe('annulé');
		expect(statusKind('annule\u0301', 'status', false)).toBe('excluded');
	});
});

describe('statusKind, order and payment statuses', () => {
	const st = (v: string) => statusKind(v, 'status', false);

	it('the sale never happened: English, Russian, German, French, Spanish, Romanian → excluded', () => {
		const never = [
			'Failed',
			'declined',
			'voided',
			'Cancelled by customer',
			'Draft',
			'expired',
			'abandoned',
			'CANCELED',
			'«Отменён»',
			'Не проведён',
			'Закрыто и не реализовано',
			'отменен покупателем',
			'storniert',
			'annulé',
			'cancelado',
			'anulat',
			'Anulată'
		];
		expect(kinds(never, st)).toEqual(all(never, 'excluded'));
	});

	it('the sale happened: paid, completed, processing, shipped, fulfilled, Оплачен, Проведён, Отгружен → sale', () => {
		const sold = [
			'paid',
			'completed',
			'processing',
			'shipped',
			'fulfilled',
			'Оплачен',
			'Проведён',
			'Отгружен',
			'Bezahlt',
			'Payé'
		];
		expect(kinds(sold, st)).toEqual(all(sold, 'sale'));
	});

	it('a prefix matches whole words only: "Failed (card declined)" is excluded, "Failedover" and "Drafted by Ann" are not', () => {
		// 'failed card declined' → first word 'failed' is in the list; 'failedover' is no word of it
		expect(st('Failed (card declined)')).toBe('excluded');
		expect(st('Failedover')).toBe('sale');
		// 'drafted by ann': 'drafted', 'drafted by' are not listed
		expect(st('Drafted by Ann')).toBe('sale');
	});

	it('an empty status is a sale in an order file (nothing says otherwise)', () => {
		expect(st('')).toBe('sale');
		expect(st('   ')).toBe('sale');
	});

	it("'Refunded' is a sale refunded in full without a refund column, a sale with one (the column nets it)", () => {
		expect(statusKind('Refunded', 'status', false)).toBe('refunded');
		expect(statusKind('Refunded', 'status', true)).toBe('sale');
		expect(statusKind('Возвращён', 'status', false)).toBe('refunded');
		expect(statusKind('remboursé', 'status', false)).toBe('refunded');
	});

	it("'Partially refunded' is a sale, with or without a refund column", () => {
		expect(statusKind('Partially refunded', 'status', false)).toBe('sale');
		expect(statusKind('Partially refunded', 'status', true)).toBe('sale');
		expect(statusKind('partially_refunded', 'status', false)).toBe('sale');
	});

	it("a status naming a return document is a return, unless it says 'partial'", () => {
		expect(st('Refund')).toBe('return');
		expect(st('Возврат')).toBe('return');
		expect(st('Partial refund')).toBe('sale');
		expect(st('Refund partial')).toBe('sale');
	});
});

describe('statusKind, deal stages', () => {
	const stage = (v: string) => statusKind(v, 'stage', false);

	it('only won deals are sales: Won, Closed Won, closedwon, Успешно реализовано, Сделка успешна', () => {
		const won = [
			'Won',
			'Closed Won',
			'closedwon',
			'Closed_Won',
			'Успешно реализовано',
			'Сделка успешна',
			'Gewonnen',
			'Gagné'
		];
		expect(kinds(won, stage)).toEqual(all(won, 'sale'));
	});

	it('open and lost stages are not sales: New, Negotiation, Proposal, Переговоры, Closed Lost, empty', () => {
		const open = [
			'New',
			'Negotiation',
			'Proposal',
			'Qualification',
			'Переговоры',
			'Первичный контакт',
			'Closed Lost',
			'Закрыто и не реализовано',
			''
		];
		expect(kinds(open, stage)).toEqual(all(open, 'excluded'));
	});

	it('a paid-looking stage that is not won is still not a sale, and a refund column changes nothing', () => {
		expect(statusKind('Paid', 'stage', false)).toBe('excluded');
		expect(statusKind('Won', 'stage', true)).toBe('sale');
		expect(statusKind('Refunded', 'stage', true)).toBe('excluded');
	});
});

describe('docTypeKind', () => {
	it('return documents: Credit Note, Credit Memo, Refund, out_refund, Возврат, Сторно, Gutschrift, Storno, Avoir', () => {
		const ret = [
			'Credit Note',
			'Credit Memo',
			'Refund',
			'out_refund',
			'Возврат',
			'Сторно',
			'Gutschrift',
			'Storno',
			'Avoir',
			'Возврат товаров от клиента',
			'Customer Credit Note',
			'Nota de crédito'
		];
		expect(kinds(ret, docTypeKind)).toEqual(all(ret, 'return'));
	});

	it('a return word anywhere in the type as a whole word: "Sales Credit Note", "Vendor refund"', () => {
		expect(docTypeKind('Sales Credit Note')).toBe('return');
		expect(docTypeKind('Vendor refund')).toBe('return');
		// 'refunds' / 'returning' are other words: not the listed whole words
		expect(docTypeKind('Returning customer invoice')).toBe('sale');
	});

	it('sales documents: Invoice, Customer Invoice, out_invoice, Реализация товаров и услуг, empty', () => {
		const sale = [
			'Invoice',
			'Customer Invoice',
			'out_invoice',
			'Реализация товаров и услуг',
			'Rechnung',
			'Facture',
			''
		];
		expect(kinds(sale, docTypeKind)).toEqual(all(sale, 'sale'));
	});

	it('a draft or cancelled document is not a sale', () => {
		expect(docTypeKind('Draft')).toBe('excluded');
		expect(docTypeKind('Cancelled')).toBe('excluded');
		expect(docTypeKind('Черновик')).toBe('excluded');
	});
});

describe('looksLikeDealStages and the status context', () => {
	it('a won or lost value makes the column a deals pipeline', () => {
		expect(looksLikeDealStages(['New', 'Negotiation', 'Won'])).toBe(true);
		expect(looksLikeDealStages(['Qualification', 'Closed Lost'])).toBe(true);
		expect(looksLikeDealStages(['Переговоры', 'Сделка провалена'])).toBe(true);
		expect(looksLikeDealStages(['Paid', 'Pending', 'Refunded', 'Failed'])).toBe(false);
		expect(looksLikeDealStages([])).toBe(false);
	});

	it('the header decides too: "Deal Stage" / "Этап сделки" is a pipeline whatever its values; "Status" with order values is not', () => {
		expect(statusContextOf('Deal Stage', ['New', 'Proposal'])).toBe('stage');
		expect(statusContextOf('Этап сделки', ['Переговоры'])).toBe('stage');
		expect(statusContextOf('Status', ['Paid', 'Pending', 'Failed'])).toBe('status');
		expect(statusContextOf('Financial Status', ['paid', 'refunded'])).toBe('status');
	});

	it('a Russian order status column with «Оплачено» stays an order status column: «Доставлено» orders are sales', () => {
		// «Оплачено» (paid) is also a won word of a pipeline, but an order status column says it too: it alone
		// must not make the column a pipeline, or every value that is not a won word (Доставлено = delivered,
		// Выполнен = completed) would be excluded.
		const values = ['Оплачено', 'Доставлено', 'Выполнен', 'Отменён'];
		expect(statusContextOf('Статус', values)).toBe('status');
		const context = statusContextOf('Статус', values);
		expect(kinds(values, (v) => statusKind(v, context, false))).toEqual([
			'Оплачено → sale',
			'Доставлено → sale',
			'Выполнен → sale',
			'Отменён → excluded'
		]);
	});
});

describe('isReturnsTitle', () => {
	it('a title line naming a returns list', () => {
		expect(isReturnsTitle('Возврат товаров от клиента')).toBe(true);
		expect(isReturnsTitle('Возврат товаров от клиента № 12 от 01.02.2025')).toBe(true);
		expect(isReturnsTitle('Credit notes 2024')).toBe(true);
		expect(isReturnsTitle('Gutschriften Q1')).toBe(true);
	});

	it('any other title is not', () => {
		expect(isReturnsTitle('Реализация товаров и услуг')).toBe(false);
		expect(isReturnsTitle('Sales by customer detail')).toBe(false);
		// 'returned' and 'returning' are not the word 'return'
		expect(isReturnsTitle('Returning customers 2024')).toBe(false);
		expect(isReturnsTitle('')).toBe(false);
	});
});

describe('edges found in review', () => {
	it('Romanian written with cedillas (ş ţ) reads like ș ț', async () => {
		const { statusKind } = await import('../../src/lib/ingest/row-kinds');
		expect(statusKind('Eşuată', 'status', false)).toBe('excluded');
		expect(statusKind('Câştigat', 'stage', false)).toBe('sale');
	});
	it("a bare 'State' column of US states is not a status column; one of order states is", async () => {
		const { prepareBytes } = await import('../../src/lib/ingest/pipeline');
		const enc = (s: string) => new TextEncoder().encode(s);
		const states = await prepareBytes(enc('Customer,State,Amount\nA,NY,10\nB,CA,5\n'), 's.csv');
		expect(states.plan.meaning?.status ?? null).toBeNull();
		const orders = await prepareBytes(enc('Customer,State,Amount\nA,paid,10\nB,cancelled,5\n'), 'o.csv');
		expect(orders.plan.header[orders.plan.meaning!.status!.column]).toBe('State');
	});
});
