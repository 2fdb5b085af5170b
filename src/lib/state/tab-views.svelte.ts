/**
 * The dashboard's tabs beyond the class table: which one is open and the view the worker computed
 * for it. Only the open tab is computed; the others wait until opened (or the report is printed),
 * and a slower earlier answer never overwrites a newer one (a ticket per request).
 */
import type { ClassifySettings } from '../engine/types';
import type {
	CompareView,
	MarginView,
	MigrationCellView,
	MigrationView,
	RecencyView,
	ReeseView,
	RfmView,
	VipView,
	XyzView
} from '../engine/view-types';
import type { DatasetMeta } from '../store/db';
import { BreakdownState } from './breakdown.svelte';
import { migrationPeriods } from './migration-periods';
import type { Session } from './session.svelte';
import { normalizeXyz, type UserSettings } from './settings';
import type { Tab } from './share-link';

/** The tabs with a page of their own in the printed report, in the tab list's order. */
export const REPORT_TABS = ['vip', 'movement', 'xyz', 'recency', 'rfm', 'types', 'margin', 'compare'] as const;
export type ReportTab = (typeof REPORT_TABS)[number];

/** The tabs' views the printed report prints, a page each; null: that tab has no data (or was not computed). */
export type ReportViews = {
	vip: VipView | null;
	movement: MigrationView | null;
	xyz: XyzView | null;
	recency: RecencyView | null;
	rfm: RfmView | null;
	/** printed only when some customer has a type (the data has discounts, or free lines) */
	types: ReeseView | null;
	margin: MarginView | null;
	compare: CompareView | null;
};

/** No tab page: the report outside printing. */
export const NO_REPORT_VIEWS: ReportViews = Object.freeze({
	vip: null,
	movement: null,
	xyz: null,
	recency: null,
	rfm: null,
	types: null,
	margin: null,
	compare: null
});

export class TabViews {
	tab = $state<Tab>('classes');
	vipView = $state.raw<VipView | null>(null);
	migrationView = $state.raw<MigrationView | null>(null);
	migrationCell = $state.raw<MigrationCellView | null>(null);
	marginView = $state.raw<MarginView | null>(null);
	xyzView = $state.raw<XyzView | null>(null);
	recencyView = $state.raw<RecencyView | null>(null);
	compareView = $state.raw<CompareView | null>(null);
	rfmView = $state.raw<RfmView | null>(null);
	reeseView = $state.raw<ReeseView | null>(null);
	readonly breakdown: BreakdownState;
	private ticket = 0;
	/** the newest request's ticket per tab */
	private readonly tickets: Partial<Record<Tab, number>> = {};
	/** counts clear()s: an answer asked for before one is stale */
	private generation = 0;

	constructor(private readonly session: Session) {
		this.breakdown = new BreakdownState(session);
	}

	clear(): void {
		this.generation++;
		this.breakdown.clear();
		this.vipView = this.migrationView = this.migrationCell = null;
		this.marginView = this.xyzView = this.recencyView = this.compareView = null;
		this.rfmView = this.reeseView = null;
	}

	/**
	 * Computes the open tab's view for the open dataset `meta` with the engine settings `settings`
	 * and the user's tab settings `s`; a tab whose data is missing (no dates, no profit) stays empty.
	 */
	async load(meta: DatasetMeta, settings: ClassifySettings, s: UserSettings): Promise<void> {
		await this.compute(this.tab, meta, settings, s);
	}

	/**
	 * Computes every tab's view whose data exists (the printed report has a page per tab) and keeps
	 * them; the open tab stays open. A view already there is not asked for again.
	 */
	async loadAllForReport(meta: DatasetMeta, settings: ClassifySettings, s: UserSettings): Promise<void> {
		const have = this.reportViews;
		await Promise.all(
			REPORT_TABS.filter((tab) => have[tab] === null).map((tab) => this.compute(tab, meta, settings, s))
		);
	}

	/** The views the report prints, as they are now. */
	get reportViews(): ReportViews {
		return {
			vip: this.vipView,
			movement: this.migrationView,
			xyz: this.xyzView,
			recency: this.recencyView,
			rfm: this.rfmView,
			types: this.reeseView,
			margin: this.marginView,
			compare: this.compareView
		};
	}

	/** The view of `tab`; an answer is kept unless a newer request for that tab, or a clear(), came since. */
	private async compute(tab: Tab, meta: DatasetMeta, settings: ClassifySettings, s: UserSettings): Promise<void> {
		const ticket = ++this.ticket;
		this.tickets[tab] = ticket;
		const generation = this.generation;
		const current = () => this.tickets[tab] === ticket && this.generation === generation;
		const client = this.session.client;
		const hasDates = !!meta.dateRange;
		try {
			switch (tab) {
				case 'vip':
					if (hasDates) {
						const v = await client.request('vip', { settings, vip: s.vip });
						if (current()) this.vipView = v;
					}
					break;
				case 'movement': {
					const periods = migrationPeriods(s.migration, meta.dateRange);
					if (periods) {
						const v = await client.request('migration', { settings, ...periods });
						if (current()) {
							this.migrationView = v;
							this.migrationCell = null;
						}
					}
					break;
				}
				case 'xyz':
					if (hasDates) {
						const v = await client.request('xyz', { settings, xyz: normalizeXyz(s.xyz) });
						if (current()) this.xyzView = v;
					}
					break;
				case 'recency':
					if (hasDates) {
						const v = await client.request('recency', { settings, recency: s.recency });
						if (current()) this.recencyView = v;
					}
					break;
				case 'rfm':
					if (hasDates) {
						const v = await client.request('rfm', { settings });
						if (current()) this.rfmView = v;
					}
					break;
				case 'types': {
					const v = await client.request('reese', { settings, reese: s.reese });
					if (current()) this.reeseView = v;
					break;
				}
				case 'margin':
					if (meta.has.profit) {
						const v = await client.request('margin', { settings, gap: s.marginGap });
						if (current()) this.marginView = v;
					}
					break;
				case 'compare': {
					const v = await client.request('compare', { settings, a: s.compareA, b: s.compareB });
					if (current()) this.compareView = v;
					break;
				}
				case 'breakdown':
					await this.breakdown.load(meta, settings);
					break;
			}
		} catch (err) {
			this.session.fail(err);
		}
	}

	/** The customers of one cell of the migration matrix (class `from` before, `to` now). */
	async openMigrationCell(from: number, to: number): Promise<void> {
		try {
			this.migrationCell = await this.session.client.request('migrationCell', { from, to });
		} catch (err) {
			this.session.fail(err);
		}
	}
}
