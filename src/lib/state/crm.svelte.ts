import { CRITERIA, type ContactEntry, type Dossier, type Prospect, type Reminder } from '../engine/crm-types';
import { newProspect, type ProspectFilter, type ProspectSort } from '../engine/qualifier';
import { contactCadenceOn, dueFor, dueToday, newDossier } from '../engine/cadence';
import { prospectsCsv } from '../engine/prospect-csv';
import { EXCEL_CSV } from '../core/csv';
import { managerOverload } from '../engine/manager-overload';
import type { ProspectField } from '../ingest/prospect-csv';
import { daysFromCivil } from '../core/calendar';
import { dossierId } from '../store/crm';
import { loadCrm, removeProspect, saveDossier, saveProspect, saveProspects, type Stored } from '../store/page-store';
import type { AccountsView, ProspectSniff } from '../worker/protocol';
import { app } from './app.svelte';
import { announce, listen } from '../store/broadcast';
import type { StorageCode } from '../store/errors';

/** Today as a day number in the user's time zone: the one place the real clock is read. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once per call, not state
export function todayDay(now = new Date()): number {
	return daysFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Prospects, dossiers and the Today list of the current workspace. */
class CrmState {
	prospects = $state.raw<Prospect[]>([]);
	dossiers = $state.raw<Dossier[]>([]);
	filter = $state<ProspectFilter>({ status: 'all' });
	sort = $state<ProspectSort>('decisionDate');
	descending = $state(false);
	editing = $state.raw<Prospect | null>(null);
	/** the last deleted prospect, until the undo notice is dismissed */
	deleted = $state.raw<Prospect | null>(null);
	prospectImport = $state.raw<{
		file: File;
		sniff: Extract<ProspectSniff, { ok: true }>;
		map: Record<ProspectField, number>;
	} | null>(null);
	accounts = $state.raw<AccountsView | null>(null);
	openDossierId = $state<string | null>(null);
	today = $state(todayDay());
	error = $state<string | null>(null);
	/** the last storage call failed: why (README "Architecture: who writes the database") */
	storageError = $state<StorageCode | null>(null);

	/**
	 * The Today list (engine/cadence.ts `dueToday`, the one place that decides what is due): the
	 * saved dossiers' reminders, then the open dataset's key and top-class customers without a dossier.
	 */
	due = $derived(dueToday(this.dossiers, this.accounts?.customers ?? null, this.today));

	/** one dossier's reminders, exactly as the Today list has them */
	dossierDue(dossierId: string): Reminder[] {
		return dueFor(this.due, dossierId);
	}

	/** whether the contact cadence applies to a customer (a key customer of the open dataset, or no dataset open) */
	cadenceOn(customerKey: string): boolean {
		return contactCadenceOn(customerKey, this.accounts?.customers ?? null);
	}

	/** customer keys that have a dossier in this workspace */
	dossierKeys = $derived(new Set(this.dossiers.map((d) => d.customerKey)));
	/** managers of key customers, most first, with whether they have too many (README "The rules: Key-account cadence") */
	managers = $derived(this.accounts?.hasManagers ? managerOverload(this.accounts.customers) : []);
	/** dossiers of customers the open dataset's accounts list does not show (kept from earlier datasets) */
	otherDossiers = $derived.by(() => {
		const listed = new Set((this.accounts?.customers ?? []).map((c) => c.key));
		return this.dossiers.filter((d) => !listed.has(d.customerKey));
	});

	private listening = false;

	async load(): Promise<void> {
		await app.init();
		if (!this.listening) {
			this.listening = true;
			listen((e) => {
				if (e.type === 'crm-changed') this.reload();
			});
		}
		await this.reload();
	}

	private async reload(): Promise<void> {
		const both = await loadCrm(app.workspaceId);
		if (this.stored(both)) [this.prospects, this.dossiers] = both.value;
	}

	/**
	 * True when a storage call succeeded; otherwise shows why (`storageError`: quota, blocked,
	 * version, unknown) and answers false, so the caller changes nothing on the screen.
	 */
	private stored<T>(result: Stored<T>): result is Extract<Stored<T>, { ok: true }> {
		if (result.ok) {
			this.storageError = null;
			return true;
		}
		this.storageError = result.code;
		return false;
	}

	newProspect(): void {
		this.editing = newProspect({ id: crypto.randomUUID(), workspaceId: app.workspaceId, now: Date.now() });
	}

	edit(id: string): void {
		this.editing = this.prospects.find((p) => p.id === id) ?? null;
	}

	async saveProspect(p: Prospect): Promise<void> {
		const saved = { ...p, updatedAt: Date.now() };
		if (!this.stored(await saveProspect(saved))) return;
		announce({ type: 'crm-changed' });
		this.prospects = [...this.prospects.filter((x) => x.id !== p.id), saved];
		this.editing = null;
	}

	async removeProspect(id: string): Promise<void> {
		const p = this.prospects.find((x) => x.id === id);
		if (!p) return;
		if (!this.stored(await removeProspect(id))) return;
		announce({ type: 'crm-changed' });
		this.prospects = this.prospects.filter((x) => x.id !== id);
		this.deleted = p;
	}

	async undoDelete(): Promise<void> {
		const p = this.deleted;
		if (!p) return;
		if (!this.stored(await saveProspect(p))) return;
		announce({ type: 'crm-changed' });
		this.prospects = [...this.prospects, p];
		this.deleted = null;
	}

	async startProspectImport(file: File): Promise<void> {
		this.error = null;
		const sniff = await app.client.request('sniffProspects', { file });
		if (!sniff.ok) {
			this.error = sniff.error.code;
			return;
		}
		this.prospectImport = { file, sniff, map: { ...sniff.map } };
	}

	async finishProspectImport(): Promise<number> {
		const imp = this.prospectImport;
		if (!imp) return 0;
		const list = await app.client.request('parseProspects', {
			file: imp.file,
			encoding: imp.sniff.encoding,
			delimiter: imp.sniff.delimiter,
			map: $state.snapshot(imp.map),
			workspaceId: app.workspaceId,
			now: Date.now()
		});
		if (!this.stored(await saveProspects(list))) return 0;
		announce({ type: 'crm-changed' });
		this.prospects = [...this.prospects, ...list];
		this.prospectImport = null;
		return list.length;
	}

	/** The prospects as a CSV file for Excel (BOM, so Excel reads UTF-8). */
	exportProspects(): Blob {
		return new Blob([prospectsCsv(this.prospects, this.today, EXCEL_CSV)], { type: 'text/csv;charset=utf-8' });
	}

	async loadAccounts(): Promise<void> {
		if (!app.view) {
			this.accounts = null;
			return;
		}
		try {
			this.accounts = await app.client.request('accounts', { settings: app.engineSettings() });
		} catch (err) {
			this.error = err instanceof Error ? err.message : String(err);
		}
	}

	/** The dossier of a customer key in this workspace, created on first open. */
	dossierFor(key: string, name: string): Dossier {
		const id = dossierId(app.workspaceId, key);
		return (
			this.dossiers.find((d) => d.id === id) ??
			newDossier({ id, workspaceId: app.workspaceId, customerKey: key, customerName: name, now: Date.now() })
		);
	}

	/**
	 * The "start a dossier" action (the accounts list and the Today list's "No dossier yet" rows):
	 * opens the customer's dossier, saving a new empty one first when there is none, so the open
	 * dossier is always a saved one and the Today list shows its reminders at once. When the save
	 * fails nothing opens (`storageError` says why).
	 */
	async startDossier(key: string, name: string): Promise<void> {
		const d = this.dossierFor(key, name);
		if (!this.dossiers.some((x) => x.id === d.id)) {
			await this.saveDossier(d);
			if (!this.dossiers.some((x) => x.id === d.id)) return;
		}
		this.openDossierId = d.id;
	}

	async saveDossier(d: Dossier): Promise<void> {
		const saved = { ...d, updatedAt: Date.now() };
		if (!this.stored(await saveDossier(saved))) return;
		announce({ type: 'crm-changed' });
		this.dossiers = [...this.dossiers.filter((x) => x.id !== d.id), saved];
	}

	async addContact(d: Dossier, c: ContactEntry): Promise<void> {
		await this.saveDossier({ ...d, contacts: [...d.contacts, c].sort((a, b) => a.day - b.day) });
	}

	async markReviewed(d: Dossier): Promise<void> {
		await this.saveDossier({ ...d, reviewedOn: this.today });
	}
}

export const crm = new CrmState();
export { CRITERIA };
