// The Pareto curve thinned for drawing (engine/pareto.ts): the points keep the curve's ends, both sides
// of every class change and the 80 % rank, stay within their bound, and are the points the former
// set-and-sort version chose; the 80 % rank is the first reaching it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import { paretoPoints, rankReaching } from '../../src/lib/engine/pareto';
import type { Classification } from '../../src/lib/engine/types';
import { abcSettings, columnsOf } from './helpers';

function classificationOf(amounts: number[], preset: keyof typeof PRESETS = 'abc'): Classification {
	const data = columnsOf(amounts.map((amount, i) => ({ key: `K${i % 997}`, amount })));
	const s = abcSettings({ classes: [...PRESETS[preset]] });
	return classify(aggregate(data, s), data.customerKeys, s);
}

/** The former selection: a set of evenly spaced ranks, the last, both sides of each class change, the 80 % rank; sorted. */
function reference(c: Classification, maxPoints: number): number[] {
	const n = c.rankOrder.length;
	const keep = new Set<number>();
	const step = Math.max(1, Math.floor(n / maxPoints));
	for (let r = 0; r < n; r++) if (r % step === 0) keep.add(r);
	if (n > 0) keep.add(n - 1);
	for (let r = 1; r < n; r++) if (c.classIndex[r] !== c.classIndex[r - 1]) keep.add(r - 1).add(r);
	let r80 = -1;
	for (let r = 0; r < n && r80 < 0; r++) if (c.cumShare[r] >= 0.8 - 1e-12) r80 = r;
	if (r80 >= 0) keep.add(r80);
	return [...keep].sort((a, b) => a - b);
}

const amounts = fc.array(fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: -500, max: 0 })), {
	minLength: 0,
	maxLength: 3000
});

describe('paretoPoints', () => {
	it('keeps the ends, every class change, the 80 % rank, within its bound, as the former version did', () => {
		fc.assert(
			fc.property(
				amounts,
				fc.integer({ min: 1, max: 700 }),
				fc.constantFrom<keyof typeof PRESETS>('abc', 'gsb', 'rank203050'),
				(values, maxPoints, preset) => {
					const c = classificationOf(values, preset);
					const n = c.rankOrder.length;
					const points = paretoPoints(c, maxPoints);
					const ranks = points.map((p) => p.rank - 1);
					expect(ranks).toEqual(reference(c, maxPoints));
					if (n === 0) return;
					expect(ranks[0]).toBe(0);
					expect(ranks.at(-1)).toBe(n - 1);
					for (let r = 1; r < n; r++) {
						if (c.classIndex[r] === c.classIndex[r - 1]) continue;
						expect(ranks).toContain(r - 1);
						expect(ranks).toContain(r);
					}
					const changes = points.length === 0 ? 0 : new Set(c.classIndex).size - 1;
					expect(points.length).toBeLessThanOrEqual(
						Math.min(n, Math.ceil(n / Math.max(1, Math.floor(n / maxPoints))) + 2 + 2 * changes)
					);
					for (const p of points) {
						expect(p.x).toBe(p.rank / n);
						expect(p.y).toBe(c.cumShare[p.rank - 1]);
						expect(p.classIndex).toBe(c.classIndex[p.rank - 1]);
					}
				}
			),
			{ numRuns: 150 }
		);
	});

	it('draws 50 000 customers as about 600 points plus the class changes', () => {
		const values = Array.from({ length: 50_000 }, (_, i) => 1 + Math.floor(1e7 / (i + 1)));
		const data = columnsOf(values.map((amount, i) => ({ key: `C${i}`, amount })));
		const s = abcSettings();
		const c = classify(aggregate(data, s), data.customerKeys, s);
		const points = paretoPoints(c);
		// every 83rd rank (50 000 / 600, rounded down): 603; the last, 2 × 2 around the class changes, the 80 % rank
		expect(points.length).toBeLessThanOrEqual(603 + 1 + 4 + 1);
		expect(points[0].rank).toBe(1);
		expect(points.at(-1)!.rank).toBe(50_000);
		expect(points.at(-1)!.y).toBe(1);
	});
});

describe('rankReaching', () => {
	it('is the first rank whose cumulative share reaches the level (binary search = linear scan)', () => {
		fc.assert(
			fc.property(amounts, fc.double({ min: 0, max: 1.2, noNaN: true }), (values, level) => {
				const c = classificationOf(values);
				let linear = -1;
				for (let r = 0; r < c.rankOrder.length && linear < 0; r++) if (c.cumShare[r] >= level - 1e-12) linear = r;
				expect(rankReaching(c, level)).toBe(linear);
			}),
			{ numRuns: 150 }
		);
	});
});
