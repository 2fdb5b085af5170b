/**
 * Reading prospects from CSV (README "Prospects and key accounts"). The CSV text itself is split
 * into records by the caller's CSV parser; this module maps header names (English and Russian) to
 * fields and turns one record into a Prospect, undoing the formula escaping of the app's own export
 * (engine/prospect-csv.ts), so an exported list reads back as it was.
 */
import { unneutralise } from '../core/csv';
import { CRITERIA, type Criterion, type Prospect, type Tristate } from '../engine/crm-types';
import { emptyCriteria, newProspect } from '../engine/qualifier';
import { parseDate } from './dates';
import { decimalToNumber, parseDecimal } from './numbers';

export type ProspectField =
	'company' | 'contact' | 'role' | 'source' | 'dealSize' | 'decisionDate' | 'notes' | Criterion;

export const PROSPECT_FIELDS: readonly ProspectField[] = [
	'company',
	'contact',
	'role',
	'source',
	'dealSize',
	'decisionDate',
	'notes',
	...CRITERIA
];

/** Header names per field, already normalised (see `normaliseHeader`). */
const SYNONYMS: Record<ProspectField, readonly string[]> = {
	company: [
		'company',
		'company name',
		'organization',
		'organisation',
		'customer',
		'client',
		'компания',
		'организация',
		'название компании',
		'клиент',
		'контрагент'
	],
	contact: ['contact', 'contact person', 'contact name', 'контакт', 'контактное лицо'],
	role: ['role', 'position', 'job title', 'title', 'должность', 'роль'],
	source: ['source', 'lead source', 'источник', 'источник лида'],
	dealSize: ['deal size', 'amount', 'deal amount', 'deal value', 'сумма сделки', 'сумма', 'бюджет'],
	decisionDate: ['decision date', 'expected decision date', 'close date', 'дата решения', 'дата принятия решения'],
	notes: ['notes', 'note', 'comment', 'comments', 'комментарий', 'комментарии', 'примечание', 'примечания', 'заметки'],
	money: ['money', 'has money', 'деньги', 'бюджет есть', 'есть деньги', 'есть бюджет'],
	urgentProblem: ['urgent problem', 'urgent', 'pain', 'срочная проблема', 'боль'],
	likesUsp: ['likes usp', 'usp', 'утп', 'нравится утп'],
	decisionAuthority: ['decision authority', 'decision maker', 'authority', 'лпр', 'полномочия'],
	acceptableOffer: ['acceptable offer', 'offer acceptable', 'terms', 'условия', 'приемлемое предложение']
};

/** Lower case, ё → е, no BOM, no "(…)"/"[…]" parts, punctuation and '_' as single spaces. */
function normaliseHeader(h: string): string {
	return h
		.toLocaleLowerCase()
		.replace(/ё/g, 'е')
		.replace(/\(.*?\)|\[.*?\]/g, ' ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * Auto-map header names (English and Russian) to a column index per field, -1 when absent. An
 * exact (normalised) name wins; a field still unmapped then takes the first free column whose
 * name starts with one of its multi-word names ("Сумма сделки, руб." → dealSize). Each column
 * serves one field; the leftmost match wins.
 */
export function mapProspectHeader(header: readonly string[]): Record<ProspectField, number> {
	const names = header.map(normaliseHeader);
	const used = new Set<number>();
	const out = {} as Record<ProspectField, number>;
	for (const f of PROSPECT_FIELDS) {
		const syn = SYNONYMS[f];
		const i = names.findIndex((n, k) => !used.has(k) && syn.includes(n));
		out[f] = i;
		if (i >= 0) used.add(i);
	}
	for (const f of PROSPECT_FIELDS) {
		if (out[f] >= 0) continue;
		const multi = SYNONYMS[f].filter((s) => s.includes(' '));
		const i = names.findIndex((n, k) => !used.has(k) && multi.some((s) => n.startsWith(s + ' ')));
		out[f] = i;
		if (i >= 0) used.add(i);
	}
	return out;
}

const YES = new Set(['yes', 'да', 'y', '1', 'true', '+']);
const NO = new Set(['no', 'нет', 'n', '0', 'false', '-']);

/** yes/да/y/1/true/+ → yes, no/нет/n/0/false/- → no, anything else → unknown. */
export function parseTristate(cell: string): Tristate {
	const t = unneutralise(cell.trim()).trim().toLocaleLowerCase();
	if (YES.has(t)) return 'yes';
	if (NO.has(t)) return 'no';
	return 'unknown';
}

function parseDealSize(cell: string): number | null {
	if (cell === '') return null;
	for (const sep of ['.', ','] as const) {
		const r = parseDecimal(cell, sep);
		if (typeof r !== 'string') return decimalToNumber(r);
	}
	return null;
}

function parseDecisionDate(cell: string): number | null {
	if (cell === '') return null;
	const dmy = parseDate(cell, 'dmy', false);
	if (typeof dmy === 'number') return dmy;
	const mdy = parseDate(cell, 'mdy', false);
	return typeof mdy === 'number' ? mdy : null;
}

/**
 * One parsed record → a prospect, or null when the company is empty. Text cells are trimmed and
 * the export's formula escaping is undone. Criteria: see parseTristate. Deal size: parseDecimal
 * with '.' as the decimal separator first, then ',' (a value with both resolves per value, a lone
 * "1,5" reads as 1.5); unreadable → null. Decision date: parseDate 'dmy', then 'mdy'; unreadable →
 * null. History is empty (the first date is not a move); not decided; createdAt = updatedAt = now.
 */
export function prospectFromRecord(
	fields: readonly string[],
	map: Record<ProspectField, number>,
	ids: { id: string; workspaceId: string; now: number }
): Prospect | null {
	const cell = (f: ProspectField): string => {
		const i = map[f];
		const raw = i >= 0 && i < fields.length ? fields[i] : undefined;
		return raw === undefined || raw === null ? '' : unneutralise(String(raw).trim());
	};
	const company = cell('company');
	if (company.trim() === '') return null;
	const criteria = emptyCriteria();
	for (const c of CRITERIA) criteria[c].value = parseTristate(cell(c));
	const decisionDate = parseDecisionDate(cell('decisionDate'));
	// the source system recorded the date before the export: it counts as set no later than itself
	// (README "The rules: Prospects"), so an imported date that has passed flags a false client
	const decisionHistory =
		decisionDate === null
			? []
			: [{ from: null, to: decisionDate, changedOn: Math.min(decisionDate, Math.floor(ids.now / 86_400_000)) }];
	return newProspect(ids, {
		company,
		contact: cell('contact'),
		role: cell('role'),
		source: cell('source'),
		dealSize: parseDealSize(cell('dealSize')),
		decisionDate,
		decisionHistory,
		notes: cell('notes'),
		criteria
	});
}
