/**
 * Whether an import was interrupted (the tab closed or crashed mid-import): a localStorage marker
 * set while an import runs, and a Web Lock held by the importing tab so that another open tab's
 * running import is not mistaken for an interrupted one.
 */
const IMPORT_MARKER = 'paretoscope.import-running';
const IMPORT_LOCK = 'paretoscope-import';

/** Sets the marker and takes the lock; the returned function clears both. */
export function markImportRunning(): () => void {
	localStorage.setItem(IMPORT_MARKER, String(Date.now()));
	let releaseLock: () => void = () => {};
	navigator.locks?.request(IMPORT_LOCK, () => new Promise<void>((resolve) => (releaseLock = resolve))).catch(() => {});
	return () => {
		localStorage.removeItem(IMPORT_MARKER);
		releaseLock();
	};
}

/** True once when an import left its marker and no open tab holds the lock (the marker is cleared). */
export async function importWasInterrupted(): Promise<boolean> {
	const marker = localStorage.getItem(IMPORT_MARKER);
	if (!marker) return false;
	const held = await navigator.locks
		?.query()
		.then((q) => q.held?.some((l) => l.name === IMPORT_LOCK))
		.catch(() => false);
	if (held) return false; // another open tab is importing right now
	localStorage.removeItem(IMPORT_MARKER);
	return true;
}
