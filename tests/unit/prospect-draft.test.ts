import { describe, expect, it } from 'vitest';
import {
	draftDay,
	draftProblems,
	draftToProspect,
	draftVerdict,
	earlierDecisionDates,
	firstProblem,
	toDraft
} from '../../src/lib/state/prospect-draft';
import { CRITERIA, type Prospect } from '../../src/lib/engine/crm-types';
import { newProspect } from '../../src/lib/engine/qualifier';
import { daysFromCivil } from '../../src/lib/core/calendar';

const TODAY = daysFromCivil(2024, 3, 1);
const prospect = (over: Partial<Prospect> = {}) => newProspect({ id: 'p1', workspaceId: 'w1', now: 1000 }, over);

describe('toDraft', () => {
	it('gives every criterion a value and a note, and the date as YYYY-MM-DD', () => {
		const p = prospect({ company: 'Acme', decisionDate: daysFromCivil(2024, 5, 6), dealSize: 500 });
		const d = toDraft(p);
		expect(d.company).toBe('Acme');
		expect(d.decisionDate).toBe('2024-05-06');
		expect(d.dealSize).toBe(500);
		for (const c of CRITERIA) expect(d.criteria[c]).toEqual({ value: 'unknown', note: '' });
		expect(toDraft(prospect()).decisionDate).toBe('');
	});
});

describe('draftDay', () => {
	it('reads empty as null, a valid date as its day number, anything else as invalid', () => {
		expect(draftDay('  ')).toBeNull();
		expect(draftDay('2024-03-01')).toBe(TODAY);
		expect(draftDay('2024-02-30')).toBe('invalid');
		expect(draftDay('soon')).toBe('invalid');
	});
});

describe('draftProblems / firstProblem', () => {
	const ok = toDraft(prospect({ company: 'Acme' }));

	it('a named company with an empty deal size and date can be saved', () => {
		expect(draftProblems(ok)).toEqual({ company: false, deal: false, date: false });
		expect(draftProblems({ ...ok, dealSize: undefined })).toEqual({ company: false, deal: false, date: false });
		expect(firstProblem(draftProblems(ok))).toBeNull();
	});

	it('flags a blank company, a negative or non-numeric deal size and an invalid date, first in form order', () => {
		const bad = { ...ok, company: '  ', dealSize: -1, decisionDate: 'x' };
		expect(draftProblems(bad)).toEqual({ company: true, deal: true, date: true });
		expect(firstProblem(draftProblems(bad))).toBe('company');
		expect(firstProblem(draftProblems({ ...bad, company: 'A' }))).toBe('deal');
		expect(draftProblems({ ...ok, dealSize: NaN }).deal).toBe(true);
		expect(firstProblem(draftProblems({ ...ok, decisionDate: '2024-13-01' }))).toBe('date');
		expect(draftProblems({ ...ok, dealSize: 0 }).deal).toBe(false);
	});
});

describe('draftToProspect', () => {
	it('trims the texts, keeps the notes as typed and copies the criteria', () => {
		const p = prospect();
		const d = { ...toDraft(p), company: ' Acme ', contact: ' Ann ', notes: ' as typed ' };
		d.criteria.money = { value: 'yes', note: 'budget' };
		const out = draftToProspect(p, d, TODAY);
		expect(out.company).toBe('Acme');
		expect(out.contact).toBe('Ann');
		expect(out.notes).toBe(' as typed ');
		expect(out.criteria.money).toEqual({ value: 'yes', note: 'budget' });
		expect(out.criteria.money).not.toBe(d.criteria.money);
	});

	it('keeps a deal size only when it is a finite number', () => {
		const d = toDraft(prospect());
		expect(draftToProspect(prospect(), { ...d, dealSize: 1200 }, TODAY).dealSize).toBe(1200);
		expect(draftToProspect(prospect(), { ...d, dealSize: undefined }, TODAY).dealSize).toBeNull();
		expect(draftToProspect(prospect(), { ...d, dealSize: NaN }, TODAY).dealSize).toBeNull();
	});

	it('records a moved decision date in the history; an invalid date keeps the old one', () => {
		const day = daysFromCivil(2024, 4, 1);
		const p = prospect({ decisionDate: day });
		const moved = draftToProspect(p, { ...toDraft(p), decisionDate: '2024-05-01' }, TODAY);
		expect(moved.decisionDate).toBe(daysFromCivil(2024, 5, 1));
		expect(moved.decisionHistory).toEqual([{ from: day, to: daysFromCivil(2024, 5, 1), changedOn: TODAY }]);
		const kept = draftToProspect(p, { ...toDraft(p), decisionDate: 'never' }, TODAY);
		expect(kept.decisionDate).toBe(day);
		expect(kept.decisionHistory).toEqual([]);
	});
});

describe('draftVerdict / earlierDecisionDates', () => {
	it('gives the live status and the false-client check of the draft', () => {
		const p = prospect();
		const d = toDraft(p);
		expect(draftVerdict(p, d, TODAY).status).toBe('toClarify');
		for (const c of CRITERIA) d.criteria[c] = { value: 'yes', note: '' };
		expect(draftVerdict(p, d, TODAY).status).toBe('qualified');
		d.criteria.likesUsp.value = 'no';
		expect(draftVerdict(p, d, TODAY).status).toBe('setAside');
		// a decision date typed today that is already past: entered late, not a false client
		const late = draftVerdict(p, { ...d, decisionDate: '2024-02-01' }, TODAY).check;
		expect(late).toEqual({ flagged: false, moves: 0, pastDue: false });
		// a date set in January for 1 February, still undecided on 1 March: past due
		const kept = prospect({ decisionDate: daysFromCivil(2024, 2, 1), createdAt: Date.UTC(2024, 0, 10) });
		const passed = draftVerdict(kept, toDraft(kept), TODAY).check;
		expect(passed).toEqual({ flagged: true, moves: 0, pastDue: true });
	});

	it('lists the earlier decision dates, oldest first, without the first "none"', () => {
		const a = daysFromCivil(2024, 1, 10);
		const b = daysFromCivil(2024, 2, 10);
		const p = prospect({
			decisionHistory: [
				{ from: null, to: a, changedOn: a },
				{ from: a, to: b, changedOn: a },
				{ from: b, to: null, changedOn: b }
			]
		});
		expect(earlierDecisionDates(p)).toEqual(['2024-01-10', '2024-02-10']);
	});
});
