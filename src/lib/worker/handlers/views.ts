/**
 * Requests for views of the open dataset: the dashboard under new settings, a page of the customer
 * list, and the analysis tabs (VIP, movement, margin, XYZ, recency, metric comparison). Each
 * computes with engine/ and answers with the small view the page draws.
 */
import { compareMetrics } from '../../engine/compare';
import {
	buildSearchIndex,
	matchingRanks,
	pageOf,
	type CustomerPage,
	type CustomerQuery
} from '../../engine/customer-table';
import { marginSqueeze } from '../../engine/margin';
import { migrate } from '../../engine/migration';
import {
	compareView,
	marginView,
	migrationCellView,
	migrationView,
	recencyView,
	vipView,
	xyzView
} from '../../engine/period-views';
import { classifyRecency } from '../../engine/recency';
import { classifyVip } from '../../engine/vip';
import { classifyXyz } from '../../engine/xyz';
import type { Current, WorkerContext } from '../context';
import { need, reclassify, scope } from '../open-dataset';
import type { HandlersFor } from './types';
import { reeseOfCustomers } from './segments';

export const viewHandlers: HandlersFor<
	'classify' | 'reclassify' | 'query' | 'vip' | 'migration' | 'migrationCell' | 'margin' | 'xyz' | 'recency' | 'compare'
> = {
	classify: async ({ settings }, ctx) => reclassify(ctx, settings),

	async reclassify({ settings, query: q }, ctx) {
		const view = reclassify(ctx, settings);
		return { view, page: customerPage(ctx, q) };
	},

	query: async (q, ctx) => customerPage(ctx, q),

	async vip({ settings, vip }, ctx) {
		const data = scope(ctx, settings).data;
		return vipView(data, classifyVip(data, settings, vip));
	},

	async migration({ settings, previous, current }, ctx) {
		const c = need(ctx);
		c.migration = migrate(scope(ctx, settings).data, settings, previous, current);
		return migrationView(c.analysis.data, c.migration);
	},

	async migrationCell({ from, to }, ctx) {
		const c = need(ctx);
		if (!c.migration) throw new Error('Open the movement view first.');
		return migrationCellView(c.analysis.data, c.migration, from, to);
	},

	async margin({ settings, gap }, ctx) {
		const scoped = scope(ctx, settings);
		const cls = scoped.classify(settings);
		return marginView(scoped.data, marginSqueeze(scoped.data, settings, cls, { gap }));
	},

	async xyz({ settings, xyz }, ctx) {
		const scoped = scope(ctx, settings);
		const cls = scoped.classify(settings);
		return xyzView(scoped.data, classifyXyz(scoped.data, settings, cls, xyz), cls);
	},

	async recency({ settings, recency }, ctx) {
		const scoped = scope(ctx, settings);
		const cls = scoped.classify(settings);
		return recencyView(scoped.data, classifyRecency(scoped.data, settings, cls, recency));
	},

	async compare({ settings, a, b }, ctx) {
		const data = scope(ctx, settings).data;
		return compareView(data, compareMetrics(data, settings, a, b));
	}
};

/** The open dataset's search index when `filter` searches (built then, once), else none: it is not read. */
function searchIndexFor(c: Current, filter: Omit<CustomerQuery, 'offset' | 'limit'>): readonly string[] {
	if (!filter.search.trim()) return NO_SEARCH;
	const data = c.analysis.data;
	return (c.searchIndex ??= buildSearchIndex(data.customerKeys, data.customerNames));
}
const NO_SEARCH: readonly string[] = [];

/**
 * One page of the customer list of the open dataset (`q`: sort, search, class, offset, limit). The
 * filtered and sorted ranks are kept while only the page changes; the first page answered after an
 * import starts the other metrics' warm-up. Throws Error('No dataset is open.') without one.
 */
export function customerPage(ctx: WorkerContext, q: CustomerQuery): CustomerPage {
	const c = need(ctx);
	const data = c.analysis.data;
	const { offset, limit, ...filter } = q;
	const key = JSON.stringify(filter);
	if (c.ranksCache?.key !== key) {
		c.ranksCache = {
			key,
			ranks: matchingRanks(c.classification, data.customerKeys, data.customerNames, searchIndexFor(c, filter), filter)
		};
	}
	const page = pageOf(c.classification, data.customerKeys, data.customerNames, c.ranksCache.ranks, offset, limit);
	const types = reeseOfCustomers(ctx);
	// the customer-type column, when the data has discounts
	if (types) for (const r of page.rows) r.reeseType = types[c.classification.rankOrder[r.rank - 1]] ?? 'unknown';
	ctx.warmAfterFirstPage?.();
	ctx.warmAfterFirstPage = null;
	return page;
}
