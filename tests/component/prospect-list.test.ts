import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ProspectList from '../../src/lib/components/ProspectList.svelte';
import ProspectFunnel from '../../src/lib/components/ProspectFunnel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import { CRITERIA, type Criterion, type Prospect, type Tristate } from '../../src/lib/engine/crm-types';
import {
	emptyCriteria,
	listProspects,
	type ProspectFilter,
	type ProspectSort,
	newProspect
} from '../../src/lib/engine/qualifier';
import { daysFromCivil } from '../../src/lib/core/calendar';

const TODAY = daysFromCivil(2024, 3, 1);

function answers(values: Tristate[]): Prospect['criteria'] {
	const c = emptyCriteria();
	CRITERIA.forEach((k: Criterion, i) => (c[k] = { value: values[i] ?? 'unknown', note: '' }));
	return c;
}

function prospect(id: string, company: string, over: Partial<Prospect> = {}): Prospect {
	return newProspect({ id, workspaceId: 'w1', now: 0 }, { company, ...over });
}

const ALL_YES: Tristate[] = ['yes', 'yes', 'yes', 'yes', 'yes'];
const prospects: Prospect[] = [
	prospect('p1', 'Acme Ltd', {
		contact: 'Ann Lee',
		role: 'CFO',
		dealSize: 5000,
		decisionDate: daysFromCivil(2024, 4, 1),
		criteria: answers(ALL_YES)
	}),
	prospect('p2', 'Beta Corp', {
		contact: 'Bob',
		dealSize: 20000,
		decisionDate: daysFromCivil(2024, 2, 1), // past: false client
		criteria: answers(['yes', 'no', 'yes', 'unknown', 'yes'])
	}),
	prospect('p3', 'Gamma Inc', {
		dealSize: 800,
		decisionDate: daysFromCivil(2024, 3, 15),
		criteria: answers(['yes', 'yes', 'unknown', 'yes', 'yes'])
	}),
	prospect('p4', 'Delta GmbH', { criteria: answers(ALL_YES) })
];

function setup(filter: ProspectFilter = {}, sort: ProspectSort = 'decisionDate', descending = false, list = prospects) {
	const props = {
		prospects: list,
		today: TODAY,
		filter,
		sort,
		descending,
		onfilter: vi.fn(),
		onsort: vi.fn(),
		onedit: vi.fn(),
		ondelete: vi.fn()
	};
	const r = render(ProspectList, props);
	return { ...props, ...r };
}

const shownCompanies = () => screen.queryAllByRole('rowheader').map((c) => c.textContent?.trim());

describe('ProspectList', () => {
	beforeEach(() => i18n.set('en'));

	it('shows exactly the rows listProspects gives, in its order', async () => {
		const { rerender } = setup({}, 'decisionDate', false);
		expect(shownCompanies()).toEqual(listProspects(prospects, {}, 'decisionDate', false, TODAY).map((p) => p.company));
		expect(shownCompanies()).toEqual(['Beta Corp', 'Gamma Inc', 'Acme Ltd', 'Delta GmbH']);
		await rerender({ sort: 'dealSize', descending: true, filter: { status: 'qualified' } });
		expect(shownCompanies()).toEqual(['Acme Ltd', 'Delta GmbH']);
		expect(screen.getByText('Shown: 2 of 4')).toBeInTheDocument();
	});

	it('renders contact, deal size, date, status, false-client badge and criterion markers', () => {
		setup();
		const beta = screen.getByRole('row', { name: /Beta Corp/ });
		const cells = within(beta)
			.getAllByRole('cell')
			.map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
		expect(cells[0]).toBe('Bob');
		// the role follows the contact after a spaced separator
		expect(within(screen.getByRole('row', { name: /Acme Ltd/ })).getAllByRole('cell')[0].textContent).toBe(
			'Ann Lee · CFO'
		);
		expect(cells[1]).toBe('20,000');
		expect(cells[2]).toBe('Feb 1, 2024');
		expect(cells[3]).toBe('set aside for later False client?');
		expect(within(beta).getByRole('img', { name: 'Money: met' })).toHaveAttribute('title', 'Money: met');
		expect(within(beta).getByRole('img', { name: 'Urgent problem: not met' })).toBeInTheDocument();
		expect(within(beta).getByRole('img', { name: 'Can say yes: unknown' })).toBeInTheDocument();
		const acme = screen.getByRole('row', { name: /Acme Ltd/ });
		expect(within(acme).getByText('qualified')).toBeInTheDocument();
		expect(within(acme).queryByText('False client?')).toBeNull();
		const delta = screen.getByRole('row', { name: /Delta GmbH/ });
		expect(within(delta).getAllByRole('cell')[1]).toHaveTextContent('—');
	});

	it('asks for filters with the whole filter object', async () => {
		const user = userEvent.setup();
		const { onfilter, rerender } = setup({ search: 'a' });
		await user.selectOptions(screen.getByLabelText('Status'), 'set aside for later');
		expect(onfilter).toHaveBeenLastCalledWith({ search: 'a', status: 'setAside' });

		expect(screen.getByLabelText('Answer')).toBeDisabled();
		await user.selectOptions(screen.getByLabelText('Criterion'), 'Money');
		expect(onfilter).toHaveBeenLastCalledWith({ search: 'a', criterion: 'money' });

		await rerender({ filter: { criterion: 'money' } });
		expect(screen.getByLabelText('Answer')).toBeEnabled();
		await user.selectOptions(screen.getByLabelText('Answer'), 'no');
		expect(onfilter).toHaveBeenLastCalledWith({ criterion: 'money', criterionValue: 'no' });

		await rerender({ filter: { criterion: 'money', criterionValue: 'no' } });
		await user.selectOptions(screen.getByLabelText('Criterion'), 'Any criterion');
		expect(onfilter).toHaveBeenLastCalledWith({});

		await user.click(screen.getByLabelText('False clients only'));
		expect(onfilter).toHaveBeenLastCalledWith({ criterion: 'money', criterionValue: 'no', falseClientOnly: true });

		await rerender({ filter: {} });
		await user.type(screen.getByLabelText('Search prospects'), 'bet');
		expect(onfilter).toHaveBeenLastCalledWith({ search: 'bet' });
	});

	it('sorts through header buttons with aria-sort', async () => {
		const user = userEvent.setup();
		const { onsort } = setup({}, 'decisionDate', false);
		const dateHeader = screen.getByRole('columnheader', { name: /Decision date/ });
		expect(dateHeader).toHaveAttribute('aria-sort', 'ascending');
		expect(screen.getByRole('columnheader', { name: /Deal size/ })).toHaveAttribute('aria-sort', 'none');
		await user.click(screen.getByRole('button', { name: 'Sort by Deal size' }));
		expect(onsort).toHaveBeenLastCalledWith('dealSize', true);
		await user.click(screen.getByRole('button', { name: 'Sort by Decision date' }));
		expect(onsort).toHaveBeenLastCalledWith('decisionDate', true);
		await user.click(screen.getByRole('button', { name: 'Sort by Company' }));
		expect(onsort).toHaveBeenLastCalledWith('company', false);
	});

	it('names edit and delete buttons after the company', async () => {
		const user = userEvent.setup();
		const { onedit, ondelete } = setup();
		await user.click(screen.getByRole('button', { name: 'Delete Gamma Inc' }));
		expect(ondelete).toHaveBeenCalledWith('p3');
		await user.click(screen.getByRole('button', { name: 'Edit Acme Ltd' }));
		expect(onedit).toHaveBeenCalledWith('p1');
		expect(onedit).toHaveBeenCalledTimes(1);
		expect(ondelete).toHaveBeenCalledTimes(1);
	});

	it('has an empty state for no prospects and for no match', async () => {
		const { rerender } = setup({}, 'decisionDate', false, []);
		expect(screen.getByText('No prospects yet.')).toBeInTheDocument();
		expect(screen.queryByRole('table')).toBeNull();
		await rerender({ prospects, filter: { search: 'nothing like this' } });
		expect(screen.getByText('No prospect matches the filters.')).toBeInTheDocument();
		await rerender({ filter: { falseClientOnly: true } });
		expect(shownCompanies()).toEqual(['Beta Corp']);
	});
});

describe('ProspectFunnel', () => {
	beforeEach(() => i18n.set('en'));

	it('counts who passes each criterion, cumulatively, and by status', () => {
		render(ProspectFunnel, { prospects });
		expect(screen.getByText('Prospects: 4')).toBeInTheDocument();
		const row = (name: string) =>
			within(screen.getByRole('row', { name: new RegExp(`^${name}`) }))
				.getAllByRole('cell')
				.map((c) => c.textContent?.trim());
		expect(row('Money')).toEqual(['4', '4']);
		expect(row('Urgent problem')).toEqual(['3', '3']);
		expect(row('Likes our USP')).toEqual(['3', '2']);
		expect(row('Can say yes')).toEqual(['3', '2']);
		expect(row('Acceptable offer')).toEqual(['4', '2']);
		const statuses = within(screen.getByRole('list', { name: 'By status' }))
			.getAllByRole('listitem')
			.map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
		expect(statuses).toEqual(['qualified 2', 'to clarify 1', 'set aside for later 1']);
	});

	it('sizes the bars by share and has an empty state', async () => {
		const { container, rerender } = render(ProspectFunnel, { prospects });
		const bars = [...container.querySelectorAll<HTMLElement>('.bar')].map((b) => b.style.width);
		expect(bars.slice(0, 4)).toEqual(['100%', '100%', '75%', '75%']);
		await rerender({ prospects: [] });
		expect(screen.getByText('Add prospects to see the funnel.')).toBeInTheDocument();
	});
});
