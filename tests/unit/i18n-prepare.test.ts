/**
 * `i18n.prepare()` builds the formatters the dashboard uses in the UI language, so formatting a
 * day, a month, a share or a money figure afterwards builds none (the first date formatter of a
 * page costs ~20 ms of loading calendar data).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../src/lib/i18n/index.svelte';

const RealDates = Intl.DateTimeFormat;
const RealNumbers = Intl.NumberFormat;
/** Formatters built from now on (Intl's constructors, counted). */
function countBuilt() {
	const built = { dates: 0, numbers: 0 };
	Intl.DateTimeFormat = class extends RealDates {
		constructor(...args: ConstructorParameters<typeof RealDates>) {
			super(...args);
			built.dates++;
		}
	} as typeof Intl.DateTimeFormat;
	Intl.NumberFormat = class extends RealNumbers {
		constructor(...args: ConstructorParameters<typeof RealNumbers>) {
			super(...args);
			built.numbers++;
		}
	} as typeof Intl.NumberFormat;
	return built;
}

describe('i18n.prepare', () => {
	afterEach(() => {
		Intl.DateTimeFormat = RealDates;
		Intl.NumberFormat = RealNumbers;
		i18n.set('en');
	});

	for (const locale of ['ro', 'ru'] as const) {
		it(`${locale}: after it, the dashboard's days, months, shares and amounts build no formatter`, () => {
			i18n.set(locale);
			const before = countBuilt();
			i18n.prepare();
			expect(before.dates).toBeGreaterThan(0);
			expect(before.numbers).toBeGreaterThan(0);
			const after = countBuilt();
			const shown = [
				i18n.day(20089),
				i18n.month('2025-01'),
				i18n.percent(0.805, 1),
				i18n.percent(0.8, 0),
				i18n.number(1234.5, 2),
				i18n.number(1234.5, 1),
				i18n.number(1234)
			];
			expect(shown.every((s) => s.length > 0)).toBe(true);
			expect(after).toEqual({ dates: 0, numbers: 0 });
		});
	}
});
