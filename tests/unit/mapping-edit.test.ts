import { describe, expect, it } from 'vitest';
import { rolesByColumn, withRole } from '../../src/lib/ingest/mapping-edit';
import type { ColumnMapping } from '../../src/lib/ingest/types';

const none: ColumnMapping = {
	customerKey: -1,
	customerName: -1,
	date: -1,
	amount: -1,
	quantity: -1,
	unitPrice: -1,
	profit: -1,
	manager: -1,
	orderId: -1,
	discount: -1,
	listPrice: -1
};

describe('editing a column mapping', () => {
	it('lists the role of each mapped column', () => {
		const m = { ...none, customerKey: 0, amount: 3 };
		expect([...rolesByColumn(m)]).toEqual([
			[0, 'customerKey'],
			[3, 'amount']
		]);
	});

	it('a column serves one role: taking it frees it elsewhere; -1 unmaps only that role', () => {
		const m = { ...none, customerKey: 0, customerName: 1, amount: 3 };
		const next = withRole(m, 'customerName', 0);
		expect(next).toEqual({ ...none, customerName: 0, amount: 3 });
		expect(m.customerKey).toBe(0); // the original is untouched
		expect(withRole(m, 'amount', -1)).toEqual({ ...none, customerKey: 0, customerName: 1 });
	});
});
