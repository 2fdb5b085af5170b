/** What a form's date input holds, read as a day: the one place the forms of this app parse a typed date. */
import { parseDate } from '../ingest/dates';

/** A date input's text: '' → null; a valid 'YYYY-MM-DD' → day number (days since 1970-01-01); else 'invalid'. */
export function draftDay(text: string): number | null | 'invalid' {
	if (text.trim() === '') return null;
	const d = parseDate(text, 'ymd', false);
	return typeof d === 'number' ? d : 'invalid';
}
