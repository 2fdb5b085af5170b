import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import CustomerTable from '../../src/lib/components/CustomerTable.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { CustomerPage, CustomerQuery } from '../../src/lib/engine/customer-table';

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
		expect(cells).toEqual(['1', 'C1', '<img src=x onerror=alert(1)>', '500.00', '50.0%', '50.0%', 'A ?', '★ key']);
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
});
