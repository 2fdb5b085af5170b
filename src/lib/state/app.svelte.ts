/**
 * The Analysis page's state, composed of one rune class per concern (README "Architecture"):
 * `Session` (worker client, phase, errors), `WorkspaceState`, `SettingsState`, `DashboardState`
 * (with `TabViews`), `ImportFlow` and `ExportFlow`, each exported below as its one instance.
 *
 * `AppState` builds them around one worker client and loads them once per page load (`init`).
 * Its accessors are the page's vocabulary (`app.phase`, `app.openMeta`, `app.runImport()`…):
 * each one only forwards to the concern that owns the field. No logic lives here beyond `init`,
 * `switchWorkspace` and the share link, which span concerns.
 *
 * Specs: tests/component/state-concerns.test.ts (session, workspace, settings, tab views, CRM
 * storage errors), import-saving.test.ts and dataset-errors.test.ts (import flow and dashboard).
 */
import type { CustomerPage, CustomerQuery } from '../engine/customer-table';
import type { PriceRaise } from '../engine/price-whatif';
import type { DashboardView } from '../engine/dashboard';
import type { ClassifySettings } from '../engine/types';
import { listen } from '../store/broadcast';
import type { DatasetMeta, Workspace } from '../store/db';
import { onVersionChange } from '../store/page-store';
import type { ImportProgressEvent, WorkerClient } from '../worker/client';
import type { SniffOverrides } from '../ingest/pipeline';
import { DashboardState } from './dashboard.svelte';
import { setDirectNavigator } from './drill-nav';
import { ExportFlow } from './exports.svelte';
import { ImportFlow, type PendingFile } from './import-flow.svelte';
import { importWasInterrupted } from './import-marker';
import { Session, type AppError, type Phase } from './session.svelte';
import type { UserSettings } from './settings';
import { decodeSharedView, encodeSharedView, TABS, type SharedView, type Tab } from './share-link';
import { SettingsState } from './user-settings.svelte';
import { WorkspaceState } from './workspace.svelte';

export type { AppError, Phase, PendingFile, SharedView, Tab };
export { TABS };
/** Tabs that need a date column. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a constant, never mutated
export const DATED_TABS: ReadonlySet<Tab> = new Set<Tab>(['vip', 'movement', 'xyz', 'recency', 'rfm']);

export class AppState {
	readonly session: Session;
	readonly workspace: WorkspaceState;
	readonly prefs: SettingsState;
	readonly dashboard: DashboardState;
	readonly imports: ImportFlow;
	readonly exports: ExportFlow;
	/** another tab opened a newer database version: this tab must reload */
	needsReload = $state(false);
	private initialised: Promise<void> | null = null;

	constructor(createW?: () => Worker) {
		this.session = new Session(createW);
		this.workspace = new WorkspaceState(this.session);
		this.prefs = new SettingsState(this.session);
		this.dashboard = new DashboardState(this.session, this.prefs, this.workspace);
		this.imports = new ImportFlow(this.session, this.prefs, this.workspace, this.dashboard);
		this.exports = new ExportFlow(this.session, this.prefs, this.dashboard);
	}

	/** Loads settings, workspaces and datasets once per page load (every route calls it). */
	init(): Promise<void> {
		this.initialised ??= (async () => {
			// Dexie closes this connection so the other tab can upgrade; ask for a reload
			onVersionChange(() => (this.needsReload = true));
			listen((e) => {
				if (e.type === 'datasets-changed') this.refreshDatasets();
			});
			if (await importWasInterrupted()) this.session.notice = 'notice.interrupted';
			await this.prefs.reload();
			await this.workspace.loadChosen();
			await this.refreshWorkspaces();
			await this.refreshDatasets();
			this.client.warm();
		})();
		return this.initialised;
	}

	/** A workspace keeps one company's datasets, prospects and dossiers together. */
	async switchWorkspace(id: string): Promise<void> {
		await this.workspace.choose(id);
		this.dashboard.clear();
		this.session.phase = 'home';
		await this.refreshDatasets();
	}

	async createWorkspace(name: string): Promise<void> {
		const id = await this.workspace.create(name);
		if (id) await this.switchWorkspace(id);
	}

	/** A link that reproduces this view on the same file: settings only, never data. */
	shareLink(): string {
		const shared: SharedView = { ...this.prefs.snapshot(), tab: this.tab };
		return `${location.origin}${location.pathname}${encodeSharedView(shared)}`;
	}

	/** Applies settings from a shared link's hash; ignores anything malformed. */
	async applySharedHash(hash: string): Promise<boolean> {
		const shared = decodeSharedView(hash);
		if (!shared) return false;
		this.prefs.settings = { ...this.prefs.settings, ...shared.settings };
		if (shared.tab) this.dashboard.tabs.tab = shared.tab;
		await this.prefs.save();
		return true;
	}

	// ---- forwarding accessors: the page's vocabulary, one line each ----
	get client(): WorkerClient {
		return this.session.client;
	}
	get phase(): Phase {
		return this.session.phase;
	}
	set phase(v: Phase) {
		this.session.phase = v;
	}
	get errors(): AppError[] {
		return this.session.errors;
	}
	set errors(v: AppError[]) {
		this.session.errors = v;
	}
	get notice(): string | null {
		return this.session.notice;
	}
	set notice(v: string | null) {
		this.session.notice = v;
	}
	dismissError(i: number): void {
		this.session.dismissError(i);
	}

	get workspaceId(): string {
		return this.workspace.workspaceId;
	}
	get workspaces(): Workspace[] {
		return this.workspace.workspaces;
	}
	get datasets(): DatasetMeta[] {
		return this.workspace.datasets;
	}
	set datasets(v: DatasetMeta[]) {
		this.workspace.datasets = v;
	}
	refreshWorkspaces(): Promise<void> {
		return this.workspace.refreshWorkspaces();
	}
	refreshDatasets(): Promise<void> {
		return this.workspace.refreshDatasets();
	}

	get settings(): UserSettings {
		return this.prefs.settings;
	}
	set settings(v: UserSettings) {
		this.prefs.settings = v;
	}
	reloadSettings(): Promise<void> {
		return this.prefs.reload();
	}
	engineSettings(dateRange?: [number, number] | null): ClassifySettings {
		return this.dashboard.engineSettings(dateRange);
	}
	applySettings(next: Partial<UserSettings>): Promise<void> {
		return this.dashboard.applySettings(next);
	}
	setPriceRaise(next: PriceRaise): void {
		this.dashboard.setPriceRaise(next);
	}

	get openMeta(): DatasetMeta | null {
		return this.dashboard.openMeta;
	}
	set openMeta(v: DatasetMeta | null) {
		this.dashboard.openMeta = v;
	}
	get view(): DashboardView | null {
		return this.dashboard.view;
	}
	set view(v: DashboardView | null) {
		this.dashboard.view = v;
	}
	get query(): CustomerQuery {
		return this.dashboard.query;
	}
	get page(): CustomerPage | null {
		return this.dashboard.page;
	}
	get busy(): boolean {
		return this.dashboard.busy;
	}
	openDataset(id: number): Promise<void> {
		return this.dashboard.openDataset(id);
	}
	closeDataset(): void {
		this.dashboard.closeDataset();
	}
	dashboardFailed(err: unknown): void {
		this.dashboard.dashboardFailed(err);
	}
	removeDataset(id: number): Promise<void> {
		return this.dashboard.removeDataset(id);
	}
	setQuery(next: Partial<CustomerQuery>): Promise<void> {
		return this.dashboard.setQuery(next);
	}
	loadPage(): Promise<void> {
		return this.dashboard.loadPage();
	}

	get tab(): Tab {
		return this.dashboard.tabs.tab;
	}
	setTab(tab: Tab): Promise<void> {
		return this.dashboard.setTab(tab);
	}
	loadTab(): Promise<void> {
		return this.dashboard.loadTab();
	}
	get vipView() {
		return this.dashboard.tabs.vipView;
	}
	get migrationView() {
		return this.dashboard.tabs.migrationView;
	}
	get migrationCell() {
		return this.dashboard.tabs.migrationCell;
	}
	get marginView() {
		return this.dashboard.tabs.marginView;
	}
	get xyzView() {
		return this.dashboard.tabs.xyzView;
	}
	get rfmView() {
		return this.dashboard.tabs.rfmView;
	}
	get reeseView() {
		return this.dashboard.tabs.reeseView;
	}
	get recencyView() {
		return this.dashboard.tabs.recencyView;
	}
	get compareView() {
		return this.dashboard.tabs.compareView;
	}
	openMigrationCell(from: number, to: number): Promise<void> {
		return this.dashboard.tabs.openMigrationCell(from, to);
	}

	get pending(): PendingFile[] {
		return this.imports.pending;
	}
	set pending(v: PendingFile[]) {
		this.imports.pending = v;
	}
	get datasetName(): string {
		return this.imports.datasetName;
	}
	set datasetName(v: string) {
		this.imports.datasetName = v;
	}
	get progress(): ImportProgressEvent | null {
		return this.imports.progress;
	}
	get saving(): boolean {
		return this.imports.saving;
	}
	get importing(): boolean {
		return this.imports.importing;
	}
	importSample(language: 'ru' | 'en' | 'ro', name: string): Promise<void> {
		return this.imports.importSample(language, name);
	}
	addFiles(files: File[]): Promise<void> {
		return this.imports.addFiles(files);
	}
	resniff(index: number, overrides: SniffOverrides): Promise<void> {
		return this.imports.resniff(index, overrides);
	}
	removePending(index: number): void {
		this.imports.removePending(index);
	}
	cancelMapping(): void {
		this.imports.cancelMapping();
	}
	newImport(): void {
		this.imports.newImport();
	}
	runImport(): Promise<void> {
		return this.imports.runImport();
	}
	cancelImport(): void {
		this.imports.cancelImport();
	}
}

export const app = new AppState();
setDirectNavigator({
	customer: (key) => void app.dashboard.openCustomer(key),
	list: (drill) => void app.dashboard.showDrill(drill),
	close: () => app.dashboard.closeCustomer()
});
/** The concerns of `app`, one instance each. */
export const { session, workspace, prefs, dashboard, imports, exports } = app;
/** The dashboard's filter bar and customer page (README "Dimensions and filters"). */
export const { filters, customer } = app.dashboard;
