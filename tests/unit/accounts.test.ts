/** The accounts view (engine/accounts.ts): top-class and key customers in rank order, with their managers. */
import { describe, expect, it } from 'vitest';
import { accountsView } from '../../src/lib/engine/accounts';
import { PRESETS } from '../../src/lib/engine/abc';
import { Analysis } from '../../src/lib/engine/dashboard';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { columnsOf } from './helpers';

const settings: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5
};

const rows = [
	{ key: 'Big', amount: 700 },
	{ key: 'Mid', amount: 150 },
	{ key: 'Small', amount: 100 },
	{ key: 'Tiny', amount: 50 }
];

describe('accountsView', () => {
	it('lists the first class and the key customers in rank order, with class names, values and shares', () => {
		const data = columnsOf(rows);
		const cls = new Analysis(data).classify(settings);
		const view = accountsView(data, cls, settings);
		expect(view.hasManagers).toBe(false);
		// Tiny is neither in class A nor a key customer; Small is a key customer of class B
		expect(view.customers.map((c) => c.key)).toEqual(['Big', 'Mid', 'Small']);
		const [big, mid, small] = view.customers;
		expect(big).toMatchObject({ name: 'Big', classIndex: 0, className: 'A', value: 700, manager: null });
		expect(big.share).toBeCloseTo(0.7);
		expect(mid.classIndex).toBe(0);
		expect(small).toMatchObject({ classIndex: 1, className: 'B', isKey: true, value: 100 });
		// every listed customer is of class 0 or a key customer
		for (const c of view.customers) expect(c.classIndex === 0 || c.isKey).toBe(true);
	});

	it('names each customer’s manager when the data has a manager column', () => {
		const data = columnsOf(rows);
		data.customerManager = new Int32Array([1, -1, 0, 0]);
		data.managers = ['Мария', 'Ion'];
		const view = accountsView(data, new Analysis(data).classify(settings), settings);
		expect(view.hasManagers).toBe(true);
		expect(view.customers.map((c) => [c.key, c.manager])).toEqual([
			['Big', 'Ion'],
			['Mid', null],
			['Small', 'Мария']
		]);
	});

	it('is empty for a classification without customers', () => {
		const data = columnsOf([]);
		const cls = new Analysis(data).classify(settings);
		expect(accountsView(data, cls, settings)).toEqual({ customers: [], hasManagers: false });
	});
});
