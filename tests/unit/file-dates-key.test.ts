import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shapedDateKey } from '../../src/lib/ingest/file-dates';

describe('shapedDateKey', () => {
	it('names each date text of a fixed shape by its own number, and no other text', () => {
		expect(shapedDateKey('2024-10-19')).toBe(20241019);
		expect(shapedDateKey('19.10.2024')).toBe(100_000_000 + 19102024);
		expect(shapedDateKey('10/19/2024')).toBe(200_000_000 + 10192024);
		for (const t of [
			'2024-10-1',
			'2024/10-19',
			'19.10/2024',
			'2024-1O-19',
			'19.10.2024 ',
			' 2024-10-1',
			'20241019xx'
		]) {
			expect(shapedDateKey(t), t).toBe(-1);
		}
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom('0', '1', '9', '-', '.', '/', ' '), { minLength: 10, maxLength: 10 }),
				fc.array(fc.constantFrom('0', '2', '9', '-', '.', '/', 'x'), { minLength: 10, maxLength: 10 }),
				(a, b) => {
					const [x, y] = [a.join(''), b.join('')];
					const [kx, ky] = [shapedDateKey(x), shapedDateKey(y)];
					if (kx >= 0 && ky >= 0) expect(kx === ky).toBe(x === y);
					const shaped = (t: string) => /^(\d{4}-\d\d-\d\d|\d\d\.\d\d\.\d{4}|\d\d\/\d\d\/\d{4})$/.test(t);
					expect(kx >= 0).toBe(shaped(x));
				}
			),
			{ numRuns: 5000 }
		);
		const dated = fc
			.tuple(fc.constantFrom('-', '.', '/'), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }))
			.map(([sep, d]) => {
				const g = d.join('');
				return sep === '-'
					? `${g.slice(0, 4)}-${g.slice(4, 6)}-${g.slice(6)}`
					: `${g.slice(0, 2)}${sep}${g.slice(2, 4)}${sep}${g.slice(4)}`;
			});
		fc.assert(
			fc.property(dated, dated, (x, y) => {
				expect(shapedDateKey(x)).toBeGreaterThanOrEqual(0);
				expect(shapedDateKey(x) === shapedDateKey(y)).toBe(x === y);
			}),
			{ numRuns: 5000 }
		);
		// texts that differ only in the shape's separator differ
		expect(shapedDateKey('19.10.2024')).not.toBe(shapedDateKey('19/10/2024'));
	});
});
