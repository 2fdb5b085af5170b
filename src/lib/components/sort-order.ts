/**
 * Sortable table headers: which way a column sorts when its header is pressed, and how the header
 * announces (aria-sort) and shows (arrow) the current order. Shared by every sortable table.
 */

/** The current order of a table: the sorted column's id and its direction. */
export interface SortOrder<Id extends string> {
	sort: Id;
	descending: boolean;
}

/**
 * The order after pressing the header of column `id`: the same column flips its direction, another
 * column starts in `firstDescending` (e.g. biggest values first).
 */
export function nextSortOrder<Id extends string>(
	current: SortOrder<Id>,
	id: Id,
	firstDescending: boolean
): SortOrder<Id> {
	return current.sort === id
		? { sort: id, descending: !current.descending }
		: { sort: id, descending: firstDescending };
}

/** aria-sort of column `id`: its direction when it is the sorted column, else 'none'. */
export function ariaSortOf<Id extends string>(current: SortOrder<Id>, id: Id): 'ascending' | 'descending' | 'none' {
	if (current.sort !== id) return 'none';
	return current.descending ? 'descending' : 'ascending';
}

/** The arrow shown after the header text: ▼ / ▲ for the sorted column, ↕ for the others. */
export function sortArrowOf<Id extends string>(current: SortOrder<Id>, id: Id): string {
	if (current.sort !== id) return '↕';
	return current.descending ? '▼' : '▲';
}
