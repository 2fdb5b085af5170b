import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { daysFromCivil, NO_DAY } from '../../src/lib/core/calendar';
import { aggregate, type AggregateOptions } from '../../src/lib/engine/aggregate';
import { classifyRecency, DEFAULT_RECENCY, type RecencySettings } from '../../src/lib/engine/recency';
import type { ClassifySettings, SalesColumns } from '../../src/lib/engine/types';
import { columnsOf, salesOf } from './helpers';

const R = daysFromCivil(2024, 6, 30);
const NET: AggregateOptions = { metric: 'revenue', returns: 'net' };
const S: RecencySettings = { activeDays: 90, sleepingDays: 180 };

function abcOf(data: SalesColumns, opts: AggregateOptions) {
	const settings: ClassifySettings = { ...opts, classes: [...PRESETS.abc], keyShare: 0.1, monoShare: 0.5 };
	return classify(aggregate(data, opts), data.customerKeys, settings);
}

function run(data: SalesColumns, opts: AggregateOptions = NET, s: RecencySettings = S) {
	const r = classifyRecency(data, opts, abcOf(data, opts), s);
	const byKey = (m: Map<number, unknown>) => Object.fromEntries([...m].map(([c, v]) => [data.customerKeys[c], v]));
	return { r, status: byKey(r.status), days: byKey(r.daysSince) };
}

/**
 * referenceDay R = 2024-06-30 (Z's purchase, the last date). Last purchases:
 * A R−90 → active (exactly 90 is active); B R−91 → sleeping; C R−180 → sleeping (exactly 180);
 * D R−181 → lost; E bought at R−100 and returned at R−5: a return is not a purchase → 100, sleeping;
 * F only undated rows → lost, Infinity; Z R → 0, active.
 * ABC on net totals D 5000, B 3000, A 1000, Z 500, C 200, E 400−300=100, F 50 (total 9850):
 * before(D)=0, before(B)=5000/9850≈0.51 → A; before(A)=8000/9850≈0.81 → B. Class A = D, B.
 */
const ROWS = [
	{ key: 'A', amount: 1000, day: R - 90 },
	{ key: 'B', amount: 3000, day: R - 91 },
	{ key: 'C', amount: 200, day: R - 180 },
	{ key: 'D', amount: 5000, day: R - 181 },
	{ key: 'E', amount: 400, day: R - 100 },
	{ key: 'E', amount: -300, day: R - 5 },
	{ key: 'F', amount: 50 },
	{ key: 'Z', amount: 500, day: R }
];

describe('recency: active / sleeping / lost', () => {
	it('counts days back from the last date in scope, with inclusive boundaries', () => {
		const { r, status, days } = run(salesOf(ROWS));
		expect(r.referenceDay).toBe(R);
		expect(days).toEqual({ A: 90, B: 91, C: 180, D: 181, E: 100, F: Infinity, Z: 0 });
		expect(status).toEqual({
			A: 'active',
			B: 'sleeping',
			C: 'sleeping',
			D: 'lost',
			E: 'sleeping',
			F: 'lost',
			Z: 'active'
		});
		expect(r.counts).toEqual({ active: 2, sleeping: 3, lost: 2 });
	});

	it('lists quiet top-class customers by value: D (lost) then B (sleeping)', () => {
		const data = salesOf(ROWS);
		const { r } = run(data);
		expect(r.quietTop.map((q) => [data.customerKeys[q.customer], q.status, q.daysSince, q.value])).toEqual([
			['D', 'lost', 181, 5000],
			['B', 'sleeping', 91, 3000]
		]);
	});

	it('uses the settings: with 100/200 days B and E become active, D sleeping', () => {
		const { status } = run(salesOf(ROWS), NET, { activeDays: 100, sleepingDays: 200 });
		expect(status).toEqual({
			A: 'active',
			B: 'active',
			C: 'sleeping',
			D: 'sleeping',
			E: 'active',
			F: 'lost',
			Z: 'active'
		});
	});

	it('with returns ignored, the return row neither counts nor moves the reference day', () => {
		// ignore: E's return is dropped; last date is still Z's R; E = 100 days, sleeping
		const { r, days } = run(salesOf(ROWS), { ...NET, returns: 'ignore' });
		expect(r.referenceDay).toBe(R);
		expect(days.E).toBe(100);
	});

	it('respects the date filter: referenceDay is the last date in scope', () => {
		// dateTo = R−50: Z and E's return are out; undated F is out (a filtered period needs dates).
		// Last date in scope: A's R−90 → A 0, B 1, C 90 (active), D 91 (sleeping), E 10.
		const { r, days, status } = run(salesOf(ROWS), { ...NET, dateTo: R - 50 });
		expect(r.referenceDay).toBe(R - 90);
		expect(days).toEqual({ A: 0, B: 1, C: 90, D: 91, E: 10 });
		expect(status.D).toBe('sleeping');
		expect(r.counts).toEqual({ active: 4, sleeping: 1, lost: 0 });
		// D (top class, sleeping) is the only quiet top customer
		expect(r.quietTop.map((q) => q.daysSince)).toEqual([91]);
	});

	it('without a date column every customer is lost with unknown days', () => {
		const data = columnsOf([
			{ key: 'A', amount: 10 },
			{ key: 'B', amount: 5 }
		]);
		const { r, days } = run(data);
		expect(r.referenceDay).toBe(NO_DAY);
		expect(days).toEqual({ A: Infinity, B: Infinity });
		expect(r.counts).toEqual({ active: 0, sleeping: 0, lost: 2 });
	});

	it('has 90 / 180 days as defaults', () => {
		expect(DEFAULT_RECENCY).toEqual({ activeDays: 90, sleepingDays: 180 });
	});
});

describe('recency properties', () => {
	const rowArb = fc.record({
		key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
		amount: fc.integer({ min: -100, max: 1000 }),
		day: fc.option(fc.integer({ min: R - 400, max: R }), { nil: undefined })
	});
	const setArb = fc
		.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }))
		.map(([a, b]) => ({ activeDays: Math.min(a, b), sleepingDays: Math.max(a, b) }));

	it('gives every in-scope customer one status consistent with its days, counts adding up', () => {
		fc.assert(
			fc.property(
				fc.array(rowArb, { minLength: 1, maxLength: 30 }),
				setArb,
				fc.constantFrom<'net' | 'ignore'>('net', 'ignore'),
				(rows, s, returns) => {
					const data = salesOf(rows);
					const opts: AggregateOptions = { metric: 'revenue', returns };
					const cls = abcOf(data, opts);
					const r = classifyRecency(data, opts, cls, s);
					expect([...r.status.keys()].sort()).toEqual(Array.from(cls.rankOrder).sort());
					expect(r.counts.active + r.counts.sleeping + r.counts.lost).toBe(r.status.size);
					for (const [c, st] of r.status) {
						const d = r.daysSince.get(c)!;
						expect(d).toBeGreaterThanOrEqual(0);
						expect(st).toBe(d <= s.activeDays ? 'active' : d <= s.sleepingDays ? 'sleeping' : 'lost');
					}
					// oracle: last non-return dated day per customer
					const last = new Map<number, number>();
					rows.forEach((x, i) => {
						if (x.day === undefined || x.amount < 0) return;
						const c = data.customer[i];
						last.set(c, Math.max(last.get(c) ?? -Infinity, x.day));
					});
					for (const [c, d] of r.daysSince) expect(d).toBe(last.has(c) ? r.referenceDay - last.get(c)! : Infinity);
					for (let i = 0; i < r.quietTop.length; i++) {
						expect(r.quietTop[i].status).not.toBe('active');
						if (i > 0) expect(r.quietTop[i - 1].value).toBeGreaterThanOrEqual(r.quietTop[i].value);
					}
				}
			)
		);
	});
});
