/**
 * Failures after classification reach the page as errors, never as a blank page or a hang:
 * a stored dataset that cannot be opened is named with a "Delete this dataset" button that
 * deletes it through the usual path; an import step that failed says which and leaves what was
 * open; "Show as SQL" for a column without a header name shows its query instead of throwing.
 */
import 'fake-indexeddb/auto';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ErrorBox from '../../src/lib/components/ErrorBox.svelte';
import SqlDialog from '../../src/lib/components/SqlDialog.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import { AppState, type PendingFile } from '../../src/lib/state/app.svelte';
import { getDb, type DatasetMeta } from '../../src/lib/store/db';
import { deleteDataset, listDatasets, saveDataset } from '../../src/lib/store/datasets';
import type { Failure, WorkerRequest, WorkerResponse } from '../../src/lib/worker/protocol';
import { datasetMeta, fakeWorker as fakeAnalysisWorker } from './fake-worker';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { PRESETS } from '../../src/lib/engine/abc';
import type { ExportLabels } from '../../src/lib/engine/export-labels';

const meta = (id: number, name: string): DatasetMeta => datasetMeta(id, name);

const openFailure = (datasetId: number, name = ''): Failure => ({
	kind: 'open',
	datasetId,
	name,
	detail: 'its record has no import report'
});

/** A worker that answers like the analysis worker; `failures` makes a request type answer with an error. */
function fakeWorker(failures: Partial<Record<WorkerRequest['type'], Failure>> = {}) {
	return fakeAnalysisWorker((req, reply) => {
		const failure = failures[req.type];
		if (failure) reply({ id: req.id, type: 'error', error: failure });
		else if (req.type === 'open')
			reply({
				id: req.id,
				type: 'result',
				result: { meta: meta(req.payload.datasetId, 'opened'), view: { settings: {} } }
			});
		else if (req.type === 'query') reply({ id: req.id, type: 'result', result: { rows: [], total: 0, offset: 0 } });
		// the worker is the one writer of datasets: it deletes them as the real one does
		else if (req.type === 'deleteDataset')
			deleteDataset(getDb(), req.payload.id).then(() => reply({ id: req.id, type: 'result', result: null }));
		else reply({ id: req.id, type: 'result', result: null });
	});
}

beforeEach(() => i18n.set('en'));
afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
});

describe('a stored dataset that cannot be opened', () => {
	it('shows an error naming it, with a Delete this dataset button that asks first', async () => {
		const ondelete = vi.fn();
		// happy-dom has no confirm(): the test answers it
		const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
		vi.stubGlobal('confirm', confirm);
		render(ErrorBox, { error: openFailure(4, 'Sales 2023'), ondismiss: () => {}, ondelete });
		expect(screen.getByRole('alert')).toHaveTextContent('This dataset cannot be opened');
		expect(screen.getByRole('alert')).toHaveTextContent(
			'The dataset «Sales 2023» cannot be opened (its record has no import report)'
		);
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: 'Delete this dataset' }));
		expect(ondelete).not.toHaveBeenCalled();
		await user.click(screen.getByRole('button', { name: 'Delete this dataset' }));
		expect(confirm).toHaveBeenLastCalledWith('Delete the dataset «Sales 2023» from this browser?');
		expect(ondelete).toHaveBeenCalledTimes(1);
	});

	it('the button reads natively in Russian and Romanian', () => {
		i18n.set('ru');
		const { unmount } = render(ErrorBox, { error: openFailure(4, 'Продажи'), ondismiss: () => {}, ondelete: () => {} });
		expect(screen.getByRole('button', { name: 'Удалить этот набор данных' })).toBeInTheDocument();
		expect(screen.getByRole('alert')).toHaveTextContent('Набор данных «Продажи» не открывается');
		unmount();
		i18n.set('ro');
		render(ErrorBox, { error: openFailure(4, 'Vânzări'), ondismiss: () => {}, ondelete: () => {} });
		expect(screen.getByRole('button', { name: 'Ștergeți acest set de date' })).toBeInTheDocument();
	});

	it('other errors have no delete button', () => {
		render(ErrorBox, { error: { kind: 'internal', message: 'x' }, ondismiss: () => {}, ondelete: () => {} });
		expect(screen.queryByRole('button', { name: 'Delete this dataset' })).toBeNull();
	});

	it('opening it keeps what was shown, adds the error with its stored name, and the button deletes it', async () => {
		const db = getDb();
		const id = await saveDataset(db, { ...meta(0, 'broken.csv'), id: undefined } as never, {
			rowCount: 1,
			customerKeys: ['A'],
			customerNames: ['A'],
			customer: new Int32Array([0]),
			amount: new Float64Array([1]),
			amountScale: 0,
			quantityScale: 0,
			profitScale: 0
		});
		const fake = fakeWorker({ open: openFailure(id) });
		const app = new AppState(fake.create);
		app.datasets = await listDatasets(db);
		app.openMeta = meta(99, 'shown before');
		app.view = { settings: {} } as never;
		app.phase = 'dashboard';
		await app.openDataset(id);
		expect(app.errors).toEqual([
			{ kind: 'open', datasetId: id, name: 'broken.csv', detail: 'its record has no import report' }
		]);
		expect(app.openMeta?.id).toBe(99);
		expect(app.phase).toBe('dashboard');

		vi.stubGlobal('confirm', () => true);
		render(ErrorBox, { error: app.errors[0], ondismiss: () => {}, ondelete: () => app.removeDataset(id) });
		await userEvent.setup().click(screen.getByRole('button', { name: 'Delete this dataset' }));
		await vi.waitFor(async () => expect(await listDatasets(db)).toEqual([]));
		expect(await db.columns.get(id)).toBeUndefined();
		await vi.waitFor(() => expect(app.errors).toEqual([]));
		expect(fake.requests.some((r) => r.type === 'forget' && r.payload.datasetId === id)).toBe(true);
		expect(app.openMeta?.id).toBe(99);
	});

	it('a dashboard that fails to render is closed and becomes the same error', () => {
		const app = new AppState(fakeWorker().create);
		app.openMeta = meta(12, 'old.csv');
		app.view = { settings: {} } as never;
		app.phase = 'dashboard';
		app.dashboardFailed(new Error('cannot read properties of undefined'));
		expect(app.errors).toEqual([
			{ kind: 'open', datasetId: 12, name: 'old.csv', detail: 'cannot read properties of undefined' }
		]);
		expect(app.phase).toBe('home');
		expect(app.openMeta).toBeNull();
	});
});

describe('an import whose step after classification failed', () => {
	it('shows which step, keeps the chosen files and what was open, and is not saving', async () => {
		const fake = fakeWorker({ import: { kind: 'step', step: 'views', detail: 'out of memory' } });
		const app = new AppState(fake.create);
		app.openMeta = meta(3, 'before.csv');
		app.view = { settings: {} } as never;
		app.pending = [
			{
				file: new File(['a,b\n'], 'new.csv'),
				sniff: {} as PendingFile['sniff'],
				error: null,
				choice: {} as PendingFile['choice']
			}
		];
		app.phase = 'mapping';
		await app.runImport();
		expect(app.errors).toEqual([{ kind: 'step', step: 'views', detail: 'out of memory' }]);
		expect(app.phase).toBe('mapping');
		expect(app.pending).toHaveLength(1);
		expect(app.openMeta?.id).toBe(3);
		expect(app.saving).toBe(false);
		expect(app.importing).toBe(false);
		render(ErrorBox, { error: app.errors[0], ondismiss: () => {} });
		expect(screen.getByRole('alert')).toHaveTextContent(
			'The import could not be finished (building the dashboard: out of memory). Nothing was saved'
		);
	});

	it('a failed export is an error on the page, not an exception', async () => {
		const app = new AppState(fakeWorker({ exportFile: { kind: 'internal', message: 'export broke' } }).create);
		expect(await app.exports.exportFile('xlsx', {} as ExportLabels, 'comma')).toBeNull();
		expect(app.errors).toEqual([{ kind: 'internal', message: 'export broke' }]);
		expect(app.exports.running).toBeNull();
	});

	it('a cancelled export is a notice, not an error, and the next export may start', async () => {
		const app = new AppState(fakeWorker({ exportFile: { kind: 'cancelled' } }).create);
		expect(await app.exports.exportFile('xlsx', {} as ExportLabels, 'comma')).toBeNull();
		expect(app.errors).toEqual([]);
		expect(app.notice).toBe('export.cancelled');
		expect(app.exports.running).toBeNull();
	});

	it('shows the progress the worker reports, and Cancel sends a cancel for that request', async () => {
		const requests: WorkerRequest[] = [];
		const worker = {
			onmessage: null as ((ev: MessageEvent<WorkerResponse>) => void) | null,
			onerror: null,
			terminate() {},
			postMessage(req: WorkerRequest) {
				requests.push(req);
				const reply = (msg: WorkerResponse) => worker.onmessage?.({ data: msg } as MessageEvent<WorkerResponse>);
				if (req.type === 'exportFile')
					setTimeout(() => reply({ id: req.id, type: 'progress', progress: { stage: 'export', fraction: 0.4 } }), 0);
				// the worker stops at the cancel and answers the export with `cancelled`
				if (req.type === 'cancel')
					setTimeout(() => reply({ id: req.payload.target, type: 'error', error: { kind: 'cancelled' } }), 0);
			}
		};
		const app = new AppState(() => worker as unknown as Worker);
		const pending = app.exports.exportFile('xlsx', {} as ExportLabels, 'comma');
		expect(app.exports.running).toEqual({ format: 'xlsx', fraction: null });
		// a second click while it runs starts nothing
		expect(await app.exports.exportFile('csv-sheet', {} as ExportLabels, 'comma')).toBeNull();
		await vi.waitFor(() => expect(app.exports.running).toEqual({ format: 'xlsx', fraction: 0.4 }));
		app.exports.cancel();
		expect(await pending).toBeNull();
		const exportId = requests.find((r) => r.type === 'exportFile')!.id;
		expect(requests.filter((r) => r.type === 'exportFile')).toHaveLength(1);
		expect(requests.at(-1)).toEqual({ id: 0, type: 'cancel', payload: { target: exportId } });
		expect(app.notice).toBe('export.cancelled');
		expect(app.errors).toEqual([]);
		expect(app.exports.running).toBeNull();
	});
});

describe('Show as SQL', () => {
	const settings: ClassifySettings = {
		metric: 'revenue',
		returns: 'net',
		classes: [...PRESETS.abc],
		keyShare: 0.1,
		monoShare: 0.5
	};

	it('a customer column without a header name gets its query with a stand-in name', async () => {
		render(SqlDialog, {
			settings,
			columns: { customerKey: '', amount: 'Amount', positions: { customerKey: 1, amount: 5 } }
		});
		// the query is written when the dialog opens
		expect(screen.queryByTestId('sql-text')).toBeNull();
		await fireEvent.click(screen.getByRole('button', { name: 'Show as SQL' }));
		const sql = (screen.getByTestId('sql-text') as HTMLTextAreaElement).value;
		expect(sql).toContain('-- column 1 of the file has no header name: it is called column_1 here');
		expect(sql).toContain('"column_1"');
	});

	it('settings the stored columns cannot give say why instead of throwing', async () => {
		render(SqlDialog, { settings: { ...settings, metric: 'units' }, columns: { customerKey: 'c', amount: 'a' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Show as SQL' }));
		expect(screen.getByTestId('sql-problem')).toHaveTextContent('no quantity column');
		expect(screen.queryByTestId('sql-text')).toBeNull();
	});
});
