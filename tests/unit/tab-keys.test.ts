import { describe, expect, it } from 'vitest';
import { tabAfterKey } from '../../src/lib/components/tab-keys';

describe('tabAfterKey', () => {
	it('steps with the arrows, wrapping around', () => {
		expect(tabAfterKey('ArrowRight', 0, 7)).toBe(1);
		expect(tabAfterKey('ArrowRight', 6, 7)).toBe(0);
		expect(tabAfterKey('ArrowLeft', 3, 7)).toBe(2);
		expect(tabAfterKey('ArrowLeft', 0, 7)).toBe(6);
	});

	it('jumps with Home and End', () => {
		expect(tabAfterKey('Home', 4, 7)).toBe(0);
		expect(tabAfterKey('End', 1, 7)).toBe(6);
	});

	it('leaves other keys alone', () => {
		expect(tabAfterKey('Enter', 2, 7)).toBeNull();
		expect(tabAfterKey('ArrowDown', 2, 7)).toBeNull();
		expect(tabAfterKey('a', 2, 7)).toBeNull();
	});
});
