/**
 * How the page is shown, apart from what it shows: Present mode (README "Presenting") and the
 * headline's abbreviated figures. Both are remembered in the page store for the next visit.
 */
import { loadSetting, saveSetting } from '../store/page-store';

const UI_KEY = 'ui';

interface StoredUi {
	compact: boolean;
}

export class UiState {
	/** Present mode: controls hidden, larger type, the chart at full height; `P` toggles, Esc leaves */
	present = $state(false);
	/** headline figures as 898,1 млн / 898.1M instead of every digit */
	compact = $state(false);
	private loaded: Promise<void> | null = null;

	load(): Promise<void> {
		this.loaded ??= loadSetting<StoredUi | null>(UI_KEY, null).then((r) => {
			if (r.ok && r.value) this.compact = !!r.value.compact;
		});
		return this.loaded;
	}

	setPresent(on: boolean): void {
		this.present = on;
		if (typeof document !== 'undefined') document.documentElement.classList.toggle('present', on);
	}

	setCompact(on: boolean): void {
		this.compact = on;
		void saveSetting(UI_KEY, { compact: on } satisfies StoredUi);
	}

	/**
	 * The page's keys: `P` toggles Present mode and Esc leaves it. Keys typed into a field, or with
	 * a modifier, are left alone. Answers true when the key was used.
	 */
	key(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): boolean {
		if (e.ctrlKey || e.metaKey || e.altKey) return false;
		const el = e.target as HTMLElement | null;
		if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName ?? ''))) return false;
		if (e.key === 'Escape' && this.present) {
			this.setPresent(false);
			return true;
		}
		if (e.key === 'p' || e.key === 'P' || e.key === 'з' || e.key === 'З') {
			this.setPresent(!this.present);
			return true;
		}
		return false;
	}
}

export const ui = new UiState();
