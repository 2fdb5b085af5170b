import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CustomClassEditor from '../../src/lib/components/CustomClassEditor.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import { en } from '../../src/lib/i18n/en';
import type { ClassDef, Metric } from '../../src/lib/engine/types';

afterEach(() => i18n.set('en'));

const ABC: ClassDef[] = [
	{ name: 'A', upTo: 0.8 },
	{ name: 'B', upTo: 0.95 },
	{ name: 'C', upTo: 1 }
];

function setup(classes: ClassDef[] = ABC, metric: Metric = 'revenue') {
	const onapply = vi.fn();
	const r = render(CustomClassEditor, { classes, metric, onapply });
	return { onapply, user: userEvent.setup(), ...r };
}

const names = () => screen.getAllByLabelText(/^Name of class \d$/).map((i) => (i as HTMLInputElement).value);
const plays = () => screen.getAllByText(/^What to do: /).map((p) => p.textContent);

describe('the custom classes editor', () => {
	it('labels every bound "up to … % of" the metric, the last class "the rest, up to 100%"', () => {
		setup();
		expect(screen.getByLabelText('Class 1 up to % of revenue')).toHaveValue('80');
		expect(screen.getByLabelText('Class 2 up to % of revenue')).toHaveValue('95');
		expect(screen.queryByLabelText('Class 3 up to % of revenue')).toBeNull();
		expect(within(screen.getByRole('group', { name: 'Class 3' })).getByText('the rest, up to 100%')).toBeVisible();
		// the visible words are there, not only an aria-label
		expect(screen.getAllByText('up to')).toHaveLength(2);
		expect(screen.getAllByText('% of revenue')).toHaveLength(2);
	});

	it('names the metric of the settings, in the UI language', () => {
		setup(ABC, 'payments');
		expect(screen.getByLabelText('Class 1 up to % of payments')).toBeInTheDocument();
	});

	it('reads in Russian', () => {
		i18n.set('ru');
		setup(ABC, 'profit');
		expect(screen.getByLabelText('Класс 1 до % прибыли')).toHaveValue('80');
		expect(screen.getByText('остальные, до 100 %')).toBeInTheDocument();
		expect(screen.getAllByText(/^Что делать: /)).toHaveLength(3);
	});

	it('adds and removes classes keeping A, B, C, D, E from the top, with a playbook per position', async () => {
		const { user, onapply } = setup();
		const play = (keys: string[]) => keys.map((k) => `What to do: ${en[k as keyof typeof en]}`);
		expect(plays()).toEqual(play(['play.top', 'play.middle', 'play.bottom']));
		const add = screen.getByRole('button', { name: 'Add class' });
		const remove = screen.getByRole('button', { name: 'Remove last class' });
		await user.click(add);
		expect(names()).toEqual(['A', 'B', 'C', 'D']);
		expect(screen.getByLabelText('Class 3 up to % of revenue')).toHaveValue('97.5');
		expect(plays()).toEqual(play(['play.top', 'play.upperMiddle', 'play.lowerMiddle', 'play.bottom']));
		await user.click(add);
		expect(names()).toEqual(['A', 'B', 'C', 'D', 'E']);
		expect(add).toBeDisabled();
		expect(plays()[2]).toBe(`What to do: ${en['play.middle']}`);
		await user.click(remove);
		expect(names()).toEqual(['A', 'B', 'C', 'D']);
		await user.click(screen.getByRole('button', { name: 'Apply' }));
		expect(onapply).toHaveBeenLastCalledWith([
			{ name: 'A', upTo: 0.8 },
			{ name: 'B', upTo: 0.95 },
			{ name: 'C', upTo: 0.975 },
			{ name: 'D', upTo: 1 }
		]);
		await user.click(remove);
		await user.click(remove);
		expect(names()).toEqual(['A', 'B']);
		expect(remove).toBeDisabled();
	});

	it("keeps a user's own names when adding", async () => {
		const { user } = setup([
			{ name: 'Key', upTo: 0.6 },
			{ name: 'B', upTo: 0.9 },
			{ name: 'Rest', upTo: 1 }
		]);
		await user.click(screen.getByRole('button', { name: 'Add class' }));
		expect(names()).toEqual(['Key', 'B', 'C', 'Rest']);
	});

	it('says which class has an invalid bound and why, and does not apply', async () => {
		const { user, onapply } = setup();
		const second = screen.getByLabelText('Class 2 up to % of revenue');
		await user.clear(second);
		await user.type(second, '70');
		expect(screen.getByRole('alert')).toHaveTextContent(
			'Class 2 (B): the bound must be above the bound of class 1 (80 %).'
		);
		expect(second).toHaveAttribute('aria-invalid', 'true');
		expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
		await user.keyboard('{Enter}');
		expect(onapply).not.toHaveBeenCalled();

		await user.clear(second);
		await user.type(second, '99.5');
		expect(screen.getByRole('alert')).toHaveTextContent('Class 2 (B): the bound must be from 1 to 99 %.');
		await user.clear(second);
		expect(screen.getByRole('alert')).toHaveTextContent('Class 2 (B): the bound must be from 1 to 99 %.');
		await user.type(second, '90');
		expect(screen.queryByRole('alert')).toBeNull();

		const name = screen.getByLabelText('Name of class 3');
		await user.clear(name);
		expect(screen.getByRole('alert')).toHaveTextContent('Class 3: enter a name.');
		await user.type(name, 'A');
		expect(screen.getByRole('alert')).toHaveTextContent('Class 3 (A): class 1 already has this name.');
		expect(name).toHaveAttribute('aria-invalid', 'true');
	});
});
