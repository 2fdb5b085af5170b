import { describe, expect, it } from 'vitest';
import { classBands } from '../../src/lib/engine/class-bands';

const pt = (x: number, classIndex: number) => ({ x, classIndex });

describe('classBands', () => {
	it('splits [0, 1] at the class ends, each band taking the class of its first point', () => {
		const pareto = [pt(0.25, 0), pt(0.5, 1), pt(0.75, 1), pt(1, 2)];
		expect(classBands(pareto, [0.25, 0.75])).toEqual([
			{ from: 0, to: 0.25, classIndex: 0 },
			{ from: 0.25, to: 0.75, classIndex: 1 },
			{ from: 0.75, to: 1, classIndex: 2 }
		]);
	});

	it('is one band for one class', () => {
		expect(classBands([pt(0.5, 0), pt(1, 0)], [])).toEqual([{ from: 0, to: 1, classIndex: 0 }]);
	});

	it('names a band by the first point past its start (an empty class is skipped over)', () => {
		// the middle class has no customer: both ends sit at 0.5
		const pareto = [pt(0.5, 0), pt(1, 2)];
		expect(classBands(pareto, [0.5, 0.5]).map((b) => b.classIndex)).toEqual([0, 2, 2]);
	});

	it('falls back to the band position when no point lies past its start', () => {
		expect(classBands([], [0.3])).toEqual([
			{ from: 0, to: 0.3, classIndex: 0 },
			{ from: 0.3, to: 1, classIndex: 1 }
		]);
	});
});
