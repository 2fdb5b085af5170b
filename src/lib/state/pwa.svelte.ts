import { base } from '$app/paths';
import { dev } from '$app/environment';

/** Service worker registration and the "Update available — reload" flow. */
class PwaState {
	updateReady = $state(false);
	private waiting: ServiceWorker | null = null;

	async register(isBusy: () => boolean): Promise<void> {
		if (!('serviceWorker' in navigator)) return;
		try {
			const reg = await navigator.serviceWorker.register(`${base}/service-worker.js`, {
				type: dev ? 'module' : 'classic'
			});
			const offer = (w: ServiceWorker | null) => {
				// a first install has no controller yet: nothing to update
				if (w && navigator.serviceWorker.controller) {
					this.waiting = w;
					this.updateReady = true;
				}
			};
			offer(reg.waiting);
			reg.addEventListener('updatefound', () => {
				const w = reg.installing;
				w?.addEventListener('statechange', () => {
					if (w.state === 'installed') offer(w);
				});
			});
			let reloading = false;
			// never reload in the middle of an import: wait for it to end
			const reloadWhenIdle = () => {
				if (isBusy()) setTimeout(reloadWhenIdle, 1000);
				else location.reload();
			};
			navigator.serviceWorker.addEventListener('controllerchange', () => {
				if (!reloading && this.waiting) {
					reloading = true;
					reloadWhenIdle();
				}
			});
		} catch {
			// no service worker (private mode, file://): the app still works online
		}
	}

	/** The user accepted the update: let the new worker take over, which reloads the page. */
	apply(): void {
		this.waiting?.postMessage('skip-waiting');
	}
}

export const pwa = new PwaState();
