import { describe, expect, it } from 'vitest';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { columnsOf } from './helpers';

const s: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5
};

function conc(amounts: number[]) {
	const data = columnsOf(amounts.map((a, i) => ({ key: `c${String(i).padStart(3, '0')}`, amount: a })));
	return classify(aggregate(data, s), data.customerKeys, s).concentration;
}

describe('concentration figures (README "The rules: Concentration")', () => {
	it('tiny.csv: top shares, key customers, Gini and HHI worked by hand', () => {
		const c = conc([500, 250, 150, 60, 40]);
		expect(c.top1Share).toBe(0.5);
		expect(c.top5Share).toBe(1);
		// top 20 % of 5 customers = 1 customer
		expect(c.top20PctShare).toBe(0.5);
		expect(c.keyCustomers).toBe(3);
		// HHI = 50² + 25² + 15² + 6² + 4² = 2500 + 625 + 225 + 36 + 16
		expect(c.hhi).toBeCloseTo(3402, 9);
		// Gini: ascending 40,60,150,250,500; Σ i·x = 40+120+450+1000+2500 = 4110;
		// G = 2·4110/(5·1000) − 6/5 = 1.644 − 1.2 = 0.444
		expect(c.gini).toBeCloseTo(0.444, 12);
	});

	it('equal customers: Gini 0, HHI 10000/n, no mono-client', () => {
		const c = conc([10, 10, 10, 10]);
		expect(c.gini).toBeCloseTo(0, 12);
		expect(c.hhi).toBeCloseTo(2500, 9);
		expect(c.monoClient).toBe(false);
		// 80 % needs 4 customers: before(4th) = 75 % < 80 %
		expect(c.customersFor80).toBe(4);
	});

	it('mono-client warning at exactly 50 %', () => {
		expect(conc([50, 30, 20]).monoClient).toBe(true);
		expect(conc([49, 31, 20]).monoClient).toBe(false);
	});

	it('top 20 % rounds the customer count up', () => {
		// 6 customers → ceil(1.2) = 2
		const c = conc([40, 20, 10, 10, 10, 10]);
		expect(c.top20PctShare).toBeCloseTo(0.6, 12);
	});
});
