/**
 * Customer keys shaped like `C036537` are indexed by number (shaped-keys.ts) instead of by string:
 * the ids must be exactly those a plain Map gives, whatever the mix of shapes.
 */
import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../src/lib/ingest/builder-columns';
import { ShapedKeys } from '../../src/lib/ingest/shaped-keys';

/** Ids in order of first sight, by a plain Map: what Dictionary must give. */
function reference(keys: string[]): number[] {
	const m = new Map<string, number>();
	return keys.map((k) => {
		if (!m.has(k)) m.set(k, m.size);
		return m.get(k)!;
	});
}

function seeded(seed: number) {
	return () => {
		seed ^= seed << 13;
		seed ^= seed >>> 17;
		seed ^= seed << 5;
		return (seed >>> 0) / 4294967296;
	};
}

describe('shaped keys', () => {
	it('keeps apart what differs only in leading zeros, digit count or prefix', () => {
		const s = new ShapedKeys();
		const keys = ['C036537', 'C36537', '036537', '36537', 'c036537', 'CU036537', 'C0', 'C00', '0', '00', 'C-1', 'C 1'];
		const numbers = keys.map((k) => s.number(k));
		expect(numbers.every((n) => n > 0)).toBe(true);
		expect(new Set(numbers).size).toBe(keys.length);
		expect(keys.map((k) => s.number(k))).toEqual(numbers);
	});

	it('leaves names, long prefixes, 13+ digits and other digits to the string index', () => {
		const s = new ShapedKeys();
		for (const k of ['Acme', '', 'Orbit Foods LLC #36537', '1234567890123', 'C١٢٣', 'C1x'])
			expect(s.number(k), k).toBe(-1);
		expect(s.number('123456789012')).toBeGreaterThan(0);
	});

	it('takes at most eight prefixes; a ninth goes to the string index, always', () => {
		const s = new ShapedKeys();
		for (let p = 0; p < 8; p++) expect(s.number(`P${p}-1`)).toBeGreaterThan(0);
		expect(s.number('Q-1')).toBe(-1);
		expect(s.number('P3-7')).toBeGreaterThan(0);
		expect(s.number('Q-1')).toBe(-1);
	});
});

describe('Dictionary ids', () => {
	it('are the plain Map’s ids over a random mix of shapes, across table growth', () => {
		const random = seeded(0x1234567);
		const shapes = [
			() => `C${String(Math.floor(random() * 60_000)).padStart(6, '0')}`,
			() => `C${Math.floor(random() * 60_000)}`,
			() => String(Math.floor(random() * 1e12)),
			() => `${Math.floor(random() * 500)}`,
			() => `Client ${Math.floor(random() * 3000)}`,
			() => `X${Math.floor(random() * 20)}-${Math.floor(random() * 100)}`,
			() => `Orbit Foods LLC #${Math.floor(random() * 2000)}`,
			() => `${Math.floor(random() * 10)}${'9'.repeat(12)}`,
			() => ['', ' ', 'Ромашка', 'Ромашка 1', 'ООО "Лидер-136"'][Math.floor(random() * 5)]
		];
		const keys = Array.from({ length: 200_000 }, () => shapes[Math.floor(random() * shapes.length)]());
		const d = new Dictionary();
		const expected = reference(keys);
		expect(keys.map((k) => d.id(k))).toEqual(expected);
		expect(d.values).toEqual([...new Set(keys)]);
		expect(keys.every((k, i) => d.find(k) === expected[i])).toBe(true);
		expect(d.find('never seen 1')).toBe(-1);
		expect(d.find('C999999999')).toBe(-1);
		expect(d.has('C999999999')).toBe(false);
	});
});
