import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setDrillNavigator } from '../../src/lib/state/drill-nav';
import RecencyPanel from '../../src/lib/components/RecencyPanel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { RecencyView } from '../../src/lib/engine/view-types';
import type { RecencySettings } from '../../src/lib/engine/recency';

const settings: RecencySettings = { activeDays: 90, sleepingDays: 180 };

const view: RecencyView = {
	referenceDay: '2024-06-30',
	counts: { active: 1234, sleeping: 56, lost: 7 },
	quietTop: [
		{ key: 'Q1', name: 'Old Faithful', daysSince: 1200, status: 'lost', value: 987.5 },
		{ key: 'Q2', name: 'Dozy', daysSince: 120, status: 'sleeping', value: 15000 },
		{ key: 'Q3', name: 'Undated', daysSince: Infinity, status: 'lost', value: 42 }
	]
};

const cellTexts = (row: HTMLElement) =>
	within(row)
		.getAllByRole('cell')
		.map((c) => c.textContent?.trim());

describe('RecencyPanel', () => {
	beforeEach(() => i18n.set('en'));

	it('shows the loading message while computing', () => {
		render(RecencyPanel, { view: null, settings, metric: 'revenue', onchange: vi.fn() });
		expect(screen.getByText('Computing…')).toBeInTheDocument();
		expect(screen.queryByTestId('recency-counts')).toBeNull();
		expect(screen.getByLabelText('Active up to, days')).toHaveValue(90);
		expect(screen.getByLabelText('Sleeping up to, days')).toHaveValue(180);
	});

	it('shows the counts line with the reference day and the quiet top-class customers', () => {
		render(RecencyPanel, { view, settings, metric: 'revenue', onchange: vi.fn() });
		expect(screen.getByTestId('recency-counts')).toHaveTextContent(
			'Active: 1,234 · sleeping: 56 · lost: 7 (as of Jun 30, 2024)'
		);
		expect(screen.getByRole('heading', { name: 'Top-class customers who have gone quiet' })).toBeInTheDocument();
		const rows = screen.getAllByRole('row');
		expect(
			within(rows[0])
				.getAllByRole('columnheader')
				.map((h) => h.textContent)
		).toEqual(['Customer', 'Status', 'Days since', 'Value']);
		expect(cellTexts(rows[1])).toEqual(['Old Faithful', 'lost', '1,200', '988']);
		expect(cellTexts(rows[2])).toEqual(['Dozy', 'sleeping', '120', '15,000']);
		// no dated purchase at all
		expect(cellTexts(rows[3])).toEqual(['Undated', 'lost', '—', '42']);
		expect(screen.queryByText('Every top-class customer bought recently.')).toBeNull();
	});

	it('says every top-class customer bought recently when none went quiet', () => {
		render(RecencyPanel, { view: { ...view, quietTop: [] }, settings, metric: 'units', onchange: vi.fn() });
		expect(screen.getByText('Every top-class customer bought recently.')).toBeInTheDocument();
		expect(screen.queryByRole('table')).toBeNull();
	});

	it('reports changed thresholds with the other one kept', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(RecencyPanel, { view, settings, metric: 'revenue', onchange });
		await user.clear(screen.getByLabelText('Active up to, days'));
		await user.type(screen.getByLabelText('Active up to, days'), '30');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({ activeDays: 30, sleepingDays: 180 });
		await user.clear(screen.getByLabelText('Sleeping up to, days'));
		await user.type(screen.getByLabelText('Sleeping up to, days'), '365');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({ activeDays: 90, sleepingDays: 365 });
		expect(onchange).toHaveBeenCalledTimes(2);
	});

	it('speaks Russian with Russian number formatting', () => {
		i18n.set('ru');
		render(RecencyPanel, { view, settings, metric: 'revenue', onchange: vi.fn() });
		expect(screen.getByRole('heading', { name: 'Давность покупок' })).toBeInTheDocument();
		expect(screen.getByLabelText('Активен до, дней')).toHaveValue(90);
		expect(screen.getByLabelText('Спящий до, дней')).toHaveValue(180);
		// ru-RU groups thousands with a no-break space and uses a decimal comma
		expect(screen.getByTestId('recency-counts').textContent?.trim()).toBe(
			'Активные: 1\u00a0234 · спящие: 56 · потерянные: 7 (на 30.06.2024)'
		);
		const rows = screen.getAllByRole('row');
		expect(
			within(rows[0])
				.getAllByRole('columnheader')
				.map((h) => h.textContent)
		).toEqual(['Клиент', 'Статус', 'Прошло дней', 'Значение']);
		expect(cellTexts(rows[1])).toEqual(['Old Faithful', 'потерянный', '1\u00a0200', '988']);
		expect(cellTexts(rows[2])).toEqual(['Dozy', 'спящий', '120', '15\u00a0000']);
	});

	it('switches language on the fly', async () => {
		render(RecencyPanel, { view: { ...view, quietTop: [] }, settings, metric: 'revenue', onchange: vi.fn() });
		expect(screen.getByText('Every top-class customer bought recently.')).toBeInTheDocument();
		i18n.set('ru');
		expect(await screen.findByText('Все клиенты высшего класса покупали недавно.')).toBeInTheDocument();
		expect(screen.getByTestId('recency-counts').textContent).toContain('1\u00a0234');
	});

	it("a quiet customer's name is a button that opens the customer page", async () => {
		const nav = { customer: vi.fn(), list: vi.fn() };
		setDrillNavigator(nav);
		try {
			render(RecencyPanel, { view, settings, metric: 'revenue', onchange: vi.fn() });
			await userEvent.setup().click(screen.getByRole('button', { name: 'Dozy' }));
			expect(nav.customer).toHaveBeenCalledWith('Q2');
		} finally {
			setDrillNavigator(null);
		}
	});
});
