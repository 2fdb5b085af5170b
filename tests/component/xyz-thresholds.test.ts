/**
 * The ABC×XYZ panel with thresholds from the data (issue 14): the auto text, editing switches to
 * manual, the way back, the note when one column holds everyone, and the cells' customer lists.
 */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import XyzPanel from '../../src/lib/components/XyzPanel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { XyzView } from '../../src/lib/engine/view-types';
import { DEFAULT_XYZ, type XyzSettings } from '../../src/lib/engine/xyz';

const colors = ['#b8860b', '#7d8793', '#a0522d'];
const AUTO: XyzSettings = { ...DEFAULT_XYZ };

type Cell = XyzView['cells'][number][number];
const empty = (): Cell => ({ customers: [], more: 0 });

/** A, B classes; A×X holds Acme and Bolt, B×Z holds 250 customers of which 200 are listed. */
function viewOf(over: Partial<XyzView> = {}): XyzView {
	const many = Array.from({ length: 200 }, (_, i) => ({
		key: `K${i}`,
		name: `Shop ${i}`,
		value: 1000 - i,
		cv: i === 0 ? null : 0.9
	}));
	return {
		months: ['2024-01', '2024-02', '2024-03'],
		classes: ['A', 'B'],
		matrix: [
			[
				{ customers: 2, value: 5000 },
				{ customers: 0, value: 0 },
				{ customers: 0, value: 0 }
			],
			[
				{ customers: 0, value: 0 },
				{ customers: 1, value: 40 },
				{ customers: 250, value: 60000 }
			]
		],
		counts: { X: 2, Y: 1, Z: 250 },
		thresholds: { xMax: 0.2345, yMax: 0.58, source: 'data' },
		measured: 240,
		cvRange: [0.05, 3],
		cells: [
			[
				{
					customers: [
						{ key: 'C1', name: 'Acme', value: 3000.5, cv: 0.1234 },
						{ key: 'Bolt', name: 'Bolt', value: 1999.5, cv: 0.2 }
					],
					more: 0
				},
				empty(),
				empty()
			],
			[empty(), { customers: [{ key: 'Y1', name: 'Yak', value: 40, cv: 0.4 }], more: 0 }, { customers: many, more: 50 }]
		],
		...over
	};
}

const texts = (els: HTMLElement[]) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

describe('XyzPanel thresholds', () => {
	beforeEach(() => i18n.set('en'));

	it('shows the thresholds from the data as numbers, in the inputs too', () => {
		render(XyzPanel, { view: viewOf(), settings: AUTO, metric: 'revenue', colors, onchange: vi.fn() });
		expect(screen.getByTestId('xyz-thresholds')).toHaveTextContent(
			'Thresholds from your data (terciles): X ≤ 23.5%, Y ≤ 58%, Z above. They split the 240 customers whose variation can be measured into three roughly equal parts'
		);
		expect(screen.getByLabelText('X up to, %')).toHaveValue('23.5');
		expect(screen.getByLabelText('Y up to, %')).toHaveValue('58');
		expect(screen.queryByRole('button', { name: 'Use thresholds from my data' })).toBeNull();
	});

	it('says the data thresholds are pending while computing, with empty inputs', () => {
		render(XyzPanel, { view: null, settings: AUTO, metric: 'revenue', colors, onchange: vi.fn() });
		expect(screen.getByTestId('xyz-thresholds')).toHaveTextContent('Thresholds from your data (terciles).');
		expect(screen.getByLabelText('X up to, %')).toHaveValue('');
	});

	it('reads settings of earlier versions: the old default is auto', () => {
		render(XyzPanel, {
			view: viewOf(),
			settings: { xMax: 0.1, yMax: 0.25, zeroFill: true },
			metric: 'revenue',
			colors,
			onchange: vi.fn()
		});
		expect(screen.getByTestId('xyz-thresholds')).toHaveTextContent(/^Thresholds from your data/);
	});

	it('switches to manual with the shown values when a threshold is edited, and back to the data', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		const { rerender } = render(XyzPanel, { view: viewOf(), settings: AUTO, metric: 'revenue', colors, onchange });
		await user.clear(screen.getByLabelText('Y up to, %'));
		await user.type(screen.getByLabelText('Y up to, %'), '70');
		await user.tab();
		// X keeps the value its input showed (23.5 %)
		expect(onchange).toHaveBeenLastCalledWith({ mode: 'manual', xMax: 0.235, yMax: 0.7, zeroFill: true });

		const manual: XyzSettings = { mode: 'manual', xMax: 0.235, yMax: 0.7, zeroFill: true };
		await rerender({
			view: viewOf({ thresholds: { xMax: 0.235, yMax: 0.7, source: 'manual' } }),
			settings: manual,
			metric: 'revenue',
			colors,
			onchange
		});
		expect(screen.getByTestId('xyz-thresholds')).toHaveTextContent(
			'XYZ by the coefficient of variation of monthly values: X ≤ 23.5%, Y ≤ 70%, Z above.'
		);
		await user.click(screen.getByRole('button', { name: 'Use thresholds from my data' }));
		expect(onchange).toHaveBeenLastCalledWith({ mode: 'auto', xMax: 0.1, yMax: 0.25, zeroFill: true });
	});

	it('explains the fixed fallback when too few customers can be measured', () => {
		render(XyzPanel, {
			view: viewOf({ thresholds: { xMax: 0.1, yMax: 0.25, source: 'fallback' }, measured: 2 }),
			settings: AUTO,
			metric: 'revenue',
			colors,
			onchange: vi.fn()
		});
		expect(screen.getByTestId('xyz-thresholds')).toHaveTextContent(
			'Terciles need at least 3 customers with a measurable variation, and there are only 2, so the fixed thresholds apply: X ≤ 10%, Y ≤ 25%, Z above.'
		);
	});
});

describe('XyzPanel one-column note', () => {
	beforeEach(() => i18n.set('en'));

	const allZ = (over: Partial<XyzView>) =>
		viewOf({
			matrix: [
				[
					{ customers: 0, value: 0 },
					{ customers: 0, value: 0 },
					{ customers: 3, value: 300 }
				],
				[
					{ customers: 0, value: 0 },
					{ customers: 0, value: 0 },
					{ customers: 2, value: 20 }
				]
			],
			counts: { X: 0, Y: 0, Z: 5 },
			...over
		});

	it('says so when nobody bought in two months', () => {
		render(XyzPanel, {
			view: allZ({ measured: 0, cvRange: null, thresholds: { xMax: 0.1, yMax: 0.25, source: 'fallback' } }),
			settings: AUTO,
			metric: 'revenue',
			colors,
			onchange: vi.fn()
		});
		expect(screen.getByTestId('xyz-one-column')).toHaveTextContent(
			'Every customer is in column Z. No customer bought with a positive total in at least two of the counted months, so no variation can be measured, and a customer without a measurable variation is Z.'
		);
	});

	it('names a single-month period as the reason', () => {
		render(XyzPanel, {
			view: allZ({ months: ['2024-01'], measured: 0, cvRange: null }),
			settings: AUTO,
			metric: 'revenue',
			colors,
			onchange: vi.fn()
		});
		expect(screen.getByTestId('xyz-one-column')).toHaveTextContent(/column Z\. The period covers a single month/);
	});

	it('blames too tight manual thresholds, with the customers’ range', () => {
		render(XyzPanel, {
			view: allZ({ measured: 5, cvRange: [0.4, 1.5], thresholds: { xMax: 0.1, yMax: 0.25, source: 'manual' } }),
			settings: { mode: 'manual', xMax: 0.1, yMax: 0.25, zeroFill: true },
			metric: 'revenue',
			colors,
			onchange: vi.fn()
		});
		expect(screen.getByTestId('xyz-one-column')).toHaveTextContent(
			'Every customer is in column Z. The thresholds (X ≤ 10%, Y ≤ 25%) do not separate your customers: their variation ranges from 40% to 150%.'
		);
		expect(screen.getByRole('button', { name: 'Use thresholds from my data' })).toBeInTheDocument();
	});

	it('explains equal variations when the data thresholds cannot split', () => {
		render(XyzPanel, {
			view: viewOf({
				counts: { X: 5, Y: 0, Z: 0 },
				measured: 5,
				cvRange: [0, 0],
				thresholds: { xMax: 0, yMax: 0, source: 'data' }
			}),
			settings: AUTO,
			metric: 'revenue',
			colors,
			onchange: vi.fn()
		});
		expect(screen.getByTestId('xyz-one-column')).toHaveTextContent(
			'Every customer is in column X. All customers have the same variation (0%), so thresholds cannot separate them.'
		);
	});

	it('has no note when the customers spread over columns', () => {
		render(XyzPanel, { view: viewOf(), settings: AUTO, metric: 'revenue', colors, onchange: vi.fn() });
		expect(screen.queryByTestId('xyz-one-column')).toBeNull();
	});
});

describe('XyzPanel cell lists', () => {
	beforeEach(() => i18n.set('en'));

	it('lists a cell’s customers when it is clicked, and closes the list', async () => {
		const user = userEvent.setup();
		render(XyzPanel, { view: viewOf(), settings: AUTO, metric: 'revenue', colors, onchange: vi.fn() });
		expect(screen.queryByTestId('xyz-cell-list')).toBeNull();
		const cell = screen.getByRole('button', { name: 'A, X: 2 customers. Show the list' });
		expect(cell).toHaveAttribute('aria-expanded', 'false');
		// the cell keeps its "count · value" text
		expect(cell).toHaveTextContent('2 · 5,000');
		await user.click(cell);
		expect(cell).toHaveAttribute('aria-expanded', 'true');
		const list = screen.getByTestId('xyz-cell-list');
		expect(within(list).getByRole('heading', { name: 'Customers in A × X' })).toBeInTheDocument();
		const rows = within(list).getAllByRole('row');
		expect(texts(within(rows[0]).getAllByRole('columnheader'))).toEqual(['Customer', 'Value', 'Variation (CV)']);
		expect(texts(within(rows[1]).getAllByRole('cell'))).toEqual(['Acme · C1', '3,001', '12.3%']);
		expect(texts(within(rows[2]).getAllByRole('cell'))).toEqual(['Bolt', '2,000', '20.0%']);

		await user.click(within(list).getByRole('button', { name: 'Close the list' }));
		expect(screen.queryByTestId('xyz-cell-list')).toBeNull();
		expect(cell).toHaveFocus();
	});

	it('works from the keyboard and toggles with a second press', async () => {
		const user = userEvent.setup();
		render(XyzPanel, { view: viewOf(), settings: AUTO, metric: 'revenue', colors, onchange: vi.fn() });
		const cell = screen.getByRole('button', { name: 'B, Y: 1 customer. Show the list' });
		cell.focus();
		await user.keyboard('{Enter}');
		expect(within(screen.getByTestId('xyz-cell-list')).getByText(/^Yak/)).toBeInTheDocument();
		await user.keyboard(' ');
		expect(screen.queryByTestId('xyz-cell-list')).toBeNull();
	});

	it('says "first 200 of N" for a capped cell and shows an unmeasurable CV as a dash', async () => {
		const user = userEvent.setup();
		render(XyzPanel, { view: viewOf(), settings: AUTO, metric: 'revenue', colors, onchange: vi.fn() });
		await user.click(screen.getByRole('button', { name: 'B, Z: 250 customers. Show the list' }));
		const list = screen.getByTestId('xyz-cell-list');
		expect(within(list).getByText('First 200 of 250 customers, by value.')).toBeInTheDocument();
		const rows = within(list).getAllByRole('row');
		expect(rows).toHaveLength(201);
		expect(texts(within(rows[1]).getAllByRole('cell'))).toEqual(['Shop 0 · K0', '1,000', '—']);
	});

	it('leaves empty cells without a button action', () => {
		render(XyzPanel, { view: viewOf(), settings: AUTO, metric: 'revenue', colors, onchange: vi.fn() });
		expect(screen.getByRole('button', { name: 'A, Y: 0 customers. Show the list' })).toBeDisabled();
	});
});
