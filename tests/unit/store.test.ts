import 'fake-indexeddb/auto';
import { describe, expect, it, beforeEach } from 'vitest';
import Dexie from 'dexie';
import { DEFAULT_WORKSPACE_ID, ParetoscopeDb, SCHEMA_V1 } from '../../src/lib/store/db';
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
		const cols = columnsOf([{ key: 'A', amount: 150 }, { key: 'B', amount: -20 }], 2);
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
		const cols = columnsOf([{ key: 'A', amount: 10 }, { key: 'B', amount: 5 }]);
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
		expect(upgraded.verno).toBe(2);
	});

	it('a new database starts with the default workspace', async () => {
		expect((await db.workspaces.toArray()).map((w) => w.id)).toEqual([DEFAULT_WORKSPACE_ID]);
	});
});
