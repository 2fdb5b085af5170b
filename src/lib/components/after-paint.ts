/**
 * Work the screen can wait for (a chart, the printed report's vector chart): run after the next frame
 * has painted, below the priority of the page's other tasks.
 */

/** `scheduler.postTask` where the browser has it (Chromium): tasks below the page's own priority. */
interface PostTaskScheduler {
	postTask(task: () => void, options: { priority: 'background'; signal: AbortSignal }): Promise<void>;
}

/**
 * Runs `task` after the next frame: from that frame's animation callback, as a background-priority
 * task (a timer where `scheduler.postTask` is missing), so the frame paints first and the page's
 * other tasks (a timer set during that frame included) run before it. Without animation frames (a
 * test DOM) a timer alone. Returns a function that cancels it.
 */
export function afterNextPaint(task: () => void): () => void {
	let cancelled = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const abort = typeof AbortController === 'function' ? new AbortController() : null;
	const post = () => {
		if (cancelled) return;
		const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
		if (scheduler?.postTask && abort) {
			scheduler.postTask(task, { priority: 'background', signal: abort.signal }).catch(() => {});
		} else timer = setTimeout(task, 0);
	};
	const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(post) : null;
	if (frame === null) post();
	return () => {
		cancelled = true;
		if (frame !== null) cancelAnimationFrame(frame);
		clearTimeout(timer);
		abort?.abort();
	};
}
