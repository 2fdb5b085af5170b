/** Date fields follow the UI language, not the browser (README "Numbers and dates"). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import DateField from '../../src/lib/components/DateField.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';

afterEach(() => i18n.set('en'));

describe('DateField', () => {
	it('writes 30.12.2025 in Russian, reports a typed whole date once, and rewrites itself when the language changes', async () => {
		i18n.set('ru');
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(DateField, { id: 'd', value: '2025-12-30', onchange, 'aria-label': 'Дата' });
		const input = screen.getByLabelText('Дата') as HTMLInputElement;
		expect(input).toHaveValue('30.12.2025');
		expect(input).toHaveAttribute('placeholder', 'дд.мм.гггг');
		await user.clear(input);
		await user.type(input, '01.02.2026');
		expect(onchange.mock.calls).toEqual([['2026-02-01']]);
		await user.tab();
		expect(onchange).toHaveBeenCalledTimes(1);
		i18n.set('en');
		flushSync();
		expect(input).toHaveValue('2026-02-01');
	});

	it('marks a day the calendar lacks as wrong on blur and reports an empty value; a short form is taken on Enter', async () => {
		i18n.set('ru');
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(DateField, { id: 'd', value: '', onchange, 'aria-label': 'Дата' });
		const input = screen.getByLabelText('Дата');
		await user.type(input, '31.02.2026');
		await user.tab();
		expect(input).toHaveAttribute('aria-invalid', 'true');
		expect(onchange).toHaveBeenLastCalledWith('');
		await user.clear(input);
		await user.type(input, '1.3.2026{Enter}');
		expect(onchange).toHaveBeenLastCalledWith('2026-03-01');
		expect(input).toHaveValue('01.03.2026');
		expect(input).not.toHaveAttribute('aria-invalid');
	});

	it('has a labelled calendar button', () => {
		i18n.set('ru');
		render(DateField, { id: 'd', value: '', 'aria-label': 'Дата' });
		expect(screen.getByRole('button', { name: 'Выбрать в календаре' })).toBeInTheDocument();
	});
});
