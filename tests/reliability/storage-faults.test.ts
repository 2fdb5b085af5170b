import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ParetoscopeDb } from '../../src/lib/store/db';
import { listDatasets, saveDataset, startSavingDataset, type NewDataset } from '../../src/lib/store/datasets';
import { isQuotaError, StorageQuotaError } from '../../src/lib/store/errors';
import { WorkerClient, WorkerFailure } from '../../src/lib/worker/client';
import { columnsOf } from '../unit/helpers';

const meta = (name: string): NewDataset => ({
	name,
	workspaceId: 'default',
	createdAt: 1,
	files: [],
	rowCount: 1,
	customerCount: 1,
	has: { date: false, quantity: false, profit: false, order: false, manager: false },
	dateRange: null,
	report: { files: [], rowsRead: 1, rowsImported: 1, blankRows: 0, skipped: [], warnings: [] }
});

let n = 0;
function failingDb(make: () => Error) {
	const db = new ParetoscopeDb(`faults-${++n}`);
	const table = db.columns;
	const original = table.add.bind(table);
	// the columns write fails the way a full disk makes it fail
	table.add = (() => Promise.reject(make())) as unknown as typeof table.add;
	return { db, restore: () => (table.add = original) };
}

describe('saving in two steps (the dashboard shows before the write commits)', () => {
	it('gives the id first; other readers see the dataset only once it is committed', async () => {
		const db = new ParetoscopeDb(`staged-${++n}`);
		const saving = startSavingDataset(db, meta('staged'), columnsOf([{ key: 'A', amount: 1 }]));
		const id = await saving.id;
		expect(id).toBeGreaterThan(0);
		expect(await saving.committed).toBe(id);
		expect((await listDatasets(new ParetoscopeDb(db.name))).map((d) => d.name)).toEqual(['staged']);
	});

	it('a quota failure after the id is known rejects the commit and leaves nothing', async () => {
		const { db } = failingDb(() => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
		const saving = startSavingDataset(db, meta('too big'), columnsOf([{ key: 'B', amount: 2 }]));
		expect(await saving.id).toBeGreaterThan(0);
		expect(await saving.committed.catch((e) => e)).toBeInstanceOf(StorageQuotaError);
		expect(await listDatasets(new ParetoscopeDb(db.name))).toEqual([]);
	});
});

describe('quota exceeded while storing', () => {
	it('recognises QuotaExceededError plain, as DOMException code 22, and wrapped in an AbortError', () => {
		expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
		expect(isQuotaError({ name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') })).toBe(true);
		expect(isQuotaError({ name: 'AbortError', cause: { name: 'QuotaExceededError' } })).toBe(true);
		expect(isQuotaError({ code: 22 })).toBe(true);
		expect(isQuotaError(new Error('other'))).toBe(false);
	});

	for (const [label, make] of [
		['QuotaExceededError', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
		[
			'AbortError with the quota error inside',
			() =>
				Object.assign(new DOMException('aborted', 'AbortError'), {
					inner: new DOMException('full', 'QuotaExceededError')
				})
		]
	] as const) {
		it(`${label}: a clear error with the bytes needed, and nothing partial stored`, async () => {
			const { db, restore } = failingDb(make);
			const kept = new ParetoscopeDb(db.name);
			restore();
			await saveDataset(kept, meta('earlier'), columnsOf([{ key: 'A', amount: 1 }]));
			const { db: broken } = failingDb(make);
			const err = await saveDataset(broken, meta('too big'), columnsOf([{ key: 'B', amount: 2 }])).catch((e) => e);
			expect(err).toBeInstanceOf(StorageQuotaError);
			expect((err as StorageQuotaError).neededBytes).toBeGreaterThan(0);
			expect(err.message).toMatch(/Not enough browser storage: \d+ bytes needed/);
			// the dataset row was written first in the same transaction: it must be rolled back
			const names = (await listDatasets(new ParetoscopeDb(db.name))).map((d) => d.name);
			expect(names).toEqual(['earlier']);
		});
	}
});

describe('worker crash', () => {
	class FakeWorker {
		onmessage: ((ev: MessageEvent) => void) | null = null;
		onerror: ((ev: ErrorEvent) => void) | null = null;
		terminated = false;
		posted: unknown[] = [];
		postMessage(m: unknown) {
			this.posted.push(m);
		}
		terminate() {
			this.terminated = true;
		}
	}

	it('fails every pending request with a readable error, then starts a fresh worker', async () => {
		const made: FakeWorker[] = [];
		const client = new WorkerClient(() => {
			const w = new FakeWorker();
			made.push(w);
			return w as unknown as Worker;
		});
		const a = client.request('query', {
			sort: 'rank',
			descending: false,
			search: '',
			classIndex: -1,
			offset: 0,
			limit: 10
		});
		const b = client.request('exportCsv', {});
		made[0].onerror!({ message: 'engine exploded', preventDefault() {} } as ErrorEvent);
		await expect(a).rejects.toBeInstanceOf(WorkerFailure);
		await expect(b).rejects.toThrow('engine exploded');
		expect(made[0].terminated).toBe(true);
		const c = client.request('exportCsv', {});
		expect(made).toHaveLength(2);
		const id = (made[1].posted[0] as { id: number }).id;
		made[1].onmessage!({ data: { id, type: 'result', result: 'ok' } } as MessageEvent);
		await expect(c).resolves.toBe('ok');
	});

	it('an engine exception comes back as data, not a crash', async () => {
		const made: FakeWorker[] = [];
		const client = new WorkerClient(() => {
			const w = new FakeWorker();
			made.push(w);
			return w as unknown as Worker;
		});
		const p = client.request('exportCsv', {});
		const id = (made[0].posted[0] as { id: number }).id;
		made[0].onmessage!({
			data: { id, type: 'error', error: { kind: 'internal', message: 'No dataset is open.' } }
		} as MessageEvent);
		await expect(p).rejects.toThrow('No dataset is open.');
		expect(made[0].terminated).toBe(false);
	});
});
