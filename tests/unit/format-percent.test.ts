import { describe, expect, it } from 'vitest';
import { columnDigits, formatShare, formatValue } from '../../src/lib/components/format';
import { formatDecimalInput, parseDecimalInput } from '../../src/lib/components/decimal-input';
import { i18n } from '../../src/lib/i18n/index.svelte';

describe('number fields in the UI language (decimal-input.ts)', () => {
	it('read a decimal comma or point in every language, with spaces and apostrophes as grouping', () => {
		expect(parseDecimalInput('25,5')).toBe(25.5);
		expect(parseDecimalInput('25.5')).toBe(25.5);
		expect(parseDecimalInput(' 12 500,50 ')).toBe(12500.5);
		expect(parseDecimalInput('12\u00a0500')).toBe(12500);
		expect(parseDecimalInput("12'500.5")).toBe(12500.5);
		expect(parseDecimalInput('12,500.50', 'en')).toBe(12500.5);
		expect(parseDecimalInput('12.500,50', 'ru')).toBe(12500.5);
		expect(parseDecimalInput('12,500', 'en')).toBe(12500);
		expect(parseDecimalInput('12,500', 'ru')).toBe(12.5);
		expect(parseDecimalInput('-3,25')).toBe(-3.25);
	});

	it('tell an empty field (null) from text that is no number (undefined)', () => {
		expect(parseDecimalInput('')).toBeNull();
		expect(parseDecimalInput('  ')).toBeNull();
		for (const bad of ['abc', '1,2,3', '2..5', '12 %', '--1']) expect(parseDecimalInput(bad), bad).toBeUndefined();
	});

	it('write a comma in Russian and Romanian, a point in English, no grouping, at most the digits asked', () => {
		expect(formatDecimalInput(18.14, 'ru', 1)).toBe('18,1');
		expect(formatDecimalInput(18.14, 'ro', 1)).toBe('18,1');
		expect(formatDecimalInput(18.14, 'en', 1)).toBe('18.1');
		expect(formatDecimalInput(12500, 'ru')).toBe('12500');
		expect(formatDecimalInput(null, 'ru')).toBe('');
	});
});

describe('formatShare: one decimal in every share column', () => {
	it('writes one decimal, and "< 0.1%" for a positive share too small to show', () => {
		i18n.set('en');
		expect([0.5, 0.12345, 0.0004, 0, -0.002].map(formatShare)).toEqual(['50.0%', '12.3%', '< 0.1%', '0.0%', '-0.2%']);
		i18n.set('ru');
		expect(formatShare(0.0004)).toBe('< 0,1\u00a0%');
		i18n.set('en');
	});
});

describe('columnDigits: one precision per money column', () => {
	it('no decimals for payments or when any value reaches 1 000, two otherwise', () => {
		expect(columnDigits([0.5, 999.99], 'revenue')).toBe(2);
		expect(columnDigits([0.5, 1000], 'revenue')).toBe(0);
		expect(columnDigits([-1500, 3], 'profit')).toBe(0);
		expect(columnDigits([1.5], 'payments')).toBe(0);
		expect(columnDigits([], 'revenue')).toBe(2);
		i18n.set('en');
		const digits = columnDigits([0.4, 20_829_588.97], 'revenue');
		expect([formatValue(0.4, 'revenue', digits), formatValue(20_829_588.97, 'revenue', digits)]).toEqual([
			'0',
			'20,829,589'
		]);
	});
});
