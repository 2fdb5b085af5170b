import { describe, expect, it } from 'vitest';
import { managerOverload, type ManagedCustomer } from '../../src/lib/engine/manager-overload';

const c = (key: string, name: string, manager: string | null, isKey = true): ManagedCustomer => ({
	key,
	name,
	manager,
	isKey
});

describe('managerOverload', () => {
	it('counts two key customers that share one name twice (by key, not by name)', () => {
		const [m] = managerOverload([c('K1', 'Acme', 'Ann'), c('K2', 'Acme', 'Ann')]);
		expect(m).toEqual({ manager: 'Ann', keyCustomers: ['Acme', 'Acme'], overloaded: false });
	});

	it('so four key customers with only two names overload a manager', () => {
		const customers = [c('K1', 'Acme', 'Ann'), c('K2', 'Acme', 'Ann'), c('K3', 'Beta', 'Ann'), c('K4', 'Beta', 'Ann')];
		const [m] = managerOverload(customers);
		expect(m.keyCustomers).toHaveLength(4);
		expect(m.overloaded).toBe(true);
	});

	it('lists names, counts one key once, and leaves out non-key customers and customers without a manager', () => {
		const out = managerOverload([
			c('K1', 'Acme', 'Ann'),
			c('K1', 'Acme', 'Ann'),
			c('K2', 'Beta', 'Ann', false),
			c('K3', 'Gamma', null),
			c('K4', 'Delta', 'Bob')
		]);
		expect(out).toEqual([
			{ manager: 'Ann', keyCustomers: ['Acme'], overloaded: false },
			{ manager: 'Bob', keyCustomers: ['Delta'], overloaded: false }
		]);
	});

	it('takes the limit and orders by load', () => {
		const out = managerOverload([c('K1', 'A', 'Bob'), c('K2', 'B', 'Ann'), c('K3', 'C', 'Ann')], 1);
		expect(out.map((m) => [m.manager, m.overloaded])).toEqual([
			['Ann', true],
			['Bob', false]
		]);
	});
});
