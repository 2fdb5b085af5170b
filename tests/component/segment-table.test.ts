import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import SegmentTable from '../../src/lib/components/SegmentTable.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { NonPositiveRow, SegmentRow } from '../../src/lib/engine/types';

const segments: SegmentRow[] = [
	{ classIndex: 0, name: 'gold', customers: 2, customerShare: 0.4, value: 750, valueShare: 0.75, average: 375 },
	{ classIndex: 1, name: 'silver', customers: 1, customerShare: 0.2, value: 150, valueShare: 0.15, average: 150 },
	{ classIndex: 2, name: 'bronze', customers: 2, customerShare: 0.4, value: 100, valueShare: 0.1, average: 50 }
];
const none: NonPositiveRow = { customers: 0, customerShare: 0, value: 0, valueShare: 0, average: 0 };
const base = { segments, nonPositive: none, metric: 'revenue' as const, colors: ['#000', '#111', '#222'], total: 1000 };

// the same 5 positive customers plus 3 whose returns exceed purchases (−10, −20, −30): 8 customers,
// class customer shares of all 8, base 1 000, net 940
const withReturns = {
	...base,
	segments: segments.map((s) => ({ ...s, customerShare: s.customers / 8 })),
	nonPositive: { customers: 3, customerShare: 3 / 8, value: -60, valueShare: -0.06, average: -20 },
	netTotal: 940
};

describe('SegmentTable', () => {
	beforeEach(() => i18n.set('en'));

	it('shows one row per class with counts, sums, shares and averages, and a total row', () => {
		render(SegmentTable, { ...base, netTotal: 1000 });
		const gold = screen.getByRole('row', { name: /Gold/ });
		const goldCells = within(gold)
			.getAllByRole('cell')
			.map((c) => c.textContent);
		expect(goldCells.slice(0, 5)).toEqual(['2', '40.0%', '750', '75.0%', '375.00']);
		// the playbook of the top class sits beside it, the bottom class gets the automation one
		expect(goldCells[5]).toMatch(/^Personal, VIP-level service/);
		expect(within(screen.getByRole('row', { name: /Bronze/ })).getAllByRole('cell')[5].textContent).toMatch(
			/^Automate/
		);
		const total = screen.getByRole('row', { name: /Total/ });
		expect(
			within(total)
				.getAllByRole('cell')
				.map((c) => c.textContent)
		).toEqual(['5', '100.0%', '1,000', '100.0%', '200.00', '']);
		expect(screen.getByRole('heading', { name: /Segments/ })).toHaveTextContent('revenue');
	});

	it('speaks Russian with Russian number formatting', () => {
		i18n.set('ru');
		render(SegmentTable, { ...base, netTotal: 1000 });
		expect(screen.getByRole('row', { name: /Золотые/ })).toBeInTheDocument();
		const total = screen.getByRole('row', { name: /Итого/ });
		// ru-RU groups thousands with a no-break space and uses a decimal comma
		expect(within(total).getAllByRole('cell')[2].textContent).toBe('1\u00a0000');
		expect(within(total).getAllByRole('cell')[1].textContent).toBe('100,0\u00a0%');
	});

	it('shows customers with a total ≤ 0 as their own row, the net total and all customers in Total, and the share base', () => {
		render(SegmentTable, withReturns);
		const cells = (row: HTMLElement) =>
			within(row)
				.getAllByRole('cell')
				.map((c) => c.textContent);
		const rows = screen.getAllByRole('row');
		const out = screen.getByTestId('segment-nonpositive');
		// below the classes, above the Total
		expect(rows.indexOf(out)).toBe(rows.indexOf(screen.getByRole('row', { name: /Bronze/ })) + 1);
		expect(rows.indexOf(screen.getByRole('row', { name: /Total/ }))).toBe(rows.indexOf(out) + 1);
		expect(within(out).getByRole('rowheader')).toHaveTextContent('Returns exceed purchases');
		expect(cells(out).slice(0, 5)).toEqual(['3', '37.5%', '-60', '-6.0%', '-20.00']);
		expect(cells(out)[5]).toMatch(/lowest class/);
		// the class shares of the base still make 100 %
		expect(['Gold', 'Silver', 'Bronze'].map((n) => cells(screen.getByRole('row', { name: new RegExp(n) }))[3])).toEqual(
			['75.0%', '15.0%', '10.0%']
		);
		// Total: every customer, the net total; its share of the base is 1 000 − 60 = 940 → 94 %
		expect(cells(screen.getByRole('row', { name: /Total/ }))).toEqual(['8', '100.0%', '940', '94.0%', '117.50', '']);
		expect(screen.getByTestId('share-base')).toHaveTextContent(
			'Shares are of 1,000, the sum of customers with positive totals.'
		);
	});

	it('names the row by the metric: for profit it is the loss-making customers', () => {
		render(SegmentTable, { ...withReturns, metric: 'profit' });
		expect(within(screen.getByTestId('segment-nonpositive')).getByRole('rowheader')).toHaveTextContent(
			'Loss or zero profit'
		);
	});

	it('has no such row without customers at or below zero, and still names the base', () => {
		render(SegmentTable, { ...base, netTotal: 1000 });
		expect(screen.queryByTestId('segment-nonpositive')).toBeNull();
		expect(screen.getByTestId('share-base')).toHaveTextContent('1,000');
	});

	it('says it in Russian', () => {
		i18n.set('ru');
		render(SegmentTable, withReturns);
		expect(within(screen.getByTestId('segment-nonpositive')).getByRole('rowheader')).toHaveTextContent(
			'Возвраты превышают покупки'
		);
		expect(screen.getByTestId('share-base').textContent).toBe(
			'Доли считаются от 1\u00a0000 — суммы клиентов с положительным итогом.'
		);
	});
});
