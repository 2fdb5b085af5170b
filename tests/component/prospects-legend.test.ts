import { render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ProspectList from '../../src/lib/components/ProspectList.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import { CRITERIA, type Prospect, type Tristate } from '../../src/lib/engine/crm-types';
import { emptyCriteria, newProspect } from '../../src/lib/engine/qualifier';

afterEach(() => i18n.set('en'));

function prospect(id: string, company: string, values: Tristate[]): Prospect {
	const criteria = emptyCriteria();
	CRITERIA.forEach((c, i) => (criteria[c] = { value: values[i], note: '' }));
	return newProspect({ id, workspaceId: 'w', now: 0 }, { company, criteria });
}

const list = [prospect('p1', 'Acme', ['yes', 'no', 'unknown', 'yes', 'yes'])];

function setup(prospects: Prospect[] = list) {
	render(ProspectList, {
		prospects,
		today: 20_000,
		filter: {},
		sort: 'company',
		descending: false,
		onfilter: vi.fn(),
		onsort: vi.fn(),
		onedit: vi.fn(),
		ondelete: vi.fn()
	});
}

describe('the criteria marks of the prospect list', () => {
	it('have a legend: ✓ met · ? unknown · ✗ not met', () => {
		setup();
		const legend = screen.getByRole('list', { name: 'Criteria marks' });
		expect(
			within(legend)
				.getAllByRole('listitem')
				.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())
		).toEqual(['✓ met', '? unknown', '✗ not met']);
	});

	it('name the criterion and its state, as a tooltip and as the accessible name', () => {
		setup();
		const row = screen.getByRole('row', { name: /Acme/ });
		const marks = within(row).getAllByRole('img');
		expect(marks.map((m) => m.getAttribute('aria-label'))).toEqual([
			'Money: met',
			'Urgent problem: not met',
			'Likes our USP: unknown',
			'Can say yes: met',
			'Acceptable offer: met'
		]);
		for (const m of marks) expect(m).toHaveAttribute('title', m.getAttribute('aria-label'));
		expect(marks.map((m) => m.textContent?.trim())).toEqual(['✓', '✗', '?', '✓', '✓']);
	});

	it('read in Russian and Romanian', () => {
		i18n.set('ru');
		setup();
		const legend = screen.getByRole('list', { name: 'Обозначения критериев' });
		expect(
			within(legend)
				.getAllByRole('listitem')
				.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())
		).toEqual(['✓ выполнен', '? неизвестно', '✗ не выполнен']);
		expect(screen.getByRole('img', { name: 'Деньги: выполнен' })).toHaveAttribute('title', 'Деньги: выполнен');
		document.body.innerHTML = '';
		i18n.set('ro');
		setup();
		expect(screen.getByRole('img', { name: 'Bani: îndeplinit' })).toBeInTheDocument();
		expect(screen.getByRole('list', { name: 'Semnele criteriilor' })).toHaveTextContent('neîndeplinit');
	});

	it('has no legend while the list shows no prospect', () => {
		setup([]);
		expect(screen.queryByRole('list', { name: 'Criteria marks' })).toBeNull();
	});
});
