/**
 * The customer page (README "Dimensions and filters"): the profile of one customer under the open
 * settings and a page of its rows. A slower earlier answer never overwrites a newer one.
 */
import type { CustomerProfile, CustomerRowsPage } from '../engine/drill-types';
import type { ClassifySettings } from '../engine/types';
import type { Session } from './session.svelte';
import type { UserSettings } from './settings';

export const CUSTOMER_ROWS_PAGE = 25;

export class CustomerPageState {
	/** the customer shown, null when the page is closed */
	key = $state<string | null>(null);
	profile = $state.raw<CustomerProfile | null>(null);
	rows = $state.raw<CustomerRowsPage | null>(null);
	loading = $state(false);
	/** the key is not a customer of the open dataset (an old link) */
	missing = $state(false);
	private ticket = 0;
	private settings: ClassifySettings | null = null;

	constructor(private readonly session: Session) {}

	/** Shows `key` computed with `settings` (filter and period included) and the tab settings `s`. */
	async open(key: string, settings: ClassifySettings, s: UserSettings): Promise<void> {
		const ticket = ++this.ticket;
		if (this.key !== key) this.rows = null;
		this.key = key;
		this.settings = settings;
		this.loading = true;
		try {
			const [profile, rows] = await Promise.all([
				this.session.client.request('customer', { settings, key, vip: s.vip, xyz: s.xyz, recency: s.recency }),
				this.session.client.request('customerRows', { settings, key, offset: 0, limit: CUSTOMER_ROWS_PAGE })
			]);
			if (ticket !== this.ticket) return;
			this.profile = profile;
			this.missing = profile === null;
			this.rows = rows;
		} catch (err) {
			if (ticket === this.ticket) this.session.fail(err);
		} finally {
			if (ticket === this.ticket) this.loading = false;
		}
	}

	/** Another page of the open customer's rows. */
	async loadRows(offset: number): Promise<void> {
		if (!this.key || !this.settings) return;
		const ticket = ++this.ticket;
		try {
			const rows = await this.session.client.request('customerRows', {
				settings: this.settings,
				key: this.key,
				offset,
				limit: CUSTOMER_ROWS_PAGE
			});
			if (ticket === this.ticket) this.rows = rows;
		} catch (err) {
			this.session.fail(err);
		}
	}

	close(): void {
		this.ticket++;
		this.key = null;
		this.profile = null;
		this.rows = null;
		this.missing = false;
		this.loading = false;
	}
}
