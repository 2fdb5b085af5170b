/**
 * FilterBar (src/lib/components/FilterBar.svelte, with FilterValues.svelte; README "Dimensions and
 * filters"): "+ Filter" offers the manager and every dimension with more than one value, each field's
 * values are a multi-select with row counts and (for long lists) a search, an active filter is a chip
 * stating its values, and the popovers close on Esc and on a pointer outside them.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import FilterBar from '../../src/lib/components/FilterBar.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import { MANAGER_FIELD } from '../../src/lib/state/filters.svelte';
import type { FilterOptions } from '../../src/lib/engine/drill-types';

const CATEGORIES = [
	'Technology',
	'Apparel',
	'Food',
	'Furniture',
	'Biotech',
	'Garden',
	'Toys',
	'Books',
	'Music',
	'Sports',
	'Office',
	'Auto'
];

const options = (olderDataset = false): FilterOptions => ({
	managers: {
		name: MANAGER_FIELD,
		values: [
			{ value: 'Ivanova', rows: 140 },
			{ value: 'Petrov', rows: 90 },
			{ value: 'Sidorov', rows: 35 }
		]
	},
	dimensions: [
		{
			name: 'Region',
			values: [
				{ value: 'West', rows: 1200 },
				{ value: 'East', rows: 80 },
				{ value: 'South', rows: 40 },
				{ value: 'North', rows: 20 },
				{ value: '', rows: 5 }
			]
		},
		{ name: 'Country', values: [{ value: 'France', rows: 265 }] },
		{ name: 'Category', values: CATEGORIES.map((value, i) => ({ value, rows: 100 - i })) }
	],
	olderDataset
});

const texts = (els: Element[]) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

function setup(chosen: Record<string, string[]> = {}, opts: FilterOptions | null = options()) {
	const onchange = vi.fn();
	const onclear = vi.fn();
	const result = render(FilterBar, { options: opts, chosen, onchange, onclear });
	return { ...result, onchange, onclear };
}

/** the "+ Filter" popover */
const addDetails = () => document.querySelector<HTMLDetailsElement>('details.add')!;
const chip = (field: string) => document.querySelector<HTMLDetailsElement>(`details.chip[data-field="${field}"]`)!;

async function openAdd(user: ReturnType<typeof userEvent.setup>) {
	const details = addDetails();
	await user.click(within(details).getByText(/Filter|Фильтр/, { selector: 'summary' }));
	expect(details.open).toBe(true);
	return details;
}

describe('FilterBar', () => {
	beforeEach(() => i18n.set('en'));
	afterEach(() => i18n.set('en'));

	it('"+ Filter" offers the manager and the dimensions with more than one value, with their counts', async () => {
		const user = userEvent.setup();
		setup();
		expect(screen.getByRole('group', { name: 'Filters' })).toBeInTheDocument();
		const summary = addDetails().querySelector('summary')!;
		expect(summary.textContent?.trim()).toBe('+ Filter');
		const details = await openAdd(user);
		expect(within(details).getByText('Filter by:')).toBeInTheDocument();
		const fields = within(details).getAllByRole('button');
		expect(texts(fields)).toEqual(['Manager 3 values', 'Region 5 values', 'Category 12 values']);
		expect(fields.map((b) => b.getAttribute('data-pick'))).toEqual(['manager', 'Region', 'Category']);
		expect(within(details).queryByText('Country')).toBeNull();
		// nothing chosen: no chip and nothing to clear
		expect(document.querySelector('details.chip')).toBeNull();
		expect(screen.queryByRole('button', { name: /Clear filters/ })).toBeNull();
	});

	it('picking a field lists its values with row counts, "(empty)" for the empty value; ticking one filters by it', async () => {
		const user = userEvent.setup();
		const { onchange } = setup();
		const details = await openAdd(user);
		await user.click(within(details).getByRole('button', { name: /^Region/ }));
		expect(details.dataset.field).toBe('Region');
		expect(within(details).getByRole('button', { name: '← Region' })).toBeInTheDocument();
		const values = within(details).getByRole('group', { name: 'Region' });
		expect(texts(within(values).getAllByRole('listitem'))).toEqual([
			'West 1,200',
			'East 80',
			'South 40',
			'North 20',
			'(empty) 5'
		]);
		expect(within(values).getByText('(empty)')).toHaveClass('empty');
		// five values: no search box, nothing chosen: no "All values"
		expect(within(values).queryByRole('searchbox')).toBeNull();
		expect(within(values).queryByRole('button', { name: 'Clear the selection' })).toBeNull();
		for (const box of within(values).getAllByRole('checkbox')) expect(box).not.toBeChecked();
		await user.click(within(values).getByRole('checkbox', { name: /West/ }));
		expect(onchange).toHaveBeenCalledTimes(1);
		expect(onchange).toHaveBeenCalledWith('Region', ['West']);
		await user.click(within(values).getByRole('checkbox', { name: /\(empty\)/ }));
		expect(onchange).toHaveBeenLastCalledWith('Region', ['']);
		// back to the field list
		await user.click(within(details).getByRole('button', { name: '← Region' }));
		expect(texts(within(details).getAllByRole('button'))).toEqual([
			'Manager 3 values',
			'Region 5 values',
			'Category 12 values'
		]);
	});

	it('the managers are a field of their own, passed as MANAGER_FIELD', async () => {
		const user = userEvent.setup();
		const { onchange } = setup();
		const details = await openAdd(user);
		await user.click(within(details).getByRole('button', { name: /^Manager/ }));
		expect(details.dataset.field).toBe('manager');
		const values = within(details).getByRole('group', { name: 'Manager' });
		expect(texts(within(values).getAllByRole('listitem'))).toEqual(['Ivanova 140', 'Petrov 90', 'Sidorov 35']);
		await user.click(within(values).getByRole('checkbox', { name: /Petrov/ }));
		expect(onchange).toHaveBeenCalledWith(MANAGER_FIELD, ['Petrov']);
	});

	it('an active filter is a chip: "3 of 5" for more than two values, the values themselves for one or two', () => {
		const { unmount } = setup({ Region: ['West', 'East', 'South'] });
		expect(chip('Region').querySelector('summary')!.textContent?.replace(/\s+/g, ' ').trim()).toBe('Region: 3 of 5');
		unmount();
		setup({ Region: ['West', ''], [MANAGER_FIELD]: ['Ivanova'] });
		expect(texts([...document.querySelectorAll('details.chip summary')])).toEqual([
			'Manager: Ivanova',
			'Region: West, (empty)'
		]);
	});

	it('an active field leaves the "+ Filter" list; a chosen field with one value still shows as a chip', async () => {
		const user = userEvent.setup();
		setup({ Region: ['West'], Country: ['France'] });
		expect(texts([...document.querySelectorAll('details.chip summary')])).toEqual(['Region: West', 'Country: France']);
		const details = await openAdd(user);
		expect(texts(within(details).getAllByRole('button'))).toEqual(['Manager 3 values', 'Category 12 values']);
	});

	it('a chip\'s values are ticked as chosen; ticking another adds it, unticking removes it, "All values" drops the filter', async () => {
		const user = userEvent.setup();
		const { onchange } = setup({ Region: ['West', 'East'] });
		const details = chip('Region');
		details.open = true;
		const values = within(details).getByRole('group', { name: 'Region' });
		expect(
			within(values)
				.getAllByRole('checkbox')
				.map((b) => (b as HTMLInputElement).checked)
		).toEqual([true, true, false, false, false]);
		await user.click(within(values).getByRole('checkbox', { name: /South/ }));
		expect(onchange).toHaveBeenLastCalledWith('Region', ['West', 'East', 'South']);
		await user.click(within(values).getByRole('checkbox', { name: /West/ }));
		expect(onchange).toHaveBeenLastCalledWith('Region', ['East']);
		await user.click(within(values).getByRole('button', { name: 'Clear the selection' }));
		expect(onchange).toHaveBeenLastCalledWith('Region', []);
		expect(onchange).toHaveBeenCalledTimes(3);
	});

	it('a long list gets a search box that filters the values by their label', async () => {
		const user = userEvent.setup();
		setup();
		const details = await openAdd(user);
		await user.click(within(details).getByRole('button', { name: /^Category/ }));
		const values = within(details).getByRole('group', { name: 'Category' });
		expect(within(values).getAllByRole('checkbox')).toHaveLength(12);
		const search = within(values).getByRole('searchbox', { name: 'Search Category' });
		expect(search).toHaveAttribute('placeholder', 'Find a value');
		await user.type(search, 'tech');
		expect(texts(within(values).getAllByRole('listitem'))).toEqual(['Technology 100', 'Biotech 96']);
		await user.clear(search);
		await user.type(search, 'TOY');
		expect(texts(within(values).getAllByRole('listitem'))).toEqual(['Toys 94']);
		await user.clear(search);
		await user.type(search, 'zzz');
		expect(within(values).queryAllByRole('listitem')).toHaveLength(0);
		expect(within(values).getByText('No value matches.')).toBeInTheDocument();
	});

	it('"Clear filters" shows with an active filter and calls onclear', async () => {
		const user = userEvent.setup();
		const { onclear, onchange } = setup({ Category: ['Food'] });
		await user.click(screen.getByRole('button', { name: '✕ Clear filters' }));
		expect(onclear).toHaveBeenCalledTimes(1);
		expect(onchange).not.toHaveBeenCalled();
	});

	it('an older dataset says to import the file again instead of offering filters', () => {
		setup({}, options(true));
		expect(screen.getByTestId('filters-older')).toHaveTextContent(
			'This dataset was imported before filters existed: import its file again to filter by region, category or any other column.'
		);
		expect(screen.queryByTestId('filter-bar')).toBeNull();
		expect(document.querySelector('details')).toBeNull();
	});

	it('shows nothing without options, or when no field has two values', () => {
		const { container, unmount } = setup({}, null);
		expect(container.querySelector('[data-testid="filter-bar"]')).toBeNull();
		unmount();
		setup(
			{},
			{ managers: null, dimensions: [{ name: 'Country', values: [{ value: 'France', rows: 3 }] }], olderDataset: false }
		);
		expect(screen.queryByTestId('filter-bar')).toBeNull();
		expect(screen.queryByTestId('filters-older')).toBeNull();
	});

	it('Esc closes an open popover and gives the focus back to its summary', async () => {
		const user = userEvent.setup();
		setup({ Region: ['West'] });
		const details = chip('Region');
		details.open = true;
		const box = within(details).getByRole('checkbox', { name: /East/ });
		box.focus();
		await user.keyboard('{Escape}');
		expect(details.open).toBe(false);
		expect(document.activeElement).toBe(details.querySelector('summary'));
		// the "+ Filter" popover too
		const add = await openAdd(user);
		expect(add.open).toBe(true);
		within(add)
			.getByRole('button', { name: /^Manager/ })
			.focus();
		await user.keyboard('{Escape}');
		expect(add.open).toBe(false);
	});

	it('closing "+ Filter" while a field\'s values show goes back to the field list next time', async () => {
		const user = userEvent.setup();
		setup();
		let add = await openAdd(user);
		await user.click(within(add).getByRole('button', { name: /^Category/ }));
		expect(within(add).getByRole('group', { name: 'Category' })).toBeInTheDocument();
		within(add).getByRole('searchbox').focus();
		await user.keyboard('{Escape}');
		expect(add.open).toBe(false);
		await vi.waitFor(() => expect(add.dataset.field).toBeUndefined());
		add = await openAdd(user);
		expect(within(add).queryByRole('group', { name: 'Category' })).toBeNull();
		expect(texts(within(add).getAllByRole('button'))).toEqual([
			'Manager 3 values',
			'Region 5 values',
			'Category 12 values'
		]);
	});

	it('a pointer pressed outside closes the popover; one inside does not', () => {
		setup({ Region: ['West'] });
		const details = chip('Region');
		details.open = true;
		fireEvent.pointerDown(within(details).getByRole('checkbox', { name: /East/ }));
		expect(details.open).toBe(true);
		fireEvent.pointerDown(document.body);
		expect(details.open).toBe(false);
		// a closed popover stays closed
		fireEvent.pointerDown(document.body);
		expect(details.open).toBe(false);
	});

	it('Russian: the "+ Фильтр" label and plural forms of the value count', async () => {
		i18n.set('ru');
		const user = userEvent.setup();
		setup();
		expect(addDetails().querySelector('summary')!.textContent?.trim()).toBe('+ Фильтр');
		const details = await openAdd(user);
		expect(within(details).getByText('Отобрать по полю:')).toBeInTheDocument();
		expect(texts(within(details).getAllByRole('button'))).toEqual([
			'Менеджер 3 значения',
			'Region 5 значений',
			'Category 12 значений'
		]);
		await user.click(within(details).getByRole('button', { name: /^Region/ }));
		expect(within(details).getByText('(пусто)')).toBeInTheDocument();
		expect(within(details).getByText('1 200')).toBeInTheDocument();
	});
});
