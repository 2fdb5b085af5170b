import { formatDay } from '../ingest/dates';
import { monthLabel } from './calendar';
import { classificationCsv, type ExtraColumns } from './csv-export';
import { classifyRecency, type RecencySettings } from './recency';
import type { Classification, SalesColumns } from './types';
import { classifyVip, type VipSettings } from './vip';
import { classifyXyz, type XyzSettings } from './xyz';

export interface ExportSettings {
	vip?: VipSettings;
	xyz?: XyzSettings;
	recency?: RecencySettings;
}

/**
 * The export of the open classification: the eight foundation columns, then `metric`, and, when
 * the data has dates, `vip_status`, `vip_months`, `xyz`, `recency`, and the period when one is set.
 */
export function exportClassification(data: SalesColumns, c: Classification, s: ExportSettings = {}): string {
	const opts = c.settings;
	const extra: ExtraColumns = { metric: opts.metric };
	if (data.date) {
		if (s.vip) {
			const vip = classifyVip(data, opts, s.vip);
			extra.vip = new Map(vip.customers.map((v) => [v.customer, { status: v.status, months: v.vipMonths.map(monthLabel) }]));
		}
		if (s.xyz) extra.xyz = classifyXyz(data, opts, c, s.xyz).xyz;
		if (s.recency) extra.recency = classifyRecency(data, opts, c, s.recency).status;
	}
	if (opts.dateFrom !== undefined) extra.periodFrom = formatDay(opts.dateFrom);
	if (opts.dateTo !== undefined) extra.periodTo = formatDay(opts.dateTo);
	return classificationCsv(c, data.customerKeys, data.customerNames, extra);
}
