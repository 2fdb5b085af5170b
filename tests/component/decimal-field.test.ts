/** Number fields read a Russian decimal comma as a comma, not as nothing (README "Numbers and dates"). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import DecimalField from '../../src/lib/components/DecimalField.svelte';
import XyzPanel from '../../src/lib/components/XyzPanel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';

afterEach(() => i18n.set('en'));

describe('DecimalField', () => {
	it('in Russian shows 18,1 and takes 25,5 as 25.5 once, on Enter or blur; text that is no number is marked', async () => {
		i18n.set('ru');
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(DecimalField, { id: 'n', value: 18.14, digits: 1, onchange, 'aria-label': 'Порог' });
		const input = screen.getByLabelText('Порог');
		expect(input).toHaveValue('18,1');
		await user.clear(input);
		await user.type(input, '25,5{Enter}');
		await user.tab();
		expect(onchange.mock.calls).toEqual([[25.5]]);
		expect(input).toHaveValue('25,5');
		await user.clear(input);
		await user.type(input, 'двадцать');
		await user.tab();
		expect(input).toHaveAttribute('aria-invalid', 'true');
		expect(onchange).toHaveBeenCalledTimes(1);
	});

	it('the XYZ X threshold typed as 25,5 in Russian becomes 25.5 %, not 255 %', async () => {
		i18n.set('ru');
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(XyzPanel, {
			view: null,
			settings: { mode: 'manual', xMax: 0.1, yMax: 0.25, zeroFill: true },
			metric: 'revenue',
			colors: ['#1d4ed8', '#0f766e', '#9a6700'],
			onchange
		});
		const x = screen.getByLabelText('X до, %');
		await user.clear(x);
		await user.type(x, '25,5');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith(expect.objectContaining({ mode: 'manual', xMax: 0.255 }));
	});
});
