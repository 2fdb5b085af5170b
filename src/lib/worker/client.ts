import { runAfterWaitingMessages } from '../core/message-yield';
import type { Api, Failure, RequestType, WorkerRequest, WorkerResponse } from './protocol';

export type ProgressEvent = Extract<WorkerResponse, { type: 'progress' }>['progress'];
export type { ImportProgressEvent } from './protocol';

/** A failure reported by the worker, carried as data. */
export class WorkerFailure extends Error {
	constructor(readonly failure: Failure) {
		super(
			failure.kind === 'internal'
				? failure.message
				: failure.kind === 'import'
					? failure.info.code
					: failure.kind === 'step'
						? `${failure.step}: ${failure.detail}`
						: failure.kind === 'cancelled'
							? 'cancelled'
							: `dataset ${failure.datasetId}: ${failure.detail}`
		);
		this.name = 'WorkerFailure';
	}
}

export interface Pending<T> {
	id: number;
	promise: Promise<T>;
}

/** Typed request/response over one worker; a crashed worker fails every pending request and is restarted. */
export class WorkerClient {
	private worker: Worker | null = null;
	private nextId = 1;
	private waiting = new Map<
		number,
		{ resolve: (v: unknown) => void; reject: (e: unknown) => void; onProgress?: (p: ProgressEvent) => void }
	>();

	constructor(private readonly create: () => Worker) {}

	private ensure(): Worker {
		if (this.worker) return this.worker;
		const w = this.create();
		w.onmessage = (ev: MessageEvent<WorkerResponse>) => {
			const msg = ev.data;
			const entry = this.waiting.get(msg.id);
			if (!entry) return;
			if (msg.type === 'progress') {
				entry.onProgress?.(msg.progress);
				if (msg.ack) this.acknowledge(msg.id);
			} else {
				this.waiting.delete(msg.id);
				if (msg.type === 'result') entry.resolve(msg.result);
				else entry.reject(new WorkerFailure(msg.error));
			}
		};
		w.onerror = (ev) => {
			ev.preventDefault?.();
			this.crash(ev.message || 'The analysis worker stopped unexpectedly.');
		};
		this.worker = w;
		return w;
	}

	private crash(message: string): void {
		this.worker?.terminate();
		this.worker = null;
		for (const [, entry] of this.waiting) entry.reject(new WorkerFailure({ kind: 'internal', message }));
		this.waiting.clear();
	}

	start<K extends RequestType>(
		type: K,
		payload: Api[K][0],
		onProgress?: (p: ProgressEvent) => void
	): Pending<Api[K][1]> {
		const id = this.nextId++;
		const promise = new Promise<Api[K][1]>((resolve, reject) => {
			this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
			this.ensure().postMessage({ id, type, payload } as WorkerRequest);
		});
		return { id, promise };
	}

	request<K extends RequestType>(
		type: K,
		payload: Api[K][0],
		onProgress?: (p: ProgressEvent) => void
	): Promise<Api[K][1]> {
		return this.start(type, payload, onProgress).promise;
	}

	/** Starts the worker before the first request, so its code is loaded when a file is dropped. */
	warm(): void {
		this.ensure();
	}

	/**
	 * Tells the worker the page has handled progress event `target`: after this task and its
	 * microtasks (the re-render and whatever a click on it sends, such as a cancel), so those
	 * messages reach the worker first. A MessageChannel task, not a timer: a hidden tab does not delay it.
	 */
	private acknowledge(target: number): void {
		runAfterWaitingMessages(() =>
			this.worker?.postMessage({ id: 0, type: 'seen', payload: { target } } as WorkerRequest)
		);
	}

	cancel(target: number): void {
		this.worker?.postMessage({ id: 0, type: 'cancel', payload: { target } } as WorkerRequest);
	}
}
