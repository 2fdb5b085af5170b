import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CustomerTable from '../../src/lib/components/CustomerTable.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { CustomerPage, CustomerQuery } from '../../src/lib/engine/customer-table';
import { setDrillNavigator } from '../../src/lib/state/drill-nav';

const page: CustomerPage = {
	matching: 120,
	rows: [
		{
			rank: 1,
			key: 'C1',
			name: '<img src=x onerror=alert(1)>',
			value: 500,
			share: 0.5,
			cumShare: 0.5,
			classIndex: 0,
			isKey: true
		},
		{ rank: 2, key: 'C2', name: 'Beta LLC', value: 60, share: 0.06, cumShare: 0.56, classIndex: 1, isKey: false }
	]
};
const query: CustomerQuery = { sort: 'rank', descending: false, search: '', classIndex: -1, offset: 0, limit: 50 };
const classes = [
	{ name: 'A', upTo: 0.8 },
	{ name: 'B', upTo: 0.95 },
	{ name: 'C', upTo: 1 }
];

describe('CustomerTable', () => {
	beforeEach(() => i18n.set('en'));

	it('renders rank, key, name as text, total, shares, class and key flag', () => {
		render(CustomerTable, {
			page,
			query,
			classes,
			colors: ['#000', '#111', '#222'],
			metric: 'revenue',
			onquery: vi.fn()
		});
		const first = screen.getAllByRole('row')[1];
		const cells = within(first)
			.getAllByRole('cell')
			.map((c) => c.textContent?.trim());
		expect(cells).toEqual(['1', 'C1', '<img src=x onerror=alert(1)>', '500.00', '50.0%', '50.0%', 'A', '★ key']);
		expect(document.querySelector('img')).toBeNull();
		expect(screen.getByText('Rows 1–50 of 120')).toBeInTheDocument();
	});

	it('asks for sorting, paging, class filter and (debounced) search', async () => {
		const user = userEvent.setup();
		const onquery = vi.fn();
		render(CustomerTable, { page, query, classes, colors: ['#000', '#111', '#222'], metric: 'revenue', onquery });
		await user.click(screen.getByRole('button', { name: 'Sort by Total' }));
		expect(onquery).toHaveBeenLastCalledWith({ sort: 'value', descending: true });
		await user.click(screen.getByRole('button', { name: 'Sort by Rank' }));
		expect(onquery).toHaveBeenLastCalledWith({ sort: 'rank', descending: true });
		await user.click(screen.getByRole('button', { name: /Next page/ }));
		expect(onquery).toHaveBeenLastCalledWith({ offset: 50 });
		expect(screen.getByRole('button', { name: /Previous page/ })).toBeDisabled();
		await user.selectOptions(screen.getByLabelText('Show class'), 'B');
		expect(onquery).toHaveBeenLastCalledWith({ classIndex: 1 });
		await user.type(screen.getByLabelText('Search customers'), 'beta');
		await vi.waitFor(() => expect(onquery).toHaveBeenLastCalledWith({ search: 'beta' }));
	});

	it('says so when nothing matches', () => {
		render(CustomerTable, {
			page: { rows: [], matching: 0 },
			query,
			classes,
			colors: [],
			metric: 'revenue',
			onquery: vi.fn()
		});
		expect(screen.getByText('No customer matches.')).toBeInTheDocument();
		expect(screen.getByText('Rows 0–0 of 0')).toBeInTheDocument();
	});

	// total 1 000: A ends at 81.4 % (bound 80 %), B at 95.4 % (bound 95 %)
	const ranked: CustomerPage = {
		matching: 4,
		rows: [
			{ rank: 1, key: 'K1', name: 'Alpha', value: 600, share: 0.6, cumShare: 0.6, classIndex: 0, isKey: false },
			{ rank: 2, key: 'K2', name: 'Bravo', value: 214, share: 0.214, cumShare: 0.814, classIndex: 0, isKey: false },
			{ rank: 3, key: 'K3', name: 'Charlie', value: 140, share: 0.14, cumShare: 0.954, classIndex: 1, isKey: false },
			{ rank: 4, key: 'K4', name: 'Delta', value: 46, share: 0.046, cumShare: 1, classIndex: 2, isKey: false }
		]
	};
	const colors = ['#000', '#111', '#222'];
	const bodyRows = () =>
		screen
			.getAllByRole('row')
			.slice(1)
			.map((r) =>
				r.dataset.testid === 'class-boundary'
					? `| ${r.textContent?.trim()}`
					: (r as HTMLTableRowElement).cells[0].textContent
			);

	describe('class boundaries, why, drill-down and customer links (issue 15)', () => {
		afterEach(() => setDrillNavigator(null));

		it('in rank order a line between the classes states where each ends', () => {
			render(CustomerTable, { page: ranked, query, classes, colors, metric: 'revenue', onquery: vi.fn() });
			expect(bodyRows()).toEqual([
				'1',
				'2',
				'| Class A ends here: cumulative share 81.4% (bound 80%)',
				'3',
				'| Class B ends here: cumulative share 95.4% (bound 95%)',
				'4'
			]);
			const boundary = screen.getAllByTestId('class-boundary')[0];
			expect(boundary).toHaveTextContent(/^Class A ends here: cumulative share 81\.4% \(bound 80%\)$/);
			expect(boundary.querySelector('td')).toHaveAttribute('colspan', '8');
		});

		it('no boundary lines when sorted by value or in reverse rank order', () => {
			const { unmount } = render(CustomerTable, {
				page: ranked,
				query: { ...query, sort: 'value', descending: true },
				classes,
				colors,
				metric: 'revenue',
				onquery: vi.fn()
			});
			expect(screen.queryAllByTestId('class-boundary')).toHaveLength(0);
			expect(bodyRows()).toEqual(['1', '2', '3', '4']);
			unmount();
			render(CustomerTable, {
				page: { matching: 4, rows: [...ranked.rows].reverse() },
				query: { ...query, descending: true },
				classes,
				colors,
				metric: 'revenue',
				onquery: vi.fn()
			});
			expect(screen.queryAllByTestId('class-boundary')).toHaveLength(0);
		});

		it('the "?" of a row opens and closes the sentence of why it is in its class', async () => {
			const user = userEvent.setup();
			render(CustomerTable, { page: ranked, query, classes, colors, metric: 'revenue', onquery: vi.fn() });
			expect(screen.queryByTestId('row-why')).toBeNull();
			const toggle = screen.getByRole('button', { name: 'Why this class: Charlie' });
			expect(toggle).toHaveAttribute('title', 'Why this class?');
			expect(toggle).toHaveAttribute('aria-expanded', 'false');
			await user.click(toggle);
			expect(toggle).toHaveAttribute('aria-expanded', 'true');
			expect(screen.getAllByTestId('row-why')).toHaveLength(1);
			expect(screen.getByTestId('row-why')).toHaveTextContent(
				/^B: the customers ranked above it account for 81\.4%: the A bound \(80%\) is reached, the B bound \(95%\) is not\.$/
			);
			await user.click(screen.getByRole('button', { name: 'Why this class: Alpha' }));
			await user.click(screen.getByRole('button', { name: 'Why this class: Delta' }));
			expect(screen.getAllByTestId('row-why').map((e) => e.textContent)).toEqual([
				'A: the largest customer, where the ranking starts.',
				'B: the customers ranked above it account for 81.4%: the A bound (80%) is reached, the B bound (95%) is not.',
				'C: the customers ranked above it account for 95.4%, past the B bound of 95%.'
			]);
			await user.click(toggle);
			expect(toggle).toHaveAttribute('aria-expanded', 'false');
			expect(screen.getAllByTestId('row-why')).toHaveLength(2);
		});

		it('for classes by count the sentence counts the customers ranked above', async () => {
			const user = userEvent.setup();
			render(CustomerTable, {
				page: ranked,
				query,
				classes: [
					{ name: 'A', upTo: 0.2 },
					{ name: 'B', upTo: 0.5 },
					{ name: 'C', upTo: 1 }
				],
				colors,
				metric: 'revenue',
				basis: 'count',
				customerCount: 10,
				onquery: vi.fn()
			});
			await user.click(screen.getByRole('button', { name: 'Why this class: Charlie' }));
			expect(screen.getByTestId('row-why')).toHaveTextContent(
				/^B: 20\.0% of the customers rank above it: the A bound \(20%\) is reached, the B bound \(50%\) is not\.$/
			);
		});

		it('a drill-down shows its label and "Show all customers" clears it', async () => {
			const user = userEvent.setup();
			const ondrillclear = vi.fn();
			const { unmount } = render(CustomerTable, {
				page: ranked,
				query: { ...query, only: { rankTo: 5 } },
				classes,
				colors,
				metric: 'revenue',
				drill: { only: { rankTo: 5 }, label: 'drill.top', params: { n: 5 } },
				ondrillclear,
				onquery: vi.fn()
			});
			const chip = screen.getByTestId('drill-chip');
			expect(chip).toHaveTextContent(/^Top 5 customers ✕ Show all customers$/);
			await user.click(within(chip).getByRole('button', { name: '✕ Show all customers' }));
			expect(ondrillclear).toHaveBeenCalledTimes(1);
			unmount();
			render(CustomerTable, { page: ranked, query, classes, colors, metric: 'revenue', onquery: vi.fn() });
			expect(screen.queryByTestId('drill-chip')).toBeNull();
		});

		it("a customer's name opens its page through the drill navigator", async () => {
			const user = userEvent.setup();
			const nav = { customer: vi.fn(), list: vi.fn() };
			setDrillNavigator(nav);
			render(CustomerTable, { page: ranked, query, classes, colors, metric: 'revenue', onquery: vi.fn() });
			const link = screen.getByRole('button', { name: 'Charlie' });
			expect(link).toHaveAttribute('title', 'Open the customer page: Charlie');
			await user.click(link);
			expect(nav.customer).toHaveBeenCalledTimes(1);
			expect(nav.customer).toHaveBeenCalledWith('K3');
			expect(nav.list).not.toHaveBeenCalled();
		});

		it('without names the key is the link', async () => {
			const user = userEvent.setup();
			const nav = { customer: vi.fn(), list: vi.fn() };
			setDrillNavigator(nav);
			render(CustomerTable, {
				page: { matching: 4, rows: ranked.rows.map((r) => ({ ...r, name: r.key })) },
				query,
				classes,
				colors,
				metric: 'revenue',
				onquery: vi.fn()
			});
			expect(screen.queryByRole('columnheader', { name: /Name/ })).toBeNull();
			await user.click(screen.getByRole('button', { name: 'K2' }));
			expect(nav.customer).toHaveBeenCalledWith('K2');
		});

		it('Russian: the boundary line and the drill label', () => {
			i18n.set('ru');
			render(CustomerTable, {
				page: ranked,
				query,
				classes,
				colors,
				metric: 'revenue',
				drill: { only: { rankTo: 3 }, label: 'drill.top', params: { n: 3 } },
				onquery: vi.fn()
			});
			expect(screen.getAllByTestId('class-boundary')[0]).toHaveTextContent(
				'Здесь заканчивается класс A: накопленная доля 81,4 % (граница 80 %)'
			);
			expect(screen.getByTestId('drill-chip')).toHaveTextContent('Топ-3 клиента');
		});
	});
});
