/**
 * The typed-array table behind shaped customer keys and hashed payments (core/number-table.ts):
 * exactly a Map's answers for whole-number keys, across growth, negative and near-2^53 keys.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NumberTable } from '../../src/lib/core/number-table';

describe('NumberTable', () => {
	it('answers as a Map does, whatever the keys and however far it grows', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.oneof(
						fc.integer({ min: -5, max: 3000 }),
						fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n * 4294967296),
						fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0, -1, 1e15 + 7)
					),
					{ maxLength: 5000 }
				),
				fc.integer({ min: 1, max: 4096 }),
				(keys, expected) => {
					const table = new NumberTable(expected);
					const map = new Map<number, number>();
					keys.forEach((k, i) => {
						const before = map.get(k) ?? -1;
						expect(table.getOrAdd(k, i)).toBe(before);
						if (before === -1) map.set(k, i);
					});
					for (const k of keys) expect(table.get(k)).toBe(map.get(k));
					expect(table.get(0.5)).toBe(-1);
				}
			),
			{ numRuns: 60 }
		);
	});
});
