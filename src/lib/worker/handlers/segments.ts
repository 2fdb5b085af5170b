/**
 * Requests for the RFM and Customer types tabs (README "The rules: RFM", "The rules: Reese's four
 * customer types"): the engine on the rows in scope (filter and period), answered as small views.
 */
import { DEFAULT_REESE, reeseTypes, type ReeseType } from '../../engine/reese';
import type { WorkerContext } from '../context';
import { rfm } from '../../engine/rfm';
import { reeseView, rfmView } from '../../engine/segment-views';
import { need, scope } from '../open-dataset';
import type { HandlersFor } from './types';

export const segmentHandlers: HandlersFor<'rfm' | 'reese'> = {
	async rfm({ settings }, ctx) {
		const scoped = scope(ctx, settings);
		const cls = scoped.classify(settings);
		return rfmView(scoped.data, rfm(scoped.data, settings), cls);
	},

	async reese({ settings, reese }, ctx) {
		need(ctx).reeseSettings = reese;
		const data = scope(ctx, settings).data;
		return reeseView(data, reeseTypes(data, settings, reese), reese);
	}
};

/**
 * Each customer's Reese type for the open classification (its rows and period), by customer
 * index; null when the dataset has no discount data. Kept until the classification or the
 * thresholds change.
 */
export function reeseOfCustomers(ctx: WorkerContext): (ReeseType | undefined)[] | null {
	const c = need(ctx);
	const data = c.scoped.data;
	if (!data.discount) return null;
	const settings = c.reeseSettings ?? DEFAULT_REESE;
	const key = JSON.stringify(settings);
	if (c.reeseCache?.classification !== c.classification || c.reeseCache.settings !== key) {
		const types: (ReeseType | undefined)[] = new Array(data.customerKeys.length);
		for (const x of reeseTypes(data, c.classification.settings, settings).customers) types[x.customer] = x.type;
		c.reeseCache = { classification: c.classification, settings: key, types };
	}
	return c.reeseCache.types;
}
