import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DistinctOrders } from '../../src/lib/core/distinct-orders';
import { OrderCodes } from '../../src/lib/ingest/order-codes';

describe('order codes', () => {
	it('equal ids give equal codes, different ids different codes (leading zeros, prefixes, odd shapes)', () => {
		const codes = new OrderCodes();
		const ids = [
			'SO-101019',
			'SO-101019',
			'SO-7',
			'SO-007',
			'SO-07',
			'INV7',
			'7',
			'0',
			'00',
			'C536379',
			'536379',
			'abc',
			'ABC',
			'Заказ 15',
			'x-1-2'
		];
		const byId = new Map<string, number>();
		for (const id of ids) {
			const c = codes.code(id);
			if (byId.has(id)) expect(c).toBe(byId.get(id));
			byId.set(id, c);
		}
		const distinct = new Set(byId.values());
		expect(distinct.size).toBe(byId.size);
	});

	it('is injective on random ids', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.oneof(
						fc.string({ maxLength: 8 }),
						fc.nat().map((n) => `SO-${n}`),
						fc.nat().map(String)
					),
					{ maxLength: 200 }
				),
				(ids) => {
					const codes = new OrderCodes();
					const seen = new Map<number, string>();
					for (const id of ids) {
						const c = codes.code(id);
						const before = seen.get(c);
						if (before !== undefined) expect(before).toBe(id);
						seen.set(c, id);
					}
				}
			)
		);
	});

	it('counts each (customer, order) pair once, also when customers share an order', () => {
		const d = new DistinctOrders();
		expect([d.add(1, 10), d.add(1, 10), d.add(2, 10), d.add(2, 10), d.add(1, 11), d.add(3, 10)]).toEqual([
			true,
			false,
			true,
			false,
			true,
			true
		]);
	});
});
