import 'fake-indexeddb/auto';
import { describe, expect, it, beforeEach } from 'vitest';
import { ParetoscopeDb } from '../../src/lib/store/db';
import { deleteDataset, listDatasets, loadDataset, saveDataset, type NewDataset } from '../../src/lib/store/datasets';
import { columnsOf } from './helpers';

const meta = (name: string, createdAt: number): NewDataset => ({
	name,
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
