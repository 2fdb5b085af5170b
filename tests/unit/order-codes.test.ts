import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DistinctOrders, distinctOrdersOf, SMALL_DENSE_SPAN } from '../../src/lib/core/distinct-orders';
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

	it('dense and hashed tables count the same pairs, whatever the codes', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: -1, max: 60 })), { maxLength: 300 }),
				fc.integer({ min: 0, max: 3 }),
				(rows, shift) => {
					// codes of one prefix (whole numbers near each other), a second prefix (1e15 apart), and other ids (negative)
					const code = (o: number) =>
						o === -1 ? -1 : shift === 1 ? o + 1e15 * (o % 2) : shift === 2 ? -2 - o : o + 5000 * shift;
					const orders = Float64Array.from(rows, ([, o]) => code(o));
					const chosen = distinctOrdersOf(orders);
					const hashed = new DistinctOrders();
					for (let r = 0; r < rows.length; r++) {
						if (orders[r] === -1) continue;
						expect(chosen.add(rows[r][0], orders[r])).toBe(hashed.add(rows[r][0], orders[r]));
					}
				}
			)
		);
	});

	it('is dense for numbered ids of one prefix, hashed for ids far apart or not whole', () => {
		const dense = (codes: number[]) =>
			(distinctOrdersOf(Float64Array.from(codes)) as unknown as { base: number }).base >= 0;
		expect(dense([101019, 101020, -1, 101019, 101500])).toBe(true);
		expect(dense([1, 1e15 + 1])).toBe(false);
		expect(dense([-2, -3, 5])).toBe(false);
		expect(dense([1.5, 2])).toBe(false);
		expect(dense([-1, -1])).toBe(false);
	});

	it('is dense for a few rows whose codes spread over a small range (the rows a filter keeps), hashed beyond it', () => {
		const dense = (codes: number[]) =>
			(distinctOrdersOf(Float64Array.from(codes)) as unknown as { base: number }).base >= 0;
		// 3 rows over 900 000 codes: far more than twice the rows, within SMALL_DENSE_SPAN
		expect(dense([100000, 550000, 999999])).toBe(true);
		expect(dense([0, SMALL_DENSE_SPAN - 1])).toBe(true);
		expect(dense([0, SMALL_DENSE_SPAN])).toBe(false);
		// the counts agree with the hashed table on such rows
		const orders = Float64Array.from([100000, 550000, 100000, 999999, 550000]);
		const customers = [1, 2, 1, 3, 4];
		const chosen = distinctOrdersOf(orders);
		const hashed = new DistinctOrders();
		expect(customers.map((c, i) => chosen.add(c, orders[i]))).toEqual(
			customers.map((c, i) => hashed.add(c, orders[i]))
		);
	});
});

describe('OrderCodes.absorb: identity', () => {
	it('is the identity exactly when every code of the other means the same here', () => {
		const of = (ids: string[]) => {
			const o = new OrderCodes();
			for (const id of ids) o.code(id);
			return o;
		};
		const same = of(['SO-1', 'INV-7']).absorb(of(['SO-9', 'INV-2']).table())!;
		expect(same.identity).toBe(true);
		const swapped = of(['SO-1', 'INV-7']).absorb(of(['INV-2', 'SO-9']).table())!;
		expect(swapped.identity).toBe(false);
		const other = of(['SO-1', 'first odd id']);
		const part = of(['SO-2', 'odd id']);
		const t = other.absorb(part.table())!;
		expect(t.identity).toBe(false);
		// when it is the identity, every code translates to itself
		const a = of(['SO-1', 'odd id']);
		const b = of(['SO-3', 'odd id']);
		const u = a.absorb(b.table())!;
		expect(u.identity).toBe(true);
		for (const id of ['SO-3', 'odd id']) expect(u(b.code(id))).toBe(b.code(id));
	});
});
