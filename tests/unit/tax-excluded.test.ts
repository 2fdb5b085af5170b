/** README "What an export means": tax is not revenue — the tax-excluded amount is the default, and the mapping step says so. */
import { describe, expect, it } from 'vitest';
import { prepareBytes } from '../../src/lib/ingest/pipeline';

const enc = (s: string) => new TextEncoder().encode(s);
async function amountOf(csv: string) {
	const p = await prepareBytes(enc(csv), 'tax.csv');
	const m = p.plan.meaning ?? {};
	return {
		amount: p.plan.header[p.plan.mapping.amount],
		instead: m.taxExcluded ? p.plan.header[m.taxExcluded.instead] : null
	};
}

describe('tax-excluded amounts', () => {
	it("'Untaxed Amount' beside 'Total' (an ERP's invoice lines): untaxed is the amount; 'Untaxed' is not a tax column", async () => {
		expect(
			await amountOf('Customer,Date,Untaxed Amount,Total\nA,2024-01-01,100.00,120.00\nB,2024-01-02,50.00,60.00\n')
		).toEqual({ amount: 'Untaxed Amount', instead: 'Total' });
	});
	it("'LineAmount' beside 'TaxAmount' and the invoice 'Total' (Xero): the line amount, the tax named", async () => {
		expect(
			await amountOf(
				'InvoiceNumber,ContactName,InvoiceDate,LineAmount,TaxAmount,Total\nI1,A,2024-01-01,100.00,20.00,120.00\nI2,B,2024-01-02,50.00,10.00,60.00\n'
			)
		).toEqual({ amount: 'LineAmount', instead: 'TaxAmount' });
	});
	it("'Сумма без НДС' beside 'Сумма с НДС': без НДС", async () => {
		expect(
			await amountOf('Клиент;Дата;Сумма без НДС;Сумма с НДС\nА;01.01.2024;100,00;120,00\nБ;02.01.2024;50,00;60,00\n')
		).toEqual({ amount: 'Сумма без НДС', instead: 'Сумма с НДС' });
	});
	it("a signed twin carrying credit notes as negatives beats the unsigned column ('Total Signed')", async () => {
		expect(
			(await amountOf('Customer,Date,Total,Total Signed\nA,2024-01-01,100.00,100.00\nA,2024-01-03,40.00,-40.00\n'))
				.amount
		).toBe('Total Signed');
	});
	it('a plain amount without a tax-included twin is no decision', async () => {
		expect(await amountOf('Customer,Date,Amount\nA,2024-01-01,100.00\nB,2024-01-02,50.00\n')).toEqual({
			amount: 'Amount',
			instead: null
		});
	});
});
