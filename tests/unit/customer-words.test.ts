/**
 * The "why" sentences of the customer page and the customer table (src/lib/components/customer-words.ts,
 * README "Dimensions and filters"): the cumulative share before a customer compared with its class's
 * bound and the bound of the class above, by value and by count, in English and Russian.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { quarterName, rowWhy, whyText } from '../../src/lib/components/customer-words';
import type { ClassWhy } from '../../src/lib/engine/drill-types';
import { i18n } from '../../src/lib/i18n/index.svelte';

const classes = [
	{ name: 'A', upTo: 0.8 },
	{ name: 'B', upTo: 0.95 },
	{ name: 'C', upTo: 1 }
];
const why = (basis: ClassWhy['basis'], before: number, upTo: number, previousUpTo: number | null): ClassWhy => ({
	basis,
	before,
	upTo,
	previousUpTo,
	nonPositive: false
});
/** the no-break space Intl puts before "%" in Russian */
const nb = '\u00a0';

describe('whyText', () => {
	afterEach(() => i18n.set('en'));

	it('English, by value: first, middle and last class', () => {
		i18n.set('en');
		expect(whyText(why('value', 0.713, 0.8, null), classes, 0, 'revenue')).toBe(
			'A: the customers ranked above it account for 71.3%, under the A bound of 80%.'
		);
		expect(whyText(why('value', 0.832, 0.95, 0.8), classes, 1, 'revenue')).toBe(
			'B: the customers ranked above it account for 83.2%: the A bound (80%) is reached, the B bound (95%) is not.'
		);
		expect(whyText(why('value', 0.9634, 1, 0.95), classes, 2, 'revenue')).toBe(
			'C: the customers ranked above it account for 96.3%, past the B bound of 95%.'
		);
	});

	it('English, by count: first and middle class', () => {
		i18n.set('en');
		expect(whyText(why('count', 0.1, 0.2, null), classes, 0, 'units')).toBe(
			'A: 10.0% of the customers rank above it, under the A bound of 20% of customers.'
		);
		expect(whyText(why('count', 0.25, 0.5, 0.2), classes, 1, 'units')).toBe(
			'B: 25.0% of the customers rank above it: the A bound (20%) is reached, the B bound (50%) is not.'
		);
	});

	it('English: a total of zero or less puts the customer in the lowest class whatever the shares', () => {
		i18n.set('en');
		expect(whyText({ ...why('value', 0.999, 1, 0.95), nonPositive: true }, classes, 2, 'profit')).toBe(
			'C: its total is zero or negative, so it is in the lowest class.'
		);
	});

	it('names custom classes as they are called', () => {
		i18n.set('en');
		const custom = [
			{ name: 'Gold', upTo: 0.5 },
			{ name: 'Silver', upTo: 0.9 },
			{ name: 'Bronze', upTo: 1 }
		];
		expect(whyText(why('value', 0.6, 0.9, 0.5), custom, 1, 'revenue')).toBe(
			'Silver: the customers ranked above it account for 60.0%: the Gold bound (50%) is reached, the Silver bound (90%) is not.'
		);
	});

	it('Russian, by value: first, middle and last class', () => {
		i18n.set('ru');
		expect(whyText(why('value', 0.713, 0.8, null), classes, 0, 'revenue')).toBe(
			`A: у клиентов выше в рейтинге в сумме 71,3${nb}% — это меньше границы класса A (80${nb}%).`
		);
		expect(whyText(why('value', 0.832, 0.95, 0.8), classes, 1, 'revenue')).toBe(
			`B: у клиентов выше в рейтинге в сумме 83,2${nb}% — граница класса A (80${nb}%) уже пройдена, а граница B (95${nb}%) ещё нет.`
		);
		expect(whyText(why('value', 0.9634, 1, 0.95), classes, 2, 'revenue')).toBe(
			`C: у клиентов выше в рейтинге в сумме 96,3${nb}% — граница класса B (95${nb}%) уже пройдена.`
		);
	});

	it('Russian, by count (first and middle class) and a non-positive total', () => {
		i18n.set('ru');
		expect(whyText(why('count', 0.1, 0.2, null), classes, 0, 'units')).toBe(
			`A: выше по рейтингу 10,0${nb}% клиентов — меньше границы класса A (20${nb}% клиентов).`
		);
		expect(whyText(why('count', 0.25, 0.5, 0.2), classes, 1, 'units')).toBe(
			`B: выше по рейтингу 25,0${nb}% клиентов — граница класса A (20${nb}%) пройдена, граница B (50${nb}%) ещё нет.`
		);
		expect(whyText({ ...why('value', 0.999, 1, 0.95), nonPositive: true }, classes, 2, 'profit')).toBe(
			'C: итог клиента нулевой или отрицательный, поэтому он в последнем классе.'
		);
	});
});

describe('rowWhy', () => {
	afterEach(() => i18n.set('en'));

	it('by value: the cumulative share before the row is its cumulative share less its own', () => {
		const w = rowWhy({ rank: 3, value: 50, share: 0.05, cumShare: 0.864, classIndex: 1 }, classes, 'value', 10);
		expect(w.basis).toBe('value');
		expect(w.before).toBeCloseTo(0.814, 12);
		expect(w.upTo).toBe(0.95);
		expect(w.previousUpTo).toBe(0.8);
		expect(w.nonPositive).toBe(false);
	});

	it('the first class has no bound above; rounding noise below zero becomes 0', () => {
		// 0.3 − (0.1 + 0.2) is −5.6e-17 in floating point
		const w = rowWhy({ rank: 1, value: 30, share: 0.1 + 0.2, cumShare: 0.3, classIndex: 0 }, classes, 'value', 10);
		expect(w).toEqual({ basis: 'value', before: 0, upTo: 0.8, previousUpTo: null, nonPositive: false });
	});

	it('by count: the share of customers ranked above; 0 without customers', () => {
		expect(rowWhy({ rank: 4, value: 10, share: 0.1, cumShare: 0.9, classIndex: 1 }, classes, 'count', 10)).toEqual({
			basis: 'count',
			before: 0.3,
			upTo: 0.95,
			previousUpTo: 0.8,
			nonPositive: false
		});
		expect(rowWhy({ rank: 4, value: 10, share: 0.1, cumShare: 0.9, classIndex: 0 }, classes, 'count', 0).before).toBe(
			0
		);
	});

	it('a total of zero or less is non-positive; an unknown class has the bound 1', () => {
		expect(rowWhy({ rank: 9, value: 0, share: 0, cumShare: 1, classIndex: 2 }, classes, 'value', 10).nonPositive).toBe(
			true
		);
		expect(
			rowWhy({ rank: 10, value: -5, share: -0.01, cumShare: 1, classIndex: 2 }, classes, 'value', 10).nonPositive
		).toBe(true);
		expect(rowWhy({ rank: 10, value: 5, share: 0.01, cumShare: 1, classIndex: 7 }, classes, 'value', 10)).toEqual({
			basis: 'value',
			before: 0.99,
			upTo: 1,
			previousUpTo: null,
			nonPositive: false
		});
	});

	it('feeds whyText: a table row explains itself in the sentence of the customer page', () => {
		i18n.set('en');
		const row = { rank: 3, value: 50, share: 0.05, cumShare: 0.864, classIndex: 1 };
		expect(whyText(rowWhy(row, classes, 'value', 10), classes, 1, 'revenue')).toBe(
			'B: the customers ranked above it account for 81.4%: the A bound (80%) is reached, the B bound (95%) is not.'
		);
		i18n.set('ru');
		expect(whyText(rowWhy(row, classes, 'count', 10), classes, 1, 'revenue')).toBe(
			`B: выше по рейтингу 20,0${nb}% клиентов — граница класса A (80${nb}%) пройдена, граница B (95${nb}%) ещё нет.`
		);
	});
});

describe('quarterName', () => {
	afterEach(() => i18n.set('en'));

	it('names a calendar quarter by its first day', () => {
		i18n.set('en');
		expect(['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01'].map((d) => quarterName(d))).toEqual([
			'Q1 2025',
			'Q2 2025',
			'Q3 2025',
			'Q4 2025'
		]);
		i18n.set('ru');
		expect(quarterName('2024-10-01')).toBe('4-й квартал 2024 г.');
	});
});
