/// <reference lib="webworker" />
/**
 * The analysis worker: answers the typed requests of protocol.ts. Over 400 lines because it still
 * dispatches every request in one switch with some domain helpers beside it; issue 12 thins it.
 */
import { exportClassification, exportFile } from '../engine/export';
import {
	BackupError,
	deleteAllData,
	exportWorkspace,
	planRestore,
	readBackup,
	restoreBackup,
	type ParsedBackup
} from '../store/backup';
import Papa from 'papaparse';
import { mapProspectHeader, prospectFromRecord } from '../engine/prospect-csv';
import type { Prospect } from '../engine/crm-types';
import { hasMalformedQuotes, parseLenient } from '../ingest/lenient';
import type { Delimiter } from '../ingest/sniff';
import type { TextEncodingName } from '../ingest/types';
import { classifyVip } from '../engine/vip';
import { migrate, type MigrationResult } from '../engine/migration';
import { marginSqueeze } from '../engine/margin';
import { classifyXyz } from '../engine/xyz';
import { classifyRecency } from '../engine/recency';
import { compareMetrics } from '../engine/compare';
import {
	compareView,
	marginView,
	migrationCellView,
	migrationView,
	recencyView,
	vipView,
	xyzView
} from '../engine/period-views';
import { matchingRanks, pageOf, type CustomerQuery } from '../engine/customer-table';
import { Analysis, dashboardView } from '../engine/dashboard';
import { availableMetrics } from '../engine/aggregate';
import type { Classification, ClassifySettings } from '../engine/types';
import { ImportError } from '../ingest/errors';
import {
	decodeFile,
	decodeForImport,
	decodeWhole,
	importFiles,
	prepareImport,
	sniffFile,
	SPLIT_MIN_CHARS,
	type FileToImport
} from '../ingest/pipeline';
import {
	DEFAULT_OPEN_STEPS,
	DEFAULT_STEPS,
	finishImport,
	openStored,
	OpenError,
	StepError,
	type OpenSteps,
	type Prepared,
	type Steps
} from './import-steps';
import { announce } from '../store/broadcast';
import { getDb, type DatasetMeta } from '../store/db';
import type { AccountsView, Api, Failure, FileChoice, Opened, WorkerRequest, WorkerResponse } from './protocol';
import { workerParser } from './parse-helper';

/** The dataset the dashboard shows, kept here so the page only ever receives small views. */
interface Current {
	id: number;
	meta: DatasetMeta;
	analysis: Analysis;
	searchIndex: string[];
	classification: Classification;
	/** last filtered + sorted rank list, reused while paging */
	ranksCache: { key: string; ranks: number[] } | null;
	/** the last movement computed, for listing a matrix cell's customers */
	migration?: MigrationResult;
}

let current: Current | null = null;
/** a backup read and validated, waiting for the user to choose merge or replace */
let pendingBackup: ParsedBackup | null = null;
const cancelled = new Set<number>();
/** imports shown on the dashboard whose transaction has not committed yet, by dataset id */
const savesInFlight = new Map<number, Promise<void>>();
/** the second core reads half of each large file; a browser without nested workers reads it all here */
const parallel =
	typeof Worker === 'function'
		? workerParser(() => new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' }))
		: undefined;

/** the steps after classification; replaced only by fault tests (`injectStepsForTests`) */
let steps: Steps = DEFAULT_STEPS;
let openSteps: OpenSteps = DEFAULT_OPEN_STEPS;

/** Fault tests only: replaces steps after classification (none given: the real ones again). Production never calls it. */
export function injectStepsForTests(importSteps: Partial<Steps> = {}, open: Partial<OpenSteps> = {}): void {
	steps = { ...DEFAULT_STEPS, ...importSteps };
	openSteps = { ...DEFAULT_OPEN_STEPS, ...open };
}

/** returned by a handler that has already posted its result (an import answers before it is stored) */
const ANSWERED = Symbol('answered');
const post = (msg: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
	const req = ev.data;
	if (req.type === 'cancel') {
		cancelled.add(req.payload.target);
		return;
	}
	try {
		const result = await handle(req);
		if (result !== ANSWERED) post({ id: req.id, type: 'result', result });
	} catch (err) {
		post({ id: req.id, type: 'error', error: toFailure(err) });
	} finally {
		cancelled.delete(req.id);
	}
};

function toFailure(err: unknown): Failure {
	if (err instanceof ImportError) return { kind: 'import', info: err.info };
	if (err instanceof StepError) return { kind: 'step', step: err.step, detail: err.detail };
	if (err instanceof OpenError)
		return { kind: 'open', datasetId: err.datasetId, name: err.datasetName, detail: err.detail };
	return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}

async function handle(req: Exclude<WorkerRequest, { type: 'cancel' }>): Promise<unknown> {
	switch (req.type) {
		case 'sniff':
			return sniff(req.payload);
		case 'import':
			return runImport(req.id, req.payload);
		case 'stored':
			return stored(req.payload.datasetId);
		case 'open':
			return open(req.payload.datasetId, req.payload.settings);
		case 'classify':
			return reclassify(req.payload.settings);
		case 'query':
			return query(req.payload);
		case 'exportCsv': {
			const c = need();
			return exportClassification(c.analysis.data, c.classification, req.payload);
		}
		case 'exportFile': {
			const c = need();
			const { format, sheetNames, ...settings } = req.payload;
			return exportFile(c.analysis.data, c.classification, settings, format, sheetNames);
		}
		case 'backupExport':
			return exportWorkspace(getDb(), req.payload.workspaceId);
		case 'backupRead':
			return readBackupFile(req.payload.file);
		case 'backupRestore': {
			if (!pendingBackup) throw new Error('Choose a backup file first.');
			const b = pendingBackup;
			const counts = await restoreBackup(getDb(), b, req.payload.mode);
			pendingBackup = null;
			current = null;
			return { ...counts, workspaceId: b.workspace.id };
		}
		case 'deleteAll':
			await deleteAllData(getDb());
			current = null;
			return null;
		case 'vip': {
			const data = need().analysis.data;
			return vipView(data, classifyVip(data, req.payload.settings, req.payload.vip));
		}
		case 'migration': {
			const c = need();
			c.migration = migrate(c.analysis.data, req.payload.settings, req.payload.previous, req.payload.current);
			return migrationView(c.analysis.data, c.migration);
		}
		case 'migrationCell': {
			const c = need();
			if (!c.migration) throw new Error('Open the movement view first.');
			return migrationCellView(c.analysis.data, c.migration, req.payload.from, req.payload.to);
		}
		case 'margin': {
			const c = need();
			const cls = c.analysis.classify(req.payload.settings);
			return marginView(
				c.analysis.data,
				marginSqueeze(c.analysis.data, req.payload.settings, cls, { gap: req.payload.gap })
			);
		}
		case 'xyz': {
			const c = need();
			const cls = c.analysis.classify(req.payload.settings);
			return xyzView(classifyXyz(c.analysis.data, req.payload.settings, cls, req.payload.xyz), cls);
		}
		case 'recency': {
			const c = need();
			const cls = c.analysis.classify(req.payload.settings);
			return recencyView(
				c.analysis.data,
				classifyRecency(c.analysis.data, req.payload.settings, cls, req.payload.recency)
			);
		}
		case 'accounts':
			return accounts(req.payload.settings);
		case 'sniffProspects':
			return sniffProspects(req.payload);
		case 'parseProspects':
			return parseProspects(req.payload);
		case 'compare': {
			const data = need().analysis.data;
			return compareView(data, compareMetrics(data, req.payload.settings, req.payload.a, req.payload.b));
		}
		case 'forget':
			if (current?.id === req.payload.datasetId) current = null;
			return null;
	}
}

async function sniff({ file, overrides }: Api['sniff'][0]): Promise<Api['sniff'][1]> {
	if (file.size >= SPLIT_MIN_CHARS) parallel?.warm();
	// the import will store into the database: open it while the user maps the columns
	void getDb()
		.open()
		.catch(() => {});
	try {
		return { ok: true, sniff: await sniffFile(file, file.name, overrides) };
	} catch (err) {
		if (err instanceof ImportError) return { ok: false, error: err.info, fileName: file.name };
		throw err;
	}
}

async function runImport(
	id: number,
	{ files, name, workspaceId, settings }: Api['import'][0]
): Promise<typeof ANSWERED> {
	const isCancelled = () => cancelled.has(id);
	const progress = (stage: 'read' | 'parse' | 'store' | 'classify', fraction: number, rows = 0, fileIndex = 0) =>
		post({ id, type: 'progress', progress: { stage, fraction, rows, fileIndex } });
	const toImport: FileToImport[] = [];
	for (let i = 0; i < files.length; i++) {
		progress('read', 0, 0, i);
		toImport.push(await readChoice(files[i]));
		if (isCancelled()) throw new ImportError({ code: 'cancelled' });
	}
	const { columns, report } = await importFiles(toImport, {
		cancelled: isCancelled,
		parallel,
		onProgress: (p) => progress('parse', p.fraction, p.rows, p.fileIndex)
	});
	// classify before storing, so a cancel during classification also leaves nothing behind
	const yieldToMessages = () => new Promise((r) => setTimeout(r, 0));
	await yieldToMessages();
	if (isCancelled()) throw new ImportError({ code: 'cancelled' });
	progress('classify', 1, columns.rowCount);
	await yieldToMessages();
	const analysis = new Analysis(columns);
	const classification = analysis.classify(settings);
	// let a pending cancel message arrive before anything is written
	await yieldToMessages();
	if (isCancelled()) throw new ImportError({ code: 'cancelled' });
	progress('store', 1, columns.rowCount);
	// every step from here turns its exception into a failure the page shows (import-steps.ts):
	// the import either shows a dashboard and stores its dataset, or rejects with nothing stored
	const previous = current;
	const { datasetId, committed } = await finishImport(
		{ db: getDb(), name, workspaceId, files: toImport, columns, report, analysis, classification },
		// the dashboard is shown as soon as the dataset has its id, before the columns are copied into
		// the database; the page then waits for `stored` (the commit) before it calls the import done
		(meta, prepared) => {
			post({ id, type: 'result', result: { meta, view: prepared.view } satisfies Opened });
			select(meta, analysis, settings, classification, prepared, 'after-first-page');
		},
		steps
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
			if (current?.id === datasetId) current = previous;
			throw err;
		}
	);
	settled.catch(() => {});
	savesInFlight.set(datasetId, settled);
	return ANSWERED;
}

/** Resolves when an imported dataset is stored; rejects as the import would have. */
async function stored(datasetId: number): Promise<null> {
	const saving = savesInFlight.get(datasetId);
	try {
		await saving;
	} finally {
		savesInFlight.delete(datasetId);
	}
	return null;
}

async function readChoice(choice: FileChoice): Promise<FileToImport> {
	const file = choice.file;
	const bytes = new Uint8Array(await file.arrayBuffer());
	const sniff = await sniffFile(file, file.name, { ...choice.overrides, dateOrder: choice.dateOrder });
	// the whole file may prove a UTF-8 guess from its start wrong: record what was really used;
	// with a second worker, a large file is decoded half here and half there
	const { text, encoding, halves } = parallel
		? decodeForImport(bytes, sniff.encoding, sniff.newline)
		: { ...decodeFile(bytes, sniff.encoding), halves: undefined };
	return { ...prepareImport(text, file.size, { ...sniff, encoding }, choice), halves };
}

/** Opens a stored dataset; any failure is an OpenError naming it (the page offers to delete it). */
async function open(datasetId: number, settings: ClassifySettings): Promise<Opened> {
	if (current?.id === datasetId) {
		try {
			return { meta: current.meta, view: reclassify(settings) };
		} catch (err) {
			throw new OpenError(datasetId, current.meta.name, err instanceof Error ? err.message : String(err));
		}
	}
	const o = await openStored(getDb(), datasetId, settings, openSteps);
	select(o.meta, o.analysis, settings, o.classification, o.prepared);
	return { meta: o.meta, view: o.prepared.view };
}

/**
 * After the dashboard is shown, the other metrics' totals are computed in the background so a
 * metric switch only re-ranks. A request arriving meanwhile simply waits for this small job.
 */
function warmOtherMetrics(analysis: Analysis, settings: ClassifySettings): void {
	// one metric per task, so a request that arrives meanwhile waits for one aggregate at most;
	// it starts once the dashboard has its table, slowest (payments: distinct orders) first
	const metrics = availableMetrics(analysis.data).sort((a, b) => (a === 'payments' ? -1 : b === 'payments' ? 1 : 0));
	const next = (i: number) => {
		if (i >= metrics.length || current?.analysis !== analysis) return;
		analysis.totals({ ...settings, metric: metrics[i] });
		setTimeout(() => next(i + 1), 20);
	};
	setTimeout(() => next(0), 0);
}

/** set by `select` after an import: the warm-up waits until the page's first customer page is answered */
let warmAfterFirstPage: (() => void) | null = null;

/**
 * Makes a dataset the open one. The other metrics are warmed up (a switch then takes ~60 ms, not
 * ~200): right away for a stored dataset, so they are ready when its dashboard is; after the first
 * customer page for an import, whose dashboard shows while the database is still writing.
 */
function select(
	meta: DatasetMeta,
	analysis: Analysis,
	settings: ClassifySettings,
	classification: Classification,
	prepared: Prepared,
	warm: 'now' | 'after-first-page' = 'now'
): void {
	current = { id: meta.id, meta, analysis, searchIndex: prepared.searchIndex, classification, ranksCache: null };
	const warmUp = () => warmOtherMetrics(analysis, settings);
	warmAfterFirstPage = warm === 'now' ? null : warmUp;
	if (warm === 'now') warmUp();
}

function need(): Current {
	if (!current) throw new Error('No dataset is open.');
	return current;
}

function reclassify(settings: ClassifySettings) {
	const c = need();
	c.classification = c.analysis.classify(settings);
	c.ranksCache = null;
	return dashboardView(c.analysis.data, c.classification);
}

function query(q: CustomerQuery) {
	const c = need();
	const data = c.analysis.data;
	const { offset, limit, ...filter } = q;
	const key = JSON.stringify(filter);
	if (c.ranksCache?.key !== key) {
		c.ranksCache = {
			key,
			ranks: matchingRanks(c.classification, data.customerKeys, data.customerNames, c.searchIndex, filter)
		};
	}
	const page = pageOf(c.classification, data.customerKeys, data.customerNames, c.ranksCache.ranks, offset, limit);
	warmAfterFirstPage?.();
	warmAfterFirstPage = null;
	return page;
}

function accounts(settings: ClassifySettings): AccountsView {
	const c = need();
	const data = c.analysis.data;
	const cls = c.analysis.classify(settings);
	const customers: AccountsView['customers'] = [];
	for (let r = 0; r < cls.order.length; r++) {
		if (cls.classIndex[r] !== 0 && !cls.key[r]) continue;
		const i = cls.order[r];
		const m = data.customerManager?.[i] ?? -1;
		customers.push({
			key: data.customerKeys[i],
			name: data.customerNames[i],
			isKey: cls.key[r] === 1,
			classIndex: cls.classIndex[r],
			className: settings.classes[cls.classIndex[r]].name,
			value: cls.value[r],
			share: cls.share[r],
			manager: m >= 0 && data.managers ? data.managers[m] : null
		});
	}
	return { customers, hasManagers: !!data.managers };
}

/** Prospects files go through the same decoding and sniffing as sales files. */
async function readProspectFile(file: File, encoding?: TextEncodingName, delimiter?: Delimiter) {
	const sniff = await sniffFile(file, file.name, { encoding, delimiter });
	const bytes = new Uint8Array(await file.arrayBuffer());
	const text = decodeWhole(bytes, sniff.encoding);
	return { sniff, text };
}

async function sniffProspects(p: Api['sniffProspects'][0]): Promise<Api['sniffProspects'][1]> {
	try {
		const { sniff } = await readProspectFile(p.file, p.encoding, p.delimiter);
		return {
			ok: true,
			header: sniff.header,
			rows: sniff.rows.slice(0, 8),
			map: mapProspectHeader(sniff.header),
			encoding: sniff.encoding,
			delimiter: sniff.delimiter
		};
	} catch (err) {
		if (err instanceof ImportError) return { ok: false, error: err.info };
		throw err;
	}
}

async function parseProspects(p: Api['parseProspects'][0]): Promise<Prospect[]> {
	const { sniff, text } = await readProspectFile(p.file, p.encoding, p.delimiter);
	const records = hasMalformedQuotes(text, sniff.delimiter)
		? parseLenient(text, sniff.delimiter, sniff.newline).records
		: Papa.parse<string[]>(text, { delimiter: sniff.delimiter, newline: sniff.newline, skipEmptyLines: false }).data;
	const out: Prospect[] = [];
	for (const rec of records.slice(sniff.headerRow + 1)) {
		const prospect = prospectFromRecord(rec, p.map, {
			id: crypto.randomUUID(),
			workspaceId: p.workspaceId,
			now: p.now
		});
		if (prospect) out.push(prospect);
	}
	return out;
}

async function readBackupFile(file: File): Promise<Api['backupRead'][1]> {
	try {
		const b = await readBackup(file);
		pendingBackup = b;
		return {
			ok: true,
			plan: await planRestore(getDb(), b),
			summary: {
				workspaceName: b.workspace.name,
				createdAt: b.createdAt,
				datasets: b.datasets.length,
				prospects: b.prospects.length,
				dossiers: b.dossiers.length
			}
		};
	} catch (err) {
		pendingBackup = null;
		if (err instanceof BackupError) return { ok: false, code: err.code, detail: err.detail };
		throw err;
	}
}
