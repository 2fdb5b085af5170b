/**
 * Calling the analysis worker's handlers directly, as the dispatcher does, for the tests that drive
 * the worker without a Worker: `call` answers what the handler resolved to or posted early, and
 * `choiceOf` gives a file's choice as the mapping step proposes it.
 */
import { sniffFile } from '../../src/lib/ingest/file-sniff';
import type { WorkerContext } from '../../src/lib/worker/context';
import { handlers, type Answered, type Call } from '../../src/lib/worker/handlers';
import type { Api, FileChoice, RequestType } from '../../src/lib/worker/protocol';

const ANSWERED = {} as Answered;

/** Calls one handler the way the dispatcher does; what it posted early (`answer`) is its result. */
export async function call<K extends RequestType>(ctx: WorkerContext, type: K, payload: Api[K][0]) {
	let answered: Api[K][1] | undefined;
	const c: Call<K> = {
		id: 1,
		cancelled: () => false,
		progress: () => {},
		progressSeen: async () => {},
		answer: (result) => ((answered = result), ANSWERED)
	};
	const result = await handlers[type](payload, ctx, c);
	return result === ANSWERED ? answered! : (result as Api[K][1]);
}

/** A file's choice as the mapping step proposes it (the sniffed mapping, formats and date order). */
export async function choiceOf(name: string, content: string | Uint8Array): Promise<FileChoice> {
	const file = new File([content as BlobPart], name);
	const s = await sniffFile(file, name);
	return {
		file,
		overrides: {},
		mapping: { ...s.auto.mapping },
		amountSource: s.auto.amountSource,
		dateOrder: s.dateOrder,
		decimalSeparators: [...s.decimalSeparators]
	};
}
