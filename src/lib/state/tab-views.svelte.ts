/**
 * The dashboard's tabs beyond the class table: which one is open and the view the worker computed
 * for it. Only the open tab is computed; the others wait until opened, and a slower earlier
 * answer never overwrites a newer one (a ticket per request).
 */
import type { ClassifySettings } from '../engine/types';
import type {
	CompareView,
	MarginView,
	MigrationCellView,
	MigrationView,
	RecencyView,
	VipView,
	XyzView
} from '../engine/view-types';
import type { DatasetMeta } from '../store/db';
import { migrationPeriods } from './migration-periods';
import type { Session } from './session.svelte';
import type { UserSettings } from './settings';
import type { Tab } from './share-link';

export class TabViews {
	tab = $state<Tab>('classes');
	vipView = $state.raw<VipView | null>(null);
	migrationView = $state.raw<MigrationView | null>(null);
	migrationCell = $state.raw<MigrationCellView | null>(null);
	marginView = $state.raw<MarginView | null>(null);
	xyzView = $state.raw<XyzView | null>(null);
	recencyView = $state.raw<RecencyView | null>(null);
	compareView = $state.raw<CompareView | null>(null);
	private ticket = 0;

	constructor(private readonly session: Session) {}

	clear(): void {
		this.vipView = this.migrationView = this.migrationCell = null;
		this.marginView = this.xyzView = this.recencyView = this.compareView = null;
	}

	/**
	 * Computes the open tab's view for the open dataset `meta` with the engine settings `settings`
	 * and the user's tab settings `s`; a tab whose data is missing (no dates, no profit) stays empty.
	 */
	async load(meta: DatasetMeta, settings: ClassifySettings, s: UserSettings): Promise<void> {
		const ticket = ++this.ticket;
		const client = this.session.client;
		const hasDates = !!meta.dateRange;
		try {
			switch (this.tab) {
				case 'vip':
					if (hasDates) {
						const v = await client.request('vip', { settings, vip: s.vip });
						if (ticket === this.ticket) this.vipView = v;
					}
					break;
				case 'movement': {
					const periods = migrationPeriods(s.migration, meta.dateRange);
					if (periods) {
						const v = await client.request('migration', { settings, ...periods });
						if (ticket === this.ticket) {
							this.migrationView = v;
							this.migrationCell = null;
						}
					}
					break;
				}
				case 'xyz':
					if (hasDates) {
						const v = await client.request('xyz', { settings, xyz: s.xyz });
						if (ticket === this.ticket) this.xyzView = v;
					}
					break;
				case 'recency':
					if (hasDates) {
						const v = await client.request('recency', { settings, recency: s.recency });
						if (ticket === this.ticket) this.recencyView = v;
					}
					break;
				case 'margin':
					if (meta.has.profit) {
						const v = await client.request('margin', { settings, gap: s.marginGap });
						if (ticket === this.ticket) this.marginView = v;
					}
					break;
				case 'compare': {
					const v = await client.request('compare', { settings, a: s.compareA, b: s.compareB });
					if (ticket === this.ticket) this.compareView = v;
					break;
				}
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
