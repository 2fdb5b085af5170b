/**
 * Key-customer cadence and bonds (README "The rules: Key-account cadence", "Bonds"): which dossiers need a contact, a pause or a
 * review as of a given day. Pure functions; "today" is a day number passed in by the caller.
 */
import { daysFromCivil, dayToParts } from '../core/calendar';
import type { AccountsView } from './accounts';
import { BONDS, type Dossier, type NoDossierEntry, type Reminder, type TodayEntry } from './crm-types';

export interface CadenceSettings {
	/** a positive contact at least every this many days */
	positiveEveryDays: number;
	/** after a negative contact, this many days without personal contact */
	pauseAfterNegativeDays: number;
	/** the dossier is reviewed at least every this many calendar months */
	reviewEveryMonths: number;
}

export const DEFAULT_CADENCE: CadenceSettings = Object.freeze({
	positiveEveryDays: 10,
	pauseAfterNegativeDays: 14,
	reviewEveryMonths: 3
});

/** `day` plus `months` calendar months, the day of month clamped to the target month (Jan 31 + 3 → Apr 30). */
export function addMonths(day: number, months: number): number {
	const p = dayToParts(day);
	const index = p.year * 12 + (p.month - 1) + months;
	const year = Math.floor(index / 12);
	const month = index - year * 12 + 1;
	const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
	const first = daysFromCivil(year, month, 1);
	return first + Math.min(p.day, next - first) - 1;
}

/**
 * Reminders for one dossier as of `today` (contacts dated after today are ignored):
 * - pauseContact while the latest negative contact is less than pauseAfterNegativeDays ago
 *   (`until` = that day + pauseAfterNegativeDays, the first day personal contact may resume);
 * - otherwise contactDue when the last positive contact is more than positiveEveryDays ago, or
 *   there is none (`daysSince` = Infinity);
 * - reviewDue when never reviewed, or today is after reviewedOn + reviewEveryMonths calendar months.
 * With `contactCadence` false (not a key customer, see `contactCadenceOn`) only reviewDue can come.
 */
export function remindersFor(
	d: Dossier,
	today: number,
	s: CadenceSettings = DEFAULT_CADENCE,
	contactCadence = true
): Reminder[] {
	const base = { dossierId: d.id, customerKey: d.customerKey, customerName: d.customerName };
	let lastPositive: number | null = null;
	let lastNegative: number | null = null;
	for (const c of d.contacts) {
		if (c.day > today) continue;
		if (c.kind === 'positive' && (lastPositive === null || c.day > lastPositive)) lastPositive = c.day;
		else if (c.kind === 'negative' && (lastNegative === null || c.day > lastNegative)) lastNegative = c.day;
	}
	const out: Reminder[] = [];
	const until = lastNegative === null ? null : lastNegative + s.pauseAfterNegativeDays;
	// README "Key customer": the contact cadence is for key customers only
	if (contactCadence && until !== null && today < until) {
		out.push({ kind: 'pauseContact', ...base, until });
	} else if (contactCadence) {
		const daysSince = lastPositive === null ? Infinity : today - lastPositive;
		if (daysSince > s.positiveEveryDays) out.push({ kind: 'contactDue', ...base, daysSince });
	}
	if (d.reviewedOn === null || today > addMonths(d.reviewedOn, s.reviewEveryMonths)) {
		out.push({ kind: 'reviewDue', ...base });
	}
	return out;
}

const KIND_ORDER: Record<Reminder['kind'], number> = { pauseContact: 0, contactDue: 1, reviewDue: 2 };
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareText(a: string, b: string): number {
	return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The accounts view's customers as the Today list reads them (null: no dataset is open). */
export type TodayCustomers = readonly Pick<
	AccountsView['customers'][number],
	'key' | 'name' | 'isKey' | 'classIndex' | 'className' | 'value' | 'share'
>[];

/**
 * Whether the contact cadence (contactDue, pauseContact) applies to a customer's dossier: README
 * "Key customer" — a positive contact every 10 days is for key customers. With no dataset open
 * (`customers` null) nobody is known not to be key, so it applies to every dossier; with one open,
 * only to the customers it lists as key (a top-class customer, or one it does not list, keeps only
 * the review). The dossier form's "not a key customer" note asks this same function.
 */
export function contactCadenceOn(customerKey: string, customers: TodayCustomers | null): boolean {
	return cadenceLookup(customers)(customerKey);
}

function cadenceLookup(customers: TodayCustomers | null): (customerKey: string) => boolean {
	if (customers === null) return () => true;
	const key = new Set(customers.filter((c) => c.isKey).map((c) => c.key));
	return (customerKey) => key.has(customerKey);
}

function compareReminders(a: Reminder, b: Reminder): number {
	const k = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
	if (k !== 0) return k;
	if (a.kind === 'contactDue') {
		const da = a.daysSince ?? 0;
		const db = b.daysSince ?? 0;
		if (da !== db) return da > db ? -1 : 1;
	}
	return (
		compareText(a.customerName, b.customerName) || (a.dossierId < b.dossierId ? -1 : a.dossierId > b.dossierId ? 1 : 0)
	);
}

/**
 * The whole Today list (README "Prospects and key accounts", "The rules: Key-account cadence"),
 * the one place that decides what is due: the Today list renders it, and the open dossier shows
 * `dueFor(list, its id)`, so the two never disagree.
 *
 * In:  `dossiers` — the saved dossiers of the workspace (an unsaved one has no reminders);
 *      `customers` — the open dataset's accounts view (`AccountsView['customers']`: key and
 *      class-0 customers with key, name, isKey, classIndex, className, value, share), or null
 *      when no dataset is open; `today` — a day number.
 * Out: `TodayEntry[]` —
 *   1. every reminder of every dossier (`remindersFor`, contact cadence per `contactCadenceOn`):
 *      pauses first, then contactDue by daysSince descending (never contacted first), then
 *      reviewDue; ties by customerName, then dossier id;
 *   2. then `{ kind: 'noDossier', customerKey, customerName, isKey, classIndex, className, value,
 *      share }` for every key or class-0 customer of `customers` without a dossier (matched by
 *      customer key), by value descending, ties by name, then key.
 */
export function dueToday(
	dossiers: readonly Dossier[],
	customers: TodayCustomers | null,
	today: number,
	s: CadenceSettings = DEFAULT_CADENCE
): TodayEntry[] {
	const cadenceOn = cadenceLookup(customers);
	const reminders = dossiers.flatMap((d) => remindersFor(d, today, s, cadenceOn(d.customerKey))).sort(compareReminders);
	const started = new Set(dossiers.map((d) => d.customerKey));
	const missing: NoDossierEntry[] = (customers ?? [])
		.filter((c) => (c.isKey || c.classIndex === 0) && !started.has(c.key))
		.map((c) => ({
			kind: 'noDossier',
			customerKey: c.key,
			customerName: c.name,
			isKey: c.isKey,
			classIndex: c.classIndex,
			className: c.className,
			value: c.value,
			share: c.share
		}));
	missing.sort(
		(a, b) =>
			b.value - a.value ||
			compareText(a.customerName, b.customerName) ||
			(a.customerKey < b.customerKey ? -1 : a.customerKey > b.customerKey ? 1 : 0)
	);
	return [...reminders, ...missing];
}

/** The reminders of one dossier exactly as the Today list `entries` (from `dueToday`) has them. */
export function dueFor(entries: readonly TodayEntry[], dossierId: string): Reminder[] {
	return entries.filter((e): e is Reminder => e.kind !== 'noDossier' && e.dossierId === dossierId);
}

/** README "The rules: Bonds" warning: the only bond is added value (such customers can be loss-making). */
export function valueOnlyBond(d: Pick<Dossier, 'bonds'>): boolean {
	if (!d.bonds?.addedValue) return false;
	for (const b of BONDS) if (b !== 'addedValue' && d.bonds[b]) return false;
	return true;
}

/** An empty dossier for a customer: no notes, no bonds, no rating, no contacts, never reviewed. */
export function newDossier(
	ids: { id: string; workspaceId: string; customerKey: string; customerName: string; now: number },
	over: Partial<Dossier> = {}
): Dossier {
	return {
		id: ids.id,
		workspaceId: ids.workspaceId,
		customerKey: ids.customerKey,
		customerName: ids.customerName,
		notes: '',
		decisionMakers: '',
		competitors: '',
		bonds: emptyBonds(),
		rating: null,
		contacts: [],
		reviewedOn: null,
		createdAt: ids.now,
		updatedAt: ids.now,
		...over
	};
}

/** Every bond unchecked. */
export function emptyBonds(): Dossier['bonds'] {
	const out = {} as Dossier['bonds'];
	for (const b of BONDS) out[b] = false;
	return out;
}

/**
 * README "The rules: Key-account cadence": one to three key customers per manager. Groups (manager, customerKey) pairs of key
 * customers by manager (names trimmed; blank managers skipped; a repeated pair counts once, keys
 * kept in first-seen order) and marks managers with more than `max` key customers. Sorted by
 * count descending, then manager name.
 */
export function overloadedManagers(
	pairs: readonly { manager: string; customerKey: string }[],
	max = 3
): { manager: string; keyCustomers: string[]; overloaded: boolean }[] {
	const byManager = new Map<string, { keys: string[]; seen: Set<string> }>();
	for (const { manager, customerKey } of pairs) {
		const name = manager.trim();
		if (name === '') continue;
		let g = byManager.get(name);
		if (!g) {
			g = { keys: [], seen: new Set() };
			byManager.set(name, g);
		}
		if (!g.seen.has(customerKey)) {
			g.seen.add(customerKey);
			g.keys.push(customerKey);
		}
	}
	return [...byManager]
		.map(([manager, g]) => ({ manager, keyCustomers: g.keys, overloaded: g.keys.length > max }))
		.sort((a, b) => b.keyCustomers.length - a.keyCustomers.length || compareText(a.manager, b.manager));
}
