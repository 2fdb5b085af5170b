/**
 * A filter as one line of text for the files that leave the app (README "Dimensions and filters"):
 * the `filter` column of the exports and the SQL's header comment.
 */
import type { RowFilter } from './types';

/** "manager: Ivanova; Region: West, East; Category: (empty)": managers first, then dimensions as given. */
export function describeFilter(filter: RowFilter): string {
	const parts: string[] = [];
	const values = (list: string[]) => list.map((v) => (v === '' ? '(empty)' : v)).join(', ');
	if (filter.managers?.length) parts.push(`manager: ${values(filter.managers)}`);
	for (const [name, list] of Object.entries(filter.dimensions ?? {})) {
		if (list.length) parts.push(`${name}: ${values(list)}`);
	}
	return parts.join('; ');
}
