import type { Classification, ParetoPoint } from './types';

/**
 * The Pareto curve (README "The rules: Pareto curve") thinned for drawing: the curve's first and last
 * rank, every `floor(n / maxPoints)`-th rank, both ranks either side of every class change and the
 * rank that reaches 80 %, in rank order, each once. So the bands, the marker and the ends stay exact
 * while a million customers draw as at most about `maxPoints` + 2 per class change + 2 points
 * (all of them below 2 × `maxPoints` customers). One pass over the ranks, no sorting.
 * Each point: `rank` (1-based), `x` = rank / n, `y` = cumulative share at that rank, its class.
 */
export function paretoPoints(c: Classification, maxPoints = 600): ParetoPoint[] {
	const n = c.rankOrder.length;
	if (n === 0) return [];
	const step = Math.max(1, Math.floor(n / maxPoints));
	const r80 = rankReaching(c, 0.8);
	const cls = c.classIndex;
	const points: ParetoPoint[] = [];
	for (let r = 0; r < n; r++) {
		const keep =
			r % step === 0 ||
			r === n - 1 ||
			r === r80 ||
			(r > 0 && cls[r] !== cls[r - 1]) ||
			(r + 1 < n && cls[r + 1] !== cls[r]);
		if (keep) points.push({ rank: r + 1, x: (r + 1) / n, y: c.cumShare[r], classIndex: cls[r] });
	}
	return points;
}

/**
 * 0-based rank of the first customer whose cumulative share reaches `level` (within 1e-12), or -1.
 * `cumShare` never decreases along the ranks, so a binary search finds it.
 */
export function rankReaching(c: Classification, level: number): number {
	const cum = c.cumShare;
	const target = level - 1e-12;
	let lo = 0;
	let hi = c.rankOrder.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (cum[mid] >= target) hi = mid;
		else lo = mid + 1;
	}
	return lo < c.rankOrder.length ? lo : -1;
}
