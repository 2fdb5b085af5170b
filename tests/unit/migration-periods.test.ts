import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../src/lib/core/calendar';
import { DEFAULT_SETTINGS } from '../../src/lib/state/settings';
import { migrationPeriods } from '../../src/lib/state/migration-periods';

const d = daysFromCivil;
const base = DEFAULT_SETTINGS.migration;

describe('migrationPeriods', () => {
	it('no dates, no periods', () => {
		expect(migrationPeriods(base, null)).toBeNull();
	});

	it('halves of the chosen year, or of the last day’s year', () => {
		const range: [number, number] = [d(2023, 1, 1), d(2024, 8, 31)];
		expect(migrationPeriods({ ...base, mode: 'halves' }, range)).toEqual({
			previous: { from: d(2024, 1, 1), to: d(2024, 6, 30) },
			current: { from: d(2024, 7, 1), to: d(2024, 12, 31) }
		});
		expect(migrationPeriods({ ...base, mode: 'halves', year: 2023 }, range)?.previous.from).toBe(d(2023, 1, 1));
	});

	it('custom ranges when all four days are valid and in order, otherwise the default quarters', () => {
		const range: [number, number] = [d(2024, 1, 1), d(2024, 12, 31)];
		const custom = {
			...base,
			mode: 'custom' as const,
			p1From: '2024-01-01',
			p1To: '2024-03-31',
			p2From: '2024-04-01',
			p2To: '2024-06-30'
		};
		expect(migrationPeriods(custom, range)).toEqual({
			previous: { from: d(2024, 1, 1), to: d(2024, 3, 31) },
			current: { from: d(2024, 4, 1), to: d(2024, 6, 30) }
		});
		const reversed = migrationPeriods({ ...custom, p1From: '2024-04-01' }, range);
		const quarters = migrationPeriods(base, range);
		expect(reversed).toEqual(quarters);
		expect(migrationPeriods({ ...custom, p2To: '' }, range)).toEqual(quarters);
		expect(quarters).toEqual({
			previous: { from: d(2024, 7, 1), to: d(2024, 9, 30) },
			current: { from: d(2024, 10, 1), to: d(2024, 12, 31) }
		});
	});
});
