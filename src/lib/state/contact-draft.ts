/**
 * The dossier's add-contact sub-form (README "Prospects and key accounts": the contact log): what its inputs hold while
 * the user types, and the contact entry it adds, or why it cannot.
 */
import type { ContactEntry, ContactKind } from '../engine/crm-types';
import { formatDay } from '../core/calendar';
import { draftDay } from './date-input';

/** The sub-form's fields as typed. */
export interface ContactDraft {
	/** 'YYYY-MM-DD' as the date input gives it, '' when empty */
	date: string;
	kind: ContactKind;
	note: string;
}

/** The kinds a contact can have, in the order the select lists them. */
export const CONTACT_KINDS: readonly ContactKind[] = ['positive', 'neutral', 'negative'];

/** A fresh sub-form: dated `today` (day number, days since 1970-01-01), positive, no note. */
export function newContactDraft(today: number): ContactDraft {
	return { date: formatDay(today), kind: 'positive', note: '' };
}

/**
 * The contact entry the draft adds (the note trimmed), or `{ error: 'date' }` when the date is
 * empty or not a valid 'YYYY-MM-DD': a contact always has a day.
 */
export function draftToContact(d: ContactDraft): ContactEntry | { error: 'date' } {
	const day = draftDay(d.date);
	if (typeof day !== 'number') return { error: 'date' };
	return { day, kind: d.kind, note: d.note.trim() };
}
