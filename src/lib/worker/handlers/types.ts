/**
 * The shape of a request handler, checked against the `Api` table of protocol.ts: the handler of
 * request K takes `Api[K][0]` and resolves to `Api[K][1]`, so a handler giving the wrong shape
 * fails the type check. `Handlers` must hold one handler for every request type.
 */
import type { Api, RequestType, WorkerResponse } from '../protocol';
import type { WorkerContext } from '../context';

declare const answered: unique symbol;
/** Proof that a handler already posted its result (an import answers before it is stored): only `Call.answer` gives one. */
export type Answered = { readonly [answered]: true };

export type Progress = Extract<WorkerResponse, { type: 'progress' }>['progress'];

/** The request being answered: what a handler may do besides resolving to its result. */
export interface Call<K extends RequestType> {
	readonly id: number;
	/** true once the page cancelled this request */
	cancelled(): boolean;
	/** posts progress of this request */
	progress(progress: Progress): void;
	/** posts progress and resolves once the page has handled it (its `seen` message) */
	progressSeen(progress: Progress): Promise<void>;
	/** posts the result now (the handler goes on working); resolve to what it returns so nothing is posted twice */
	answer(result: Api[K][1]): Answered;
}

/**
 * Answers request K: resolves to its result (posted by the dispatcher) or rejects (posted as a
 * `Failure`). Results that are expected outcomes (a file that cannot be read) are data, not rejections.
 */
export type Handler<K extends RequestType> = (
	payload: Api[K][0],
	ctx: WorkerContext,
	call: Call<K>
) => Promise<Api[K][1] | Answered>;

export type Handlers = { [K in RequestType]: Handler<K> };

/** The handlers of one area: exactly these request types. */
export type HandlersFor<K extends RequestType> = Pick<Handlers, K>;
