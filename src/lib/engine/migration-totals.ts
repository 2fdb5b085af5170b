/** Customers per class before and after, read off a migration matrix (the movement tab's bar chart). */

/**
 * Row and column sums of a migration matrix.
 * `counts[from][to]` = number of customers; rows are the classes then "new", columns are the
 * classes then "lost" (see MigrationView). `classCount` = number of classes.
 * Returns, per class k (length classCount):
 * - `before[k]`: customers in class k in the previous period (row k, "lost" included);
 * - `after[k]`: customers in class k in the current period (column k, "new" included).
 */
export function migrationTotals(
	counts: readonly (readonly number[])[],
	classCount: number
): { before: number[]; after: number[] } {
	const before: number[] = [];
	const after: number[] = [];
	for (let k = 0; k < classCount; k++) {
		before.push(counts[k].reduce((s, x) => s + x, 0));
		after.push(counts.reduce((s, row) => s + row[k], 0));
	}
	return { before, after };
}
