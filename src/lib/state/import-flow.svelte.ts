/**
 * The import wizard: dropped files are sniffed in the worker, shown in the mapping step, imported
 * with progress and Cancel, and shown on the dashboard while the browser still writes the dataset.
 * A failed or cancelled import leaves the files chosen and what was open before.
 */
import type { ImportErrorInfo } from '../ingest/errors';
import type { FileSniff, SniffOverrides } from '../ingest/pipeline';
import type { DatasetMeta } from '../store/db';
import { fileFingerprint, sameFilesAs, uniqueName } from '../core/file-fingerprint';
import { WorkerFailure, type ImportProgressEvent } from '../worker/client';
import type { FileChoice } from '../worker/protocol';
import { defaultDimensions } from '../ingest/dimensions';
import { firstPage, type DashboardState } from './dashboard.svelte';
import { markImportRunning } from './import-marker';
import type { Session } from './session.svelte';
import type { SettingsState } from './user-settings.svelte';
import type { WorkspaceState } from './workspace.svelte';

/** One dropped file in the mapping step. */
export interface PendingFile {
	file: File;
	sniff: FileSniff | null;
	error: ImportErrorInfo | null;
	choice: Omit<FileChoice, 'file'>;
}

export class ImportFlow {
	pending = $state<PendingFile[]>([]);
	datasetName = $state('');
	/** a stored dataset made of the same files as the ones chosen (README "Coming back"), or null */
	duplicate = $state.raw<DatasetMeta | null>(null);
	progress = $state.raw<ImportProgressEvent | null>(null);
	/** an import's dashboard is showing and its dataset is still being written */
	saving = $state(false);
	private importId = 0;

	constructor(
		private readonly session: Session,
		private readonly prefs: SettingsState,
		private readonly workspace: WorkspaceState,
		private readonly dashboard: DashboardState
	) {}

	/** true from Import until the dataset is stored (the dashboard may already show) */
	get importing(): boolean {
		return this.session.phase === 'importing' || this.saving;
	}

	/**
	 * The demo: a sample sales file in `language` (made by the worker, ending today) imported with
	 * its automatic mapping under `name`, straight to the dashboard.
	 */
	async importSample(language: 'ru' | 'en' | 'ro', name: string, nowMs = Date.now()): Promise<void> {
		this.session.errors = [];
		try {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never mutated
			const now = new Date(nowMs);
			const today = { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
			const sample = await this.session.client.request('sampleSales', { language, today });
			await this.addFiles([new File([sample.text], sample.fileName, { type: 'text/csv' })]);
		} catch (err) {
			this.session.fail(err);
			return;
		}
		if (this.session.phase !== 'mapping' || !this.pending[0]?.sniff) return;
		// a demo made today again is a new demo, not a question
		this.duplicate = null;
		this.datasetName = uniqueName(
			name,
			this.workspace.datasets.map((d) => d.name)
		);
		await this.runImport();
	}

	/** Files dropped or picked: sniff each in the worker and show the mapping step. */
	async addFiles(files: File[]): Promise<void> {
		if (files.length === 0) return;
		this.dashboard.stopReopen();
		this.session.errors = [];
		this.session.notice = null;
		const added: PendingFile[] = [];
		for (const file of files) {
			const p = await this.sniffOne(file, {});
			if (p) added.push(p);
		}
		if (added.length === 0) return;
		const first = added.find((p) => p.sniff);
		if (!first) {
			this.session.errors = added.map((p) => ({ kind: 'import', info: p.error! }) as const);
			return;
		}
		this.pending = [...(this.session.phase === 'mapping' ? this.pending : []), ...added];
		const names = this.workspace.datasets.map((d) => d.name);
		this.datasetName = uniqueName(
			this.pending.map((p) => p.file.name.replace(/\.(csv|txt|tsv)$/i, '')).join(' + '),
			names
		);
		// the same files imported before: the mapping step asks "open it / import again"
		const fingerprints = this.pending.map((p) => p.choice.fingerprint);
		this.duplicate = fingerprints.every((f) => f)
			? sameFilesAs(fingerprints as string[], this.workspace.datasets)
			: null;
		this.session.phase = 'mapping';
	}

	private async sniffOne(file: File, overrides: SniffOverrides): Promise<PendingFile | null> {
		try {
			const [out, fingerprint] = await Promise.all([
				this.session.client.request('sniff', { file, overrides }),
				// no fingerprint (no Web Crypto: a page served over plain http) only skips the question
				fileFingerprint(file).catch(() => undefined)
			]);
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
					meaning: structuredClone(s.meaning ?? {}),
					// the columns kept as filters: the suggested ones until the user ticks otherwise
					dimensions: defaultDimensions(s.header, s.rows, s.auto.mapping),
					...(fingerprint ? { fingerprint } : {})
				}
			};
		} catch (err) {
			this.session.fail(err);
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
		if (this.pending.length === 0) this.session.phase = this.dashboard.openMeta ? 'dashboard' : 'home';
	}

	/** "Import again": the question is answered, the mapping step goes on. */
	keepDuplicate(): void {
		this.duplicate = null;
	}

	/** "Open it": the stored dataset opens instead of a second copy. */
	async openDuplicate(): Promise<void> {
		const id = this.duplicate?.id;
		this.duplicate = null;
		this.cancelMapping();
		if (id !== undefined) await this.dashboard.openDataset(id);
	}

	cancelMapping(): void {
		this.duplicate = null;
		this.pending = [];
		this.session.phase = this.dashboard.openMeta ? 'dashboard' : 'home';
	}

	newImport(): void {
		this.dashboard.stopReopen();
		this.duplicate = null;
		this.pending = [];
		this.session.phase = 'home';
	}

	cancelImport(): void {
		if (this.importId) this.session.client.cancel(this.importId);
	}

	/**
	 * Imports the chosen files. The dashboard shows as soon as the worker has classified; the
	 * files stay chosen until the dataset is stored. A failed save reopens what was open before.
	 */
	async runImport(): Promise<void> {
		const ready = this.pending.filter((p) => p.sniff);
		if (ready.length === 0) return;
		const { session, dashboard } = this;
		const previous = session.phase;
		this.duplicate = null;
		session.phase = 'importing';
		session.errors = [];
		this.progress = { stage: 'read', fraction: 0, rows: 0, fileIndex: 0 };
		const files: FileChoice[] = ready.map((p) => ({ file: p.file, ...$state.snapshot(p.choice) }));
		const job = session.client.start(
			'import',
			{
				files,
				name: this.datasetName.trim() || ready[0].file.name,
				workspaceId: this.workspace.workspaceId,
				settings: this.prefs.engineSettings(null),
				confirmStages: true,
				query: firstPage(),
				...parsePartsAsked()
			},
			(p) => {
				if (p.stage !== 'export') this.progress = p;
			}
		);
		this.importId = job.id;
		const clearMarker = markImportRunning();
		const previousMeta = dashboard.openMeta;
		try {
			const opened = await job.promise;
			dashboard.show(opened);
			this.importId = 0;
			this.progress = null;
			// the dashboard shows while the browser is still writing the dataset: wait for that here
			this.saving = true;
			// the import ranked without a period (the date range was unknown): apply it now
			const shown =
				this.prefs.settings.period !== 'all'
					? dashboard.applySettings({})
					: Promise.all([opened.page ? null : dashboard.loadPage(), dashboard.loadTab()]);
			try {
				await session.client.request('stored', { datasetId: opened.meta.id });
			} catch (err) {
				await shown.catch(() => {});
				await this.reopenAfterFailedSave(previousMeta);
				session.fail(err);
				// the files stay chosen, as after any failed import
				if (previous === 'mapping') session.phase = 'mapping';
				return;
			}
			this.pending = [];
			await shown;
			await this.workspace.refreshDatasets();
		} catch (err) {
			const cancelled =
				err instanceof WorkerFailure && err.failure.kind === 'import' && err.failure.info.code === 'cancelled';
			if (cancelled) session.notice = 'progress.cancelled';
			else session.fail(err);
			session.phase = previous === 'mapping' ? 'mapping' : dashboard.openMeta ? 'dashboard' : 'home';
		} finally {
			this.importId = 0;
			this.progress = null;
			this.saving = false;
			clearMarker();
		}
	}

	/** The import's dataset could not be stored: show what was open before, or the start page. */
	private async reopenAfterFailedSave(previousMeta: DatasetMeta | null): Promise<void> {
		this.dashboard.tabs.clear();
		if (previousMeta) {
			await this.dashboard.openDataset(previousMeta.id);
			return;
		}
		this.dashboard.clear();
		this.session.phase = 'home';
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
			orderId: -1,
			discount: -1,
			listPrice: -1
		},
		amountSource: 'column',
		dateOrder: 'dmy',
		decimalSeparators: [],
		meaning: {}
	};
}

/**
 * `?parseParts=N` in the page's address reads large files in N parts whatever the cores (the
 * bench's `--workers`, README "Performance"); without it the worker decides.
 */
function parsePartsAsked(): { parts?: number } {
	const n = Number(new URLSearchParams(globalThis.location?.search ?? '').get('parseParts'));
	return Number.isInteger(n) && n >= 1 ? { parts: n } : {};
}
