/**
 * MeaningPanel (src/lib/components/MeaningPanel.svelte): the decisions the importer took for one
 * file, built from a real sniff of an inline CSV, each with the control that changes it; every
 * change goes out through onchange as a new choice.
 */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import MeaningPanel from '../../src/lib/components/MeaningPanel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { PendingFile } from '../../src/lib/state/app.svelte';
import { pendingFor } from './pending';

const STATUS_CSV = 'Order,Customer,Total,Status\n1,Ann,100,Paid\n2,Bob,50,Failed\n3,Ann,30,paid\n4,Cat,20,Refunded\n';

describe('MeaningPanel', () => {
	beforeEach(() => i18n.set('en'));

	it('lists the decisions: the status column and each sampled value with its kind and count', () => {
		render(MeaningPanel, { pending: pendingFor(STATUS_CSV), index: 0, onchange: vi.fn() });
		const panel = screen.getByTestId('decisions');
		expect(within(panel).getByText(/Status column «Status»/)).toBeInTheDocument();
		// 'Paid' and 'paid' are one value (normalised): 2 in the first rows, shown as first written
		expect(screen.getByLabelText(/^Paid/)).toHaveValue('sale');
		expect(screen.getByLabelText(/^Paid/)).toHaveAccessibleName('Paid 2 rows at the start of the file');
		expect(screen.getByLabelText(/^Failed/)).toHaveValue('excluded');
		expect(screen.getByLabelText(/^Refunded/)).toHaveValue('refunded');
		expect(screen.queryByLabelText(/^paid/)).toBeNull();
	});

	it('changing a value calls onchange with the new kind under the normalised value; the other values stay', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		const pending = pendingFor(STATUS_CSV);
		render(MeaningPanel, { pending, index: 0, onchange });
		await user.selectOptions(screen.getByLabelText(/^Failed/), 'sale');
		expect(onchange).toHaveBeenCalledTimes(1);
		const next = onchange.mock.lastCall![0] as PendingFile['choice'];
		expect(next.meaning?.status).toEqual({
			column: 3,
			context: 'status',
			values: { paid: 'sale', failed: 'sale', refunded: 'refunded' }
		});
		// the rest of the choice is passed on unchanged
		expect(next.mapping).toEqual(pending.choice.mapping);
		// the pending file's own meaning is not mutated
		expect(pending.choice.meaning?.status?.values.failed).toBe('excluded');
	});

	it('a document-type value cannot be "refunded in full"; a status value can', () => {
		render(MeaningPanel, {
			pending: pendingFor('Invoice,Customer,Type,Amount\nI1,Ann,Invoice,10\nI2,Bob,Credit Note,5\n'),
			index: 0,
			onchange: vi.fn()
		});
		const credit = screen.getByLabelText(/^Credit Note/);
		expect(credit).toHaveValue('return');
		expect(
			within(credit)
				.getAllByRole('option')
				.map((o) => (o as HTMLOptionElement).value)
		).toEqual(['sale', 'return', 'excluded']);
	});

	it('the returns checkbox toggles meaning.returnsFile, and says why when the title decided', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		const csv = 'Возврат товаров от клиента\n\nКонтрагент;Дата;Сумма\nКедр;03.02.2025;100\nБереза;04.02.2025;50\n';
		render(MeaningPanel, { pending: pendingFor(csv), index: 0, onchange });
		expect(screen.getByText(/Its title «Возврат товаров от клиента» says it is a list of returns/)).toBeInTheDocument();
		const box = screen.getByRole('checkbox', { name: /list of returns/ });
		expect(box).toBeChecked();
		await user.click(box);
		expect(onchange.mock.lastCall![0].meaning).toMatchObject({ returnsFile: false, returnsReason: null });
	});

	it("ticking the returns checkbox on an ordinary file marks it as the user's choice", async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(MeaningPanel, { pending: pendingFor('Customer,Amount\nAnn,10\nBob,5\n'), index: 0, onchange });
		const box = screen.getByRole('checkbox', { name: /list of returns/ });
		expect(box).not.toBeChecked();
		await user.click(box);
		expect(onchange.mock.lastCall![0].meaning).toMatchObject({ returnsFile: true, returnsReason: 'user' });
	});

	it('warns about scientific-notation ids with the example', () => {
		render(MeaningPanel, {
			pending: pendingFor('Account Number,Amount\n4.00123E+11,1200\n5.189E+11,800\n'),
			index: 0,
			onchange: vi.fn()
		});
		const note = screen.getByRole('note');
		expect(note).toHaveTextContent('(4.00123E+11)');
		expect(note).toHaveTextContent(/Export the id column as text/);
	});

	it('an unnamed column is shown as "Column N"; choosing no refund column sends refund −1', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(MeaningPanel, {
			pending: pendingFor('Email,,Total,Refunded Amount\na@x,foo,100,10\nb@x,bar,50,0\n'),
			index: 0,
			onchange
		});
		expect(screen.getByText(/Refunds in «Refunded Amount» are subtracted/)).toBeInTheDocument();
		const select = screen.getByLabelText('Refund column');
		expect(select).toHaveValue('3');
		expect(within(select).getByRole('option', { name: '2. Column 2' })).toBeInTheDocument();
		await user.selectOptions(select, '— not used —');
		expect(onchange.mock.lastCall![0].meaning.refund).toBe(-1);
	});

	it('a currency to keep: the select offers the seen currencies and sends the one picked', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(MeaningPanel, {
			pending: pendingFor('Invoice,Customer,Amount,Currency\nI1,Ann,100,EUR\nI2,Bob,50,USD\nI3,Cat,30,EUR\n'),
			index: 0,
			onchange
		});
		const select = screen.getByLabelText('Currency to count');
		expect(select).toHaveValue('EUR');
		await user.selectOptions(select, 'USD');
		expect(onchange.mock.lastCall![0].meaning.currency).toEqual({
			column: 3,
			keep: 'USD',
			converted: null,
			seen: ['EUR', 'USD']
		});
	});

	it('an order total counted once can be unticked: orderTotal becomes null', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(MeaningPanel, {
			pending: pendingFor('Order Number,Customer,Order Total\nA1,Ann,90\nA1,Ann,90\nA2,Bob,40\n'),
			index: 0,
			onchange
		});
		const box = screen.getByRole('checkbox', { name: 'Count the order total once per order' });
		expect(box).toBeChecked();
		await user.click(box);
		expect(onchange.mock.lastCall![0].meaning.orderTotal).toBeNull();
	});

	it('a plain file shows no value selects, no warning, only the returns checkbox', () => {
		render(MeaningPanel, { pending: pendingFor('Customer,Amount\nAnn,10\nBob,5\n'), index: 0, onchange: vi.fn() });
		expect(screen.queryAllByRole('combobox')).toEqual([]);
		expect(screen.queryByRole('note')).toBeNull();
		expect(screen.getAllByRole('checkbox')).toHaveLength(1);
	});
});
