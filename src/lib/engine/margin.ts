import { aggregate, type AggregateOptions } from './aggregate';
import { toPpm } from './share';
import type { Classification, SalesColumns } from './types';

/** VIP margin squeeze (README "The rules: Margin squeeze"): top-class customers whose margin lags the company's. */

export interface MarginSettings {
	/** how far below the company margin a customer may fall before it is flagged: 0.10 = 10 percentage points */
	gap: number;
}

export interface MarginRow {
	customer: number;
	/** value units */
	revenue: number;
	/** value units */
	profit: number;
	/** profit / revenue; NaN when revenue <= 0 */
	margin: number;
	/** 1-based among all customers in scope, by revenue desc, ties by key */
	revenueRank: number;
	/** 1-based among all customers in scope, by profit desc, ties by key */
	profitRank: number;
	flagged: boolean;
	reason: 'negative-profit' | 'below-company' | null;
}

export interface MarginResult {
	/** total profit / total revenue over the scope; NaN when total revenue <= 0 */
	companyMargin: number;
	gap: number;
	/** the top class (classIndex 0) of the given classification, in its rank order */
	rows: MarginRow[];
	/** every customer in scope, in revenue-rank order, for the revenue-rank vs profit-rank scatter */
	all: { customer: number; revenueRank: number; profitRank: number; topClass: boolean }[];
}

/**
 * Revenue and profit per customer over the scope of `opts` (date range and returns policy; the
 * metric of `opts` is not used), the company margin, and flags on the top class of `classification`:
 * negative profit first, else a margin below company margin − gap (compared exactly).
 */
export function marginSqueeze(
	data: SalesColumns,
	opts: AggregateOptions,
	classification: Classification,
	s: MarginSettings
): MarginResult {
	if (!data.profit) throw new Error('The dataset has no profit column: the margin squeeze check needs one.');
	if (!(s.gap >= 0) || !Number.isFinite(s.gap)) throw new Error(`Invalid margin gap: ${s.gap}.`);
	const scope = { returns: opts.returns, dateFrom: opts.dateFrom, dateTo: opts.dateTo };
	const rev = aggregate(data, { ...scope, metric: 'revenue' });
	const prof = aggregate(data, { ...scope, metric: 'profit' });

	const customerCount = data.customerKeys.length;
	const revenue = new Float64Array(customerCount);
	const profit = new Float64Array(customerCount);
	const inScope = new Uint8Array(customerCount);
	let R = 0n;
	let P = 0n;
	for (let i = 0; i < rev.customers.length; i++) {
		revenue[rev.customers[i]] = rev.totals[i];
		inScope[rev.customers[i]] = 1;
		R += BigInt(Math.round(rev.totals[i]));
	}
	for (let i = 0; i < prof.customers.length; i++) {
		profit[prof.customers[i]] = prof.totals[i];
		inScope[prof.customers[i]] = 1;
		P += BigInt(Math.round(prof.totals[i]));
	}

	const top = new Uint8Array(customerCount);
	const topOrder: number[] = [];
	for (let r = 0; r < classification.rankOrder.length; r++) {
		if (classification.classIndex[r] !== 0) continue;
		top[classification.rankOrder[r]] = 1;
		topOrder.push(classification.rankOrder[r]);
	}

	// customers ranked: those in scope, plus any top-class customer of the classification that is
	// not (a classification over another scope), with zero revenue and profit
	const pool: number[] = [];
	for (let c = 0; c < customerCount; c++) if (inScope[c] || top[c]) pool.push(c);
	const keys = data.customerKeys;
	const rankBy = (v: Float64Array): Int32Array => {
		const sorted = pool.slice().sort((a, b) => v[b] - v[a] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
		const rank = new Int32Array(customerCount);
		sorted.forEach((c, i) => (rank[c] = i + 1));
		return rank;
	};
	const revenueRank = rankBy(revenue);
	const profitRank = rankBy(profit);

	const revUnit = 10 ** data.amountScale;
	const profUnit = 10 ** data.profitScale;
	const revPow = 10n ** BigInt(data.amountScale);
	const profPow = 10n ** BigInt(data.profitScale);
	// one division of exact integers where they fit, so 300/1000 gives exactly 0.3
	const companyMargin = R > 0n ? Number(P * revPow) / Number(R * profPow) : NaN;
	const gapPpm = BigInt(toPpm(s.gap));

	/**
	 * margin < companyMargin − gap, exactly. With margin = p·10^as / (r·10^ps) and the company's
	 * likewise, multiply by r·R·10^ps·10^6 (> 0): p·R·10^as·10^6 < P·r·10^as·10^6 − gap_ppm·r·R·10^ps.
	 */
	const belowCompany = (p: number, r: number): boolean => {
		if (!(r > 0) || R <= 0n) return false;
		const pb = BigInt(Math.round(p));
		const rb = BigInt(Math.round(r));
		const lhs = pb * R * revPow * 1_000_000n;
		const rhs = P * rb * revPow * 1_000_000n - gapPpm * rb * R * profPow;
		return lhs < rhs;
	};

	const rows: MarginRow[] = topOrder.map((c) => {
		const r = revenue[c];
		const p = profit[c];
		const reason = p < 0 ? 'negative-profit' : belowCompany(p, r) ? 'below-company' : null;
		return {
			customer: c,
			revenue: r / revUnit,
			profit: p / profUnit,
			margin: r > 0 ? (p * revUnit) / (r * profUnit) : NaN,
			revenueRank: revenueRank[c],
			profitRank: profitRank[c],
			flagged: reason !== null,
			reason
		};
	});

	const all = pool
		.map((c) => ({ customer: c, revenueRank: revenueRank[c], profitRank: profitRank[c], topClass: top[c] === 1 }))
		.sort((a, b) => a.revenueRank - b.revenueRank);

	return { companyMargin, gap: s.gap, rows, all };
}
