/**
 * The Pareto chart names every class under the plot, however narrow its band: with
 * gold/silver/bronze and one customer making most of the total, the gold band is a sliver the
 * band label cannot fit in, and the legend still says "Gold: 1 customer, 70% of the total".
 */
import { render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ParetoChart from '../../src/lib/components/ParetoChart.svelte';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import { dashboardView } from '../../src/lib/engine/dashboard';
import { i18n } from '../../src/lib/i18n/index.svelte';
import { abcSettings, columnsOf } from '../unit/helpers';

vi.mock('chart.js', async (importOriginal) => {
	const real = await importOriginal<typeof import('chart.js')>();
	class FakeChart {
		static register = vi.fn();
		static defaults = { color: '' };
		destroy() {}
	}
	return { ...real, Chart: FakeChart };
});

afterEach(() => i18n.set('en'));

function viewOf() {
	const rows = [{ key: 'BIG', amount: 7000 }];
	for (let i = 0; i < 99; i++) rows.push({ key: `c${String(i).padStart(2, '0')}`, amount: 3000 / 99 });
	const data = columnsOf(rows, 2);
	const settings = abcSettings({ classes: [...PRESETS.gsb] });
	return dashboardView(data, classify(aggregate(data, settings), data.customerKeys, settings));
}

describe('ParetoChart legend', () => {
	it('names every class with its customers and share, and the 20/80 guide', () => {
		i18n.set('en');
		render(ParetoChart, { view: viewOf(), colors: ['#b8860b', '#7d8793', '#a0522d'] });
		const items = within(screen.getByTestId('chart-legend'))
			.getAllByRole('listitem')
			.map((li) => li.textContent?.trim());
		expect(items[0]).toBe('Gold: 1 customer, 70% of the total');
		expect(items).toHaveLength(4);
		expect(items[1]).toMatch(/^Silver: \d+ customers, \d+% of the total$/);
		expect(items[2]).toMatch(/^Bronze: \d+ customers, \d+% of the total$/);
		expect(items[3]).toBe('20/80 reference');
	});

	it('speaks Russian with its plural forms', () => {
		i18n.set('ru');
		render(ParetoChart, { view: viewOf(), colors: ['#b8860b', '#7d8793', '#a0522d'] });
		const first = within(screen.getByTestId('chart-legend')).getAllByRole('listitem')[0];
		expect(first.textContent?.trim()).toBe('Золотые: 1 клиент, 70\u00a0% итога');
	});
});
