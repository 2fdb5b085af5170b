/**
 * The export of the open dataset: one file at a time, written by the analysis worker from the
 * settings of the moment of the click, with its progress and a Cancel (README "Export formats").
 */
import type { ExportedFile, ExportFormat, SheetDialect } from '../engine/export';
import type { ExportLabels } from '../engine/export-labels';
import { WorkerFailure } from '../worker/client';
import type { DashboardState } from './dashboard.svelte';
import { migrationPeriods } from './migration-periods';
import type { Session } from './session.svelte';
import type { SettingsState } from './user-settings.svelte';

export class ExportFlow {
	/** the file being written, and how far (0..1; null until the worker reports, so a quick export shows nothing) */
	running = $state.raw<{ format: ExportFormat; fraction: number | null } | null>(null);
	private requestId: number | null = null;

	constructor(
		private readonly session: Session,
		private readonly prefs: SettingsState,
		private readonly dashboard: DashboardState
	) {}

	/**
	 * The file in `format`, or null: after a Cancel (a notice says so), while another export runs,
	 * or after adding the failure to `errors` (an export never throws at the page).
	 */
	async exportFile(
		format: ExportFormat,
		labels: ExportLabels,
		sheetDialect: SheetDialect
	): Promise<ExportedFile | null> {
		if (this.running) return null;
		const s = this.prefs.snapshot();
		const periods = migrationPeriods(s.migration, this.dashboard.openMeta?.dateRange ?? null);
		this.running = { format, fraction: null };
		try {
			const pending = this.session.client.start(
				'exportFile',
				{
					vip: s.vip,
					xyz: s.xyz,
					recency: s.recency,
					...(periods ? { migration: periods } : {}),
					marginGap: s.marginGap,
					reese: s.reese,
					format,
					labels,
					sheetDialect
				},
				(p) => {
					if (p.stage === 'export' && this.running) this.running = { format, fraction: p.fraction };
				}
			);
			this.requestId = pending.id;
			return await pending.promise;
		} catch (err) {
			if (err instanceof WorkerFailure && err.failure.kind === 'cancelled') this.session.notice = 'export.cancelled';
			else this.session.fail(err);
			return null;
		} finally {
			this.requestId = null;
			this.running = null;
		}
	}

	/** Stops the running export; nothing is saved. */
	cancel(): void {
		if (this.requestId !== null) this.session.client.cancel(this.requestId);
	}
}
