import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate, type AggregateOptions } from '../../src/lib/engine/aggregate';
import { daysFromCivil } from '../../src/lib/core/calendar';
import { classifyXyz, DEFAULT_XYZ, type XyzSettings } from '../../src/lib/engine/xyz';
import type { ClassifySettings, SalesColumns } from '../../src/lib/engine/types';
import { columnsOf, salesOf } from './helpers';

const day = (m: number, d = 10) => daysFromCivil(2024, m, d);
const month = (m: number) => 2024 * 12 + m - 1;
const NET: AggregateOptions = { metric: 'revenue', returns: 'net' };
const FILL: XyzSettings = { mode: 'manual', xMax: 0.1, yMax: 0.25, zeroFill: true };
const ACTIVE_ONLY: XyzSettings = { ...FILL, zeroFill: false };

type Row = { key: string; amount: number; day?: number };
/** one row per month, Jan.. for each value; null = no row that month */
const series = (key: string, values: (number | null)[]): Row[] =>
	values.flatMap((v, i) => (v === null ? [] : [{ key, amount: v, day: day(i + 1) }]));

function abcOf(data: SalesColumns, opts: AggregateOptions) {
	const settings: ClassifySettings = { ...opts, classes: [...PRESETS.abc], keyShare: 0.1, monoShare: 0.5 };
	return classify(aggregate(data, opts), data.customerKeys, settings);
}

function run(rows: Row[], s: XyzSettings = FILL, opts: AggregateOptions = NET) {
	const data = salesOf(rows);
	const cls = abcOf(data, opts);
	const r = classifyXyz(data, opts, cls, s);
	const byKey = <T>(m: Map<number, T>) => Object.fromEntries([...m].map(([c, v]) => [data.customerKeys[c], v]));
	return { r, cls, data, xyz: byKey(r.xyz), cv: byKey(r.cv) };
}

/**
 * Four months, Jan–Apr 2024 (monthly values):
 * X1 [100,100,100,100]: mean 100, std 0 → cv 0 → X
 * XB [86,98,102,114]: mean 100, var (196+4+4+196)/4 = 100, std 10 → cv 0.10 exactly → X (≤ 0.10)
 * Y1 [80,120,80,120]: std 20 → cv 0.20 → Y
 * YB [75,125,75,125]: std 25 → cv 0.25 exactly → Y (≤ 0.25)
 * Z1 [400,0,0,0]: mean 100, var (300²+3·100²)/4 = 30000 → cv √3 ≈ 1.732 → Z
 * G  [100,–,–,100]: zero-filled [100,0,0,100]: mean 50, std 50 → cv 1 → Z;
 *    active months only [100,100] → cv 0 → X
 * W  [–,500,–,–]: zero-filled cv √3 → Z; active only: one month (< 2) → Z, cv ∞
 * N  [100,−300,–,–] (a return): net sum −200, mean ≤ 0 → Z, cv ∞
 * U  one undated row of 50: no month at all → Z, cv ∞
 */
const FOUR: Row[] = [
	...series('X1', [100, 100, 100, 100]),
	...series('XB', [86, 98, 102, 114]),
	...series('Y1', [80, 120, 80, 120]),
	...series('YB', [75, 125, 75, 125]),
	...series(
		'Z1',
		[400, 0, 0, 0].map((v) => (v === 0 ? null : v))
	),
	...series('G', [100, null, null, 100]),
	...series('W', [null, 500, null, null]),
	...series('N', [100, -300, null, null]),
	{ key: 'U', amount: 50 }
];

describe('XYZ by coefficient of variation', () => {
	it('classifies zero-filled months with inclusive bounds', () => {
		const { r, xyz, cv } = run(FOUR);
		expect(r.months).toEqual([1, 2, 3, 4].map(month));
		expect(xyz).toEqual({ X1: 'X', XB: 'X', Y1: 'Y', YB: 'Y', Z1: 'Z', G: 'Z', W: 'Z', N: 'Z', U: 'Z' });
		expect(cv.X1).toBe(0);
		expect(cv.XB).toBeCloseTo(0.1, 12);
		expect(cv.Y1).toBeCloseTo(0.2, 12);
		expect(cv.YB).toBeCloseTo(0.25, 12);
		expect(cv.Z1).toBeCloseTo(Math.sqrt(3), 12);
		expect(cv.G).toBeCloseTo(1, 12);
		expect(cv.W).toBeCloseTo(Math.sqrt(3), 12);
		expect(cv.N).toBe(Infinity);
		expect(cv.U).toBe(Infinity);
	});

	it('counts only months with activity when zeroFill is off', () => {
		const { xyz, cv } = run(FOUR, ACTIVE_ONLY);
		// G: [100, 100] → X; W: one month → Z (∞); the others are active every month or unchanged
		expect(xyz).toEqual({ X1: 'X', XB: 'X', Y1: 'Y', YB: 'Y', Z1: 'Z', G: 'X', W: 'Z', N: 'Z', U: 'Z' });
		expect(cv.G).toBe(0);
		expect(cv.W).toBe(Infinity);
		// Z1 has one active month: fewer than 2 → ∞
		expect(cv.Z1).toBe(Infinity);
	});

	it('moves a customer across a bound when the bound moves', () => {
		// xMax 0.2: Y1 (cv 0.2) becomes X; yMax 0.24: YB (0.25) becomes Z
		const { xyz } = run(FOUR, { ...FILL, xMax: 0.2, yMax: 0.24 });
		expect(xyz.Y1).toBe('X');
		expect(xyz.YB).toBe('Z');
	});

	it('fills a calendar month nobody bought in', () => {
		// P buys in Jan and Mar: months Jan, Feb, Mar; zero-filled [100,0,100]: mean 200/3,
		// std √(2·(100/3)² + (200/3)²)/√3 = 47.14 → cv 0.707 → Z; active months only [100,100] → X
		const rows = [
			{ key: 'P', amount: 100, day: day(1) },
			{ key: 'P', amount: 100, day: day(3) }
		];
		const a = run(rows);
		expect(a.r.months).toEqual([1, 2, 3].map(month));
		expect(a.cv.P).toBeCloseTo(Math.SQRT1_2, 12);
		expect(a.xyz.P).toBe('Z');
		expect(run(rows, ACTIVE_ONLY).xyz.P).toBe('X');
	});

	it('nets returns into the month, or ignores them', () => {
		// R: Jan 100, Feb 150 and a return of 50, Mar 100, Apr 100.
		// net: [100,100,100,100] → X; ignore: [100,150,100,100]: mean 112.5,
		// var (3·12.5² + 37.5²)/4 = 468.75, std 21.65 → cv 0.192 → Y
		const rows = [...series('R', [100, 150, 100, 100]), { key: 'R', amount: -50, day: day(2, 20) }];
		expect(run(rows).xyz.R).toBe('X');
		const ign = run(rows, FILL, { ...NET, returns: 'ignore' });
		expect(ign.xyz.R).toBe('Y');
		expect(ign.cv.R).toBeCloseTo(Math.sqrt(468.75) / 112.5, 12);
	});

	it('uses only the months of the date filter', () => {
		// Feb–Apr: G [0,0,100] → Z; W [500,0,0] → Z; X1 [100,100,100] → X; Z1 (Jan only) is out of scope
		const { r, xyz } = run(FOUR, FILL, { ...NET, dateFrom: daysFromCivil(2024, 2, 1) });
		expect(r.months).toEqual([2, 3, 4].map(month));
		expect(xyz.Z1).toBeUndefined();
		expect(xyz.X1).toBe('X');
		expect(xyz.G).toBe('Z');
		// with only Feb–Mar, XB [98,102]: cv 2/100 → X
		expect(run(FOUR, FILL, { ...NET, dateFrom: day(2, 1), dateTo: day(3, 28) }).xyz.XB).toBe('X');
	});

	it('makes everyone Z when the period has a single month or no dates', () => {
		expect(run([{ key: 'A', amount: 10, day: day(1) }]).xyz).toEqual({ A: 'Z' });
		const data = columnsOf([{ key: 'A', amount: 10 }]);
		const r = classifyXyz(data, NET, abcOf(data, NET), DEFAULT_XYZ);
		expect(r.months).toEqual([]);
		expect(r.cv.get(0)).toBe(Infinity);
	});
});

describe('ABC×XYZ matrix', () => {
	it('has all 9 cells with customers and summed values', () => {
		// ABC on totals W 500, X1 400, XB 400, Y1 400, YB 400, Z1 400 (ties by key), G 200, U 50, N −200
		// (positive total 2750): before(Z1) = 2100/2750 ≈ 0.76 → A; before(G) = 2500/2750 ≈ 0.91 → B;
		// before(U) ≈ 0.98 → C; N (negative) → C.
		// A: X = X1, XB (800); Y = Y1, YB (800); Z = W, Z1 (900). B: Z = G (200). C: Z = U, N (50 − 200).
		const { r, cls, data } = run(FOUR);
		expect(Array.from(cls.rankOrder, (c) => data.customerKeys[c])).toEqual([
			'W',
			'X1',
			'XB',
			'Y1',
			'YB',
			'Z1',
			'G',
			'U',
			'N'
		]);
		expect(r.matrix).toEqual([
			{ classIndex: 0, xyz: 'X', customers: 2, value: 800 },
			{ classIndex: 0, xyz: 'Y', customers: 2, value: 800 },
			{ classIndex: 0, xyz: 'Z', customers: 2, value: 900 },
			{ classIndex: 1, xyz: 'X', customers: 0, value: 0 },
			{ classIndex: 1, xyz: 'Y', customers: 0, value: 0 },
			{ classIndex: 1, xyz: 'Z', customers: 1, value: 200 },
			{ classIndex: 2, xyz: 'X', customers: 0, value: 0 },
			{ classIndex: 2, xyz: 'Y', customers: 0, value: 0 },
			{ classIndex: 2, xyz: 'Z', customers: 2, value: -150 }
		]);
		// without zero fill G moves from B-Z to B-X
		const b = run(FOUR, ACTIVE_ONLY).r.matrix.filter((m) => m.classIndex === 1);
		expect(b.map((m) => m.customers)).toEqual([1, 0, 0]);
	});
});

describe('XYZ properties', () => {
	const rowArb = fc.record({
		key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
		amount: fc.integer({ min: -50, max: 500 }),
		day: fc.option(fc.integer({ min: daysFromCivil(2024, 1, 1), max: daysFromCivil(2024, 6, 30) }), { nil: undefined })
	});
	const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 40 });
	const setArb = fc.record({
		mode: fc.constant('manual' as const),
		xMax: fc.constantFrom(0.05, 0.1, 0.2),
		yMax: fc.constantFrom(0.25, 0.5, 1),
		zeroFill: fc.boolean()
	});

	it('gives every classified customer one class, consistent with its cv; the matrix adds up', () => {
		fc.assert(
			fc.property(rowsArb, setArb, (rows, s) => {
				const { r, cls } = run(rows, s);
				expect(r.xyz.size).toBe(cls.rankOrder.length);
				for (const [c, x] of r.xyz) {
					const v = r.cv.get(c)!;
					if (x === 'X') expect(v).toBeLessThanOrEqual(s.xMax + 1e-12);
					if (x === 'Y') expect(v).toBeGreaterThan(s.xMax - 1e-12);
					if (x === 'Y') expect(v).toBeLessThanOrEqual(s.yMax + 1e-12);
					if (x === 'Z') expect(v).toBeGreaterThan(s.yMax - 1e-12);
				}
				expect(r.matrix).toHaveLength(cls.settings.classes.length * 3);
				expect(r.matrix.reduce((a, m) => a + m.customers, 0)).toBe(cls.rankOrder.length);
				expect(r.matrix.reduce((a, m) => a + m.value, 0)).toBeCloseTo(
					cls.value.reduce((a, v) => a + v, 0),
					6
				);
			})
		);
	});

	it('does not change when every amount is scaled by a constant', () => {
		fc.assert(
			fc.property(rowsArb, setArb, fc.integer({ min: 2, max: 10_000 }), (rows, s, k) => {
				const a = run(rows, s);
				const b = run(
					rows.map((x) => ({ ...x, amount: x.amount * k })),
					s
				);
				expect(b.xyz).toEqual(a.xyz);
				for (const key of Object.keys(a.cv)) {
					if (Number.isFinite(a.cv[key])) expect(b.cv[key]).toBeCloseTo(a.cv[key], 9);
					else expect(b.cv[key]).toBe(Infinity);
				}
				expect(b.r.matrix.map((m) => m.customers)).toEqual(a.r.matrix.map((m) => m.customers));
			})
		);
	});
});
