import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { PROSPECT_EXPORT_HEADER, prospectsCsv } from '../../src/lib/engine/prospect-csv';
import {
	mapProspectHeader,
	parseTristate,
	PROSPECT_FIELDS,
	prospectFromRecord,
	type ProspectField
} from '../../src/lib/ingest/prospect-csv';
import { emptyCriteria, falseClient, newProspect } from '../../src/lib/engine/qualifier';
import { earlierDecisionDates } from '../../src/lib/state/prospect-draft';
import { CRITERIA, type Prospect, type Tristate } from '../../src/lib/engine/crm-types';
import { daysFromCivil } from '../../src/lib/core/calendar';

const ids = { id: 'p1', workspaceId: 'w1', now: 1_710_460_800_000 };

function parseCsv(text: string): string[][] {
	return Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' }).data;
}

function mk(over: Partial<Prospect> = {}): Prospect {
	return newProspect({ id: 'x', workspaceId: 'w1', now: 0 }, { company: 'Acme', ...over });
}

function importAll(text: string): Prospect[] {
	const [header, ...rows] = parseCsv(text);
	const map = mapProspectHeader(header);
	const out: Prospect[] = [];
	rows.forEach((r, i) => {
		const p = prospectFromRecord(r, map, { ...ids, id: `p${i}` });
		if (p) out.push(p);
	});
	return out;
}

describe('mapProspectHeader', () => {
	it('maps English names (case, spaces, underscores ignored), -1 when absent', () => {
		const m = mapProspectHeader([
			'Company',
			'Contact',
			'Position',
			'Source',
			'Amount',
			'Decision date',
			'Notes',
			'Phone'
		]);
		expect(m).toEqual({
			company: 0,
			contact: 1,
			role: 2,
			source: 3,
			dealSize: 4,
			decisionDate: 5,
			notes: 6,
			money: -1,
			urgentProblem: -1,
			likesUsp: -1,
			decisionAuthority: -1,
			acceptableOffer: -1
		});
	});

	it('maps Russian names, keeping "Бюджет" (deal size) apart from "Бюджет есть" (money)', () => {
		const m = mapProspectHeader([
			'Организация',
			'Контактное лицо',
			'Должность',
			'Источник',
			'Бюджет',
			'Дата решения',
			'Примечание',
			'Бюджет есть',
			'Боль',
			'УТП',
			'ЛПР',
			'Условия'
		]);
		expect(m).toEqual({
			company: 0,
			contact: 1,
			role: 2,
			source: 3,
			dealSize: 4,
			decisionDate: 5,
			notes: 6,
			money: 7,
			urgentProblem: 8,
			likesUsp: 9,
			decisionAuthority: 10,
			acceptableOffer: 11
		});
	});

	it('more Russian and English synonyms', () => {
		const m = mapProspectHeader([
			'Компания',
			'Контакт',
			'Сумма сделки',
			'Комментарий',
			'Деньги',
			'Срочная проблема',
			'Полномочия',
			'Role',
			'Likes USP',
			'Acceptable offer',
			'Decision authority',
			'Urgent problem',
			'Money'
		]);
		expect(m.company).toBe(0);
		expect(m.contact).toBe(1);
		expect(m.dealSize).toBe(2);
		expect(m.notes).toBe(3);
		expect(m.money).toBe(4);
		expect(m.urgentProblem).toBe(5);
		expect(m.decisionAuthority).toBe(6);
		expect(m.role).toBe(7);
		expect(m.likesUsp).toBe(8);
		expect(m.acceptableOffer).toBe(9);
	});

	it('ignores a BOM, units in brackets and trailing punctuation; multi-word names match as a prefix', () => {
		const m = mapProspectHeader([
			'\uFEFFКомпания',
			'Deal size (RUB)',
			'Сумма сделки, руб.',
			'ЛПР?',
			'Дата решения (план)',
			'Contact phone'
		]);
		expect(m.company).toBe(0);
		expect(m.dealSize).toBe(1);
		expect(m.decisionAuthority).toBe(3);
		expect(m.decisionDate).toBe(4);
		expect(m.contact).toBe(-1); // single-word names never match as a prefix
	});

	it('the leftmost duplicate wins', () => {
		expect(mapProspectHeader(['Notes', 'Company', 'Компания']).company).toBe(1);
	});

	it('maps the export header back to every field', () => {
		const m = mapProspectHeader(PROSPECT_EXPORT_HEADER);
		for (const f of PROSPECT_FIELDS) expect(m[f]).toBe(PROSPECT_EXPORT_HEADER.indexOf(exportName(f)));
	});
});

function exportName(f: ProspectField): string {
	const names: Record<ProspectField, string> = {
		company: 'company',
		contact: 'contact',
		role: 'role',
		source: 'source',
		dealSize: 'deal_size',
		decisionDate: 'decision_date',
		notes: 'notes',
		money: 'money',
		urgentProblem: 'urgent_problem',
		likesUsp: 'likes_usp',
		decisionAuthority: 'decision_authority',
		acceptableOffer: 'acceptable_offer'
	};
	return names[f];
}

describe('parseTristate', () => {
	it.each(['yes', 'YES', 'да', 'Да', 'y', '1', 'true', '+', ' + '])('%j → yes', (s) =>
		expect(parseTristate(s)).toBe('yes')
	);
	it.each(['no', 'нет', 'НЕТ', 'n', '0', 'false', '-', "'-"])('%j → no', (s) => expect(parseTristate(s)).toBe('no'));
	it.each(['', 'unknown', 'maybe', '?', 'возможно'])('%j → unknown', (s) => expect(parseTristate(s)).toBe('unknown'));
});

describe('prospectFromRecord', () => {
	const header = [
		'Компания',
		'Контакт',
		'Должность',
		'Источник',
		'Сумма сделки',
		'Дата решения',
		'Примечание',
		'Деньги',
		'Боль',
		'УТП',
		'ЛПР',
		'Условия'
	];
	const map = mapProspectHeader(header);

	it('reads a full Russian record', () => {
		const p = prospectFromRecord(
			[
				' ООО «Ромашка» ',
				'Иван Петров',
				'Директор',
				'Выставка',
				'1 250 000,50',
				'15.04.2024',
				'Перезвонить',
				'да',
				'нет',
				'+',
				'?',
				''
			],
			map,
			ids
		);
		expect(p).toEqual({
			id: 'p1',
			workspaceId: 'w1',
			company: 'ООО «Ромашка»',
			contact: 'Иван Петров',
			role: 'Директор',
			source: 'Выставка',
			dealSize: 1250000.5,
			decisionDate: daysFromCivil(2024, 4, 15),
			// the source system set the date before the export: at the latest on the import day
			decisionHistory: [{ from: null, to: daysFromCivil(2024, 4, 15), changedOn: daysFromCivil(2024, 3, 15) }],
			decided: false,
			notes: 'Перезвонить',
			criteria: {
				money: { value: 'yes', note: '' },
				urgentProblem: { value: 'no', note: '' },
				likesUsp: { value: 'yes', note: '' },
				decisionAuthority: { value: 'unknown', note: '' },
				acceptableOffer: { value: 'unknown', note: '' }
			},
			createdAt: ids.now,
			updatedAt: ids.now
		});
	});

	it('returns null when the company is empty or blank or the column is missing', () => {
		expect(prospectFromRecord(['', 'Ivan'], map, ids)).toBeNull();
		expect(prospectFromRecord(['   ', 'Ivan'], map, ids)).toBeNull();
		expect(prospectFromRecord(['Acme'], { ...map, company: -1 }, ids)).toBeNull();
	});

	it('short records: missing cells are empty', () => {
		const p = prospectFromRecord(['Acme'], map, ids)!;
		expect(p.contact).toBe('');
		expect(p.dealSize).toBeNull();
		expect(p.decisionDate).toBeNull();
		expect(p.criteria).toEqual(emptyCriteria());
	});

	it.each([
		['1500', 1500],
		['1500.5', 1500.5],
		['1500,5', 1500.5],
		['1 500,50', 1500.5],
		['1,234,567.89', 1234567.89],
		['1.234.567,89', 1234567.89],
		['$2,000', 2000],
		['150 000 руб.', 150000],
		['', null],
		['около 10к', null]
	] as const)('deal size %j → %j', (cell, want) => {
		expect(prospectFromRecord(['Acme', '', '', '', cell], map, ids)!.dealSize).toBe(want);
	});

	it.each([
		['15.04.2024', [2024, 4, 15]],
		['2024-04-15', [2024, 4, 15]],
		['04/05/2024', [2024, 5, 4]], // dmy first
		['04/15/2024', [2024, 4, 15]], // invalid as dmy → mdy
		['15 апреля 2024', [2024, 4, 15]],
		['Apr 15, 2024', [2024, 4, 15]],
		['15.04.24', [2024, 4, 15]]
	] as const)('decision date %j', (cell, [y, m, d]) => {
		expect(prospectFromRecord(['Acme', '', '', '', '', cell], map, ids)!.decisionDate).toBe(daysFromCivil(y, m, d));
	});

	it.each(['', 'soon', '31.02.2024', '45396'])('unreadable decision date %j → null', (cell) => {
		expect(prospectFromRecord(['Acme', '', '', '', '', cell], map, ids)!.decisionDate).toBeNull();
	});

	it('undoes the export formula escaping on text cells', () => {
		const p = prospectFromRecord(['\'=HYPERLINK("x")', "'+7 495 123", "'@me"], map, ids)!;
		expect(p.company).toBe('=HYPERLINK("x")');
		expect(p.contact).toBe('+7 495 123');
		expect(p.role).toBe('@me');
	});
});

describe('prospectsCsv', () => {
	const today = daysFromCivil(2024, 3, 15);

	it('writes the header and one formula-safe CRLF row per prospect', () => {
		const criteria = emptyCriteria();
		for (const c of CRITERIA) criteria[c].value = 'yes';
		const csv = prospectsCsv(
			[
				mk({
					company: '=cmd|"/C calc"!A0',
					contact: 'Ann, "the boss"',
					dealSize: 1500.5,
					decisionDate: daysFromCivil(2024, 3, 1),
					criteria,
					notes: 'line1\nline2'
				}),
				mk({ company: 'Ромашка', dealSize: -30, decisionHistory: [] })
			],
			today
		);
		expect(
			csv.startsWith(
				'company,contact,role,source,deal_size,decision_date,status,false_client,money,urgent_problem,likes_usp,decision_authority,acceptable_offer,notes\r\n'
			)
		).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.charCodeAt(0)).not.toBe(0xfeff);
		const rows = parseCsv(csv);
		expect(rows[0]).toEqual([...PROSPECT_EXPORT_HEADER]);
		expect(rows[1]).toEqual([
			`'=cmd|"/C calc"!A0`,
			'Ann, "the boss"',
			'',
			'',
			'1500.5',
			'2024-03-01',
			'qualified',
			'true', // decision date past, undecided
			'yes',
			'yes',
			'yes',
			'yes',
			'yes',
			'line1\nline2'
		]);
		expect(rows[2]).toEqual([
			'Ромашка',
			'',
			'',
			'',
			'-30',
			'',
			'toClarify',
			'false',
			'unknown',
			'unknown',
			'unknown',
			'unknown',
			'unknown',
			''
		]);
		expect(rows[3]).toEqual(['']);
		expect(rows).toHaveLength(4);
	});

	it('empty list → header only', () => {
		expect(prospectsCsv([], today)).toBe(PROSPECT_EXPORT_HEADER.join(',') + '\r\n');
	});

	it('round-trips a hand-written set through mapProspectHeader + prospectFromRecord', () => {
		const a = mk({
			company: '=SUM(A1:A9)',
			contact: 'Пётр "Петя" Иванов, CEO',
			dealSize: 1234567.89,
			decisionDate: daysFromCivil(2024, 12, 31),
			criteria: { ...emptyCriteria(), money: { value: 'yes', note: '' }, likesUsp: { value: 'no', note: '' } }
		});
		const b = mk({ company: "'-already escaped", contact: '-', dealSize: 0, decisionDate: daysFromCivil(1999, 1, 1) });
		const back = importAll(prospectsCsv([a, b], today));
		expect(back).toHaveLength(2);
		for (const [orig, got] of [
			[a, back[0]],
			[b, back[1]]
		] as const) {
			expect(got.company).toBe(orig.company);
			expect(got.contact).toBe(orig.contact);
			expect(got.dealSize).toBe(orig.dealSize);
			expect(got.decisionDate).toBe(orig.decisionDate);
			expect(got.criteria).toEqual(orig.criteria);
		}
	});

	it('property: company, contact, deal size, decision date and criteria survive export → import, and no cell is live', () => {
		const hostile = fc.constantFrom(
			'=cmd',
			'+SUM(1)',
			'-2+3',
			'@A1',
			'"',
			'""',
			',',
			'\n',
			'\r\n',
			'Ромашка',
			'ё',
			"'",
			"'=x",
			'\t',
			';',
			'a'
		);
		const text = fc
			.array(fc.oneof(hostile, fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })), {
				maxLength: 5
			})
			.map((parts) => parts.join(''))
			.filter((s) => s === s.trim());
		const company = text.filter((s) => s !== '');
		const tristate = fc.constantFrom<Tristate>('yes', 'no', 'unknown');
		const money = fc.oneof(
			fc.constant(null),
			fc.integer({ min: -1e12, max: 1e12 }),
			fc.integer({ min: -1e11, max: 1e11 }).map((c) => c / 100)
		);
		const date = fc.option(fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2200, 12, 31) }));
		const prospect = fc
			.record({
				company,
				contact: text,
				dealSize: money,
				decisionDate: date,
				crit: fc.array(tristate, { minLength: 5, maxLength: 5 })
			})
			.map(({ crit, ...r }) => {
				const criteria = emptyCriteria();
				CRITERIA.forEach((c, i) => (criteria[c].value = crit[i]));
				return mk({ ...r, criteria });
			});
		fc.assert(
			fc.property(fc.array(prospect, { maxLength: 6 }), (ps) => {
				const csv = prospectsCsv(ps, today);
				const rows = parseCsv(csv);
				for (const row of rows.slice(1, -1)) {
					for (const cell of row) {
						expect(/^[=+\-@\t\r\n]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell)).toBe(false);
					}
				}
				const back = importAll(csv);
				expect(back).toHaveLength(ps.length);
				ps.forEach((p, i) => {
					expect(back[i].company).toBe(p.company);
					expect(back[i].contact).toBe(p.contact);
					expect(back[i].dealSize).toBe(p.dealSize);
					expect(back[i].decisionDate).toBe(p.decisionDate);
					expect(back[i].criteria).toEqual(p.criteria);
				});
			}),
			{ numRuns: 300 }
		);
	});
});

describe('an imported decision date', () => {
	it('that has passed flags a false client; a date typed in the app already past does not', () => {
		const map = Object.fromEntries(PROSPECT_FIELDS.map((f) => [f, -1])) as Record<ProspectField, number>;
		map.company = 0;
		map.decisionDate = 1;
		const p = prospectFromRecord(['Acme', '2024-03-01'], map, ids)!;
		expect(falseClient(p, daysFromCivil(2024, 3, 15))).toEqual({ flagged: true, moves: 0, pastDue: true });
		expect(earlierDecisionDates(p)).toEqual([]);
	});
});
