import { describe, expect, it, vi } from 'vitest';
import {
	columnDigits,
	formatShare,
	formatValue,
	fractionFromPercent,
	ifPercent
} from '../../src/lib/components/format';
import { i18n } from '../../src/lib/i18n/index.svelte';

describe('percent fields', () => {
	it('read as fractions; empty or non-numeric fields are no value', () => {
		expect(fractionFromPercent('12.5')).toBe(0.125);
		expect(fractionFromPercent(' 80 ')).toBe(0.8);
		expect(fractionFromPercent('')).toBeNull();
		expect(fractionFromPercent('  ')).toBeNull();
		expect(fractionFromPercent('abc')).toBeNull();
	});

	it('change nothing when the field holds no number', () => {
		const apply = vi.fn();
		ifPercent('', apply);
		ifPercent('x', apply);
		expect(apply).not.toHaveBeenCalled();
		ifPercent('25', apply);
		expect(apply).toHaveBeenCalledWith(0.25);
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
