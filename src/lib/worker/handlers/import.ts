/**
 * Import requests: sniffing a dropped file, importing the mapped files (the dashboard is answered
 * as soon as the dataset has its id, before its columns are written) and waiting for that write.
 */
import { MAX_PARSE_PARTS, parseParts } from '../parse-helper';
import { Analysis } from '../../engine/dashboard';
import { ImportError } from '../../ingest/errors';
import { sniffFile } from '../../ingest/file-sniff';
import type { FileToImport } from '../../ingest/import-types';
import { importFiles } from '../../ingest/pipeline';
import { prepareFile } from '../../ingest/prepare-import';
import { SPLIT_MIN_CHARS } from '../../ingest/split';
import { announce } from '../../store/broadcast';
import type { WorkerContext } from '../context';
import { finishImport } from '../import-steps';
import { select } from '../open-dataset';
import type { Api, Opened } from '../protocol';
import { PROGRESS_MS } from '../run-steps';
import type { Answered, Call, HandlersFor } from './types';
import { customerPage } from './views';

export const importHandlers: HandlersFor<'sniff' | 'import' | 'stored'> = {
	async sniff({ file, overrides }, ctx) {
		if (file.size >= SPLIT_MIN_CHARS) ctx.parallel?.warm();
		// the import will store into the database: open it while the user maps the columns
		void ctx
			.db()
			.open()
			.catch(() => {});
		try {
			return { ok: true, sniff: await sniffFile(file, file.name, overrides) };
		} catch (err) {
			if (err instanceof ImportError) return { ok: false, error: err.info, fileName: file.name };
			throw err;
		}
	},

	import: runImport,

	/** Resolves when an imported dataset is stored; rejects as the import would have. */
	async stored({ datasetId }, ctx) {
		const saving = ctx.savesInFlight.get(datasetId);
		try {
			await saving;
		} finally {
			ctx.savesInFlight.delete(datasetId);
		}
		return null;
	}
};

/**
 * Reads, classifies and stores the files. Answers with the dashboard once the dataset has its id;
 * the page then waits for `stored`. A cancel before anything is written rejects with ImportError
 * `cancelled` and stores nothing.
 */
async function runImport(
	{ files, name, workspaceId, settings, confirmStages, parts: asked, query }: Api['import'][0],
	ctx: WorkerContext,
	call: Call<'import'>
): Promise<Answered> {
	const progress = (stage: 'read' | 'parse' | 'store' | 'classify', fraction: number, rows = 0, fileIndex = 0) =>
		call.progress({ stage, fraction, rows, fileIndex });
	// 1: one piece; more: as many parts, within what the pool allows
	const parts = asked !== undefined ? Math.min(MAX_PARSE_PARTS, Math.max(1, Math.round(asked))) : parseParts();
	const toImport: FileToImport[] = [];
	for (let i = 0; i < files.length; i++) {
		progress('read', 0, 0, i);
		const prepared = await prepareFile(files[i], ctx.parallel ? parts : 1);
		toImport.push(files[i].fingerprint ? { ...prepared, fingerprint: files[i].fingerprint } : prepared);
		if (call.cancelled()) throw new ImportError({ code: 'cancelled' });
	}
	// the first event of each file at once, then at most every PROGRESS_MS: every slice of every part
	// reports (a million rows: ~160 events), and each one the page draws costs it CPU the parsers need
	let shown = { at: -Infinity, fileIndex: -1 };
	const { columns, report, encodings } = await importFiles(toImport, {
		cancelled: () => call.cancelled(),
		parallel: parts > 1 ? ctx.parallel : undefined,
		parts,
		onProgress: (p) => {
			const now = performance.now();
			if (p.fileIndex === shown.fileIndex && now - shown.at < PROGRESS_MS) return;
			shown = { at: now, fileIndex: p.fileIndex };
			progress('parse', p.fraction, p.rows, p.fileIndex);
		}
	});
	// classify before storing, so a cancel during classification also leaves nothing behind
	const yieldToMessages = () => new Promise((r) => setTimeout(r, 0));
	await yieldToMessages();
	if (call.cancelled()) throw new ImportError({ code: 'cancelled' });
	const classifyStage = { stage: 'classify' as const, fraction: 1, rows: columns.rowCount, fileIndex: 0 };
	// with `confirmStages` the page's acknowledgement of "Classifying…" arrives after any Cancel
	// pressed while it showed: waiting for it before writing makes that Cancel always win
	const seen = confirmStages ? call.progressSeen(classifyStage) : (call.progress(classifyStage), null);
	await yieldToMessages();
	const analysis = new Analysis(columns);
	const classification = analysis.classify(settings);
	// let a pending cancel message arrive before anything is written
	await (seen ?? yieldToMessages());
	if (call.cancelled()) throw new ImportError({ code: 'cancelled' });
	progress('store', 1, columns.rowCount);
	// what the dataset records is the encoding each file was really read with
	const read = toImport.map((f, i) => (f.encoding === encodings[i] ? f : { ...f, encoding: encodings[i] }));
	// every step from here turns its exception into a failure the page shows (import-steps.ts):
	// the import either shows a dashboard and stores its dataset, or rejects with nothing stored
	const previous = ctx.current;
	let answered: Answered | undefined;
	const { datasetId, committed } = await finishImport(
		{ db: ctx.db(), name, workspaceId, files: read, columns, report, analysis, classification },
		// the dashboard is shown as soon as the dataset has its id, before the columns are copied into
		// the database; the page then waits for `stored` (the commit) before it calls the import done
		(meta, prepared) => {
			try {
				select(ctx, meta, analysis, settings, classification, 'after-first-page');
				// the table's first page goes with the dashboard: the page draws both in one update
				const page = query ? customerPage(ctx, query) : undefined;
				answered = call.answer({ meta, view: prepared.view, ...(page ? { page } : {}) } satisfies Opened);
			} catch (err) {
				// nothing was shown (the answer could not be cloned, say): what was open stays open
				ctx.current = previous;
				throw err;
			}
		},
		ctx.steps
	);
	const settled = committed.then(
		() => {
			// the dataset is stored: telling other tabs is a courtesy that must not fail the import
			try {
				announce({ type: 'datasets-changed' });
			} catch {
				/* no BroadcastChannel */
			}
		},
		(err) => {
			// the dataset never landed: what was open before is open again
			if (ctx.current?.id === datasetId) ctx.current = previous;
			throw err;
		}
	);
	settled.catch(() => {});
	ctx.savesInFlight.set(datasetId, settled);
	// finishImport resolves only after `shown` ran, so the dashboard has been answered
	return answered!;
}
