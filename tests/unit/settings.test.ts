import { describe, expect, it } from 'vitest';
import {
	latestCompleteQuarter,
	parseIsoDay,
	resolvePeriod,
	toClassifySettings,
	DEFAULT_SETTINGS
} from '../../src/lib/state/settings';

const day = (s: string) => parseIsoDay(s)!;

describe('period presets', () => {
	const range: [number, number] = [day('2023-01-05'), day('2024-08-20')];
	const p = (period: (typeof DEFAULT_SETTINGS)['period'], from = '', to = '') =>
		resolvePeriod({ period, periodFrom: from, periodTo: to }, range);

	it('all time is no filter', () => expect(p('all')).toEqual({}));
	it('last 12 months: from the first day of the month 11 months before the last date', () =>
		expect(p('last12')).toEqual({ dateFrom: day('2023-09-01'), dateTo: day('2024-08-20') }));
	it('last 6 months', () => expect(p('last6')).toEqual({ dateFrom: day('2024-03-01'), dateTo: day('2024-08-20') }));
	it('last complete quarter: Q2 when the data ends mid-Q3', () =>
		expect(p('lastQuarter')).toEqual({ dateFrom: day('2024-04-01'), dateTo: day('2024-06-30') }));
	it('calendar year of the last date', () =>
		expect(p('year')).toEqual({ dateFrom: day('2024-01-01'), dateTo: day('2024-12-31') }));
	it('custom range', () =>
		expect(p('custom', '2024-02-01', '2024-02-29')).toEqual({
			dateFrom: day('2024-02-01'),
			dateTo: day('2024-02-29')
		}));
	it('no dates: no filter whatever the preset', () =>
		expect(resolvePeriod({ period: 'last6', periodFrom: '', periodTo: '' }, null)).toEqual({}));

	it('a quarter ending on the last date is complete', () => {
		expect(latestCompleteQuarter(day('2024-06-30'))).toEqual({ from: day('2024-04-01'), to: day('2024-06-30') });
		expect(latestCompleteQuarter(day('2024-01-15'))).toEqual({ from: day('2023-10-01'), to: day('2023-12-31') });
	});

	it('rejects impossible dates', () => {
		expect(parseIsoDay('2024-02-30')).toBeUndefined();
		expect(parseIsoDay('31.01.2024')).toBeUndefined();
	});

	it('toClassifySettings carries the period and the rank basis', () => {
		const s = toClassifySettings({ ...DEFAULT_SETTINGS, preset: 'rank203050', period: 'year' }, range);
		expect(s.basis).toBe('count');
		expect(s.dateFrom).toBe(day('2024-01-01'));
	});
});
