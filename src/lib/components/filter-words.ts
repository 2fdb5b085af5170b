/**
 * The words of the filter bar (README "Dimensions and filters"): a field's name, a value's label
 * ('' is "(empty)") and the one line that states the active filter wherever the period is stated.
 */
import { t } from '../i18n/index.svelte';
import { MANAGER_FIELD } from '../state/filters.svelte';
import type { RowFilter } from '../engine/types';

export function fieldLabel(field: string): string {
	return field === MANAGER_FIELD ? t('filter.manager') : field;
}

export function valueLabel(value: string): string {
	return value === '' ? t('filter.empty') : value;
}

/** "Region = West, East; Manager = Ivanova", or '' without a filter. */
export function filterText(entries: { field: string; values: string[] }[]): string {
	return entries.map((e) => `${fieldLabel(e.field)} = ${e.values.map(valueLabel).join(', ')}`).join('; ');
}

/** The conditions of an engine filter as the filter bar's entries (managers first). */
export function filterEntries(filter: RowFilter): { field: string; values: string[] }[] {
	const out = filter.managers?.length ? [{ field: MANAGER_FIELD, values: filter.managers }] : [];
	for (const [field, values] of Object.entries(filter.dimensions ?? {})) if (values.length) out.push({ field, values });
	return out;
}
