/**
 * The dashboard of an import shows while the browser is still writing the dataset. Until the
 * write commits the import counts as running (the update prompt waits, "New" is disabled); a
 * write that fails shows the error and brings back what was there before.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AppState, type PendingFile } from '../../src/lib/state/app.svelte';
import { datasetMeta, fakeWorker as fakeAnalysisWorker } from './fake-worker';
import type { DatasetMeta } from '../../src/lib/store/db';

const meta = (id: number, name: string): DatasetMeta => datasetMeta(id, name, 3, 2);

/** A worker that answers like the analysis worker; `stored` waits until the test settles it. */
function fakeWorker() {
	let settleStored: ((outcome: { ok: true } | { ok: false; neededMb: number }) => void) | null = null;
	const { create, requests } = fakeAnalysisWorker((req, reply) => {
		if (req.type === 'import')
			reply({ id: req.id, type: 'result', result: { meta: meta(7, 'new.csv'), view: { settings: {} } } });
		else if (req.type === 'open')
			reply({
				id: req.id,
				type: 'result',
				result: { meta: meta(req.payload.datasetId, 'before.csv'), view: { settings: {} } }
			});
		else if (req.type === 'query') reply({ id: req.id, type: 'result', result: { rows: [], total: 0, offset: 0 } });
		else if (req.type === 'stored') {
			settleStored = (o) =>
				reply(
					o.ok
						? { id: req.id, type: 'result', result: null }
						: {
								id: req.id,
								type: 'error',
								error: { kind: 'import', info: { code: 'quota', neededMb: o.neededMb, availableMb: 3 } }
							}
				);
		} else reply({ id: req.id, type: 'result', result: null });
	});
	return {
		create,
		requests,
		settle: (o: { ok: true } | { ok: false; neededMb: number }) => settleStored!(o),
		waitForStored: async () => {
			for (let i = 0; i < 100 && !settleStored; i++) await new Promise((r) => setTimeout(r, 5));
			expect(settleStored).not.toBeNull();
		}
	};
}

function chosenFile(): PendingFile {
	return {
		file: new File(['customer,amount\nA,1\n'], 'new.csv'),
		sniff: {} as PendingFile['sniff'],
		error: null,
		choice: {} as PendingFile['choice']
	};
}

/** An app with one chosen file (and optionally a dataset open), its import started and waiting for the write. */
async function importUntilStored(open?: DatasetMeta) {
	const fake = fakeWorker();
	const app = new AppState(fake.create);
	if (open) app.openMeta = open;
	app.pending = [chosenFile()];
	app.phase = 'mapping';
	const done = app.runImport();
	await fake.waitForStored();
	return { fake, app, done };
}

describe('an import whose dataset is still being written', () => {
	it('shows the dashboard at once and counts as running until the write commits', async () => {
		const { fake, app, done } = await importUntilStored();
		expect(app.phase).toBe('dashboard');
		expect(app.openMeta?.id).toBe(7);
		expect(app.saving).toBe(true);
		expect(app.importing).toBe(true);
		expect(localStorage.getItem('paretoscope.import-running')).not.toBeNull();
		fake.settle({ ok: true });
		await done;
		expect(app.saving).toBe(false);
		expect(app.importing).toBe(false);
		expect(app.pending).toEqual([]);
		expect(app.errors).toEqual([]);
		expect(localStorage.getItem('paretoscope.import-running')).toBeNull();
		expect(fake.requests.find((r) => r.type === 'stored')).toMatchObject({ payload: { datasetId: 7 } });
	});

	it('a failed write shows the error with its sizes and returns to the chosen files', async () => {
		const { fake, app, done } = await importUntilStored();
		fake.settle({ ok: false, neededMb: 40 });
		await done;
		expect(app.errors).toEqual([{ kind: 'import', info: { code: 'quota', neededMb: 40, availableMb: 3 } }]);
		expect(app.phase).toBe('mapping');
		expect(app.pending).toHaveLength(1);
		expect(app.openMeta).toBeNull();
		expect(app.view).toBeNull();
		expect(app.saving).toBe(false);
		expect(localStorage.getItem('paretoscope.import-running')).toBeNull();
	});

	it('a failed write reopens the dataset that was open before', async () => {
		const { fake, app, done } = await importUntilStored(meta(3, 'before.csv'));
		fake.settle({ ok: false, neededMb: 40 });
		await done;
		expect(fake.requests.filter((r) => r.type === 'open')).toMatchObject([{ payload: { datasetId: 3 } }]);
		expect(app.openMeta?.id).toBe(3);
		expect(app.errors.map((e) => e.kind === 'import' && e.info.code)).toEqual(['quota']);
	});
});
