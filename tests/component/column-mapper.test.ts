import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ColumnMapper from '../../src/lib/components/ColumnMapper.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import { pendingFor } from './pending';

describe('ColumnMapper', () => {
	beforeEach(() => i18n.set('en'));

	it('shows the auto-detected roles and a preview of the first rows', () => {
		const p = pendingFor(
			'Order ID,Order Date,Customer ID,Customer Name,Sales\nSO-1,2024-01-02,C1,Acme,100.50\nSO-2,2024-01-03,C2,Beta,20\n'
		);
		render(ColumnMapper, { pending: p, index: 0, onchange: vi.fn(), onoverride: vi.fn() });
		expect(screen.getByLabelText('Customer (key)')).toHaveValue('2');
		expect(screen.getByLabelText('Customer name')).toHaveValue('3');
		expect(screen.getByLabelText('Amount')).toHaveValue('4');
		expect(screen.getByLabelText('Date')).toHaveValue('1');
		expect(screen.getByLabelText('Order / invoice')).toHaveValue('0');
		expect(screen.getByRole('cell', { name: 'Acme' })).toBeInTheDocument();
		expect(screen.queryByRole('alert')).toBeNull();
	});

	it('proposes quantity × unit price when there is no amount column, and hides the amount select', () => {
		const p = pendingFor(
			'InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID\n536365,6,12/1/2010 8:26,2.55,17850\n536366,2,12/1/2010 8:28,1.85,17850\n'
		);
		render(ColumnMapper, { pending: p, index: 0, onchange: vi.fn(), onoverride: vi.fn() });
		expect(screen.getByLabelText('quantity × unit price')).toBeChecked();
		expect(screen.queryByLabelText('Amount')).toBeNull();
		expect(screen.getByLabelText('Quantity')).toHaveValue('1');
		expect(screen.getByLabelText('Unit price')).toHaveValue('3');
	});

	it('lets the user change a role with the keyboard; a column taken by another role is freed there', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		const p = pendingFor('Customer,Manager,Amount\nAcme,Ann,10\nBeta,Bob,20\n');
		render(ColumnMapper, { pending: p, index: 0, onchange, onoverride: vi.fn() });
		await user.selectOptions(screen.getByLabelText('Customer (key)'), '2. Manager');
		const next = onchange.mock.lastCall![0];
		expect(next.mapping.customerKey).toBe(1);
		expect(next.mapping.manager).toBe(-1);
	});

	it('asks for the customer column when none is mapped, and reports encoding changes', async () => {
		const user = userEvent.setup();
		const onoverride = vi.fn();
		const p = pendingFor('a,b\n1,2\n3,4\n');
		p.choice.mapping.customerKey = -1;
		render(ColumnMapper, { pending: p, index: 0, onchange: vi.fn(), onoverride });
		expect(screen.getByText('Choose the column with the customer.')).toBeInTheDocument();
		await user.selectOptions(screen.getByLabelText('Encoding'), 'windows-1251');
		expect(onoverride).toHaveBeenCalledWith({ encoding: 'windows-1251' });
	});

	describe('"Keep as filters"', () => {
		const csv = () => {
			const rows = ['Customer,Amount,Region,Product,Notes,Code'];
			for (let i = 0; i < 60; i++)
				rows.push(`C${i % 6},${i + 1},${['North', 'South'][i % 2]},P-${i},note ${i % 3},${i}`);
			return rows.join('\n') + '\n';
		};

		it('lists the text columns with their distinct values; a common name is ticked, an id-like column is not and says why', () => {
			render(ColumnMapper, { pending: pendingFor(csv()), index: 0, onchange: vi.fn(), onoverride: vi.fn() });
			const group = screen.getByRole('group', { name: 'Keep as filters' });
			const boxes = within(group).getAllByRole('checkbox');
			expect(boxes.map((b) => b.closest('label')!.textContent!.trim())).toEqual(['Region', 'Product', 'Notes']);
			const region = within(group).getByRole('checkbox', { name: 'Region' });
			expect(region).toBeChecked();
			expect(region).toHaveAccessibleDescription('2 distinct values in the first 60 rows');
			const product = within(group).getByRole('checkbox', { name: 'Product' });
			expect(product).not.toBeChecked();
			expect(product).toHaveAccessibleDescription('looks like an id: 60 distinct values in the first 60 rows');
			expect(within(group).getByRole('checkbox', { name: 'Notes' })).not.toBeChecked();
			// a numeric column is not offered
			expect(within(group).queryByRole('checkbox', { name: 'Code' })).toBeNull();
		});

		it('sends the ticked columns with the choice', async () => {
			const user = userEvent.setup();
			const onchange = vi.fn();
			const p = pendingFor(csv());
			const { rerender } = render(ColumnMapper, { pending: p, index: 0, onchange, onoverride: vi.fn() });
			await user.click(screen.getByRole('checkbox', { name: 'Notes' }));
			expect(onchange.mock.lastCall![0].dimensions).toEqual([2, 4]);
			await rerender({ pending: { ...p, choice: onchange.mock.lastCall![0] } });
			expect(screen.getByRole('checkbox', { name: 'Notes' })).toBeChecked();
			await user.click(screen.getByRole('checkbox', { name: 'Region' }));
			expect(onchange.mock.lastCall![0].dimensions).toEqual([4]);
		});

		it('reads in Russian', () => {
			i18n.set('ru');
			render(ColumnMapper, { pending: pendingFor(csv()), index: 0, onchange: vi.fn(), onoverride: vi.fn() });
			const group = screen.getByRole('group', { name: 'Оставить для фильтров' });
			expect(within(group).getByRole('checkbox', { name: 'Region' })).toHaveAccessibleDescription(
				'2 значения в 60 первых строках'
			);
			expect(within(group).getByRole('checkbox', { name: 'Product' })).toHaveAccessibleDescription(
				'похоже на код: 60 разных значений в 60 первых строках'
			);
		});

		it('is not shown when no column is left to keep', () => {
			render(ColumnMapper, {
				pending: pendingFor('Customer,Amount\nAcme,1\n'),
				index: 0,
				onchange: vi.fn(),
				onoverride: vi.fn()
			});
			expect(screen.queryByRole('group', { name: 'Keep as filters' })).toBeNull();
		});
	});
});
