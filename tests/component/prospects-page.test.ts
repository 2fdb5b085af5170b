import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { Prospect } from '../../src/lib/engine/crm-types';
import { newProspect } from '../../src/lib/engine/qualifier';

// the page's state without storage: only what the page reads
const state = vi.hoisted(() => ({
	crm: {
		prospects: [] as Prospect[],
		today: 20_000,
		filter: {},
		sort: 'company',
		descending: false,
		editing: null,
		deleted: null,
		prospectImport: null,
		error: null,
		storageError: null,
		load: () => Promise.resolve()
	}
}));
vi.mock('../../src/lib/state/crm.svelte', () => state);

const { default: ProspectsPage } = await import('../../src/routes/prospects/+page.svelte');

afterEach(() => i18n.set('en'));

const p = (id: string, dealSize: number | null, decided = false) =>
	newProspect({ id, workspaceId: 'w', now: 0 }, { company: `Co ${id}`, dealSize, decided });

describe('the pipeline total at the top of the Prospects page', () => {
	it('counts open prospects and sums their deal sizes (decided ones left out)', () => {
		// open: 12 500 + 7 250.5 + 30 000 = 49 750.5, shown without decimals as every sum over 1 000
		state.crm.prospects = [p('1', 12_500), p('2', 7_250.5), p('3', 30_000), p('4', null), p('5', 90_000, true)];
		render(ProspectsPage);
		expect(screen.getByTestId('pipeline-total')).toHaveTextContent(
			'4 open prospects, expected deal value 49,751 (1 without a deal size)'
		);
	});

	it('reads in Russian with the right plural forms', () => {
		i18n.set('ru');
		state.crm.prospects = [p('1', 1_000), p('2', 1_500)];
		render(ProspectsPage);
		expect(screen.getByTestId('pipeline-total').textContent).toBe(
			'В работе 2 потенциальных клиента, ожидаемая сумма сделок — 2\u00a0500'
		);
	});

	it('says when nothing is open, and shows nothing without prospects', () => {
		state.crm.prospects = [p('1', 500, true)];
		const { unmount } = render(ProspectsPage);
		expect(screen.getByTestId('pipeline-total')).toHaveTextContent('No open prospects.');
		unmount();
		state.crm.prospects = [];
		render(ProspectsPage);
		expect(screen.queryByTestId('pipeline-total')).toBeNull();
	});
});
