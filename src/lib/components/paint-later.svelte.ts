/**
 * Inputs of something only paper shows (the printed report): they follow the screen's state after
 * the next paint instead of in the same update, so an import's first render and a switch draw what
 * the screen shows first; before printing they are brought up to date at once.
 */
import { flushSync } from 'svelte';
import { afterNextPaint } from './after-paint';

/**
 * `new PaintLater(read)` during a component's initialisation: `current` is `read()`'s value as of
 * the last paint (null before the first), updated by a background task after each paint that
 * follows a change of what `read` reads; on `beforeprint`, or `sync()`, it is `read()`'s latest.
 */
export class PaintLater<T> {
	current = $state.raw<T | null>(null);
	private latest: T | null = null;

	constructor(read: () => T) {
		$effect(() => {
			const next = read();
			this.latest = next;
			return afterNextPaint(() => (this.current = next));
		});
		$effect(() => {
			const now = () => {
				this.sync();
				flushSync();
			};
			window.addEventListener('beforeprint', now);
			return () => window.removeEventListener('beforeprint', now);
		});
	}

	/** `current` becomes the latest value now (the page updates with the next flush). */
	sync(): void {
		if (this.latest !== null && this.current !== this.latest) this.current = this.latest;
	}
}
