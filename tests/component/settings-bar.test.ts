import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import SettingsBar from '../../src/lib/components/SettingsBar.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import { DEFAULT_SETTINGS, type UserSettings } from '../../src/lib/state/settings';
import type { Metric } from '../../src/lib/engine/types';

const metrics: Metric[] = ['revenue', 'payments', 'units', 'profit'];
// custom bounds 50 / 80 / 95 / 100 %
const customSettings: UserSettings = { ...DEFAULT_SETTINGS, preset: 'custom' };

function renderBar(settings: UserSettings = DEFAULT_SETTINGS, hasDates = true) {
	const onchange = vi.fn();
	render(SettingsBar, { settings, metrics, hasDates, onchange });
	// happy-dom 21 checks step="0.1" as `value % 0.1 !== 0` in floating point, so 50 % counts as a step
	// mismatch and the form would never submit. Browsers accept it; the component's own check
	// (the Apply button's disabled state) is what these tests are about.
	const form = document.querySelector('form');
	if (form) form.noValidate = true;
	return { onchange, user: userEvent.setup() };
}

/** Custom bounds stored: they show as one line; "Edit bounds" opens the editor. */
async function renderEditor() {
	const bar = renderBar(customSettings);
	await bar.user.click(screen.getByRole('button', { name: 'Edit bounds' }));
	return bar;
}

async function setBound(user: ReturnType<typeof userEvent.setup>, n: number, value: string) {
	const input = screen.getByLabelText(`Class ${n} up to % of revenue`);
	await user.clear(input);
	await user.type(input, value);
}

describe('SettingsBar', () => {
	beforeEach(() => i18n.set('en'));

	it('lists every classification preset, including the rank-based and 75/15/10 ones', async () => {
		const { onchange, user } = renderBar();
		expect(screen.getByRole('region', { name: 'Settings' })).toBeInTheDocument();
		const preset = screen.getByLabelText('Classification');
		expect(preset).toHaveValue('abc');
		expect(
			within(preset)
				.getAllByRole('option')
				.map((o) => o.textContent)
		).toEqual([
			'ABC 80/15/5',
			'Gold / silver / bronze 65/20/15',
			'ABC 70/20/10',
			'ABC 75/15/10',
			'Rank: top 20% / next 30% / rest of customers',
			'Custom bounds'
		]);
		await user.selectOptions(preset, 'Rank: top 20% / next 30% / rest of customers');
		expect(onchange).toHaveBeenLastCalledWith({ preset: 'rank203050' });
		await user.selectOptions(preset, 'ABC 75/15/10');
		expect(onchange).toHaveBeenLastCalledWith({ preset: 'abc7590' });
		// the custom editor is only there for custom bounds
		expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
	});

	it('reports metric, returns policy and key-customer share changes', async () => {
		const { onchange, user } = renderBar();
		expect(
			within(screen.getByLabelText('Metric'))
				.getAllByRole('option')
				.map((o) => o.textContent)
		).toEqual(['revenue', 'payments', 'units', 'profit']);
		await user.selectOptions(screen.getByLabelText('Metric'), 'payments');
		expect(onchange).toHaveBeenLastCalledWith({ metric: 'payments' });
		await user.selectOptions(screen.getByLabelText('Returns'), 'ignore');
		expect(onchange).toHaveBeenLastCalledWith({ returns: 'ignore' });
		const key = screen.getByLabelText('Key customer from');
		expect(
			within(key)
				.getAllByRole('option')
				.map((o) => o.textContent)
		).toEqual(['10%', '15%', '20%', '25%', '30%', '40%', '50%']);
		await user.selectOptions(key, '25%');
		expect(onchange).toHaveBeenLastCalledWith({ keyShare: 0.25 });
		expect(onchange).toHaveBeenCalledTimes(3);
	});

	it('includes the period picker, disabled without dates', () => {
		renderBar(DEFAULT_SETTINGS, false);
		expect(screen.getByLabelText('Period')).toBeDisabled();
		expect(screen.getByText(/No date column is mapped/)).toBeInTheDocument();
	});

	it('shows the custom bounds as percentages, the last class fixed at 100 %', async () => {
		await renderEditor();
		expect(screen.getAllByRole('group').map((g) => g.querySelector('legend')?.textContent)).toEqual([
			'Class 1',
			'Class 2',
			'Class 3',
			'Class 4'
		]);
		expect(screen.getByLabelText('Name of class 1')).toHaveValue('A');
		expect(screen.getByLabelText('Name of class 4')).toHaveValue('D');
		expect(screen.getByLabelText('Class 1 up to % of revenue')).toHaveValue('50');
		expect(screen.getByLabelText('Class 2 up to % of revenue')).toHaveValue('80');
		expect(screen.getByLabelText('Class 3 up to % of revenue')).toHaveValue('95');
		expect(screen.queryByLabelText('Class 4 up to % of revenue')).toBeNull();
		expect(
			within(screen.getByRole('group', { name: 'Class 4' })).getByText('the rest, up to 100%')
		).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Apply' })).toBeEnabled();
		expect(screen.queryByRole('alert')).toBeNull();
	});

	it('rejects decreasing bounds: shows the error and disables Apply', async () => {
		const { onchange, user } = await renderEditor();
		await setBound(user, 2, '40');
		expect(screen.getByRole('alert')).toHaveTextContent(
			'Class 2 (B): the bound must be above the bound of class 1 (50 %).'
		);
		expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
		// fixing it clears the error
		await setBound(user, 2, '70');
		expect(screen.queryByRole('alert')).toBeNull();
		expect(screen.getByRole('button', { name: 'Apply' })).toBeEnabled();
		expect(onchange).not.toHaveBeenCalled();
	});

	it('rejects bounds outside 1–99 % and empty names', async () => {
		const { user } = await renderEditor();
		await setBound(user, 3, '99.5');
		expect(screen.getByRole('alert')).toHaveTextContent('Class 3 (C): the bound must be from 1 to 99 %.');
		expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
		await setBound(user, 3, '95');
		expect(screen.getByRole('button', { name: 'Apply' })).toBeEnabled();
		await setBound(user, 1, '0.5');
		expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
		await setBound(user, 1, '50');
		await user.clear(screen.getByLabelText('Name of class 2'));
		expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
	});

	it('applies valid bounds as fractions, with the names as typed', async () => {
		const { onchange, user } = await renderEditor();
		await setBound(user, 1, '60');
		await user.clear(screen.getByLabelText('Name of class 1'));
		await user.type(screen.getByLabelText('Name of class 1'), 'Top');
		await user.click(screen.getByRole('button', { name: 'Apply' }));
		expect(onchange).toHaveBeenCalledTimes(1);
		expect(onchange).toHaveBeenLastCalledWith({
			custom: [
				{ name: 'Top', upTo: 0.6 },
				{ name: 'B', upTo: 0.8 },
				{ name: 'C', upTo: 0.95 },
				{ name: 'D', upTo: 1 }
			]
		});
	});

	it('adds a class before the last one (up to five) and removes it again (down to two)', async () => {
		const { onchange, user } = await renderEditor();
		const add = screen.getByRole('button', { name: 'Add class' });
		await user.click(add);
		expect(screen.getAllByRole('group')).toHaveLength(5);
		// halfway between the previous bound and 100 %
		expect(screen.getByLabelText('Class 4 up to % of revenue')).toHaveValue('97.5');
		// letter names follow their position: A, B, C, D, E from the top
		expect(screen.getByLabelText('Name of class 4')).toHaveValue('D');
		expect(screen.getByLabelText('Name of class 5')).toHaveValue('E');
		expect(add).toBeDisabled();
		await user.click(screen.getByRole('button', { name: 'Apply' }));
		expect(onchange).toHaveBeenLastCalledWith({
			custom: [
				{ name: 'A', upTo: 0.5 },
				{ name: 'B', upTo: 0.8 },
				{ name: 'C', upTo: 0.95 },
				{ name: 'D', upTo: 0.975 },
				{ name: 'E', upTo: 1 }
			]
		});

		// applied, the editor folds into one line; opened again, removing drops the last class and the
		// one before it becomes the 100 % class
		await user.click(screen.getByRole('button', { name: 'Edit bounds' }));
		const removeAgain = screen.getByRole('button', { name: 'Remove last class' });
		await user.click(removeAgain);
		await user.click(removeAgain);
		await user.click(removeAgain);
		expect(screen.getAllByRole('group')).toHaveLength(2);
		expect(removeAgain).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Add class' })).toBeEnabled();
		await user.click(screen.getByRole('button', { name: 'Apply' }));
		expect(onchange).toHaveBeenLastCalledWith({
			custom: [
				{ name: 'A', upTo: 0.5 },
				{ name: 'B', upTo: 1 }
			]
		});
	});

	it('applies with Enter from a bound field', async () => {
		const { onchange, user } = await renderEditor();
		await setBound(user, 2, '85');
		await user.keyboard('{Enter}');
		expect(onchange).toHaveBeenLastCalledWith({
			custom: [
				{ name: 'A', upTo: 0.5 },
				{ name: 'B', upTo: 0.85 },
				{ name: 'C', upTo: 0.95 },
				{ name: 'D', upTo: 1 }
			]
		});
	});

	it('does not apply invalid bounds with Enter either', async () => {
		const { onchange, user } = await renderEditor();
		await setBound(user, 2, '30');
		await user.keyboard('{Enter}');
		expect(onchange).not.toHaveBeenCalled();
	});

	it('custom bounds stored show as one line; Edit bounds opens the editor, Apply folds it again', async () => {
		const { onchange, user } = renderBar(customSettings);
		expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
		expect(screen.getByText(/A ≤ 50%, B ≤ 80%, C ≤ 95%, D ≤ 100%/)).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Edit bounds' }));
		await user.click(screen.getByRole('button', { name: 'Apply' }));
		expect(onchange).toHaveBeenCalledWith({ custom: expect.any(Array) });
		expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
		expect(screen.getByRole('button', { name: 'Edit bounds' })).toBeInTheDocument();
	});
});
