/**
 * The real analysis worker in this process: its messages are cloned as postMessage would, a
 * request is sent the way the page sends it, and a missing answer fails the test (a hang).
 * `installWorker()` once per test file (before anything imports the worker module).
 */
import type { FileSniff } from '../../src/lib/ingest/pipeline';
import type { ClassifySettings } from '../../src/lib/engine/types';
import type { Failure, FileChoice, Opened, WorkerResponse } from '../../src/lib/worker/protocol';

/** what the worker posted, cloned as postMessage would */
export const posted: WorkerResponse[] = [];
let nextId = 1;

export type Answer = ({ type: 'result'; result: unknown } | { type: 'error'; error: Failure }) & { id: number };

/** Makes this test file's `self` a worker scope and loads the analysis worker into it. */
export async function installWorker(): Promise<typeof import('../../src/lib/worker/analysis.worker')> {
	(globalThis as unknown as { self: unknown }).self = {
		onmessage: null,
		postMessage: (m: WorkerResponse) => posted.push(structuredClone(m))
	};
	return import('../../src/lib/worker/analysis.worker');
}

/** Posts a message to the worker as the page would; returns its id. */
export function send(type: string, payload: unknown, id = nextId++): number {
	(self.onmessage as (ev: { data: unknown }) => void)({ data: { id, type, payload } });
	return id;
}

/** The answer to request `id` (its result or error); fails when none comes in `timeoutMs`. */
export async function answer(id: number, timeoutMs = 8000): Promise<Answer> {
	const started = Date.now();
	for (;;) {
		const r = posted.find((m) => m.id === id && m.type !== 'progress');
		if (r) return r as Answer;
		if (Date.now() - started > timeoutMs) throw new Error(`request ${id} was never answered`);
		await new Promise((res) => setTimeout(res, 5));
	}
}

/** Sends one request and waits for its answer. */
export async function ask(type: string, payload: unknown, timeoutMs = 8000): Promise<Answer> {
	return answer(send(type, payload), timeoutMs);
}

/** The result of one request; throws with the failure when it fails. */
export async function result<T>(type: string, payload: unknown, timeoutMs = 8000): Promise<T> {
	const a = await ask(type, payload, timeoutMs);
	if (a.type === 'error') throw new Error(`${type} failed: ${JSON.stringify(a.error)}`);
	return a.result as T;
}

/** The file as the page would send it, with the auto-mapping (or a mapping fix). */
export async function choiceOf(file: File, fix?: (c: FileChoice) => void): Promise<FileChoice> {
	const s = (await result<{ ok: true; sniff: FileSniff }>('sniff', { file, overrides: {} })).sniff;
	const choice: FileChoice = {
		file,
		overrides: {},
		mapping: { ...s.auto.mapping },
		amountSource: s.auto.amountSource,
		dateOrder: s.dateOrder,
		decimalSeparators: [...s.decimalSeparators]
	};
	fix?.(choice);
	return choice;
}

/** Imports one file through the worker and waits until it is stored. */
export async function importStored(file: File, settings: ClassifySettings, timeoutMs = 8000): Promise<Opened> {
	const opened = await result<Opened>(
		'import',
		{ files: [await choiceOf(file)], name: file.name, workspaceId: 'default', settings },
		timeoutMs
	);
	await result('stored', { datasetId: opened.meta.id }, timeoutMs);
	return opened;
}
