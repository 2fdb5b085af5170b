import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import ImportReport from '../../src/lib/components/ImportReport.svelte';
import { i18n } from '../../src/lib/i18n/index.svelte';
import type { ImportReport as Report } from '../../src/lib/ingest/build';

const report = (droppedDimensions?: string[]): Report => ({
	files: [{ name: 'a.csv', records: 3, imported: 3 }],
	rowsRead: 3,
	rowsImported: 3,
	blankRows: 0,
	skipped: [],
	warnings: [],
	decisions: [],
	...(droppedDimensions ? { droppedDimensions } : {})
});

describe('the import report names the dimensions it did not keep', () => {
	beforeEach(() => i18n.set('en'));

	it('lists a dropped dimension with the reason, and counts it as a decision', () => {
		render(ImportReport, { report: report(['Ticket']) });
		expect(screen.getByTestId('report-dimension-dropped')).toHaveTextContent(
			'Column “Ticket” not kept as a filter: more than 5,000 distinct values, it looks like an id.'
		);
		expect(screen.getByText('· 3 rows · 1 decision')).toBeInTheDocument();
		expect(screen.queryByText(/Every row was read as a sale/)).toBeNull();
	});

	it('reads in Russian and Romanian', () => {
		i18n.set('ru');
		const { unmount } = render(ImportReport, { report: report(['Номер чека']) });
		expect(screen.getByTestId('report-dimension-dropped').textContent).toBe(
			'Столбец «Номер чека» не оставлен для фильтров: в нём больше 5\u00a0000 разных значений — похоже на идентификатор.'
		);
		unmount();
		i18n.set('ro');
		render(ImportReport, { report: report(['Bon']) });
		expect(screen.getByTestId('report-dimension-dropped').textContent).toBe(
			'Coloana „Bon” nu a fost păstrată ca filtru: are peste 5.000 de valori distincte, pare un identificator.'
		);
	});

	it('says nothing of dimensions when none was dropped', () => {
		render(ImportReport, { report: report() });
		expect(screen.queryByTestId('report-dimension-dropped')).toBeNull();
	});
});
