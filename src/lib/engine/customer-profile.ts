/**
 * The customer page (README "Dimensions and filters"): one customer under the open settings: its
 * rank and class and why, its class quarter by quarter, its months with the VIP ones, XYZ, recency,
 * margin, and its rows. The data passed is already filtered by the caller (`filterRows` with the
 * filter bar's filter): nothing here filters rows by manager or dimension.
 */
import { formatDay, monthLabel, NO_DAY } from '../core/calendar';
import { isReturnRow } from './aggregate';
import type { Analysis } from './dashboard';
import type { ClassWhy, CustomerProfile, CustomerRowsPage } from './drill-types';
import { quarterPeriod, quarterStart } from './migration';
import { monthlyTotals, type MonthlyTotals } from './monthly';
import { recencyStatus, type RecencySettings } from './recency';
import { compareShare, toPpm } from './share';
import type { Classification, ClassifySettings, CustomerTotals, SalesColumns } from './types';
import { topCount, type VipSettings } from './vip';
import { classifyXyz, type XyzResult, type XyzSettings } from './xyz';

/** The most quarters `CustomerProfile.history` lists (the latest ones). */
export const HISTORY_QUARTERS = 12;

/**
 * Why the customer at rank `rank0` (0-based) of `c` is in its class (README "The rules: Classes by
 * cumulative share", "Presets and classes by count"): its class is the first whose upper bound
 * exceeds `before`, the cumulative share of the customers ranked above it (value basis) or their
 * share of all customers (count basis, rank0 / customers); so `previousUpTo ≤ before < upTo`, except
 * for a customer whose total is ≤ 0 (`nonPositive`): it is in the lowest class whatever the shares.
 * Throws when rank0 is outside the classification.
 */
export function classWhy(c: Classification, rank0: number): ClassWhy {
	const n = c.rankOrder.length;
	if (!Number.isInteger(rank0) || rank0 < 0 || rank0 >= n) throw new Error(`No customer at rank ${rank0 + 1}.`);
	const basis = c.settings.basis === 'count' ? 'count' : 'value';
	const k = c.classIndex[rank0];
	return {
		basis,
		before: basis === 'count' ? rank0 / n : rank0 > 0 ? c.cumShare[rank0 - 1] : 0,
		upTo: c.settings.classes[k].upTo,
		previousUpTo: k > 0 ? c.settings.classes[k - 1].upTo : null,
		nonPositive: !(c.value[rank0] > 0 && c.total > 0)
	};
}

/**
 * The class and value of customer `customer` in `classify(totals, keys, s)`, without ranking every
 * customer: the same rule (README "The rules: Classes by cumulative share") from the sums of the
 * customers ranked above it (higher total, or equal total and smaller key). Null when the customer
 * has no row in scope. Exact while the totals are (integers below 2^53).
 */
export function classOfCustomer(
	totals: CustomerTotals,
	keys: readonly string[],
	s: ClassifySettings,
	customer: number
): { classIndex: number; value: number } | null {
	const n = totals.customers.length;
	let i = -1;
	for (let j = 0; j < n; j++) {
		if (totals.customers[j] === customer) {
			i = j;
			break;
		}
	}
	if (i < 0) return null;
	const t = totals.totals;
	const v = t[i];
	const key = keys[customer];
	let T = 0;
	let above = 0;
	let countAbove = 0;
	for (let j = 0; j < n; j++) {
		const tj = t[j];
		if (tj > 0) T += tj;
		if (j !== i && (tj > v || (tj === v && keys[totals.customers[j]] < key))) {
			countAbove++;
			if (tj > 0) above += tj;
		}
	}
	const lowest = s.classes.length - 1;
	let k = lowest;
	if (v > 0 && T > 0) {
		for (let b = 0; b < lowest; b++) {
			const ppm = toPpm(s.classes[b].upTo);
			const cmp = s.basis === 'count' ? compareShare(countAbove, n, ppm) : compareShare(above, T, ppm);
			if (cmp < 0) {
				k = b;
				break;
			}
		}
	}
	return { classIndex: k, value: v / 10 ** totals.scale };
}

/**
 * The months in which customer slot `i` of `m` was one of the month's VIP (README "The rules:
 * VIP", as `classifyVip` finds them): among the month's paying customers (value > 0) ranked by the
 * month's value then key, the top `vipShare` by count (rounded up, at least one). Counted, not sorted.
 */
export function vipMonthsOf(m: MonthlyTotals, keys: readonly string[], vipShare: number, i: number): boolean[] {
	const M = m.months.length;
	const key = keys[m.customers[i]];
	const mine = m.values.subarray(i * M, i * M + M);
	const payers = new Float64Array(M);
	const above = new Float64Array(M);
	// customer-major, so the month values are read in memory order
	for (let j = 0; j < m.customers.length; j++) {
		const row = j * M;
		for (let col = 0; col < M; col++) {
			const w = m.values[row + col];
			if (!(w > 0)) continue;
			payers[col]++;
			const v = mine[col];
			if (j !== i && (w > v || (w === v && keys[m.customers[j]] < key))) above[col]++;
		}
	}
	return Array.from(mine, (v, col) => v > 0 && above[col] < topCount(vipShare, payers[col], true));
}

/** Position of customer index `c` in `customers`, -1 when absent. */
function slotOf(customers: Int32Array, c: number): number {
	for (let i = 0; i < customers.length; i++) if (customers[i] === c) return i;
	return -1;
}

/** The customer's total in `t`, exact in minor units (0 when out of scope). */
function totalIn(t: CustomerTotals, c: number): number {
	const i = slotOf(t.customers, c);
	return i < 0 ? 0 : t.totals[i];
}

/** The rows of customer `c` in scope (period, returns policy as in `aggregate`), ascending. */
function customerRowIndices(data: SalesColumns, s: ClassifySettings, c: number): number[] {
	const date = data.date;
	const ranged = date !== undefined && (s.dateFrom !== undefined || s.dateTo !== undefined);
	const from = s.dateFrom ?? -Infinity;
	const to = s.dateTo ?? Infinity;
	const out: number[] = [];
	for (let r = 0; r < data.rowCount; r++) {
		if (data.customer[r] !== c) continue;
		if (ranged) {
			const d = date![r];
			if (d === NO_DAY || d < from || d > to) continue;
		}
		if (s.returns === 'ignore' && isReturnRow(data, r)) continue;
		out.push(r);
	}
	return out;
}

/**
 * The customer's class in each calendar quarter with data in scope (a month of `m` with a row),
 * the latest `HISTORY_QUARTERS`, oldest first. Each quarter is classified with `s` and the quarter
 * as its period, clipped to the period of `s` (a quarter the period cuts counts only its part);
 * totals come from `analysis` (cached). classIndex null when the customer has no row that quarter.
 */
function quarterHistory(
	analysis: Analysis,
	s: ClassifySettings,
	m: MonthlyTotals,
	c: number
): CustomerProfile['history'] {
	const M = m.months.length;
	const hasRows = new Uint8Array(M);
	for (let j = 0; j < m.customers.length; j++) for (let col = 0; col < M; col++) hasRows[col] |= m.active[j * M + col];
	const quarters: number[] = [];
	for (let col = 0; col < M; col++) {
		if (!hasRows[col]) continue;
		const q = quarterStart(m.months[col]);
		if (quarters[quarters.length - 1] !== q) quarters.push(q);
	}
	return quarters.slice(-HISTORY_QUARTERS).map((q) => {
		const p = quarterPeriod(q);
		const from = Math.max(p.from, s.dateFrom ?? -Infinity);
		const to = Math.min(p.to, s.dateTo ?? Infinity);
		const qs: ClassifySettings = { ...s, dateFrom: from, dateTo: to };
		const hit = classOfCustomer(analysis.totals(qs), analysis.data.customerKeys, qs, c);
		return {
			quarter: `${Math.floor(q / 12)}-Q${Math.floor((q % 12) / 3) + 1}`,
			from: formatDay(from),
			to: formatDay(to),
			classIndex: hit ? hit.classIndex : null,
			value: hit ? hit.value : 0
		};
	});
}

/**
 * Everything the customer page shows for the customer with key `customerKey` under `settings`
 * (README "Dimensions and filters"); null when the key is not in the dataset. `analysis` is over
 * the already filtered data. A customer of the dataset with no row in scope gets rank null, value 0
 * and no class.
 * - rank, value (value units), share and cumulative share (fractions of the share base), class,
 *   key-customer flag, `why` (`classWhy`) and the neighbours by rank: from `analysis.classify(settings)`.
 * - history: `quarterHistory`; a quarter in which the customer only has returns puts it in the
 *   lowest class with its (≤ 0) value, as the quarter's classification does.
 * - months: the customer's metric per calendar month of the scope (`monthlyTotals`), each flagged
 *   when it was one of that month's VIP under `opts.vip` (`vipMonthsOf`); empty without dates.
 * - xyz: from `classifyXyz` over the whole classification (auto thresholds need every customer);
 *   null without a date column; letter and cv null when the customer is not classified, cv null
 *   when not measurable.
 * - recency: the last purchase (a dated row that is not a return) against the scope's reference day
 *   (the last dated day in scope) with `recencyStatus`; null when it has no dated purchase in scope.
 * - margin: with a profit column, revenue and profit (value units) over the period and returns
 *   policy of `settings`, and profit ÷ revenue (NaN when revenue ≤ 0).
 * - rowCount: the customer's rows in scope.
 * `opts.classification` (`analysis.classify(settings)`), `opts.monthly` (`monthlyTotals(data,
 * settings)`) and `opts.xyzResult` (`classifyXyz` of that classification under `opts.xyz`, with
 * those monthly totals) may be passed when the caller has them cached: over a large dataset they
 * are most of the cost (ranking every customer, the month-by-customer table, the CVs).
 */
export function customerProfile(
	analysis: Analysis,
	settings: ClassifySettings,
	customerKey: string,
	opts: {
		vip: VipSettings;
		xyz: XyzSettings;
		recency: RecencySettings;
		classification?: Classification;
		monthly?: MonthlyTotals;
		xyzResult?: XyzResult;
	}
): CustomerProfile | null {
	const data = analysis.data;
	const c = data.customerKeys.indexOf(customerKey);
	if (c < 0) return null;
	const cls = opts.classification ?? analysis.classify(settings);
	const n = cls.rankOrder.length;
	const r0 = slotOf(cls.rankOrder, c);
	const ranked = r0 >= 0;
	const neighbour = (r: number) =>
		r >= 0 && r < n ? { key: data.customerKeys[cls.rankOrder[r]], name: data.customerNames[cls.rankOrder[r]] } : null;
	const managerIndex = data.customerManager ? data.customerManager[c] : -1;

	const m = opts.monthly ?? monthlyTotals(data, settings);
	const i = slotOf(m.customers, c);
	const M = m.months.length;
	const unit = 10 ** m.scale;
	const vip = i >= 0 ? vipMonthsOf(m, data.customerKeys, opts.vip.vipShare, i) : null;
	const months = m.months.map((month, col) => ({
		month: monthLabel(month),
		value: i >= 0 ? m.values[i * M + col] / unit : 0,
		vip: vip ? vip[col] : false
	}));

	let xyz: CustomerProfile['xyz'] = null;
	if (data.date) {
		if (ranked && M > 0) {
			const x = opts.xyzResult ?? classifyXyz(data, settings, cls, opts.xyz, m);
			const cv = x.cv.get(c);
			xyz = {
				letter: x.xyz.get(c) ?? null,
				cv: cv !== undefined && Number.isFinite(cv) ? cv : null,
				xMax: x.thresholds.xMax,
				yMax: x.thresholds.yMax
			};
		} else xyz = { letter: null, cv: null };
	}

	let recency: CustomerProfile['recency'] = null;
	if (i >= 0 && m.lastPurchase[i] !== NO_DAY) {
		const daysSince = m.referenceDay - m.lastPurchase[i];
		recency = {
			lastPurchase: formatDay(m.lastPurchase[i]),
			daysSince,
			status: recencyStatus(daysSince, opts.recency)
		};
	}

	let margin: CustomerProfile['margin'] = null;
	if (data.profit) {
		const revUnit = 10 ** data.amountScale;
		const profUnit = 10 ** data.profitScale;
		const rev = totalIn(analysis.totals({ ...settings, metric: 'revenue' }), c);
		const prof = totalIn(analysis.totals({ ...settings, metric: 'profit' }), c);
		// one division of the exact integers, as margin.ts does
		margin = {
			revenue: rev / revUnit,
			profit: prof / profUnit,
			margin: rev > 0 ? (prof * revUnit) / (rev * profUnit) : NaN
		};
	}

	return {
		key: customerKey,
		name: data.customerNames[c],
		manager: managerIndex >= 0 && data.managers ? data.managers[managerIndex] : null,
		rank: ranked ? r0 + 1 : null,
		of: n,
		value: ranked ? cls.value[r0] : 0,
		share: ranked ? cls.share[r0] : 0,
		cumShare: ranked ? cls.cumShare[r0] : 0,
		classIndex: ranked ? cls.classIndex[r0] : null,
		isKey: ranked && cls.isKeyCustomer[r0] === 1,
		why: ranked ? classWhy(cls, r0) : null,
		previous: ranked ? neighbour(r0 - 1) : null,
		next: ranked ? neighbour(r0 + 1) : null,
		history: M > 0 ? quarterHistory(analysis, settings, m, c) : [],
		months,
		xyz,
		recency,
		margin,
		rowCount: customerRowIndices(data, settings, c).length
	};
}

/**
 * One page of the rows of the customer with key `customerKey` in scope of `settings` (period and
 * returns policy, as `aggregate` counts them), newest first: by date descending, rows without a
 * date last (they are in scope only without a period), file order among equal dates. Amount,
 * quantity and profit in value units (null for a column the dataset lacks), dates ISO, and the
 * row's value in each dimension ('' = empty). An unknown key gives an empty page; `offset` and
 * `limit` are clamped to the rows there are.
 */
export function customerRows(
	data: SalesColumns,
	settings: ClassifySettings,
	customerKey: string,
	offset: number,
	limit: number
): CustomerRowsPage {
	const dims = data.dimensions ?? [];
	const c = data.customerKeys.indexOf(customerKey);
	const rows = c < 0 ? [] : customerRowIndices(data, settings, c);
	const date = data.date;
	if (date) rows.sort((a, b) => date[b] - date[a] || a - b);
	const start = Math.max(0, Math.min(Math.floor(offset) || 0, rows.length));
	const end = Math.max(start, Math.min(start + Math.max(0, Math.floor(limit) || 0), rows.length));
	const amountUnit = 10 ** data.amountScale;
	const quantityUnit = 10 ** data.quantityScale;
	const profitUnit = 10 ** data.profitScale;
	return {
		dimensions: dims.map((d) => d.name),
		total: rows.length,
		offset: start,
		rows: rows.slice(start, end).map((r) => ({
			date: date && date[r] !== NO_DAY ? formatDay(date[r]) : null,
			amount: data.amount[r] / amountUnit,
			quantity: data.quantity ? data.quantity[r] / quantityUnit : null,
			profit: data.profit ? data.profit[r] / profitUnit : null,
			dims: dims.map((d) => d.values[d.codes[r]])
		}))
	};
}
