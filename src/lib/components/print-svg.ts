/**
 * The printed report's chart as inline vector (components/PrintReport.svelte): only paper shows it, so
 * it is written after the screen's next paint, or at once when printing starts before that.
 */
import type { Attachment } from 'svelte/attachments';
import { afterNextPaint } from './after-paint';

/**
 * True from `beforeprint` to `afterprint`. Registered when this module loads, before any report's
 * own `beforeprint` handler, so it is already set when that handler's update makes a new chart.
 */
let printing = false;
if (typeof window !== 'undefined') {
	window.addEventListener('beforeprint', () => (printing = true));
	window.addEventListener('afterprint', () => (printing = false));
}

/**
 * `{@attach printSvg(make)}` on the element that holds the chart: `make()` gives our SVG document
 * (pareto-svg.ts), parsed as XML, so every label (dataset and class names included, escaped by
 * paretoSvg) stays a text node and no markup of the user's can run. It replaces the element's
 * children after the next paint (`afterNextPaint`), or on `beforeprint` if that comes first; a new
 * attachment (new inputs) or the element going away cancels a write still pending.
 */
export function printSvg(make: () => string): Attachment<HTMLElement> {
	return (el) => {
		let done = false;
		const write = () => {
			if (done) return;
			done = true;
			const doc = new DOMParser().parseFromString(make(), 'image/svg+xml');
			el.replaceChildren(document.importNode(doc.documentElement, true));
		};
		// made while printing starts (the report brought up to date by its own beforeprint handler):
		// this beforeprint is already being dispatched, so the chart is written now
		if (printing) write();
		const cancel = afterNextPaint(write);
		window.addEventListener('beforeprint', write);
		return () => {
			cancel();
			window.removeEventListener('beforeprint', write);
		};
	};
}
