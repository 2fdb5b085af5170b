import { afterEach, describe, expect, it } from 'vitest';
import { pipelineTotal } from '../../src/lib/engine/pipeline';
import { i18n, t } from '../../src/lib/i18n/index.svelte';
import { formatValue } from '../../src/lib/components/format';

afterEach(() => i18n.set('en'));

const deal = (dealSize: number | null, decided = false) => ({ dealSize, decided });

describe('the pipeline total of the Prospects page', () => {
	it('counts open prospects and sums their deal sizes; decided ones and missing sizes add nothing', () => {
		// open: 5000 + 800.5 + 0.1 + 0.2 = 5800.8 (and one without a size); 20 000 is decided
		const p = [deal(5000), deal(20_000, true), deal(800.5), deal(null), deal(0.1), deal(0.2), deal(Number.NaN, true)];
		expect(pipelineTotal(p)).toEqual({ open: 5, value: 5800.8, withoutDealSize: 1 });
		expect(pipelineTotal([])).toEqual({ open: 0, value: 0, withoutDealSize: 0 });
		expect(pipelineTotal([deal(0.1), deal(0.2)]).value).toBe(0.3);
		expect(pipelineTotal([deal(null), deal(Number.POSITIVE_INFINITY)])).toEqual({
			open: 2,
			value: 0,
			withoutDealSize: 2
		});
	});

	it('reads with plural forms, the value formatted as money elsewhere in the app', () => {
		const line = (count: number, value: number) => t('pros.pipeline', { count, value: formatValue(value, 'revenue') });
		expect(line(5, 5800.8)).toBe('5 open prospects, expected deal value 5,801');
		expect(line(1, 800.5)).toBe('1 open prospect, expected deal value 800.50');
		expect(t('pros.pipeline.noDeal', { count: 2 })).toBe('2 without a deal size');
		i18n.set('ru');
		expect(line(1, 5000)).toBe('В работе 1 потенциальный клиент, ожидаемая сумма сделок — 5\u00a0000');
		expect(line(3, 25_800)).toBe('В работе 3 потенциальных клиента, ожидаемая сумма сделок — 25\u00a0800');
		expect(line(5, 1_234_567)).toBe('В работе 5 потенциальных клиентов, ожидаемая сумма сделок — 1\u00a0234\u00a0567');
		expect(t('pros.pipeline.noDeal', { count: 1 })).toBe('сумма сделки не указана у 1 клиента');
		expect(t('pros.pipeline.noDeal', { count: 2 })).toBe('сумма сделки не указана у 2 клиентов');
		i18n.set('ro');
		expect(line(20, 800.5)).toBe('20 de clienți potențiali în lucru, valoarea așteptată a tranzacțiilor: 800,50');
	});
});
