const PPM = 1_000_000;
const EPS = 8 * Number.EPSILON;

/**
 * Exact test of a / T < p / 10^6 (or <=) for integers a, T and a ppm bound p, so that a share that
 * lands exactly on a boundary is never misjudged by float rounding.
 */
export function compareShare(a: number, total: number, ppm: number): number {
	const lhs = a * PPM;
	const rhs = ppm * total;
	const diff = lhs - rhs;
	if (Math.abs(diff) > EPS * Math.max(Math.abs(lhs), Math.abs(rhs))) return Math.sign(diff);
	if (Number.isSafeInteger(lhs) && Number.isSafeInteger(rhs)) return Math.sign(diff);
	const big = BigInt(Math.round(a)) * BigInt(PPM) - BigInt(ppm) * BigInt(Math.round(total));
	return big > 0n ? 1 : big < 0n ? -1 : 0;
}

export function toPpm(fraction: number): number {
	return Math.round(fraction * PPM);
}
