/** Prospects and key-customer dossiers (README "The rules: Prospects", "Key-account cadence", "Bonds"): plain records, no storage. */

export type Tristate = 'yes' | 'no' | 'unknown';

export const CRITERIA = ['money', 'urgentProblem', 'likesUsp', 'decisionAuthority', 'acceptableOffer'] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface CriterionAnswer {
	value: Tristate;
	note: string;
}

export type ProspectStatus = 'qualified' | 'setAside' | 'toClarify';

export interface Prospect {
	id: string;
	workspaceId: string;
	company: string;
	contact: string;
	role: string;
	source: string;
	/** expected deal size in money units; null when unknown */
	dealSize: number | null;
	/** expected decision date as a day number (days since 1970-01-01); null when unknown */
	decisionDate: number | null;
	/** every earlier decision date, oldest first, with the day it was changed */
	decisionHistory: { from: number | null; to: number | null; changedOn: number }[];
	/** set when the prospect decided (signed or refused): no longer "pending" */
	decided: boolean;
	notes: string;
	criteria: Record<Criterion, CriterionAnswer>;
	createdAt: number;
	updatedAt: number;
}

/** The seven bonds (README "The rules: Bonds"). */
export const BONDS = ['structural', 'brand', 'respect', 'personal', 'information', 'addedValue', 'zeroChoice'] as const;
export type Bond = (typeof BONDS)[number];

export type ContactKind = 'positive' | 'neutral' | 'negative';

export interface ContactEntry {
	day: number;
	kind: ContactKind;
	note: string;
}

export interface Dossier {
	/** workspace + customer key: the dossier follows the key across datasets of the same company */
	id: string;
	workspaceId: string;
	customerKey: string;
	customerName: string;
	notes: string;
	decisionMakers: string;
	competitors: string;
	bonds: Record<Bond, boolean>;
	/** 1..4 from the customer's point of view; null when not rated */
	rating: 1 | 2 | 3 | 4 | null;
	contacts: ContactEntry[];
	/** day the dossier was last reviewed; null when never */
	reviewedOn: number | null;
	createdAt: number;
	updatedAt: number;
}

export type ReminderKind = 'contactDue' | 'pauseContact' | 'reviewDue';

export interface Reminder {
	kind: ReminderKind;
	dossierId: string;
	customerKey: string;
	customerName: string;
	/** for contactDue: days since the last positive contact (Infinity when none) */
	daysSince?: number;
	/** for pauseContact: the first day personal contact may resume */
	until?: number;
}

/** A key or top-class customer of the open dataset that has no dossier yet: "start one". */
export interface NoDossierEntry {
	kind: 'noDossier';
	customerKey: string;
	customerName: string;
	isKey: boolean;
	classIndex: number;
	className: string;
	/** the customer's total in the open classification (the list is ordered by it, largest first) */
	value: number;
	/** share of the grand total, 0..1 */
	share: number;
}

/** One line of the Today list: a dossier's reminder, or a customer still without a dossier. */
export type TodayEntry = Reminder | NoDossierEntry;
