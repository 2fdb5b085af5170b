/**
 * One Chart.js lifecycle for every chart: an attachment for a `<canvas>` that builds the chart when
 * the canvas is mounted, rebuilds it when anything the configuration reads changes (the view, the
 * colours, the UI language, Present mode's type scale), and destroys it when the canvas goes away.
 */
import type { Attachment } from 'svelte/attachments';
import { Chart, type ChartConfiguration, type ChartType, type DefaultDataPoint } from 'chart.js';
import { i18n } from '../i18n/index.svelte';
import { chartInk } from './format';
import { ui } from '../state/ui.svelte';
import { afterNextPaint } from './after-paint';

/** The active theme's chart colours (CSS colour strings), read each time a chart is built. */
export type ChartInk = ReturnType<typeof chartInk>;

export interface ChartLifecycleOptions {
	/**
	 * Build in a task of its own after the next frame is painted, at background priority, instead of
	 * during the update: a chart reads styles and lays out (tens of ms), so the page's first paint is
	 * not one long task and what the same update changed elsewhere (the customer table after a switch)
	 * is on screen first. The old chart stays until the new one replaces it.
	 */
	defer?: boolean;
	/** Make the theme's muted colour Chart.js's default text colour (ticks, titles) before building. */
	themeText?: boolean;
}

/**
 * `{@attach chartLifecycle(build, options)}` on a canvas. `build(ink)` returns the configuration, or
 * null for no chart (nothing to show yet); the reactive state it reads (and the locale) decides when
 * the chart is rebuilt.
 */
export function chartLifecycle<T extends ChartType, D = DefaultDataPoint<T>>(
	build: (ink: ChartInk) => ChartConfiguration<T, D> | null,
	options: ChartLifecycleOptions = {}
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let chart: Chart<T, D> | null = null;
		const create = (config: ChartConfiguration<T, D> | null) => {
			chart?.destroy();
			chart = config ? new Chart(canvas, config) : null;
		};
		$effect(() => {
			void i18n.locale;
			void ui.present;
			const ink = chartInk();
			if (options.themeText) Chart.defaults.color = ink.muted;
			if (Chart.defaults?.font) Chart.defaults.font.size = Math.round(12 * ink.scale);
			const config = build(ink);
			if (!options.defer) {
				create(config);
				return;
			}
			return afterNextPaint(() => create(config));
		});
		return () => chart?.destroy();
	};
}
