import type { Classification, ParetoPoint } from './types';

/**
 * The Pareto curve (README "The rules: Pareto curve") thinned to at most `maxPoints` points for drawing: evenly
 * spaced ranks plus every rank where the class changes and the rank that reaches 80 %, so bands
 * and the marker stay exact while 100 000 customers still draw instantly.
 */
export function paretoPoints(c: Classification, maxPoints = 600): ParetoPoint[] {
	const n = c.rankOrder.length;
	if (n === 0) return [];
	const keep = new Set<number>();
	const step = Math.max(1, Math.floor(n / maxPoints));
	for (let r = 0; r < n; r += step) keep.add(r);
	keep.add(n - 1);
	for (let r = 1; r < n; r++) if (c.classIndex[r] !== c.classIndex[r - 1]) keep.add(r - 1).add(r);
	const r80 = rankReaching(c, 0.8);
	if (r80 >= 0) keep.add(r80);
	const ranks = [...keep].sort((a, b) => a - b);
	return ranks.map((r) => ({ rank: r + 1, x: (r + 1) / n, y: c.cumShare[r], classIndex: c.classIndex[r] }));
}

/** 0-based rank of the first customer whose cumulative share reaches `level`, or -1. */
export function rankReaching(c: Classification, level: number): number {
	const n = c.rankOrder.length;
	for (let r = 0; r < n; r++) if (c.cumShare[r] >= level - 1e-12) return r;
	return -1;
}
