/**
 * Requests for slicing and drilling (README "Dimensions and filters"): the filter bar's choices,
 * class × dimension, classes within each value of a dimension, and the customer page with its rows.
 * Each computes with engine/ on the rows the settings' filter keeps.
 */
import { rfm } from '../../engine/rfm';
import { reeseOfCustomers } from './segments';
import { classByDimension, classesWithin } from '../../engine/class-dimension';
import { customerProfile, customerRows } from '../../engine/customer-profile';
import { FilterOptionsInSlices } from '../../engine/row-filter';
import { relaxOptions } from '../../engine/filter-relax';
import { filterCounts } from '../../engine/filter-counts';
import { monthlyTotals } from '../../engine/monthly';
import { classifyXyz } from '../../engine/xyz';
import { afterWaitingMessages } from '../../core/message-yield';
import { need, scope } from '../open-dataset';
import type { HandlersFor } from './types';

/** Rows counted per task for the filter bar's options: a few milliseconds, so a request waits no longer. */
const OPTIONS_ROWS_PER_TASK = 250_000;

export const drillHandlers: HandlersFor<
	'filterOptions' | 'filterCounts' | 'filterRelax' | 'classByDimension' | 'classesWithin' | 'customer' | 'customerRows'
> = {
	/**
	 * Counted a slice of rows per task (a switch asked meanwhile is answered between two slices), once
	 * per open dataset.
	 */
	async filterOptions(_payload, ctx) {
		const c = need(ctx);
		if (!c.filterOptions) {
			const counting = new FilterOptionsInSlices(c.analysis.data);
			while (!counting.done) {
				counting.rows(OPTIONS_ROWS_PER_TASK);
				// the requests waiting meanwhile are answered; a message to itself, not a 4 ms timer
				if (!counting.done) await afterWaitingMessages();
			}
			c.filterOptions = counting.result();
		}
		return c.filterOptions;
	},

	filterCounts: async ({ settings }, ctx) => filterCounts(need(ctx).analysis.data, settings),

	filterRelax: async ({ settings }, ctx) => relaxOptions(need(ctx).analysis.data, settings),

	async classByDimension({ settings, dimension }, ctx) {
		const scoped = scope(ctx, settings);
		return classByDimension(scoped.data, scoped.classify(settings), dimension);
	},

	classesWithin: async ({ settings, dimension }, ctx) => classesWithin(scope(ctx, settings).data, settings, dimension),

	async customer({ settings, key, vip, xyz, recency }, ctx) {
		const c = need(ctx);
		const scoped = scope(ctx, settings);
		// the dashboard's classification when it is this one; the monthly totals and XYZ kept while
		// the settings stay, so paging through customers costs one customer each (~70 ms at 1M rows)
		const same = c.scoped === scoped && JSON.stringify(c.classification.settings) === JSON.stringify(settings);
		const classification = same ? c.classification : scoped.classify(settings);
		const cacheKey = JSON.stringify({ settings, xyz });
		if (c.profileCache?.key !== cacheKey || c.profileCache.analysis !== scoped) {
			const monthly = scoped.data.date ? monthlyTotals(scoped.data, settings) : undefined;
			c.profileCache = {
				key: cacheKey,
				analysis: scoped,
				monthly,
				xyz: monthly ? classifyXyz(scoped.data, settings, classification, xyz, monthly) : undefined,
				rfm: monthly ? new Map(rfm(scoped.data, settings, monthly).customers.map((x) => [x.customer, x])) : undefined
			};
		}
		const { monthly, xyz: xyzResult } = c.profileCache;
		const profile = customerProfile(scoped, settings, key, { vip, xyz, recency, classification, monthly, xyzResult });
		if (!profile) return profile;
		const index = scoped.data.customerKeys.indexOf(key);
		const r = index >= 0 ? c.profileCache.rfm?.get(index) : undefined;
		if (r) profile.rfm = { r: r.r, f: r.f, m: r.m, code: r.code, segment: r.segment };
		// the type as the customer table shows it (the open classification's rows and period)
		const types = same ? reeseOfCustomers(ctx) : null;
		if (types && index >= 0) profile.reeseType = types[index] ?? 'unknown';
		return profile;
	},

	customerRows: async ({ settings, key, offset, limit }, ctx) =>
		customerRows(scope(ctx, settings).data, settings, key, offset, limit)
};
