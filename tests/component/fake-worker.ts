/**
 * A stand-in for the analysis worker in the page's state tests, and the dataset record its answers
 * carry: each test says how its requests are answered, the shell records them and delivers each
 * answer in a task of its own, as a worker's message arrives.
 */
import type { DatasetMeta } from '../../src/lib/store/db';
import type { WorkerRequest, WorkerResponse } from '../../src/lib/worker/protocol';

/** A stored dataset's record: one import of `rows` rows and `customers` customers, nothing mapped beyond the key and amount. */
export function datasetMeta(id: number, name: string, rows = 1, customers = 1): DatasetMeta {
	return {
		id,
		workspaceId: 'default',
		name,
		createdAt: 0,
		files: [],
		rowCount: rows,
		customerCount: customers,
		has: { date: false, quantity: false, profit: false, order: false, manager: false },
		dateRange: null,
		report: { files: [], rowsRead: rows, rowsImported: rows, blankRows: 0, skipped: [], warnings: [] }
	};
}

/** Sends the page one answer, in a task of its own. */
export type Reply = (msg: WorkerResponse) => void;

/**
 * The worker: every request is kept in `requests`; a `cancel` gets no answer, every other request
 * goes to `answer`, which replies (now or later) or not at all. `create` is what `AppState` takes.
 */
export function fakeWorker(answer: (req: WorkerRequest, reply: Reply) => void) {
	const requests: WorkerRequest[] = [];
	const worker = {
		onmessage: null as ((ev: MessageEvent<WorkerResponse>) => void) | null,
		onerror: null,
		terminate() {},
		postMessage(req: WorkerRequest) {
			requests.push(req);
			if (req.type === 'cancel') return;
			answer(req, (msg) => setTimeout(() => worker.onmessage?.({ data: msg } as MessageEvent<WorkerResponse>), 0));
		}
	};
	return { create: () => worker as unknown as Worker, requests };
}
