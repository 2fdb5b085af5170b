import { describe, expect, it } from 'vitest';
import { migrationTotals } from '../../src/lib/engine/migration-totals';

describe('migrationTotals', () => {
	// from = A, B, C, new; to = A, B, C, lost
	const counts = [
		[5, 4, 0, 1],
		[2, 7, 1, 0],
		[0, 3, 1250, 6],
		[8, 0, 2, 0]
	];

	it('before = row sums with the lost, after = column sums with the new', () => {
		expect(migrationTotals(counts, 3)).toEqual({ before: [10, 10, 1259], after: [15, 14, 1253] });
	});

	it('every customer before is somewhere after, and every one after came from somewhere', () => {
		const { before, after } = migrationTotals(counts, 3);
		const lost = counts.slice(0, 3).reduce((s, row) => s + row[3], 0);
		const fresh = counts[3].reduce((s, x) => s + x, 0);
		const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
		expect(sum(before) - lost + fresh).toBe(sum(after));
	});

	it('is empty without classes', () => {
		expect(migrationTotals([[0]], 0)).toEqual({ before: [], after: [] });
	});
});
