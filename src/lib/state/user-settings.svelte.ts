/**
 * The user's classification settings: loaded from and saved to the page store, resolved to what
 * the engine takes. Re-ranking after a change is the dashboard's job (`DashboardState.applySettings`).
 */
import type { ClassifySettings } from '../engine/types';
import { loadSetting, saveSetting } from '../store/page-store';
import type { Session } from './session.svelte';
import { DEFAULT_SETTINGS, toClassifySettings, type UserSettings } from './settings';

const SETTINGS_KEY = 'classify';

export class SettingsState {
	settings = $state<UserSettings>(structuredClone(DEFAULT_SETTINGS));

	/** `session` shows a refused save (the change stays for this page load). */
	constructor(private readonly session: Session) {}

	/** Settings as stored (at start, after a restore), or the defaults (none stored, after a wipe). */
	async reload(): Promise<void> {
		const saved = await loadSetting<UserSettings | null>(SETTINGS_KEY, null);
		this.settings = { ...structuredClone(DEFAULT_SETTINGS), ...((saved.ok && saved.value) || {}) };
	}

	/** Merges a change and saves it; a failed save keeps the change for this page load. */
	update(next: Partial<UserSettings>): void {
		this.settings = { ...this.settings, ...next };
		void this.save();
	}

	async save(): Promise<void> {
		const saved = await saveSetting(SETTINGS_KEY, $state.snapshot(this.settings));
		if (!saved.ok) this.session.failStorage(saved.code);
	}

	/** A plain copy of the settings (for the worker and share links). */
	snapshot(): UserSettings {
		return $state.snapshot(this.settings);
	}

	/** Settings as the engine takes them, with the period resolved against a dataset's [first, last] day. */
	engineSettings(dateRange: [number, number] | null): ClassifySettings {
		return toClassifySettings($state.snapshot(this.settings), dateRange);
	}
}
