/**
 * Phones show data tables as card lists (README "Phones"): each cell carries its column's header
 * as `data-label`, which the phone stylesheet (src/phone.css, `table.data` under 640 px) prints before
 * the value. One watcher labels every data table of the page, present and future.
 */

/** Labels the cells of every `table.data` (except matrices) under `root` with their column headers; matrices take the focus. */
export function labelTableCells(root: ParentNode): void {
	const span = (cell: Element) => Math.max(1, Number(cell.getAttribute('colspan')) || 1);
	// a matrix scrolls sideways inside its card on a phone: it can take the focus to be scrolled by keys
	for (const matrix of root.querySelectorAll('table.matrix:not([tabindex])')) matrix.setAttribute('tabindex', '0');
	for (const table of root.querySelectorAll('table.data:not(.matrix)')) {
		const headRow = table.querySelector(':scope > thead > tr');
		if (!headRow) continue;
		// the header of each column, colspans spread over the columns they cover
		const labels: string[] = [];
		for (const th of headRow.children) {
			// a header with more than its name in it (an axis) says its name in data-card-label
			const text = (th.getAttribute('data-card-label') || th.getAttribute('aria-label') || th.textContent || '')
				.replace(/\s+/g, ' ')
				.trim();
			for (let k = 0; k < span(th); k++) labels.push(text);
		}
		for (const row of table.querySelectorAll(':scope > tbody > tr')) {
			let col = 0;
			for (const cell of row.children as HTMLCollectionOf<HTMLElement>) {
				const label = labels[col] ?? '';
				if (cell.dataset.label !== label) cell.dataset.label = label;
				col += span(cell);
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
