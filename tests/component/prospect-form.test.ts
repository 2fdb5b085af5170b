import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ProspectForm from '../../src/lib/components/ProspectForm.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { Prospect } from '../../src/lib/engine/crm-types';
import { newProspect } from '../../src/lib/engine/qualifier';
import { daysFromCivil } from '../../src/lib/core/calendar';

const TODAY = daysFromCivil(2024, 3, 1);

function prospect(over: Partial<Prospect> = {}): Prospect {
	return newProspect({ id: 'p1', workspaceId: 'w1', now: 1000 }, { updatedAt: 2000, ...over });
}

const MONEY = 'Do they have enough money to buy?';
const URGENT = 'Do they have a problem they need to solve now?';
const QUESTIONS = [
	MONEY,
	URGENT,
	'Do they like our unique selling proposition?',
	'Can the person we talk to say yes?',
	'Does our offer ask no extra sacrifice or uncomfortable terms of them?'
];

/** Tab forward until the focus is inside `el` (at most 40 presses). */
async function tabInto(user: ReturnType<typeof userEvent.setup>, el: HTMLElement) {
	for (let i = 0; i < 40 && !el.contains(document.activeElement); i++) await user.tab();
	expect(el.contains(document.activeElement)).toBe(true);
}

describe('ProspectForm', () => {
	beforeEach(() => i18n.set('en'));

	it('works with the keyboard only: Tab, type, arrows in a criterion group, Enter submits', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn();
		render(ProspectForm, { prospect: prospect(), today: TODAY, onsave, oncancel: vi.fn() });

		await user.tab();
		expect(screen.getByLabelText(/^Company/)).toHaveFocus();
		await user.keyboard('Acme Ltd');

		const money = screen.getByRole('group', { name: MONEY });
		await tabInto(user, money);
		// the checked radio of the group takes the focus; the right arrow wraps from "unknown" to "yes"
		expect(within(money).getByRole('radio', { name: 'unknown' })).toHaveFocus();
		await user.keyboard('{ArrowRight}');
		expect(within(money).getByRole('radio', { name: 'yes' })).toBeChecked();
		await user.tab();
		expect(within(money).getByRole('textbox', { name: 'Why we think so — Money' })).toHaveFocus();
		await user.keyboard('Budget approved');

		const urgent = screen.getByRole('group', { name: URGENT });
		await user.tab();
		expect(within(urgent).getByRole('radio', { name: 'unknown' })).toHaveFocus();
		await user.keyboard('{ArrowLeft}');
		expect(within(urgent).getByRole('radio', { name: 'no' })).toBeChecked();
		await user.tab();
		await user.keyboard('No deadline{Enter}');

		expect(onsave).toHaveBeenCalledTimes(1);
		const saved: Prospect = onsave.mock.calls[0][0];
		expect(saved.id).toBe('p1');
		expect(saved.company).toBe('Acme Ltd');
		expect(saved.criteria.money).toEqual({ value: 'yes', note: 'Budget approved' });
		expect(saved.criteria.urgentProblem).toEqual({ value: 'no', note: 'No deadline' });
		expect(saved.criteria.likesUsp).toEqual({ value: 'unknown', note: '' });
		expect(saved.updatedAt).toBe(2000);
		expect(saved.decisionHistory).toEqual([]);
	});

	it('saves the plain fields, deal size and a first decision date', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn();
		render(ProspectForm, { prospect: prospect({ company: 'Beta' }), today: TODAY, onsave, oncancel: vi.fn() });
		await user.type(screen.getByLabelText('Contact person'), 'Ann Lee');
		await user.type(screen.getByLabelText('Their role'), 'CFO');
		await user.type(screen.getByLabelText('Source'), 'Trade fair');
		await user.type(screen.getByLabelText('Expected deal size'), '12500');
		await user.type(screen.getByLabelText('Expected decision date'), '2024-04-15');
		await user.type(screen.getByLabelText('Notes'), 'Call back in April');
		await user.click(screen.getByRole('button', { name: 'Save' }));
		expect(onsave).toHaveBeenCalledWith(
			expect.objectContaining({
				company: 'Beta',
				contact: 'Ann Lee',
				role: 'CFO',
				source: 'Trade fair',
				dealSize: 12500,
				decisionDate: daysFromCivil(2024, 4, 15),
				notes: 'Call back in April',
				// setting a first date is recorded but is not a move
				decisionHistory: [{ from: null, to: daysFromCivil(2024, 4, 15), changedOn: TODAY }]
			})
		);
	});

	it('refuses to save without a company and says why', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn();
		render(ProspectForm, { prospect: prospect(), today: TODAY, onsave, oncancel: vi.fn() });
		expect(screen.queryByRole('alert')).toBeNull();
		await user.type(screen.getByLabelText('Contact person'), 'Ann');
		await user.click(screen.getByRole('button', { name: 'Save' }));
		expect(onsave).not.toHaveBeenCalled();
		expect(screen.getByRole('alert')).toHaveTextContent('Enter the company name.');
		const company = screen.getByLabelText(/^Company/);
		expect(company).toHaveAttribute('aria-invalid', 'true');
		expect(company).toHaveFocus();
		// blanks only are still empty
		await user.type(company, '   {Enter}');
		expect(onsave).not.toHaveBeenCalled();
	});

	it('shows the status live: unknown → to clarify, all yes → qualified, one no → set aside', async () => {
		const user = userEvent.setup();
		render(ProspectForm, {
			prospect: prospect({ company: 'Gamma' }),
			today: TODAY,
			onsave: vi.fn(),
			oncancel: vi.fn()
		});
		const status = screen.getByTestId('prospect-status');
		expect(status).toHaveTextContent('Status: to clarify');
		for (const q of QUESTIONS)
			await user.click(within(screen.getByRole('group', { name: q })).getByRole('radio', { name: 'yes' }));
		expect(status).toHaveTextContent('Status: qualified');
		await user.click(within(screen.getByRole('group', { name: QUESTIONS[3] })).getByRole('radio', { name: 'no' }));
		expect(status).toHaveTextContent('Status: set aside for later');
		await user.click(within(screen.getByRole('group', { name: QUESTIONS[3] })).getByRole('radio', { name: 'unknown' }));
		expect(status).toHaveTextContent('Status: to clarify');
	});

	it('flags a false client once the saved decision date has moved three times', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn();
		const first = daysFromCivil(2024, 3, 10);
		const { rerender } = render(ProspectForm, {
			prospect: prospect({ company: 'Delta', decisionDate: first }),
			today: TODAY,
			onsave,
			oncancel: vi.fn()
		});
		const dates = ['2024-03-20', '2024-04-05', '2024-04-30'];
		for (const [i, text] of dates.entries()) {
			expect(screen.queryByText('False client?')).toBeNull();
			const input = screen.getByLabelText('Expected decision date');
			await user.clear(input);
			await user.type(input, text);
			await user.click(screen.getByRole('button', { name: 'Save' }));
			expect(onsave).toHaveBeenCalledTimes(i + 1);
			await rerender({ prospect: onsave.mock.calls[i][0] });
		}
		const saved: Prospect = onsave.mock.calls[2][0];
		expect(saved.decisionHistory.map((h) => h.to)).toEqual([
			daysFromCivil(2024, 3, 20),
			daysFromCivil(2024, 4, 5),
			daysFromCivil(2024, 4, 30)
		]);
		expect(saved.decisionHistory[0].from).toBe(first);
		const warning = screen.getByTestId('false-client');
		expect(warning).toHaveTextContent('False client?');
		expect(warning).toHaveTextContent('The decision date has been moved 3 times.');
		expect(screen.getByText('Earlier decision dates: 2024-03-10, 2024-03-20, 2024-04-05')).toBeInTheDocument();
		// the form shows the saved prospect's values after the re-render
		expect(screen.getByLabelText('Expected decision date')).toHaveValue('2024-04-30');
	});

	it('flags a past decision date unless the prospect has decided', async () => {
		const past = prospect({ company: 'Epsilon', decisionDate: daysFromCivil(2024, 2, 1) });
		const { rerender } = render(ProspectForm, { prospect: past, today: TODAY, onsave: vi.fn(), oncancel: vi.fn() });
		expect(screen.getByTestId('false-client')).toHaveTextContent('The expected decision date has passed.');
		await rerender({ prospect: { ...past, decided: true } });
		expect(screen.queryByTestId('false-client')).toBeNull();
		expect(screen.getByLabelText('Decided (signed or refused)')).toBeChecked();
	});

	it('cancels without saving', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn();
		const oncancel = vi.fn();
		render(ProspectForm, { prospect: prospect({ company: 'Zeta' }), today: TODAY, onsave, oncancel });
		await user.click(screen.getByRole('button', { name: 'Cancel' }));
		expect(oncancel).toHaveBeenCalledTimes(1);
		expect(onsave).not.toHaveBeenCalled();
	});

	it('speaks Russian', () => {
		i18n.set('ru');
		render(ProspectForm, {
			prospect: prospect({ company: 'Ромашка' }),
			today: TODAY,
			onsave: vi.fn(),
			oncancel: vi.fn()
		});
		expect(screen.getByRole('group', { name: 'Есть ли у них деньги на покупку?' })).toBeInTheDocument();
		expect(screen.getByTestId('prospect-status')).toHaveTextContent('Статус: нужно уточнить');
		expect(screen.getByRole('button', { name: 'Сохранить' })).toBeInTheDocument();
	});
});
