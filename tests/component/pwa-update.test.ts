import { describe, expect, it, vi } from 'vitest';
import { pwa } from '../../src/lib/state/pwa.svelte';

/** A fake service worker container: enough of the API for the update flow. */
function fakeServiceWorker(waiting: { postMessage: ReturnType<typeof vi.fn> } | null) {
	const listeners: Record<string, (() => void)[]> = {};
	const container = {
		controller: {},
		register: vi.fn(async () => ({ waiting, installing: null, addEventListener: vi.fn() })),
		addEventListener: (type: string, fn: () => void) => (listeners[type] ??= []).push(fn),
		fire: (type: string) => listeners[type]?.forEach((f) => f())
	};
	Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true });
	return container;
}

describe('PWA update flow', () => {
	it('offers "Update available", activates the new worker on request, and never reloads during an import', async () => {
		const waiting = { postMessage: vi.fn() };
		const sw = fakeServiceWorker(waiting);
		const reload = vi.fn();
		Object.defineProperty(window, 'location', { value: { ...window.location, reload }, configurable: true });
		let importing = true;
		await pwa.register(() => importing);
		expect(pwa.updateReady).toBe(true);

		vi.useFakeTimers();
		pwa.apply();
		expect(waiting.postMessage).toHaveBeenCalledWith('skip-waiting');
		// the new worker takes control while an import runs: no reload yet
		sw.fire('controllerchange');
		vi.advanceTimersByTime(5000);
		expect(reload).not.toHaveBeenCalled();
		// the import ends: the page reloads once
		importing = false;
		vi.advanceTimersByTime(1000);
		expect(reload).toHaveBeenCalledTimes(1);
		vi.useRealTimers();
	});
});
