/**
 * The worker's warm-up sums the other metrics a slice of rows per task (AggregateInSlices) so a
 * request can overtake it: whatever the slices, the totals are exactly `aggregate`'s, and a request
 * for totals still being summed finishes them rather than starting again.
 */
import { describe, expect, it } from 'vitest';
import { aggregate, AggregateInSlices, type AggregateOptions } from '../../src/lib/engine/aggregate';
import { Analysis } from '../../src/lib/engine/dashboard';
import { PRESETS } from '../../src/lib/engine/abc';
import { abcSettings, salesOf } from './helpers';

function sample() {
	const rows = Array.from({ length: 1000 }, (_, i) => ({
		key: `C${(i * 37) % 83}`,
		amount: i % 17 === 0 ? -((i % 50) + 1) : (i * 7919) % 10_000,
		day: 19_000 + (i % 400),
		quantity: i % 17 === 0 ? -1 : 1 + (i % 4),
		profit: (i * 31) % 700
	}));
	const data = salesOf(rows);
	data.order = Float64Array.from(rows, (_, i) => (i % 9 === 0 ? -1 : Math.floor(i / 3)));
	return data;
}

describe('AggregateInSlices', () => {
	it('gives exactly aggregate’s totals for any slice size, metric, returns policy and period', () => {
		const data = sample();
		for (const metric of ['revenue', 'payments', 'units', 'profit'] as const) {
			for (const returns of ['net', 'ignore'] as const) {
				for (const period of [{}, { dateFrom: 19_100, dateTo: 19_250 }]) {
					const opts: AggregateOptions = { metric, returns, ...period };
					const whole = aggregate(data, opts);
					for (const slice of [1, 7, 333, 1000, 5000]) {
						const sum = new AggregateInSlices(data, opts);
						let calls = 0;
						while (!sum.done) {
							sum.rows(slice);
							calls++;
						}
						expect(calls).toBe(Math.ceil(1000 / slice));
						expect(sum.result(), `${metric} ${returns} ${slice}`).toEqual(whole);
					}
					// result() sums what is left: half summed in slices, the rest at once
					const half = new AggregateInSlices(data, opts);
					half.rows(500);
					expect(half.result()).toEqual(whole);
				}
			}
		}
	});

	it('keeps totals beyond 2^53 exact as aggregate does', () => {
		const data = salesOf([
			{ key: 'A', amount: Number.MAX_SAFE_INTEGER },
			{ key: 'A', amount: 2 },
			{ key: 'B', amount: 1 }
		]);
		const sum = new AggregateInSlices(data, { metric: 'revenue', returns: 'net' });
		sum.rows(1);
		expect(sum.result()).toEqual(aggregate(data, { metric: 'revenue', returns: 'net' }));
		expect(sum.result().approximate).toBe(true);
	});
});

describe('Analysis.totalsInSlices', () => {
	it('sums in slices until done, then ranks in a call of its own; the totals are cached; a totals call midway finishes them', () => {
		const data = sample();
		const s = abcSettings({ metric: 'payments' });
		const a = new Analysis(data);
		const step = a.totalsInSlices(s, 300);
		expect([step(), step(), step(), step(), step()]).toEqual([true, true, true, true, false]);
		// ranked once: a classification reuses the ranking
		expect(a.classify(s).rankOrder).toBe(
			a.classify(abcSettings({ metric: 'payments', classes: [...PRESETS.gsb] })).rankOrder
		);
		const cached = a.totals(s);
		expect(cached).toEqual(aggregate(data, s));
		expect(a.totals(s)).toBe(cached);
		expect(step()).toBe(false);

		const b = new Analysis(data);
		const midway = b.totalsInSlices(s, 300);
		midway();
		expect(b.totals(s)).toEqual(aggregate(data, s));
		// the background sum sees the totals are known and stops
		expect(midway()).toBe(false);
	});
});
