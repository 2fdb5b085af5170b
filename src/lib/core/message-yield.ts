/**
 * Yielding to the messages a worker (or the page) has waiting, without a timer: long sliced work
 * (reading a file, the warm-up of the other metrics, counting the filter bar's options) gives way
 * between two slices so a cancel or a switch is answered, and goes on at once when nothing waits.
 * A message to itself, not setTimeout: a chain of timers waits at least 4 ms a link, 160 ms over
 * the 40 chunks of half an 80 MB file, ~0.3 s over the warm-up of 5M rows.
 */

/** Runs `fn` once the messages already waiting (a cancel, a request) are handled. */
export const runAfterWaitingMessages: (fn: () => void) => void = (() => {
	if (typeof MessageChannel !== 'function') return (fn: () => void) => void setTimeout(fn, 0);
	const waiting: (() => void)[] = [];
	const channel = new MessageChannel();
	// in Node (tests) the port keeps the process alive only while something waits on it
	const port = channel.port1 as MessagePort & { ref?: () => void; unref?: () => void };
	port.onmessage = () => {
		const fn = waiting.shift();
		if (waiting.length === 0) port.unref?.();
		fn?.();
	};
	port.unref?.();
	return (fn: () => void) => {
		waiting.push(fn);
		port.ref?.();
		channel.port2.postMessage(null);
	};
})();

/** A promise that settles once the messages already waiting are handled (`runAfterWaitingMessages`). */
export function afterWaitingMessages(): Promise<void> {
	return new Promise((resolve) => runAfterWaitingMessages(resolve));
}
