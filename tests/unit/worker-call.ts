/**
 * Calling the analysis worker's handlers directly, as the dispatcher does, for the tests that drive
 * the worker without a Worker: `call` answers what the handler resolved to or posted early,
 * `choiceOf` gives a file's choice as the mapping step proposes it, and `importedContext` a worker
 * context with a file imported and stored (the superstore fixture and ABC settings are the usual ones).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { sniffFile } from '../../src/lib/ingest/file-sniff';
import { ParetoscopeDb } from '../../src/lib/store/db';
import { createWorkerContext, type WorkerContext } from '../../src/lib/worker/context';
import { handlers, type Answered, type Call, type Progress } from '../../src/lib/worker/handlers';
import type { Api, FileChoice, RequestType } from '../../src/lib/worker/protocol';
import { abcSettings } from './helpers';

const ANSWERED = {} as Answered;

/**
 * Calls one handler the way the dispatcher does; what it posted early (`answer`) is its result.
 * `onProgress` sees every progress event it posts (acknowledged ones too).
 */
export async function call<K extends RequestType>(
	ctx: WorkerContext,
	type: K,
	payload: Api[K][0],
	onProgress: (p: Progress) => void = () => {}
) {
	let answered: Api[K][1] | undefined;
	const c: Call<K> = {
		id: 1,
		cancelled: () => false,
		progress: onProgress,
		progressSeen: async (p) => onProgress(p),
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

/** A superstore-like export with Region, Category and Manager columns (tests/fixtures/dimensions). */
export const SUPERSTORE_CSV = readFileSync(
	join(__dirname, '..', 'fixtures', 'dimensions', 'superstore_like.csv'),
	'utf8'
);

/** ABC 80/15/5 on net revenue, key customers from 10 %. */
export const ABC_REVENUE: ClassifySettings = abcSettings();

let databases = 0;

/** A worker context (its own database) with `content` imported as `name` under `settings`, and stored. */
export async function importedContext(
	name: string,
	content: string,
	settings: ClassifySettings = ABC_REVENUE
): Promise<WorkerContext> {
	const db = new ParetoscopeDb(`worker-call-${++databases}`);
	const ctx = createWorkerContext({ db: () => db });
	const files = [await choiceOf(`${name}.csv`, content)];
	const o = await call(ctx, 'import', { files, name, workspaceId: 'default', settings });
	await call(ctx, 'stored', { datasetId: o.meta.id });
	return ctx;
}
