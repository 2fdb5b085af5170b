/**
 * Automatic column → role mapping for sales exports (English and Russian headers).
 *
 * How it works:
 * 1. Every header is normalised (`normaliseHeader`) and scored 0..100 for every role by the
 *    vocabulary of header-scores.ts. Scores encode how specific a header is: 'Order ID' 100 > 'Num' 60.
 * 2. A (column, role) pair is a candidate only when its score is > 0 and the column's sample
 *    cells pass the role's content check (numbers for money/quantity, dates for date, …).
 * 3. A global greedy takes candidates by score (ties: lower column index, then role order in
 *    `ROLES`), so each column gets at most one role and each role at most one column.
 * 4. Customer post-processing: the best customer identifier is the key; a name-like column is
 *    the name only when the key is a better identifier than that name (see `customerScores`).
 * 5. Content fallback for date, amount and customer key when nothing was assigned by header.
 *
 * Pure: no DOM, no dependencies.
 */
import { NULL_PLACEHOLDERS } from '../core/missing-customer';
import { ROLES, type AmountSource, type ColumnMapping, type Role } from './types';
import {
	AMOUNT_VETO,
	CUSTOMER_VETO,
	emptyRecord,
	normaliseHeader,
	quantityScore,
	scoreHeader,
	TAX_WORD
} from './header-scores';

export { normaliseHeader };

export interface ColumnProfile {
	/** header text as in the file (trimmed) */
	header: string;
	/** up to ~200 non-header cells of this column from the start of the file */
	samples: readonly string[];
}

export interface ProfileHints {
	/** the caller's number parser says the cell is a number */
	isNumber: (cell: string) => boolean;
	/** the caller's date parser says the cell is a date */
	isDate: (cell: string) => boolean;
	/** the cell looks like an Excel date serial (45292 = 2024-01-01): a date only in a column named as one */
	isSerialDate?: (cell: string) => boolean;
}

export type MappingConfidence = 'header' | 'content' | 'none';

export interface AutoMapping {
	/** -1 for unmapped roles */
	mapping: ColumnMapping;
	/** 'quantityTimesPrice' when there is no amount column but quantity and unit price exist */
	amountSource: AmountSource;
	/** why each role got its column */
	confidence: Record<Role, MappingConfidence>;
}

// ---------------------------------------------------------------------------------------------
// Content statistics
// ---------------------------------------------------------------------------------------------

/** Cells that count as empty in a column's statistics: the null placeholders of any column (not the
 * customer-only ones such as 'нет', which is a value in other columns). */
const EMPTY_CELLS: ReadonlySet<string> = new Set(NULL_PLACEHOLDERS);

interface ColumnStats {
	total: number; // sample count
	nonEmpty: number;
	fill: number; // nonEmpty / total (1 when there are no samples)
	numberShare: number; // of non-empty
	dateShare: number; // of non-empty
	serialShare: number; // of non-empty: Excel date serials
	textShare: number; // of non-empty: neither number nor date
	distinct: number; // distinct non-empty values
	decimals: boolean; // some number cell is written with a fractional part
	moneyLike: boolean; // mostly numbers, with fractions or currency signs
	idSequence: boolean; // integer-valued, all distinct, ascending: a row/id counter
	meanAbs: number; // mean |value| of number cells
}

/** Lenient number reading, only for ranking candidates (the real parser lives elsewhere). */
function looseNumber(cell: string): { value: number; fraction: boolean } | null {
	const neg = /^\s*[-−]|^\s*\(.*\)\s*$|-\s*$/.test(cell);
	const s = cell.replace(/[^\d.,]/g, '');
	if (!/\d/.test(s)) return null;
	const lastDot = s.lastIndexOf('.');
	const lastComma = s.lastIndexOf(',');
	let intPart = s;
	let fracPart = '';
	const sepAt = Math.max(lastDot, lastComma);
	if (sepAt >= 0) {
		const sep = s[sepAt];
		const both = lastDot >= 0 && lastComma >= 0;
		const repeated = s.indexOf(sep) !== sepAt;
		const after = s.slice(sepAt + 1);
		const decimal = both || (!repeated && after.length !== 3 && after.length > 0);
		if (decimal) {
			intPart = s.slice(0, sepAt);
			fracPart = after;
		}
	}
	intPart = intPart.replace(/[.,]/g, '');
	const value = Number(`${intPart || '0'}.${fracPart || '0'}`);
	if (!Number.isFinite(value)) return null;
	return { value: neg ? -value : value, fraction: fracPart.length > 0 };
}

function columnStats(samples: readonly string[], hints: ProfileHints): ColumnStats {
	const cells = samples.map((c) => c.trim()).filter((c) => !EMPTY_CELLS.has(c.toLowerCase()));
	const total = samples.length;
	let numbers = 0;
	let dates = 0;
	let serials = 0;
	let texts = 0;
	let fractions = 0;
	let currency = 0;
	let sumAbs = 0;
	let integerValued = 0;
	const values: number[] = [];
	for (const c of cells) {
		const isNum = hints.isNumber(c);
		const isDate = hints.isDate(c);
		if (isDate) dates++;
		if (hints.isSerialDate?.(c)) serials++;
		if (isNum) {
			numbers++;
			if (/[$€£₽¥]|руб|rub|usd|eur/i.test(c)) currency++;
			const v = looseNumber(c);
			if (v) {
				values.push(v.value);
				sumAbs += Math.abs(v.value);
				if (v.fraction) fractions++;
				if (Number.isInteger(v.value)) integerValued++;
			}
		}
		if (!isNum && !isDate) texts++;
	}
	const ne = cells.length;
	const share = (k: number) => (ne === 0 ? 0 : k / ne);
	let ascending = values.length >= 3;
	for (let i = 1; i < values.length && ascending; i++) if (values[i] <= values[i - 1]) ascending = false;
	const numberShare = share(numbers);
	return {
		total,
		nonEmpty: ne,
		fill: total === 0 ? 1 : ne / total,
		numberShare,
		dateShare: share(dates),
		serialShare: share(serials),
		textShare: share(texts),
		distinct: new Set(cells).size,
		decimals: fractions > 0,
		moneyLike: numberShare >= 0.8 && (fractions > 0 || currency > 0),
		idSequence: ascending && values.length === numbers && integerValued === values.length,
		meanAbs: values.length === 0 ? 0 : sumAbs / values.length
	};
}

const NUMERIC_ROLES: ReadonlySet<Role> = new Set<Role>(['amount', 'quantity', 'unitPrice', 'profit', 'listPrice']);
/** Roles an import needs, which a clearly named column keeps even when its sampled cells are all empty. */
const NAMED_WHEN_EMPTY: ReadonlySet<Role> = new Set<Role>(['customerKey', 'date', 'amount', 'quantity', 'unitPrice']);

/** Content check of one column for one role (the money-like customer key rule is applied later). */
function contentFits(role: Role, st: ColumnStats): boolean {
	if (st.total === 0) return true; // header-only file: nothing to judge
	// a clearly named money column with some bad cells is still the amount: the import skips and
	// reports those rows instead of losing the whole column
	if (NUMERIC_ROLES.has(role)) return st.nonEmpty > 0 && st.numberShare >= 0.5;
	switch (role) {
		case 'date':
			// a column named as a date and holding Excel serials (the header decides: plain numbers
			// alone never make a date column in the content fallback)
			return st.nonEmpty > 0 && (st.dateShare >= 0.5 || st.serialShare >= 0.8);
		case 'customerKey':
		case 'customerName':
		case 'orderId':
			return st.fill >= 0.5;
		case 'manager':
			return st.nonEmpty > 0;
	}
	return true;
}

// ---------------------------------------------------------------------------------------------
// autoMap
// ---------------------------------------------------------------------------------------------

interface Candidate {
	col: number;
	role: Role;
	score: number;
}

export function autoMap(columns: readonly ColumnProfile[], hints: ProfileHints): AutoMapping {
	const heads = columns.map((c) => scoreHeader(c.header));
	const stats = columns.map((c) => columnStats(c.samples, hints));
	const fits = (col: number, role: Role) => contentFits(role, stats[col]);

	// A money-looking customer key is refused when a non-money customer column is available.
	const keyAllowed = (col: number): boolean => {
		if (!fits(col, 'customerKey')) return false;
		if (!stats[col].moneyLike) return true;
		return !heads.some((h, j) => j !== col && h.customer.key > 0 && fits(j, 'customerKey') && !stats[j].moneyLike);
	};
	// A column empty in every sampled row (a file that starts with a block of walk-in sales) keeps
	// its header's word for a role the import needs only when no other column named for that role
	// has data ('Buyer Name' always empty next to 'Buyer Email').
	const emptyButNamed = (col: number, role: Role): boolean =>
		NAMED_WHEN_EMPTY.has(role) &&
		stats[col].total > 0 &&
		stats[col].nonEmpty === 0 &&
		!heads.some((h, j) => j !== col && h.scores[role] > 0 && fits(j, role));
	const allowed = (col: number, role: Role) =>
		(role === 'customerKey' ? keyAllowed(col) : fits(col, role)) || emptyButNamed(col, role);

	// 1. Global greedy over header-scored (column, role) pairs.
	const candidates: Candidate[] = [];
	heads.forEach((h, col) => {
		for (const role of ROLES) {
			const score = h.scores[role];
			if (score > 0 && allowed(col, role)) candidates.push({ col, role, score });
		}
	});
	candidates.sort((a, b) => b.score - a.score || a.col - b.col || ROLES.indexOf(a.role) - ROLES.indexOf(b.role));

	const mapping = emptyRecord(-1) as ColumnMapping;
	const confidence = emptyRecord<MappingConfidence>('none');
	const used = new Set<number>();
	const assign = (role: Role, col: number, why: MappingConfidence) => {
		mapping[role] = col;
		confidence[role] = why;
		used.add(col);
	};
	const unassign = (role: Role) => {
		used.delete(mapping[role]);
		mapping[role] = -1;
		confidence[role] = 'none';
	};
	for (const c of candidates) {
		if (mapping[c.role] !== -1 || used.has(c.col)) continue;
		assign(c.role, c.col, 'header');
	}

	// 2. Customers: key is the best identifier; a lone customer column is the key.
	let key = mapping.customerKey;
	const name = mapping.customerName;
	if (name !== -1 && (key === -1 || heads[key].customer.key < heads[name].customer.key) && keyAllowed(name)) {
		// e.g. only 'Customer Name' (+ 'Phone'), or 'Customer Name' + 'Email': the name is the key.
		if (key !== -1) unassign('customerKey');
		unassign('customerName');
		assign('customerKey', name, 'header');
		key = name;
	}
	if (mapping.customerName === -1 && key !== -1 && heads[key].customer.kind === 'id') {
		// 'Customer ID' + 'Name': a bare name column is the customer's name.
		const weak = heads.findIndex((h, col) => h.customer.kind === 'weak' && !used.has(col) && fits(col, 'customerName'));
		if (weak !== -1) assign('customerName', weak, 'header');
	}

	// 3. Content fallback for roles no header gave.
	const free = (col: number) => !used.has(col);
	if (mapping.date === -1) {
		const col = stats.findIndex((st, i) => free(i) && st.nonEmpty > 0 && st.dateShare >= 0.8);
		if (col !== -1) assign('date', col, 'content');
	}
	if (mapping.amount === -1 && !(mapping.quantity !== -1 && mapping.unitPrice !== -1)) {
		// money written with decimals first; whole-number money (a CRM's 450000) when no column has them
		const pick = (decimals: boolean): number => {
			let best = -1;
			stats.forEach((st, i) => {
				if (!free(i) || st.nonEmpty === 0) return;
				if (st.numberShare < 0.8 || st.dateShare >= 0.5 || st.decimals !== decimals || st.idSequence) return;
				if (!decimals && (st.serialShare >= 0.5 || st.distinct < 2 || st.meanAbs < 10)) return;
				const h = normaliseHeader(columns[i].header);
				if (AMOUNT_VETO.test(h) || TAX_WORD.test(h) || quantityScore(h, columns[i].header) > 0) return;
				if (!decimals && /(^|[^a-zа-я])(id|no|nr|num|number|код|номер)$|^id|^no$/.test(h)) return;
				if (best === -1 || st.meanAbs > stats[best].meanAbs) best = i;
			});
			return best;
		};
		const best = pick(true) !== -1 ? pick(true) : pick(false);
		if (best !== -1) assign('amount', best, 'content');
	}
	if (mapping.customerKey === -1) {
		const col = stats.findIndex(
			(st, i) =>
				free(i) &&
				st.nonEmpty > 0 &&
				st.fill >= 0.5 &&
				st.textShare >= 0.8 &&
				st.distinct < st.nonEmpty &&
				!CUSTOMER_VETO.test(normaliseHeader(columns[i].header))
		);
		if (col !== -1) assign('customerKey', col, 'content');
	}

	const amountSource: AmountSource =
		mapping.amount === -1 && mapping.quantity !== -1 && mapping.unitPrice !== -1 ? 'quantityTimesPrice' : 'column';
	return { mapping, amountSource, confidence };
}
