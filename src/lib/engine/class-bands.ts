/**
 * The class bands under the Pareto curve: which stretch of the x axis (share of customers) each
 * class covers. One function shared by the on-screen chart and the SVG export.
 */

/** One tinted band: from/to are shares of customers in [0, 1]; classIndex picks its colour and name. */
export interface ClassBand {
	from: number;
	to: number;
	classIndex: number;
}

/**
 * Bands between 0, each class end and 1.
 * - `pareto`: the curve's points, x = share of customers in (0, 1], ascending, with their class.
 * - `classEnds`: x where each class ends (all but the last class), ascending.
 * A band takes the class of the first point to its right; a band with no point right of its start
 * takes its own position as the class index.
 */
export function classBands(
	pareto: readonly { x: number; classIndex: number }[],
	classEnds: readonly number[]
): ClassBand[] {
	const ends = [0, ...classEnds, 1];
	const bands: ClassBand[] = [];
	for (let i = 0; i + 1 < ends.length; i++) {
		const classIndex = pareto.find((p) => p.x > ends[i] + 1e-12)?.classIndex ?? i;
		bands.push({ from: ends[i], to: ends[i + 1], classIndex });
	}
	return bands;
}
