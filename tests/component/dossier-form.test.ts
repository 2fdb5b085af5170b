import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import DossierForm from '../../src/lib/components/DossierForm.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { Dossier } from '../../src/lib/engine/crm-types';
import { dueFor, dueToday, emptyBonds, newDossier } from '../../src/lib/engine/cadence';
import { daysFromCivil } from '../../src/lib/core/calendar';

const TODAY = daysFromCivil(2024, 3, 1);

function dossier(over: Partial<Dossier> = {}): Dossier {
	return newDossier({ id: 'w1:C1', workspaceId: 'w1', customerKey: 'C1', customerName: 'Acme Ltd', now: 0 }, over);
}

/** what the accounts page passes: the dossier's lines of the Today list */
const due = (d: Dossier, today = TODAY) => dueFor(dueToday([d], null, today), d.id);

function setup(d: Dossier = dossier(), isKey = true, today = TODAY) {
	const props = {
		dossier: d,
		today,
		reminders: due(d, today),
		isKey,
		onsave: vi.fn(),
		onaddcontact: vi.fn(),
		onreviewed: vi.fn()
	};
	const r = render(DossierForm, props);
	return { ...props, ...r };
}

const VALUE_ONLY = /Only added value binds this customer/;

describe('DossierForm', () => {
	beforeEach(() => i18n.set('en'));

	it('warns when added value is the only bond, and saves the bonds', async () => {
		const user = userEvent.setup();
		const { onsave } = setup();
		expect(screen.getAllByRole('checkbox')).toHaveLength(7);
		expect(screen.getByRole('checkbox', { name: 'Zero choice' })).toHaveAccessibleDescription(
			'We are the only supplier of what they need.'
		);
		expect(screen.queryByText(VALUE_ONLY)).toBeNull();
		await user.click(screen.getByRole('checkbox', { name: 'Added value' }));
		expect(screen.getByRole('alert')).toHaveTextContent(VALUE_ONLY);
		await user.click(screen.getByRole('checkbox', { name: 'Personal' }));
		expect(screen.queryByText(VALUE_ONLY)).toBeNull();
		await user.click(screen.getByRole('button', { name: 'Save dossier' }));
		expect(onsave).toHaveBeenCalledTimes(1);
		expect(onsave.mock.calls[0][0].bonds).toEqual({ ...emptyBonds(), addedValue: true, personal: true });
		expect(onsave.mock.calls[0][0].id).toBe('w1:C1');
	});

	it('shows the warning for a stored value-only dossier', () => {
		setup(dossier({ bonds: { ...emptyBonds(), addedValue: true } }));
		expect(screen.getByRole('alert')).toHaveTextContent(VALUE_ONLY);
	});

	it('rates the relationship on four points and saves the text fields', async () => {
		const user = userEvent.setup();
		const { onsave } = setup(dossier({ rating: 2 }));
		const group = screen.getByRole('group', { name: "Relationship rating from the customer's point of view" });
		expect(within(group).getAllByRole('radio')).toHaveLength(5);
		expect(within(group).getByRole('radio', { name: '2 — fair: we are one of several suppliers' })).toBeChecked();
		await user.click(within(group).getByRole('radio', { name: '3 — good: they prefer us' }));
		await user.type(screen.getByLabelText('Decision makers'), 'CEO Ivanov');
		await user.type(screen.getByLabelText('Competitors trying to win this customer'), 'Globex');
		await user.type(screen.getByLabelText('Notes'), 'Expanding to Kazan');
		await user.click(screen.getByRole('button', { name: 'Save dossier' }));
		expect(onsave).toHaveBeenCalledWith(
			expect.objectContaining({
				rating: 3,
				decisionMakers: 'CEO Ivanov',
				competitors: 'Globex',
				notes: 'Expanding to Kazan'
			})
		);
		await user.click(within(group).getByRole('radio', { name: 'not rated' }));
		await user.click(screen.getByRole('button', { name: 'Save dossier' }));
		expect(onsave).toHaveBeenLastCalledWith(expect.objectContaining({ rating: null }));
	});

	it('adds a contact through its own sub-form', async () => {
		const user = userEvent.setup();
		const { onaddcontact, onsave } = setup();
		const form = screen.getByRole('form', { name: 'Add contact' });
		const date = within(form).getByLabelText('Date');
		expect(date).toHaveValue('2024-03-01');
		await user.clear(date);
		await user.type(date, '2024-02-20');
		await user.selectOptions(within(form).getByLabelText('Kind'), 'negative');
		await user.type(within(form).getByLabelText('Note'), 'Late delivery complaint');
		await user.click(within(form).getByRole('button', { name: 'Add contact' }));
		expect(onaddcontact).toHaveBeenCalledWith({
			day: daysFromCivil(2024, 2, 20),
			kind: 'negative',
			note: 'Late delivery complaint'
		});
		expect(within(form).getByLabelText('Note')).toHaveValue('');
		expect(onsave).not.toHaveBeenCalled();

		await user.clear(date);
		await user.click(within(form).getByRole('button', { name: 'Add contact' }));
		expect(onaddcontact).toHaveBeenCalledTimes(1);
		expect(screen.getByRole('alert')).toHaveTextContent('Enter the contact date.');
	});

	it('lists the contact log newest first', () => {
		setup(
			dossier({
				contacts: [
					{ day: daysFromCivil(2024, 1, 10), kind: 'positive', note: 'Lunch' },
					{ day: daysFromCivil(2024, 2, 5), kind: 'neutral', note: 'Invoice question' }
				]
			})
		);
		const rows = screen
			.getAllByRole('row')
			.slice(1)
			.map((r) =>
				within(r)
					.getAllByRole('cell')
					.map((c) => c.textContent?.trim())
			);
		expect(rows).toEqual([
			['Feb 5, 2024', 'neutral', 'Invoice question'],
			['Jan 10, 2024', 'positive', 'Lunch']
		]);
	});

	it('shows the reminders the Today list has for it, for an explicit today', async () => {
		const d = dossier({
			contacts: [{ day: daysFromCivil(2024, 2, 1), kind: 'positive', note: '' }],
			reviewedOn: null
		});
		const { rerender } = setup(d);
		const box = screen.getByTestId('dossier-reminders');
		expect(
			within(box)
				.getAllByRole('listitem')
				.map((li) => li.textContent)
		).toEqual(['contact due — 29 days without a positive contact', 'dossier review due']);
		expect(screen.getByText('Never reviewed')).toBeInTheDocument();

		const paused = dossier({
			contacts: [
				{ day: daysFromCivil(2024, 2, 1), kind: 'positive', note: '' },
				{ day: daysFromCivil(2024, 2, 25), kind: 'negative', note: '' }
			],
			reviewedOn: daysFromCivil(2024, 1, 15)
		});
		await rerender({ dossier: paused, reminders: due(paused) });
		expect(
			within(screen.getByTestId('dossier-reminders'))
				.getAllByRole('listitem')
				.map((li) => li.textContent)
		).toEqual(['pause personal contact until Mar 10, 2024']);
		expect(screen.getByText('Last reviewed: Jan 15, 2024')).toBeInTheDocument();

		await rerender({ today: daysFromCivil(2024, 3, 10), reminders: due(paused, daysFromCivil(2024, 3, 10)) });
		expect(
			within(screen.getByTestId('dossier-reminders'))
				.getAllByRole('listitem')
				.map((li) => li.textContent)
		).toEqual(['contact due — 38 days without a positive contact']);
	});

	it('marks the dossier reviewed and says so when nothing is due', async () => {
		const user = userEvent.setup();
		const { onreviewed } = setup(
			dossier({ contacts: [{ day: TODAY - 2, kind: 'positive', note: '' }], reviewedOn: TODAY - 30 })
		);
		expect(screen.getByText('Nothing due for this customer today.')).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Mark reviewed today' }));
		expect(onreviewed).toHaveBeenCalledTimes(1);
	});

	it('shows another dossier when the prop changes', async () => {
		const user = userEvent.setup();
		const { rerender, onsave } = setup(dossier({ notes: 'First notes', rating: 4 }));
		await user.type(screen.getByLabelText('Notes'), ' (edited)');
		await rerender({
			dossier: dossier({
				id: 'w1:C2',
				customerKey: 'C2',
				customerName: 'Beta Corp',
				notes: 'Beta notes',
				bonds: { ...emptyBonds(), brand: true }
			})
		});
		expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Dossier: Beta Corp');
		expect(screen.getByLabelText('Notes')).toHaveValue('Beta notes');
		expect(screen.getByRole('checkbox', { name: 'Brand' })).toBeChecked();
		expect(screen.getByRole('radio', { name: 'not rated' })).toBeChecked();
		await user.click(screen.getByRole('button', { name: 'Save dossier' }));
		expect(onsave).toHaveBeenCalledWith(expect.objectContaining({ id: 'w1:C2', notes: 'Beta notes', rating: null }));
	});

	it('turns the cadence off for a customer that is no longer key: only the review stays, as in the Today list', () => {
		const d = dossier();
		const customers = [
			{ key: 'C1', name: 'Acme Ltd', isKey: false, classIndex: 0, className: 'A', value: 1, share: 0.5 }
		];
		render(DossierForm, {
			dossier: d,
			today: TODAY,
			reminders: dueFor(dueToday([d], customers, TODAY), d.id),
			isKey: false,
			onsave: vi.fn(),
			onaddcontact: vi.fn(),
			onreviewed: vi.fn()
		});
		expect(screen.getByText(/Not a key customer in the current period/)).toBeInTheDocument();
		expect(
			within(screen.getByTestId('dossier-reminders'))
				.getAllByRole('listitem')
				.map((li) => li.textContent)
		).toEqual(['dossier review due']);
		expect(screen.queryByText(/Review the dossier at least every 3 months/)).toBeNull();
	});
});
