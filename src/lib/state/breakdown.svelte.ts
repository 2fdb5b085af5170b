/**
 * The Breakdown tab (README "Dimensions and filters"): which dimension it splits the classes by,
 * each class's metric per value of it, and, when asked, the classes computed within each value.
 */
import type { ClassDimensionView, ClassesWithinView } from '../engine/drill-types';
import type { ClassifySettings } from '../engine/types';
import type { DatasetMeta } from '../store/db';
import type { Session } from './session.svelte';

export class BreakdownState {
	/** the chosen dimension's name; null = the dataset's first */
	dimension = $state<string | null>(null);
	/** show the classes computed within each value too */
	within = $state(false);
	view = $state.raw<ClassDimensionView | null>(null);
	withinView = $state.raw<ClassesWithinView | null>(null);
	private ticket = 0;

	constructor(private readonly session: Session) {}

	clear(): void {
		this.ticket++;
		this.view = null;
		this.withinView = null;
	}

	/** The dimensions of `meta` the tab can split by. */
	static dimensionsOf(meta: DatasetMeta): string[] {
		return (meta.dimensions ?? []).map((d) => d.name);
	}

	/** Computes the views for the chosen dimension (the first when none is chosen or it is gone). */
	async load(meta: DatasetMeta, settings: ClassifySettings): Promise<void> {
		const names = BreakdownState.dimensionsOf(meta);
		if (names.length === 0) return;
		const dimension = this.dimension && names.includes(this.dimension) ? this.dimension : names[0];
		const ticket = ++this.ticket;
		try {
			const client = this.session.client;
			const [view, withinView] = await Promise.all([
				client.request('classByDimension', { settings, dimension }),
				this.within ? client.request('classesWithin', { settings, dimension }) : Promise.resolve(null)
			]);
			if (ticket !== this.ticket) return;
			this.view = view;
			this.withinView = withinView;
		} catch (err) {
			this.session.fail(err);
		}
	}
}
