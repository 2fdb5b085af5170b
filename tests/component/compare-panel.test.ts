import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setDrillNavigator } from '../../src/lib/state/drill-nav';
import ComparePanel from '../../src/lib/components/ComparePanel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { CompareView } from '../../src/lib/engine/view-types';
import type { Metric } from '../../src/lib/engine/types';

const metrics: Metric[] = ['revenue', 'payments', 'units'];

const view: CompareView = {
	a: 'revenue',
	b: 'payments',
	topA: 20,
	topB: 1250,
	both: 15,
	overlapShareOfA: 0.75,
	overlapShareOfB: 0.012,
	jaccard: 15 / 1255,
	onlyA: [
		{ key: 'A1', name: 'Big Spender' },
		{ key: 'A2', name: 'Rare Whale' }
	],
	onlyB: [
		{ key: 'B1', name: 'Frequent Flyer' },
		{ key: 'B2', name: 'Small Steady' },
		{ key: 'B3', name: 'Daily Coffee' }
	]
};

describe('ComparePanel', () => {
	beforeEach(() => i18n.set('en'));

	it('shows the loading message and both selects while computing', () => {
		render(ComparePanel, { view: null, metrics, a: 'revenue', b: 'payments', onchange: vi.fn() });
		expect(screen.getByText('Computing…')).toBeInTheDocument();
		expect(screen.queryByTestId('compare-summary')).toBeNull();
		expect(screen.getByLabelText('First metric')).toHaveValue('revenue');
		expect(screen.getByLabelText('Second metric')).toHaveValue('payments');
		expect(
			within(screen.getByLabelText('First metric'))
				.getAllByRole('option')
				.map((o) => o.textContent)
		).toEqual(['revenue', 'payments', 'units']);
	});

	it('sums up the overlap naming both metrics', () => {
		render(ComparePanel, { view, metrics, a: 'revenue', b: 'payments', onchange: vi.fn() });
		expect(screen.getByTestId('compare-summary')).toHaveTextContent(
			'Top class by revenue: 20; by payments: 1,250; in both: 15 (75% of the first list, 1% of the second).'
		);
	});

	it('lists who is top only by the first and only by the second metric', () => {
		render(ComparePanel, { view, metrics, a: 'revenue', b: 'payments', onchange: vi.fn() });
		const onlyA = screen.getByRole('heading', { name: 'Only by revenue (2)' });
		const onlyB = screen.getByRole('heading', { name: 'Only by payments (3)' });
		expect(
			within(onlyA.parentElement!)
				.getAllByRole('listitem')
				.map((li) => li.textContent)
		).toEqual(['Big Spender', 'Rare Whale']);
		expect(
			within(onlyB.parentElement!)
				.getAllByRole('listitem')
				.map((li) => li.textContent)
		).toEqual(['Frequent Flyer', 'Small Steady', 'Daily Coffee']);
	});

	it('shows empty lists with a zero count', () => {
		render(ComparePanel, {
			view: { ...view, onlyA: [], onlyB: [] },
			metrics,
			a: 'revenue',
			b: 'payments',
			onchange: vi.fn()
		});
		expect(screen.getByRole('heading', { name: 'Only by revenue (0)' })).toBeInTheDocument();
		expect(screen.getByRole('heading', { name: 'Only by payments (0)' })).toBeInTheDocument();
		expect(screen.queryAllByRole('listitem')).toHaveLength(0);
	});

	it('calls onchange(a, b) with the changed metric and the other one kept', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(ComparePanel, { view, metrics, a: 'revenue', b: 'payments', onchange });
		await user.selectOptions(screen.getByLabelText('First metric'), 'units');
		expect(onchange).toHaveBeenLastCalledWith('units', 'payments');
		await user.selectOptions(screen.getByLabelText('Second metric'), 'units');
		expect(onchange).toHaveBeenLastCalledWith('revenue', 'units');
		expect(onchange).toHaveBeenCalledTimes(2);
	});

	it('uses the Russian metric names in quotes', () => {
		i18n.set('ru');
		render(ComparePanel, { view, metrics, a: 'revenue', b: 'payments', onchange: vi.fn() });
		expect(screen.getByTestId('compare-summary').textContent?.trim()).toBe(
			'Высший класс по показателю «выручка»: 20; по показателю «число оплат»: 1\u00a0250; в обоих списках: 15 (75\u00a0% первого списка, 1\u00a0% второго).'
		);
		expect(screen.getByRole('heading', { name: 'Только по показателю «выручка» (2)' })).toBeInTheDocument();
	});

	it('a listed name is a button that opens the customer page', async () => {
		const nav = { customer: vi.fn(), list: vi.fn() };
		setDrillNavigator(nav);
		try {
			render(ComparePanel, { view, metrics, a: 'revenue', b: 'payments', onchange: vi.fn() });
			await userEvent.setup().click(screen.getByRole('button', { name: 'Small Steady' }));
			expect(nav.customer).toHaveBeenCalledWith('B2');
		} finally {
			setDrillNavigator(null);
		}
	});
});
