/**
 * Exact decimal parsing for numbers found in sales exports.
 *
 * Over 400 lines for one job: the many written forms of a number (groups, signs, currencies,
 * apostrophes) and the per-column separator inference share one tokenizer; most lines are doc comments.
 *
 * A value is returned as an integer mantissa and a count of decimals (value = m / 10^d), built
 * digit by digit from the text (never via parseFloat), so sums of mantissas at a common scale are
 * exact. The common forms (`1234.56`, `-30`, `1 234,56`, `1,234.56`, `(12.5)`) are handled by a
 * single char-code pass with no regex and no intermediate strings; anything with letters or
 * currency signs takes a slower path that strips the currency and parses the rest.
 */
import type { Decimal, DecimalSeparator } from './types';

export type NumberError = 'empty' | 'not-a-number' | 'too-large';
export type ParsedNumber = Decimal | NumberError; // discriminate with typeof x === 'string'

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Most decimals a Decimal may carry. */
const MAX_DECIMALS = 15;
/** Most significant digits kept from the text (doubles hold 15 digits faithfully). */
const MAX_SIG = 15;
const SIG_LIMIT = 1e15; // 10^MAX_SIG
const MAX_SEPARATORS = 64;

/** Exact powers of ten 10^0 .. 10^22 (parsed from literals, hence exact). */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number('1e' + k));

// char codes
const C_0 = 48;
const C_DOT = 46;
const C_COMMA = 44;
const C_APOS = 39;
const C_RSQUO = 0x2019; // ’ (used as a Swiss thousands separator)
const C_PLUS = 43;
const C_MINUS = 45;
const C_UMINUS = 0x2212; // − MINUS SIGN
const C_LPAREN = 40;
const C_RPAREN = 41;
const C_E = 69;
const C_e = 101;

const KIND_DOT = 1;
const KIND_COMMA = 2;
const KIND_GROUP = 3; // space or apostrophe: always a thousands separator

/** Whitespace trimmed from both ends of a cell (controls, NBSP, the U+2000 block, BOM, …). */
function isTrimSpace(c: number): boolean {
	return (
		c <= 32 ||
		c === 0xa0 ||
		(c >= 0x2000 && c <= 0x200b) ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000 ||
		c === 0xfeff
	);
}

/** Spaces accepted as thousands separators: space, NBSP, U+2000..U+200A (thin, figure, …), narrow NBSP. */
function isGroupSpace(c: number): boolean {
	return c === 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f;
}

// Scratch buffers for the separator scan (module level: no allocation per call; the parser is not
// re-entrant, which is fine in single-threaded JS).
const SEP_KIND = new Uint8Array(MAX_SEPARATORS);
const GROUP_LEN = new Int32Array(MAX_SEPARATORS + 1);

/**
 * Separators 0..upto-1 are read as thousands separators: the first group must have 1..3 digits
 * and no leading zero, every following group exactly 3 digits.
 */
function groupsValid(upto: number, firstDigitZero: boolean): boolean {
	const g0 = GROUP_LEN[0];
	if (g0 < 1 || g0 > 3 || firstDigitZero) return false;
	for (let k = 1; k <= upto; k++) if (GROUP_LEN[k] !== 3) return false;
	return true;
}

/** round(a / 10^k), half away from zero, for a non-negative safe integer a. Exact. */
function roundDivPow10(a: number, k: number): number {
	if (k <= 0) return a;
	if (k > 22) return 0;
	const p = POW10[k];
	const r = a % p; // exact for doubles
	const q = (a - r) / p; // exact: a - r is a multiple of p
	return 2 * r >= p ? q + 1 : q;
}

/** Build the result from the significant digits. value = ±sig × 10^exp10 (after rounding). */
function finish(sig: number, nSig: number, roundDigit: number, exp10: number, neg: boolean): ParsedNumber {
	// Values written with 15+ significant digits are typically float dumps (Excel): after rounding
	// to 15 digits, trailing zero decimals carry no information and are dropped.
	let strip = nSig >= MAX_SIG;
	if (nSig > MAX_SIG && roundDigit >= 5) {
		sig++;
		if (sig === SIG_LIMIT) {
			sig = SIG_LIMIT / 10;
			exp10++;
		}
	}
	if (sig === 0) return { m: 0, d: exp10 < 0 ? Math.min(-exp10, MAX_DECIMALS) : 0 };
	let m: number;
	let d: number;
	if (exp10 >= 0) {
		if (exp10 > MAX_SIG) return 'too-large';
		m = sig * POW10[exp10]; // exact whenever the true product is <= MAX_SAFE
		if (m > MAX_SAFE) return 'too-large';
		d = 0;
	} else {
		m = sig;
		d = -exp10;
		if (d > MAX_DECIMALS) {
			m = roundDivPow10(sig, d - MAX_DECIMALS);
			d = MAX_DECIMALS;
			strip = true;
		}
		if (strip) {
			while (d > 0 && m % 10 === 0) {
				m /= 10;
				d--;
			}
		}
		if (m === 0) d = 0;
	}
	return { m: neg && m !== 0 ? -m : m, d };
}

/**
 * Parse s[start, end) (already trimmed, non-empty). Returns null when the text holds a character
 * the numeric grammar does not know (letters, currency signs, %, …): the caller then tries the
 * currency-stripping path.
 */
function parseCore(s: string, start: number, end: number, decimalSep: DecimalSeparator): ParsedNumber | null {
	let i = start;
	let neg = false;
	let paren = false;
	let signed = false;
	let c = s.charCodeAt(i);

	// prefix: "(" and/or a sign, spaces allowed after each
	if (c === C_LPAREN) {
		paren = true;
		i++;
		while (i < end && isTrimSpace(s.charCodeAt(i))) i++;
		if (i < end) c = s.charCodeAt(i);
	}
	if (i < end && (c === C_MINUS || c === C_UMINUS || c === C_PLUS)) {
		neg = c !== C_PLUS;
		signed = true;
		i++;
		while (i < end && isTrimSpace(s.charCodeAt(i))) i++;
	}
	// suffix: ")" closing an accounting negative, then an optional trailing minus ("123-")
	if (paren) {
		if (end <= i || s.charCodeAt(end - 1) !== C_RPAREN) return 'not-a-number';
		end--;
		while (end > i && isTrimSpace(s.charCodeAt(end - 1))) end--;
		neg = true;
	}
	if (!signed && end > i) {
		c = s.charCodeAt(end - 1);
		if (c === C_MINUS || c === C_UMINUS) {
			neg = true;
			end--;
			while (end > i && isTrimSpace(s.charCodeAt(end - 1))) end--;
		}
	}
	if (i >= end) {
		// a lone dash is the usual "nothing here" placeholder (accounting format shows zero as "-")
		return neg && !paren ? 'empty' : 'not-a-number';
	}

	// body: digits and separators, then an optional exponent
	let nSep = 0;
	let group = 0; // digits in the current group
	let nDigits = 0;
	let nSig = 0; // significant digits seen (from the first non-zero digit on)
	let sig = 0; // first MAX_SIG significant digits as an integer
	let roundDigit = 0; // first dropped significant digit
	let firstDigitZero = false;
	let prevSpace = false;
	let nDot = 0;
	let nComma = 0;
	let lastDot = -1;
	let lastComma = -1;
	let exp = 0;

	for (; i < end; i++) {
		c = s.charCodeAt(i);
		const dg = c - C_0;
		if (dg >= 0 && dg <= 9) {
			if (nDigits === 0) firstDigitZero = dg === 0;
			nDigits++;
			group++;
			if (nSig > 0 || dg !== 0) {
				nSig++;
				if (nSig <= MAX_SIG) sig = sig * 10 + dg;
				else if (nSig === MAX_SIG + 1) roundDigit = dg;
			}
			prevSpace = false;
			continue;
		}
		let kind: number;
		if (c === C_DOT) kind = KIND_DOT;
		else if (c === C_COMMA) kind = KIND_COMMA;
		else if (c === C_APOS || c === C_RSQUO) kind = KIND_GROUP;
		else if (isGroupSpace(c)) {
			if (prevSpace) continue; // a run of spaces is one separator
			kind = KIND_GROUP;
		} else if ((c === C_E || c === C_e) && nDigits > 0 && !prevSpace) {
			// exponent: [eE][+-]?digits to the end of the body
			let j = i + 1;
			let expNeg = false;
			if (j < end) {
				const sc = s.charCodeAt(j);
				if (sc === C_PLUS || sc === C_MINUS || sc === C_UMINUS) {
					expNeg = sc !== C_PLUS;
					j++;
				}
			}
			if (j >= end) return null; // "100 e", "1e+": let the currency path decide
			for (; j < end; j++) {
				const ed = s.charCodeAt(j) - C_0;
				if (ed < 0 || ed > 9) return null; // "100eur" etc.
				if (exp < 1e6) exp = exp * 10 + ed;
			}
			if (expNeg) exp = -exp;
			break;
		} else return null;

		if (nSep >= MAX_SEPARATORS) return 'not-a-number';
		prevSpace = kind === KIND_GROUP && c !== C_APOS && c !== C_RSQUO;
		SEP_KIND[nSep] = kind;
		GROUP_LEN[nSep] = group;
		if (kind === KIND_DOT) {
			nDot++;
			lastDot = nSep;
		} else if (kind === KIND_COMMA) {
			nComma++;
			lastComma = nSep;
		}
		nSep++;
		group = 0;
	}
	GROUP_LEN[nSep] = group;
	if (nDigits === 0) return 'not-a-number';

	// which separator (if any) is the decimal point?
	let dec = -1;
	if (nDot > 0 && nComma > 0) {
		// both present: the last of the two is the decimal separator and occurs once
		if (lastDot > lastComma) {
			if (nDot !== 1) return 'not-a-number';
			dec = lastDot;
		} else {
			if (nComma !== 1) return 'not-a-number';
			dec = lastComma;
		}
	} else if (nDot + nComma > 0) {
		const isDot = nDot > 0;
		const count = isDot ? nDot : nComma;
		const last = isDot ? lastDot : lastComma;
		if (isDot === (decimalSep === '.')) {
			// the column's own decimal separator: once = decimal point, repeated = grouping
			if (count === 1) dec = last;
		} else if (!groupsValid(nSep, firstDigitZero)) {
			// the other separator, but not valid thousands grouping: a single one is a decimal
			// point ("1.5" in a ',' column), several are garbage
			if (count !== 1) return 'not-a-number';
			dec = last;
		}
	}
	let frac = 0;
	if (dec >= 0) {
		if (dec !== nSep - 1) return 'not-a-number'; // separators after the decimal point
		if (dec > 0 && !groupsValid(dec, firstDigitZero)) return 'not-a-number';
		frac = GROUP_LEN[nSep];
	} else if (nSep > 0 && !groupsValid(nSep, firstDigitZero)) return 'not-a-number';

	const dropped = nSig > MAX_SIG ? nSig - MAX_SIG : 0;
	return finish(sig, nSig, roundDigit, dropped - frac + exp, neg);
}

// ---- slow path: currency signs and words ----

const RE_PERCENT = /[%‰‱]/;
/** Currency words and codes, case-insensitive, not glued to other letters. */
const RE_CURRENCY_WORD =
	/(?<!\p{L})(?:(?:us|au|ca|nz|hk|r|c|a|s)\$|руб(?:лей|ля|ль)?\.?|р\.|р(?!\p{L})|грн\.?|тг\.?|сом|lei|leu|zł|zl|kč|kr\.?|ft|fr\.|chf|usd|eur|rub|rur|gbp|uah|kzt|byn|byr|pln|czk|huf|ron|bgn|sek|nok|dkk|try|jpy|cny|rmb|inr|aud|cad|nzd|hkd|sgd|brl|mxn|zar|aed|ils)(?!\p{L})/giu;
/** Any other ISO-4217-looking code written in capitals (`RUB 100`, `100 KGS`). */
const RE_CURRENCY_CODE = /(?<!\p{L})\p{Lu}{3}(?!\p{L})/gu;
const RE_CURRENCY_SYMBOL = /[$€£¥₽₴₸₺₹₩₪₫₱฿₼₾₦₲₵₡₭₮¢]/gu;
const RE_DASH_ONLY = /^[-\u2012\u2013\u2014\u2212]$/;

function parseSlow(t: string, decimalSep: DecimalSeparator): ParsedNumber {
	if (RE_PERCENT.test(t)) return 'not-a-number'; // percentages are not amounts
	const stripped = t.replace(RE_CURRENCY_WORD, ' ').replace(RE_CURRENCY_CODE, ' ').replace(RE_CURRENCY_SYMBOL, ' ');
	let i = 0;
	let end = stripped.length;
	while (i < end && isTrimSpace(stripped.charCodeAt(i))) i++;
	while (end > i && isTrimSpace(stripped.charCodeAt(end - 1))) end--;
	if (i >= end) return 'not-a-number'; // only a currency, e.g. "USD"
	const rest = stripped.slice(i, end);
	if (RE_DASH_ONLY.test(rest)) return 'empty'; // "$ -", "–"
	if (rest === t) return 'not-a-number'; // nothing recognised as currency
	return parseCore(rest, 0, rest.length, decimalSep) ?? 'not-a-number';
}

/**
 * Parse one cell. decimalSep is the column's decimal separator; a value containing BOTH '.' and
 * ',' is resolved per value: the LAST of the two is the decimal separator. Returns an exact decimal.
 * A single leading ASCII apostrophe is a formula-safety prefix some systems write before every
 * number (`'1500.00`, `'-300.00`, `'1 200,50`) and is dropped; apostrophes after the first digit
 * still group thousands (`1'234.50`). A lone `'` is not a number.
 */
export function parseDecimal(text: string, decimalSep: DecimalSeparator): ParsedNumber {
	return parsePlain(text, decimalSep) ?? parseDecimalAnyForm(text, decimalSep);
}

/**
 * The number most cells hold, read without the general parser: an optional '-', 1 to 14 digits
 * with at most one `decimalSep` between them (`7002.08`, `-15`, `0,5`); null for anything else
 * (spaces, groups, signs elsewhere, a leading zero before a digit, longer numbers), which
 * `parseDecimalAnyForm` reads. Gives what that gives (a property test checks).
 */
function parsePlain(text: string, decimalSep: DecimalSeparator): Decimal | null {
	const n = text.length;
	if (n === 0 || n > 17) return null;
	let i = text.charCodeAt(0) === C_MINUS ? 1 : 0;
	if (i >= n) return null;
	// '007' is left to the general parser's rules on leading zeros ('0.5' is plain)
	if (text.charCodeAt(i) === C_0 && i + 1 < n && text.charCodeAt(i + 1) !== (decimalSep === ',' ? C_COMMA : C_DOT)) {
		return null;
	}
	const sep = decimalSep === ',' ? C_COMMA : C_DOT;
	let m = 0;
	let digits = 0;
	let point = -1;
	for (; i < n; i++) {
		const dg = text.charCodeAt(i) - C_0;
		if (dg >= 0 && dg <= 9) {
			m = m * 10 + dg;
			digits++;
		} else if (dg === sep - C_0 && point < 0 && digits > 0 && i + 1 < n) point = digits;
		else return null;
	}
	// 15 significant digits and more are rounded and stripped by the general parser
	if (digits >= MAX_SIG) return null;
	const d = point < 0 ? 0 : digits - point;
	if (d > MAX_DECIMALS) return null;
	// the general parser writes zero unsigned
	return { m: m !== 0 && text.charCodeAt(0) === C_MINUS ? -m : m, d };
}

/** `parseDecimal` for every form: trims, drops a formula-safety apostrophe, then the general parser. */
export function parseDecimalAnyForm(text: string, decimalSep: DecimalSeparator): ParsedNumber {
	let i = 0;
	let end = text.length;
	while (i < end && isTrimSpace(text.charCodeAt(i))) i++;
	while (end > i && isTrimSpace(text.charCodeAt(end - 1))) end--;
	if (i >= end) return 'empty';
	if (text.charCodeAt(i) === C_APOS) {
		// formula-safety prefix: the number follows right after it
		if (i + 1 >= end || isTrimSpace(text.charCodeAt(i + 1))) return 'not-a-number';
		i++;
	}
	const r = parseCore(text, i, end, decimalSep);
	if (r !== null) return r;
	return parseSlow(i === 0 && end === text.length ? text : text.slice(i, end), decimalSep);
}

/**
 * Infer a column's decimal separator from sample cells (strings as in the file). Values with both
 * separators vote for the last one; a single ',' followed by 1, 2 or 4+ digits votes ','
 * (likewise '.'); several groups like 1,234,567 vote ',' as thousands → '.' decimal (likewise '.').
 * Majority wins; no votes or a tie → `fallback`.
 */
export function inferDecimalSeparator(samples: readonly string[], fallback: DecimalSeparator): DecimalSeparator {
	let dotVotes = 0;
	let commaVotes = 0;
	for (const s of samples) {
		const v = voteOf(s);
		if (v === '.') dotVotes++;
		else if (v === ',') commaVotes++;
	}
	if (dotVotes > commaVotes) return '.';
	if (commaVotes > dotVotes) return ',';
	return fallback;
}

function voteOf(s: string): DecimalSeparator | null {
	let nDot = 0;
	let nComma = 0;
	let lastDot = -1;
	let lastComma = -1;
	let run = 0; // digits since the last non-digit
	let firstRun = -1; // digits just before the first separator
	let afterAllThree = true; // every run after a separator has exactly 3 digits
	let afterLast = -1; // digits after the most recent separator
	let inAfter = false;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			run++;
			continue;
		}
		if (inAfter) {
			afterLast = run;
			if (run !== 3) afterAllThree = false;
			inAfter = false;
		}
		if (c === C_DOT || c === C_COMMA) {
			if (firstRun < 0) firstRun = run;
			if (c === C_DOT) {
				nDot++;
				lastDot = i;
			} else {
				nComma++;
				lastComma = i;
			}
			inAfter = true;
		}
		run = 0;
	}
	if (inAfter) {
		afterLast = run;
		if (run !== 3) afterAllThree = false;
	}
	if (nDot > 0 && nComma > 0) return lastDot > lastComma ? '.' : ',';
	const count = nDot + nComma;
	if (count === 0) return null;
	const kind: DecimalSeparator = nDot > 0 ? '.' : ',';
	const other: DecimalSeparator = kind === '.' ? ',' : '.';
	if (count === 1) {
		if (afterLast === 1 || afterLast === 2 || afterLast >= 4) return kind;
		return null;
	}
	if (afterAllThree && firstRun >= 1 && firstRun <= 3) return other;
	return null;
}

/**
 * Exact product of two decimals (for quantity × unit price). If the exact mantissa would exceed
 * Number.MAX_SAFE_INTEGER (or need more than 15 decimals), drop decimals with
 * round-half-away-from-zero until it fits; 'too-large' if it cannot fit at d=0.
 */
export function mulDecimal(a: Decimal, b: Decimal): Decimal | 'too-large' {
	const p = a.m * b.m;
	const d = a.d + b.d;
	if (p === 0) return { m: 0, d: Math.min(d, MAX_DECIMALS) };
	// |true product| <= MAX_SAFE ⇔ the float product is exact and <= MAX_SAFE
	if (Math.abs(p) <= MAX_SAFE && d <= MAX_DECIMALS) return { m: p, d };
	if (Math.abs(p) <= MAX_SAFE) {
		// only too many decimals: p is exact, round it
		const k = d - MAX_DECIMALS;
		const q = roundDivPow10(Math.abs(p), k);
		return { m: q === 0 ? 0 : p < 0 ? -q : q, d: q === 0 ? 0 : MAX_DECIMALS };
	}
	const exact = BigInt(a.m) * BigInt(b.m);
	const negative = exact < 0n;
	const mag = negative ? -exact : exact;
	const maxSafe = BigInt(MAX_SAFE);
	for (let k = Math.max(1, d - MAX_DECIMALS); k <= d; k++) {
		const pk = 10n ** BigInt(k);
		let q = mag / pk;
		if (2n * (mag % pk) >= pk) q += 1n;
		if (q <= maxSafe) {
			const m = Number(q);
			return { m: m === 0 ? 0 : negative ? -m : m, d: m === 0 ? 0 : d - k };
		}
	}
	return 'too-large';
}

/**
 * Rescale a decimal to `scale` decimals (round half away from zero when scale < d). Returns the
 * integer mantissa at that scale as a JS number (may be unsafe if huge; caller checks).
 */
export function rescale(x: Decimal, scale: number): number {
	const k = scale - x.d;
	if (k === 0) return x.m;
	if (k > 0) return x.m * (k <= 22 ? POW10[k] : 10 ** k);
	if (x.m === 0) return 0;
	const q = roundDivPow10(Math.abs(x.m), -k);
	return q === 0 ? 0 : x.m < 0 ? -q : q;
}

/** value as a float, for display only */
export function decimalToNumber(x: Decimal): number {
	return x.d === 0 ? x.m : x.m / POW10[x.d];
}
