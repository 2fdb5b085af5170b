/**
 * Specs of the Analysis page's state concerns, each on its own: the session's error list, the
 * workspace list and choice, the settings store, the tab views' "newest answer wins", and the
 * CRM's storage errors shown instead of thrown (README "Architecture").
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../src/lib/state/session.svelte';
import { WorkspaceState } from '../../src/lib/state/workspace.svelte';
import { SettingsState } from '../../src/lib/state/user-settings.svelte';
import { TabViews } from '../../src/lib/state/tab-views.svelte';
import { DEFAULT_SETTINGS } from '../../src/lib/state/settings';
import { WorkerFailure } from '../../src/lib/worker/client';
import { getDb, DEFAULT_WORKSPACE_ID, type DatasetMeta } from '../../src/lib/store/db';
import * as pageStore from '../../src/lib/store/page-store';
import type { WorkerRequest, WorkerResponse } from '../../src/lib/worker/protocol';

/** A worker whose answers the test releases one by one, in any order. */
function heldWorker() {
	const held: { req: WorkerRequest; answer: (result: unknown) => void }[] = [];
	const worker = {
		onmessage: null as ((ev: MessageEvent<WorkerResponse>) => void) | null,
		onerror: null,
		terminate() {},
		postMessage(req: WorkerRequest) {
			if (req.type === 'cancel') return;
			held.push({
				req,
				answer: (result) =>
					worker.onmessage?.({ data: { id: req.id, type: 'result', result } } as MessageEvent<WorkerResponse>)
			});
		}
	};
	return { create: () => worker as unknown as Worker, held };
}

const meta = (over: Partial<DatasetMeta> = {}): DatasetMeta => ({
	id: 1,
	workspaceId: DEFAULT_WORKSPACE_ID,
	name: 'sales.csv',
	createdAt: 0,
	files: [],
	rowCount: 1,
	customerCount: 1,
	has: { date: true, quantity: false, profit: false, order: false, manager: false },
	dateRange: [19000, 19500],
	report: { files: [], rowsRead: 1, rowsImported: 1, blankRows: 0, skipped: [], warnings: [] },
	...over
});

afterEach(async () => {
	vi.restoreAllMocks();
	await getDb().settings.clear();
});

describe('Session', () => {
	it('turns a worker failure into its error box, anything else into an internal one, and dismisses', () => {
		const s = new Session(heldWorker().create);
		s.fail(new WorkerFailure({ kind: 'internal', message: 'from worker' }));
		s.fail(new Error('plain'));
		expect(s.errors).toEqual([
			{ kind: 'internal', message: 'from worker' },
			{ kind: 'internal', message: 'plain' }
		]);
		s.dismissError(0);
		expect(s.errors).toEqual([{ kind: 'internal', message: 'plain' }]);
	});

	it('keeps one open error per dataset and forgets them when the dataset goes', () => {
		const s = new Session(heldWorker().create);
		s.failOpenOf(4, 'a', 'first');
		s.failOpenOf(4, 'a', 'second');
		s.failOpenOf(5, 'b', 'other');
		expect(s.errors.map((e) => e.kind === 'open' && e.detail)).toEqual(['second', 'other']);
		s.forgetErrorsOf(4);
		expect(s.errors.map((e) => e.kind === 'open' && e.datasetId)).toEqual([5]);
	});
});

describe('WorkspaceState', () => {
	it('lists the default workspace, creates and remembers a chosen one', async () => {
		const session = new Session(heldWorker().create);
		const w = new WorkspaceState(session);
		await w.loadChosen();
		await w.refreshWorkspaces();
		expect(w.workspaceId).toBe(DEFAULT_WORKSPACE_ID);
		expect(w.workspaces.map((x) => x.id)).toContain(DEFAULT_WORKSPACE_ID);
		const id = (await w.create('  Client Ltd  '))!;
		expect(w.workspaces.find((x) => x.id === id)?.name).toBe('Client Ltd');
		await w.choose(id);
		const again = new WorkspaceState(session);
		await again.loadChosen();
		expect(again.workspaceId).toBe(id);
	});

	it('a workspace that is gone falls back to the default one', async () => {
		const w = new WorkspaceState(new Session(heldWorker().create));
		w.workspaceId = 'deleted-elsewhere';
		await w.refreshWorkspaces();
		expect(w.workspaceId).toBe(DEFAULT_WORKSPACE_ID);
	});

	it('a failed save is an error box, not an exception', async () => {
		const session = new Session(heldWorker().create);
		vi.spyOn(pageStore, 'saveWorkspace').mockResolvedValue({ ok: false, code: 'quota', message: 'full' });
		const w = new WorkspaceState(session);
		expect(await w.create('X')).toBeNull();
		expect(session.errors).toEqual([{ kind: 'storage', code: 'quota' }]);
	});

	it('a refused choice is shown once per code, and the choice still holds for this page load', async () => {
		const session = new Session(heldWorker().create);
		vi.spyOn(pageStore, 'saveSetting').mockResolvedValue({ ok: false, code: 'blocked', message: 'closed' });
		const w = new WorkspaceState(session);
		await w.choose('other');
		await w.choose('other');
		expect(w.workspaceId).toBe('other');
		expect(session.errors).toEqual([{ kind: 'storage', code: 'blocked' }]);
	});
});

describe('SettingsState', () => {
	it('starts from the defaults, saves a change and reloads it; the engine settings resolve the period', async () => {
		const a = new SettingsState(new Session(heldWorker().create));
		await a.reload();
		expect(a.settings).toEqual(DEFAULT_SETTINGS);
		a.update({ period: 'year', keyShare: 0.3 });
		await a.save();
		const b = new SettingsState(new Session(heldWorker().create));
		await b.reload();
		expect(b.settings.period).toBe('year');
		expect(b.settings.keyShare).toBe(0.3);
		expect(b.engineSettings(null).dateFrom).toBeUndefined();
		expect(b.engineSettings([19000, 19500]).dateFrom).toBeDefined();
	});

	it('a refused save keeps the change and shows the storage error', async () => {
		const session = new Session(heldWorker().create);
		vi.spyOn(pageStore, 'saveSetting').mockResolvedValue({ ok: false, code: 'quota', message: 'full' });
		const s = new SettingsState(session);
		s.update({ keyShare: 0.2 });
		await s.save();
		expect(s.settings.keyShare).toBe(0.2);
		expect(session.errors).toEqual([{ kind: 'storage', code: 'quota' }]);
	});
});

describe('TabViews', () => {
	it('computes only the open tab, and a slower earlier answer never overwrites a newer one', async () => {
		const fake = heldWorker();
		const tabs = new TabViews(new Session(fake.create));
		tabs.tab = 'compare';
		const s = structuredClone(DEFAULT_SETTINGS);
		const first = tabs.load(meta(), {} as never, s);
		const second = tabs.load(meta(), {} as never, s);
		await vi.waitFor(() => expect(fake.held).toHaveLength(2));
		expect(fake.held.map((h) => h.req.type)).toEqual(['compare', 'compare']);
		fake.held[1].answer({ newer: true });
		fake.held[0].answer({ newer: false });
		await Promise.all([first, second]);
		expect(tabs.compareView).toEqual({ newer: true });
	});

	it('a tab whose data is missing asks the worker nothing', async () => {
		const fake = heldWorker();
		const tabs = new TabViews(new Session(fake.create));
		const s = structuredClone(DEFAULT_SETTINGS);
		for (const tab of ['vip', 'movement', 'xyz', 'recency', 'margin'] as const) {
			tabs.tab = tab;
			await tabs.load(meta({ dateRange: null }), {} as never, s);
		}
		expect(fake.held).toEqual([]);
	});

	it('for the report, computes every tab with data and keeps them; the open tab stays open', async () => {
		const fake = heldWorker();
		const tabs = new TabViews(new Session(fake.create));
		tabs.tab = 'vip';
		const s = structuredClone(DEFAULT_SETTINGS);
		const withDates = meta({ dateRange: [19723, 20452] });
		const all = tabs.loadAllForReport(withDates, {} as never, s);
		await vi.waitFor(() => expect(fake.held.length).toBeGreaterThanOrEqual(4));
		const types = fake.held.map((h) => h.req.type);
		// no profit column: no margin; the movement periods depend on the dates
		expect(types).toEqual(expect.arrayContaining(['vip', 'xyz', 'recency', 'compare']));
		expect(types).not.toContain('margin');
		for (const h of fake.held) h.answer({ type: h.req.type });
		await all;
		expect(tabs.tab).toBe('vip');
		expect(tabs.vipView).toEqual({ type: 'vip' });
		expect(tabs.xyzView).toEqual({ type: 'xyz' });
		expect(tabs.recencyView).toEqual({ type: 'recency' });
		expect(tabs.compareView).toEqual({ type: 'compare' });
		// a view already there is not asked for again; after a clear() a late answer is dropped
		const again = tabs.loadAllForReport(withDates, {} as never, s);
		await again;
		expect(fake.held).toHaveLength(types.length);
		tabs.clear();
		const late = tabs.loadAllForReport(withDates, {} as never, s);
		await vi.waitFor(() => expect(fake.held.length).toBeGreaterThan(types.length));
		tabs.clear();
		for (const h of fake.held.slice(types.length)) h.answer({ late: true });
		await late;
		expect(tabs.vipView).toBeNull();
	});
});

describe('CRM storage errors', () => {
	it('a prospect that cannot be saved stays off the list and the reason is shown, not thrown', async () => {
		const { crm } = await import('../../src/lib/state/crm.svelte');
		const { newProspect } = await import('../../src/lib/engine/qualifier');
		vi.spyOn(pageStore, 'saveProspect').mockResolvedValue({ ok: false, code: 'quota', message: 'full' });
		const p = newProspect({ id: 'p1', workspaceId: DEFAULT_WORKSPACE_ID, now: 0 });
		crm.editing = p;
		await crm.saveProspect(p);
		expect(crm.storageError).toBe('quota');
		expect(crm.prospects.some((x) => x.id === 'p1')).toBe(false);
		expect(crm.editing).toBe(p);
		vi.restoreAllMocks();
		await crm.saveProspect(p);
		expect(crm.storageError).toBeNull();
		expect(crm.prospects.some((x) => x.id === 'p1')).toBe(true);
	});
});

describe('import marker', () => {
	it('an import left running is reported once; one that ended is not', async () => {
		const { markImportRunning, importWasInterrupted } = await import('../../src/lib/state/import-marker');
		const done = markImportRunning();
		done();
		expect(await importWasInterrupted()).toBe(false);
		markImportRunning(); // the tab closes before the import ends
		expect(await importWasInterrupted()).toBe(true);
		expect(await importWasInterrupted()).toBe(false);
	});
});
