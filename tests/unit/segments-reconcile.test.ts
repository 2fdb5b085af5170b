import { describe, expect, it } from 'vitest';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import { dashboardView } from '../../src/lib/engine/dashboard';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { columnsOf } from './helpers';

const settings: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5
};

function run(rows: { key: string; amount: number }[], scale = 0) {
	const data = columnsOf(rows, scale);
	const c = classify(aggregate(data, settings), data.customerKeys, settings);
	return { data, c };
}

/**
 * Hand-worked (README "Choices where the specification is silent: Segment totals"):
 * net totals big 500, mid 300, small 150, tail 50, even 80 − 80 = 0, ret 100 − 130 = −30.
 * Share base = 500 + 300 + 150 + 50 = 1000; net = 1000 + 0 − 30 = 970.
 * Before: big 0 → A, mid 0.5 → A, small 0.8 → B, tail 0.95 → C; even and ret are C per customer.
 */
const ROWS = [
	{ key: 'big', amount: 500 },
	{ key: 'mid', amount: 300 },
	{ key: 'small', amount: 150 },
	{ key: 'tail', amount: 50 },
	{ key: 'even', amount: 80 },
	{ key: 'even', amount: -80 },
	{ key: 'ret', amount: 100 },
	{ key: 'ret', amount: -130 }
];

describe('segment totals reconcile (issue 13)', () => {
	it('keeps customers with a total ≤ 0 in the lowest class per customer', () => {
		const { data, c } = run(ROWS);
		expect(Array.from(c.rankOrder, (i) => data.customerKeys[i])).toEqual([
			'big',
			'mid',
			'small',
			'tail',
			'even',
			'ret'
		]);
		expect(Array.from(c.classIndex)).toEqual([0, 0, 1, 2, 2, 2]);
	});

	it('class rows count and sum only positive totals; their sums make the share base and their shares 100 %', () => {
		const { c } = run(ROWS);
		expect(c.total).toBe(1000);
		expect(c.segments.map((s) => [s.name, s.customers, s.value, s.average])).toEqual([
			['A', 2, 800, 400],
			['B', 1, 150, 150],
			['C', 1, 50, 50]
		]);
		expect(c.segments.map((s) => s.valueShare)).toEqual([0.8, 0.15, 0.05]);
		expect(c.segments.reduce((s, r) => s + r.value, 0)).toBe(c.total);
		expect(c.segments.reduce((s, r) => s + r.valueShare, 0)).toBeCloseTo(1, 12);
	});

	it('puts the customers with a total ≤ 0 in their own figure: count, sum, share of the base, average', () => {
		const { c } = run(ROWS);
		expect(c.nonPositive).toEqual({
			customers: 2,
			customerShare: 2 / 6,
			value: -30,
			valueShare: -0.03,
			average: -15
		});
	});

	it('the net total is what the books show: every customer, = base + the non-positive sum', () => {
		const { c } = run(ROWS);
		// 500 + 300 + 150 + 50 + 80 − 80 + 100 − 130
		expect(c.netTotal).toBe(970);
		expect(c.total + c.nonPositive.value).toBe(c.netTotal);
	});

	it('customer shares are of all customers: classes + the non-positive row = every customer, 100 %', () => {
		const { c } = run(ROWS);
		expect(c.segments.map((s) => s.customerShare)).toEqual([2 / 6, 1 / 6, 1 / 6]);
		expect(c.segments.reduce((s, r) => s + r.customers, 0) + c.nonPositive.customers).toBe(6);
		expect(c.segments.reduce((s, r) => s + r.customerShare, 0) + c.nonPositive.customerShare).toBeCloseTo(1, 12);
	});

	it('without totals ≤ 0 the non-positive figure is empty and net equals the base', () => {
		const { c } = run(ROWS.filter((r) => r.key !== 'even' && r.key !== 'ret'));
		expect(c.nonPositive).toEqual({ customers: 0, customerShare: 0, value: 0, valueShare: 0, average: 0 });
		expect(c.netTotal).toBe(c.total);
		expect(c.netTotal).toBe(1000);
	});

	it('a customer with exactly zero is in the non-positive row with a zero sum', () => {
		const { c } = run([
			{ key: 'a', amount: 70 },
			{ key: 'z', amount: 10 },
			{ key: 'z', amount: -10 }
		]);
		expect(c.nonPositive).toMatchObject({ customers: 1, value: 0, valueShare: 0 });
		expect(c.segments.map((s) => s.customers)).toEqual([1, 0, 0]);
		expect(c.netTotal).toBe(70);
	});

	it('only returns: no base, every customer in the non-positive row, the net is their sum', () => {
		const { c } = run([
			{ key: 'a', amount: -5 },
			{ key: 'b', amount: -15 }
		]);
		expect(c.total).toBe(0);
		expect(c.netTotal).toBe(-20);
		expect(c.segments.every((s) => s.customers === 0 && s.value === 0 && s.valueShare === 0)).toBe(true);
		expect(c.nonPositive).toEqual({ customers: 2, customerShare: 1, value: -20, valueShare: 0, average: -10 });
	});

	it('sums exactly in minor units: 0.70 + 0.20 + 0.10 is 1, 0.10 + 0.10 is 0.2 (no float drift)', () => {
		// amounts in cents (scale 2): 0.70, 0.20, 0.10 × 3 and a customer at −0.25
		const { c } = run(
			[
				{ key: 'a', amount: 70 },
				{ key: 'b', amount: 20 },
				{ key: 'c', amount: 10 },
				{ key: 'd', amount: 10 },
				{ key: 'e', amount: 10 },
				{ key: 'r', amount: -25 }
			],
			2
		);
		// base 1.20; before: a 0, b 0.70/1.20 = 0.583 → A; c 0.90/1.20 = 0.75 → A; d 1.00/1.20 = 0.833 → B;
		// e 1.10/1.20 = 0.917 → B
		expect(c.total).toBe(1.2);
		expect(c.segments.map((s) => [s.customers, s.value])).toEqual([
			[3, 1],
			[2, 0.2],
			[0, 0]
		]);
		expect(c.nonPositive.value).toBe(-0.25);
		expect(c.netTotal).toBe(0.95);
	});

	it('the dashboard view carries the base, the net total and the non-positive row', () => {
		const { data, c } = run(ROWS);
		const v = dashboardView(data, c);
		expect(v.total).toBe(1000);
		expect(v.netTotal).toBe(970);
		expect(v.customerCount).toBe(6);
		expect(v.nonPositive).toEqual(c.nonPositive);
		expect(v.segments).toEqual(c.segments);
	});
});
