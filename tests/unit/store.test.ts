import 'fake-indexeddb/auto';
import { describe, expect, it, beforeEach } from 'vitest';
import Dexie from 'dexie';
import { DEFAULT_WORKSPACE_ID, ParetoscopeDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../src/lib/store/db';
import { CHUNK_ROWS } from '../../src/lib/store/columns-io';
import { deleteDataset, listDatasets, loadDataset, saveDataset, type NewDataset } from '../../src/lib/store/datasets';
import { columnsOf } from './helpers';

const meta = (name: string, createdAt: number): NewDataset => ({
	name,
	workspaceId: 'default',
	createdAt,
	files: [{ name: `${name}.csv`, size: 10, encoding: 'utf-8', delimiter: ',' }],
	rowCount: 2,
	customerCount: 2,
	has: { date: false, quantity: false, profit: false, order: false, manager: false },
	dateRange: null,
	report: { files: [], rowsRead: 2, rowsImported: 2, blankRows: 0, skipped: [], warnings: [] }
});

let db: ParetoscopeDb;
let n = 0;
beforeEach(() => {
	db = new ParetoscopeDb(`test-${++n}`);
});

describe('dataset store', () => {
	it('saves columns as typed arrays and loads them back identical', async () => {
		const cols = columnsOf(
			[
				{ key: 'A', amount: 150 },
				{ key: 'B', amount: -20 }
			],
			2
		);
		const id = await saveDataset(db, meta('one', 1), cols);
		const loaded = await loadDataset(db, id);
		expect(loaded!.meta.name).toBe('one');
		expect(loaded!.columns.amount).toBeInstanceOf(Float64Array);
		expect(Array.from(loaded!.columns.amount)).toEqual([150, -20]);
		expect(loaded!.columns.customerKeys).toEqual(['A', 'B']);
	});

	it('lists newest first and deletes meta and columns together', async () => {
		const a = await saveDataset(db, meta('old', 1), columnsOf([{ key: 'A', amount: 1 }]));
		const b = await saveDataset(db, meta('new', 2), columnsOf([{ key: 'B', amount: 1 }]));
		expect((await listDatasets(db)).map((d) => d.name)).toEqual(['new', 'old']);
		await deleteDataset(db, a);
		expect((await listDatasets(db)).map((d) => d.id)).toEqual([b]);
		expect(await db.columns.get(a)).toBeUndefined();
		expect(await loadDataset(db, a)).toBeNull();
	});

	it('a failed save stores nothing and leaves earlier datasets untouched', async () => {
		const first = await saveDataset(db, meta('kept', 1), columnsOf([{ key: 'A', amount: 1 }]));
		const broken = columnsOf([{ key: 'X', amount: 1 }]);
		// a function cannot be cloned into IndexedDB: the columns write fails after the meta write
		(broken as unknown as { bad: () => void }).bad = () => {};
		await expect(saveDataset(db, meta('broken', 2), broken)).rejects.toThrow();
		const all = await listDatasets(db);
		expect(all.map((d) => d.name)).toEqual(['kept']);
		expect(await db.columns.count()).toBe(1);
		expect((await loadDataset(db, first))!.columns.customerKeys).toEqual(['A']);
	});
});

describe('schema upgrades keep every record', () => {
	it('a version-1 database (the foundation) opens as version 2 with datasets moved into the default workspace', async () => {
		const name = `upgrade-${++n}`;
		const v1 = new Dexie(name);
		v1.version(1).stores(SCHEMA_V1);
		const cols = columnsOf([
			{ key: 'A', amount: 10 },
			{ key: 'B', amount: 5 }
		]);
		const v1meta = { ...meta('from-v1', 7) } as Partial<NewDataset>;
		delete v1meta.workspaceId;
		const id = (await v1.table('datasets').add(v1meta)) as number;
		await v1.table('columns').add({ datasetId: id, columns: cols });
		await v1.table('settings').put({ key: 'classify', value: { preset: 'gsb' } });
		v1.close();

		const upgraded = new ParetoscopeDb(name);
		const loaded = await loadDataset(upgraded, id);
		expect(loaded!.meta.name).toBe('from-v1');
		expect(loaded!.meta.workspaceId).toBe(DEFAULT_WORKSPACE_ID);
		expect(Array.from(loaded!.columns.amount)).toEqual([10, 5]);
		expect(await upgraded.settings.get('classify')).toEqual({ key: 'classify', value: { preset: 'gsb' } });
		expect((await upgraded.workspaces.toArray()).map((w) => w.id)).toEqual([DEFAULT_WORKSPACE_ID]);
		expect(upgraded.verno).toBe(4);
		expect(loaded!.meta.dimensions).toBeNull();
	});

	it('a new database starts with the default workspace', async () => {
		expect((await db.workspaces.toArray()).map((w) => w.id)).toEqual([DEFAULT_WORKSPACE_ID]);
	});
});

describe('big datasets are stored in row chunks', () => {
	it('a dataset over CHUNK_ROWS rows is split into chunk records and reads back identical; delete removes every chunk', async () => {
		const n = CHUNK_ROWS * 2 + 7;
		const customer = new Int32Array(n);
		const amount = new Float64Array(n);
		const date = new Int32Array(n);
		for (let i = 0; i < n; i++) {
			customer[i] = i % 3;
			amount[i] = i;
			date[i] = 19000 + (i % 400);
		}
		const region = new Uint16Array(n);
		const channel = new Uint16Array(n);
		for (let i = 0; i < n; i++) {
			region[i] = i % 5;
			channel[i] = i < CHUNK_ROWS ? 0 : 1;
		}
		const cols = {
			rowCount: n,
			customerKeys: ['a', 'b', 'c'],
			customerNames: ['a', 'b', 'c'],
			customer,
			amount,
			amountScale: 0,
			date,
			quantityScale: 0,
			profitScale: 0,
			dimensions: [
				{ name: 'Region', values: ['', 'N', 'S', 'E', 'W'], codes: region },
				{ name: 'Канал', values: ['web', 'shop'], codes: channel }
			]
		};
		const id = await saveDataset(db, { ...meta('big', 1), rowCount: n }, cols);
		expect(await db.chunks.where('datasetId').equals(id).count()).toBe(3);
		const loaded = await loadDataset(db, id);
		expect(loaded!.columns.rowCount).toBe(n);
		expect(loaded!.columns.amount).toBeInstanceOf(Float64Array);
		expect(loaded!.columns.amount.length).toBe(n);
		expect(loaded!.columns.amount[n - 1]).toBe(n - 1);
		expect(loaded!.columns.customer[CHUNK_ROWS]).toBe(CHUNK_ROWS % 3);
		expect(loaded!.columns.date![n - 1]).toBe(19000 + ((n - 1) % 400));
		expect('chunked' in loaded!.columns).toBe(false);
		// dimension codes are chunked too; names and values stay in the head record
		const head = (await db.columns.get(id))!.columns;
		expect(head.dimensions!.map((d) => [d.name, d.values, d.codes.length])).toEqual([
			['Region', ['', 'N', 'S', 'E', 'W'], 0],
			['Канал', ['web', 'shop'], 0]
		]);
		const firstChunk = (await db.chunks.get([id, 0]))!;
		expect(firstChunk.dimensions!.map((c) => c.length)).toEqual([CHUNK_ROWS, CHUNK_ROWS]);
		const dims = loaded!.columns.dimensions!;
		expect(dims.map((d) => d.name)).toEqual(['Region', 'Канал']);
		expect(dims[0].values).toEqual(['', 'N', 'S', 'E', 'W']);
		expect(dims[0].codes).toBeInstanceOf(Uint16Array);
		expect(dims[0].codes.length).toBe(n);
		expect(dims[0].codes[n - 1]).toBe((n - 1) % 5);
		expect(dims[0].codes[CHUNK_ROWS + 3]).toBe((CHUNK_ROWS + 3) % 5);
		expect([dims[1].codes[CHUNK_ROWS - 1], dims[1].codes[CHUNK_ROWS], dims[1].codes[n - 1]]).toEqual([0, 1, 1]);
		let same = true;
		for (let i = 0; i < n && same; i++) same = dims[0].codes[i] === region[i] && dims[1].codes[i] === channel[i];
		expect(same).toBe(true);
		await deleteDataset(db, id);
		expect(await db.chunks.count()).toBe(0);
	}, 60_000);

	it('a version-2 database opens as version 3 with its datasets intact', async () => {
		const name = `v2-${++n}`;
		const v2 = new Dexie(name);
		v2.version(1).stores(SCHEMA_V1);
		v2.version(2).stores(SCHEMA_V2);
		const id = (await v2.table('datasets').add(meta('from-v2', 3))) as number;
		await v2.table('columns').add({ datasetId: id, columns: columnsOf([{ key: 'Z', amount: 4 }]) });
		await v2.table('prospects').put({ id: 'p1', workspaceId: 'default', company: 'Kept' });
		v2.close();
		const upgraded = new ParetoscopeDb(name);
		expect((await loadDataset(upgraded, id))!.columns.customerKeys).toEqual(['Z']);
		expect((await upgraded.prospects.get('p1'))!.company).toBe('Kept');
		expect(upgraded.verno).toBe(4);
	});

	it('a version-3 database opens as version 4: its datasets say they have no dimensions (null) and read back', async () => {
		const name = `v3-${++n}`;
		const v3 = new Dexie(name);
		v3.version(1).stores(SCHEMA_V1);
		v3.version(2).stores(SCHEMA_V2);
		v3.version(3).stores(SCHEMA_V3);
		const id = (await v3.table('datasets').add(meta('from-v3', 4))) as number;
		await v3.table('columns').add({
			datasetId: id,
			columns: columnsOf([
				{ key: 'P', amount: 6 },
				{ key: 'Q', amount: 2 }
			])
		});
		v3.close();
		const upgraded = new ParetoscopeDb(name);
		const loaded = await loadDataset(upgraded, id);
		expect(upgraded.verno).toBe(4);
		expect(loaded!.meta.name).toBe('from-v3');
		expect(loaded!.meta.dimensions).toBeNull();
		expect(loaded!.columns.customerKeys).toEqual(['P', 'Q']);
		expect(Array.from(loaded!.columns.amount)).toEqual([6, 2]);
		expect(loaded!.columns.dimensions).toBeUndefined();
		// a new import into the upgraded database keeps its dimension list as written
		const fresh = await saveDataset(
			upgraded,
			{ ...meta('new', 5), dimensions: [{ name: 'Region', values: 1 }] },
			{
				...columnsOf([
					{ key: 'A', amount: 1 },
					{ key: 'B', amount: 1 }
				]),
				dimensions: [{ name: 'Region', values: ['North'], codes: new Uint16Array([0, 0]) }]
			}
		);
		expect((await loadDataset(upgraded, fresh))!.meta.dimensions).toEqual([{ name: 'Region', values: 1 }]);
	});
});
