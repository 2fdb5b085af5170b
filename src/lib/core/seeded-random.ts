/**
 * Seeded random numbers for generated data (the demo dataset, core/sample-sales.ts): mulberry32
 * and the draws built on it. The same seed gives the same sequence on every platform.
 */

export type Rand = () => number;

/** mulberry32: a small, fast 32-bit generator; uniform in [0, 1). */
export function mulberry32(seed: number): Rand {
	let s = seed | 0;
	return () => {
		s = (s + 0x6d2b79f5) | 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const between = (rand: Rand, lo: number, hi: number) => lo + (hi - lo) * rand();
/** an integer in [lo, hi] */
export const intBetween = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
export const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];
export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** standard normal (Box–Muller) */
export function normal(rand: Rand): number {
	const u = 1 - rand();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

export function shuffle<T>(rand: Rand, list: T[]): T[] {
	for (let i = list.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[list[i], list[j]] = [list[j], list[i]];
	}
	return list;
}

/** one of `items` ([item, weight] pairs), with probability proportional to its weight */
export function weighted<T>(rand: Rand, items: readonly (readonly [T, number])[]): T {
	let total = 0;
	for (const [, w] of items) total += w;
	let x = rand() * total;
	for (const [item, w] of items) {
		x -= w;
		if (x < 0) return item;
	}
	return items[items.length - 1][0];
}
