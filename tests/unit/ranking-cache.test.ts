// Ranking kept across switches (engine/ranking.ts, Analysis in engine/dashboard.ts): a preset, basis,
// key-share or metric switch on one Analysis gives exactly what a fresh classification gives, and
// a preset switch reuses the ranked totals instead of sorting again.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import { Analysis } from '../../src/lib/engine/dashboard';
import { rankedOf, rankOrder } from '../../src/lib/engine/ranking';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { abcSettings, columnsOf } from './helpers';

const switches: Partial<ClassifySettings>[] = [
	{},
	{ classes: [...PRESETS.gsb] },
	{ classes: [...PRESETS.rank203050], basis: 'count' },
	{ keyShare: 0.05 },
	{ classes: [...PRESETS.abc702010], monoShare: 0.3 },
	{ metric: 'payments' },
	{ classes: [...PRESETS.gsb], metric: 'payments' },
	{}
];

describe('ranking kept across switches', () => {
	it('every switch on one Analysis equals a fresh classification (ties, zero and negative totals)', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						key: fc.constantFrom('a', 'b', 'B', 'c', 'é', 'd1', 'd10', 'd2', ''),
						amount: fc.integer({ min: -300, max: 1000 })
					}),
					{ maxLength: 60 }
				),
				(rows) => {
					const data = columnsOf(rows);
					const analysis = new Analysis(data);
					for (const over of switches) {
						const s = abcSettings(over);
						const fresh = classify(aggregate(data, s), data.customerKeys, s);
						expect(analysis.classify(s)).toEqual(fresh);
					}
				}
			),
			{ numRuns: 200 }
		);
	});

	it('a preset switch reuses the ranked totals; a new key share ranks them again', () => {
		const data = columnsOf([
			{ key: 'A', amount: 500 },
			{ key: 'B', amount: 250 },
			{ key: 'C', amount: 250 },
			{ key: 'D', amount: -40 }
		]);
		const analysis = new Analysis(data);
		const abc = analysis.classify(abcSettings());
		const gsb = analysis.classify(abcSettings({ classes: [...PRESETS.gsb] }));
		expect(gsb.rankOrder).toBe(abc.rankOrder);
		expect(gsb.cumShare).toBe(abc.cumShare);
		expect(gsb.classIndex).not.toBe(abc.classIndex);
		const key = analysis.classify(abcSettings({ keyShare: 0.3 }));
		expect(key.isKeyCustomer).not.toBe(abc.isKeyCustomer);
		expect(Array.from(key.isKeyCustomer)).toEqual([1, 0, 0, 0]);
		expect(Array.from(abc.rankOrder, (i) => data.customerKeys[i])).toEqual(['A', 'B', 'C', 'D']);
	});

	it('rankedOf with a given ranking equals rankedOf sorting itself', () => {
		const data = columnsOf([
			{ key: 'x', amount: 3 },
			{ key: 'w', amount: 3 },
			{ key: 'y', amount: 0 },
			{ key: 'z', amount: 9 }
		]);
		const s = abcSettings();
		const totals = aggregate(data, s);
		expect(rankedOf(totals, data.customerKeys, s, rankOrder(totals, data.customerKeys))).toEqual(
			rankedOf(totals, data.customerKeys, s)
		);
		expect(Array.from(rankOrder(totals, data.customerKeys), (i) => data.customerKeys[totals.customers[i]])).toEqual([
			'z',
			'w',
			'x',
			'y'
		]);
	});
});
