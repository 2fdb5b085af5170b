/**
 * ABC×XYZ thresholds from the data (issue 14): the terciles of the finite CVs, worked by hand, the
 * mode of settings saved before modes existed, and the per-cell customer lists of the view.
 */
import { describe, expect, it } from 'vitest';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate, type AggregateOptions } from '../../src/lib/engine/aggregate';
import { daysFromCivil } from '../../src/lib/core/calendar';
import { xyzView } from '../../src/lib/engine/period-views';
import { classifyXyz, DEFAULT_XYZ, tercileThresholds, xyzMode, type XyzSettings } from '../../src/lib/engine/xyz';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { salesOf } from './helpers';

const day = (m: number) => daysFromCivil(2024, m, 10);
const NET: AggregateOptions = { metric: 'revenue', returns: 'net' };
const AUTO: XyzSettings = { ...DEFAULT_XYZ };

type Row = { key: string; amount: number; day?: number };
const series = (key: string, values: (number | null)[]): Row[] =>
	values.flatMap((v, i) => (v === null ? [] : [{ key, amount: v, day: day(i + 1) }]));

function run(rows: Row[], s: XyzSettings = AUTO) {
	const data = salesOf(rows);
	const settings: ClassifySettings = { ...NET, classes: [...PRESETS.abc], keyShare: 0.1, monoShare: 0.5 };
	const cls = classify(aggregate(data, NET), data.customerKeys, settings);
	const r = classifyXyz(data, NET, cls, s);
	const xyz = Object.fromEntries([...r.xyz].map(([c, v]) => [data.customerKeys[c], v]));
	return { r, cls, data, xyz };
}

describe('tercileThresholds', () => {
	it('takes c⌈n/3⌉ and c⌈2n/3⌉ of the sorted finite CVs', () => {
		// n = 3: c1, c2
		expect(tercileThresholds([0.3, 0.1, 0.2])).toEqual({ xMax: 0.1, yMax: 0.2 });
		// n = 4: ⌈4/3⌉ = 2, ⌈8/3⌉ = 3
		expect(tercileThresholds([0.4, 0.1, 0.3, 0.2])).toEqual({ xMax: 0.2, yMax: 0.3 });
		// n = 5: ⌈5/3⌉ = 2, ⌈10/3⌉ = 4
		expect(tercileThresholds([0.5, 0.4, 0.3, 0.2, 0.1])).toEqual({ xMax: 0.2, yMax: 0.4 });
		// n = 9: c3, c6
		expect(tercileThresholds([9, 8, 7, 6, 5, 4, 3, 2, 1].map((v) => v / 10))).toEqual({ xMax: 0.3, yMax: 0.6 });
	});

	it('skips Infinity CVs (not measurable: always Z)', () => {
		// finite: 0.1 … 0.6 (n = 6): c2 = 0.2, c4 = 0.4
		expect(tercileThresholds([Infinity, 0.5, 0.1, Infinity, 0.3, 0.2, 0.4, 0.6])).toEqual({ xMax: 0.2, yMax: 0.4 });
	});

	it('lets ties fall on a threshold: both terciles may be the same value', () => {
		// 0.2 ×4, 0.5 (n = 5): c2 = 0.2 and c4 = 0.2
		expect(tercileThresholds([0.2, 0.5, 0.2, 0.2, 0.2])).toEqual({ xMax: 0.2, yMax: 0.2 });
		// all zero
		expect(tercileThresholds([0, 0, 0])).toEqual({ xMax: 0, yMax: 0 });
	});

	it('rounds a threshold up to a millionth, never down', () => {
		// 0.1234564 → 0.123457 (the customer it comes from stays ≤); 0.5 stays
		expect(tercileThresholds([0.9, 0.1234564, 0.5])).toEqual({ xMax: 0.123457, yMax: 0.5 });
	});

	it('has no thresholds below 3 finite CVs', () => {
		expect(tercileThresholds([])).toBeNull();
		expect(tercileThresholds([0.1, 0.2])).toBeNull();
		expect(tercileThresholds([Infinity, 0.1, Infinity, 0.2])).toBeNull();
	});
});

describe('classifyXyz in auto mode', () => {
	/**
	 * Jan–Apr, zero-filled:
	 * X1 [100,100,100,100] cv 0; XB [86,98,102,114] cv 0.1; Y1 [80,120,80,120] cv 0.2;
	 * YB [75,125,75,125] cv 0.25; G [100,0,0,100] cv 1; Z1 [400,0,0,0] and W [0,500,0,0] cv √3;
	 * N (net ≤ 0) and U (undated) cv ∞.
	 * Finite, sorted (n = 7): 0, 0.1, 0.2, 0.25, 1, √3, √3 → xMax = c3 = 0.2, yMax = c5 = 1.
	 */
	const FOUR: Row[] = [
		...series('X1', [100, 100, 100, 100]),
		...series('XB', [86, 98, 102, 114]),
		...series('Y1', [80, 120, 80, 120]),
		...series('YB', [75, 125, 75, 125]),
		...series('Z1', [400, null, null, null]),
		...series('G', [100, null, null, 100]),
		...series('W', [null, 500, null, null]),
		...series('N', [100, -300, null, null]),
		{ key: 'U', amount: 50 }
	];

	it('draws X, Y, Z from the terciles, inclusive, and reports them', () => {
		const { r, xyz } = run(FOUR);
		expect(r.thresholds).toEqual({ xMax: 0.2, yMax: 1, source: 'data' });
		expect(r.measured).toBe(7);
		expect(xyz).toEqual({ X1: 'X', XB: 'X', Y1: 'X', YB: 'Y', G: 'Y', Z1: 'Z', W: 'Z', N: 'Z', U: 'Z' });
	});

	it('puts customers tied at a threshold in the lower class', () => {
		// A [100×4] cv 0; T1, T2, T3 [k, 2k, k, 2k] cv 1/3 each; Z [400,0,0,0] cv √3; S one month cv ∞.
		// finite (n = 5): 0, ⅓, ⅓, ⅓, √3 → c2 = c4 = ⅓ (0.333334 rounded up): X 4, Y 0, Z 2
		const rows = [
			...series('A', [100, 100, 100, 100]),
			...series('T1', [100, 200, 100, 200]),
			...series('T2', [200, 400, 200, 400]),
			...series('T3', [300, 600, 300, 600]),
			...series('Z', [400, null, null, null]),
			{ key: 'S', amount: 70, day: day(2) }
		];
		const { r, xyz } = run(rows, { ...AUTO, zeroFill: false });
		expect(r.thresholds).toEqual({ xMax: 0.333334, yMax: 0.333334, source: 'data' });
		// zeroFill off: Z has one active month, S too → both ∞
		expect(r.measured).toBe(4);
		// n = 4 finite (0, ⅓, ⅓, ⅓) → still c2 = c3 = ⅓
		expect(xyz).toEqual({ A: 'X', T1: 'X', T2: 'X', T3: 'X', Z: 'Z', S: 'Z' });

		const filled = run(rows);
		expect(filled.r.measured).toBe(6); // zero-filled: Z √3, S [0,70,0,0] √3
		expect(filled.r.thresholds).toEqual({ xMax: 0.333334, yMax: 0.333334, source: 'data' });
		expect(filled.xyz).toEqual({ A: 'X', T1: 'X', T2: 'X', T3: 'X', Z: 'Z', S: 'Z' });
	});

	it('falls back to the fixed 10 % / 25 % with fewer than 3 measurable customers', () => {
		// P [100,90] cv 0.0526 → X; Q [100,50] cv 1/3 → Z; R one month → ∞ (zeroFill off)
		const rows = [
			{ key: 'P', amount: 100, day: day(1) },
			{ key: 'P', amount: 90, day: day(2) },
			{ key: 'Q', amount: 100, day: day(1) },
			{ key: 'Q', amount: 50, day: day(2) },
			{ key: 'R', amount: 30, day: day(2) }
		];
		const { r, xyz } = run(rows, { ...AUTO, zeroFill: false });
		expect(r.measured).toBe(2);
		expect(r.thresholds).toEqual({ xMax: 0.1, yMax: 0.25, source: 'fallback' });
		expect(xyz).toEqual({ P: 'X', Q: 'Z', R: 'Z' });
	});

	it('uses the manual thresholds as given and says so', () => {
		const { r, xyz } = run(FOUR, { mode: 'manual', xMax: 0.1, yMax: 0.25, zeroFill: true });
		expect(r.thresholds).toEqual({ xMax: 0.1, yMax: 0.25, source: 'manual' });
		expect(xyz).toEqual({ X1: 'X', XB: 'X', Y1: 'Y', YB: 'Y', Z1: 'Z', G: 'Z', W: 'Z', N: 'Z', U: 'Z' });
	});

	it('reads settings without a mode (earlier versions): the old default is auto, anything else manual', () => {
		expect(xyzMode({ xMax: 0.1, yMax: 0.25 })).toBe('auto');
		expect(xyzMode({ xMax: 0.15, yMax: 0.25 })).toBe('manual');
		expect(xyzMode({ xMax: 0.1, yMax: 0.3 })).toBe('manual');
		expect(xyzMode({ mode: 'manual', xMax: 0.1, yMax: 0.25 })).toBe('manual');
		expect(xyzMode({ mode: 'auto', xMax: 0.5, yMax: 0.9 })).toBe('auto');
		expect(run(FOUR, { xMax: 0.1, yMax: 0.25, zeroFill: true }).r.thresholds.source).toBe('data');
		expect(run(FOUR, { xMax: 0.15, yMax: 0.25, zeroFill: true }).r.thresholds).toEqual({
			xMax: 0.15,
			yMax: 0.25,
			source: 'manual'
		});
	});

	it('splits a realistic spread into roughly equal thirds', () => {
		// 30 customers with cv = i/30 (i = 1..30) over two months: [100 − d, 100 + d], cv = d/100
		const rows = Array.from({ length: 30 }, (_, i) =>
			series(`c${String(i).padStart(2, '0')}`, [97 - i * 3, 103 + i * 3])
		).flat();
		const { r } = run(rows);
		const counts = { X: 0, Y: 0, Z: 0 };
		for (const z of r.xyz.values()) counts[z]++;
		expect(counts).toEqual({ X: 10, Y: 10, Z: 10 });
		// c10 = 0.30, c20 = 0.60
		expect(r.thresholds).toEqual({ xMax: 0.3, yMax: 0.6, source: 'data' });
	});
});

describe('xyzView', () => {
	it('carries the thresholds, the measured count, the CV range and each cell’s customers by value', () => {
		const rows = [
			...series('X1', [100, 100, 100, 100]),
			...series('Y1', [80, 120, 80, 120]),
			...series('G', [100, null, null, 100]),
			...series('Z1', [400, null, null, null]),
			{ key: 'U', amount: 50 }
		];
		const { r, cls, data } = run(rows, { mode: 'manual', xMax: 0.1, yMax: 0.25, zeroFill: true });
		const v = xyzView(data, r, cls);
		expect(v.thresholds).toEqual({ xMax: 0.1, yMax: 0.25, source: 'manual' });
		expect(v.measured).toBe(4);
		expect(v.cvRange?.[0]).toBe(0);
		expect(v.cvRange?.[1]).toBeCloseTo(Math.sqrt(3), 12);
		// every listed customer sits in its cell, the cell counts match the matrix
		v.cells.forEach((row, k) =>
			row.forEach((cell, j) => expect(cell.customers.length + cell.more).toBe(v.matrix[k][j].customers))
		);
		const all = v.cells.flat().flatMap((c) => c.customers);
		expect(all.map((c) => c.key).sort()).toEqual(['G', 'U', 'X1', 'Y1', 'Z1']);
		const u = all.find((c) => c.key === 'U')!;
		expect(u.cv).toBeNull();
		expect(u.value).toBe(50);
		expect(all.find((c) => c.key === 'Y1')!.cv).toBeCloseTo(0.2, 12);
		// the Z cell of class A holds Z1 (400) before G (200), by value
		const zKeys = v.cells.map((row) => row[2].customers.map((c) => c.key));
		expect(zKeys.flat().indexOf('Z1')).toBeLessThan(zKeys.flat().indexOf('G'));
	});

	it('lists the first `limit` customers of a cell and counts the rest', () => {
		const rows = Array.from({ length: 7 }, (_, i) => series(`k${i}`, [100 + i, 100 + i])).flat();
		const { r, cls, data } = run(rows);
		const v = xyzView(data, r, cls, 3);
		const listed = v.cells.flat().reduce((a, c) => a + c.customers.length, 0);
		const more = v.cells.flat().reduce((a, c) => a + c.more, 0);
		expect(listed + more).toBe(7);
		for (const c of v.cells.flat()) expect(c.customers.length).toBeLessThanOrEqual(3);
		// a cell's list is in value order, the highest first
		for (const c of v.cells.flat()) {
			const values = c.customers.map((x) => x.value);
			expect(values).toEqual([...values].sort((a, b) => b - a));
		}
	});

	it('has no CV range when nobody is measurable', () => {
		const { r, cls, data } = run([{ key: 'A', amount: 10, day: day(1) }]);
		const v = xyzView(data, r, cls);
		expect(v.measured).toBe(0);
		expect(v.cvRange).toBeNull();
		expect(v.counts).toEqual({ X: 0, Y: 0, Z: 1 });
		expect(v.thresholds.source).toBe('fallback');
	});
});
