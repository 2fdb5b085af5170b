import { describe, expect, it } from 'vitest';
import { mappingComplete, mappingGaps, readyToImport } from '../../src/lib/ingest/mapping-complete';

const NONE = { customerKey: -1, amount: -1, quantity: -1, unitPrice: -1 };

describe('mappingGaps / mappingComplete', () => {
	it('needs the customer column and the amount column', () => {
		expect(mappingGaps(NONE, 'column')).toEqual({ key: true, amount: true });
		expect(mappingGaps({ ...NONE, customerKey: 0 }, 'column')).toEqual({ key: false, amount: true });
		expect(mappingGaps({ ...NONE, amount: 2 }, 'column')).toEqual({ key: true, amount: false });
		expect(mappingComplete({ ...NONE, customerKey: 0, amount: 2 }, 'column')).toBe(true);
		// column 0 is a real column
		expect(mappingComplete({ ...NONE, customerKey: 1, amount: 0 }, 'column')).toBe(true);
	});

	it('with quantity × price needs both, and no amount column', () => {
		const key = { ...NONE, customerKey: 0 };
		expect(mappingGaps({ ...key, amount: 3 }, 'quantityTimesPrice')).toEqual({ key: false, amount: true });
		expect(mappingGaps({ ...key, quantity: 1 }, 'quantityTimesPrice').amount).toBe(true);
		expect(mappingGaps({ ...key, unitPrice: 2 }, 'quantityTimesPrice').amount).toBe(true);
		expect(mappingComplete({ ...key, quantity: 1, unitPrice: 2 }, 'quantityTimesPrice')).toBe(true);
		expect(mappingComplete({ ...NONE, quantity: 1, unitPrice: 2 }, 'quantityTimesPrice')).toBe(false);
	});
});

describe('readyToImport', () => {
	const good = {
		sniff: {},
		choice: { mapping: { ...NONE, customerKey: 0, amount: 1 }, amountSource: 'column' as const }
	};
	const bad = { sniff: {}, choice: { mapping: NONE, amountSource: 'column' as const } };
	const unread = { sniff: null, choice: { mapping: NONE, amountSource: 'column' as const } };

	it('needs at least one read file, all read files complete; unread files do not block', () => {
		expect(readyToImport([])).toBe(false);
		expect(readyToImport([unread])).toBe(false);
		expect(readyToImport([good])).toBe(true);
		expect(readyToImport([good, unread])).toBe(true);
		expect(readyToImport([good, bad])).toBe(false);
	});
});
