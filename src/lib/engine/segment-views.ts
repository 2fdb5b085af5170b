/**
 * The RFM and customer-type tabs' views: engine results (customer indices) become the small named
 * tables the page draws (README "The rules: RFM", "The rules: Reese's four customer types").
 */
import { formatDay, NO_DAY } from '../core/calendar';
import type { ReeseResult, ReeseSettings } from './reese';
import { REESE_TYPES } from './reese';
import { RFM_SEGMENTS, type RfmResult } from './rfm';
import type { Classification, SalesColumns } from './types';
import type { ReeseView, RfmView } from './view-types';

/** The segments of customers worth keeping who are slipping away: the first class's are called first. */
export const SLIPPING = ['atRisk', 'cantLoseThem'] as const;

/** Customers listed per cell of ABC × RFM and per customer type; the counts cover every one. */
export const SEGMENT_CELL_LIMIT = 200;

/**
 * `r` over the classification `c` of the same rows and period: segments with their revenue, the
 * R × F grid coloured by mean M, and the class × segment cross-table (every customer of `r` has rows
 * in scope, so `c` ranks it).
 */
export function rfmView(data: SalesColumns, r: RfmResult, c: Classification, limit = SEGMENT_CELL_LIMIT): RfmView {
	const segIndex = new Map(RFM_SEGMENTS.map((s, i) => [s, i]));
	const segments = RFM_SEGMENTS.map((segment) => ({ segment, customers: 0, revenue: 0, revenueShare: 0 }));
	const grid = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => ({ customers: 0, mSum: 0 })));
	const classOf = new Int32Array(data.customerKeys.length).fill(-1);
	for (let rank = 0; rank < c.rankOrder.length; rank++) classOf[c.rankOrder[rank]] = c.classIndex[rank];
	const classes = c.settings.classes.map((k) => k.name);
	const cells = classes.map(() =>
		RFM_SEGMENTS.map(() => ({ customers: 0, revenue: 0, all: [] as { c: number; code: string; revenue: number }[] }))
	);
	let total = 0;
	for (const x of r.customers) {
		const s = segments[segIndex.get(x.segment)!];
		s.customers++;
		s.revenue += x.monetary;
		total += x.monetary;
		const g = grid[x.r - 1][x.f - 1];
		g.customers++;
		g.mSum += x.m;
		const k = classOf[x.customer];
		if (k < 0) continue;
		const cell = cells[k][segIndex.get(x.segment)!];
		cell.customers++;
		cell.revenue += x.monetary;
		cell.all.push({ c: x.customer, code: x.code, revenue: x.monetary });
	}
	for (const s of segments) s.revenueShare = total !== 0 ? s.revenue / total : 0;
	const abcRfm = cells.map((row) =>
		row.map((cell) => ({
			customers: cell.customers,
			revenue: cell.revenue,
			top: cell.all
				.sort((a, b) => b.revenue - a.revenue || a.c - b.c)
				.slice(0, limit)
				.map((x) => ({ key: data.customerKeys[x.c], name: data.customerNames[x.c], code: x.code, revenue: x.revenue }))
		}))
	);
	const slipping = { customers: 0, revenue: 0, keys: [] as string[] };
	for (const s of SLIPPING) {
		const cell = abcRfm[0]?.[segIndex.get(s)!];
		if (!cell) continue;
		slipping.customers += cell.customers;
		slipping.revenue += cell.revenue;
		slipping.keys.push(...cell.top.map((x) => x.key));
	}
	return {
		referenceDay: r.referenceDay === NO_DAY ? '' : formatDay(r.referenceDay),
		customers: r.customers.length,
		segments,
		grid: grid.map((row) =>
			row.map((g) => ({ customers: g.customers, meanM: g.customers ? g.mSum / g.customers : null }))
		),
		classes,
		abcRfm,
		slipping
	};
}

/** `r` as the Customer types tab draws it, with the thresholds it was made with. */
export function reeseView(
	data: SalesColumns,
	r: ReeseResult,
	settings: ReeseSettings,
	limit = SEGMENT_CELL_LIMIT
): ReeseView {
	// one pass into the types' lists, then each list's largest by revenue
	const byType = REESE_TYPES.map(() => [] as ReeseResult['customers']);
	for (const x of r.customers) byType[REESE_TYPES.indexOf(x.type)].push(x);
	const top = byType.map((list) =>
		list
			.sort((a, b) => b.revenue - a.revenue || a.customer - b.customer)
			.slice(0, limit)
			.map((x) => ({
				key: data.customerKeys[x.customer],
				name: data.customerNames[x.customer],
				revenue: x.revenue,
				discountedShare: x.discountedShare,
				averagePrice: x.averagePrice
			}))
	);
	return {
		hasDiscountData: r.hasDiscountData,
		priceCutoff: Number.isNaN(r.priceCutoff) ? null : r.priceCutoff,
		settings,
		types: r.types,
		top
	};
}
