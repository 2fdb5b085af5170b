/**
 * Reese's four customer types and the price-raise what-if (README "The rules: Reese's four customer
 * types"), on a dataset whose every number is worked out below.
 */
import { describe, expect, it } from 'vitest';
import { DISCOUNT_CODE } from '../../src/lib/ingest/discounts';
import { DEFAULT_REESE, reeseTypes, type ReeseType } from '../../src/lib/engine/reese';
import { priceRaiseWhatIf } from '../../src/lib/engine/price-whatif';
import { build, day, type DrillRow } from './drill-fixture';

const d0 = day(2025, 3, 1);
let order = 0;
const line = (key: string, amount: number, discount: number, quantity = 1, at = d0): DrillRow => ({
	key,
	amount,
	discount,
	quantity,
	profit: amount / 10,
	order: ++order,
	day: at
});

// customer: lines (paid, discount, quantity) → items, free items, revenue, discounted share, average price
const rows: DrillRow[] = [
	// F: two free lines and one at full price: 2 of 3 items free → freeloader
	line('F', 0, NaN),
	line('F', 0, 0),
	line('F', 100, 0),
	// F2: one line at exactly 70 % off, one at full price: 1 of 2 items "nearly free" (exactly half) → freeloader
	line('F2', 30, 0.7),
	line('F2', 50, 0),
	// L: 60 of 100 bought with 20 % off → discount lover; its return of 40 is left out of the rules
	line('L', 60, 0.2),
	line('L', 40, 0),
	line('L', -40, NaN),
	// L2: 50 of 100 with a promo code (depth unknown): exactly half → discount lover
	line('L2', 50, DISCOUNT_CODE),
	line('L2', 50, 0),
	// S: 100 of 400 discounted (25 %) → seeker
	line('S', 100, 0.1),
	line('S', 300, 0),
	// S2: nothing discounted, but a low average price (10) → seeker
	line('S2', 10, 0),
	line('S2', 10, 0),
	// T: 10 of 100 discounted: exactly 10 %, not under it → seeker
	line('T', 90, 0),
	line('T', 10, 0.05),
	// R: 40 of 940 discounted (4.3 %), 4 items → average price 235 → result-focused
	line('R', 500, 0),
	line('R', 400, 0, 2),
	line('R', 40, 0.1),
	// P: no discount, average price 50 = the cutoff (ties at the cutoff are in the top third) → result-focused
	line('P', 50, 0),
	// U: its line carries no discount information → unknown
	line('U', 200, NaN)
];

describe('Reese types on a hand-worked dataset', () => {
	const data = build(rows);
	const result = reeseTypes(data, { returns: 'net' });
	const typeOf = (key: string) => result.customers.find((c) => data.customerKeys[c.customer] === key)!;

	it('gives each customer the type its lines say', () => {
		const expected: Record<string, ReeseType> = {
			F: 'freeloader',
			F2: 'freeloader',
			L: 'discountLover',
			L2: 'discountLover',
			S: 'seeker',
			S2: 'seeker',
			T: 'seeker',
			R: 'resultFocused',
			P: 'resultFocused',
			U: 'unknown'
		};
		for (const [key, type] of Object.entries(expected)) expect(typeOf(key).type, key).toBe(type);
	});

	it('the price cutoff is the 3rd of the 9 known customers’ average prices: 235, 200, 50, 50, 50, 40, 33.3, 10, 0…', () => {
		// known: F 33.33, F2 40, L 50, L2 50, S 200, S2 10, T 50, R 235, P 50 → sorted 235, 200, 50 → cutoff 50
		expect(result.priceCutoff).toBe(50);
		expect(typeOf('R').averagePrice).toBe(235);
		expect(typeOf('R').discountedShare).toBeCloseTo(40 / 940, 12);
		expect(typeOf('F').items).toBe(3);
		expect(typeOf('F').freeItems).toBe(2);
	});

	it('sums customers, revenue (net of returns), profit, orders and the mean line discount per type', () => {
		const by = Object.fromEntries(result.types.map((t) => [t.type, t]));
		expect(result.types.map((t) => t.type)).toEqual([
			'freeloader',
			'discountLover',
			'seeker',
			'resultFocused',
			'unknown'
		]);
		expect(by.freeloader).toMatchObject({ customers: 2, revenue: 180, profit: 18, orders: 5 });
		expect(by.discountLover).toMatchObject({ customers: 2, revenue: 160, profit: 16, orders: 4 });
		expect(by.seeker).toMatchObject({ customers: 3, revenue: 520, profit: 52, orders: 6 });
		expect(by.resultFocused).toMatchObject({ customers: 2, revenue: 990, profit: 99, orders: 4 });
		expect(by.unknown).toMatchObject({ customers: 1, revenue: 200, profit: 20, orders: 1 });
		expect(by.resultFocused.revenueShare).toBeCloseTo(990 / 2050, 12);
		expect(by.seeker.profitShare).toBeCloseTo(52 / 205, 12);
		// freeloaders' lines: F 1, 1, 0 (a free line without information counts as 100 %); F2 0.7, 0 → 2.7 / 5
		expect(by.freeloader.averageDiscount).toBeCloseTo(0.54, 12);
		// lovers: L 0.2, 0 (the return is not a purchase); L2's code line has no depth, 0 → 0.2 / 3
		expect(by.discountLover.averageDiscount).toBeCloseTo(0.2 / 3, 12);
		expect(by.unknown.averageDiscount).toBeNaN();
	});

	it('every threshold is a setting: a stricter lover share moves L2 to the seekers, a deeper “nearly free” F2', () => {
		const strict = reeseTypes(data, { returns: 'net' }, { ...DEFAULT_REESE, loverShare: 0.55 });
		const t = (key: string) => strict.customers.find((c) => data.customerKeys[c.customer] === key)!.type;
		expect(t('L')).toBe('discountLover');
		expect(t('L2')).toBe('seeker');
		const deeper = reeseTypes(data, { returns: 'net' }, { ...DEFAULT_REESE, deepDiscount: 0.8 });
		// F2 at 80 %: no item nearly free; 30 of 80 discounted (37.5 %) → seeker
		expect(deeper.customers.find((c) => data.customerKeys[c.customer] === 'F2')!.type).toBe('seeker');
	});

	it('keeps to the period', () => {
		const later = build([...rows, line('LATE', 999, 0, 1, d0 + 40)]);
		const r = reeseTypes(later, { returns: 'net', dateFrom: d0, dateTo: d0 + 10 });
		expect(r.customers.some((c) => later.customerKeys[c.customer] === 'LATE')).toBe(false);
		expect(r.types.reduce((s, t) => s + t.customers, 0)).toBe(10);
	});
});

describe('without discount information', () => {
	it('only free lines speak: a customer with half its items free is a freeloader, the others unknown', () => {
		const data = build([
			{ key: 'Z', amount: 0, quantity: 2 },
			{ key: 'Z', amount: 40, quantity: 2 },
			{ key: 'Y', amount: 0, quantity: 1 },
			{ key: 'Y', amount: 40, quantity: 3 },
			{ key: 'X', amount: 500, quantity: 1 }
		]);
		const r = reeseTypes(data, { returns: 'net' });
		expect(r.hasDiscountData).toBe(false);
		expect(r.customers.map((c) => [data.customerKeys[c.customer], c.type])).toEqual([
			['Z', 'freeloader'],
			['Y', 'unknown'],
			['X', 'unknown']
		]);
	});

	it('a single customer with discount information and no discount is result-focused (it is its own top third)', () => {
		const data = build([{ key: 'A', amount: 10, discount: 0 }]);
		const r = reeseTypes(data, { returns: 'net' });
		expect(r.customers[0].type).toBe('resultFocused');
		expect(r.priceCutoff).toBe(10);
		expect(r.types.find((t) => t.type === 'resultFocused')!.profit).toBeNull();
	});
});

describe('the price-raise what-if', () => {
	const types = reeseTypes(build(rows), { returns: 'net' }).types;

	it('raise 10 %, lose every freeloader and discount lover', () => {
		const r = priceRaiseWhatIf(types, { raise: 0.1, leave: { freeloader: 1, discountLover: 1 } });
		expect(r.before).toEqual({ revenue: 2050, profit: 205, customers: 10, orders: 20 });
		// stay: seekers 520, result-focused 990, unknown 200 = 1 710 → × 1.1
		expect(r.after.revenue).toBeCloseTo(1881, 9);
		// their profit 171 plus the 10 % on 1 710 (costs do not change)
		expect(r.after.profit).toBeCloseTo(342, 9);
		// 3 seekers, 2 result-focused, 1 unknown; their orders 6 + 4 + 1
		expect(r.after.customers).toBe(6);
		expect(r.after.orders).toBe(11);
	});

	it('half the discount lovers leave; nobody else', () => {
		const r = priceRaiseWhatIf(types, { raise: 0.1, leave: { discountLover: 0.5 } });
		expect(r.after.revenue).toBeCloseTo((2050 - 80) * 1.1, 9);
		expect(r.after.customers).toBe(9);
		expect(r.after.orders).toBe(18);
		expect(r.after.profit).toBeCloseTo(205 - 8 + (2050 - 80) * 0.1, 9);
	});

	it('no rise and nobody leaving changes nothing; no profit column gives no profit', () => {
		const same = priceRaiseWhatIf(types, { raise: 0, leave: {} });
		expect(same.after).toEqual(same.before);
		const noProfit = priceRaiseWhatIf(
			types.map((t) => ({ ...t, profit: null, profitShare: null })),
			{ raise: 0.2, leave: { freeloader: 1 } }
		);
		expect(noProfit.before.profit).toBeNull();
		expect(noProfit.after.profit).toBeNull();
	});
});
