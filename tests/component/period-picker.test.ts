import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import PeriodPicker from '../../src/lib/components/PeriodPicker.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import { DEFAULT_SETTINGS, type UserSettings } from '../../src/lib/state/settings';

const custom: UserSettings = {
	...DEFAULT_SETTINGS,
	period: 'custom',
	periodFrom: '2024-01-01',
	periodTo: '2024-06-30'
};

describe('PeriodPicker', () => {
	beforeEach(() => i18n.set('en'));

	it('is disabled, at "All time", and says why when there is no date column', () => {
		render(PeriodPicker, { settings: custom, hasDates: false, onchange: vi.fn() });
		const select = screen.getByLabelText('Period');
		expect(select).toBeDisabled();
		expect(select).toHaveValue('all');
		expect(select).toHaveAccessibleDescription(
			'No date column is mapped, so the period filter and the monthly methods are unavailable.'
		);
		// a custom period stored in the settings is not offered without dates
		expect(screen.queryByLabelText('From')).toBeNull();
		expect(screen.queryByLabelText('To')).toBeNull();
	});

	it('offers every period preset and reports the chosen one', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(PeriodPicker, { settings: { ...DEFAULT_SETTINGS, period: 'last12' }, hasDates: true, onchange });
		const select = screen.getByLabelText('Period');
		expect(select).toBeEnabled();
		expect(select).toHaveValue('last12');
		expect(select).not.toHaveAttribute('aria-describedby');
		expect(screen.queryByText(/No date column is mapped/)).toBeNull();
		expect(
			within(select)
				.getAllByRole('option')
				.map((o) => o.textContent)
		).toEqual([
			'All time',
			'Last 12 months',
			'Last 6 months',
			'Last complete quarter',
			'Calendar year',
			'Custom range'
		]);
		expect(screen.queryByLabelText('From')).toBeNull();
		await user.selectOptions(select, 'Last complete quarter');
		expect(onchange).toHaveBeenLastCalledWith({ period: 'lastQuarter' });
		await user.selectOptions(select, 'Custom range');
		expect(onchange).toHaveBeenLastCalledWith({ period: 'custom' });
		expect(onchange).toHaveBeenCalledTimes(2);
	});

	it('a custom period shows From and To and reports each bound on its own', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(PeriodPicker, { settings: custom, hasDates: true, onchange });
		const from = screen.getByLabelText('From');
		const to = screen.getByLabelText('To');
		expect(from).toHaveAttribute('placeholder', 'yyyy-mm-dd');
		expect(from).toHaveValue('2024-01-01');
		expect(to).toHaveValue('2024-06-30');

		await user.clear(from);
		await user.type(from, '2024-02-01');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({ periodFrom: '2024-02-01' });

		await user.clear(to);
		await user.type(to, '2024-05-31');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({ periodTo: '2024-05-31' });
		// (clearing a date input is itself a change, reported as an empty bound)
		expect(onchange.mock.calls.map(([next]) => next).filter((next) => Object.values(next)[0] !== '')).toEqual([
			{ periodFrom: '2024-02-01' },
			{ periodTo: '2024-05-31' }
		]);
	});

	it('follows new settings from outside', async () => {
		const { rerender } = render(PeriodPicker, { settings: custom, hasDates: true, onchange: vi.fn() });
		await rerender({ settings: { ...custom, periodFrom: '2023-03-01', periodTo: '2023-12-31' } });
		expect(screen.getByLabelText('From')).toHaveValue('2023-03-01');
		expect(screen.getByLabelText('To')).toHaveValue('2023-12-31');
	});

	it('a custom range starts from the days shown now; one set before is kept', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		const { unmount } = render(PeriodPicker, {
			settings: DEFAULT_SETTINGS,
			hasDates: true,
			range: ['2024-01-01', '2025-12-30'],
			onchange
		});
		await user.selectOptions(screen.getByLabelText('Period'), 'Custom range');
		expect(onchange).toHaveBeenLastCalledWith({ period: 'custom', periodFrom: '2024-01-01', periodTo: '2025-12-30' });
		unmount();
		render(PeriodPicker, {
			settings: { ...custom, period: 'all' },
			hasDates: true,
			range: ['2024-01-01', '2025-12-30'],
			onchange
		});
		await user.selectOptions(screen.getByLabelText('Period'), 'Custom range');
		expect(onchange).toHaveBeenLastCalledWith({ period: 'custom' });
	});
});
