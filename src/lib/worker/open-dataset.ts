/**
 * The open dataset of the worker's context: making a dataset the open one (warming up its other
 * metrics), requiring one for a request, and reclassifying it with new settings.
 */
import { availableMetrics } from '../engine/aggregate';
import { runAfterWaitingMessages } from '../core/message-yield';
import { Analysis, dashboardView, type DashboardView } from '../engine/dashboard';
import { customerMask, filterKey, filterRows, isEmptyFilter } from '../engine/row-filter';
import type { Classification, ClassifySettings } from '../engine/types';
import type { DatasetMeta } from '../store/db';
import type { Current, WorkerContext } from './context';

/** The open dataset; throws Error('No dataset is open.') without one (an `internal` failure). */
export function need(ctx: WorkerContext): Current {
	if (!ctx.current) throw new Error('No dataset is open.');
	return ctx.current;
}

/**
 * Makes a dataset the open one. The other metrics are warmed up (a switch then takes ~60 ms, not
 * ~200): right away for a stored dataset, so they are ready when its dashboard is; for an import,
 * from its first customer page on (the one its answer carries, so in the task after the answer).
 */
export function select(
	ctx: WorkerContext,
	meta: DatasetMeta,
	analysis: Analysis,
	settings: ClassifySettings,
	classification: Classification,
	warm: 'now' | 'after-first-page' = 'now'
): void {
	ctx.current = {
		id: meta.id,
		meta,
		analysis,
		filtered: null,
		searchIndex: null,
		classification,
		scoped: analysis,
		ranksCache: null
	};
	const warmUp = () => warmOtherMetrics(ctx, analysis, settings);
	ctx.warmAfterFirstPage = warm === 'now' ? null : warmUp;
	if (warm === 'now') warmUp();
}

/**
 * The analysis of the rows `settings.filter` keeps (README "Dimensions and filters"): the whole
 * dataset's without a filter, else one built on the filtered rows and kept while the filter stays.
 * Every view computes on it, so a filtered number is the engine's number on the filtered rows.
 */
export function scope(ctx: WorkerContext, settings: ClassifySettings): Analysis {
	const c = need(ctx);
	if (isEmptyFilter(settings.filter)) return c.analysis;
	const key = filterKey(settings.filter);
	if (c.filtered?.key !== key) {
		const whole = c.analysis;
		const filter = settings.filter;
		// a filter by customer (the manager): totals and ranking from the whole dataset's, rows when a view reads them
		const keep = customerMask(whole.data, filter);
		const rows = () => filterRows(whole.data, filter);
		c.filtered = { key, analysis: new Analysis(keep ? { whole, keep, rows } : rows()) };
	}
	return c.filtered.analysis;
}

/** Classifies the open dataset anew (the customer list starts over) and gives its dashboard. */
export function reclassify(ctx: WorkerContext, settings: ClassifySettings): DashboardView {
	const c = need(ctx);
	c.scoped = scope(ctx, settings);
	c.classification = c.scoped.classify(settings);
	c.ranksCache = null;
	const view = dashboardView(c.scoped.shape, c.classification);
	if (c.scoped !== c.analysis) {
		// the whole dataset's share base (its totals are cached by metric, returns and period)
		const whole = c.analysis.totals(settings);
		let sum = 0;
		for (const v of whole.totals) if (v > 0) sum += v;
		view.wholeTotal = sum / 10 ** whole.scale;
	}
	return view;
}

/** Rows summed per task of the warm-up: a few milliseconds, so a request waits no longer. */
const WARM_ROWS_PER_TASK = 200_000;

/**
 * After the dashboard is shown, the other metrics' totals are computed in the background so a
 * metric switch only re-ranks. They are summed a slice of rows per task: a request arriving
 * meanwhile (a preset switch right after opening) runs between two slices, and one that needs
 * totals still being summed finishes them at once.
 */
function warmOtherMetrics(ctx: WorkerContext, analysis: Analysis, settings: ClassifySettings): void {
	// it starts once the dashboard has its table, slowest (payments: distinct orders) first
	const metrics = availableMetrics(analysis.data).sort((a, b) => (a === 'payments' ? -1 : b === 'payments' ? 1 : 0));
	const next = (i: number, slice: (() => boolean) | null) => {
		if (i >= metrics.length || ctx.current?.analysis !== analysis) return;
		const step = slice ?? analysis.totalsInSlices({ ...settings, metric: metrics[i] }, WARM_ROWS_PER_TASK);
		// the next slice once the requests waiting meanwhile are answered (not a 4 ms timer)
		if (step()) runAfterWaitingMessages(() => next(i, step));
		else runAfterWaitingMessages(() => next(i + 1, null));
	};
	runAfterWaitingMessages(() => next(0, null));
}
