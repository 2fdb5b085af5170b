import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	addMonths,
	contactCadenceOn,
	DEFAULT_CADENCE,
	dueFor,
	dueToday,
	emptyBonds,
	overloadedManagers,
	remindersFor,
	valueOnlyBond,
	newDossier,
	type TodayCustomers
} from '../../src/lib/engine/cadence';
import { BONDS, type ContactEntry, type Dossier } from '../../src/lib/engine/crm-types';
import { daysFromCivil, formatDay } from '../../src/lib/core/calendar';

const day = daysFromCivil;

function dossier(over: Partial<Dossier> = {}): Dossier {
	return newDossier({ id: 'w\u0000K1', workspaceId: 'w', customerKey: 'K1', customerName: 'Acme', now: 0 }, over);
}

const pos = (d: number): ContactEntry => ({ day: d, kind: 'positive', note: '' });
const neg = (d: number): ContactEntry => ({ day: d, kind: 'negative', note: '' });
const neutral = (d: number): ContactEntry => ({ day: d, kind: 'neutral', note: '' });
const kinds = (d: Dossier, today: number) => remindersFor(d, today).map((r) => r.kind);

describe('DEFAULT_CADENCE', () => {
	it('is 10 days / 14 days / 3 months (README "The rules: Key-account cadence")', () => {
		expect(DEFAULT_CADENCE).toEqual({ positiveEveryDays: 10, pauseAfterNegativeDays: 14, reviewEveryMonths: 3 });
	});
});

describe('addMonths (calendar months, day clamped)', () => {
	it.each([
		[[2024, 1, 31], 3, '2024-04-30'],
		[[2024, 1, 15], 3, '2024-04-15'],
		[[2023, 11, 30], 3, '2024-02-29'],
		[[2022, 11, 30], 3, '2023-02-28'],
		[[2024, 10, 31], 3, '2025-01-31'],
		[[2024, 12, 31], 2, '2025-02-28'],
		[[2024, 5, 31], -3, '2024-02-29']
	] as const)('%j + %i months → %s', ([y, m, d], n, want) => {
		expect(formatDay(addMonths(day(y, m, d), n))).toBe(want);
	});
});

describe('remindersFor: positive contact every 10 days', () => {
	const today = day(2024, 3, 15);
	const reviewed = { reviewedOn: day(2024, 3, 1) };

	it('last positive exactly 10 days ago → not due', () => {
		expect(remindersFor(dossier({ ...reviewed, contacts: [pos(day(2024, 3, 5))] }), today)).toEqual([]);
	});

	it('11 days ago → due, with daysSince', () => {
		expect(remindersFor(dossier({ ...reviewed, contacts: [pos(day(2024, 3, 4))] }), today)).toEqual([
			{ kind: 'contactDue', dossierId: 'w\u0000K1', customerKey: 'K1', customerName: 'Acme', daysSince: 11 }
		]);
	});

	it('no positive contact at all → due with daysSince Infinity (neutral contacts do not count)', () => {
		const r = remindersFor(dossier({ ...reviewed, contacts: [neutral(day(2024, 3, 14))] }), today);
		expect(r).toHaveLength(1);
		expect(r[0].kind).toBe('contactDue');
		expect(r[0].daysSince).toBe(Infinity);
	});

	it('uses the latest positive contact whatever the entry order; future entries are ignored', () => {
		const contacts = [pos(day(2024, 3, 10)), pos(day(2024, 2, 1)), pos(day(2024, 3, 20))];
		expect(remindersFor(dossier({ ...reviewed, contacts }), today)).toEqual([]);
		const onlyFuture = remindersFor(dossier({ ...reviewed, contacts: [pos(day(2024, 3, 20))] }), today);
		expect(onlyFuture[0].daysSince).toBe(Infinity);
	});

	it('respects custom settings', () => {
		const d = dossier({ ...reviewed, contacts: [pos(day(2024, 3, 7))] }); // 8 days ago
		expect(remindersFor(d, today, { ...DEFAULT_CADENCE, positiveEveryDays: 7 }).map((r) => r.kind)).toEqual([
			'contactDue'
		]);
		expect(remindersFor(d, today, DEFAULT_CADENCE)).toEqual([]);
	});
});

describe('remindersFor: two weeks without personal contact after a negative one', () => {
	const today = day(2024, 3, 15);
	const reviewed = { reviewedOn: day(2024, 3, 1) };

	it('negative contact 13 days ago → pause until the 14th day, and no contactDue', () => {
		const r = remindersFor(dossier({ ...reviewed, contacts: [neg(day(2024, 3, 2))] }), today);
		expect(r).toEqual([
			{ kind: 'pauseContact', dossierId: 'w\u0000K1', customerKey: 'K1', customerName: 'Acme', until: day(2024, 3, 16) }
		]);
	});

	it('negative contact today → pause until today + 14', () => {
		const r = remindersFor(dossier({ ...reviewed, contacts: [pos(day(2024, 3, 1)), neg(today)] }), today);
		expect(r.map((x) => x.kind)).toEqual(['pauseContact']);
		expect(r[0].until).toBe(day(2024, 3, 29));
	});

	it('negative contact exactly 14 days ago → pause over; contact due again', () => {
		expect(kinds(dossier({ ...reviewed, contacts: [neg(day(2024, 3, 1))] }), today)).toEqual(['contactDue']);
	});

	it('the latest negative contact counts, even after a later positive one', () => {
		const contacts = [neg(day(2024, 2, 1)), neg(day(2024, 3, 10)), pos(day(2024, 3, 12))];
		const r = remindersFor(dossier({ ...reviewed, contacts }), today);
		expect(r.map((x) => x.kind)).toEqual(['pauseContact']);
		expect(r[0].until).toBe(day(2024, 3, 24));
	});

	it('pause over and a recent positive contact → nothing', () => {
		const contacts = [neg(day(2024, 2, 1)), pos(day(2024, 3, 10))];
		expect(remindersFor(dossier({ ...reviewed, contacts }), today)).toEqual([]);
	});
});

describe('remindersFor: dossier reviewed at least every 3 months', () => {
	const recent = [pos(day(2024, 3, 10))];

	it('never reviewed → due', () => {
		expect(kinds(dossier({ contacts: recent }), day(2024, 3, 15))).toEqual(['reviewDue']);
	});

	it('exactly 3 months ago → not due; one day later → due', () => {
		const d = dossier({ contacts: recent, reviewedOn: day(2023, 12, 15) });
		expect(kinds(d, day(2024, 3, 15))).toEqual([]);
		const d2 = dossier({ contacts: [pos(day(2024, 3, 12))], reviewedOn: day(2023, 12, 15) });
		expect(kinds(d2, day(2024, 3, 16))).toEqual(['reviewDue']);
	});

	it('reviewed 2024-01-31 → due after 2024-04-30 (month-end clamped)', () => {
		const d = dossier({ contacts: [pos(day(2024, 4, 25))], reviewedOn: day(2024, 1, 31) });
		expect(kinds(d, day(2024, 4, 30))).toEqual([]);
		expect(kinds(d, day(2024, 5, 1))).toEqual(['reviewDue']);
	});

	it('contact and review reminders together, contact first', () => {
		expect(kinds(dossier(), day(2024, 3, 15))).toEqual(['contactDue', 'reviewDue']);
		expect(kinds(dossier({ contacts: [neg(day(2024, 3, 14))] }), day(2024, 3, 15))).toEqual([
			'pauseContact',
			'reviewDue'
		]);
	});
});

describe('dueToday: reminders of the dossiers (no dataset open)', () => {
	const today = day(2024, 3, 15);
	const reviewed = day(2024, 3, 1);
	const mk = (id: string, name: string, over: Partial<Dossier> = {}) =>
		dossier({ id, customerKey: id, customerName: name, reviewedOn: reviewed, ...over });

	it('pauses first, then contactDue by daysSince desc, then reviewDue; ties by customer name', () => {
		const list = dueToday(
			[
				mk('r1', 'Zeta', { reviewedOn: null, contacts: [pos(day(2024, 3, 14))] }),
				mk('c1', 'Bravo', { contacts: [pos(day(2024, 3, 1))] }), // 14 days
				mk('p1', 'Yankee', { contacts: [neg(day(2024, 3, 10))] }),
				mk('c2', 'Alpha', { contacts: [] }), // never
				mk('c3', 'Charlie', { contacts: [pos(day(2024, 2, 1))] }), // 43 days
				mk('c4', 'Able', { contacts: [pos(day(2024, 3, 1))] }), // 14 days, ties with Bravo
				mk('p2', 'Xray', { contacts: [neg(day(2024, 3, 14))] }),
				mk('ok', 'Okay', { contacts: [pos(day(2024, 3, 14))] }),
				mk('r2', 'Mike', { reviewedOn: day(2023, 1, 1), contacts: [neg(day(2024, 3, 5))] })
			],
			null,
			today
		);
		expect(list.map((r) => `${r.kind}:${r.customerName}`)).toEqual([
			'pauseContact:Mike',
			'pauseContact:Xray',
			'pauseContact:Yankee',
			'contactDue:Alpha',
			'contactDue:Charlie',
			'contactDue:Able',
			'contactDue:Bravo',
			'reviewDue:Mike',
			'reviewDue:Zeta'
		]);
		expect(list[4].kind === 'contactDue' && list[4].daysSince).toBe(43);
	});

	it('empty input → empty list', () => {
		expect(dueToday([], null, today)).toEqual([]);
		expect(dueToday([], [], today)).toEqual([]);
	});
});

describe('dueToday: key accounts from day one (customers of the open dataset)', () => {
	const today = day(2024, 3, 15);
	const customer = (key: string, value: number, isKey: boolean, classIndex = 0) => ({
		key,
		name: `Name ${key}`,
		isKey,
		classIndex,
		className: classIndex === 0 ? 'A' : 'B',
		value,
		share: value / 1000
	});
	const customers: TodayCustomers = [
		customer('Big', 400, true),
		customer('Mid', 150, false),
		customer('KeyB', 120, true, 1),
		customer('Small', 150, false)
	];
	const started = (key: string, over: Partial<Dossier> = {}) =>
		dossier({ id: `w\u0000${key}`, customerKey: key, customerName: `Name ${key}`, ...over });

	it('no dossier → every key and class-0 customer listed to start, by value descending (ties by name)', () => {
		const list = dueToday([], customers, today);
		expect(list.map((e) => `${e.kind}:${e.customerKey}`)).toEqual([
			'noDossier:Big',
			'noDossier:Mid',
			'noDossier:Small',
			'noDossier:KeyB'
		]);
		expect(list[0]).toEqual({
			kind: 'noDossier',
			customerKey: 'Big',
			customerName: 'Name Big',
			isKey: true,
			classIndex: 0,
			className: 'A',
			value: 400,
			share: 0.4
		});
		// a new user's list is never empty when the dataset has key or top-class customers
		expect(list.length).toBeGreaterThan(0);
	});

	it('a customer outside class 0 and not key never needs a dossier', () => {
		const list = dueToday([], [customer('Tail', 5, false, 2)], today);
		expect(list).toEqual([]);
	});

	it('a started dossier leaves the "no dossier" group and shows its reminders instead', () => {
		const list = dueToday([started('Big')], customers, today);
		expect(list.map((e) => `${e.kind}:${e.customerKey}`)).toEqual([
			'contactDue:Big',
			'reviewDue:Big',
			'noDossier:Mid',
			'noDossier:Small',
			'noDossier:KeyB'
		]);
		const due = dueToday(
			[started('Big', { contacts: [pos(day(2024, 3, 4))], reviewedOn: day(2024, 3, 1) })],
			customers,
			today
		);
		expect(due[0]).toEqual({
			kind: 'contactDue',
			dossierId: 'w\u0000Big',
			customerKey: 'Big',
			customerName: 'Name Big',
			daysSince: 11
		});
	});

	it('contact cadence only for key customers of the open dataset; review for every dossier', () => {
		const dossiers = [started('Big'), started('Mid'), started('Gone', { contacts: [neg(day(2024, 3, 10))] })];
		const kindsOf = (list: ReturnType<typeof dueToday>, key: string) =>
			list.filter((e) => e.customerKey === key).map((e) => e.kind);
		const open = dueToday(dossiers, customers, today);
		expect(kindsOf(open, 'Big')).toEqual(['contactDue', 'reviewDue']);
		expect(kindsOf(open, 'Mid')).toEqual(['reviewDue']); // top class, not key
		expect(kindsOf(open, 'Gone')).toEqual(['reviewDue']); // not in the open dataset
		expect(contactCadenceOn('Big', customers)).toBe(true);
		expect(contactCadenceOn('Mid', customers)).toBe(false);
		expect(contactCadenceOn('Gone', customers)).toBe(false);
		// no dataset open: nobody is known not to be key
		const none = dueToday(dossiers, null, today);
		expect(kindsOf(none, 'Mid')).toEqual(['contactDue', 'reviewDue']);
		expect(kindsOf(none, 'Gone')).toEqual(['pauseContact', 'reviewDue']);
		expect(contactCadenceOn('Gone', null)).toBe(true);
	});

	it("the dossier's own reminder lines are exactly the list's lines for it", () => {
		const dossiers = [
			started('Big', { contacts: [neg(day(2024, 3, 10))] }),
			started('Mid', { reviewedOn: day(2024, 3, 1) }),
			started('KeyB', { contacts: [pos(day(2024, 2, 1))], reviewedOn: day(2023, 1, 1) })
		];
		const list = dueToday(dossiers, customers, today);
		for (const d of dossiers) {
			const mine = dueFor(list, d.id);
			expect(mine).toEqual(list.filter((e) => e.kind !== 'noDossier' && e.dossierId === d.id));
			expect(mine).toEqual(remindersFor(d, today, DEFAULT_CADENCE, contactCadenceOn(d.customerKey, customers)));
		}
		expect(dueFor(list, 'w\u0000Big').map((r) => r.kind)).toEqual(['pauseContact', 'reviewDue']);
		expect(dueFor(list, 'w\u0000Mid')).toEqual([]);
		expect(dueFor(list, 'w\u0000KeyB').map((r) => r.kind)).toEqual(['contactDue', 'reviewDue']);
		// a customer without a dossier has no reminders of its own, only its "no dossier" entry
		expect(dueFor(list, 'w\u0000Small')).toEqual([]);
		expect(list.filter((e) => e.customerKey === 'Small').map((e) => e.kind)).toEqual(['noDossier']);
	});
});

describe('bonds (§6)', () => {
	it('emptyBonds has all seven bonds unchecked', () => {
		const b = emptyBonds();
		expect(Object.keys(b)).toEqual([...BONDS]);
		expect(Object.values(b).every((v) => v === false)).toBe(true);
	});

	it('value-only: only addedValue checked → warning', () => {
		expect(valueOnlyBond({ bonds: { ...emptyBonds(), addedValue: true } })).toBe(true);
		expect(valueOnlyBond({ bonds: { ...emptyBonds(), addedValue: true, personal: true } })).toBe(false);
		expect(valueOnlyBond({ bonds: { ...emptyBonds(), structural: true } })).toBe(false);
		expect(valueOnlyBond({ bonds: emptyBonds() })).toBe(false);
	});
});

describe('overloadedManagers (§4: one to three key customers per manager)', () => {
	it('groups, marks more than three as overloaded, sorts by count desc then name', () => {
		const pairs = [
			{ manager: 'Olga', customerKey: 'K1' },
			{ manager: 'Ivan', customerKey: 'K2' },
			{ manager: 'Olga', customerKey: 'K3' },
			{ manager: 'Olga', customerKey: 'K4' },
			{ manager: 'Anna', customerKey: 'K5' },
			{ manager: 'Olga', customerKey: 'K6' },
			{ manager: 'Boris', customerKey: 'K7' },
			{ manager: 'Boris', customerKey: 'K8' },
			{ manager: 'Boris', customerKey: 'K9' }
		];
		expect(overloadedManagers(pairs)).toEqual([
			{ manager: 'Olga', keyCustomers: ['K1', 'K3', 'K4', 'K6'], overloaded: true },
			{ manager: 'Boris', keyCustomers: ['K7', 'K8', 'K9'], overloaded: false },
			{ manager: 'Anna', keyCustomers: ['K5'], overloaded: false },
			{ manager: 'Ivan', keyCustomers: ['K2'], overloaded: false }
		]);
	});

	it('exactly three is fine, a custom max applies, repeated pairs count once, blank managers skipped', () => {
		const pairs = [
			{ manager: ' Olga ', customerKey: 'K1' },
			{ manager: 'Olga', customerKey: 'K1' },
			{ manager: 'Olga', customerKey: 'K2' },
			{ manager: 'Olga', customerKey: 'K3' },
			{ manager: '  ', customerKey: 'K4' },
			{ manager: '', customerKey: 'K5' }
		];
		expect(overloadedManagers(pairs)).toEqual([
			{ manager: 'Olga', keyCustomers: ['K1', 'K2', 'K3'], overloaded: false }
		]);
		expect(overloadedManagers(pairs, 2)[0].overloaded).toBe(true);
		expect(overloadedManagers([])).toEqual([]);
	});
});

describe('properties', () => {
	it('a reminder kind appears at most once per dossier; pause and contactDue never together', () => {
		const today = day(2024, 3, 15);
		const entry = fc.record({
			day: fc.integer({ min: today - 60, max: today + 5 }),
			kind: fc.constantFrom('positive' as const, 'neutral' as const, 'negative' as const),
			note: fc.constant('')
		});
		fc.assert(
			fc.property(
				fc.array(entry, { maxLength: 8 }),
				fc.option(fc.integer({ min: today - 200, max: today })),
				(contacts, reviewedOn) => {
					const r = remindersFor(dossier({ contacts, reviewedOn }), today).map((x) => x.kind);
					expect(new Set(r).size).toBe(r.length);
					expect(r.includes('pauseContact') && r.includes('contactDue')).toBe(false);
				}
			)
		);
	});
});
