/**
 * The prospect form's draft (README "The rules: Prospects"): what the inputs hold while the user types, whether it
 * can be saved, and the prospect it would save (for the live status and false-client check).
 */
import { CRITERIA, type Prospect } from '../engine/crm-types';
import { falseClient, moveDecisionDate, prospectStatus, type FalseClientCheck } from '../engine/qualifier';
import { formatDay } from '../core/calendar';
import { draftDay } from './date-input';

export { draftDay } from './date-input';

/** The form's fields as typed: text as entered, the deal size as the number input gives it. */
export interface ProspectDraft {
	company: string;
	contact: string;
	role: string;
	source: string;
	/** money units; null or undefined when the input is empty, NaN when it holds no number */
	dealSize: number | null | undefined;
	/** 'YYYY-MM-DD' as the date input gives it, '' when empty */
	decisionDate: string;
	decided: boolean;
	notes: string;
	criteria: Prospect['criteria'];
}

/** Which fields stop the draft from being saved. */
export interface DraftProblems {
	/** the company is empty (after trimming) */
	company: boolean;
	/** the deal size is given but not a finite number ≥ 0 */
	deal: boolean;
	/** the decision date is given but not a valid 'YYYY-MM-DD' */
	date: boolean;
}

/** The draft a saved prospect opens with; every criterion gets a value ('unknown' if unset) and a note. */
export function toDraft(p: Prospect): ProspectDraft {
	const criteria = {} as Prospect['criteria'];
	for (const c of CRITERIA) criteria[c] = { value: p.criteria[c]?.value ?? 'unknown', note: p.criteria[c]?.note ?? '' };
	return {
		company: p.company,
		contact: p.contact,
		role: p.role,
		source: p.source,
		dealSize: p.dealSize,
		decisionDate: p.decisionDate === null ? '' : formatDay(p.decisionDate),
		decided: p.decided,
		notes: p.notes,
		criteria
	};
}

/** What is wrong with the draft; all false when it can be saved. */
export function draftProblems(d: ProspectDraft): DraftProblems {
	return {
		company: d.company.trim() === '',
		deal: d.dealSize !== null && d.dealSize !== undefined && !(Number.isFinite(d.dealSize) && d.dealSize >= 0),
		date: draftDay(d.decisionDate) === 'invalid'
	};
}

/** The first field (in form order) with a problem, to move the focus to; null when there is none. */
export function firstProblem(p: DraftProblems): 'company' | 'deal' | 'date' | null {
	return p.company ? 'company' : p.deal ? 'deal' : p.date ? 'date' : null;
}

/**
 * The prospect the draft would save: `prospect` with the trimmed texts, the deal size (null unless a
 * finite number), a copy of the criteria and, when the date is valid, the decision date moved on
 * `today` (day number; the move is recorded in the history). An invalid date keeps the old one.
 */
export function draftToProspect(prospect: Prospect, d: ProspectDraft, today: number): Prospect {
	const criteria = {} as Prospect['criteria'];
	for (const c of CRITERIA) criteria[c] = { value: d.criteria[c].value, note: d.criteria[c].note };
	const base: Prospect = {
		...prospect,
		company: d.company.trim(),
		contact: d.contact.trim(),
		role: d.role.trim(),
		source: d.source.trim(),
		dealSize: d.dealSize === undefined || d.dealSize === null || !Number.isFinite(d.dealSize) ? null : d.dealSize,
		decided: d.decided,
		notes: d.notes,
		criteria
	};
	const to = draftDay(d.decisionDate);
	return to === 'invalid' ? base : moveDecisionDate(base, to, today);
}

/** The live verdict of a draft: its status and false-client check as if saved on `today` (day number). */
export function draftVerdict(
	prospect: Prospect,
	d: ProspectDraft,
	today: number
): { status: ReturnType<typeof prospectStatus>; check: FalseClientCheck } {
	const preview = draftToProspect(prospect, d, today);
	return { status: prospectStatus(preview), check: falseClient(preview, today) };
}

/** The earlier decision dates of a prospect as 'YYYY-MM-DD', oldest first (shown under the date input). */
export function earlierDecisionDates(p: Pick<Prospect, 'decisionHistory'>): string[] {
	return p.decisionHistory.filter((h) => h.from !== null).map((h) => formatDay(h.from!));
}
