import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import SegmentTable from '../../src/lib/components/SegmentTable.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { SegmentRow } from '../../src/lib/engine/types';

const segments: SegmentRow[] = [
	{ classIndex: 0, name: 'gold', customers: 2, customerShare: 0.4, value: 750, valueShare: 0.75, average: 375 },
	{ classIndex: 1, name: 'silver', customers: 1, customerShare: 0.2, value: 150, valueShare: 0.15, average: 150 },
	{ classIndex: 2, name: 'bronze', customers: 2, customerShare: 0.4, value: 100, valueShare: 0.1, average: 50 }
];

describe('SegmentTable', () => {
	beforeEach(() => i18n.set('en'));

	it('shows one row per class with counts, sums, shares and averages, and a total row', () => {
		render(SegmentTable, { segments, metric: 'revenue', colors: ['#000', '#111', '#222'], total: 1000 });
		const gold = screen.getByRole('row', { name: /Gold/ });
		const goldCells = within(gold)
			.getAllByRole('cell')
			.map((c) => c.textContent);
		expect(goldCells.slice(0, 5)).toEqual(['2', '40.0%', '750.00', '75.0%', '375.00']);
		// the playbook of the top class sits beside it, the bottom class gets the automation one
		expect(goldCells[5]).toMatch(/^Personal, VIP-level service/);
		expect(within(screen.getByRole('row', { name: /Bronze/ })).getAllByRole('cell')[5].textContent).toMatch(
			/^Automate/
		);
		const total = screen.getByRole('row', { name: /Total/ });
		expect(
			within(total)
				.getAllByRole('cell')
				.map((c) => c.textContent)
		).toEqual(['5', '100.0%', '1,000', '100.0%', '200.00', '']);
		expect(screen.getByRole('heading', { name: /Segments/ })).toHaveTextContent('revenue');
	});

	it('speaks Russian with Russian number formatting', () => {
		i18n.set('ru');
		render(SegmentTable, { segments, metric: 'revenue', colors: ['#000', '#111', '#222'], total: 1000 });
		expect(screen.getByRole('row', { name: /Золотые/ })).toBeInTheDocument();
		const total = screen.getByRole('row', { name: /Итого/ });
		// ru-RU groups thousands with a no-break space and uses a decimal comma
		expect(within(total).getAllByRole('cell')[2].textContent).toBe('1\u00a0000');
		expect(within(total).getAllByRole('cell')[1].textContent).toBe('100,0\u00a0%');
	});
});
