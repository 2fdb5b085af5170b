import { availableMetrics } from './aggregate';
import { paretoPoints, rankReaching } from './pareto';
import type {
	Classification,
	ClassifySettings,
	Concentration,
	Metric,
	NonPositiveRow,
	SegmentRow,
	SalesColumns
} from './types';

/** the engine's state for one set of rows (analysis.ts), imported from here by the worker and the tests */
export { Analysis } from './analysis';

export interface ChartPoint {
	rank: number;
	x: number;
	y: number;
	classIndex: number;
	key: string;
	name: string;
	value: number;
	share: number;
}

/** Everything the dashboard renders, small enough to post to the page. */
export interface DashboardView {
	settings: ClassifySettings;
	metrics: Metric[];
	/** all customers with a row in scope: the classes' customers + `nonPositive.customers` */
	customerCount: number;
	/** share base, value units: sum of the positive customer totals (`Classification.total`) */
	total: number;
	/** net total, value units: sum of every customer's total, what the books show (`Classification.netTotal`) */
	netTotal: number;
	/** one row per class, positive totals only: values add up to `total`, value shares to 1 */
	segments: SegmentRow[];
	/** customers with a total ≤ 0, outside the class rows: `total + nonPositive.value = netTotal` */
	nonPositive: NonPositiveRow;
	concentration: Concentration;
	pareto: ChartPoint[];
	/** x (share of customers) where 80 % of the metric is reached, or null */
	x80: number | null;
	/** x where each class ends (all but the last) */
	classEnds: number[];
	/**
	 * with a filter (README "Dimensions and filters"): the whole dataset's share base under the same
	 * settings, value units, so the headline can say what part of the whole the slice is
	 */
	wholeTotal?: number;
	/** key customers (≥ key share), largest first, for the report */
	keyCustomers: { key: string; name: string; value: number; share: number; classIndex: number }[];
}

export function dashboardView(data: SalesColumns, c: Classification): DashboardView {
	const n = c.rankOrder.length;
	const pareto = paretoPoints(c).map((p) => {
		const i = c.rankOrder[p.rank - 1];
		return {
			...p,
			key: data.customerKeys[i],
			name: data.customerNames[i],
			value: c.value[p.rank - 1],
			share: c.share[p.rank - 1]
		};
	});
	const r80 = rankReaching(c, 0.8);
	const classEnds: number[] = [];
	for (let r = 1; r < n; r++) if (c.classIndex[r] !== c.classIndex[r - 1]) classEnds.push(r / n);
	const keyCustomers: DashboardView['keyCustomers'] = [];
	for (let r = 0; r < n && keyCustomers.length < 50; r++) {
		if (!c.isKeyCustomer[r]) continue;
		const i = c.rankOrder[r];
		keyCustomers.push({
			key: data.customerKeys[i],
			name: data.customerNames[i],
			value: c.value[r],
			share: c.share[r],
			classIndex: c.classIndex[r]
		});
	}
	return {
		keyCustomers,
		settings: c.settings,
		metrics: availableMetrics(data),
		customerCount: n,
		total: c.total,
		netTotal: c.netTotal,
		segments: c.segments,
		nonPositive: c.nonPositive,
		concentration: c.concentration,
		pareto,
		x80: r80 >= 0 ? (r80 + 1) / n : null,
		classEnds
	};
}
