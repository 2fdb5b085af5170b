import { describe, expect, it, vi } from 'vitest';
import { formatShare, fractionFromPercent, ifPercent } from '../../src/lib/components/format';
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
