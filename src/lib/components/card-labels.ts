/**
 * Phones show data tables as card lists (README "Phones"): each cell carries its column's header
 * as `data-label`, which the phone stylesheet (app.css, `table.data` under 640 px) prints before
 * the value. One watcher labels every data table of the page, present and future.
 */

/** Labels the cells of every `table.data` (except matrices) under `root` with their column headers. */
export function labelTableCells(root: ParentNode): void {
	for (const table of root.querySelectorAll<HTMLTableElement>('table.data:not(.matrix)')) {
		const headRow = table.tHead?.rows[0];
		if (!headRow) continue;
		// the header of each column, colspans spread over the columns they cover
		const labels: string[] = [];
		for (const th of headRow.cells) {
			const text = (th.getAttribute('aria-label') ?? th.textContent ?? '').replace(/\s+/g, ' ').trim();
			for (let k = 0; k < th.colSpan; k++) labels.push(text);
		}
		for (const body of table.tBodies) {
			for (const row of body.rows) {
				let col = 0;
				for (const cell of row.cells) {
					const label = labels[col] ?? '';
					if (cell.dataset.label !== label) cell.dataset.label = label;
					col += cell.colSpan;
				}
			}
		}
	}
}

/** Labels the tables under `root` now and after every change of the page; answers the stop function. */
export function watchTableLabels(root: HTMLElement): () => void {
	let queued = false;
	const run = () => {
		queued = false;
		labelTableCells(root);
	};
	const observer = new MutationObserver(() => {
		if (queued) return;
		queued = true;
		requestAnimationFrame(run);
	});
	observer.observe(root, { childList: true, subtree: true, characterData: true });
	run();
	return () => observer.disconnect();
}
