/** Present mode's keys (README "Presenting"): P toggles, Esc leaves, typing is left alone. */
import { describe, expect, it } from 'vitest';
import { UiState } from '../../src/lib/state/ui.svelte';

describe('Present mode keys', () => {
	const key = (k: string, target: Partial<HTMLElement> = { tagName: 'BODY' }, mods = {}) => ({
		key: k,
		ctrlKey: false,
		metaKey: false,
		altKey: false,
		target: target as EventTarget,
		...mods
	});

	it('P (or З on a Russian layout) toggles it, Esc leaves it, typing and shortcuts are left alone', () => {
		const ui = new UiState();
		expect(ui.key(key('Escape'))).toBe(false);
		expect(ui.key(key('p'))).toBe(true);
		expect(ui.present).toBe(true);
		expect(document.documentElement.classList.contains('present')).toBe(true);
		expect(ui.key(key('p', { tagName: 'INPUT' }))).toBe(false);
		expect(ui.key(key('p', undefined, { ctrlKey: true }))).toBe(false);
		expect(ui.present).toBe(true);
		expect(ui.key(key('Escape'))).toBe(true);
		expect(ui.present).toBe(false);
		expect(document.documentElement.classList.contains('present')).toBe(false);
		expect(ui.key(key('З'))).toBe(true);
		expect(ui.present).toBe(true);
		ui.setPresent(false);
	});
});
