import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/lib/engine/abc';
import { classificationSql } from '../../src/lib/engine/sql';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { isTotalLabel, TOTAL_WORDS } from '../../src/lib/core/total-labels';

describe('totals rows: one vocabulary for the import and "Show as SQL"', () => {
	it('reads totals labels in every language, with a colon or dot, and "Total for X"', () => {
		for (const w of TOTAL_WORDS) {
			expect(isTotalLabel(w)).toBe(true);
			expect(isTotalLabel(`  ${w.toUpperCase()}: `)).toBe(true);
			expect(isTotalLabel(`${w}.`)).toBe(true);
		}
		expect(isTotalLabel('Total for Anchor Marine')).toBe(true);
		expect(isTotalLabel('Итого по ООО «Кедр»')).toBe(true);
		expect(isTotalLabel('Summe für Müller GmbH')).toBe(true);
		expect(isTotalLabel('Total Energies')).toBe(false);
		expect(isTotalLabel('Sumitomo')).toBe(false);
		expect(isTotalLabel('ООО Итоговая')).toBe(false);
	});

	it('"Show as SQL" skips every totals word the import skips', () => {
		const settings: ClassifySettings = {
			metric: 'revenue',
			returns: 'net',
			classes: PRESETS.abc.map((c) => ({ ...c })),
			keyShare: 0.1,
			monoShare: 0.5
		};
		const q = classificationSql(settings, { customerKey: 'Customer', amount: 'Amount' }, 'duckdb');
		for (const w of TOTAL_WORDS) for (const form of [w, `${w}:`, `${w}.`]) expect(q).toContain(`'${form}'`);
	});
});
