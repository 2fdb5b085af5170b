/**
 * BreakdownPanel (src/lib/components/BreakdownPanel.svelte): the Breakdown tab renders the views the
 * state holds (`app.dashboard.tabs.breakdown`): a stacked bar per dimension value, the class ×
 * value table with shares of each value's total, and, when asked, the classes within each value
 * with their top customers as links; datasets without dimensions say how to get them.
 */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import BreakdownPanel from '../../src/lib/components/BreakdownPanel.svelte';
import { labelTableCells } from '../../src/lib/components/card-labels';
import { i18n } from '../../src/lib/i18n/index.svelte';
import { app } from '../../src/lib/state/app.svelte';
import { setDrillNavigator } from '../../src/lib/state/drill-nav';
import { OTHER_VALUE, type ClassDimensionView, type ClassesWithinView } from '../../src/lib/engine/drill-types';
import type { SegmentRow } from '../../src/lib/engine/types';
import type { DatasetMeta } from '../../src/lib/store/db';

// happy-dom has no canvas 2D context: a stand-in Chart records what the panel asks it to draw
const charts = vi.hoisted(() => [] as { config: any; destroyed: boolean }[]);
vi.mock('chart.js', async (importOriginal) => {
	const real = await importOriginal<typeof import('chart.js')>();
	class FakeChart {
		static register = vi.fn();
		static defaults = real.Chart.defaults;
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

const colors = ['#1d4ed8', '#0f766e', '#9a6700'];

const meta = (dimensions: DatasetMeta['dimensions'] | 'absent'): DatasetMeta => ({
	id: 1,
	workspaceId: 'default',
	name: 'sales',
	createdAt: 0,
	files: [],
	rowCount: 100,
	customerCount: 40,
	has: { date: true, quantity: false, profit: false, order: false, manager: false },
	dateRange: null,
	report: { files: [], rowsRead: 100, rowsImported: 100, blankRows: 0, skipped: [], warnings: [] },
	...(dimensions === 'absent' ? {} : { dimensions })
});
const withDims = meta([
	{ name: 'Region', values: 5 },
	{ name: 'Category', values: 3 }
]);

// value totals: North 7 200, South 3 800, (empty) 300.25, Other 600; grand total 11 900.25
const view: ClassDimensionView = {
	dimension: 'Region',
	classes: ['A', 'B', 'C'],
	values: ['North', 'South', '', OTHER_VALUE],
	cells: [
		[6000, 2000, 0, 500],
		[1000, 1500, 250.25, 0],
		[200, 300, 50, 100]
	],
	customers: [
		[3, 2, 0, 1],
		[4, 5, 1, 0],
		[10, 12, 3, 2]
	],
	classTotals: [8500, 2750.25, 650],
	grouped: 2
};

const seg = (classIndex: number, customers: number, valueShare: number): SegmentRow => ({
	classIndex,
	name: ['A', 'B', 'C'][classIndex],
	customers,
	customerShare: 0,
	value: 0,
	valueShare,
	average: 0
});

const withinView: ClassesWithinView = {
	dimension: 'Region',
	rows: [
		{
			value: 'North',
			customerCount: 17,
			total: 7200,
			segments: [seg(0, 3, 0.8), seg(1, 4, 0.15), seg(2, 10, 0.05)],
			top: [
				{ key: 'N1', name: 'Nordic Ltd', value: 3000, share: 0.4166 },
				{ key: 'N2', name: 'Polar', value: 2000, share: 0.2777 }
			]
		},
		{
			value: 'South',
			customerCount: 19,
			total: 3800,
			segments: [seg(0, 2, 0.5), seg(1, 5, 0.4), seg(2, 12, 0.1)],
			top: [{ key: 'S1', name: 'Sunny', value: 1900, share: 0.5 }]
		}
	],
	more: 3
};

const texts = (els: Element[]) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
const breakdown = app.dashboard.tabs.breakdown;

describe('BreakdownPanel', () => {
	beforeEach(() => {
		i18n.set('en');
		charts.length = 0;
		breakdown.dimension = null;
		breakdown.within = false;
		breakdown.view = null;
		breakdown.withinView = null;
	});
	afterEach(() => {
		vi.restoreAllMocks();
		setDrillNavigator(null);
	});

	it('says how to keep columns when the dataset has no dimensions', () => {
		render(BreakdownPanel, { meta: meta([]), colors, metric: 'revenue' });
		expect(screen.getByTestId('bd-none')).toHaveTextContent(
			'This dataset keeps no text columns to slice by. Columns such as Region, Category or Channel can be kept: import the file again and tick them under “Keep as filters” in the mapping step.'
		);
		expect(screen.queryByRole('combobox')).toBeNull();
		expect(screen.queryByText('Computing…')).toBeNull();
	});

	it('says an older dataset must be imported again (dimensions null or absent)', () => {
		const older =
			'This dataset was imported before filters existed: import the file again to slice it by region, category…';
		const { unmount } = render(BreakdownPanel, { meta: meta(null), colors, metric: 'revenue' });
		expect(screen.getByTestId('bd-older')).toHaveTextContent(older);
		unmount();
		render(BreakdownPanel, { meta: meta('absent'), colors, metric: 'revenue' });
		expect(screen.getByTestId('bd-older')).toHaveTextContent(older);
		expect(screen.queryByRole('table')).toBeNull();
	});

	it('shows the loading message while the view is computed, with the controls usable', () => {
		render(BreakdownPanel, { meta: withDims, colors, metric: 'revenue' });
		expect(screen.getByText('Computing…')).toBeInTheDocument();
		expect(screen.getByLabelText('Split by')).toHaveValue('Region');
		expect(texts(within(screen.getByLabelText('Split by')).getAllByRole('option'))).toEqual([
			'Region (5 values)',
			'Category (3 values)'
		]);
		expect(screen.getByRole('checkbox', { name: 'Classes within each value' })).not.toBeChecked();
		expect(screen.queryByTestId('bd-table')).toBeNull();
	});

	it('choosing a dimension or the within switch sets the state and reloads the tab', async () => {
		const user = userEvent.setup();
		const loadTab = vi.spyOn(app, 'loadTab').mockResolvedValue();
		render(BreakdownPanel, { meta: withDims, colors, metric: 'revenue' });
		await user.selectOptions(screen.getByLabelText('Split by'), 'Category');
		expect(breakdown.dimension).toBe('Category');
		expect(loadTab).toHaveBeenCalledTimes(1);
		await user.click(screen.getByRole('checkbox', { name: 'Classes within each value' }));
		expect(breakdown.within).toBe(true);
		expect(loadTab).toHaveBeenCalledTimes(2);
	});

	it('tables each class per value with its share of the value, one precision per column, and the totals', () => {
		breakdown.view = view;
		render(BreakdownPanel, { meta: withDims, colors, metric: 'revenue' });
		const table = screen.getByTestId('bd-table');
		const rows = within(table).getAllByRole('row');
		expect(texts(within(rows[0]).getAllByRole('columnheader'))).toEqual([
			'Region',
			'A, sum',
			'A, share',
			'B, sum',
			'B, share',
			'C, sum',
			'C, share',
			'Total'
		]);
		expect(texts(within(table).getAllByRole('rowheader'))).toEqual([
			'North',
			'South',
			'(empty)',
			'Other (2 values)',
			'Total'
		]);
		expect(texts(within(rows[1]).getAllByRole('cell'))).toEqual([
			'6,000',
			'83.3%',
			'1,000',
			'13.9%',
			'200.00',
			'2.8%',
			'7,200'
		]);
		expect(texts(within(rows[3]).getAllByRole('cell'))).toEqual(['0', '0.0%', '250', '83.3%', '50.00', '16.7%', '300']);
		// the Total row: each class's total and its share of everything
		expect(texts(within(rows[5]).getAllByRole('cell'))).toEqual([
			'8,500',
			'71.4%',
			'2,750',
			'23.1%',
			'650.00',
			'5.5%',
			'11,900'
		]);
		expect(screen.getByTestId('bd-summary')).toHaveTextContent(
			'A customers buy most in «North»: 70.6% of their total.'
		);
		// phones: every cell carries its column's name
		labelTableCells(document.body);
		expect(within(rows[1]).getAllByRole('cell')[2].dataset.label).toBe('B, sum');
		expect(within(rows[1]).getAllByRole('cell')[3].dataset.label).toBe('B, share');
	});

	it('draws one stacked bar per value, one segment per class in the class colours', () => {
		breakdown.view = view;
		render(BreakdownPanel, { meta: withDims, colors, metric: 'revenue' });
		const chart = charts.at(-1)!.config;
		expect(chart.type).toBe('bar');
		expect(chart.options.indexAxis).toBe('y');
		expect(chart.options.scales.x.stacked).toBe(true);
		expect(chart.options.scales.y.stacked).toBe(true);
		expect(chart.data.labels).toEqual(['North', 'South', '(empty)', 'Other (2 values)']);
		expect(chart.data.datasets.map((d: any) => d.label)).toEqual(['A', 'B', 'C']);
		expect(chart.data.datasets.map((d: any) => d.backgroundColor)).toEqual(colors);
		expect(chart.data.datasets[1].data).toEqual([1000, 1500, 250.25, 0]);
		const box = screen.getByRole('img');
		expect(box).toHaveAccessibleName(
			'Stacked bars: revenue for each value of «Region», one segment per class. The largest is «North», with 60.5% of the total. A customers buy most in «North»: 70.6% of their total.'
		);
	});

	it('lists the classes within each value with the top customers as links to their pages', async () => {
		const nav = { customer: vi.fn(), list: vi.fn() };
		setDrillNavigator(nav);
		breakdown.view = view;
		breakdown.within = true;
		breakdown.withinView = withinView;
		render(BreakdownPanel, { meta: withDims, colors, metric: 'revenue' });
		expect(screen.getByRole('heading', { name: 'Classes within each value of «Region»' })).toBeInTheDocument();
		const table = screen.getByTestId('bd-within');
		const rows = within(table).getAllByRole('row');
		expect(texts(within(rows[0]).getAllByRole('columnheader'))).toEqual([
			'Region',
			'Customers',
			'Sum',
			'A, customers',
			'A, share',
			'B, customers',
			'B, share',
			'C, customers',
			'C, share',
			'Largest A customers'
		]);
		const north = within(rows[1]).getAllByRole('cell');
		expect(texts(north.slice(0, 8))).toEqual(['17', '7,200', '3', '80.0%', '4', '15.0%', '10', '5.0%']);
		expect(texts(within(north[8]).getAllByRole('button'))).toEqual(['Nordic Ltd', 'Polar']);
		await userEvent.setup().click(within(rows[2]).getByRole('button', { name: 'Sunny' }));
		expect(nav.customer).toHaveBeenCalledWith('S1');
		expect(screen.getByText('3 more values are not shown.')).toBeInTheDocument();
	});

	it('waits for the within view of the chosen dimension; Russian plural forms', async () => {
		breakdown.view = view;
		breakdown.within = true;
		render(BreakdownPanel, { meta: withDims, colors, metric: 'revenue' });
		expect(screen.queryByTestId('bd-within')).toBeNull();
		expect(screen.getAllByText('Computing…')).toHaveLength(1);
		i18n.set('ru');
		expect(await screen.findByText('Прочие (2 значения)')).toBeInTheDocument();
		expect(screen.getByRole('option', { name: 'Region (5 значений)' })).toBeInTheDocument();
		expect(screen.getByRole('checkbox', { name: 'Классы внутри каждого значения' })).toBeChecked();
	});
});
