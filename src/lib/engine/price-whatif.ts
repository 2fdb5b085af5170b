/**
 * The price-raise what-if (README "The rules: Reese's four customer types", the what-if): raise
 * prices by X %, lose a share of some customer types, and see revenue, profit, customers and orders
 * before and after. Pure: no DOM, no storage.
 */
import type { ReeseType, ReeseTypeRow } from './reese';

export interface PriceRaise {
	/** the price rise as a fraction (0.1 = +10 %), ≥ −1 */
	raise: number;
	/** per type: the share 0..1 of its customers (and of their revenue, profit and orders) that leaves */
	leave: Partial<Record<ReeseType, number>>;
}

/** The article's advice: raise prices and lose the freeloaders and discount lovers. */
export const DEFAULT_PRICE_RAISE: PriceRaise = { raise: 0.1, leave: { freeloader: 1, discountLover: 1 } };

export interface WhatIfFigures {
	/** value units */
	revenue: number;
	/** value units; null without a profit column */
	profit: number | null;
	/** may be fractional after: a share of a type leaves */
	customers: number;
	orders: number;
}

export interface WhatIfResult {
	before: WhatIfFigures;
	after: WhatIfFigures;
}

/**
 * Figures before and after the rise. Those who stay buy as before at the new prices: their revenue
 * grows by `raise`, and so does their profit by the same money (costs do not change); those who
 * leave take their revenue, profit and orders with them.
 * `types`: the rows of `reeseTypes`; a type missing from `leave` stays whole.
 */
export function priceRaiseWhatIf(types: readonly ReeseTypeRow[], input: PriceRaise): WhatIfResult {
	const hasProfit = types.some((t) => t.profit !== null);
	const before: WhatIfFigures = { revenue: 0, profit: hasProfit ? 0 : null, customers: 0, orders: 0 };
	const after: WhatIfFigures = { revenue: 0, profit: hasProfit ? 0 : null, customers: 0, orders: 0 };
	for (const t of types) {
		const stay = 1 - Math.min(1, Math.max(0, input.leave[t.type] ?? 0));
		before.revenue += t.revenue;
		before.customers += t.customers;
		before.orders += t.orders;
		after.revenue += stay * t.revenue * (1 + input.raise);
		after.customers += stay * t.customers;
		after.orders += stay * t.orders;
		if (hasProfit) {
			before.profit! += t.profit ?? 0;
			after.profit! += stay * ((t.profit ?? 0) + t.revenue * input.raise);
		}
	}
	return { before, after };
}
