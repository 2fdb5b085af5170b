/**
 * Long work as steps: an async generator that yields its progress (a fraction 0..1) between
 * pieces of work and returns its result. A worker drives it with pauses (progress, cancel);
 * tests and small jobs run it straight through.
 */
export type Steps<T> = AsyncGenerator<number, T, void>;

/** Runs `steps` to its result without pausing. */
export async function finish<T>(steps: Steps<T>): Promise<T> {
	for (;;) {
		const step = await steps.next();
		if (step.done) return step.value;
	}
}

/** `inner`'s progress mapped onto `from..to` of the outer job; returns inner's result. */
export async function* within<T>(inner: Steps<T>, from: number, to: number): Steps<T> {
	for (;;) {
		const step = await inner.next();
		if (step.done) return step.value;
		yield from + (to - from) * step.value;
	}
}
