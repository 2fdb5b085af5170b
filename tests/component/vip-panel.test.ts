import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setDrillNavigator } from '../../src/lib/state/drill-nav';
import VipPanel from '../../src/lib/components/VipPanel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { VipView } from '../../src/lib/engine/view-types';
import type { VipSettings } from '../../src/lib/engine/vip';

const settings: VipSettings = { variant: 'monthly', vipShare: 0.2, goodShare: 0.2, latestMonths: 2, lostDays: 60 };

const view: VipView = {
	variant: 'monthly',
	months: ['2024-01', '2024-02', '2024-03'],
	counts: { vip: 1, good: 1, regular: 1234, droppedOut: 1 },
	rows: [
		{ key: 'C1', name: 'Acme', status: 'vip', value: 1500, vipMonths: [true, false, true], droppedOut: false },
		{ key: 'C2', name: 'C2', status: 'good', value: 250.5, vipMonths: [true, false, false], droppedOut: true },
		{ key: 'Gamma', name: 'Gamma', status: 'good', value: 12, vipMonths: [false, false, false], droppedOut: false }
	],
	more: 3,
	lost: [{ key: 'C9', name: 'Zeta', lastPurchase: '2023-11-02', daysSince: 1200, vipMonths: ['2023-09', '2023-10'] }],
	referenceDay: '2024-03-31'
};

const cellTexts = (row: HTMLElement) =>
	within(row)
		.getAllByRole('cell')
		.map((c) => c.textContent?.replace(/\s+/g, ' ').trim());

describe('VipPanel', () => {
	beforeEach(() => i18n.set('en'));

	it('shows the loading message and no counts while the view is computed', () => {
		render(VipPanel, { view: null, settings, metric: 'revenue', onchange: vi.fn() });
		expect(screen.getByText('Computing…')).toBeInTheDocument();
		expect(screen.queryByTestId('vip-counts')).toBeNull();
		expect(screen.queryByRole('table')).toBeNull();
		// the settings are usable while loading
		expect(screen.getByLabelText('VIP share, %')).toHaveValue('20');
		expect(screen.getByText(/Each month the top 20% of paying customers/)).toBeInTheDocument();
	});

	it('shows the counts line, statuses, the dropped-out badge and the month strips', () => {
		render(VipPanel, { view, settings, metric: 'revenue', onchange: vi.fn() });
		expect(screen.getByTestId('vip-counts')).toHaveTextContent(
			'VIP: 1 · good: 1 (of them dropped out of VIP: 1) · regular: 1,234'
		);
		expect(screen.queryByText('Computing…')).toBeNull();

		const rows = screen.getAllByRole('row');
		// header + three customers in the main table, header + one in the lost table
		expect(rows).toHaveLength(6);
		// the month axis under "VIP months" is visual only: the strips name their months
		const headers = within(rows[0]).getAllByRole('columnheader');
		expect(headers.map((h) => h.textContent)).toEqual(['Customer', 'Status', 'Value', headers[3].textContent]);
		expect(headers).toHaveLength(4);
		expect(within(rows[0]).getByRole('columnheader', { name: 'VIP months' })).toBe(headers[3]);
		// name, then the key when it differs (the space before "·" is trimmed by Svelte 5 today: see report)
		const [nameCell, ...restCells] = cellTexts(rows[1]);
		expect(nameCell).toMatch(/^Acme ?· C1$/);
		expect(restCells).toEqual(['VIP', '1,500', '']);
		expect(cellTexts(rows[2])).toEqual(['C2', 'good dropped out of VIP', '251', '']);
		expect(cellTexts(rows[3])).toEqual(['Gamma', 'good', '12', '']);
		expect(screen.getAllByText('dropped out of VIP')).toHaveLength(1);
		expect(within(rows[2]).getByText('dropped out of VIP')).toBeInTheDocument();

		expect(within(rows[1]).getByRole('img')).toHaveAccessibleName('VIP months: Jan 2024, Mar 2024');
		expect(within(rows[2]).getByRole('img')).toHaveAccessibleName('VIP months: Jan 2024');
		expect(within(rows[3]).getByRole('img')).toHaveAccessibleName('VIP months: —');
		expect(screen.getByText('and 3 more')).toBeInTheDocument();
	});

	it('lists the lost VIP customers, or says none went quiet', () => {
		const { unmount } = render(VipPanel, { view, settings, metric: 'revenue', onchange: vi.fn() });
		expect(screen.getByRole('heading', { name: 'Lost VIP: call them and ask why' })).toBeInTheDocument();
		const lost = screen.getByTestId('lost-vip');
		expect(
			within(lost)
				.getAllByRole('columnheader')
				.map((h) => h.textContent)
		).toEqual(['Customer', 'Last payment', 'Days since', 'VIP months']);
		expect(cellTexts(within(lost).getAllByRole('row')[1])).toEqual([
			'Zeta',
			'Nov 2, 2023',
			'1,200',
			'Sep 2023, Oct 2023'
		]);
		expect(screen.queryByText('No VIP customer has gone quiet.')).toBeNull();
		unmount();

		render(VipPanel, { view: { ...view, lost: [], more: 0 }, settings, metric: 'revenue', onchange: vi.fn() });
		expect(screen.getByText('No VIP customer has gone quiet.')).toBeInTheDocument();
		expect(screen.queryByTestId('lost-vip')).toBeNull();
		expect(screen.queryByText(/and \d+ more/)).toBeNull();
	});

	it('formats payments as integers', () => {
		render(VipPanel, { view, settings, metric: 'payments', onchange: vi.fn() });
		expect(cellTexts(screen.getAllByRole('row')[2])[2]).toBe('251');
	});

	it('leaves the month strip out when there are no months (whole-period variant)', () => {
		render(VipPanel, {
			view: { ...view, variant: 'period', months: [], rows: view.rows.map((r) => ({ ...r, vipMonths: [] })) },
			settings: { ...settings, variant: 'period' },
			metric: 'revenue',
			onchange: vi.fn()
		});
		const rows = screen.getAllByRole('row');
		expect(
			within(rows[0])
				.getAllByRole('columnheader')
				.map((h) => h.textContent)
		).toEqual(['Customer', 'Status', 'Value']);
		expect(cellTexts(rows[1]).slice(1)).toEqual(['VIP', '1,500']);
		expect(cellTexts(rows[1])[0]).toMatch(/^Acme ?· C1$/);
		expect(within(rows[1]).queryByRole('img')).toBeNull();
		expect(screen.getByLabelText('Variant')).toHaveValue('period');
	});

	it('keeps header and cells in step when the monthly variant has no months (no dated rows)', () => {
		render(VipPanel, {
			view: { ...view, months: [], rows: view.rows.map((r) => ({ ...r, vipMonths: [] })) },
			settings,
			metric: 'revenue',
			onchange: vi.fn()
		});
		const rows = screen.getAllByRole('row');
		expect(within(rows[0]).getAllByRole('columnheader')).toHaveLength(3);
		expect(within(rows[1]).getAllByRole('cell')).toHaveLength(3);
		expect(screen.queryByRole('columnheader', { name: 'VIP months' })).toBeInTheDocument(); // the lost table keeps its column
		expect(within(rows[0]).queryByRole('columnheader', { name: 'VIP months' })).toBeNull();
	});

	it('calls onchange with the full new settings; shares are typed as percentages', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(VipPanel, { view, settings, metric: 'revenue', onchange });
		expect(screen.getByLabelText('Variant')).toHaveValue('monthly');
		expect(screen.getByLabelText('Good share, %')).toHaveValue('20');
		expect(screen.getByLabelText('Latest months')).toHaveValue(2);
		expect(screen.getByLabelText('Lost after, days')).toHaveValue(60);

		await user.selectOptions(screen.getByLabelText('Variant'), 'whole period');
		expect(onchange).toHaveBeenLastCalledWith({ ...settings, variant: 'period' });

		await user.clear(screen.getByLabelText('VIP share, %'));
		await user.type(screen.getByLabelText('VIP share, %'), '25');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({ ...settings, vipShare: 0.25 });

		await user.clear(screen.getByLabelText('Good share, %'));
		await user.type(screen.getByLabelText('Good share, %'), '30');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({ ...settings, goodShare: 0.3 });

		await user.clear(screen.getByLabelText('Latest months'));
		await user.type(screen.getByLabelText('Latest months'), '3');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({ ...settings, latestMonths: 3 });

		await user.clear(screen.getByLabelText('Lost after, days'));
		await user.type(screen.getByLabelText('Lost after, days'), '90');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({ ...settings, lostDays: 90 });
		expect(onchange).toHaveBeenCalledTimes(5);
	});

	it('a customer name is a button that opens the customer page (VIP rows and the lost list)', async () => {
		const nav = { customer: vi.fn(), list: vi.fn() };
		setDrillNavigator(nav);
		try {
			const user = userEvent.setup();
			render(VipPanel, { view, settings, metric: 'revenue', onchange: vi.fn() });
			await user.click(screen.getByRole('button', { name: 'Acme' }));
			await user.click(screen.getByRole('button', { name: 'Zeta' }));
			expect(nav.customer.mock.calls).toEqual([['C1'], ['C9']]);
		} finally {
			setDrillNavigator(null);
		}
	});
});
