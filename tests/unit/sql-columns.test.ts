/** The SQL column names of a dataset (engine/sql-columns.ts): the first file's header names of the mapped roles. */
import { describe, expect, it } from 'vitest';
import { sqlColumnsOf } from '../../src/lib/engine/sql-columns';
import { ROLES, type ColumnMapping } from '../../src/lib/ingest/types';

const unmapped = Object.fromEntries(ROLES.map((r) => [r, -1])) as ColumnMapping;

const header = ['Client', 'Date', 'Qty', 'Price', 'Amount', 'Margin', 'Order'];

describe('sqlColumnsOf', () => {
	it('names each mapped role by its header, with its 1-based position', () => {
		const cols = sqlColumnsOf({
			header,
			amountSource: 'column',
			mapping: { ...unmapped, customerKey: 0, date: 1, quantity: 2, amount: 4, profit: 5, orderId: 6 }
		});
		expect(cols).toEqual({
			customerKey: 'Client',
			amount: 'Amount',
			quantity: 'Qty',
			unitPrice: undefined,
			profit: 'Margin',
			date: 'Date',
			orderId: 'Order',
			positions: { customerKey: 1, amount: 5, quantity: 3, profit: 6, date: 2, orderId: 7 }
		});
	});

	it('leaves out the amount when it is quantity × unit price', () => {
		const cols = sqlColumnsOf({
			header,
			amountSource: 'quantityTimesPrice',
			mapping: { ...unmapped, customerKey: 0, quantity: 2, unitPrice: 3, amount: 4 }
		});
		expect(cols.amount).toBeUndefined();
		expect(cols.positions).toEqual({ customerKey: 1, quantity: 3, unitPrice: 4 });
	});

	it('keeps an empty name for a column without a header, and an empty customer name when unmapped', () => {
		expect(
			sqlColumnsOf({
				header: ['', 'Amount'],
				amountSource: 'column',
				mapping: { ...unmapped, customerKey: 0, amount: 1 }
			})
		).toMatchObject({
			customerKey: '',
			amount: 'Amount',
			positions: { customerKey: 1, amount: 2 }
		});
		expect(sqlColumnsOf({ header, amountSource: 'column', mapping: unmapped })).toMatchObject({
			customerKey: '',
			positions: {}
		});
	});

	it('carries the discount column with its kind and the list-price column (customer types)', () => {
		const h = ['Client', 'Total', 'Promo', 'Compare at', 'Price'];
		const m = { ...unmapped, customerKey: 0, amount: 1, unitPrice: 4 };
		expect(
			sqlColumnsOf({
				header: h,
				amountSource: 'column',
				mapping: { ...m, discount: 2, listPrice: 3 },
				discountKind: 'code'
			})
		).toMatchObject({
			discount: 'Promo',
			discountKind: 'code',
			listPrice: 'Compare at',
			positions: { customerKey: 1, amount: 2, discount: 3, listPrice: 4, unitPrice: 5 }
		});
		// a discount column without a kind is read as an amount (as the importer does)
		expect(sqlColumnsOf({ header: h, amountSource: 'column', mapping: { ...m, discount: 2 } })).toMatchObject({
			discount: 'Promo',
			discountKind: 'amount'
		});
		// no discount roles mapped, or a plan stored before them: no discount keys at all
		for (const mapping of [m, (({ discount: _d, listPrice: _l, ...rest }) => rest)(m)]) {
			const cols = sqlColumnsOf({ header: h, amountSource: 'column', mapping });
			expect(cols).not.toHaveProperty('discount');
			expect(cols).not.toHaveProperty('discountKind');
			expect(cols).not.toHaveProperty('listPrice');
		}
	});
});
