/**
 * The open dataset and what its dashboard shows: the headline view, the paged customer table,
 * the tabs (`TabViews`), re-ranking after a settings change and deletion. Every request
 * goes to the analysis worker; a failure becomes an error box, never a blank page.
 */
import type { PriceRaise } from '../engine/price-whatif';
import type { CustomerPage, CustomerQuery } from '../engine/customer-table';
import type { DashboardView } from '../engine/dashboard';
import type { ClassifySettings } from '../engine/types';
import { announce } from '../store/broadcast';
import type { DatasetMeta } from '../store/db';
import { WorkerFailure } from '../worker/client';
import type { Opened } from '../worker/protocol';
import type { Session } from './session.svelte';
import type { UserSettings } from './settings';
import type { Tab } from './share-link';
import { TabViews } from './tab-views.svelte';
import { FilterState } from './filters.svelte';
import { CustomerPageState } from './customer-page.svelte';
import { loadLastView, saveLastView } from './last-view';
import { afterNextPaint } from '../components/after-paint';
import type { SettingsState } from './user-settings.svelte';
import type { WorkspaceState } from './workspace.svelte';

const PAGE_SIZE = 50;

/** The customer table's first page: every customer, in rank order (sent with an open or import). */
export const firstPage = (): CustomerQuery => ({
	sort: 'rank',
	descending: false,
	search: '',
	classIndex: -1,
	offset: 0,
	limit: PAGE_SIZE
});

/**
 * A drill-down's customer list (README "Dimensions and filters"): which customers, and the words
 * that name them (an i18n key with its parameters), shown above the customer table.
 */
export interface Drill {
	only: NonNullable<CustomerQuery['only']>;
	/** one class's customers (a segment row) */
	classIndex?: number;
	label: string;
	params?: Record<string, string | number>;
}

export class DashboardState {
	openMeta = $state.raw<DatasetMeta | null>(null);
	view = $state.raw<DashboardView | null>(null);
	query = $state<CustomerQuery>(firstPage());
	page = $state.raw<CustomerPage | null>(null);
	busy = $state(false);
	/** the customer list opened from a chart point, a cell or a figure; null = every customer */
	drill = $state.raw<Drill | null>(null);
	readonly tabs: TabViews;
	readonly filters: FilterState;
	readonly customer: CustomerPageState;
	/** the customer table's requests in the order sent, and the latest whose answer is shown */
	private queryTicket = 0;
	private shownTicket = 0;
	private reopenTicket = 0;
	/** the open under way: another open of the same dataset meanwhile joins it instead of asking again */
	private opening: { id: number; done: Promise<void>; asked: { again: boolean } } | null = null;

	constructor(
		private readonly session: Session,
		private readonly prefs: SettingsState,
		private readonly workspace: WorkspaceState
	) {
		this.tabs = new TabViews(session);
		this.filters = new FilterState(session);
		this.customer = new CustomerPageState(session);
	}

	/**
	 * Shows a dataset the worker has just opened or imported, on the first page of its table: the
	 * page that came with it (asked with `firstPage()`), else the one `loadPage` fetches after.
	 */
	show(opened: Opened): void {
		this.openMeta = opened.meta;
		this.view = opened.view;
		this.query = firstPage();
		if (opened.page) this.showPage(++this.queryTicket, opened.page);
		this.drill = null;
		this.tabs.clear();
		this.customer.close();
		void this.filters.reset();
		this.session.phase = 'dashboard';
		this.remember();
	}

	/** The open dataset and tab are what the next visit opens (README "Coming back"). */
	private remember(): void {
		const id = this.openMeta?.id;
		if (id !== undefined) void saveLastView(this.workspace.workspaceId, { datasetId: id, tab: this.tabs.tab });
	}

	/** Forgets what is shown (the worker keeps the dataset cached). */
	clear(): void {
		this.openMeta = null;
		this.view = null;
		this.page = null;
	}

	/**
	 * Opens a stored dataset. A failure (an `open` error: corrupt or old records, an exception in
	 * building its views) leaves what was shown before and adds an error naming the dataset, with
	 * a button to delete it; a page is never left blank. An open of the dataset already being opened
	 * (a click on it during the automatic reopen after a reload) joins that one: one request, one
	 * dashboard, shown even if the reopen alone would have given way.
	 */
	openDataset(id: number, stillWanted: () => boolean = () => true): Promise<void> {
		if (this.opening?.id === id) {
			this.opening.asked.again = true;
			return this.opening.done;
		}
		const asked = { again: false };
		const done = this.requestOpen(id, () => asked.again || stillWanted());
		const opening = { id, done, asked };
		this.opening = opening;
		void done.finally(() => {
			if (this.opening === opening) this.opening = null;
		});
		return done;
	}

	private async requestOpen(id: number, stillWanted: () => boolean): Promise<void> {
		this.busy = true;
		try {
			const known = this.workspace.datasets.find((d) => d.id === id);
			const opened = await this.session.client.request('open', {
				datasetId: id,
				settings: this.prefs.engineSettings(known?.dateRange ?? null),
				query: firstPage()
			});
			// an automatic reopen gives way to whatever the person did meanwhile (New import, a drop)
			if (!stillWanted()) return;
			this.show(opened);
			await Promise.all([opened.page ? null : this.loadPage(), this.loadTab()]);
		} catch (err) {
			this.failOpen(id, err);
		} finally {
			this.busy = false;
		}
	}

	/** An open that failed, as an `open` error naming the dataset (from the list when the worker could not read its name). */
	private failOpen(id: number, err: unknown): void {
		const f = err instanceof WorkerFailure ? err.failure : null;
		const detail =
			f?.kind === 'open'
				? f.detail
				: f?.kind === 'internal'
					? f.message
					: f
						? new WorkerFailure(f).message
						: err instanceof Error
							? err.message
							: String(err);
		const name = (f?.kind === 'open' && f.name) || this.workspace.datasetName(id);
		this.session.failOpenOf(id, name, detail);
	}

	/** The dashboard of the open dataset failed to render: show the error with its delete button instead. */
	dashboardFailed(err: unknown): void {
		const meta = this.openMeta;
		if (!meta) return this.session.fail(err);
		this.session.failOpenOf(meta.id, meta.name, err instanceof Error ? err.message : String(err));
		this.closeDataset();
	}

	/** Shows the start page instead of a dataset (the worker keeps it cached). */
	closeDataset(): void {
		this.clear();
		this.tabs.clear();
		if (this.session.phase === 'dashboard') this.session.phase = 'home';
	}

	/** Renames a stored dataset (the worker writes it); the list and an open dashboard show the new name. */
	async renameDataset(id: number, name: string): Promise<void> {
		try {
			await this.session.client.request('renameDataset', { id, name });
			if (this.openMeta?.id === id) this.openMeta = { ...this.openMeta, name: name.trim() };
			announce({ type: 'datasets-changed' });
			await this.workspace.refreshDatasets();
		} catch (err) {
			this.session.fail(err);
		}
	}

	/** The person chose something else (New import, a drop): a reopen still under way gives way. */
	stopReopen(): void {
		this.reopenTicket++;
	}

	/** Opens the dataset and tab shown last in this workspace when it is still stored; answers whether it did. */
	async reopenLast(): Promise<boolean> {
		const ticket = ++this.reopenTicket;
		const last = await loadLastView(this.workspace.workspaceId);
		const untouched = () => ticket === this.reopenTicket && this.session.phase === 'home' && !this.openMeta;
		if (!last || !untouched() || !this.workspace.datasets.some((d) => d.id === last.datasetId)) return false;
		this.tabs.tab = last.tab;
		await this.openDataset(last.datasetId, untouched);
		return this.openMeta?.id === last.datasetId;
	}

	/** Deletes a stored dataset (the worker writes the database) and answers the errors about it. */
	async removeDataset(id: number): Promise<void> {
		try {
			await this.session.client.request('deleteDataset', { id });
			this.session.forgetErrorsOf(id);
			announce({ type: 'datasets-changed' });
			await this.session.client.request('forget', { datasetId: id });
			if (this.openMeta?.id === id) {
				this.clear();
				if (this.session.phase === 'dashboard') this.session.phase = 'home';
			}
			await this.workspace.refreshDatasets();
		} catch (err) {
			this.session.fail(err);
		}
	}

	/** Settings changed: save them, re-rank in the worker from cached totals, then reload the visible page. */
	async applySettings(next: Partial<UserSettings>): Promise<void> {
		this.prefs.update(next);
		await this.rerank();
	}

	/** The price-raise what-if's inputs: computed on the page from the types already shown, no new request. */
	setPriceRaise(next: PriceRaise): void {
		this.prefs.update({ priceRaise: next });
	}

	/** One field of the filter bar changed (README "Dimensions and filters"): every view follows. */
	async applyFilter(field: string, values: string[]): Promise<void> {
		if (this.filters.set(field, values)) await this.rerank();
	}

	/** Every filter is cleared. */
	async clearFilters(): Promise<void> {
		if (this.filters.clearAll()) await this.rerank();
	}

	/** Classifies anew in the worker (cached totals where it can) with the table's first page, then reloads what else is visible. */
	private async rerank(): Promise<void> {
		if (!this.view) return;
		try {
			const settings = this.engineSettings();
			const query: CustomerQuery = { ...$state.snapshot(this.query), offset: 0, classIndex: -1 };
			const ticket = ++this.queryTicket;
			// the dashboard and its customer table's first page in one answer: one update draws both
			const next = await this.session.client.request('reclassify', { settings, query });
			this.view = next.view;
			this.query = { ...this.query, offset: 0, classIndex: -1 };
			this.showPage(ticket, next.page);
			this.tabs.clear();
			// a filter that leaves no customer says which condition to relax
			this.filters.relax =
				next.view.customerCount === 0 && settings.filter
					? await this.session.client.request('filterRelax', { settings })
					: null;
			const key = this.customer.key;
			// asked in this order (the worker answers in turn): the filter bar's counts, then the open
			// tab and the customer page
			await Promise.all([this.loadFilterCounts(settings), this.loadTab(), key ? this.openCustomer(key) : null]);
		} catch (err) {
			this.session.fail(err);
		}
	}

	/**
	 * The filter bar's counts follow the other conditions and the period (none without either). Asked
	 * once the switch's dashboard and table are painted: their answer and its update come after.
	 */
	private async loadFilterCounts(settings: ClassifySettings): Promise<void> {
		if (!(settings.filter || settings.dateFrom !== undefined || settings.dateTo !== undefined)) {
			this.filters.counts = null;
			return;
		}
		await new Promise<void>((resolve) => afterNextPaint(resolve));
		this.filters.counts = await this.session.client.request('filterCounts', { settings });
	}

	/**
	 * Settings as the engine takes them, with the period resolved against the open dataset's dates
	 * and the filter bar's rows (README "Dimensions and filters").
	 */
	engineSettings(dateRange: [number, number] | null = this.openMeta?.dateRange ?? null): ClassifySettings {
		const settings = this.prefs.engineSettings(dateRange);
		const filter = this.filters.rowFilter;
		return filter ? { ...settings, filter } : settings;
	}

	/** Opens the customer page of `key` under the open settings. */
	async openCustomer(key: string): Promise<void> {
		if (!this.view) return;
		await this.customer.open(key, this.engineSettings(), this.prefs.snapshot());
	}

	closeCustomer(): void {
		this.customer.close();
	}

	/** Shows a drill-down's customers in the customer table (null: every customer again). */
	async showDrill(drill: Drill | null): Promise<void> {
		this.drill = drill;
		this.query = {
			...firstPage(),
			...(drill ? { only: drill.only, classIndex: drill.classIndex ?? -1 } : {})
		};
		if (drill && this.tabs.tab !== 'classes') {
			this.tabs.tab = 'classes';
			this.remember();
		}
		await this.loadPage();
	}

	async setTab(tab: Tab): Promise<void> {
		this.tabs.tab = tab;
		this.remember();
		await this.loadTab();
	}

	/** Computes the open tab's view in the worker (only that one: the others wait until opened). */
	async loadTab(): Promise<void> {
		if (!this.view || !this.openMeta) return;
		await this.tabs.load(this.openMeta, this.engineSettings(), this.prefs.snapshot());
	}

	/** Computes every tab's view whose data exists, for the printed report; the open tab stays open. */
	async loadAllForReport(): Promise<void> {
		if (!this.view || !this.openMeta) return;
		await this.tabs.loadAllForReport(this.openMeta, this.engineSettings(), this.prefs.snapshot());
	}

	async setQuery(next: Partial<CustomerQuery>): Promise<void> {
		const resetOffset = 'search' in next || 'sort' in next || 'descending' in next || 'classIndex' in next;
		this.query = { ...this.query, ...(resetOffset ? { offset: 0 } : {}), ...next };
		await this.loadPage();
	}

	/**
	 * Shows the answer to the table's request `ticket` unless a later request's answer is shown
	 * already (the worker answers in order: a slower earlier answer never overwrites a newer one).
	 */
	private showPage(ticket: number, page: CustomerPage): void {
		if (ticket < this.shownTicket) return;
		this.shownTicket = ticket;
		this.page = page;
	}

	async loadPage(): Promise<void> {
		const ticket = ++this.queryTicket;
		try {
			const page = await this.session.client.request('query', $state.snapshot(this.query));
			this.showPage(ticket, page);
		} catch (err) {
			this.session.fail(err);
		}
	}
}
