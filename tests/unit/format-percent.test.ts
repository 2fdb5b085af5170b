import { describe, expect, it, vi } from 'vitest';
import { fractionFromPercent, ifPercent } from '../../src/lib/components/format';

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
