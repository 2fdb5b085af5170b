import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import TodayList from '../../src/lib/components/TodayList.svelte';
import ManagersPanel from '../../src/lib/components/ManagersPanel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { Dossier, Reminder, TodayEntry } from '../../src/lib/engine/crm-types';
import { dueToday, emptyBonds, overloadedManagers } from '../../src/lib/engine/cadence';
import { daysFromCivil } from '../../src/lib/core/calendar';

const reminders: Reminder[] = [
	{
		kind: 'pauseContact',
		dossierId: 'd1',
		customerKey: 'C1',
		customerName: 'Acme Ltd',
		until: daysFromCivil(2024, 3, 10)
	},
	{ kind: 'contactDue', dossierId: 'd2', customerKey: 'C2', customerName: 'Beta Corp', daysSince: Infinity },
	{ kind: 'contactDue', dossierId: 'd3', customerKey: 'C3', customerName: 'Gamma Inc', daysSince: 12 },
	{ kind: 'reviewDue', dossierId: 'd1', customerKey: 'C1', customerName: 'Acme Ltd' },
	{ kind: 'reviewDue', dossierId: 'd4', customerKey: 'C4', customerName: '' }
];

const items = (heading: string) =>
	within(screen.getByRole('list', { name: heading }))
		.getAllByRole('listitem')
		.map((li) => li.textContent?.replace(/\s+/g, ' ').trim());

describe('TodayList', () => {
	beforeEach(() => i18n.set('en'));

	it('groups the due items by kind with their texts', () => {
		render(TodayList, { entries: reminders, onopen: vi.fn(), onstart: vi.fn() });
		expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent?.replace(/\s+/g, ' ').trim())).toEqual(
			['Pause personal contact (1)', 'Positive contact due (2)', 'Dossier review due (2)']
		);
		expect(items('Pause personal contact (1)')).toEqual(['Acme Ltd pause personal contact until Mar 10, 2024']);
		expect(items('Positive contact due (2)')).toEqual([
			'Beta Corp contact due — no positive contact recorded yet',
			'Gamma Inc contact due — 12 days without a positive contact'
		]);
		// a dossier without a name shows its customer key
		expect(items('Dossier review due (2)')).toEqual(['Acme Ltd dossier review due', 'C4 dossier review due']);
	});

	it('renders what dueToday computes for an explicit day', () => {
		const today = daysFromCivil(2024, 5, 20);
		const d: Dossier = {
			id: 'w1:K9',
			workspaceId: 'w1',
			customerKey: 'K9',
			customerName: 'Kappa',
			notes: '',
			decisionMakers: '',
			competitors: '',
			bonds: emptyBonds(),
			rating: null,
			contacts: [{ day: daysFromCivil(2024, 5, 5), kind: 'positive', note: '' }],
			reviewedOn: daysFromCivil(2024, 4, 1),
			createdAt: 0,
			updatedAt: 0
		};
		render(TodayList, { entries: dueToday([d], null, today), onopen: vi.fn(), onstart: vi.fn() });
		expect(items('Positive contact due (1)')).toEqual(['Kappa contact due — 15 days without a positive contact']);
		expect(screen.queryByRole('list', { name: /Dossier review due/ })).toBeNull();
	});

	it('opens the dossier of the clicked item', async () => {
		const user = userEvent.setup();
		const onopen = vi.fn();
		render(TodayList, { entries: reminders, onopen, onstart: vi.fn() });
		await user.click(screen.getByRole('button', { name: 'Open the dossier of Gamma Inc' }));
		expect(onopen).toHaveBeenCalledWith('d3');
		screen.getAllByRole('button', { name: 'Open the dossier of Acme Ltd' })[1].focus();
		await user.keyboard('{Enter}');
		expect(onopen).toHaveBeenLastCalledWith('d1');
		expect(onopen).toHaveBeenCalledTimes(2);
	});

	it('says when nothing is due', () => {
		render(TodayList, { entries: [], onopen: vi.fn(), onstart: vi.fn() });
		expect(screen.getByText('Nothing due today')).toBeInTheDocument();
		expect(screen.queryByRole('list')).toBeNull();
	});

	it('lists key and top-class customers without a dossier, each with a button that starts one', async () => {
		const user = userEvent.setup();
		const onstart = vi.fn();
		const onopen = vi.fn();
		const customers = [
			{ key: 'C7', name: 'Small Top', isKey: false, classIndex: 0, className: 'A', value: 90, share: 0.09 },
			{ key: 'C5', name: 'Big Key', isKey: true, classIndex: 0, className: 'A', value: 400, share: 0.4 },
			{ key: 'C6', name: 'Key B', isKey: true, classIndex: 1, className: 'B', value: 120, share: 0.12 },
			{ key: 'C1', name: 'Acme Ltd', isKey: true, classIndex: 0, className: 'A', value: 500, share: 0.5 }
		];
		const d: Dossier = {
			id: 'w1:C1',
			workspaceId: 'w1',
			customerKey: 'C1',
			customerName: 'Acme Ltd',
			notes: '',
			decisionMakers: '',
			competitors: '',
			bonds: emptyBonds(),
			rating: null,
			contacts: [],
			reviewedOn: null,
			createdAt: 0,
			updatedAt: 0
		};
		const entries: TodayEntry[] = dueToday([d], customers, daysFromCivil(2024, 5, 20));
		render(TodayList, { entries, onopen, onstart });
		expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent?.replace(/\s+/g, ' ').trim())).toEqual(
			['Positive contact due (1)', 'Dossier review due (1)', 'No dossier yet — start one (3)']
		);
		// by value, largest first; the customer with a dossier is only among the reminders
		expect(items('No dossier yet — start one (3)')).toEqual([
			'Big Key A · ★ key · 40.0% Start the dossier',
			'Key B B · ★ key · 12.0% Start the dossier',
			'Small Top A · 9.0% Start the dossier'
		]);
		await user.click(screen.getByRole('button', { name: 'Start the dossier of Key B' }));
		expect(onstart).toHaveBeenCalledWith('C6', 'Key B');
		expect(onopen).not.toHaveBeenCalled();
		await user.click(screen.getAllByRole('button', { name: 'Open the dossier of Acme Ltd' })[0]);
		expect(onopen).toHaveBeenCalledWith('w1:C1');
		expect(onstart).toHaveBeenCalledTimes(1);
	});

	it('speaks Russian', () => {
		i18n.set('ru');
		render(TodayList, { entries: reminders.slice(0, 1), onopen: vi.fn(), onstart: vi.fn() });
		expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('На сегодня');
		expect(screen.getByText(/не общаться лично до 10\.03\.2024/)).toBeInTheDocument();
	});

	it('names the group and the start button in Russian and Romanian', () => {
		const entries: TodayEntry[] = [
			{
				kind: 'noDossier',
				customerKey: 'K1',
				customerName: 'Альфа',
				isKey: true,
				classIndex: 0,
				className: 'A',
				value: 100,
				share: 0.5
			}
		];
		i18n.set('ru');
		const { unmount } = render(TodayList, { entries, onopen: vi.fn(), onstart: vi.fn() });
		expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('Досье пока нет — заведите его (1)');
		expect(screen.getByRole('button', { name: 'Завести досье: Альфа' })).toHaveTextContent('Завести досье');
		unmount();
		i18n.set('ro');
		render(TodayList, { entries, onopen: vi.fn(), onstart: vi.fn() });
		expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('Încă fără dosar — creați unul (1)');
		expect(screen.getByRole('button', { name: 'Creați dosarul clientului Альфа' })).toBeInTheDocument();
	});
});

describe('ManagersPanel', () => {
	beforeEach(() => i18n.set('en'));

	it('lists key customers per manager and flags more than three', () => {
		const managers = overloadedManagers([
			{ manager: 'Irina', customerKey: 'C1' },
			{ manager: 'Irina', customerKey: 'C2' },
			{ manager: 'Oleg', customerKey: 'C3' },
			{ manager: 'Oleg', customerKey: 'C4' },
			{ manager: 'Oleg', customerKey: 'C5' },
			{ manager: 'Oleg', customerKey: 'C6' }
		]);
		render(ManagersPanel, { managers });
		const oleg = screen.getByRole('row', { name: /Oleg/ });
		expect(
			within(oleg)
				.getAllByRole('cell')
				.map((c) => c.textContent?.trim())
		).toEqual(['4', 'C3, C4, C5, C6', 'more than 3 key customers: too many for one manager']);
		const irina = screen.getByRole('row', { name: /Irina/ });
		expect(
			within(irina)
				.getAllByRole('cell')
				.map((c) => c.textContent?.trim())
		).toEqual(['2', 'C1, C2', '']);
	});

	it('has an empty state', () => {
		render(ManagersPanel, { managers: [] });
		expect(screen.getByText('No manager is assigned to a key customer yet.')).toBeInTheDocument();
	});
});
