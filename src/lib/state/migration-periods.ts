/**
 * The two periods the Movement tab compares (README "The rules: Movement between periods"), from its settings and
 * the dataset's last day: halves of a year, two custom ranges, or the last two complete quarters.
 */
import { dayToParts } from '../core/calendar';
import { defaultPeriods, halvesOfYear, type Period } from '../engine/migration';
import { parseIsoDay, type UserSettings } from './settings';

/**
 * `range` is the dataset's [first, last] day number (null without dates: no periods). Custom
 * ranges that are incomplete or reversed fall back to the default quarters.
 */
export function migrationPeriods(
	m: UserSettings['migration'],
	range: [number, number] | null
): { previous: Period; current: Period } | null {
	if (!range) return null;
	if (m.mode === 'halves') return halvesOfYear(m.year ?? dayToParts(range[1]).year);
	if (m.mode === 'custom') {
		const [a, b, c, d] = [m.p1From, m.p1To, m.p2From, m.p2To].map(parseIsoDay);
		if (a !== undefined && b !== undefined && c !== undefined && d !== undefined && a <= b && c <= d) {
			return { previous: { from: a, to: b }, current: { from: c, to: d } };
		}
	}
	return defaultPeriods(range[1]);
}
