/**
 * ConcentrationPanel (src/lib/components/ConcentrationPanel.svelte): the figures that stand for the
 * first N customers (top 1, top 5, top 20 %, customers making 80 %) open those customers in the
 * customer table (README "Dimensions and filters").
 */
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ConcentrationPanel from '../../src/lib/components/ConcentrationPanel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import { setDrillNavigator } from '../../src/lib/state/drill-nav';
import type { Concentration } from '../../src/lib/engine/types';

const concentration: Concentration = {
	customerCount: 42,
	total: 100000,
	keyCustomers: 3,
	monoClient: false,
	top1Share: 0.31,
	top5Share: 0.62,
	top20PctShare: 0.78,
	customersFor80: 11,
	customersFor80Share: 11 / 42,
	gini: 0.61,
	hhi: 1450
};

describe('ConcentrationPanel', () => {
	beforeEach(() => i18n.set('en'));
	afterEach(() => setDrillNavigator(null));

	it('top 1, top 5, top 20 % and the customers making 80 % open those customers in the table', async () => {
		const nav = { customer: vi.fn(), list: vi.fn() };
		setDrillNavigator(nav);
		const user = userEvent.setup();
		render(ConcentrationPanel, { concentration, metric: 'revenue', keyShare: 0.05, topName: 'Acme' });
		const top5 = screen.getByRole('button', { name: '62.0%: show 5 customers in the customer table' });
		expect(top5).toHaveTextContent('62.0%');
		await user.click(screen.getByRole('button', { name: '31.0%: show 1 customer in the customer table' }));
		await user.click(top5);
		// the top 20 % of 42 customers, rounded up: 9
		await user.click(screen.getByTestId('conc-top20'));
		await user.click(screen.getByTestId('conc-for80'));
		expect(nav.list.mock.calls.map((c) => c[0])).toEqual(
			[1, 5, 9, 11].map((n) => ({ only: { rankTo: n }, label: 'drill.top', params: { n } }))
		);
		expect(screen.getByTestId('conc-for80')).toHaveTextContent('11 (26.2%)');
	});

	it('no customers: the figures are plain text', () => {
		render(ConcentrationPanel, {
			concentration: { ...concentration, customerCount: 0, customersFor80: 0 },
			metric: 'revenue',
			keyShare: 0.05,
			topName: ''
		});
		expect(screen.queryAllByRole('button')).toEqual([]);
	});
});
