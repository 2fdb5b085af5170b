/** XML text for SpreadsheetML parts: escaping, cell text, column letters and sheet names Excel accepts. */

/** Excel's limit for the text of one cell; longer text is cut there. */
export const MAX_CELL_TEXT = 32_767;
export const MAX_SHEET_NAME = 31;

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 does not allow: C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
const NOT_XML =
	/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
	'\r': '&#13;'
};

/** Anything cellText must change: markup characters, CR, what XML cannot carry, surrogates, a literal `_xHHHH_`. */
const NEEDS_CARE = /[&<>"'\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

/** Escapes text for element content and attribute values; drops characters XML 1.0 cannot carry. */
export function xmlEscape(s: string): string {
	return s.replace(NOT_XML, '').replace(/[&<>"'\r]/g, (c) => XML_ESCAPES[c]);
}

/** `s` cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
	if (s.length <= max) return s;
	let end = max;
	const c = s.charCodeAt(end - 1);
	if (c >= 0xd800 && c <= 0xdbff) end--;
	return s.slice(0, end);
}

/**
 * Cell text: cut to MAX_CELL_TEXT, XML-escaped, and a literal `_xHHHH_` written as `_x005F_xHHHH_`
 * so Excel does not read it as one of its own character escapes.
 */
export function cellText(s: string): string {
	if (s.length <= MAX_CELL_TEXT && !NEEDS_CARE.test(s)) return s;
	return xmlEscape(cut(s, MAX_CELL_TEXT)).replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

/** True when `t` starts or ends with white space, which XML keeps only with xml:space="preserve". */
export function hasEdgeSpace(t: string): boolean {
	return /^\s|\s$/.test(t);
}

/** 0 → A, 25 → Z, 26 → AA … */
export function columnName(index: number): string {
	let s = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/**
 * A name Excel accepts: no []:*?/\ (each becomes _), no control characters, no apostrophe at
 * either end, 1–31 characters, not the reserved "History", unique without regard to case.
 */
export function sanitiseSheetName(name: string, taken: ReadonlySet<string> = new Set(), fallback = 'Sheet'): string {
	let s = name
		.replace(NOT_XML, '')
		.replace(/[\x00-\x1F\x7F]/g, ' ')
		.replace(/[[\]:*?/\\]/g, '_')
		.trim()
		.replace(/^'+|'+$/g, '')
		.trim();
	if (s === '') s = fallback;
	if (s.toUpperCase() === 'HISTORY') s += '_';
	const fit = (t: string, max: number) => cut(t, max).replace(/'+$/, '');
	s = fit(s, MAX_SHEET_NAME);
	const upper = new Set([...taken].map((t) => t.toUpperCase()));
	if (!upper.has(s.toUpperCase())) return s;
	for (let k = 2; ; k++) {
		const suffix = ` (${k})`;
		const candidate = fit(s, MAX_SHEET_NAME - suffix.length) + suffix;
		if (!upper.has(candidate.toUpperCase())) return candidate;
	}
}

/** A sheet name as a formula reference: always quoted, apostrophes doubled ('It''s'). */
export function sheetRef(name: string): string {
	return `'${name.replace(/'/g, "''")}'`;
}
