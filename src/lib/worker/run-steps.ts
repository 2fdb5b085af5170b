/**
 * Drives engine steps (core/steps.ts) inside the worker: after each step the worker lets waiting
 * messages in (a cancel), posts progress about every PROGRESS_MS, and stops with `Cancelled` once
 * the page has cancelled the request.
 */
import { afterWaitingMessages } from '../core/message-yield';
import type { Steps } from '../core/steps';
import { Cancelled } from './failure';
import type { Progress } from './handlers/types';

/** A job shorter than this shows no progress at all; later events come at most this often. */
export const PROGRESS_MS = 150;

export interface StepsCall {
	cancelled(): boolean;
	progress(progress: Progress): void;
}

/** `steps`' result; `toProgress` turns a fraction into the request's progress event. */
export async function runSteps<T>(
	steps: Steps<T>,
	call: StepsCall,
	toProgress: (fraction: number) => Progress
): Promise<T> {
	let shown = performance.now();
	for (;;) {
		const step = await steps.next();
		if (step.done) return step.value;
		const now = performance.now();
		if (now - shown >= PROGRESS_MS) {
			call.progress(toProgress(step.value));
			shown = now;
		}
		// a task boundary without a timer's clamping: messages queued before it (a cancel) run first
		await afterWaitingMessages();
		if (call.cancelled()) {
			await steps.return(undefined as T);
			throw new Cancelled();
		}
	}
}
