import type { CustomerPage, CustomerQuery } from '../engine/customer-table';
import type { DashboardView } from '../engine/dashboard';
import type { ImportErrorInfo } from '../ingest/errors';
import type { FileSniff, SniffOverrides } from '../ingest/pipeline';
import type { DatasetMeta } from '../store/db';
import { deleteDataset, getSetting, listDatasets, putSetting } from '../store/datasets';
import { DEFAULT_WORKSPACE_ID, getDb, type Workspace } from '../store/db';
import { listWorkspaces, putWorkspace } from '../store/crm';
import { announce, listen } from '../store/broadcast';
import { WorkerClient, WorkerFailure, type ProgressEvent } from '../worker/client';
import type { Failure, FileChoice } from '../worker/protocol';
import { DEFAULT_SETTINGS, parseIsoDay, toClassifySettings, type UserSettings } from './settings';
import type {
	CompareView,
	MarginView,
	MigrationCellView,
	MigrationView,
	RecencyView,
	VipView,
	XyzView
} from '../engine/view-types';
import type { ClassifySettings } from '../engine/types';
import { defaultPeriods, halvesOfYear, type Period } from '../engine/migration';
import { dayToParts } from '../engine/calendar';
import type { ExportFormat } from '../engine/export';

export type SharedView = UserSettings & { tab: Tab };
export type Tab = 'classes' | 'vip' | 'movement' | 'xyz' | 'recency' | 'margin' | 'compare';
export const TABS: Tab[] = ['classes', 'vip', 'movement', 'xyz', 'recency', 'margin', 'compare'];
/** Tabs that need a date column. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a constant, never mutated
export const DATED_TABS: ReadonlySet<Tab> = new Set<Tab>(['vip', 'movement', 'xyz', 'recency']);

/** One dropped file in the mapping step. */
export interface PendingFile {
	file: File;
	sniff: FileSniff | null;
	error: ImportErrorInfo | null;
	choice: Omit<FileChoice, 'file'>;
}

/**
 * What the page shows in an error box. `step`: an import step after classification failed and
 * nothing was stored; `open`: a stored dataset cannot be opened, shown with a button to delete it.
 */
export type AppError = Failure;

export type Phase = 'home' | 'mapping' | 'importing' | 'dashboard';

const PAGE_SIZE = 50;
const SETTINGS_KEY = 'classify';
const WORKSPACE_KEY = 'workspace';
const IMPORT_MARKER = 'paretoscope.import-running';
const IMPORT_LOCK = 'paretoscope-import';

function createWorker(): Worker {
	return new Worker(new URL('../worker/analysis.worker.ts', import.meta.url), { type: 'module' });
}

/** App-wide state; components render it and call its methods, the worker does the data work. */
export class AppState {
	phase = $state<Phase>('home');
	datasets = $state.raw<DatasetMeta[]>([]);
	pending = $state<PendingFile[]>([]);
	datasetName = $state('');
	progress = $state.raw<ProgressEvent | null>(null);
	errors = $state.raw<AppError[]>([]);
	notice = $state<string | null>(null);
	openMeta = $state.raw<DatasetMeta | null>(null);
	view = $state.raw<DashboardView | null>(null);
	settings = $state<UserSettings>(structuredClone(DEFAULT_SETTINGS));
	query = $state<CustomerQuery>({
		sort: 'rank',
		descending: false,
		search: '',
		classIndex: -1,
		offset: 0,
		limit: PAGE_SIZE
	});
	page = $state.raw<CustomerPage | null>(null);
	busy = $state(false);
	/** an import's dashboard is showing and its dataset is still being written */
	saving = $state(false);
	tab = $state<Tab>('classes');
	vipView = $state.raw<VipView | null>(null);
	migrationView = $state.raw<MigrationView | null>(null);
	migrationCell = $state.raw<MigrationCellView | null>(null);
	marginView = $state.raw<MarginView | null>(null);
	xyzView = $state.raw<XyzView | null>(null);
	recencyView = $state.raw<RecencyView | null>(null);
	compareView = $state.raw<CompareView | null>(null);
	private tabTicket = 0;

	/** another tab opened a newer database version: this tab must reload */
	needsReload = $state(false);
	workspaceId = $state(DEFAULT_WORKSPACE_ID);
	workspaces = $state.raw<Workspace[]>([]);

	readonly client: WorkerClient;
	private importId = 0;
	private queryTicket = 0;

	constructor(createW: () => Worker = createWorker) {
		this.client = new WorkerClient(createW);
	}

	private initialised: Promise<void> | null = null;

	/** Settings as stored (after a restore), or the defaults (after a wipe). */
	async reloadSettings(): Promise<void> {
		const saved = await getSetting<UserSettings | null>(getDb(), SETTINGS_KEY, null).catch(() => null);
		this.settings = { ...structuredClone(DEFAULT_SETTINGS), ...(saved ?? {}) };
	}

	/** Loads settings, workspaces and datasets once per page load (every route calls it). */
	init(): Promise<void> {
		this.initialised ??= (async () => {
			const db = getDb();
			db.on('versionchange', () => {
				// Dexie closes this connection so the other tab can upgrade; ask for a reload
				this.needsReload = true;
			});
			listen((e) => {
				if (e.type === 'datasets-changed') this.refreshDatasets();
			});
			await this.checkInterruptedImport();
			const saved = await getSetting<UserSettings | null>(db, SETTINGS_KEY, null).catch(() => null);
			if (saved) this.settings = { ...structuredClone(DEFAULT_SETTINGS), ...saved };
			this.workspaceId = await getSetting<string>(db, WORKSPACE_KEY, DEFAULT_WORKSPACE_ID).catch(
				() => DEFAULT_WORKSPACE_ID
			);
			await this.refreshWorkspaces();
			await this.refreshDatasets();
			this.client.warm();
		})();
		return this.initialised;
	}

	/** A marker left by an import this tab (or a closed one) never finished: say so, once. */
	private async checkInterruptedImport(): Promise<void> {
		const marker = localStorage.getItem(IMPORT_MARKER);
		if (!marker) return;
		const held = await navigator.locks
			?.query()
			.then((q) => q.held?.some((l) => l.name === IMPORT_LOCK))
			.catch(() => false);
		if (held) return; // another open tab is importing right now
		localStorage.removeItem(IMPORT_MARKER);
		this.notice = 'notice.interrupted';
	}

	async refreshWorkspaces(): Promise<void> {
		try {
			this.workspaces = await listWorkspaces(getDb());
			if (!this.workspaces.some((w) => w.id === this.workspaceId)) this.workspaceId = DEFAULT_WORKSPACE_ID;
		} catch (err) {
			this.fail(err);
		}
	}

	async refreshDatasets(): Promise<void> {
		try {
			this.datasets = await listDatasets(getDb(), this.workspaceId);
		} catch (err) {
			this.fail(err);
		}
	}

	/** A workspace keeps one company's datasets, prospects and dossiers together. */
	async switchWorkspace(id: string): Promise<void> {
		this.workspaceId = id;
		await putSetting(getDb(), WORKSPACE_KEY, id).catch(() => {});
		this.openMeta = null;
		this.view = null;
		this.page = null;
		this.phase = 'home';
		await this.refreshDatasets();
	}

	async createWorkspace(name: string): Promise<void> {
		const w: Workspace = { id: crypto.randomUUID(), name: name.trim(), createdAt: Date.now() };
		await putWorkspace(getDb(), w);
		await this.refreshWorkspaces();
		await this.switchWorkspace(w.id);
	}

	private fail(err: unknown): void {
		const e: AppError =
			err instanceof WorkerFailure
				? err.failure
				: { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
		this.errors = [...this.errors, e];
	}

	dismissError(i: number): void {
		this.errors = this.errors.filter((_, k) => k !== i);
	}

	/** Files dropped or picked: sniff each in the worker and show the mapping step. */
	async addFiles(files: File[]): Promise<void> {
		if (files.length === 0) return;
		this.errors = [];
		this.notice = null;
		const added: PendingFile[] = [];
		for (const file of files) {
			const p = await this.sniffOne(file, {});
			if (p) added.push(p);
		}
		if (added.length === 0) return;
		const first = added.find((p) => p.sniff);
		if (!first) {
			this.errors = added.map((p) => ({ kind: 'import', info: p.error! }) as AppError);
			return;
		}
		this.pending = [...(this.phase === 'mapping' ? this.pending : []), ...added];
		this.datasetName = this.pending.map((p) => p.file.name.replace(/\.(csv|txt|tsv)$/i, '')).join(' + ');
		this.phase = 'mapping';
	}

	private async sniffOne(file: File, overrides: SniffOverrides): Promise<PendingFile | null> {
		try {
			const out = await this.client.request('sniff', { file, overrides });
			if (!out.ok) return { file, sniff: null, error: out.error, choice: emptyChoice(overrides) };
			const s = out.sniff;
			return {
				file,
				sniff: s,
				error: null,
				choice: {
					overrides,
					mapping: { ...s.auto.mapping },
					amountSource: s.auto.amountSource,
					dateOrder: s.dateOrder,
					decimalSeparators: [...s.decimalSeparators],
					meaning: structuredClone(s.meaning ?? {})
				}
			};
		} catch (err) {
			this.fail(err);
			return null;
		}
	}

	/** Encoding or delimiter changed by hand: read the file again with it. */
	async resniff(index: number, overrides: SniffOverrides): Promise<void> {
		const p = this.pending[index];
		if (!p) return;
		const merged = { ...p.choice.overrides, ...overrides };
		const next = await this.sniffOne(p.file, merged);
		if (next) this.pending[index] = next;
	}

	removePending(index: number): void {
		this.pending = this.pending.filter((_, i) => i !== index);
		if (this.pending.length === 0) this.phase = this.openMeta ? 'dashboard' : 'home';
	}

	cancelMapping(): void {
		this.pending = [];
		this.phase = this.openMeta ? 'dashboard' : 'home';
	}

	async runImport(): Promise<void> {
		const ready = this.pending.filter((p) => p.sniff);
		if (ready.length === 0) return;
		const previous = this.phase;
		this.phase = 'importing';
		this.errors = [];
		this.progress = { stage: 'read', fraction: 0, rows: 0, fileIndex: 0 };
		const files: FileChoice[] = ready.map((p) => ({ file: p.file, ...$state.snapshot(p.choice) }));
		const job = this.client.start(
			'import',
			{
				files,
				name: this.datasetName.trim() || ready[0].file.name,
				workspaceId: this.workspaceId,
				settings: toClassifySettings($state.snapshot(this.settings))
			},
			(p) => (this.progress = p)
		);
		this.importId = job.id;
		localStorage.setItem(IMPORT_MARKER, String(Date.now()));
		let releaseLock: () => void = () => {};
		navigator.locks
			?.request(IMPORT_LOCK, () => new Promise<void>((resolve) => (releaseLock = resolve)))
			.catch(() => {});
		const previousMeta = this.openMeta;
		try {
			const opened = await job.promise;
			this.openMeta = opened.meta;
			this.view = opened.view;
			this.resetQuery();
			this.clearTabViews();
			this.phase = 'dashboard';
			this.importId = 0;
			this.progress = null;
			// the dashboard shows while the browser is still writing the dataset: wait for that here
			this.saving = true;
			// the import ranked without a period (the date range was unknown): apply it now
			const shown =
				this.settings.period !== 'all' ? this.applySettings({}) : Promise.all([this.loadPage(), this.loadTab()]);
			try {
				await this.client.request('stored', { datasetId: opened.meta.id });
			} catch (err) {
				await shown.catch(() => {});
				await this.reopenAfterFailedSave(previousMeta);
				this.fail(err);
				// the files stay chosen, as after any failed import
				if (previous === 'mapping') this.phase = 'mapping';
				return;
			}
			this.pending = [];
			await shown;
			await this.refreshDatasets();
		} catch (err) {
			const cancelled =
				err instanceof WorkerFailure && err.failure.kind === 'import' && err.failure.info.code === 'cancelled';
			if (cancelled) this.notice = 'progress.cancelled';
			else this.fail(err);
			this.phase = previous === 'mapping' ? 'mapping' : this.openMeta ? 'dashboard' : 'home';
		} finally {
			this.importId = 0;
			this.progress = null;
			this.saving = false;
			localStorage.removeItem(IMPORT_MARKER);
			releaseLock();
		}
	}

	/** The import's dataset could not be stored: show what was open before, or the start page. */
	private async reopenAfterFailedSave(previousMeta: DatasetMeta | null): Promise<void> {
		this.clearTabViews();
		if (previousMeta) {
			await this.openDataset(previousMeta.id);
			return;
		}
		this.openMeta = null;
		this.view = null;
		this.page = null;
		this.phase = 'home';
	}

	cancelImport(): void {
		if (this.importId) this.client.cancel(this.importId);
	}

	/** true from Import until the dataset is stored (the dashboard may already show) */
	get importing(): boolean {
		return this.phase === 'importing' || this.saving;
	}

	/**
	 * Opens a stored dataset. A failure (an `open` error: corrupt or old records, an exception in
	 * building its views) leaves what was shown before and adds an error naming the dataset, with
	 * a button to delete it; a page is never left blank.
	 */
	async openDataset(id: number): Promise<void> {
		this.busy = true;
		try {
			const known = this.datasets.find((d) => d.id === id);
			const opened = await this.client.request('open', {
				datasetId: id,
				settings: this.engineSettings(known?.dateRange ?? null)
			});
			this.openMeta = opened.meta;
			this.view = opened.view;
			this.resetQuery();
			this.clearTabViews();
			this.phase = 'dashboard';
			await Promise.all([this.loadPage(), this.loadTab()]);
		} catch (err) {
			this.failOpen(id, err);
		} finally {
			this.busy = false;
		}
	}

	/** An open that failed as an `open` error naming the dataset (from the list when the worker could not read its name). */
	private failOpen(id: number, err: unknown): void {
		const f = err instanceof WorkerFailure ? err.failure : null;
		const known = this.datasets.find((d) => d.id === id)?.name ?? '';
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
		const name = (f?.kind === 'open' && f.name) || known;
		this.errors = [
			...this.errors.filter((e) => !(e.kind === 'open' && e.datasetId === id)),
			{ kind: 'open', datasetId: id, name, detail }
		];
	}

	/** The dashboard of the open dataset failed to render: show the error with its delete button instead. */
	dashboardFailed(err: unknown): void {
		const meta = this.openMeta;
		if (!meta) return this.fail(err);
		const detail = err instanceof Error ? err.message : String(err);
		this.errors = [
			...this.errors.filter((e) => !(e.kind === 'open' && e.datasetId === meta.id)),
			{ kind: 'open', datasetId: meta.id, name: meta.name, detail }
		];
		this.closeDataset();
	}

	/** Shows the start page instead of a dataset (the worker keeps it cached). */
	closeDataset(): void {
		this.openMeta = null;
		this.view = null;
		this.page = null;
		this.clearTabViews();
		if (this.phase === 'dashboard') this.phase = 'home';
	}

	async removeDataset(id: number): Promise<void> {
		try {
			await deleteDataset(getDb(), id);
			// an error about this dataset (it could not be opened) is answered
			this.errors = this.errors.filter((e) => !(e.kind === 'open' && e.datasetId === id));
			announce({ type: 'datasets-changed' });
			await this.client.request('forget', { datasetId: id });
			if (this.openMeta?.id === id) {
				this.openMeta = null;
				this.view = null;
				this.page = null;
				if (this.phase === 'dashboard') this.phase = 'home';
			}
			await this.refreshDatasets();
		} catch (err) {
			this.fail(err);
		}
	}

	newImport(): void {
		this.pending = [];
		this.phase = 'home';
	}

	/** Settings changed: re-rank in the worker from cached totals, then reload the visible page. */
	async applySettings(next: Partial<UserSettings>): Promise<void> {
		this.settings = { ...this.settings, ...next };
		const snapshot = $state.snapshot(this.settings);
		putSetting(getDb(), SETTINGS_KEY, snapshot).catch(() => {});
		if (!this.view) return;
		try {
			this.view = await this.client.request('classify', { settings: this.engineSettings() });
			this.query = { ...this.query, offset: 0, classIndex: -1 };
			this.clearTabViews();
			await Promise.all([this.loadPage(), this.loadTab()]);
		} catch (err) {
			this.fail(err);
		}
	}

	/** Settings as the engine takes them, with the period resolved against the open dataset's dates. */
	engineSettings(dateRange: [number, number] | null = this.openMeta?.dateRange ?? null): ClassifySettings {
		return toClassifySettings($state.snapshot(this.settings), dateRange);
	}

	private clearTabViews(): void {
		this.vipView = this.migrationView = this.migrationCell = null;
		this.marginView = this.xyzView = this.recencyView = this.compareView = null;
	}

	async setTab(tab: Tab): Promise<void> {
		this.tab = tab;
		await this.loadTab();
	}

	/** The two periods of the movement view, from its settings and the dataset's dates. */
	migrationPeriods(): { previous: Period; current: Period } | null {
		const range = this.openMeta?.dateRange;
		if (!range) return null;
		const m = this.settings.migration;
		if (m.mode === 'halves') return halvesOfYear(m.year ?? dayToParts(range[1]).year);
		if (m.mode === 'custom') {
			const [a, b, c, d] = [m.p1From, m.p1To, m.p2From, m.p2To].map(parseIsoDay);
			if (a !== undefined && b !== undefined && c !== undefined && d !== undefined && a <= b && c <= d) {
				return { previous: { from: a, to: b }, current: { from: c, to: d } };
			}
		}
		return defaultPeriods(range[1]);
	}

	/** Computes the open tab's view in the worker (only that one: the others wait until opened). */
	async loadTab(): Promise<void> {
		if (!this.view || !this.openMeta) return;
		const ticket = ++this.tabTicket;
		const settings = this.engineSettings();
		const s = $state.snapshot(this.settings);
		const hasDates = !!this.openMeta.dateRange;
		try {
			switch (this.tab) {
				case 'vip':
					if (hasDates) {
						const v = await this.client.request('vip', { settings, vip: s.vip });
						if (ticket === this.tabTicket) this.vipView = v;
					}
					break;
				case 'movement': {
					const periods = this.migrationPeriods();
					if (periods) {
						const v = await this.client.request('migration', { settings, ...periods });
						if (ticket === this.tabTicket) {
							this.migrationView = v;
							this.migrationCell = null;
						}
					}
					break;
				}
				case 'xyz':
					if (hasDates) {
						const v = await this.client.request('xyz', { settings, xyz: s.xyz });
						if (ticket === this.tabTicket) this.xyzView = v;
					}
					break;
				case 'recency':
					if (hasDates) {
						const v = await this.client.request('recency', { settings, recency: s.recency });
						if (ticket === this.tabTicket) this.recencyView = v;
					}
					break;
				case 'margin':
					if (this.openMeta.has.profit) {
						const v = await this.client.request('margin', { settings, gap: s.marginGap });
						if (ticket === this.tabTicket) this.marginView = v;
					}
					break;
				case 'compare': {
					const v = await this.client.request('compare', { settings, a: s.compareA, b: s.compareB });
					if (ticket === this.tabTicket) this.compareView = v;
					break;
				}
			}
		} catch (err) {
			this.fail(err);
		}
	}

	async openMigrationCell(from: number, to: number): Promise<void> {
		try {
			this.migrationCell = await this.client.request('migrationCell', { from, to });
		} catch (err) {
			this.fail(err);
		}
	}

	private resetQuery(): void {
		this.query = { sort: 'rank', descending: false, search: '', classIndex: -1, offset: 0, limit: PAGE_SIZE };
	}

	async setQuery(next: Partial<CustomerQuery>): Promise<void> {
		const resetOffset = 'search' in next || 'sort' in next || 'descending' in next || 'classIndex' in next;
		this.query = { ...this.query, ...(resetOffset ? { offset: 0 } : {}), ...next };
		await this.loadPage();
	}

	async loadPage(): Promise<void> {
		const ticket = ++this.queryTicket;
		try {
			const page = await this.client.request('query', $state.snapshot(this.query));
			// a slower earlier answer must not overwrite a newer one
			if (ticket === this.queryTicket) this.page = page;
		} catch (err) {
			this.fail(err);
		}
	}

	/** The export file, or null after adding the failure to `errors` (an export never throws at the page). */
	async exportFile(format: ExportFormat, sheetNames: { customers: string; segments: string; concentration: string }) {
		const s = $state.snapshot(this.settings);
		try {
			return await this.client.request('exportFile', {
				vip: s.vip,
				xyz: s.xyz,
				recency: s.recency,
				format,
				sheetNames
			});
		} catch (err) {
			this.fail(err);
			return null;
		}
	}

	/** A link that reproduces this view on the same file: settings only, never data. */
	shareLink(): string {
		const s = $state.snapshot(this.settings);
		const shared: SharedView = { ...s, tab: this.tab };
		const json = JSON.stringify(shared);
		const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(json)))
			.replace(/\+/g, '-')
			.replace(/\//g, '_')
			.replace(/=+$/, '');
		return `${location.origin}${location.pathname}#view=${b64}`;
	}

	/** Applies settings from a shared link's hash; ignores anything malformed. */
	async applySharedHash(hash: string): Promise<boolean> {
		const m = /#view=([\w-]+)/.exec(hash);
		if (!m) return false;
		try {
			const bin = atob(m[1].replace(/-/g, '+').replace(/_/g, '/'));
			const shared = JSON.parse(
				new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))
			) as Partial<SharedView>;
			const { tab, ...settings } = shared;
			const known = Object.fromEntries(
				Object.entries(settings).filter(([k]) => k in DEFAULT_SETTINGS)
			) as Partial<UserSettings>;
			this.settings = { ...this.settings, ...known };
			if (tab && TABS.includes(tab)) this.tab = tab;
			await putSetting(getDb(), SETTINGS_KEY, $state.snapshot(this.settings)).catch(() => {});
			return true;
		} catch {
			return false;
		}
	}

	/** The CSV export, or null after adding the failure to `errors`. */
	async exportCsv(): Promise<string | null> {
		const s = $state.snapshot(this.settings);
		try {
			return await this.client.request('exportCsv', { vip: s.vip, xyz: s.xyz, recency: s.recency });
		} catch (err) {
			this.fail(err);
			return null;
		}
	}
}

function emptyChoice(overrides: SniffOverrides): PendingFile['choice'] {
	return {
		overrides,
		mapping: {
			customerKey: -1,
			customerName: -1,
			date: -1,
			amount: -1,
			quantity: -1,
			unitPrice: -1,
			profit: -1,
			manager: -1,
			orderId: -1
		},
		amountSource: 'column',
		dateOrder: 'dmy',
		decimalSeparators: [],
		meaning: {}
	};
}

export const app = new AppState();
