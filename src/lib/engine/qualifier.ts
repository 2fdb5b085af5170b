/**
 * Five-criterion prospect qualifier and false-client check (README "The rules: Prospects"). Pure functions over
 * plain records; "today" is always a day number passed in by the caller (days since 1970-01-01).
 */
import { CRITERIA, type Criterion, type Prospect, type ProspectStatus, type Tristate } from './crm-types';

/** All five criteria 'yes' → qualified; any 'no' → set aside for later; otherwise still to clarify. */
export function prospectStatus(p: Pick<Prospect, 'criteria'>): ProspectStatus {
	let allYes = true;
	for (const c of CRITERIA) {
		const v = p.criteria[c]?.value ?? 'unknown';
		if (v === 'no') return 'setAside';
		if (v !== 'yes') allYes = false;
	}
	return allYes ? 'qualified' : 'toClarify';
}

export interface FalseClientCheck {
	flagged: boolean;
	/** times an already set decision date was changed */
	moves: number;
	/** the decision date passed after it was set (before today, undecided); a date entered already in the past does not count */
	pastDue: boolean;
}

/** Flagged when the decision date moved more than twice, or is past while the prospect has not decided. */
export const MAX_DECISION_MOVES = 2;

/**
 * False client (README "The rules: Prospects"): the decision date was moved more than twice (history entries whose `from`
 * was set and differs from `to`; setting a first date is not a move, clearing one is), or the
 * decision date passed after it was set and the prospect has not decided. The day a date was set
 * is its last history entry's `changedOn`, else the prospect's creation day (`createdAt`, ms):
 * a new prospect entered with a decision date already in the past is not a false client.
 */
export function falseClient(
	p: Pick<Prospect, 'decisionDate' | 'decisionHistory' | 'decided' | 'createdAt'>,
	today: number
): FalseClientCheck {
	let moves = 0;
	for (const h of p.decisionHistory) if (h.from !== null && h.from !== h.to) moves++;
	const last = p.decisionHistory.at(-1);
	const setOn = last ? last.changedOn : Math.floor(p.createdAt / 86_400_000);
	const pastDue = !p.decided && p.decisionDate !== null && p.decisionDate < today && setOn <= p.decisionDate;
	return { flagged: moves > MAX_DECISION_MOVES || pastDue, moves, pastDue };
}

/**
 * A copy with the decision date set to `to` and the change appended to the history (changedOn =
 * today). An unchanged date gives a copy with no new history entry. `updatedAt` is left to the
 * caller (it is a wall-clock timestamp, not a day number).
 */
export function moveDecisionDate(p: Prospect, to: number | null, today: number): Prospect {
	if (p.decisionDate === to) return { ...p, decisionHistory: [...p.decisionHistory] };
	return {
		...p,
		decisionDate: to,
		decisionHistory: [...p.decisionHistory, { from: p.decisionDate, to, changedOn: today }]
	};
}

/** Every criterion 'unknown' with an empty note. */
/** A prospect with nothing known yet: every field empty, every criterion unknown. */
export function newProspect(
	ids: { id: string; workspaceId: string; now: number },
	over: Partial<Prospect> = {}
): Prospect {
	return {
		id: ids.id,
		workspaceId: ids.workspaceId,
		company: '',
		contact: '',
		role: '',
		source: '',
		dealSize: null,
		decisionDate: null,
		decisionHistory: [],
		decided: false,
		notes: '',
		criteria: emptyCriteria(),
		createdAt: ids.now,
		updatedAt: ids.now,
		...over
	};
}

export function emptyCriteria(): Prospect['criteria'] {
	const out = {} as Prospect['criteria'];
	for (const c of CRITERIA) out[c] = { value: 'unknown', note: '' };
	return out;
}

function zeroByCriterion(): Record<Criterion, number> {
	const out = {} as Record<Criterion, number>;
	for (const c of CRITERIA) out[c] = 0;
	return out;
}

export interface Funnel {
	total: number;
	/** 'yes' count per criterion */
	passing: Record<Criterion, number>;
	/** cumulative[k-1] = prospects with 'yes' on criteria 1..k in CRITERIA order, k = 1..5 */
	cumulative: number[];
	byStatus: Record<ProspectStatus, number>;
}

export function funnel(prospects: readonly Pick<Prospect, 'criteria'>[]): Funnel {
	const passing = zeroByCriterion();
	const cumulative = CRITERIA.map(() => 0);
	const byStatus: Record<ProspectStatus, number> = { qualified: 0, setAside: 0, toClarify: 0 };
	for (const p of prospects) {
		let chain = true;
		CRITERIA.forEach((c, k) => {
			const yes = p.criteria[c]?.value === 'yes';
			if (yes) passing[c]++;
			chain = chain && yes;
			if (chain) cumulative[k]++;
		});
		byStatus[prospectStatus(p)]++;
	}
	return { total: prospects.length, passing, cumulative, byStatus };
}

export type ProspectSort = 'dealSize' | 'decisionDate' | 'company' | 'updatedAt';

export interface ProspectFilter {
	status?: ProspectStatus | 'all';
	/** with criterionValue: keep prospects whose answer on `criterion` is `criterionValue` */
	criterion?: Criterion;
	criterionValue?: Tristate;
	falseClientOnly?: boolean;
	/** case-insensitive substring of company, contact, role, source or notes */
	search?: string;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareText(a: string, b: string): number {
	const c = collator.compare(a, b);
	if (c !== 0) return c;
	return a < b ? -1 : a > b ? 1 : 0;
}

function sortValue(p: Prospect, sort: ProspectSort): number | null {
	switch (sort) {
		case 'dealSize':
			return p.dealSize !== null && Number.isFinite(p.dealSize) ? p.dealSize : null;
		case 'decisionDate':
			return p.decisionDate;
		case 'updatedAt':
			return p.updatedAt;
		default:
			return null;
	}
}

function matchesSearch(p: Prospect, needle: string): boolean {
	for (const text of [p.company, p.contact, p.role, p.source, p.notes]) {
		if (text && text.toLocaleLowerCase().includes(needle)) return true;
	}
	return false;
}

/**
 * Filter, then sort by `sort`. Missing values (null deal size or decision date) go last in both
 * directions; ties are broken by company then id, always ascending, so the order is total.
 */
export function listProspects(
	all: readonly Prospect[],
	f: ProspectFilter,
	sort: ProspectSort,
	descending: boolean,
	today: number
): Prospect[] {
	const needle = (f.search ?? '').trim().toLocaleLowerCase();
	const out = all.filter((p) => {
		if (f.status && f.status !== 'all' && prospectStatus(p) !== f.status) return false;
		if (f.criterion && f.criterionValue && (p.criteria[f.criterion]?.value ?? 'unknown') !== f.criterionValue) {
			return false;
		}
		if (f.falseClientOnly && !falseClient(p, today).flagged) return false;
		if (needle !== '' && !matchesSearch(p, needle)) return false;
		return true;
	});
	const dir = descending ? -1 : 1;
	const tie = (a: Prospect, b: Prospect): number =>
		compareText(a.company, b.company) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	out.sort((a, b) => {
		if (sort === 'company') return dir * compareText(a.company, b.company) || tie(a, b);
		const va = sortValue(a, sort);
		const vb = sortValue(b, sort);
		if (va === null || vb === null) {
			if (va !== vb) return va === null ? 1 : -1;
			return tie(a, b);
		}
		return va !== vb ? dir * (va < vb ? -1 : 1) : tie(a, b);
	});
	return out;
}
