/**
 * The sampled rows of the mapping step read column by column, as every finder of `interpret()`
 * (meaning.ts) sees them: header words, distinct values, numbers, free columns. Pure.
 */
import { cellOf as cell } from './cells';
import { headerWords } from './header-scores';
import type { AutoMapping } from './mapping';
import type { ColumnMapping } from './types';

export interface MeaningInput {
	header: readonly string[];
	/** sampled records after the header, as parsed */
	rows: readonly string[][];
	/** records above the header (report titles), as parsed */
	titleLines: readonly string[][];
	auto: AutoMapping;
	/** the cell as a number under its column's decimal separator, or null */
	number: (cell: string, column: number) => number | null;
	/** 0-based row-index column to leave out, or -1 */
	indexColumn: number;
}

/** A `MeaningInput` with what the finders ask of every column. */
export interface Sample extends MeaningInput {
	/** each header cell as `headerWords` gives it (lower case, no spaces or punctuation) */
	words: readonly string[];
	/** the column's cells as numbers (null where a cell is not one), one per sampled row */
	numbers: (column: number) => (number | null)[];
	/** the column has a non-empty cell and every non-empty cell is a number */
	numeric: (column: number) => boolean;
}

export function sampleOf(input: MeaningInput): Sample {
	const { rows } = input;
	return {
		...input,
		words: input.header.map(headerWords),
		numbers: (c) => rows.map((r) => input.number(cell(r, c), c)),
		numeric: (c) => {
			const cells = rows.map((r) => cell(r, c)).filter((v) => v !== '');
			return cells.length > 0 && cells.every((v) => input.number(v, c) !== null);
		}
	};
}

/** Distinct non-empty values of a column in the sampled rows, most frequent first. */
export function distinct(rows: readonly string[][], c: number): { value: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const r of rows) {
		const v = cell(r, c);
		if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
	}
	return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

/** The columns a mapping gives a role (0-based). */
export function used(mapping: ColumnMapping): Set<number> {
	return new Set(Object.values(mapping).filter((c) => c >= 0));
}

/** The best-scoring free column by header, among those `fits` accepts; -1 when none. */
export function bestColumn(
	words: readonly string[],
	score: (w: string) => number,
	taken: ReadonlySet<number>,
	fits: (c: number) => boolean
): number {
	let best = -1;
	let bestScore = 0;
	words.forEach((w, c) => {
		const s = score(w);
		if (s > bestScore && !taken.has(c) && fits(c)) {
			best = c;
			bestScore = s;
		}
	});
	return best;
}

/** The first non-empty line above the header, its non-empty cells trimmed and joined by spaces; '' when none. */
export function titleText(titleLines: readonly string[][]): string {
	return (
		titleLines
			.map((r) =>
				r
					.map((f) => f.trim())
					.filter((f) => f !== '')
					.join(' ')
			)
			.find((l) => l !== '') ?? ''
	);
}
