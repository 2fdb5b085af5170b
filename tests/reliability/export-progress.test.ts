/**
 * An XLSX export of a large dataset in the real analysis worker (messages cloned as a browser
 * would): it reports progress while it writes, a Cancel stops it with a `cancelled` failure and
 * nothing else changes, and the next export gives the same bytes as one never interrupted.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../src/lib/engine/export';
import { ruLabels } from '../unit/export-fixture';
import { abcSettings } from '../unit/helpers';
import { answer, importStored, installWorker, posted, result, send } from './worker-harness';

const progressOf = (id: number) =>
	posted.flatMap((m) => (m.id === id && m.type === 'progress' && m.progress.stage === 'export' ? [m.progress] : []));

const CUSTOMERS = 25_000;
const exportPayload = { format: 'xlsx', labels: ruLabels(3), sheetDialect: 'comma' };

beforeAll(async () => {
	await installWorker();
	let text = 'customer,name,amount\n';
	for (let i = 0; i < CUSTOMERS; i++) text += `C${i},"Customer ${i}, Ltd",${(1 + ((i * 7919) % 50_000)) / 100}\n`;
	const opened = await importStored(new File([text], 'many.csv'), abcSettings(), 30_000);
	expect(opened.view.customerCount).toBe(CUSTOMERS);
}, 60_000);

describe('an XLSX export in the worker', () => {
	let whole: ExportedFile;

	it('reports rising progress between 0 and 1 while it writes', async () => {
		const id = send('exportFile', exportPayload);
		const a = await answer(id, 30_000);
		expect(a.type).toBe('result');
		whole = (a as { result: ExportedFile }).result;
		expect(whole.extension).toBe('xlsx');
		expect((whole.data as Uint8Array).length).toBeGreaterThan(100_000);
		const fractions = progressOf(id).map((p) => p.fraction);
		// written in ~1 MB pieces: a 25 000-customer workbook takes several, each reported at most every 150 ms
		expect(fractions.length).toBeGreaterThan(0);
		for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
		expect(Math.min(...fractions)).toBeGreaterThan(0);
		expect(Math.max(...fractions)).toBeLessThanOrEqual(1);
	}, 60_000);

	it('stops at a Cancel with a `cancelled` failure; the next export is byte for byte the uninterrupted one', async () => {
		const id = send('exportFile', exportPayload);
		// cancel as soon as the page would show the first progress
		const started = Date.now();
		while (progressOf(id).length === 0) {
			if (Date.now() - started > 30_000) throw new Error('no progress before the end');
			if (posted.some((m) => m.id === id && m.type !== 'progress')) throw new Error('finished before a progress event');
			await new Promise((res) => setTimeout(res, 1));
		}
		send('cancel', { target: id }, 0);
		expect(await answer(id, 30_000)).toEqual({ id, type: 'error', error: { kind: 'cancelled' } });
		const again = await result<ExportedFile>('exportFile', exportPayload, 30_000);
		// (compared as buffers: a deep equality of megabytes is slow)
		expect(Buffer.from(again.data as Uint8Array).equals(Buffer.from(whole.data as Uint8Array))).toBe(true);
		// the dataset is still open and answers
		const page = await result<{ matching: number }>('query', {
			sort: 'rank',
			descending: false,
			search: '',
			classIndex: -1,
			offset: 0,
			limit: 5
		});
		expect(page.matching).toBe(CUSTOMERS);
	}, 60_000);
});
