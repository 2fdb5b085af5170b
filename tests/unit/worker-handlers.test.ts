/**
 * The analysis worker's handler map (worker/handlers/), called directly with a context of its own:
 * an import answers before it is stored, the import records the encoding each file was really read
 * with, and `deleteDataset` removes a stored dataset and forgets it when it is the open one.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/lib/engine/abc';
import type { ClassifySettings } from '../../src/lib/engine/types';
import type { PartJob } from '../../src/lib/ingest/import-types';
import { buildPart, SPLIT_MIN_CHARS } from '../../src/lib/ingest/split';
import { listDatasets, loadDataset } from '../../src/lib/store/datasets';
import { ParetoscopeDb } from '../../src/lib/store/db';
import { createWorkerContext, type WorkerContext } from '../../src/lib/worker/context';
import { call, choiceOf } from './worker-call';
import { handlers, type Answered, type Call } from '../../src/lib/worker/handlers';
import type { Opened } from '../../src/lib/worker/protocol';

const settings: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5
};

const ANSWERED = {} as Answered;

let dbs = 0;
const freshContext = () => {
	const db = new ParetoscopeDb(`worker-handlers-${++dbs}`);
	return { db, ctx: createWorkerContext({ db: () => db }) };
};

async function importStored(ctx: WorkerContext, name: string, content: string | Uint8Array): Promise<Opened> {
	const files = [await choiceOf(`${name}.csv`, content)];
	const opened = await call(ctx, 'import', { files, name, workspaceId: 'default', settings });
	await call(ctx, 'stored', { datasetId: opened.meta.id });
	return opened;
}

describe('the demo dataset', () => {
	it('sampleSales answers the sample file of the language, ending on the day asked', async () => {
		const ctx = createWorkerContext({ db: () => new ParetoscopeDb(`sample-${Math.random()}`) });
		const out = await call(ctx, 'sampleSales', { language: 'ru', today: { year: 2026, month: 3, day: 2 } });
		expect(out.fileName).toBe('пример-продаж.csv');
		expect(out.text).toContain('02.03.2026');
		expect(out.text).not.toContain('03.03.2026');
	});
});

describe('the worker handler map', () => {
	it('has a handler for every request type, and nothing else', () => {
		expect(Object.keys(handlers).sort()).toEqual(
			[
				'sniff',
				'import',
				'stored',
				'open',
				'classify',
				'reclassify',
				'query',
				'exportCsv',
				'exportFile',
				'backupExport',
				'backupRead',
				'backupRestore',
				'deleteAll',
				'vip',
				'rfm',
				'reese',
				'migration',
				'migrationCell',
				'margin',
				'xyz',
				'recency',
				'compare',
				'filterOptions',
				'filterCounts',
				'filterRelax',
				'classByDimension',
				'classesWithin',
				'customer',
				'customerRows',
				'accounts',
				'sniffProspects',
				'parseProspects',
				'forget',
				'deleteDataset',
				'renameDataset',
				'sampleSales'
			].sort()
		);
	});

	it('an import answers with the dashboard, opens the dataset and stores it', async () => {
		const { db, ctx } = freshContext();
		const opened = await importStored(ctx, 'first', 'customer,amount\nAlpha,100\nBravo,50\n');
		expect(opened.view.customerCount).toBe(2);
		expect(ctx.current?.id).toBe(opened.meta.id);
		expect((await listDatasets(db)).map((d) => d.name)).toEqual(['first']);
	});

	it('deleteDataset removes a stored dataset and forgets it when it is the open one', async () => {
		const { db, ctx } = freshContext();
		const a = await importStored(ctx, 'a', 'customer,amount\nAlpha,100\n');
		const b = await importStored(ctx, 'b', 'customer,amount\nBravo,50\n');
		expect(ctx.current?.id).toBe(b.meta.id);
		// not the open one: the open dataset stays
		expect(await call(ctx, 'deleteDataset', { id: a.meta.id })).toBeUndefined();
		expect((await listDatasets(db)).map((d) => d.name)).toEqual(['b']);
		expect(ctx.current?.id).toBe(b.meta.id);
		// the open one: gone from the database and from the worker
		await call(ctx, 'deleteDataset', { id: b.meta.id });
		expect(await listDatasets(db)).toEqual([]);
		expect(await db.columns.count()).toBe(0);
		expect(ctx.current).toBeNull();
		await expect(call(ctx, 'classify', { settings })).rejects.toThrow('No dataset is open.');
	});

	it('renameDataset renames the stored record and the open dataset, refuses a blank name, and keeps the fingerprint', async () => {
		const { db, ctx } = freshContext();
		const a = await importStored(ctx, 'sales_en', 'customer,amount\nAlpha,100\n');
		await call(ctx, 'renameDataset', { id: a.meta.id, name: '  Q4 sales  ' });
		expect((await listDatasets(db)).map((d) => d.name)).toEqual(['Q4 sales']);
		expect(ctx.current?.meta.name).toBe('Q4 sales');
		await expect(call(ctx, 'renameDataset', { id: a.meta.id, name: '   ' })).rejects.toThrow();
		expect((await listDatasets(db)).map((d) => d.name)).toEqual(['Q4 sales']);
	});

	it('an import keeps the page fingerprint of each file in the dataset record', async () => {
		const { db, ctx } = freshContext();
		const choice = { ...(await choiceOf('a.csv', 'customer,amount\nAlpha,100\n')), fingerprint: '24:abc' };
		const opened = await call(ctx, 'import', { files: [choice], name: 'a', workspaceId: 'default', settings });
		await call(ctx, 'stored', { datasetId: opened.meta.id });
		expect(opened.meta.files[0].fingerprint).toBe('24:abc');
		expect((await listDatasets(db))[0].files[0].fingerprint).toBe('24:abc');
	});

	it('an import keeps the dimensions chosen in the mapping step, in the record and the stored columns', async () => {
		const { db, ctx } = freshContext();
		const csv = 'customer,amount,Region,Channel,Notes\nAlpha,100,North,web,x\nBeta,50,,shop,y\n';
		const choice = { ...(await choiceOf('d.csv', csv)), dimensions: [2, 4] };
		const opened = await call(ctx, 'import', { files: [choice], name: 'd', workspaceId: 'default', settings });
		await call(ctx, 'stored', { datasetId: opened.meta.id });
		expect(opened.meta.dimensions).toEqual([
			{ name: 'Region', values: 2 },
			{ name: 'Notes', values: 2 }
		]);
		const stored = await loadDataset(db, opened.meta.id);
		expect(stored!.meta.dimensions).toEqual(opened.meta.dimensions);
		expect(stored!.columns.dimensions).toEqual([
			{ name: 'Region', values: ['North', ''], codes: new Uint16Array([0, 1]) },
			{ name: 'Notes', values: ['x', 'y'], codes: new Uint16Array([0, 1]) }
		]);
		// without a choice the suggested columns are kept (Region and Channel are common names)
		const auto = await call(ctx, 'import', {
			files: [await choiceOf('e.csv', csv)],
			name: 'e',
			workspaceId: 'default',
			settings
		});
		await call(ctx, 'stored', { datasetId: auto.meta.id });
		expect(auto.meta.dimensions!.map((d) => d.name)).toEqual(['Region', 'Channel']);
	});

	it('a large file whose UTF-8 guess the second half proves wrong is stored with the code page it was read in', async () => {
		const db = new ParetoscopeDb(`worker-handlers-${++dbs}`);
		// the helper worker's work, done in this thread
		const parallel = {
			warm: () => {},
			start: (job: PartJob, onProgress: (done: number) => void) => ({
				result: buildPart(job, { cancelled: () => false }, onProgress),
				abort: () => {}
			})
		};
		const ctx = createWorkerContext({ db: () => db, parallel });
		// plain ASCII past the sniffed start and past the middle, then 'Ромашка' in Windows-1251
		const ascii = new TextEncoder().encode(
			'customer,amount\n' + Array.from({ length: 650_000 }, (_, i) => `C${i % 9},${i % 1000}`).join('\n') + '\n'
		);
		const romashka = [0xd0, 0xee, 0xec, 0xe0, 0xf8, 0xea, 0xe0, 0x2c, 0x35, 0x0a];
		const bytes = new Uint8Array(ascii.length + romashka.length * 50);
		bytes.set(ascii);
		for (let i = 0; i < 50; i++) bytes.set(romashka, ascii.length + i * romashka.length);
		expect(bytes.length).toBeGreaterThan(SPLIT_MIN_CHARS);
		const choice = await choiceOf('late.csv', bytes);
		const opened = await call(ctx, 'import', { files: [choice], name: 'late', workspaceId: 'default', settings });
		await call(ctx, 'stored', { datasetId: opened.meta.id });
		expect(opened.meta.files[0].encoding).toBe('windows-1251');
		expect((await listDatasets(db))[0].files[0].encoding).toBe('windows-1251');
		expect(ctx.current?.analysis.data.customerKeys).toContain('Ромашка');
	});
});

describe('confirmStages: a Cancel pressed while "Classifying…" shows always wins', () => {
	it('waits for the page to have seen the classify stage, then honours a cancel that came first', async () => {
		const { db, ctx } = freshContext();
		const files = [await choiceOf('late.csv', 'customer,amount\nAlpha,100\n')];
		let cancelled = false;
		let pageSaw: () => void = () => {};
		const stages: string[] = [];
		const c: Call<'import'> = {
			id: 7,
			cancelled: () => cancelled,
			progress: (p) => stages.push(p.stage),
			progressSeen: (p) => {
				stages.push(`${p.stage} (waits)`);
				return new Promise((resolve) => (pageSaw = resolve));
			},
			answer: () => ANSWERED
		};
		const run = handlers.import({ files, name: 'late', workspaceId: 'default', settings, confirmStages: true }, ctx, c);
		// however long the page takes to show "Classifying…", nothing is written meanwhile
		await new Promise((r) => setTimeout(r, 30));
		expect(stages).toEqual(['read', 'parse', 'classify (waits)']);
		expect(await listDatasets(db)).toEqual([]);
		// the page's Cancel reaches the worker before its acknowledgement
		cancelled = true;
		pageSaw();
		await expect(run).rejects.toMatchObject({ info: { code: 'cancelled' } });
		expect(await listDatasets(db)).toEqual([]);
	});

	it('goes on to store once the page has seen it and nobody cancelled', async () => {
		const { db, ctx } = freshContext();
		const files = [await choiceOf('fine.csv', 'customer,amount\nAlpha,100\n')];
		let answered: Opened | undefined;
		const c: Call<'import'> = {
			id: 8,
			cancelled: () => false,
			progress: () => {},
			progressSeen: async () => {},
			answer: (r) => ((answered = r), ANSWERED)
		};
		await handlers.import({ files, name: 'fine', workspaceId: 'default', settings, confirmStages: true }, ctx, c);
		await call(ctx, 'stored', { datasetId: answered!.meta.id });
		expect((await listDatasets(db)).map((d) => d.name)).toEqual(['fine']);
	});
});
