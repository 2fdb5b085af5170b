/**
 * The filter bar of the open dataset (README "Dimensions and filters"): the chosen values per
 * manager and dimension, and the choices the worker listed. The period is a user setting of its
 * own (`SettingsState`); the filter belongs to the dataset and starts empty when one opens.
 */
import type { FilterOptions } from '../engine/drill-types';
import { MANAGERS, type RelaxOption } from '../engine/filter-relax';
import type { FilterCounts } from '../engine/filter-counts';
import { isEmptyFilter } from '../engine/row-filter';
import type { RowFilter } from '../engine/types';
import type { Session } from './session.svelte';

/** The field of the filter bar that holds the managers (dimensions go by their header). */
export const MANAGER_FIELD = MANAGERS;

export class FilterState {
	/** field (a dimension's name, or MANAGER_FIELD) → the values kept; an absent or empty list keeps all */
	chosen = $state.raw<Record<string, string[]>>({});
	options = $state.raw<FilterOptions | null>(null);
	/** rows per value under the other conditions and the period; null when nothing narrows them */
	counts = $state.raw<FilterCounts | null>(null);
	/** when the filter leaves no customer: what removing each condition would bring back */
	relax = $state.raw<RelaxOption[] | null>(null);
	private ticket = 0;

	constructor(private readonly session: Session) {}

	/** Forgets the choices and asks the worker for the open dataset's fields. */
	async reset(): Promise<void> {
		this.chosen = {};
		this.options = null;
		this.relax = null;
		this.counts = null;
		const ticket = ++this.ticket;
		try {
			const options = await this.session.client.request('filterOptions', {});
			if (ticket === this.ticket) this.options = options;
		} catch (err) {
			this.session.fail(err);
		}
	}

	/** The filter as the engine takes it; undefined when nothing is chosen. */
	get rowFilter(): RowFilter | undefined {
		const f: RowFilter = {};
		for (const [field, values] of Object.entries(this.chosen)) {
			if (values.length === 0) continue;
			if (field === MANAGER_FIELD) f.managers = [...values];
			else (f.dimensions ??= {})[field] = [...values];
		}
		return isEmptyFilter(f) ? undefined : f;
	}

	get active(): boolean {
		return this.rowFilter !== undefined;
	}

	/** The chosen fields with their values, for the sentences that state the filter. */
	get entries(): { field: string; values: string[] }[] {
		return Object.entries(this.chosen)
			.filter(([, v]) => v.length > 0)
			.map(([field, values]) => ({ field, values }));
	}

	/** Sets one field's values (an empty list clears it); answers whether anything changed. */
	set(field: string, values: string[]): boolean {
		const before = this.chosen[field] ?? [];
		if (before.length === values.length && before.every((v, i) => v === values[i])) return false;
		const next = { ...this.chosen };
		if (values.length === 0) delete next[field];
		else next[field] = [...values];
		this.chosen = next;
		return true;
	}

	/** Clears every field; answers whether anything was set. */
	clearAll(): boolean {
		if (!this.active) return false;
		this.chosen = {};
		return true;
	}
}
