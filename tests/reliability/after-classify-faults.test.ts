/**
 * No step after classification may hang an import or poison a dataset. The real analysis worker
 * runs here (its messages are cloned as a browser would), with an exception injected into each
 * step after classification: SQL columns, the dataset record, the dashboard views, posting the
 * dashboard, the save before and after the dashboard shows, and the export. Each time:
 * (a) the request is answered (no hang) with a clear failure, nothing of the import is stored,
 *     and the dataset open before stays open;
 * (b) a stored dataset that fails to open (an exception in its views, a corrupt record, missing
 *     or damaged columns) answers with an `open` failure naming it, and the delete path removes it.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FileChoice, Opened } from '../../src/lib/worker/protocol';
import { ask, choiceOf, installWorker, posted, result } from './worker-harness';
import { DB_NAME, ParetoscopeDb } from '../../src/lib/store/db';
import { deleteDataset, listDatasets, startSavingDataset } from '../../src/lib/store/datasets';
import { classificationSql } from '../../src/lib/engine/sql';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { PRESETS } from '../../src/lib/engine/abc';
import type { CustomerPage } from '../../src/lib/engine/customer-table';

const fault = vi.hoisted(() => ({ export: false }));
vi.mock('../../src/lib/engine/export', async (original) => {
	const real = await original<typeof import('../../src/lib/engine/export')>();
	return {
		...real,
		exportClassification: (...args: Parameters<typeof real.exportClassification>) => {
			if (fault.export) throw new Error('injected: export columns');
			return real.exportClassification(...args);
		}
	};
});

const settings: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5
};

let worker: typeof import('../../src/lib/worker/analysis.worker');
const db = new ParetoscopeDb(DB_NAME);

/** The file as the page would send it, with the auto-mapping (or a mapping fix). */
const choiceFor = (name: string, text: string, fix?: (c: FileChoice) => void) => choiceOf(new File([text], name), fix);

const importPayload = async (name: string, text: string, fix?: (c: FileChoice) => void) => ({
	files: [await choiceFor(name, text, fix)],
	name,
	workspaceId: 'default',
	settings
});

/** Imports a file through the worker and waits until it is stored. */
async function importStored(name: string, text: string, fix?: (c: FileChoice) => void): Promise<Opened> {
	const opened = await result<Opened>('import', await importPayload(name, text, fix));
	await result('stored', { datasetId: opened.meta.id });
	return opened;
}

const keysOfOpenDataset = async () =>
	(
		await result<CustomerPage>('query', {
			sort: 'rank',
			descending: false,
			search: '',
			classIndex: -1,
			offset: 0,
			limit: 50
		})
	).rows.map((r) => r.key);
const storedNames = async () => (await listDatasets(db)).map((d) => d.name).sort();
const columnRecords = () => db.columns.count();

const EARLIER = 'customer,amount\nAlpha,100\nBravo,50\nCharlie,5\n';
const NEW = 'customer,amount\nXray,10\nYankee,20\n';

beforeAll(async () => {
	worker = await installWorker();
	await importStored('earlier', EARLIER);
});

afterEach(() => {
	worker.injectStepsForTests();
	fault.export = false;
});

const boom = (step: string) => () => {
	throw new Error(`injected: ${step}`);
};

describe('(a) an import whose step after classification fails answers with an error and stores nothing', () => {
	const cases: [string, Parameters<typeof worker.injectStepsForTests>[0], string][] = [
		['SQL columns', { sqlColumns: boom('sql columns') }, 'sql-columns'],
		['the dataset record', { meta: boom('meta') }, 'meta'],
		['the dashboard views', { views: boom('views') }, 'views'],
		['the save, before the dataset has an id', { save: boom('save') }, 'save']
	];
	for (const [label, inject, step] of cases) {
		it(`${label}: a '${step}' failure, no dashboard, nothing stored, the earlier dataset still open`, async () => {
			expect(await keysOfOpenDataset()).toEqual(['Alpha', 'Bravo', 'Charlie']);
			worker.injectStepsForTests(inject);
			const answer = await ask('import', await importPayload('new', NEW));
			expect(answer.type).toBe('error');
			expect(answer.type === 'error' && answer.error).toMatchObject({
				kind: 'step',
				step,
				detail: expect.stringContaining('injected')
			});
			expect(posted.filter((m) => m.id === answer.id && m.type === 'result')).toEqual([]);
			expect(await storedNames()).toEqual(['earlier']);
			expect(await columnRecords()).toBe(1);
			expect(await keysOfOpenDataset()).toEqual(['Alpha', 'Bravo', 'Charlie']);
		});
	}

	it('posting the dashboard fails (it cannot be cloned): a views failure, and the write is rolled back', async () => {
		worker.injectStepsForTests({
			views: (data) => ({ view: { unclonable: () => data } as never })
		});
		const answer = await ask('import', await importPayload('new', NEW));
		expect(answer.type === 'error' && answer.error).toMatchObject({ kind: 'step', step: 'views' });
		expect(await storedNames()).toEqual(['earlier']);
		expect(await columnRecords()).toBe(1);
		expect(await keysOfOpenDataset()).toEqual(['Alpha', 'Bravo', 'Charlie']);
	});

	it('the save fails after the dashboard was shown: `stored` answers a save failure, nothing is kept, the earlier dataset is open again', async () => {
		worker.injectStepsForTests({
			save: (database, meta, columns, onId = () => {}) =>
				startSavingDataset(database, meta, columns, (id) => {
					onId(id);
					throw new Error('injected: the columns could not be written');
				})
		});
		const opened = await result<Opened>('import', await importPayload('new', NEW));
		expect(opened.view.customerCount).toBe(2);
		const stored = await ask('stored', { datasetId: opened.meta.id });
		expect(stored.type === 'error' && stored.error).toMatchObject({
			kind: 'step',
			step: 'save',
			detail: expect.stringContaining('injected')
		});
		expect(await storedNames()).toEqual(['earlier']);
		expect(await columnRecords()).toBe(1);
		expect(await keysOfOpenDataset()).toEqual(['Alpha', 'Bravo', 'Charlie']);
	});

	it('the export fails: answered as an error, and the open dataset keeps working', async () => {
		fault.export = true;
		const answer = await ask('exportCsv', {});
		expect(answer.type === 'error' && answer.error).toMatchObject({
			kind: 'internal',
			message: 'injected: export columns'
		});
		fault.export = false;
		expect(await result<string>('exportCsv', {})).toMatch(/^rank,customer_key/);
		expect(await keysOfOpenDataset()).toEqual(['Alpha', 'Bravo', 'Charlie']);
	});

	it('without faults a file whose customer column has no header name imports, opens again and has its SQL', async () => {
		const opened = await importStored(
			'unnamed',
			',Date,Product,Qty,Amount\nACME,2024-01-05,x,1,100\nBeta,2024-01-06,y,2,20\n',
			(c) => {
				c.mapping.customerKey = 0;
				c.mapping.customerName = -1;
			}
		);
		expect(opened.meta.sqlColumns).toMatchObject({
			customerKey: '',
			amount: 'Amount',
			positions: { customerKey: 1, amount: 5 }
		});
		expect(classificationSql(settings, opened.meta.sqlColumns!, 'duckdb')).toContain('"column_1"');
		expect(await keysOfOpenDataset()).toEqual(['ACME', 'Beta']);
		await result('forget', { datasetId: opened.meta.id });
		const again = await result<Opened>('open', { datasetId: opened.meta.id, settings });
		expect(again.view.customerCount).toBe(2);
		await deleteDataset(db, opened.meta.id);
		await result('forget', { datasetId: opened.meta.id });
	});
});

describe('(b) a stored dataset that fails to open answers with an error naming it, and can be deleted', () => {
	/** a second stored dataset, opened, so the broken one is not the open one */
	async function brokenAndOpen(name: string) {
		const broken = await importStored(name, 'customer,amount\nP,1\nQ,2\n');
		const other = await importStored(`${name}-other`, 'customer,amount\nM,3\nN,4\n');
		return { id: broken.meta.id, otherId: other.meta.id };
	}

	async function expectOpenFailure(id: number, name: string, detail: RegExp) {
		const answer = await ask('open', { datasetId: id, settings });
		expect(answer.type).toBe('error');
		const error = answer.type === 'error' ? answer.error : null;
		expect(error).toMatchObject({ kind: 'open', datasetId: id, name });
		expect(error?.kind === 'open' && error.detail).toMatch(detail);
		// what was open stays open
		expect(await keysOfOpenDataset()).toEqual(['N', 'M']);
		// the delete path removes it for good
		await deleteDataset(db, id);
		await result('forget', { datasetId: id });
		expect(await storedNames()).not.toContain(name);
		expect(await db.columns.get(id)).toBeUndefined();
	}

	const cleanup = async (otherId: number) => {
		await deleteDataset(db, otherId);
		await result('forget', { datasetId: otherId });
	};

	it('an exception while building its views', async () => {
		const { id, otherId } = await brokenAndOpen('views-broken');
		worker.injectStepsForTests({}, { views: boom('open views') });
		await expectOpenFailure(id, 'views-broken', /injected: open views/);
		await cleanup(otherId);
	});

	it('a record of an earlier version without its import report', async () => {
		const { id, otherId } = await brokenAndOpen('old-record');
		await db.datasets.update(id, { report: undefined } as never);
		await expectOpenFailure(id, 'old-record', /import report/);
		await cleanup(otherId);
	});

	it('its columns are missing', async () => {
		const { id, otherId } = await brokenAndOpen('no-columns');
		await db.columns.delete(id);
		await expectOpenFailure(id, 'no-columns', /not in this browser’s storage/);
		await cleanup(otherId);
	});

	it('its columns are damaged (an amount array of the wrong length)', async () => {
		const { id, otherId } = await brokenAndOpen('damaged');
		const rec = (await db.columns.get(id))!;
		await db.columns.put({ ...rec, columns: { ...rec.columns, amount: new Float64Array(1) } });
		await expectOpenFailure(id, 'damaged', /amount column does not have 2 rows/);
		await cleanup(otherId);
	});

	it('after all of this only the earlier dataset is stored', async () => {
		expect(await storedNames()).toEqual(['earlier']);
	});
});
