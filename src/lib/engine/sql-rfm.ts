/**
 * "Show as SQL": RFM (README "The rules: RFM", engine/rfm.ts) as CTEs over the query's `totals`,
 * for data with a date column. Pure.
 *
 * Exactly as `rfm()`: the customers scored are those with a dated purchase (a row in scope that is
 * not a return); R orders them by their last such day (recency counts back from one reference day
 * for everybody, so only the order of the days matters); F is the payments of the customer (distinct
 * orders that are not returns, else rows), M its revenue in scope; each score is
 * min(5, 1 + ⌊(10 × worse + 5 × equal) / (2 × n)⌋) with `worse` the customers with a worse value,
 * `equal` those with the same (the customer included) and n the customers scored; the segment is
 * SEGMENT_GRID[R][F]. Customers without a dated purchase get NULL.
 */
import { SEGMENT_GRID } from './rfm';
import type { Dialect } from './sql-dialects';

/** Output columns, after the classification's. */
export const RFM_SQL_COLUMNS = ['rfm_r', 'rfm_f', 'rfm_m', 'rfm_segment'] as const;

/** The segment of (rfm_r, rfm_f) as a CASE, runs of equal cells merged. */
function segmentCase(d: Dialect): string {
	const rows = SEGMENT_GRID.map((cells, r) => {
		const whens: string[] = [];
		for (let f = 0; f < cells.length;) {
			let end = f;
			while (end + 1 < cells.length && cells[end + 1] === cells[f]) end++;
			whens.push(
				end === cells.length - 1 ? `ELSE ${d.str(cells[f])}` : `WHEN rfm_f <= ${end + 1} THEN ${d.str(cells[f])}`
			);
			f = end + 1;
		}
		return `      WHEN rfm_r = ${r + 1} THEN CASE ${whens.join(' ')} END`;
	});
	return ['    CASE', ...rows, '    END'].join('\n');
}

/**
 * The RFM CTEs (after `totals`, which must carry last_purchase, rfm_frequency, rfm_monetary) and
 * what the final SELECT adds: its columns and a join of `rfm` on the customer key.
 */
export function rfmSql(d: Dialect): { ctes: string[]; columns: string[]; join: string } {
	const score = (worse: string, equal: string) =>
		`LEAST(5, 1 + CAST(FLOOR(CAST(10 * (${worse}) + 5 * (${equal}) AS ${d.double}) / (2 * n)) AS ${d.bigint}))`;
	const ctes = [
		'rfm_ranks AS (',
		'  SELECT customer_key,',
		'    COUNT(*) OVER () AS n,',
		'    RANK() OVER (ORDER BY last_purchase) - 1 AS r_worse,',
		'    COUNT(*) OVER (PARTITION BY last_purchase) AS r_equal,',
		'    RANK() OVER (ORDER BY rfm_frequency) - 1 AS f_worse,',
		'    COUNT(*) OVER (PARTITION BY rfm_frequency) AS f_equal,',
		'    RANK() OVER (ORDER BY rfm_monetary) - 1 AS m_worse,',
		'    COUNT(*) OVER (PARTITION BY rfm_monetary) AS m_equal',
		'  FROM totals',
		'  WHERE last_purchase IS NOT NULL',
		'),',
		'rfm_scores AS (',
		'  SELECT customer_key,',
		`    ${score('r_worse', 'r_equal')} AS rfm_r,`,
		`    ${score('f_worse', 'f_equal')} AS rfm_f,`,
		`    ${score('m_worse', 'm_equal')} AS rfm_m`,
		'  FROM rfm_ranks',
		'),',
		'rfm AS (',
		'  SELECT customer_key AS rfm_key, rfm_r, rfm_f, rfm_m,',
		segmentCase(d) + ' AS rfm_segment',
		'  FROM rfm_scores',
		'),'
	];
	return {
		ctes,
		columns: [...RFM_SQL_COLUMNS],
		join: 'LEFT JOIN rfm ON rfm.rfm_key = running.customer_key'
	};
}
