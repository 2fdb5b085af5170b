import { describe, expect, it } from 'vitest';
import { ariaSortOf, nextSortOrder, sortArrowOf } from '../../src/lib/components/sort-order';

type Col = 'rank' | 'value' | 'name';

describe('sort-order', () => {
	it('pressing the sorted column flips its direction', () => {
		expect(nextSortOrder<Col>({ sort: 'rank', descending: false }, 'rank', false)).toEqual({
			sort: 'rank',
			descending: true
		});
		expect(nextSortOrder<Col>({ sort: 'rank', descending: true }, 'rank', false)).toEqual({
			sort: 'rank',
			descending: false
		});
	});

	it('pressing another column starts it in its first direction', () => {
		expect(nextSortOrder<Col>({ sort: 'rank', descending: true }, 'value', true)).toEqual({
			sort: 'value',
			descending: true
		});
		expect(nextSortOrder<Col>({ sort: 'value', descending: true }, 'name', false)).toEqual({
			sort: 'name',
			descending: false
		});
	});

	it('only the sorted column has a direction in aria-sort and an arrow', () => {
		const order = { sort: 'value' as Col, descending: true };
		expect(ariaSortOf(order, 'value')).toBe('descending');
		expect(ariaSortOf({ ...order, descending: false }, 'value')).toBe('ascending');
		expect(ariaSortOf(order, 'rank')).toBe('none');
		expect(sortArrowOf(order, 'value')).toBe('▼');
		expect(sortArrowOf({ ...order, descending: false }, 'value')).toBe('▲');
		expect(sortArrowOf(order, 'name')).toBe('↕');
	});
});
