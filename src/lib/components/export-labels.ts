/**
 * The labels of a translated export (engine/export-labels.ts), made on the page in the UI
 * language: headers, categorical values, playbooks, sheet names and the cover sheet's provenance
 * (dataset, files, rows, period, data dates, metric, method, class bounds, returns, import
 * decisions, export date, app version). The worker only places them.
 */
import { RFM_SEGMENTS, type RfmSegment } from '../engine/rfm';
import { REESE_TYPES, type ReeseType } from '../engine/reese';
import type { CoverRow, ExportLabels } from '../engine/export-labels';
import type { ClassifySettings } from '../engine/types';
import { i18n, t } from '../i18n/index.svelte';
import type { DatasetMeta } from '../store/db';
import { classColors, className, metricName, playbookKey } from './format';
import { readAsParts } from './read-as';
import { filterEntries, filterText } from './filter-words';

/** The app version written on the cover sheet; a unit test keeps it equal to package.json's. */
export const APP_VERSION = '0.1.0';

/** The cover sheet's provenance lines of `meta` classified with `settings` by the preset named `method`. */
export function coverRows(meta: DatasetMeta, settings: ClassifySettings, method: string, now: Date): CoverRow[] {
	const range = (from: number | undefined, to: number | undefined) =>
		`${from === undefined ? '…' : i18n.day(from)} – ${to === undefined ? '…' : i18n.day(to)}`;
	const period =
		settings.dateFrom === undefined && settings.dateTo === undefined
			? t('export.cover.allTime')
			: range(settings.dateFrom, settings.dateTo);
	const bounds = settings.classes.map((c) => `${className(c.name)} ≤ ${i18n.percent(c.upTo, 0)}`).join(', ');
	const readAs = readAsParts(meta.report).map((p) => t(p.key, p.params));
	const rows: CoverRow[] = [
		[t('export.cover.dataset'), meta.name],
		[t('export.cover.files'), meta.files.map((f) => f.name).join(', ')],
		[t('export.cover.rows'), meta.report?.rowsImported ?? meta.rowCount],
		[t('export.cover.period'), period],
		...(settings.filter ? [[t('export.cover.filter'), filterText(filterEntries(settings.filter))] as CoverRow] : []),
		[t('export.cover.dataDates'), meta.dateRange ? range(...meta.dateRange) : t('export.cover.noDates')],
		[t('export.cover.metric'), metricName(settings.metric)],
		[t('export.cover.method'), method],
		[t('export.cover.classes'), bounds + (settings.basis === 'count' ? ` (${t('dash.byCount')})` : '')],
		[t('export.cover.returns'), t(`dash.returns.${settings.returns}`)],
		[t('export.cover.keyShare'), i18n.percent(settings.keyShare, 0)]
	];
	if (readAs.length) rows.push([t('export.cover.readAs'), readAs.join('; ')]);
	rows.push([t('export.cover.exported'), i18n.date(now.getTime())], [t('export.cover.version'), APP_VERSION]);
	return rows;
}

/** Every text of an export in the UI language. */
export function exportLabels(meta: DatasetMeta, settings: ClassifySettings, method: string, now: Date): ExportLabels {
	const classes = settings.classes;
	return {
		sheets: {
			cover: t('export.sheet.cover'),
			customers: t('sheet.customers'),
			segments: t('sheet.segments'),
			concentration: t('sheet.concentration'),
			vip: t('export.sheet.vip'),
			xyz: t('export.sheet.xyz'),
			recency: t('export.sheet.recency'),
			movement: t('export.sheet.movement'),
			margin: t('export.sheet.margin')
		},
		columns: {
			rank: t('export.col.rank'),
			key: t('export.col.key'),
			name: t('export.col.name'),
			value: `${t('export.col.value')} (${metricName(settings.metric)})`,
			share: t('export.col.share'),
			cumulativeShare: t('export.col.cumulativeShare'),
			class: t('export.col.class'),
			keyCustomer: t('export.col.keyCustomer'),
			metric: t('export.col.metric'),
			vipStatus: t('export.col.vipStatus'),
			vipMonths: t('export.col.vipMonths'),
			xyz: t('export.col.xyz'),
			recency: t('export.col.recency'),
			periodFrom: t('export.col.periodFrom'),
			periodTo: t('export.col.periodTo'),
			filter: t('export.col.filter'),
			rfmR: t('export.col.rfmR'),
			rfmF: t('export.col.rfmF'),
			rfmM: t('export.col.rfmM'),
			rfmSegment: t('export.col.rfmSegment'),
			reeseType: t('export.col.reeseType')
		},
		yes: t('export.yes'),
		no: t('export.no'),
		classNames: classes.map((c) => className(c.name)),
		playbooks: classes.map((_, k) => t(playbookKey(k, classes.length))),
		classColors: classColors(classes),
		metric: metricName(settings.metric),
		vip: { vip: t('vip.status.vip'), good: t('vip.status.good'), regular: t('vip.status.regular') },
		recency: { active: t('rec.active'), sleeping: t('rec.sleeping'), lost: t('rec.lost') },
		rfmSegments: Object.fromEntries(RFM_SEGMENTS.map((s) => [s, t(`rfm.seg.${s}`)])) as Record<RfmSegment, string>,
		reeseTypes: Object.fromEntries(REESE_TYPES.map((x) => [x, t(`types.name.${x}`)])) as Record<ReeseType, string>,
		segments: {
			class: t('seg.class'),
			customers: t('seg.customers'),
			customerShare: t('seg.customerShare'),
			value: t('seg.value'),
			valueShare: t('seg.valueShare'),
			average: t('seg.average'),
			playbook: t('export.seg.playbook'),
			total: t('export.seg.totalPositive'),
			// the same words as the dashboard's segment table
			nonPositive: t(settings.metric === 'profit' ? 'seg.nonPositive.profit' : 'seg.nonPositive'),
			netTotal: t('export.seg.netTotal')
		},
		concentration: {
			measure: t('export.conc.measure'),
			value: t('export.conc.value'),
			customers: t('export.conc.customers'),
			total: t('export.conc.total'),
			keyCustomers: t('export.conc.keyCustomers'),
			monoClient: t('export.conc.mono'),
			top1: t('conc.top1'),
			top5: t('conc.top5'),
			top20: t('conc.top20'),
			for80: t('conc.for80'),
			for80Share: t('export.conc.for80Share'),
			gini: t('conc.gini'),
			hhi: t('conc.hhi')
		},
		matrix: {
			class: t('seg.class'),
			customers: t('export.matrix.customers'),
			value: t('export.matrix.value'),
			total: t('seg.total')
		},
		movement: {
			previous: t('export.mov.previous'),
			current: t('export.mov.current'),
			fromTo: t('export.mov.fromTo'),
			new: t('mig.new'),
			lost: t('mig.lost'),
			total: t('seg.total')
		},
		margin: {
			companyMargin: t('export.margin.company'),
			gap: t('export.margin.gap'),
			limit: t('export.margin.limit'),
			revenue: t('margin.revenue'),
			profit: t('margin.profit'),
			margin: t('margin.margin'),
			revenueRank: t('margin.revenueRank'),
			profitRank: t('margin.profitRank'),
			flag: t('margin.flag'),
			reasons: {
				'negative-profit': t('margin.reason.negative-profit'),
				'below-company': t('margin.reason.below-company')
			}
		},
		cover: {
			title: t('export.cover.title'),
			rows: coverRows(meta, settings, method, now),
			customers: t('export.cover.customers'),
			shareBase: t('export.cover.shareBase')
		}
	};
}
