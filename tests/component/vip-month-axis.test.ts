/** The VIP month strips' axis and the explanation of "latest months" (issue 14). */
import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import VipPanel from '../../src/lib/components/VipPanel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { VipView } from '../../src/lib/engine/view-types';
import type { VipSettings } from '../../src/lib/engine/vip';

const settings: VipSettings = { variant: 'monthly', vipShare: 0.2, goodShare: 0.2, latestMonths: 2, lostDays: 60 };

/** `n` consecutive months from `from` ('YYYY-MM') */
function months(from: string, n: number): string[] {
	const [y, m] = from.split('-').map(Number);
	return Array.from({ length: n }, (_, i) => {
		const k = y * 12 + m - 1 + i;
		return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
	});
}

function viewOf(ms: string[]): VipView {
	return {
		variant: 'monthly',
		months: ms,
		counts: { vip: 1, good: 0, regular: 0, droppedOut: 0 },
		rows: [
			{
				key: 'C1',
				name: 'Acme',
				status: 'vip',
				value: 100,
				vipMonths: ms.map((_, i) => i % 2 === 0),
				droppedOut: false
			}
		],
		more: 0,
		lost: [],
		referenceDay: '2025-01-31'
	};
}

const labels = () =>
	[...screen.getByTestId('vip-month-axis').querySelectorAll('.tick')].map((t) => t.textContent?.trim() ?? '');

describe('VIP month axis', () => {
	beforeEach(() => i18n.set('en'));

	it('labels every month of a short period, the year on the first month and on January', () => {
		render(VipPanel, { view: viewOf(months('2024-11', 4)), settings, metric: 'revenue', onchange: vi.fn() });
		const axis = screen.getByTestId('vip-month-axis');
		expect(axis).toHaveAttribute('aria-hidden', 'true');
		expect(labels()).toEqual(['Nov 2024', 'Dec', 'Jan 2025', 'Feb']);
		// one slot per strip cell
		const strip = within(screen.getAllByRole('row')[1]).getByRole('img');
		expect(strip.querySelectorAll('.cell')).toHaveLength(axis.querySelectorAll('.tick').length);
	});

	it('labels every Nth month of a long period, and always the first and the last', () => {
		// 30 months: every ⌈30/12⌉ = 3rd, plus the last (index 29)
		render(VipPanel, { view: viewOf(months('2022-03', 30)), settings, metric: 'revenue', onchange: vi.fn() });
		const shown = labels()
			.map((l, i) => (l ? i : -1))
			.filter((i) => i >= 0);
		expect(shown).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 29]);
		expect(labels()[0]).toBe('Mar 2022');
		expect(labels()[29]).toBe('Aug');
		expect(labels()[9]).toBe('Dec');
		expect(labels()[12]).toBe('Mar');
	});

	it('writes the month names in the UI language', () => {
		i18n.set('ru');
		render(VipPanel, { view: viewOf(months('2024-12', 3)), settings, metric: 'revenue', onchange: vi.fn() });
		expect(labels()).toEqual(['дек. 2024', 'янв. 2025', 'февр.']);
	});
});

describe('the latest-months explanation', () => {
	beforeEach(() => i18n.set('en'));

	it('states the dropped-out rule for the number of months set, with plural forms', () => {
		const { unmount } = render(VipPanel, { view: null, settings, metric: 'revenue', onchange: vi.fn() });
		const input = screen.getByLabelText('Latest months');
		expect(input).toHaveAccessibleDescription(
			'A VIP customer who was not among the month’s VIP in any of the latest 2 months of the period counts as dropped out of VIP and is shown as good.'
		);
		unmount();

		render(VipPanel, { view: null, settings: { ...settings, latestMonths: 1 }, metric: 'revenue', onchange: vi.fn() });
		expect(screen.getByLabelText('Latest months')).toHaveAccessibleDescription(
			'A VIP customer who was not among the month’s VIP in the latest month of the period counts as dropped out of VIP and is shown as good.'
		);
	});

	it('reads in Russian with the right forms', () => {
		i18n.set('ru');
		for (const [n, phrase] of [
			[1, 'в последнем месяце'],
			[2, 'ни в одном из последних 2 месяцев'],
			[5, 'ни в одном из последних 5 месяцев'],
			[21, 'ни в одном из последних 21 месяца']
		] as const) {
			const { unmount } = render(VipPanel, {
				view: null,
				settings: { ...settings, latestMonths: n },
				metric: 'revenue',
				onchange: vi.fn()
			});
			expect(screen.getByText(new RegExp(phrase))).toBeInTheDocument();
			unmount();
		}
	});

	it('says the whole-period variant has no dropping out', () => {
		render(VipPanel, {
			view: null,
			settings: { ...settings, variant: 'period' },
			metric: 'revenue',
			onchange: vi.fn()
		});
		expect(screen.getByLabelText('Latest months')).toHaveAccessibleDescription(
			'Dropping out applies to the month-by-month variant only: the whole-period variant has a single VIP list.'
		);
	});
});
