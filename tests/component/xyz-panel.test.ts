import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setDrillNavigator } from '../../src/lib/state/drill-nav';
import XyzPanel from '../../src/lib/components/XyzPanel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { XyzView } from '../../src/lib/engine/view-types';
import type { XyzSettings } from '../../src/lib/engine/xyz';

const settings: XyzSettings = { mode: 'manual', xMax: 0.1, yMax: 0.25, zeroFill: true };
const colors = ['#b8860b', '#7d8793', '#a0522d'];

const view: XyzView = {
	months: ['2024-01', '2024-02', '2024-03'],
	classes: ['gold', 'silver', 'bronze'],
	matrix: [
		[
			{ customers: 3, value: 1500 },
			{ customers: 1, value: 99.5 },
			{ customers: 0, value: 0 }
		],
		[
			{ customers: 4, value: 400 },
			{ customers: 1200, value: 25000 },
			{ customers: 2, value: 30 }
		],
		[
			{ customers: 5, value: 12.25 },
			{ customers: 299, value: 2048 },
			{ customers: 1, value: 1 }
		]
	],
	counts: { X: 12, Y: 1500, Z: 3 },
	thresholds: { xMax: 0.1, yMax: 0.25, source: 'manual' },
	measured: 1515,
	cvRange: [0, 2],
	cells: [0, 1, 2].map(() => [0, 1, 2].map(() => ({ customers: [], more: 0 })))
};

const texts = (els: HTMLElement[]) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

describe('XyzPanel', () => {
	beforeEach(() => i18n.set('en'));

	it('shows the loading message and the current thresholds while computing', () => {
		render(XyzPanel, { view: null, settings, metric: 'revenue', colors, onchange: vi.fn() });
		expect(screen.getByText('Computing…')).toBeInTheDocument();
		expect(screen.queryByTestId('xyz-matrix')).toBeNull();
		expect(
			screen.getByText('XYZ by the coefficient of variation of monthly values: X ≤ 10%, Y ≤ 25%, Z above.')
		).toBeInTheDocument();
		expect(screen.getByLabelText('X up to, %')).toHaveValue('10');
		expect(screen.getByLabelText('Y up to, %')).toHaveValue('25');
		expect(screen.getByLabelText('Months without purchases count as zero')).toBeChecked();
	});

	it('draws the class × X/Y/Z matrix with "count · value" cells and X/Y/Z counts in the headers', () => {
		render(XyzPanel, { view, settings, metric: 'revenue', colors, onchange: vi.fn() });
		const matrix = screen.getByTestId('xyz-matrix');
		const rows = within(matrix).getAllByRole('row');
		expect(rows).toHaveLength(4);
		expect(texts(within(rows[0]).getAllByRole('columnheader'))).toEqual(['Class', 'X (12)', 'Y (1,500)', 'Z (3)']);
		expect(texts(within(matrix).getAllByRole('rowheader'))).toEqual(['Gold', 'Silver', 'Bronze']);
		expect(texts(within(rows[1]).getAllByRole('cell'))).toEqual(['3 · 1,500', '1 · 100', '0 · 0']);
		expect(texts(within(rows[2]).getAllByRole('cell'))).toEqual(['4 · 400', '1,200 · 25,000', '2 · 30']);
		expect(texts(within(rows[3]).getAllByRole('cell'))).toEqual(['5 · 12', '299 · 2,048', '1 · 1']);
		// the count is the emphasised part
		expect(within(rows[2]).getAllByRole('cell')[1].querySelector('strong')).toHaveTextContent('1,200');
		// a colour swatch per class
		const swatches = [...matrix.querySelectorAll<HTMLElement>('.swatch')].map((s) => s.style.background);
		expect(swatches).toHaveLength(3);
		expect(swatches[0]).toMatch(/#b8860b|rgb\(184, 134, 11\)/i);
	});

	it('formats payment values as integers', () => {
		render(XyzPanel, { view, settings, metric: 'payments', colors, onchange: vi.fn() });
		const rows = within(screen.getByTestId('xyz-matrix')).getAllByRole('row');
		expect(texts(within(rows[1]).getAllByRole('cell'))).toEqual(['3 · 1,500', '1 · 100', '0 · 0']);
	});

	it('keeps user class names as typed', () => {
		render(XyzPanel, {
			view: { ...view, classes: ['Top', 'Mid', 'Low'] },
			settings,
			metric: 'revenue',
			colors,
			onchange: vi.fn()
		});
		expect(texts(within(screen.getByTestId('xyz-matrix')).getAllByRole('rowheader'))).toEqual(['Top', 'Mid', 'Low']);
	});

	it('reports threshold changes as fractions and the zero-fill switch, keeping the other settings', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(XyzPanel, { view, settings, metric: 'revenue', colors, onchange });

		await user.clear(screen.getByLabelText('X up to, %'));
		await user.type(screen.getByLabelText('X up to, %'), '15');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({ mode: 'manual', xMax: 0.15, yMax: 0.25, zeroFill: true });

		await user.clear(screen.getByLabelText('Y up to, %'));
		await user.type(screen.getByLabelText('Y up to, %'), '40');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({ mode: 'manual', xMax: 0.1, yMax: 0.4, zeroFill: true });

		await user.click(screen.getByLabelText('Months without purchases count as zero'));
		expect(onchange).toHaveBeenLastCalledWith({ mode: 'manual', xMax: 0.1, yMax: 0.25, zeroFill: false });
		expect(onchange).toHaveBeenCalledTimes(3);
	});

	it('a cell list names open the customer page; its button opens the cell in the customer table', async () => {
		const nav = { customer: vi.fn(), list: vi.fn() };
		setDrillNavigator(nav);
		try {
			const user = userEvent.setup();
			const cells = view.cells.map((row) => row.map((c) => ({ ...c })));
			cells[0][0] = {
				customers: [
					{ key: 'G1', name: 'Goldfinch', value: 1000, cv: 0.05 },
					{ key: 'G2', name: 'G2', value: 500, cv: null }
				],
				more: 0
			};
			render(XyzPanel, { view: { ...view, cells }, settings, metric: 'revenue', colors, onchange: vi.fn() });
			await user.click(screen.getByRole('button', { name: /^Gold, X: 3 customers/ }));
			await user.click(screen.getByRole('button', { name: 'Goldfinch' }));
			expect(nav.customer).toHaveBeenCalledWith('G1');
			await user.click(screen.getByRole('button', { name: 'Show in the customer table' }));
			expect(nav.list).toHaveBeenCalledWith({
				only: { keys: ['G1', 'G2'] },
				label: 'drill.cell',
				params: { cell: 'Gold × X' }
			});
		} finally {
			setDrillNavigator(null);
		}
	});
});
