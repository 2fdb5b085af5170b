import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setDrillNavigator } from '../../src/lib/state/drill-nav';
import MarginPanel from '../../src/lib/components/MarginPanel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { MarginView } from '../../src/lib/engine/view-types';

// happy-dom has no canvas 2D context (getContext('2d') returns null), so a real Chart.js only logs
// "Failed to create chart". A stand-in Chart records what the panel asks it to draw instead.
const charts = vi.hoisted(() => [] as { config: any; destroyed: boolean }[]);
vi.mock('chart.js', async (importOriginal) => {
	const real = await importOriginal<typeof import('chart.js')>();
	class FakeChart {
		static register = vi.fn();
		record: { config: any; destroyed: boolean };
		constructor(_canvas: unknown, config: any) {
			this.record = { config, destroyed: false };
			charts.push(this.record);
		}
		destroy() {
			this.record.destroyed = true;
		}
	}
	return { ...real, Chart: FakeChart };
});

const view: MarginView = {
	companyMargin: 0.25,
	gap: 0.1,
	rows: [
		{
			key: 'M1',
			name: 'Mega',
			revenue: 10000,
			profit: 500,
			margin: 0.05,
			revenueRank: 1,
			profitRank: 7,
			flagged: true,
			reason: 'below-company'
		},
		{
			key: 'M2',
			name: 'Minus',
			revenue: 800,
			profit: -40.5,
			margin: -0.050625,
			revenueRank: 2,
			profitRank: 120,
			flagged: true,
			reason: 'negative-profit'
		},
		{
			key: 'M3',
			name: 'Fine',
			revenue: 600,
			profit: 180,
			margin: 0.3,
			revenueRank: 3,
			profitRank: 2,
			flagged: false,
			reason: null
		},
		{
			key: 'M4',
			name: 'Zero',
			revenue: 0,
			profit: 0,
			margin: NaN,
			revenueRank: 4,
			profitRank: 5,
			flagged: false,
			reason: null
		}
	],
	scatter: [
		{ x: 1, y: 7, top: true, name: 'Mega' },
		{ x: 2, y: 120, top: true, name: 'Minus' },
		{ x: 5, y: 1, top: false, name: 'Other' }
	]
};

const cellTexts = (row: HTMLElement) =>
	within(row)
		.getAllByRole('cell')
		.map((c) => c.textContent?.replace(/\s+/g, ' ').trim());

describe('MarginPanel', () => {
	beforeEach(() => {
		i18n.set('en');
		charts.length = 0;
	});

	it('explains that a profit column is needed when there is none', () => {
		render(MarginPanel, { view, available: false, gap: 0.1, onchange: vi.fn() });
		expect(screen.getByRole('heading', { name: 'Margin squeeze' })).toBeInTheDocument();
		expect(screen.getByText('Map a profit column to see the margin squeeze.')).toBeInTheDocument();
		expect(screen.queryByLabelText('Gap, percentage points')).toBeNull();
		expect(screen.queryByRole('table')).toBeNull();
		expect(charts).toHaveLength(0);
	});

	it('shows the gap input and the loading message while computing', () => {
		render(MarginPanel, { view: null, available: true, gap: 0.1, onchange: vi.fn() });
		expect(screen.getByLabelText('Gap, percentage points')).toHaveValue('10');
		expect(screen.getByText('Computing…')).toBeInTheDocument();
		expect(screen.queryByTestId('margin-table')).toBeNull();
	});

	it('states the company margin and the flag limit', () => {
		render(MarginPanel, { view, available: true, gap: 0.1, onchange: vi.fn() });
		expect(
			screen.getByText('Company margin: 25.0%. Flagged: margin below 15.0% or negative profit.')
		).toBeInTheDocument();
	});

	it('lists the top class with margins, ranks and the reason of each flag', () => {
		render(MarginPanel, { view, available: true, gap: 0.1, onchange: vi.fn() });
		const table = screen.getByTestId('margin-table');
		const rows = within(table).getAllByRole('row');
		expect(
			within(rows[0])
				.getAllByRole('columnheader')
				.map((h) => h.textContent)
		).toEqual(['Customer', 'Revenue', 'Profit', 'Margin', 'Revenue rank', 'Profit rank', 'Squeeze']);
		expect(cellTexts(rows[1])).toEqual(['Mega', '10,000', '500.00', '5.0%', '1', '7', '⚠ below company margin']);
		expect(cellTexts(rows[2])).toEqual(['Minus', '800', '-40.50', '-5.1%', '2', '120', '⚠ negative profit']);
		expect(cellTexts(rows[3])).toEqual(['Fine', '600', '180.00', '30.0%', '3', '2', '']);
		// no revenue: margin is undefined
		expect(cellTexts(rows[4])).toEqual(['Zero', '0', '0.00', '—', '4', '5', '']);
		expect(rows.slice(1).map((r) => r.classList.contains('flagged'))).toEqual([true, true, false, false]);
	});

	it('plots revenue rank against profit rank, top class apart', () => {
		const { unmount } = render(MarginPanel, { view, available: true, gap: 0.1, onchange: vi.fn() });
		expect(screen.getByRole('img', { name: 'Revenue rank vs profit rank' })).toBeInTheDocument();
		expect(charts).toHaveLength(1);
		const { config } = charts[0];
		expect(config.type).toBe('scatter');
		expect(config.data.datasets.map((d: { label: string }) => d.label)).toEqual(['others', 'top class']);
		expect(config.data.datasets[0].data).toEqual([{ x: 5, y: 1, name: 'Other' }]);
		expect(config.data.datasets[1].data).toEqual([
			{ x: 1, y: 7, name: 'Mega' },
			{ x: 2, y: 120, name: 'Minus' }
		]);
		expect(config.options.scales.x.title.text).toBe('Revenue rank');
		expect(config.options.scales.y.title.text).toBe('Profit rank');
		const tooltip = config.options.plugins.tooltip.callbacks.label({ raw: { x: 2, y: 120, name: 'Minus' } });
		expect(tooltip).toBe('Minus: Revenue rank 2, Profit rank 120');
		unmount();
		expect(charts[0].destroyed).toBe(true);
	});

	it('takes the gap in percentage points and reports it as a fraction', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(MarginPanel, { view, available: true, gap: 0.1, onchange });
		const input = screen.getByLabelText('Gap, percentage points');
		expect(input).toHaveValue('10');
		await user.clear(input);
		await user.type(input, '15');
		await user.tab();
		expect(onchange).toHaveBeenCalledTimes(1);
		expect(onchange).toHaveBeenLastCalledWith(0.15);
	});

	it('a customer name is a button that opens the customer page', async () => {
		const nav = { customer: vi.fn(), list: vi.fn() };
		setDrillNavigator(nav);
		try {
			render(MarginPanel, { view, available: true, gap: 0.1, onchange: vi.fn() });
			await userEvent.setup().click(screen.getByRole('button', { name: 'Minus' }));
			expect(nav.customer).toHaveBeenCalledWith('M2');
		} finally {
			setDrillNavigator(null);
		}
	});
});
