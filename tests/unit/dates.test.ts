import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { NO_DAY, formatDay, dayToParts, daysFromCivil } from '../../src/lib/core/calendar';
import { parseDate, inferDateFormat } from '../../src/lib/ingest/dates';
import type { DateOrder } from '../../src/lib/ingest/types';

const D = (iso: string): number => {
	const [y, m, d] = iso.split('-').map(Number);
	return daysFromCivil(y, m, d);
};

describe('civil-date arithmetic', () => {
	it('daysFromCivil: known day numbers', () => {
		expect(daysFromCivil(1970, 1, 1)).toBe(0);
		expect(daysFromCivil(1970, 1, 2)).toBe(1);
		expect(daysFromCivil(1969, 12, 31)).toBe(-1);
		expect(daysFromCivil(2000, 1, 1)).toBe(10957);
		expect(daysFromCivil(2000, 3, 1)).toBe(11017);
		expect(daysFromCivil(2024, 1, 1)).toBe(19723);
		expect(daysFromCivil(2024, 2, 29)).toBe(19782);
		expect(daysFromCivil(1900, 1, 1)).toBe(-25567);
		expect(daysFromCivil(2200, 12, 31)).toBe(84370);
	});

	it('agrees with Date.UTC over a wide range', () => {
		for (let day = -30000; day <= 90000; day += 7) {
			const t = new Date(day * 86400000);
			expect(daysFromCivil(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())).toBe(day);
			expect(dayToParts(day)).toEqual({
				year: t.getUTCFullYear(),
				month: t.getUTCMonth() + 1,
				day: t.getUTCDate()
			});
		}
	});

	it('dayToParts', () => {
		expect(dayToParts(0)).toEqual({ year: 1970, month: 1, day: 1 });
		expect(dayToParts(19723)).toEqual({ year: 2024, month: 1, day: 1 });
		expect(dayToParts(19782)).toEqual({ year: 2024, month: 2, day: 29 });
		expect(dayToParts(-1)).toEqual({ year: 1969, month: 12, day: 31 });
	});

	it('formatDay', () => {
		expect(formatDay(0)).toBe('1970-01-01');
		expect(formatDay(19723)).toBe('2024-01-01');
		expect(formatDay(19782)).toBe('2024-02-29');
		expect(formatDay(-25567)).toBe('1900-01-01');
		expect(formatDay(84370)).toBe('2200-12-31');
	});

	it('NO_DAY is the Int32 minimum', () => {
		expect(NO_DAY).toBe(-2147483648);
		expect(new Int32Array([NO_DAY])[0]).toBe(NO_DAY);
	});
});

describe('parseDate: ISO and year-first', () => {
	it.each<[string, string]>([
		['2024-01-31', '2024-01-31'],
		['2024-01-01', '2024-01-01'],
		['1970-01-01', '1970-01-01'],
		['2024-1-5', '2024-01-05'],
		['2024/01/31', '2024-01-31'],
		['2024.01.31', '2024-01-31'],
		['2024-01-31T10:20:30Z', '2024-01-31'],
		['2024-01-31T10:20:30.123Z', '2024-01-31'],
		['2024-01-31T23:59:59+03:00', '2024-01-31'],
		['2024-01-31T23:59:59-0500', '2024-01-31'],
		['2024-01-31T10:20', '2024-01-31'],
		['2024-01-31 10:20', '2024-01-31'],
		['2024-01-31 10:20:30', '2024-01-31'],
		['2024-01-31 00:00:00.000', '2024-01-31'],
		['2024-01-31 10:20:30 UTC', '2024-01-31'],
		['  2024-01-31  ', '2024-01-31']
	])('%j → %s', (text, iso) => {
		expect(parseDate(text, 'dmy', false)).toBe(D(iso));
		expect(parseDate(text, 'mdy', false)).toBe(D(iso)); // year-first ignores the order
	});

	it('exact day numbers', () => {
		expect(parseDate('1970-01-01', 'dmy', false)).toBe(0);
		expect(parseDate('2024-01-01', 'dmy', false)).toBe(19723);
	});
});

describe('parseDate: day/month orders', () => {
	it.each<[string, DateOrder, string]>([
		['31.01.2024', 'dmy', '2024-01-31'],
		['31.01.24', 'dmy', '2024-01-31'],
		['1.2.2024', 'dmy', '2024-02-01'],
		['01.02.2024', 'mdy', '2024-01-02'],
		['1/31/2024', 'mdy', '2024-01-31'],
		['31/01/2024', 'dmy', '2024-01-31'],
		['31-01-2024', 'dmy', '2024-01-31'],
		['01-31-2024', 'mdy', '2024-01-31'],
		['1/2/2024', 'dmy', '2024-02-01'],
		['1/2/2024', 'mdy', '2024-01-02'],
		['12/1/2010 8:26', 'mdy', '2010-12-01'],
		['12/1/2010 8:26', 'dmy', '2010-01-12'],
		['31.01.2024 10:20:30', 'dmy', '2024-01-31'],
		['31.01.2024 10:20', 'dmy', '2024-01-31'],
		['1/2/2024 3:04 PM', 'mdy', '2024-01-02'],
		['1/2/2024 3:04:05 am', 'mdy', '2024-01-02'],
		['1/2/2024 12:00 p.m.', 'mdy', '2024-01-02'],
		['1/2/2024, 3:04 PM', 'mdy', '2024-01-02'],
		['31.01.2024 г.', 'dmy', '2024-01-31'],
		['31.01.2024г.', 'dmy', '2024-01-31'],
		['24-01-31', 'ymd', '2024-01-31'],
		['31.01.2024', 'ymd', '2024-01-31'] // 4-digit last field is the year
	])('%j (%s) → %s', (text, order, iso) => {
		expect(parseDate(text, order, false)).toBe(D(iso));
	});

	it('two-digit years: 00–69 → 20xx, 70–99 → 19xx', () => {
		expect(parseDate('01.01.00', 'dmy', false)).toBe(D('2000-01-01'));
		expect(parseDate('31.12.69', 'dmy', false)).toBe(D('2069-12-31'));
		expect(parseDate('01.01.70', 'dmy', false)).toBe(D('1970-01-01'));
		expect(parseDate('31.12.99', 'dmy', false)).toBe(D('1999-12-31'));
		expect(parseDate('6/15/85', 'mdy', false)).toBe(D('1985-06-15'));
	});

	it('the order is strict: a swapped value is invalid, not auto-corrected', () => {
		expect(parseDate('1/31/2024', 'dmy', false)).toBe('invalid');
		expect(parseDate('31/01/2024', 'mdy', false)).toBe('invalid');
	});
});

describe('parseDate: month names', () => {
	it.each<[string, string]>([
		['15 Jan 2024', '2024-01-15'],
		['15 jan 2024', '2024-01-15'],
		['15 JAN 2024', '2024-01-15'],
		['Jan 15, 2024', '2024-01-15'],
		['Jan 15 2024', '2024-01-15'],
		['15-Jan-2024', '2024-01-15'],
		['15-Jan-24', '2024-01-15'],
		['15.Jan.2024', '2024-01-15'],
		['15 Jan. 2024', '2024-01-15'],
		['January 15 2024', '2024-01-15'],
		['January 15, 2024', '2024-01-15'],
		['Sept 3, 2024', '2024-09-03'],
		['May 1st, 2024', '2024-05-01'],
		['1 May 2024', '2024-05-01'],
		['Mon, 15 Jan 2024 10:20:30 +0000', '2024-01-15'],
		['Monday, January 15, 2024', '2024-01-15'],
		['Jan 15, 2024 3:04 PM', '2024-01-15'],
		['15 Jan 2024 10:20', '2024-01-15'],
		['15 января 2024', '2024-01-15'],
		['15 Января 2024', '2024-01-15'],
		['15 янв 2024', '2024-01-15'],
		['15 янв. 2024', '2024-01-15'],
		['15 январь 2024 г.', '2024-01-15'],
		['15 января 2024 года', '2024-01-15'],
		['1 мая 2024', '2024-05-01'],
		['3 сентября 2024 г. 10:00', '2024-09-03'],
		['29 февраля 2024', '2024-02-29'],
		['31 декабря 2023', '2023-12-31']
	])('%j → %s', (text, iso) => {
		expect(parseDate(text, 'dmy', false)).toBe(D(iso));
		expect(parseDate(text, 'mdy', false)).toBe(D(iso));
	});

	it.each([
		'15 Foo 2024',
		'Foo 15, 2024',
		'Blah, 15 Jan 2024',
		'32 Jan 2024',
		'30 February 2024',
		'15 Jan 20245',
		'15 Jan',
		'Jan 2024',
		'15 Jan 2024 garbage',
		'15 Jan 2024 25:00'
	])('%j → invalid', (text) => {
		expect(parseDate(text, 'dmy', false)).toBe('invalid');
	});
});

describe('parseDate: Excel serials', () => {
	it('only when allowSerial is true', () => {
		expect(parseDate('25569', 'dmy', true)).toBe(0);
		expect(parseDate('45292', 'dmy', true)).toBe(19723);
		expect(parseDate('45292', 'dmy', false)).toBe('invalid');
	});

	it('drops the time fraction', () => {
		expect(parseDate('45292.75', 'dmy', true)).toBe(19723);
		expect(parseDate('45292,5', 'dmy', true)).toBe(19723);
		expect(parseDate('45292.75', 'dmy', false)).toBe('invalid');
	});

	it("handles Excel's 1900 leap-year bug at the low end", () => {
		expect(parseDate('1', 'dmy', true)).toBe(D('1900-01-01'));
		expect(parseDate('59', 'dmy', true)).toBe(D('1900-02-28'));
		expect(parseDate('60', 'dmy', true)).toBe('invalid'); // fictitious 1900-02-29
		expect(parseDate('61', 'dmy', true)).toBe(D('1900-03-01'));
	});

	it('range checks', () => {
		expect(parseDate('0', 'dmy', true)).toBe('invalid');
		expect(parseDate('2958465', 'dmy', true)).toBe('invalid'); // 9999-12-31: outside 1900–2200
		expect(parseDate('2958466', 'dmy', true)).toBe('invalid');
		expect(parseDate(String(84370 + 25569), 'dmy', true)).toBe(D('2200-12-31'));
		expect(parseDate(String(84371 + 25569), 'dmy', true)).toBe('invalid');
		expect(parseDate('123456789012', 'dmy', true)).toBe('invalid');
	});

	it('non-serial dates still parse with allowSerial', () => {
		expect(parseDate('2024-01-31', 'dmy', true)).toBe(D('2024-01-31'));
		expect(parseDate('31.01.2024', 'dmy', true)).toBe(D('2024-01-31'));
	});
});

describe('parseDate: errors', () => {
	it.each(['', '   ', '\t', '\u00a0'])('%j → empty', (text) => {
		expect(parseDate(text, 'dmy', true)).toBe('empty');
	});

	it.each<[string, DateOrder]>([
		['31.02.2024', 'dmy'],
		['29.02.2023', 'dmy'],
		['30.02.2024', 'dmy'],
		['31.04.2024', 'dmy'],
		['00.01.2024', 'dmy'],
		['01.00.2024', 'dmy'],
		['01.13.2024', 'dmy'],
		['13/01/2024', 'mdy'],
		['2024-02-30', 'dmy'],
		['2024-13-01', 'dmy'],
		['2023-02-29', 'dmy'],
		['1899-12-31', 'dmy'],
		['2201-01-01', 'dmy'],
		['01.01.1899', 'dmy'],
		['01.01.2201', 'dmy'],
		['31.01.202', 'dmy'],
		['31.01.2', 'dmy'],
		['31.01.20245', 'dmy'],
		['31.01-2024', 'dmy'],
		['2024-01/31', 'dmy'],
		['2024-01', 'dmy'],
		['2024', 'dmy'],
		['123.01.2024', 'dmy'],
		['31.001.2024', 'dmy'],
		['2024-01-311', 'dmy'],
		['2024-01-31x', 'dmy'],
		['2024-01-3110:20', 'dmy'],
		['2024-01-31T', 'dmy'],
		['2024-01-31 25:00', 'dmy'],
		['2024-01-31 10:60', 'dmy'],
		['2024-01-31 10:2', 'dmy'],
		['2024-01-31 13:00 PM', 'dmy'],
		['2024-01-31 10', 'dmy'],
		['31 01 2024', 'dmy'],
		['abc', 'dmy'],
		['n/a', 'dmy'],
		['-', 'dmy'],
		['45292', 'dmy']
	])('%j (%s) → invalid', (text, order) => {
		expect(parseDate(text, order, false)).toBe('invalid');
	});

	it('accepts leap days in leap years only', () => {
		expect(parseDate('29.02.2024', 'dmy', false)).toBe(D('2024-02-29'));
		expect(parseDate('29.02.2000', 'dmy', false)).toBe(D('2000-02-29'));
		expect(parseDate('29.02.1900', 'dmy', false)).toBe('invalid');
		expect(parseDate('29.02.2100', 'dmy', false)).toBe('invalid');
	});

	it('accepts the year bounds', () => {
		expect(parseDate('1900-01-01', 'dmy', false)).toBe(-25567);
		expect(parseDate('2200-12-31', 'dmy', false)).toBe(84370);
	});
});

describe('inferDateFormat', () => {
	it('a first field > 12 means dmy', () => {
		expect(inferDateFormat(['01/02/2024', '13/02/2024'], 'mdy')).toEqual({
			order: 'dmy',
			serial: false
		});
		expect(inferDateFormat(['1-2-2024', '25-12-2024'], 'mdy').order).toBe('dmy');
	});

	it('a second field > 12 means mdy', () => {
		expect(inferDateFormat(['01/02/2024', '12/31/2024'], 'dmy').order).toBe('mdy');
		expect(inferDateFormat(['01.02.2024', '12.31.2024'], 'dmy').order).toBe('mdy');
		expect(inferDateFormat(['12/1/2010 8:26', '12/13/2010 9:00'], 'dmy').order).toBe('mdy');
	});

	it('first > 12 wins over second > 12', () => {
		expect(inferDateFormat(['13/01/2024', '01/13/2024'], 'mdy').order).toBe('dmy');
	});

	it('ambiguous samples: "." → dmy, "/" → mdy, otherwise the fallback', () => {
		expect(inferDateFormat(['01.02.2024', '03.04.2024'], 'mdy').order).toBe('dmy');
		expect(inferDateFormat(['01/02/2024', '03/04/2024'], 'dmy').order).toBe('mdy');
		expect(inferDateFormat(['01-02-2024', '03-04-2024'], 'dmy').order).toBe('dmy');
		expect(inferDateFormat(['01-02-2024', '03-04-2024'], 'mdy').order).toBe('mdy');
	});

	it('ISO and month-name samples do not vote', () => {
		expect(inferDateFormat(['2024-01-31', '2024-12-13'], 'mdy').order).toBe('mdy');
		expect(inferDateFormat(['2024/01/31', '15 Jan 2024'], 'dmy').order).toBe('dmy');
		expect(inferDateFormat([], 'dmy')).toEqual({ order: 'dmy', serial: false });
	});

	it('detects Excel serial columns (>= 80 % of non-empty samples in 20000..80000)', () => {
		expect(inferDateFormat(['45292', '45293.5', '', '45300,25'], 'dmy')).toEqual({
			order: 'dmy',
			serial: true
		});
		expect(inferDateFormat(['45292', '45293', '45294', '45295', 'n/a'], 'dmy').serial).toBe(true);
		expect(inferDateFormat(['45292', '45293', '45294', 'n/a', 'n/a'], 'dmy').serial).toBe(false);
		expect(inferDateFormat(['45292', '123', '45294'], 'dmy').serial).toBe(false);
		expect(inferDateFormat(['19999', '80001'], 'dmy').serial).toBe(false);
		expect(inferDateFormat(['', '  '], 'dmy').serial).toBe(false);
	});
});

describe('round-trip properties', () => {
	const MIN = daysFromCivil(1900, 1, 1);
	const MAX = daysFromCivil(2200, 12, 31);
	const p2 = (n: number) => String(n).padStart(2, '0');

	it('dayToParts / daysFromCivil / formatDay are inverse', () => {
		fc.assert(
			fc.property(fc.integer({ min: -800000, max: 800000 }), (day) => {
				const { year, month, day: dd } = dayToParts(day);
				expect(daysFromCivil(year, month, dd)).toBe(day);
				expect(month).toBeGreaterThanOrEqual(1);
				expect(month).toBeLessThanOrEqual(12);
			}),
			{ numRuns: 2000 }
		);
	});

	it('ISO, dd.mm.yyyy and m/d/yyyy round-trip through parseDate', () => {
		fc.assert(
			fc.property(fc.integer({ min: MIN, max: MAX }), fc.boolean(), (day, withTime) => {
				const { year, month, day: dd } = dayToParts(day);
				const time = withTime ? ' 13:45:07' : '';
				const iso = `${year}-${p2(month)}-${p2(dd)}`;
				expect(formatDay(day)).toBe(iso);
				expect(parseDate(iso + (withTime ? 'T13:45:07Z' : ''), 'mdy', false)).toBe(day);
				expect(parseDate(`${p2(dd)}.${p2(month)}.${year}${time}`, 'dmy', false)).toBe(day);
				expect(parseDate(`${month}/${dd}/${year}${time}`, 'mdy', false)).toBe(day);
				expect(parseDate(`${dd}/${month}/${year}`, 'dmy', false)).toBe(day);
				expect(daysFromCivil(year, month, dd)).toBe(day);
			}),
			{ numRuns: 3000 }
		);
	});

	it('Excel serials round-trip', () => {
		fc.assert(
			fc.property(fc.integer({ min: daysFromCivil(1900, 3, 1), max: MAX }), (day) => {
				expect(parseDate(String(day + 25569), 'dmy', true)).toBe(day);
			})
		);
	});
});
