import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setDrillNavigator } from '../../src/lib/state/drill-nav';
import MigrationPanel from '../../src/lib/components/MigrationPanel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { MigrationCellView, MigrationView } from '../../src/lib/engine/view-types';
import type { UserSettings } from '../../src/lib/state/settings';

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

type MigrationSettings = UserSettings['migration'];
const settings: MigrationSettings = { mode: 'quarters', year: null, p1From: '', p1To: '', p2From: '', p2To: '' };
const colors = ['#1d4ed8', '#0f766e', '#9a6700'];

// from = A, B, C, new; to = A, B, C, lost
const view: MigrationView = {
	previous: { from: '2024-01-01', to: '2024-03-31' },
	current: { from: '2024-04-01', to: '2024-06-30' },
	classes: ['A', 'B', 'C'],
	counts: [
		[5, 4, 0, 1],
		[2, 7, 1, 0],
		[0, 3, 1250, 6],
		[8, 0, 2, 0]
	],
	rising: [
		{ key: 'R1', name: 'Rocket', before: 100, after: 250, growth: 1.5, fromClass: 'C', toClass: 'B' },
		{ key: 'R2', name: 'Newcomer', before: 0, after: 1200, growth: Infinity, fromClass: 'new', toClass: 'A' }
	],
	drops: [{ key: 'D1', name: 'Sinker', before: 2000, after: 50.25, growth: -0.974875, fromClass: 'A', toClass: 'C' }]
};

const cell: MigrationCellView = {
	from: 'A',
	to: 'B',
	customers: [
		{ key: 'K1', name: 'Kappa', before: 1500, after: 900.5 },
		{ key: 'K2', name: 'Lambda', before: 700, after: 650 }
	],
	more: 2
};

const texts = (els: HTMLElement[]) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

function renderPanel(
	overrides: Partial<{ view: MigrationView | null; cell: MigrationCellView | null; settings: MigrationSettings }> = {}
) {
	const onchange = vi.fn();
	const oncell = vi.fn();
	const result = render(MigrationPanel, {
		view,
		cell: null,
		settings,
		metric: 'revenue',
		colors,
		onchange,
		oncell,
		...overrides
	});
	return { ...result, onchange, oncell };
}

describe('MigrationPanel', () => {
	beforeEach(() => {
		i18n.set('en');
		charts.length = 0;
	});

	it('shows the loading message while the view is computed', () => {
		renderPanel({ view: null });
		expect(screen.getByText('Computing…')).toBeInTheDocument();
		expect(screen.queryByRole('table')).toBeNull();
		expect(screen.getByLabelText('Periods')).toHaveValue('quarters');
	});

	it('draws the matrix with "new" and "lost", a dash for new → lost, and the two periods', () => {
		renderPanel();
		expect(
			screen.getByText('Before: Jan 1, 2024 – Mar 31, 2024 · After: Apr 1, 2024 – Jun 30, 2024')
		).toBeInTheDocument();
		const matrix = screen.getByRole('table', { name: 'Migration matrix' });
		const rows = within(matrix).getAllByRole('row');
		expect(rows).toHaveLength(5);
		expect(texts(within(rows[0]).getAllByRole('columnheader'))).toEqual(['from ↓ / to →', 'A', 'B', 'C', 'lost']);
		expect(texts(within(matrix).getAllByRole('rowheader'))).toEqual(['A', 'B', 'C', 'new']);
		expect(texts(within(rows[1]).getAllByRole('cell'))).toEqual(['5', '4', '0', '1']);
		expect(texts(within(rows[3]).getAllByRole('cell'))).toEqual(['0', '3', '1,250', '6']);
		expect(texts(within(rows[4]).getAllByRole('cell'))).toEqual(['8', '0', '2', '—']);
		// 4 × 4 cells, all but new → lost are buttons
		expect(within(matrix).getAllByRole('button')).toHaveLength(15);
		expect(within(rows[4]).getAllByRole('cell')[3].querySelector('button')).toBeNull();
		// the diagonal (stayed in the class) is marked
		const diag = within(matrix)
			.getAllByRole('button')
			.filter((b) => b.classList.contains('diag'))
			.map((b) => b.getAttribute('aria-label'));
		expect(diag).toEqual(['A → A, customers: 5', 'B → B, customers: 7', 'C → C, customers: 1,250']);
		expect(screen.getByRole('img', { name: 'Customers by class, before and after' })).toBeInTheDocument();
	});

	it('charts customers per class before (row sums) and after (column sums incl. new)', () => {
		const { unmount } = renderPanel();
		expect(charts).toHaveLength(1);
		const { data } = charts[0].config;
		expect(charts[0].config.type).toBe('bar');
		expect(data.labels).toEqual(['A', 'B', 'C']);
		expect(data.datasets.map((d: { label: string }) => d.label)).toEqual([
			'Before: Jan 1, 2024 – Mar 31, 2024',
			'After: Apr 1, 2024 – Jun 30, 2024'
		]);
		expect(data.datasets[0].data).toEqual([10, 10, 1259]);
		expect(data.datasets[1].data).toEqual([15, 14, 1253]);
		expect(data.datasets[1].backgroundColor).toEqual(colors);
		unmount();
		expect(charts[0].destroyed).toBe(true);
	});

	it('draws no chart while loading', () => {
		renderPanel({ view: null });
		expect(charts).toHaveLength(0);
	});

	it('asks for a cell by its from/to indices when a cell is clicked', async () => {
		const user = userEvent.setup();
		const { oncell } = renderPanel();
		await user.click(screen.getByRole('button', { name: 'A → B, customers: 4' }));
		expect(oncell).toHaveBeenLastCalledWith(0, 1);
		await user.click(screen.getByRole('button', { name: 'new → A, customers: 8' }));
		expect(oncell).toHaveBeenLastCalledWith(3, 0);
		await user.click(screen.getByRole('button', { name: 'C → lost, customers: 6' }));
		expect(oncell).toHaveBeenLastCalledWith(2, 3);
		expect(screen.queryByRole('button', { name: /new → lost/ })).toBeNull();
		expect(oncell).toHaveBeenCalledTimes(3);
	});

	it('lists the customers of the chosen cell with before → after values', () => {
		const { unmount } = renderPanel();
		expect(screen.queryByTestId('migration-cell')).toBeNull();
		unmount();

		renderPanel({ cell });
		const list = screen.getByTestId('migration-cell');
		expect(within(list).getByRole('heading')).toHaveTextContent('A → B');
		expect(texts(within(list).getAllByRole('listitem'))).toEqual(['Kappa 1,500 → 900.50', 'Lambda 700.00 → 650.00']);
		expect(within(list).getByText('and 2 more')).toBeInTheDocument();
	});

	it('translates "new" and "lost" in the cell heading', () => {
		renderPanel({ cell: { from: 'new', to: 'lost', customers: [], more: 0 } });
		expect(within(screen.getByTestId('migration-cell')).getByRole('heading')).toHaveTextContent('new → lost');
	});

	it('shows the rising and dropping customers, with "new" as the growth of customers that had nothing before', () => {
		renderPanel();
		const rising = screen.getByRole('heading', { name: 'Rising: candidates for the top class' }).parentElement!;
		const risingRows = within(rising).getAllByRole('row');
		expect(texts(within(risingRows[0]).getAllByRole('columnheader'))).toEqual([
			'Customer',
			'Before',
			'After',
			'Growth'
		]);
		expect(texts(within(risingRows[1]).getAllByRole('cell'))).toEqual(['Rocket', '100', '250', '150%']);
		expect(texts(within(risingRows[2]).getAllByRole('cell'))).toEqual(['Newcomer', '0', '1,200', 'new']);

		const drops = screen.getByRole('heading', { name: 'Dropped from the top class to the lowest' }).parentElement!;
		expect(texts(within(within(drops).getAllByRole('row')[1]).getAllByRole('cell'))).toEqual([
			'Sinker',
			'2,000',
			'50',
			'-97%'
		]);
	});

	it('says "None." for empty lists', () => {
		renderPanel({ view: { ...view, rising: [], drops: [] } });
		expect(screen.getAllByText('None.')).toHaveLength(2);
		// only the matrix is left
		expect(screen.getAllByRole('table')).toHaveLength(1);
	});

	it('changes the mode through onchange, keeping the other settings', async () => {
		const user = userEvent.setup();
		const { onchange } = renderPanel();
		expect(screen.queryByLabelText('Year')).toBeNull();
		await user.selectOptions(screen.getByLabelText('Periods'), 'two halves of a year');
		expect(onchange).toHaveBeenLastCalledWith({ ...settings, mode: 'halves' });
		await user.selectOptions(screen.getByLabelText('Periods'), 'any two ranges');
		expect(onchange).toHaveBeenLastCalledWith({ ...settings, mode: 'custom' });
	});

	it('halves mode asks for a year', async () => {
		const user = userEvent.setup();
		const { onchange } = renderPanel({ settings: { ...settings, mode: 'halves', year: 2023 } });
		const year = screen.getByLabelText('Year');
		expect(year).toHaveValue(2023);
		await user.clear(year);
		await user.type(year, '2024');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({ ...settings, mode: 'halves', year: 2024 });
	});

	it('custom mode shows four date inputs that each change their own bound', async () => {
		const user = userEvent.setup();
		const custom: MigrationSettings = {
			mode: 'custom',
			year: null,
			p1From: '2024-01-01',
			p1To: '2024-03-31',
			p2From: '2024-04-01',
			p2To: '2024-06-30'
		};
		const { onchange } = renderPanel({ settings: custom });
		expect(screen.getByLabelText('Before · From')).toHaveValue('2024-01-01');
		expect(screen.getByLabelText('Before · To')).toHaveValue('2024-03-31');
		expect(screen.getByLabelText('After · From')).toHaveValue('2024-04-01');
		expect(screen.getByLabelText('After · To')).toHaveValue('2024-06-30');
		expect(document.querySelectorAll('input[type="date"]')).toHaveLength(4);

		const p2To = screen.getByLabelText('After · To');
		await user.clear(p2To);
		await user.type(p2To, '2024-07-31');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({ ...custom, p2To: '2024-07-31' });
	});

	it('names open the customer page; the cell list opens its listed customers in the customer table', async () => {
		const nav = { customer: vi.fn(), list: vi.fn() };
		setDrillNavigator(nav);
		try {
			const user = userEvent.setup();
			const { unmount } = renderPanel({ cell });
			await user.click(screen.getByRole('button', { name: 'Rocket' }));
			await user.click(within(screen.getByTestId('migration-cell')).getByRole('button', { name: 'Kappa' }));
			expect(nav.customer.mock.calls).toEqual([['R1'], ['K1']]);
			// two more customers are not listed: the button says only these go to the table
			await user.click(screen.getByRole('button', { name: 'Show only these 2 customers in the customer table' }));
			expect(nav.list).toHaveBeenLastCalledWith({
				only: { keys: ['K1', 'K2'] },
				label: 'drill.cell',
				params: { cell: 'A → B' }
			});
			unmount();
			// the whole list is known
			renderPanel({ cell: { ...cell, more: 0 } });
			await user.click(screen.getByRole('button', { name: 'Show in the customer table' }));
			expect(nav.list).toHaveBeenCalledTimes(2);
		} finally {
			setDrillNavigator(null);
		}
	});
});
