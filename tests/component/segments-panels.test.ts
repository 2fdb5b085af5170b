/**
 * RfmPanel, TypesPanel and PriceWhatIf (issue 16): the RFM tab's grid, segments and classes ×
 * segments with their drill; the Customer types tab's table, its note without discount data, its
 * thresholds; the what-if's sentence and figures following its inputs. Views are made by the engine
 * from small hand-worked datasets.
 */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import RfmPanel from '../../src/lib/components/RfmPanel.svelte';
import TypesPanel from '../../src/lib/components/TypesPanel.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import { setDrillNavigator } from '../../src/lib/state/drill-nav';
import { aggregate } from '../../src/lib/engine/aggregate';
import { classify } from '../../src/lib/engine/abc';
import { rfm } from '../../src/lib/engine/rfm';
import { DEFAULT_REESE, reeseTypes } from '../../src/lib/engine/reese';
import { DEFAULT_PRICE_RAISE } from '../../src/lib/engine/price-whatif';
import { reeseView, rfmView } from '../../src/lib/engine/segment-views';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { build, day, type DrillRow } from '../unit/drill-fixture';

const settings: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [
		{ name: 'A', upTo: 0.8 },
		{ name: 'B', upTo: 0.95 },
		{ name: 'C', upTo: 1 }
	],
	keyShare: 0.1,
	monoShare: 0.5
};

const ref = day(2025, 6, 30);
let order = 0;
const sale = (key: string, amount: number, daysAgo: number, discount?: number): DrillRow => ({
	key,
	amount,
	day: ref - daysAgo,
	order: ++order,
	...(discount !== undefined ? { discount } : {})
});

// five customers, one per R score: A most recent … E longest ago; A and E buy most often
const rows = [
	sale('A', 100, 0),
	sale('A', 100, 1),
	sale('A', 100, 2),
	sale('B', 50, 10),
	sale('C', 40, 40),
	sale('D', 30, 100),
	sale('E', 500, 200),
	sale('E', 500, 210),
	sale('E', 500, 220)
];

beforeEach(() => i18n.set('en'));
afterEach(() => setDrillNavigator(null));

describe('RfmPanel', () => {
	const data = build(rows);
	const c = classify(aggregate(data, settings), data.customerKeys, settings);
	const view = rfmView(data, rfm(data, settings), c);

	it('draws the R × F grid, the segments with their revenue and the classes × segments table', () => {
		render(RfmPanel, { view });
		// E: R 1, F 4.5 → 5 (ties at 3 orders with A): Can't lose them; it is the A customer at stake
		const grid = screen.getByTestId('rfm-grid');
		const r1 = within(grid).getByRole('rowheader', { name: 'R 1' }).closest('tr')!;
		expect(within(r1).getAllByRole('cell')[4]).toHaveTextContent('1 Can’t lose them');
		const segments = screen.getByTestId('rfm-segments');
		const cant = within(segments).getByRole('rowheader', { name: 'Can’t lose them' }).closest('tr')!;
		expect(
			within(cant)
				.getAllByRole('cell')
				.map((td) => td.textContent)
		).toEqual([
			'1',
			'1,500',
			'78.1%', // 1 500 of 1 920
			'Were among the most frequent and have gone quiet: the manager calls this week.'
		]);
		expect(screen.getByTestId('rfm-alert')).toHaveTextContent(
			'Class A: 1 customer at risk or “can’t lose them”, with 1,500 of revenue.'
		);
	});

	it('a class × segment number opens the customer table with those customers', async () => {
		const list = vi.fn();
		setDrillNavigator({ customer: vi.fn(), list });
		render(RfmPanel, { view });
		await userEvent.click(screen.getByRole('button', { name: /^A × Can’t lose them: show 1 customer/ }));
		expect(list).toHaveBeenCalledWith({
			only: { keys: ['E'] },
			label: 'drill.cell',
			params: { cell: 'A × Can’t lose them' }
		});
	});

	it('without dated purchases it says RFM needs dates', () => {
		const undated = build([{ key: 'A', amount: 10 }]);
		const cu = classify(aggregate(undated, settings), undated.customerKeys, settings);
		render(RfmPanel, { view: rfmView(undated, rfm(undated, settings), cu) });
		expect(screen.getByRole('note')).toHaveTextContent('RFM needs the date of each sale');
	});
});

describe('TypesPanel and the what-if', () => {
	// F free sample lines → freeloader; L 60 of 100 discounted → discount lover; S 25 % → seeker;
	// R no discount and the top price → result-focused
	const typed = build([
		sale('F', 0, 1, 1),
		sale('F', 0, 2, 1),
		sale('F', 20, 3, 0),
		sale('L', 60, 1, 0.2),
		sale('L', 40, 2, 0),
		sale('S', 100, 1, 0.1),
		sale('S', 300, 2, 0),
		sale('R', 900, 1, 0)
	]);
	const view = reeseView(typed, reeseTypes(typed, settings), DEFAULT_REESE);
	const props = {
		view,
		settings: DEFAULT_REESE,
		priceRaise: DEFAULT_PRICE_RAISE,
		onchange: vi.fn(),
		onpricechange: vi.fn()
	};

	it('shows each type with its customers, revenue share and what to do', () => {
		render(TypesPanel, props);
		const table = screen.getByTestId('types-table');
		const row = (type: string) => table.querySelector(`tr[data-type="${type}"]`)!;
		expect(within(row('freeloader') as HTMLElement).getAllByRole('cell')[0]).toHaveTextContent('1');
		expect(row('resultFocused').textContent).toContain('Result-focused');
		expect(row('resultFocused').textContent).toContain('63.4%'); // 900 of 1 420
		expect(row('discountLover').textContent).toContain('Buy only on promotions');
		expect(table.querySelector('tr[data-type="unknown"]')).toBeNull();
	});

	it('the what-if: 10 % up, freeloaders and discount lovers gone, as a sentence and figures', async () => {
		const onpricechange = vi.fn();
		const { rerender } = render(TypesPanel, { ...props, onpricechange });
		// staying: S 400 + R 900 = 1 300 → × 1.1 = 1 430
		expect(screen.getByTestId('whatif-sentence')).toHaveTextContent(
			'Prices up 10%, and all freeloaders and all discount lovers leave: revenue 1,420 → 1,430 (+0.7%).'
		);
		const user = userEvent.setup();
		await user.clear(screen.getByLabelText('Raise prices by, %'));
		await user.type(screen.getByLabelText('Raise prices by, %'), '20');
		await user.tab();
		expect(onpricechange).toHaveBeenLastCalledWith({ raise: 0.2, leave: { freeloader: 1, discountLover: 1 } });
		await rerender({ ...props, priceRaise: { raise: 0.2, leave: { discountLover: 0.5 } } });
		// staying: F 20 + half of L 100 + S 400 + R 900 = 1 370 → × 1.2 = 1 644
		expect(screen.getByTestId('whatif-sentence')).toHaveTextContent(
			'Prices up 20%, and 50% of the discount lovers leave: revenue 1,420 → 1,644 (+15.8%).'
		);
		const customers = within(screen.getByTestId('whatif-table')).getByRole('rowheader', { name: 'Customers' });
		expect(customers.closest('tr')!.textContent).toContain('4'); // before
	});

	it('a threshold is a percentage input that reports a fraction', async () => {
		const onchange = vi.fn();
		render(TypesPanel, { ...props, onchange });
		const user = userEvent.setup();
		await user.click(screen.getByText('How the types are decided (thresholds)'));
		const field = screen.getByLabelText('Discount lover: revenue bought with a discount, at least %');
		await user.clear(field);
		await user.type(field, '60');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({ ...DEFAULT_REESE, loverShare: 0.6 });
	});

	it('without discount data it names the column it needs; in Russian too', () => {
		const plain = build([{ key: 'A', amount: 10 }]);
		const v = reeseView(plain, reeseTypes(plain, settings), DEFAULT_REESE);
		const { unmount } = render(TypesPanel, { ...props, view: v });
		expect(screen.getByTestId('types-no-data')).toHaveTextContent('a discount column, or with a list price');
		unmount();
		i18n.set('ru');
		render(TypesPanel, { ...props, view: v });
		expect(screen.getByTestId('types-no-data')).toHaveTextContent('«Промокод», «Цена по прайсу»');
	});
});
