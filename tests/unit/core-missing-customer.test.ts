import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMissingCustomer, MISSING_CUSTOMER_KEYS, NULL_PLACEHOLDERS } from '../../src/lib/core/missing-customer';
import { PRESETS } from '../../src/lib/engine/abc';
import { classificationSql } from '../../src/lib/engine/sql';
import type { ClassifySettings } from '../../src/lib/engine/types';

describe('the "no customer" vocabulary', () => {
	it('is lower case and trimmed, and holds every null placeholder', () => {
		for (const k of MISSING_CUSTOMER_KEYS) expect(k).toBe(k.trim().toLowerCase());
		for (const k of NULL_PLACEHOLDERS) expect(MISSING_CUSTOMER_KEYS).toContain(k);
		expect(MISSING_CUSTOMER_KEYS).toEqual([...NULL_PLACEHOLDERS, '(blank)', '(пусто)', 'нет']);
	});

	it('reads the placeholders in any letter case as no customer, and nothing else', () => {
		for (const k of ['', 'NA', 'n/A', '#N/A', 'NULL', 'None', 'NaN', '-', '—', '–', '(Blank)', '(ПУСТО)', 'Нет'])
			expect(isMissingCustomer(k), k).toBe(true);
		for (const k of ['Nathan', 'нетто', 'A', '0', '--', 'n/a2', 'null value', '(blank) ltd'])
			expect(isMissingCustomer(k), k).toBe(false);
	});

	it('agrees with the plain set lookup for any key', () => {
		const key = fc.oneof(
			fc.constantFrom(...MISSING_CUSTOMER_KEYS).map((k) => k.toUpperCase()),
			fc.string({ maxLength: 12 }),
			fc.string({ unit: fc.constantFrom('n', 'A', '/', '#', '(', ')', 'б', 'Н', 'е', 'т', '-') })
		);
		fc.assert(
			fc.property(key, (k) => {
				expect(isMissingCustomer(k)).toBe(MISSING_CUSTOMER_KEYS.includes(k.toLowerCase()));
			})
		);
	});

	it('is what "Show as SQL" filters out', () => {
		const settings: ClassifySettings = {
			metric: 'revenue',
			returns: 'net',
			classes: [...PRESETS.abc],
			keyShare: 0.1,
			monoShare: 0.5
		};
		const q = classificationSql(settings, { customerKey: 'Customer', amount: 'Amount' }, 'duckdb');
		for (const k of MISSING_CUSTOMER_KEYS) expect(q).toContain(`'${k}'`);
	});
});
