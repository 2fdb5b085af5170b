import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	emptyCriteria,
	falseClient,
	funnel,
	listProspects,
	moveDecisionDate,
	prospectStatus,
	newProspect
} from '../../src/lib/engine/qualifier';
import { CRITERIA, type Prospect, type Tristate } from '../../src/lib/engine/crm-types';
import { daysFromCivil } from '../../src/lib/core/calendar';

const T: Record<string, Tristate> = { y: 'yes', n: 'no', '?': 'unknown' };

/** criteria from a 5-char code in CRITERIA order: y = yes, n = no, ? = unknown */
function crit(code: string): Prospect['criteria'] {
	const c = emptyCriteria();
	CRITERIA.forEach((k, i) => (c[k].value = T[code[i]]));
	return c;
}

function mk(over: Partial<Prospect> = {}): Prospect {
	return newProspect({ id: 'p1', workspaceId: 'w', now: 0 }, { company: 'Acme', ...over });
}

describe('prospectStatus', () => {
	it('all five yes → qualified', () => {
		expect(prospectStatus({ criteria: crit('yyyyy') })).toBe('qualified');
	});
	it('any no → set aside, even with unknowns and yeses', () => {
		expect(prospectStatus({ criteria: crit('yyyyn') })).toBe('setAside');
		expect(prospectStatus({ criteria: crit('n????') })).toBe('setAside');
		expect(prospectStatus({ criteria: crit('?y?n?') })).toBe('setAside');
	});
	it('otherwise → to clarify', () => {
		expect(prospectStatus({ criteria: crit('?????') })).toBe('toClarify');
		expect(prospectStatus({ criteria: crit('yyyy?') })).toBe('toClarify');
	});
});

describe('emptyCriteria', () => {
	it('is all unknown with empty notes, a fresh object each call', () => {
		const a = emptyCriteria();
		expect(Object.keys(a)).toEqual([...CRITERIA]);
		for (const k of CRITERIA) expect(a[k]).toEqual({ value: 'unknown', note: '' });
		a.money.value = 'yes';
		expect(emptyCriteria().money.value).toBe('unknown');
	});
});

describe('falseClient', () => {
	const today = daysFromCivil(2024, 3, 15);
	const d = (m: number, day: number) => daysFromCivil(2024, m, day);

	it('no history, future date → not flagged', () => {
		expect(falseClient(mk({ decisionDate: d(4, 1) }), today)).toEqual({ flagged: false, moves: 0, pastDue: false });
	});

	it('moved exactly twice → not flagged; three times → flagged', () => {
		const two = [
			{ from: d(3, 20), to: d(3, 25), changedOn: d(3, 1) },
			{ from: d(3, 25), to: d(4, 10), changedOn: d(3, 5) }
		];
		expect(falseClient(mk({ decisionDate: d(4, 10), decisionHistory: two }), today)).toEqual({
			flagged: false,
			moves: 2,
			pastDue: false
		});
		const three = [...two, { from: d(4, 10), to: d(4, 20), changedOn: d(3, 10) }];
		expect(falseClient(mk({ decisionDate: d(4, 20), decisionHistory: three }), today)).toEqual({
			flagged: true,
			moves: 3,
			pastDue: false
		});
	});

	it('setting a first date is not a move, nor is an entry with from === to; clearing a date is', () => {
		const h = [
			{ from: null, to: d(3, 20), changedOn: d(3, 1) },
			{ from: d(3, 20), to: d(3, 20), changedOn: d(3, 2) },
			{ from: d(3, 20), to: d(3, 30), changedOn: d(3, 3) },
			{ from: d(3, 30), to: null, changedOn: d(3, 4) },
			{ from: null, to: d(4, 30), changedOn: d(3, 5) }
		];
		expect(falseClient(mk({ decisionDate: d(4, 30), decisionHistory: h }), today).moves).toBe(2);
	});

	it('past date and undecided → flagged; today itself is not past', () => {
		expect(falseClient(mk({ decisionDate: d(3, 14) }), today)).toEqual({ flagged: true, moves: 0, pastDue: true });
		expect(falseClient(mk({ decisionDate: d(3, 15) }), today)).toEqual({ flagged: false, moves: 0, pastDue: false });
	});

	it('a date entered already in the past is not past due; one that passed after it was set is', () => {
		// created on 15 March with a decision date of 1 March: entered late, not a false client
		const late = mk({ decisionDate: d(3, 1), createdAt: Date.UTC(2024, 2, 15, 10) });
		expect(falseClient(late, today)).toEqual({ flagged: false, moves: 0, pastDue: false });
		// created on 1 February for 1 March, still undecided on 15 March
		const kept = mk({ decisionDate: d(3, 1), createdAt: Date.UTC(2024, 1, 1) });
		expect(falseClient(kept, today)).toEqual({ flagged: true, moves: 0, pastDue: true });
		// a date changed on 10 March to 5 March (already past when set) does not count; set on 1 March it does
		const changedLate = [{ from: d(4, 1), to: d(3, 5), changedOn: d(3, 10) }];
		expect(falseClient(mk({ decisionDate: d(3, 5), decisionHistory: changedLate }), today).pastDue).toBe(false);
		const changedEarly = [{ from: d(4, 1), to: d(3, 5), changedOn: d(3, 1) }];
		expect(falseClient(mk({ decisionDate: d(3, 5), decisionHistory: changedEarly }), today).pastDue).toBe(true);
	});

	it('decided → not flagged even if the date is past', () => {
		expect(falseClient(mk({ decisionDate: d(1, 10), decided: true }), today)).toEqual({
			flagged: false,
			moves: 0,
			pastDue: false
		});
	});

	it('no decision date → not past due', () => {
		expect(falseClient(mk(), today).pastDue).toBe(false);
	});
});

describe('moveDecisionDate', () => {
	const today = daysFromCivil(2024, 3, 15);

	it('appends the change and leaves the original untouched', () => {
		const p = mk({ decisionDate: daysFromCivil(2024, 3, 20) });
		const q = moveDecisionDate(p, daysFromCivil(2024, 4, 1), today);
		expect(q.decisionDate).toBe(daysFromCivil(2024, 4, 1));
		expect(q.decisionHistory).toEqual([
			{ from: daysFromCivil(2024, 3, 20), to: daysFromCivil(2024, 4, 1), changedOn: today }
		]);
		expect(p.decisionDate).toBe(daysFromCivil(2024, 3, 20));
		expect(p.decisionHistory).toEqual([]);
		expect(q).not.toBe(p);
	});

	it('unchanged date → a copy with no new entry', () => {
		const p = mk({ decisionDate: daysFromCivil(2024, 3, 20) });
		const q = moveDecisionDate(p, daysFromCivil(2024, 3, 20), today);
		expect(q).toEqual(p);
		expect(q).not.toBe(p);
		expect(q.decisionHistory).not.toBe(p.decisionHistory);
		expect(moveDecisionDate(mk(), null, today).decisionHistory).toEqual([]);
	});

	it('first date from null is recorded but is not a move; three real moves flag a false client', () => {
		let p = moveDecisionDate(mk(), daysFromCivil(2024, 4, 1), today);
		expect(p.decisionHistory).toHaveLength(1);
		expect(falseClient(p, today).moves).toBe(0);
		p = moveDecisionDate(p, daysFromCivil(2024, 4, 10), today);
		p = moveDecisionDate(p, daysFromCivil(2024, 4, 20), today);
		expect(falseClient(p, today)).toEqual({ flagged: false, moves: 2, pastDue: false });
		p = moveDecisionDate(p, daysFromCivil(2024, 5, 1), today);
		expect(falseClient(p, today)).toEqual({ flagged: true, moves: 3, pastDue: false });
	});
});

describe('funnel', () => {
	it('counts yes per criterion, the cumulative chain and statuses', () => {
		const f = funnel([
			{ criteria: crit('yyyyy') },
			{ criteria: crit('yyn??') },
			{ criteria: crit('y?yyy') },
			{ criteria: crit('nyyyy') },
			{ criteria: crit('?????') }
		]);
		expect(f.total).toBe(5);
		expect(f.passing).toEqual({ money: 3, urgentProblem: 3, likesUsp: 3, decisionAuthority: 3, acceptableOffer: 3 });
		expect(f.cumulative).toEqual([3, 2, 1, 1, 1]);
		expect(f.byStatus).toEqual({ qualified: 1, setAside: 2, toClarify: 2 });
	});

	it('empty input', () => {
		const f = funnel([]);
		expect(f.total).toBe(0);
		expect(f.cumulative).toEqual([0, 0, 0, 0, 0]);
		expect(f.byStatus).toEqual({ qualified: 0, setAside: 0, toClarify: 0 });
	});

	it('property: cumulative is non-increasing, bounded by passing, ends at the qualified count', () => {
		const code = fc.array(fc.constantFrom('y', 'n', '?'), { minLength: 5, maxLength: 5 }).map((a) => a.join(''));
		fc.assert(
			fc.property(fc.array(code, { maxLength: 30 }), (codes) => {
				const f = funnel(codes.map((c) => ({ criteria: crit(c) })));
				for (let k = 1; k < 5; k++) expect(f.cumulative[k]).toBeLessThanOrEqual(f.cumulative[k - 1]);
				CRITERIA.forEach((c, k) => expect(f.cumulative[k]).toBeLessThanOrEqual(f.passing[c]));
				expect(f.cumulative[0]).toBe(f.passing.money);
				expect(f.cumulative[4]).toBe(f.byStatus.qualified);
				expect(f.byStatus.qualified + f.byStatus.setAside + f.byStatus.toClarify).toBe(codes.length);
			})
		);
	});
});

describe('listProspects', () => {
	const today = daysFromCivil(2024, 3, 15);
	const all: Prospect[] = [
		mk({
			id: 'a',
			company: 'Beta',
			dealSize: 500,
			decisionDate: daysFromCivil(2024, 4, 1),
			criteria: crit('yyyyy'),
			updatedAt: 3
		}),
		mk({
			id: 'b',
			company: 'alpha',
			dealSize: null,
			decisionDate: daysFromCivil(2024, 3, 1),
			criteria: crit('n????'),
			updatedAt: 1,
			contact: 'Иван Петров'
		}),
		mk({
			id: 'c',
			company: 'Gamma',
			dealSize: 1000,
			decisionDate: null,
			criteria: crit('?????'),
			updatedAt: 2,
			notes: 'Met at EXPO'
		}),
		mk({
			id: 'd',
			company: 'Delta',
			dealSize: 500,
			decisionDate: daysFromCivil(2024, 5, 1),
			criteria: crit('yy???'),
			updatedAt: 4
		}),
		mk({ id: 'e', company: 'Beta', dealSize: 500, decisionDate: null, criteria: crit('yyyyy'), updatedAt: 5 })
	];
	const ids = (ps: Prospect[]) => ps.map((p) => p.id);

	it('sorts by deal size with nulls last in both directions and ties by company then id', () => {
		expect(ids(listProspects(all, {}, 'dealSize', false, today))).toEqual(['a', 'e', 'd', 'c', 'b']);
		expect(ids(listProspects(all, {}, 'dealSize', true, today))).toEqual(['c', 'a', 'e', 'd', 'b']);
	});

	it('sorts by decision date with nulls last (ties by company, then id)', () => {
		expect(ids(listProspects(all, {}, 'decisionDate', false, today))).toEqual(['b', 'a', 'd', 'e', 'c']);
		expect(ids(listProspects(all, {}, 'decisionDate', true, today))).toEqual(['d', 'a', 'b', 'e', 'c']);
	});

	it('sorts by company case-insensitively, ties by id', () => {
		expect(ids(listProspects(all, {}, 'company', false, today))).toEqual(['b', 'a', 'e', 'd', 'c']);
		expect(ids(listProspects(all, {}, 'company', true, today))).toEqual(['c', 'd', 'a', 'e', 'b']);
	});

	it('sorts by updatedAt', () => {
		expect(ids(listProspects(all, {}, 'updatedAt', true, today))).toEqual(['e', 'd', 'a', 'c', 'b']);
	});

	it('filters by status', () => {
		expect(ids(listProspects(all, { status: 'qualified' }, 'company', false, today))).toEqual(['a', 'e']);
		expect(ids(listProspects(all, { status: 'setAside' }, 'company', false, today))).toEqual(['b']);
		expect(ids(listProspects(all, { status: 'toClarify' }, 'company', false, today))).toEqual(['d', 'c']);
		expect(listProspects(all, { status: 'all' }, 'company', false, today)).toHaveLength(5);
	});

	it('filters by one criterion value (needs both criterion and value)', () => {
		expect(ids(listProspects(all, { criterion: 'money', criterionValue: 'no' }, 'company', false, today))).toEqual([
			'b'
		]);
		expect(
			ids(listProspects(all, { criterion: 'likesUsp', criterionValue: 'unknown' }, 'company', false, today))
		).toEqual(['b', 'd', 'c']);
		expect(listProspects(all, { criterion: 'money' }, 'company', false, today)).toHaveLength(5);
	});

	it('filters false clients as of today', () => {
		expect(ids(listProspects(all, { falseClientOnly: true }, 'company', false, today))).toEqual(['b']);
		const later = daysFromCivil(2024, 4, 2);
		expect(ids(listProspects(all, { falseClientOnly: true }, 'company', false, later))).toEqual(['b', 'a']);
	});

	it('searches company, contact and notes case-insensitively (Cyrillic too), ignoring blank search', () => {
		expect(ids(listProspects(all, { search: 'ALP' }, 'company', false, today))).toEqual(['b']);
		expect(ids(listProspects(all, { search: 'иван' }, 'company', false, today))).toEqual(['b']);
		expect(ids(listProspects(all, { search: ' expo ' }, 'company', false, today))).toEqual(['c']);
		expect(listProspects(all, { search: '   ' }, 'company', false, today)).toHaveLength(5);
	});

	it('combines filters and does not mutate the input', () => {
		const before = ids(all);
		expect(ids(listProspects(all, { status: 'qualified', search: 'beta' }, 'updatedAt', false, today))).toEqual([
			'a',
			'e'
		]);
		expect(ids(all)).toEqual(before);
	});
});
