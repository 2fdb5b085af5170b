/** Keyboard moves in a tab list (WAI-ARIA tabs pattern): arrows wrap around, Home and End jump. */

/**
 * The index of the tab a key press moves to, from tab `i` of `n` tabs: ArrowRight/ArrowLeft step
 * one (wrapping), Home → 0, End → n − 1. Null for any other key (the press is not ours).
 */
export function tabAfterKey(key: string, i: number, n: number): number | null {
	if (key === 'Home') return 0;
	if (key === 'End') return n - 1;
	const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
	return step ? (i + step + n) % n : null;
}
