/**
 * Requests for the RFM and Customer types tabs (README "The rules: RFM", "The rules: Reese's four
 * customer types"): the engine on the rows in scope (filter and period), answered as small views.
 */
import {
	DEFAULT_REESE,
	NOT_IN_SCOPE,
	REESE_TYPES,
	reeseTypeCodes,
	reeseTypes,
	type ReeseType
} from '../../engine/reese';
import type { WorkerContext } from '../context';
import { rfm } from '../../engine/rfm';
import { reeseView, rfmView } from '../../engine/segment-views';
import { need, scope } from '../open-dataset';
import type { HandlersFor } from './types';

export const segmentHandlers: HandlersFor<'rfm' | 'reese'> = {
	async rfm({ settings }, ctx) {
		const scoped = scope(ctx, settings);
		const cls = scoped.classify(settings);
		// the totals the worker keeps per metric (warmed up after an import): not summed again
		const totals = {
			payments: scoped.totals({ ...settings, metric: 'payments' }),
			revenue: scoped.totals({ ...settings, metric: 'revenue' })
		};
		return rfmView(scoped.data, rfm(scoped.data, settings, undefined, totals), cls);
	},

	async reese({ settings, reese }, ctx) {
		need(ctx).reeseSettings = reese;
		const scoped = scope(ctx, settings);
		const data = scoped.data;
		const totals = {
			revenue: scoped.totals({ ...settings, metric: 'revenue' }),
			payments: scoped.totals({ ...settings, metric: 'payments' }),
			...(data.profit ? { profit: scoped.totals({ ...settings, metric: 'profit' }) } : {})
		};
		return reeseView(data, reeseTypes(data, settings, reese, totals), reese);
	}
};

/**
 * Each customer's Reese type for the open classification (its rows and period), by customer
 * index; null when the dataset has no discount data. Kept until the classification or the
 * thresholds change.
 */
export function reeseOfCustomers(ctx: WorkerContext): (ReeseType | undefined)[] | null {
	const c = need(ctx);
	// a filtered dataset's rows are gathered only when there is a discount column to read
	if (!c.scoped.shape.discount) return null;
	const data = c.scoped.data;
	const settings = c.reeseSettings ?? DEFAULT_REESE;
	const key = JSON.stringify(settings);
	if (c.reeseCache?.classification !== c.classification || c.reeseCache.settings !== key) {
		const codes = reeseTypeCodes(data, c.classification.settings, settings);
		const types: (ReeseType | undefined)[] = Array.from(codes, (k) =>
			k === NOT_IN_SCOPE ? undefined : REESE_TYPES[k]
		);
		c.reeseCache = { classification: c.classification, settings: key, types };
	}
	return c.reeseCache.types;
}
