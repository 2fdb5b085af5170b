/**
 * CustomerDrawer (src/lib/components/CustomerDrawer.svelte; README "Dimensions and filters"): the
 * customer page states rank, value, shares and why the class, the class in each quarter, the
 * monthly values with VIP months, XYZ, recency, margin, the dossier and the customer's rows with
 * their dimensions; it pages the rows, steps to the customers ranked just above and below, and
 * closes on Esc.
 */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CustomerDrawer from '../../src/lib/components/CustomerDrawer.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { CustomerProfile, CustomerRowsPage } from '../../src/lib/engine/drill-types';

// happy-dom has no canvas 2D context: a stand-in Chart records what the page asks it to draw
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

const classes = [
	{ name: 'A', upTo: 0.8 },
	{ name: 'B', upTo: 0.95 },
	{ name: 'C', upTo: 1 }
];
const colors = ['#1d4ed8', '#0f766e', '#9a6700'];

const profile = (over: Partial<CustomerProfile> = {}): CustomerProfile => ({
	key: 'C042',
	name: 'Gamma Trading',
	manager: 'Ivanova',
	rank: 4,
	of: 10,
	value: 5000,
	share: 0.05,
	cumShare: 0.882,
	classIndex: 1,
	isKey: true,
	why: { basis: 'value', before: 0.832, upTo: 0.95, previousUpTo: 0.8, nonPositive: false },
	previous: { key: 'C007', name: 'Delta' },
	next: { key: 'C013', name: 'Epsilon' },
	history: [
		{ quarter: '2025-Q1', from: '2025-01-01', to: '2025-03-31', classIndex: 0, value: 3000 },
		{ quarter: '2025-Q2', from: '2025-04-01', to: '2025-06-30', classIndex: null, value: 0 },
		{ quarter: '2025-Q3', from: '2025-07-01', to: '2025-09-30', classIndex: 1, value: 2000 }
	],
	months: [
		{ month: '2025-06', value: 1500, vip: true },
		{ month: '2025-07', value: 0, vip: false },
		{ month: '2025-08', value: 2000, vip: true },
		{ month: '2025-09', value: 1500.5, vip: false }
	],
	xyz: { letter: 'Y', cv: 0.345 },
	recency: { lastPurchase: '2025-09-30', daysSince: 0, status: 'active' },
	margin: { revenue: 20000, profit: 5000, margin: 0.25 },
	rowCount: 30,
	...over
});

const rowsPage = (offset = 0): CustomerRowsPage => {
	const count = offset === 0 ? 25 : 5;
	return {
		dimensions: ['Region', 'Category'],
		total: 30,
		offset,
		rows: Array.from({ length: count }, (_, i) => ({
			date: i === 1 ? null : `2025-09-${String(30 - i).padStart(2, '0')}`,
			amount: 100 + i,
			quantity: null,
			profit: i === 0 ? 25.5 : null,
			dims: i === 0 ? ['West', ''] : ['East', 'Food']
		}))
	};
};

const texts = (els: Element[]) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

function setup(over: Record<string, unknown> = {}) {
	const props = {
		profile: profile(),
		rows: rowsPage(),
		loading: false,
		missing: false,
		classes,
		colors,
		metric: 'revenue' as const,
		filterLine: '',
		dossier: null,
		dossierHref: '/key-accounts?customer=C042',
		onclose: vi.fn(),
		onnav: vi.fn(),
		onrows: vi.fn(),
		...over
	};
	const result = render(CustomerDrawer, props);
	return { ...result, props };
}

describe('CustomerDrawer', () => {
	beforeEach(() => {
		i18n.set('en');
		charts.length = 0;
	});
	afterEach(() => i18n.set('en'));

	it("the heading is the customer's name and takes the focus; key and manager under it", async () => {
		setup();
		const dialog = screen.getByRole('dialog');
		const heading = screen.getByRole('heading', { level: 2 });
		expect(heading).toHaveTextContent(/^Gamma Trading$/);
		expect(dialog).toHaveAccessibleName('Gamma Trading');
		await vi.waitFor(() => expect(document.activeElement).toBe(heading));
		expect(within(dialog).getByText('C042 · Manager: Ivanova')).toBeInTheDocument();
		expect(screen.queryByTestId('customer-filter')).toBeNull();
	});

	it('states class, rank, value and shares, and why the class in one sentence', () => {
		setup();
		const facts = screen.getByTestId('customer-facts');
		expect(texts([...facts.querySelectorAll('.fact')])).toEqual([
			'Class B ★',
			'Rank 4 of 10',
			'Revenue 5,000',
			'Share 5.0%',
			'Cumulative 88.2%'
		]);
		expect(screen.getByTestId('customer-why')).toHaveTextContent(
			/^B: the customers ranked above it account for 83\.2%: the A bound \(80%\) is reached, the B bound \(95%\) is not\.$/
		);
	});

	it('names each quarter and its class, "—" for a quarter without purchases', () => {
		setup();
		const history = screen.getByTestId('customer-history');
		expect(texts(within(history).getAllByRole('listitem'))).toEqual(['Q1 2025 A', 'Q2 2025 —', 'Q3 2025 B']);
		expect(within(history).getAllByRole('listitem')[0]).toHaveAttribute('title', 'Jan 1, 2025 – Mar 31, 2025');
	});

	it('draws the monthly values, VIP months solid in the class colour', () => {
		setup();
		expect(screen.getByText('VIP months (solid bars): 2 of 4')).toBeInTheDocument();
		expect(screen.getByRole('img')).toHaveAccessibleName('Gamma Trading: values by month; VIP months are solid');
		const chart = charts.at(-1)!.config;
		expect(chart.type).toBe('bar');
		expect(chart.data.labels).toEqual(['Jun 2025', 'Jul 2025', 'Aug 2025', 'Sep 2025']);
		expect(chart.data.datasets[0].data).toEqual([1500, 0, 2000, 1500.5]);
		expect(chart.data.datasets[0].backgroundColor).toEqual(['#0f766e', '#0f766e8c', '#0f766e', '#0f766e8c']);
		expect(chart.data.datasets[0].borderWidth).toEqual([0, 1, 0, 1]);
	});

	it('no months: no chart', () => {
		setup({ profile: profile({ months: [] }) });
		expect(screen.queryByRole('img')).toBeNull();
		expect(charts).toHaveLength(0);
	});

	it('lists XYZ, the last purchase ("the last day of the data" at 0 days), margin and the dossier link', () => {
		setup();
		const more = document.querySelector('dl.more')!;
		expect(texts([...more.querySelectorAll('dt')])).toEqual(['XYZ', 'Last purchase', 'Margin', 'Dossier']);
		expect(texts([...more.querySelectorAll('dd')])).toEqual([
			'Y (variation 34.5%)',
			'Sep 30, 2025 · the last day of the data · active',
			'25.0% · profit 5,000 on revenue 20,000',
			'Start a dossier'
		]);
		expect(screen.getByRole('link', { name: 'Start a dossier' })).toHaveAttribute(
			'href',
			'/key-accounts?customer=C042'
		);
	});

	it('days since the last purchase otherwise; a dossier with contacts links to itself as "Open the dossier"', () => {
		setup({
			profile: profile({
				recency: { lastPurchase: '2025-09-18', daysSince: 12, status: 'sleeping' },
				xyz: { letter: null, cv: null }
			}),
			dossier: { contacts: [{ day: 20340, text: 'Called about the renewal' }] }
		});
		const dds = texts([...document.querySelectorAll('dl.more dd')]);
		expect(dds[0]).toBe('—');
		expect(dds[1]).toBe('Sep 18, 2025 · 12 days ago · sleeping');
		expect(screen.getByText('Sep 9, 2025: Called about the renewal')).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Open the dossier' })).toHaveAttribute(
			'href',
			'/key-accounts?customer=C042'
		);
		expect(screen.queryByText(/the last day of the data/)).toBeNull();
	});

	it("tables the customer's rows with the dimension headers and '(empty)' for an empty value", () => {
		setup();
		expect(screen.getByRole('heading', { name: '30 sales rows' })).toBeInTheDocument();
		const table = screen.getByTestId('customer-rows');
		const rows = within(table).getAllByRole('row');
		expect(texts(within(rows[0]).getAllByRole('columnheader'))).toEqual([
			'Date',
			'Revenue',
			'Profit',
			'Region',
			'Category'
		]);
		expect(rows).toHaveLength(26);
		expect(texts(within(rows[1]).getAllByRole('cell'))).toEqual(['Sep 30, 2025', '100.00', '25.50', 'West', '(empty)']);
		expect(texts(within(rows[2]).getAllByRole('cell'))).toEqual(['—', '101.00', '—', 'East', 'Food']);
	});

	it('pages the rows 25 at a time', async () => {
		const user = userEvent.setup();
		const { props, unmount } = setup();
		expect(screen.getByText('1–25 of 30')).toBeInTheDocument();
		expect(screen.getByRole('button', { name: '← Previous page' })).toBeDisabled();
		await user.click(screen.getByRole('button', { name: 'Next page →' }));
		expect(props.onrows).toHaveBeenCalledTimes(1);
		expect(props.onrows).toHaveBeenCalledWith(25);
		unmount();
		const second = setup({ rows: rowsPage(25) });
		expect(screen.getByText('26–30 of 30')).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Next page →' })).toBeDisabled();
		await user.click(screen.getByRole('button', { name: '← Previous page' }));
		expect(second.props.onrows).toHaveBeenCalledWith(0);
	});

	it('no pager when every row fits on one page', () => {
		const page = rowsPage();
		setup({ rows: { ...page, total: 25 } });
		expect(screen.queryByRole('button', { name: /Next page/ })).toBeNull();
		expect(screen.queryByText(/of 25/)).toBeNull();
	});

	it('Previous and Next open the neighbours; disabled at the ends', async () => {
		const user = userEvent.setup();
		const { props, unmount } = setup();
		const previous = screen.getByRole('button', { name: '← Previous' });
		const next = screen.getByRole('button', { name: 'Next →' });
		expect(previous).toHaveAttribute('title', 'Delta');
		expect(next).toHaveAttribute('title', 'Epsilon');
		await user.click(previous);
		expect(props.onnav).toHaveBeenLastCalledWith('C007');
		await user.click(next);
		expect(props.onnav).toHaveBeenLastCalledWith('C013');
		unmount();
		const ends = setup({ profile: profile({ previous: null, next: null }) });
		expect(screen.getByRole('button', { name: '← Previous' })).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Next →' })).toBeDisabled();
		await user.click(screen.getByRole('button', { name: 'Next →' }));
		expect(ends.props.onnav).not.toHaveBeenCalled();
	});

	it('Esc and the close button call onclose', async () => {
		const user = userEvent.setup();
		const { props } = setup();
		screen.getByRole('heading', { level: 2 }).focus();
		await user.keyboard('{Escape}');
		expect(props.onclose).toHaveBeenCalledTimes(1);
		await user.click(screen.getByRole('button', { name: 'Close' }));
		expect(props.onclose).toHaveBeenCalledTimes(2);
		await user.keyboard('a');
		expect(props.onclose).toHaveBeenCalledTimes(2);
	});

	it('a missing customer says so', () => {
		setup({ profile: null, rows: null, missing: true });
		expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(/^Customer not found$/);
		expect(
			screen.getByText('This customer is not in the open dataset: the link may belong to another dataset.')
		).toBeInTheDocument();
		expect(screen.queryByTestId('customer-facts')).toBeNull();
		expect(screen.getByRole('button', { name: '← Previous' })).toBeDisabled();
	});

	it('loading: "…" as the heading and the loading status', () => {
		setup({ profile: null, rows: null, loading: true });
		expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(/^…$/);
		expect(screen.getByRole('status')).toHaveTextContent('Loading the customer…');
	});

	it('a customer with no sales in the period and filter: the out-of-scope sentence instead of rank and why', () => {
		setup({ profile: profile({ rank: null, classIndex: null, why: null }), filterLine: 'Region: West' });
		expect(screen.getByTestId('customer-out')).toHaveTextContent(
			'This customer has no sales in the chosen period and filter.'
		);
		expect(screen.queryByTestId('customer-facts')).toBeNull();
		expect(screen.queryByTestId('customer-why')).toBeNull();
		expect(screen.getByTestId('customer-filter')).toHaveTextContent(/^Filter: Region: West$/);
	});

	it('Russian: the why sentence and the quarter names', () => {
		i18n.set('ru');
		setup();
		expect(screen.getByTestId('customer-why')).toHaveTextContent(
			'B: у клиентов выше в рейтинге в сумме 83,2 % — граница класса A (80 %) уже пройдена, а граница B (95 %) ещё нет.'
		);
		expect(texts(within(screen.getByTestId('customer-history')).getAllByRole('listitem'))).toEqual([
			'1 кв. 2025 A',
			'2 кв. 2025 —',
			'3 кв. 2025 B'
		]);
	});
});
