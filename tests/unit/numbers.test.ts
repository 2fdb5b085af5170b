import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	parseDecimal,
	inferDecimalSeparator,
	mulDecimal,
	rescale,
	decimalToNumber,
	type ParsedNumber
} from '../../src/lib/ingest/numbers';
import type { Decimal, DecimalSeparator } from '../../src/lib/ingest/types';

const dec = (m: number, d: number): Decimal => ({ m, d });

function expectDecimal(r: ParsedNumber): Decimal {
	if (typeof r === 'string') throw new Error(`expected a decimal, got '${r}'`);
	return r;
}

describe('parseDecimal: plain numbers', () => {
	it.each<[string, DecimalSeparator, Decimal]>([
		['1199.66', '.', dec(119966, 2)],
		['0', '.', dec(0, 0)],
		['7', ',', dec(7, 0)],
		['-30', '.', dec(-30, 0)],
		['+12', '.', dec(12, 0)],
		['0.1', '.', dec(1, 1)],
		['0.05', '.', dec(5, 2)],
		['1.50', '.', dec(150, 2)],
		['0.00', '.', dec(0, 2)],
		['.5', '.', dec(5, 1)],
		['-.5', '.', dec(-5, 1)],
		[',5', ',', dec(5, 1)],
		['12,5', ',', dec(125, 1)],
		['-0,75', ',', dec(-75, 2)],
		['1.', '.', dec(1, 0)],
		['007', '.', dec(7, 0)],
		['\u22125', '.', dec(-5, 0)],
		['- 100', '.', dec(-100, 0)],
		['  42.5\t', '.', dec(425, 1)],
		['\u00a042\u00a0', '.', dec(42, 0)]
	])('%j (sep %s) → %j', (text, sep, expected) => {
		expect(parseDecimal(text, sep)).toEqual(expected);
	});

	it('normalises -0 to 0', () => {
		const r = expectDecimal(parseDecimal('-0', '.'));
		expect(r).toEqual(dec(0, 0));
		expect(Object.is(r.m, -0)).toBe(false);
		expect(Object.is(expectDecimal(parseDecimal('-0.00', '.')).m, -0)).toBe(false);
		expect(Object.is(expectDecimal(parseDecimal('(0)', '.')).m, -0)).toBe(false);
	});
});

describe('parseDecimal: thousands separators', () => {
	it.each<[string, DecimalSeparator, Decimal]>([
		['1 751,83', ',', dec(175183, 2)],
		['1\u00a0751,83', ',', dec(175183, 2)],
		['1\u202f751,83', ',', dec(175183, 2)],
		['1\u2009751,83', ',', dec(175183, 2)],
		['1 751,83', '.', dec(175183, 2)], // comma is last and single → decimal
		['12 345 678', '.', dec(12345678, 0)],
		['1 234.5', '.', dec(12345, 1)],
		["1'234.50", '.', dec(123450, 2)],
		["1'234'567", '.', dec(1234567, 0)],
		['1\u2019234.50', '.', dec(123450, 2)],
		['1,234.56', '.', dec(123456, 2)],
		['1,234.5', '.', dec(12345, 1)],
		['1,234', '.', dec(1234, 0)],
		['1,234,567', '.', dec(1234567, 0)],
		['1,234,567.891', '.', dec(1234567891, 3)],
		['1.234,56', ',', dec(123456, 2)],
		['1.234.567,5', ',', dec(12345675, 1)],
		['1.234', ',', dec(1234, 0)],
		['1.234.567', ',', dec(1234567, 0)],
		['-1.234,5', ',', dec(-12345, 1)]
	])('%j (sep %s) → %j', (text, sep, expected) => {
		expect(parseDecimal(text, sep)).toEqual(expected);
	});

	it('resolves values with both separators per value: the last one is the decimal point', () => {
		expect(parseDecimal('1,234.56', ',')).toEqual(dec(123456, 2));
		expect(parseDecimal('1.234,56', '.')).toEqual(dec(123456, 2));
		expect(parseDecimal('1 234.567,8', '.')).toEqual(dec(12345678, 1));
	});

	it("with decimalSep ',' a '.' not followed by exactly 3 digits is the decimal point", () => {
		expect(parseDecimal('1.5', ',')).toEqual(dec(15, 1));
		expect(parseDecimal('1.25', ',')).toEqual(dec(125, 2));
		expect(parseDecimal('1.2345', ',')).toEqual(dec(12345, 4));
		expect(parseDecimal('1234.567', ',')).toEqual(dec(1234567, 3)); // 4-digit first group
		expect(parseDecimal('0.123', ',')).toEqual(dec(123, 3)); // leading zero: not grouping
	});

	it("with decimalSep '.' a ',' that is not valid grouping is the decimal point", () => {
		expect(parseDecimal('1,5', '.')).toEqual(dec(15, 1));
		expect(parseDecimal('0,123', '.')).toEqual(dec(123, 3));
		expect(parseDecimal('12,34', '.')).toEqual(dec(1234, 2));
	});

	it('the column separator itself: once = decimal point, repeated = grouping', () => {
		expect(parseDecimal('1.234', '.')).toEqual(dec(1234, 3));
		expect(parseDecimal('1,234', ',')).toEqual(dec(1234, 3));
		expect(parseDecimal('1.234.567', '.')).toEqual(dec(1234567, 0));
	});

	it.each<[string, DecimalSeparator]>([
		['1.2.3', '.'],
		['1.2.3', ','],
		['1,2,3', '.'],
		['12,34,567', '.'], // Indian grouping is not supported
		['1,234.5.6', '.'],
		['1.234,5,6', ','],
		['1,234.56,7', '.'],
		['12 34', '.'],
		['1 23,5', ','],
		['1234 567', '.'],
		['0 123', '.'],
		['1,,234', '.'],
		['1,234 .5', '.'],
		['1.234,56 7', ','],
		['.', '.'],
		[',', ','],
		["'", '.']
	])('rejects malformed grouping %j (sep %s)', (text, sep) => {
		expect(parseDecimal(text, sep)).toBe('not-a-number');
	});
});

describe('parseDecimal: negatives', () => {
	it.each<[string, DecimalSeparator, Decimal]>([
		['(123.45)', '.', dec(-12345, 2)],
		['( 123,45 )', ',', dec(-12345, 2)],
		['(1,234.50)', '.', dec(-123450, 2)],
		['123-', '.', dec(-123, 0)],
		['1 234,5-', ',', dec(-12345, 1)],
		['123.4 -', '.', dec(-1234, 1)],
		['(-5)', '.', dec(-5, 0)] // still negative, not a double negation
	])('%j (sep %s) → %j', (text, sep, expected) => {
		expect(parseDecimal(text, sep)).toEqual(expected);
	});

	it.each(['(123', '123)', '-(5)', '--5', '-5-', '+-5', '+', '()', '5 - 3'])('rejects %j', (text) => {
		expect(parseDecimal(text, '.')).toBe('not-a-number');
	});
});

describe('parseDecimal: currency', () => {
	it.each<[string, DecimalSeparator, Decimal]>([
		['$100', '.', dec(100, 0)],
		['$ 100', '.', dec(100, 0)],
		['100$', '.', dec(100, 0)],
		['100 $', '.', dec(100, 0)],
		['-$100', '.', dec(-100, 0)],
		['$-100', '.', dec(-100, 0)],
		['($1,234.50)', '.', dec(-123450, 2)],
		['$(12.00)', '.', dec(-1200, 2)],
		['US$ 12.5', '.', dec(125, 1)],
		['€1.234,56', ',', dec(123456, 2)],
		['1.234,56 €', ',', dec(123456, 2)],
		['1 234,56 ₽', ',', dec(123456, 2)],
		['1\u00a0234,56\u00a0₽', ',', dec(123456, 2)],
		['1234 руб.', ',', dec(1234, 0)],
		['1234руб', ',', dec(1234, 0)],
		['1 234,50 руб', ',', dec(123450, 2)],
		['1234 р.', ',', dec(1234, 0)],
		['1234 Руб.', ',', dec(1234, 0)],
		['RUB 100', '.', dec(100, 0)],
		['100 USD', '.', dec(100, 0)],
		['100 usd', '.', dec(100, 0)],
		['100USD', '.', dec(100, 0)],
		['EUR 1.234,56', ',', dec(123456, 2)],
		['-12,5 EUR', ',', dec(-125, 1)],
		['£9.99', '.', dec(999, 2)],
		['12,50 lei', ',', dec(1250, 2)],
		['250 грн', ',', dec(250, 0)],
		['250 грн.', ',', dec(250, 0)],
		['₴250', ',', dec(250, 0)],
		['¥1,000', '.', dec(1000, 0)],
		['1 000 KGS', ',', dec(1000, 0)],
		['CHF 1\u2019234.50', '.', dec(123450, 2)],
		['100 eur', '.', dec(100, 0)],
		['100eur', '.', dec(100, 0)]
	])('%j (sep %s) → %j', (text, sep, expected) => {
		expect(parseDecimal(text, sep)).toEqual(expected);
	});
});

describe('parseDecimal: scientific notation', () => {
	it.each<[string, DecimalSeparator, Decimal]>([
		['1.5E+05', '.', dec(150000, 0)],
		['1.5e5', '.', dec(150000, 0)],
		['1,5E+05', ',', dec(150000, 0)],
		['1e-3', '.', dec(1, 3)],
		['2.5E-2', '.', dec(25, 3)],
		['-1.25e1', '.', dec(-125, 1)],
		['1.50e1', '.', dec(150, 1)],
		['0e5', '.', dec(0, 0)],
		['1E0', '.', dec(1, 0)],
		['9E15', '.', dec(9e15, 0)],
		['1e-15', '.', dec(1, 15)],
		['1.5e-15', '.', dec(2, 15)], // capped at 15 decimals, half away from zero
		['-1.5e-15', '.', dec(-2, 15)],
		['1.4e-15', '.', dec(1, 15)],
		['1e-16', '.', dec(0, 0)],
		['1e-400', '.', dec(0, 0)],
		['$1.5E+03', '.', dec(1500, 0)]
	])('%j (sep %s) → %j', (text, sep, expected) => {
		expect(parseDecimal(text, sep)).toEqual(expected);
	});

	it('too large', () => {
		expect(parseDecimal('1e400', '.')).toBe('too-large');
		expect(parseDecimal('1E16', '.')).toBe('too-large');
		expect(parseDecimal('-1e99999999999', '.')).toBe('too-large');
	});

	it.each(['1e', '1e+', 'e5', '1e5.5', '1e5e5'])('rejects %j', (text) => {
		expect(parseDecimal(text, '.')).toBe('not-a-number');
	});
});

describe('parseDecimal: precision', () => {
	it('rounds Excel float noise to 15 significant digits and drops the zeros this produced', () => {
		expect(parseDecimal('1235.6699999999998', '.')).toEqual(dec(123567, 2));
		expect(parseDecimal('0.30000000000000004', '.')).toEqual(dec(3, 1));
		expect(parseDecimal('-1235.6699999999998', '.')).toEqual(dec(-123567, 2));
		expect(parseDecimal('1235,6699999999998', ',')).toEqual(dec(123567, 2));
	});

	it('a 15-significant-digit value with trailing zero decimals is normalised too', () => {
		expect(parseDecimal('1235.67000000000', '.')).toEqual(dec(123567, 2));
	});

	it('keeps the decimals as written below 15 significant digits', () => {
		expect(parseDecimal('1235.670', '.')).toEqual(dec(1235670, 3));
	});

	it('rounds half away from zero at the 16th significant digit', () => {
		expect(parseDecimal('0.1234567890123455', '.')).toEqual(dec(123456789012346, 15));
		expect(parseDecimal('0.1234567890123454', '.')).toEqual(dec(123456789012345, 15));
		expect(parseDecimal('-0.1234567890123455', '.')).toEqual(dec(-123456789012346, 15));
		expect(parseDecimal('9.9999999999999999', '.')).toEqual(dec(10, 0));
		expect(parseDecimal('999999999999999.5', '.')).toEqual(dec(1000000000000000, 0));
	});

	it('large integers: exact up to 15 digits, rounded to 15 significant digits beyond', () => {
		expect(parseDecimal('123456789012345', '.')).toEqual(dec(123456789012345, 0));
		expect(parseDecimal('1234567890123456', '.')).toEqual(dec(1234567890123460, 0));
		expect(parseDecimal('9007199254740991', '.')).toEqual(dec(9007199254740990, 0));
		expect(parseDecimal('12345678901234567', '.')).toBe('too-large');
		expect(parseDecimal('99999999999999999999', '.')).toBe('too-large');
	});

	it('caps decimals at 15', () => {
		expect(parseDecimal('0.0000000000000004', '.')).toEqual(dec(0, 0));
		expect(parseDecimal('0.0000000000000005', '.')).toEqual(dec(1, 15));
		expect(parseDecimal('0.00000000000000000000', '.')).toEqual(dec(0, 15));
	});

	it('is exact: 0.1 + 0.2 === 0.3 on mantissas at a common scale', () => {
		const a = expectDecimal(parseDecimal('0.1', '.'));
		const b = expectDecimal(parseDecimal('0,2', ','));
		const c = expectDecimal(parseDecimal('0.30', '.'));
		const scale = 2;
		expect(rescale(a, scale) + rescale(b, scale)).toBe(rescale(c, scale));
		expect(rescale(a, scale) + rescale(b, scale)).toBe(30);
	});

	it('is exact for sums of many cents', () => {
		let sum = 0;
		for (let i = 0; i < 1000; i++) sum += rescale(expectDecimal(parseDecimal('0.01', '.')), 2);
		expect(sum).toBe(1000);
		expect(rescale(expectDecimal(parseDecimal('10', '.')), 2)).toBe(sum);
	});
});

describe('parseDecimal: errors', () => {
	it.each(['', '   ', '\t', '\u00a0', '\u202f \u00a0'])('%j → empty', (text) => {
		expect(parseDecimal(text, '.')).toBe('empty');
	});

	it.each(['-', ' - ', '$ -', '–', '€ —'])('a lone dash placeholder %j → empty', (text) => {
		expect(parseDecimal(text, '.')).toBe('empty');
	});

	it.each([
		'12%',
		'12 %',
		'-3.5%',
		'%12',
		'5‰',
		'NaN',
		'nan',
		'Infinity',
		'-Infinity',
		'inf',
		'abc',
		'12abc',
		'12 kg',
		'1.2.3',
		'USD',
		'$',
		'руб.',
		'1/2',
		'12:30',
		'#N/A',
		'#VALUE!',
		'0x1F',
		'1_000'
	])('%j → not-a-number', (text) => {
		expect(parseDecimal(text, '.')).toBe('not-a-number');
	});
});

describe('inferDecimalSeparator', () => {
	it('values with both separators vote for the last one', () => {
		expect(inferDecimalSeparator(['1.234,56'], '.')).toBe(',');
		expect(inferDecimalSeparator(['1,234.56'], ',')).toBe('.');
	});

	it('a single separator followed by 1, 2 or 4+ digits votes for itself', () => {
		expect(inferDecimalSeparator(['1,5'], '.')).toBe(',');
		expect(inferDecimalSeparator(['12,50'], '.')).toBe(',');
		expect(inferDecimalSeparator(['0,1234'], '.')).toBe(',');
		expect(inferDecimalSeparator(['1.5'], ',')).toBe('.');
		expect(inferDecimalSeparator(['12.50'], ',')).toBe('.');
		expect(inferDecimalSeparator(['3.14159'], ',')).toBe('.');
		expect(inferDecimalSeparator(['1 234,56 ₽'], '.')).toBe(',');
		expect(inferDecimalSeparator(['$1.5E+05'], ',')).toBe('.');
	});

	it('a single separator followed by exactly 3 digits does not vote', () => {
		expect(inferDecimalSeparator(['1,234'], '.')).toBe('.');
		expect(inferDecimalSeparator(['1,234'], ',')).toBe(',');
		expect(inferDecimalSeparator(['1.234'], '.')).toBe('.');
		expect(inferDecimalSeparator(['1.234'], ',')).toBe(',');
	});

	it('several groups of three vote for the other separator', () => {
		expect(inferDecimalSeparator(['1,234,567'], ',')).toBe('.');
		expect(inferDecimalSeparator(['1.234.567'], '.')).toBe(',');
		expect(inferDecimalSeparator(['12.34.56'], '.')).toBe('.'); // not groups of three: no vote
	});

	it('returns the fallback without votes', () => {
		expect(inferDecimalSeparator([], ',')).toBe(',');
		expect(inferDecimalSeparator(['100', '-30', '', 'abc'], '.')).toBe('.');
		expect(inferDecimalSeparator(['100', '-30', '', 'abc'], ',')).toBe(',');
	});

	it('majority wins, a tie gives the fallback', () => {
		expect(inferDecimalSeparator(['1,5', '2,25', '3.5', '100', '1,234'], '.')).toBe(',');
		expect(inferDecimalSeparator(['1,5', '3.5'], '.')).toBe('.');
		expect(inferDecimalSeparator(['1,5', '3.5'], ',')).toBe(',');
	});

	it('typical columns', () => {
		expect(inferDecimalSeparator(['1199.66', '15.3', '2,000.00', '7'], ',')).toBe('.');
		expect(inferDecimalSeparator(['1 751,83', '12,5', '3 000', '7'], '.')).toBe(',');
	});
});

describe('mulDecimal', () => {
	it('multiplies exactly', () => {
		expect(mulDecimal(dec(3, 0), dec(1999, 2))).toEqual(dec(5997, 2));
		expect(mulDecimal(dec(15, 1), dec(25, 1))).toEqual(dec(375, 2));
		expect(mulDecimal(dec(-2, 0), dec(125, 2))).toEqual(dec(-250, 2));
		expect(mulDecimal(dec(-2, 0), dec(-125, 2))).toEqual(dec(250, 2));
	});

	it('0.1 × 3 is exactly 0.3', () => {
		const r = mulDecimal(dec(1, 1), dec(3, 0));
		expect(r).toEqual(dec(3, 1));
	});

	it('normalises -0', () => {
		const r = mulDecimal(dec(-5, 0), dec(0, 2));
		expect(r).toEqual(dec(0, 2));
		expect(Object.is((r as Decimal).m, -0)).toBe(false);
	});

	it('drops decimals with half-away-from-zero rounding when the mantissa would be unsafe', () => {
		// 9007199254740991 × 3 = 27021597764222973 → 2702159776422297.3 at d-1
		expect(mulDecimal(dec(9007199254740991, 2), dec(3, 1))).toEqual(dec(2702159776422297, 2));
		// 1234567890123.45 × 1234.5 = 1524074060357399.025: only d=0 fits
		expect(mulDecimal(dec(123456789012345, 2), dec(12345, 1))).toEqual(dec(1524074060357399, 0));
		expect(mulDecimal(dec(-123456789012345, 2), dec(12345, 1))).toEqual(dec(-1524074060357399, 0));
		// half away from zero: 450000000000000.05 → 4500000000000000.5 at d=1 → 4500000000000001
		expect(mulDecimal(dec(9000000000000001, 1), dec(5, 1))).toEqual(dec(4500000000000001, 1));
		expect(mulDecimal(dec(-9000000000000001, 1), dec(5, 1))).toEqual(dec(-4500000000000001, 1));
	});

	it('caps decimals at 15 (half away from zero)', () => {
		// 0.0000123456 × 0.0000005 = 0.00000000000617280 (d=17) → 0.000000000006173
		expect(mulDecimal(dec(123456, 10), dec(5, 7))).toEqual(dec(6173, 15));
		expect(mulDecimal(dec(-123456, 10), dec(5, 7))).toEqual(dec(-6173, 15));
		expect(mulDecimal(dec(1, 10), dec(1, 10))).toEqual(dec(0, 0));
	});

	it("returns 'too-large' when even d=0 does not fit", () => {
		expect(mulDecimal(dec(9007199254740991, 0), dec(2, 0))).toBe('too-large');
		expect(mulDecimal(dec(100000000000000, 0), dec(100000000000000, 2))).toBe('too-large');
	});
});

describe('rescale', () => {
	it('scales up exactly', () => {
		expect(rescale(dec(15, 1), 3)).toBe(1500);
		expect(rescale(dec(-7, 0), 2)).toBe(-700);
		expect(rescale(dec(0, 0), 5)).toBe(0);
		expect(rescale(dec(123, 2), 2)).toBe(123);
	});

	it('scales down with half away from zero', () => {
		expect(rescale(dec(125, 2), 1)).toBe(13);
		expect(rescale(dec(-125, 2), 1)).toBe(-13);
		expect(rescale(dec(124, 2), 1)).toBe(12);
		expect(rescale(dec(-124, 2), 1)).toBe(-12);
		expect(rescale(dec(5, 1), 0)).toBe(1);
		expect(rescale(dec(-5, 1), 0)).toBe(-1);
		expect(rescale(dec(4, 1), 0)).toBe(0);
		expect(Object.is(rescale(dec(-4, 1), 0), -0)).toBe(false);
		expect(rescale(dec(9007199254740991, 15), 0)).toBe(9);
		expect(rescale(dec(9007199254740991, 1), 0)).toBe(900719925474099);
	});

	it('may return an unsafe number when scaling up a huge value (caller checks)', () => {
		expect(Number.isSafeInteger(rescale(dec(9007199254740991, 0), 2))).toBe(false);
	});
});

describe('decimalToNumber', () => {
	it('converts for display', () => {
		expect(decimalToNumber(dec(119966, 2))).toBe(1199.66);
		expect(decimalToNumber(dec(-5, 1))).toBe(-0.5);
		expect(decimalToNumber(dec(3, 1))).toBe(0.3);
		expect(decimalToNumber(dec(42, 0))).toBe(42);
		expect(decimalToNumber(dec(1, 15))).toBe(1e-15);
	});
});

/** Format m / 10^d with the given decimal point and optional thousands separator. */
function format(m: number, d: number, point: string, group: string | null): string {
	const neg = m < 0;
	const digits = String(Math.abs(m)).padStart(d + 1, '0');
	let int = digits.slice(0, digits.length - d);
	const frac = digits.slice(digits.length - d);
	if (group !== null) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
	return (neg ? '-' : '') + int + (d > 0 ? point + frac : '');
}

describe('parseDecimal: round-trip property', () => {
	it('formatting m/10^d with either separator style parses back to the same value', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }),
				fc.integer({ min: 0, max: 6 }),
				fc.constantFrom<DecimalSeparator>('.', ','),
				fc.constantFrom<'none' | 'other' | 'space' | 'nbsp' | 'nnbsp' | 'apos'>(
					'none',
					'other',
					'space',
					'nbsp',
					'nnbsp',
					'apos'
				),
				(m, d, point, groupKind) => {
					const other = point === '.' ? ',' : '.';
					const group =
						groupKind === 'none'
							? null
							: groupKind === 'other'
								? other
								: groupKind === 'space'
									? ' '
									: groupKind === 'nbsp'
										? '\u00a0'
										: groupKind === 'nnbsp'
											? '\u202f'
											: "'";
					const text = format(m, d, point, group);
					const r = parseDecimal(text, point);
					expect(r, text).toEqual({ m: m === 0 ? 0 : m, d });
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('values with both separators parse the same whatever the column separator', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1000, max: 999_999_999_999 }),
				fc.integer({ min: 1, max: 6 }),
				fc.constantFrom('.', ','),
				fc.constantFrom<DecimalSeparator>('.', ','),
				(m, d, point, columnSep) => {
					const text = format(m, d, point, point === '.' ? ',' : '.');
					const int = String(m)
						.padStart(d + 1, '0')
						.slice(0, -d);
					if (int.length < 4) return; // no thousands separator in the text
					expect(parseDecimal(text, columnSep), text).toEqual({ m, d });
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('mulDecimal agrees with BigInt arithmetic when the product fits', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -99_999_999, max: 99_999_999 }),
				fc.integer({ min: 0, max: 6 }),
				fc.integer({ min: -99_999, max: 99_999 }),
				fc.integer({ min: 0, max: 6 }),
				(am, ad, bm, bd) => {
					const r = mulDecimal(dec(am, ad), dec(bm, bd));
					const exact = BigInt(am) * BigInt(bm);
					expect(r).toEqual({ m: Number(exact), d: ad + bd });
				}
			)
		);
	});
});
