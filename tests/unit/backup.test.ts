import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WORKSPACE_ID, ParetoscopeDb, type DatasetMeta } from '../../src/lib/store/db';
import { saveDataset, type NewDataset } from '../../src/lib/store/datasets';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	BackupError,
	deleteAllData,
	exportWorkspace,
	planRestore,
	readBackup,
	restoreBackup,
	type BackupErrorCode,
	type ParsedBackup
} from '../../src/lib/store/backup';
import type { Dossier, Prospect } from '../../src/lib/engine/crm-types';
import type { SalesColumns } from '../../src/lib/engine/types';
import { columnsOf, salesOf } from './helpers';

let db: ParetoscopeDb;
let n = 0;
beforeEach(() => {
	db = new ParetoscopeDb(`backup-test-${++n}`);
});

const meta = (
	name: string,
	workspaceId: string,
	createdAt: number,
	rowCount: number,
	customerCount: number
): NewDataset => ({
	name,
	workspaceId,
	createdAt,
	files: [{ name: `${name}.csv`, size: 10, encoding: 'utf-8', delimiter: ';' }],
	rowCount,
	customerCount,
	has: { date: true, quantity: true, profit: true, order: false, manager: false },
	dateRange: [19000, 19100],
	report: {
		files: [{ name: `${name}.csv`, records: rowCount, imported: rowCount }],
		rowsRead: rowCount,
		rowsImported: rowCount,
		blankRows: 0,
		skipped: [],
		warnings: []
	},
	sqlColumns: { customerKey: 'Клиент', amount: 'Сумма' },
	dimensions: []
});

const prospect = (id: string, workspaceId: string, company: string): Prospect => ({
	id,
	workspaceId,
	company,
	contact: 'Иван',
	role: 'CEO',
	source: 'fair',
	dealSize: 12500.5,
	decisionDate: 19500,
	decisionHistory: [{ from: null, to: 19500, changedOn: 19400 }],
	decided: false,
	notes: 'line1\nline2 "quoted" \u0000 nul',
	criteria: {
		money: { value: 'yes', note: '' },
		urgentProblem: { value: 'unknown', note: 'ask' },
		likesUsp: { value: 'no', note: '' },
		decisionAuthority: { value: 'yes', note: '' },
		acceptableOffer: { value: 'unknown', note: '' }
	},
	createdAt: 1,
	updatedAt: 2
});

const dossier = (workspaceId: string, customerKey: string): Dossier => ({
	id: `${workspaceId}\u0000${customerKey}`,
	workspaceId,
	customerKey,
	customerName: `ООО «${customerKey}»`,
	notes: '',
	decisionMakers: 'Пётр',
	competitors: '',
	bonds: {
		structural: true,
		brand: false,
		respect: false,
		personal: true,
		information: false,
		addedValue: false,
		zeroChoice: false
	},
	rating: 3,
	contacts: [{ day: 19000, kind: 'positive', note: 'call' }],
	reviewedOn: null,
	createdAt: 5,
	updatedAt: 6
});

function richColumns(): SalesColumns {
	const c = salesOf(
		[
			{ key: 'A', amount: 15050, day: 19000, quantity: 3, profit: 1200 },
			{ key: 'Б', amount: -2000, day: 19001, quantity: 1, profit: -100 },
			{ key: 'A', amount: 0.1 + 0.2, quantity: 0.5, profit: NaN }
		],
		2
	);
	c.order = new Float64Array([0, -1, 1]);
	c.customerManager = new Int32Array([0, -1]);
	c.managers = ['Мария'];
	c.quantityScale = 1;
	c.dimensions = [
		{ name: 'Регион', values: ['Север', ''], codes: new Uint16Array([0, 1, 0]) },
		{ name: 'Channel', values: ['web'], codes: new Uint16Array([0, 0, 0]) }
	];
	return c;
}

async function seed(): Promise<void> {
	await db.workspaces.put({ id: 'w1', name: 'Рога и копыта', createdAt: 100 });
	await db.workspaces.put({ id: 'w2', name: 'Other', createdAt: 200 });
	const rich = richColumns();
	await saveDataset(
		db,
		{
			...meta('sales 2024', 'w1', 10, rich.rowCount, rich.customerKeys.length),
			dimensions: [
				{ name: 'Регион', values: 2 },
				{ name: 'Channel', values: 1 }
			]
		},
		rich
	);
	const small = columnsOf([{ key: 'X', amount: 1 }]);
	await saveDataset(db, meta('tiny', 'w1', 11, 1, 1), small);
	await saveDataset(db, meta('empty', 'w1', 12, 0, 0), columnsOf([]));
	await saveDataset(db, meta('w2 data', 'w2', 13, 1, 1), columnsOf([{ key: 'Y', amount: 7 }]));
	await db.prospects.bulkPut([
		prospect('p1', 'w1', 'Acme'),
		prospect('p2', 'w1', '=cmd'),
		prospect('q1', 'w2', 'Beta')
	]);
	await db.dossiers.bulkPut([dossier('w1', 'A'), dossier('w1', 'Б'), dossier('w2', 'Y')]);
	await db.settings.bulkPut([
		{
			key: 'settings',
			value: {
				metric: 'revenue',
				classes: [{ name: 'A', upTo: 0.8 }],
				ratio: NaN,
				big: -Infinity,
				when: new Date(5),
				bytes: new Uint8Array([1, 2, 3])
			}
		},
		{ key: 'workspace', value: 'w1' }
	]);
}

/** Every table, in a canonical text form that keeps typed-array classes. */
async function dump(d: ParetoscopeDb = db): Promise<string> {
	const out: Record<string, unknown> = {};
	for (const t of [...d.tables].sort((a, b) => a.name.localeCompare(b.name))) out[t.name] = await t.toArray();
	return JSON.stringify(out, function (this: Record<string, unknown>, key, value) {
		const raw = this[key];
		if (ArrayBuffer.isView(raw))
			return { class: raw.constructor.name, values: Array.from(raw as Float64Array, String) };
		if (raw instanceof Date) return { date: raw.getTime() };
		if (typeof value === 'number' && !Number.isFinite(value)) return { num: String(value) };
		return value;
	});
}

/** A workspace's records with dataset ids replaced by the dataset's position in createdAt order. */
async function workspaceContent(wsId: string, d: ParetoscopeDb = db) {
	const metas = await d.datasets.where('workspaceId').equals(wsId).sortBy('createdAt');
	const datasets = [];
	for (const m of metas) {
		const { id, ...rest } = m;
		datasets.push({ meta: rest, columns: (await d.columns.get(id))!.columns });
	}
	const byId = <T extends { id: string }>(a: T[]) => a.sort((x, y) => (x.id < y.id ? -1 : 1));
	return {
		workspace: await d.workspaces.get(wsId),
		datasets,
		prospects: byId(await d.prospects.where('workspaceId').equals(wsId).toArray()),
		dossiers: byId(await d.dossiers.where('workspaceId').equals(wsId).toArray())
	};
}

function expectSameColumns(a: SalesColumns, b: SalesColumns): void {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const k of keys) {
		const x = (a as unknown as Record<string, unknown>)[k];
		const y = (b as unknown as Record<string, unknown>)[k];
		if (ArrayBuffer.isView(x)) {
			expect(y?.constructor, k).toBe(x.constructor);
			const xs = x as Float64Array;
			const ys = y as Float64Array;
			expect(ys.length, k).toBe(xs.length);
			let firstDiff = -1;
			for (let i = 0; i < xs.length && firstDiff < 0; i++) if (!Object.is(xs[i], ys[i])) firstDiff = i;
			expect(firstDiff, `${k}: first differing index`).toBe(-1);
		} else {
			expect(y, k).toEqual(x);
		}
	}
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
	return new Uint8Array(await blob.arrayBuffer());
}

async function gunzipText(blob: Blob): Promise<string> {
	const s = blob.stream().pipeThrough(new DecompressionStream('gzip'));
	return new Response(s).text();
}

async function gzipBlob(text: string): Promise<Blob> {
	const s = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
	return new Response(s).blob();
}

async function expectCode(file: Blob, code: BackupErrorCode): Promise<BackupError> {
	const err = await readBackup(file).then(
		() => null,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(BackupError);
	expect((err as BackupError).code).toBe(code);
	return err as BackupError;
}

describe('exportWorkspace', () => {
	it('writes a gzip-compressed JSON document with the format marker first', async () => {
		await seed();
		const blob = await exportWorkspace(db, 'w1');
		const bytes = await bytesOf(blob);
		expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
		const text = await gunzipText(blob);
		expect(text.startsWith(`{"format":"${BACKUP_FORMAT}","version":${BACKUP_VERSION},"schemaVersion":4,`)).toBe(true);
		const doc = JSON.parse(text);
		expect(doc.workspace).toEqual({ id: 'w1', name: 'Рога и копыта', createdAt: 100 });
		expect(doc.datasets.map((d: { meta: DatasetMeta }) => d.meta.name)).toEqual(['sales 2024', 'tiny', 'empty']);
		expect(doc.datasets[0].columns.amount).toEqual({ $typed: 'Float64Array', base64: expect.any(String) });
		expect(doc.datasets[0].columns.customer.$typed).toBe('Int32Array');
		expect(doc.prospects.map((p: Prospect) => p.id).sort()).toEqual(['p1', 'p2']);
		expect(doc.dossiers).toHaveLength(2);
		expect(doc.settings).toHaveLength(2);
	});

	it('refuses an unknown workspace but always exports the default one', async () => {
		await expect(exportWorkspace(db, 'nope')).rejects.toThrow();
		await db.workspaces.clear();
		const b = await readBackup(await exportWorkspace(db, DEFAULT_WORKSPACE_ID));
		expect(b.workspace.id).toBe(DEFAULT_WORKSPACE_ID);
		expect(b.datasets).toEqual([]);
	});
});

describe('backup round trip', () => {
	it('export → delete all → read → restore gives every record back identical', async () => {
		await seed();
		const before = await workspaceContent('w1');
		const settingsBefore = await dump();
		const file = await exportWorkspace(db, 'w1');

		await deleteAllData(db);
		for (const t of db.tables) {
			if (t.name !== 'workspaces') expect(await t.count(), t.name).toBe(0);
		}
		expect((await db.workspaces.toArray()).map((w) => w.id)).toEqual([DEFAULT_WORKSPACE_ID]);

		const parsed = await readBackup(file);
		expect(parsed.schemaVersion).toBe(4);
		expect(await planRestore(db, parsed)).toEqual({
			workspaceExists: false,
			conflictingDatasets: 0,
			conflictingProspects: 0,
			conflictingDossiers: 0,
			existingDatasets: 0,
			existingProspects: 0,
			existingDossiers: 0
		});
		expect(await restoreBackup(db, parsed, 'replace')).toEqual({ datasets: 3, prospects: 2, dossiers: 2 });

		const after = await workspaceContent('w1');
		expect(after.workspace).toEqual(before.workspace);
		expect(after.prospects).toEqual(before.prospects);
		expect(after.dossiers).toEqual(before.dossiers);
		expect(after.datasets.map((d) => d.meta)).toEqual(before.datasets.map((d) => d.meta));
		before.datasets.forEach((d, i) => expectSameColumns(d.columns, after.datasets[i].columns));
		// settings (global) come back too, with NaN, -Infinity, Date and typed arrays intact
		const settings = JSON.parse(settingsBefore).settings;
		expect(JSON.parse(await dump()).settings).toEqual(settings);
		const s = (await db.settings.get('settings'))!.value as Record<string, unknown>;
		expect(s.when).toBeInstanceOf(Date);
		expect(s.bytes).toBeInstanceOf(Uint8Array);
		expect(Number.isNaN(s.ratio)).toBe(true);
	});

	it('a merge into an emptied database restores the same records', async () => {
		await seed();
		const before = await workspaceContent('w1');
		const file = await exportWorkspace(db, 'w1');
		await deleteAllData(db);
		expect(await restoreBackup(db, await readBackup(file), 'merge')).toEqual({
			datasets: 3,
			prospects: 2,
			dossiers: 2
		});
		const after = await workspaceContent('w1');
		expect(after).toEqual(before);
		before.datasets.forEach((d, i) => expectSameColumns(d.columns, after.datasets[i].columns));
	});

	it('reads a plain (uncompressed) JSON backup too', async () => {
		await seed();
		const text = await gunzipText(await exportWorkspace(db, 'w1'));
		const b = await readBackup(new Blob([text]));
		expect(b.datasets).toHaveLength(3);
		expect(b.datasets[0].columns.amount).toBeInstanceOf(Float64Array);
		const b2 = await readBackup(new Blob(['\uFEFF' + text]));
		expect(b2.prospects).toHaveLength(2);
	});

	it('keeps the dimension columns: names, values and Uint16 codes', async () => {
		await seed();
		const text = await gunzipText(await exportWorkspace(db, 'w1'));
		expect(JSON.parse(text).datasets[0].columns.dimensions[0].codes.$typed).toBe('Uint16Array');
		await deleteAllData(db);
		await restoreBackup(db, await readBackup(new Blob([text])), 'merge');
		const [restored] = await db.datasets.where('workspaceId').equals('w1').sortBy('createdAt');
		expect(restored.dimensions).toEqual([
			{ name: 'Регион', values: 2 },
			{ name: 'Channel', values: 1 }
		]);
		const dims = (await db.columns.get(restored.id))!.columns.dimensions!;
		expect(dims.map((d) => [d.name, d.values])).toEqual([
			['Регион', ['Север', '']],
			['Channel', ['web']]
		]);
		expect(dims[0].codes).toBeInstanceOf(Uint16Array);
		expect(Array.from(dims[0].codes)).toEqual([0, 1, 0]);
	});

	it('restores a backup made before dimensions existed: its datasets have none (null)', async () => {
		await seed();
		const doc = JSON.parse(await gunzipText(await exportWorkspace(db, 'w1')));
		for (const d of doc.datasets) {
			delete d.meta.dimensions;
			delete d.columns.dimensions;
		}
		await deleteAllData(db);
		expect((await restoreBackup(db, await readBackup(new Blob([JSON.stringify(doc)])), 'merge')).datasets).toBe(3);
		const metas = await db.datasets.where('workspaceId').equals('w1').sortBy('createdAt');
		expect(metas.map((m) => m.dimensions)).toEqual([null, null, null]);
		const columns = (await db.columns.get(metas[0].id))!.columns;
		expect(columns.dimensions).toBeUndefined();
		expect(Array.from(columns.amount)).toEqual([15050, -2000, 0.1 + 0.2]);
	});

	it('keeps a large dataset exact', async () => {
		const rows = 200_000;
		const cols = columnsOf([]);
		cols.rowCount = rows;
		cols.customerKeys = ['A', 'B', 'C'];
		cols.customerNames = ['a', 'b', 'c'];
		cols.customer = Int32Array.from({ length: rows }, (_, i) => i % 3);
		cols.amount = Float64Array.from({ length: rows }, (_, i) => ((i * 7919) % 100003) - 50000 + i / 7);
		cols.date = Int32Array.from({ length: rows }, (_, i) => (i % 5 === 0 ? -2147483648 : 18000 + (i % 900)));
		await saveDataset(db, meta('big', DEFAULT_WORKSPACE_ID, 1, rows, 3), cols);
		const b = await readBackup(await exportWorkspace(db, DEFAULT_WORKSPACE_ID));
		expectSameColumns(cols, b.datasets[0].columns);
	});
});

describe('restore modes', () => {
	it('merge adds what is missing and never deletes or overwrites', async () => {
		await seed();
		const file = await exportWorkspace(db, 'w1');
		// after the backup: p1 edited, a dossier deleted, a prospect and a dataset added, the workspace renamed
		await db.prospects.put({ ...prospect('p1', 'w1', 'Acme (edited)'), updatedAt: 99 });
		await db.dossiers.delete('w1\u0000Б');
		await db.prospects.put(prospect('p3', 'w1', 'New'));
		await saveDataset(db, meta('later', 'w1', 50, 1, 1), columnsOf([{ key: 'Z', amount: 3 }]));
		await db.workspaces.put({ id: 'w1', name: 'Renamed', createdAt: 100 });
		await db.settings.put({ key: 'workspace', value: 'w2' });

		const b = await readBackup(file);
		expect(await planRestore(db, b)).toEqual({
			workspaceExists: true,
			conflictingDatasets: 3,
			conflictingProspects: 2,
			conflictingDossiers: 1,
			existingDatasets: 4,
			existingProspects: 3,
			existingDossiers: 1
		});

		const beforeDump = JSON.parse(await dump());
		expect(await restoreBackup(db, b, 'merge')).toEqual({ datasets: 3, prospects: 0, dossiers: 1 });
		const afterDump = JSON.parse(await dump());

		// every record that was there is still there, unchanged
		for (const table of Object.keys(beforeDump)) {
			for (const rec of beforeDump[table]) expect(afterDump[table], table).toContainEqual(rec);
		}
		expect((await db.prospects.get('p1'))!.company).toBe('Acme (edited)');
		expect((await db.workspaces.get('w1'))!.name).toBe('Renamed');
		expect((await db.settings.get('workspace'))!.value).toBe('w2');
		expect((await db.dossiers.get('w1\u0000Б'))!.customerName).toBe('ООО «Б»');
		expect(await db.datasets.where('workspaceId').equals('w1').count()).toBe(7);
		expect(await db.columns.count()).toBe(8);
		// the backup's datasets got fresh ids, and their columns follow them
		const names = (await db.datasets.toArray()).map((d) => d.name).sort();
		expect(names).toEqual(['empty', 'empty', 'later', 'sales 2024', 'sales 2024', 'tiny', 'tiny', 'w2 data']);
		for (const d of await db.datasets.toArray())
			expect((await db.columns.get(d.id))!.columns.rowCount).toBe(d.rowCount);
	});

	it('replace swaps that workspace for the backup and leaves other workspaces and settings alone', async () => {
		await seed();
		const original = await workspaceContent('w1');
		const file = await exportWorkspace(db, 'w1');
		await db.prospects.put(prospect('p9', 'w1', 'after backup'));
		await saveDataset(db, meta('after', 'w1', 60, 1, 1), columnsOf([{ key: 'Q', amount: 3 }]));
		await db.workspaces.put({ id: 'w1', name: 'Renamed', createdAt: 100 });
		await db.settings.put({ key: 'workspace', value: 'w2' });
		await db.settings.put({ key: 'extra', value: 1 });
		const w2Before = await workspaceContent('w2');
		const settingsBefore = await db.settings.toArray();

		const b = await readBackup(file);
		expect(await restoreBackup(db, b, 'replace')).toEqual({ datasets: 3, prospects: 2, dossiers: 2 });

		const w1 = await workspaceContent('w1');
		expect(w1).toEqual(original);
		original.datasets.forEach((d, i) => expectSameColumns(d.columns, w1.datasets[i].columns));
		expect(await workspaceContent('w2')).toEqual(w2Before);
		expect(await db.settings.toArray()).toEqual(settingsBefore);
		// no orphan columns
		expect(await db.columns.count()).toBe(await db.datasets.count());
	});

	it('replace skips a record whose id belongs to another workspace', async () => {
		await seed();
		const b = await readBackup(await exportWorkspace(db, 'w1'));
		await db.prospects.delete('p1');
		await db.prospects.put(prospect('p1', 'w2', 'Owned by w2'));
		expect(await restoreBackup(db, b, 'replace')).toEqual({ datasets: 3, prospects: 1, dossiers: 2 });
		expect(await db.prospects.get('p1')).toEqual(prospect('p1', 'w2', 'Owned by w2'));
	});
});

describe('a failing write rolls the whole restore back', () => {
	for (const mode of ['merge', 'replace'] as const) {
		it(`${mode}: an uncloneable last record leaves the database unchanged`, async () => {
			await seed();
			const b = await readBackup(await exportWorkspace(db, 'w1'));
			await db.prospects.clear();
			await db.dossiers.delete('w1\u0000Б');
			const before = await dump();
			(b.dossiers[b.dossiers.length - 1] as unknown as { bad: () => void }).bad = () => {};
			await expect(restoreBackup(db, b, mode)).rejects.toThrow();
			expect(await dump()).toBe(before);
		});
	}

	it('an uncloneable dataset column rolls back the deletes of replace', async () => {
		await seed();
		const b = await readBackup(await exportWorkspace(db, 'w1'));
		const before = await dump();
		(b.datasets[2].columns as unknown as { bad: () => void }).bad = () => {};
		await expect(restoreBackup(db, b, 'replace')).rejects.toThrow();
		expect(await dump()).toBe(before);
	});
});

describe('foreign and damaged files', () => {
	/** The exported document as raw JSON (tags not decoded), to damage on purpose. */
	async function rawDoc(): Promise<Record<string, any>> {
		await seed();
		return JSON.parse(await gunzipText(await exportWorkspace(db, 'w1')));
	}
	const blobOf = (doc: unknown) => new Blob([JSON.stringify(doc)]);

	async function expectUntouched(file: Blob, code: BackupErrorCode): Promise<void> {
		const before = await dump();
		await expectCode(file, code);
		expect(await dump()).toBe(before);
	}

	it('a CSV file is not a backup', async () => {
		await seed();
		await expectUntouched(new Blob(['customer;amount\r\nAcme;10,5\r\n']), 'not-a-backup');
	});

	it('random bytes are not a backup', async () => {
		await seed();
		let x = 12345;
		const bytes = Uint8Array.from({ length: 4096 }, () => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
		bytes[0] = 0xfe;
		await expectUntouched(new Blob([bytes]), 'not-a-backup');
		await expectUntouched(new Blob([]), 'not-a-backup');
	});

	it('a truncated gzip is corrupt', async () => {
		await seed();
		const bytes = await bytesOf(await exportWorkspace(db, 'w1'));
		await expectUntouched(new Blob([bytes.slice(0, Math.floor(bytes.length / 2))]), 'corrupt');
		expect((await expectCode(new Blob([bytes.slice(0, -8)]), 'corrupt')).detail).toMatch(/gzip/);
		await expectUntouched(new Blob([bytes.slice(0, 10)]), 'corrupt');
	});

	it('a gzip of something else is not a backup', async () => {
		await seed();
		await expectUntouched(await gzipBlob('a,b\r\n1,2\r\n'), 'not-a-backup');
	});

	it('JSON of another app is not a backup', async () => {
		await seed();
		await expectUntouched(blobOf({ format: 'other-app', version: 1, data: [] }), 'not-a-backup');
		await expectUntouched(blobOf([1, 2, 3]), 'not-a-backup');
		await expectUntouched(blobOf({ version: 1, workspace: {} }), 'not-a-backup');
		// even when it happens to use keys that look like our tags
		await expectUntouched(
			blobOf({ format: 'x', data: { $typed: 'Nope', base64: '!' }, n: { $num: 'big' } }),
			'not-a-backup'
		);
	});

	it('a truncated plain backup is corrupt', async () => {
		const text = JSON.stringify(await rawDoc());
		await expectUntouched(new Blob([text.slice(0, text.length - 20)]), 'corrupt');
	});

	it('a typed array whose length does not match rowCount is corrupt', async () => {
		const doc = await rawDoc();
		const short = new Float64Array([1, 2]);
		doc.datasets[0].columns.amount = { $typed: 'Float64Array', base64: Buffer.from(short.buffer).toString('base64') };
		const err = await expectCode(blobOf(doc), 'corrupt');
		expect(err.detail).toMatch(/amount/);
		await expectUntouched(await gzipBlob(JSON.stringify(doc)), 'corrupt');
	});

	it('other inconsistencies are corrupt', async () => {
		const base = await rawDoc();
		const variants: [string, (d: Record<string, any>) => void][] = [
			['missing workspace', (d) => delete d.workspace],
			['missing datasets', (d) => delete d.datasets],
			['missing prospect field', (d) => delete d.prospects[0].company],
			['wrong typed class', (d) => (d.datasets[0].columns.amount.$typed = 'Int32Array')],
			['unknown typed class', (d) => (d.datasets[0].columns.amount.$typed = 'BigInt64Array')],
			['bad base64', (d) => (d.datasets[0].columns.amount.base64 = '!!!!')],
			['byte length not a multiple', (d) => (d.datasets[0].columns.amount.base64 = 'AAAA')],
			[
				'customer index out of range',
				(d) =>
					(d.datasets[0].columns.customer.base64 = Buffer.from(new Int32Array([0, 5, 0]).buffer).toString('base64'))
			],
			['meta rowCount mismatch', (d) => (d.datasets[0].meta.rowCount = 4)],
			[
				'dimension code out of range',
				(d) =>
					(d.datasets[0].columns.dimensions[0].codes.base64 = Buffer.from(new Uint16Array([0, 2, 0]).buffer).toString(
						'base64'
					))
			],
			['dimension codes of another class', (d) => (d.datasets[0].columns.dimensions[1].codes.$typed = 'Int16Array')],
			['dimension without a name', (d) => delete d.datasets[0].columns.dimensions[0].name],
			['meta dimensions not a list', (d) => (d.datasets[0].meta.dimensions = 'Регион')],
			['record of another workspace', (d) => (d.dossiers[0].workspaceId = 'w2')],
			['duplicate prospect id', (d) => d.prospects.push(d.prospects[0])],
			['version not a number', (d) => (d.version = '1')]
		];
		for (const [what, damage] of variants) {
			const doc = structuredClone(base);
			damage(doc);
			const before = await dump();
			const err = await readBackup(blobOf(doc)).catch((e: unknown) => e);
			expect(err, what).toBeInstanceOf(BackupError);
			expect((err as BackupError).code, what).toBe('corrupt');
			expect(await dump()).toBe(before);
		}
	});

	it('a backup from a newer version says so', async () => {
		const doc = await rawDoc();
		doc.version = 99;
		delete doc.datasets; // a newer format may look different: the version is checked first
		await expectUntouched(blobOf(doc), 'newer-version');
		await expectUntouched(await gzipBlob(JSON.stringify(doc)), 'newer-version');
	});

	it('a parsed backup is all-or-nothing: nothing partial comes out of a bad file', async () => {
		const doc = await rawDoc();
		doc.dossiers[1].contacts = 'not a list';
		const result = await readBackup(blobOf(doc)).catch((e: unknown) => e);
		expect(result).toBeInstanceOf(BackupError);
	});
});

describe('deleteAllData', () => {
	it('empties every table and leaves the state of a new database', async () => {
		await seed();
		await deleteAllData(db);
		const d = JSON.parse(await dump());
		for (const [name, rows] of Object.entries(d)) {
			if (name === 'workspaces') expect((rows as { id: string }[]).map((w) => w.id)).toEqual([DEFAULT_WORKSPACE_ID]);
			else expect(rows, name).toEqual([]);
		}
		// the app keeps working afterwards
		const id = await saveDataset(
			db,
			meta('again', DEFAULT_WORKSPACE_ID, 1, 1, 1),
			columnsOf([{ key: 'A', amount: 1 }])
		);
		expect((await db.columns.get(id))!.columns.customerKeys).toEqual(['A']);
	});
});

// keep the ParsedBackup type exercised for the type checker
export type _Parsed = ParsedBackup;
