/** The import report lists each whole-file decision in words, naming its columns (README, "What an export means"). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles, prepareBytes } from '../../src/lib/ingest/pipeline';
import { fileDecisionLines } from '../../src/lib/components/meaning-lines';

const dir = join(process.cwd(), 'tests', 'fixtures', 'real-world');
async function linesOf(name: string) {
	const p = await prepareBytes(new Uint8Array(readFileSync(join(dir, name))), name);
	const { report } = await importFiles([p], { cancelled: () => false });
	const f = report.files[0];
	return fileDecisionLines(
		f.meaning,
		f.header ?? [],
		f.mapping,
		f.dateOrder,
		(o) => o,
		(n) => `Column ${n}`
	);
}

describe('whole-file decisions in the import report', () => {
	it('the line amount preferred to a repeated order total, and the joined name', async () => {
		expect(await linesOf('order-total-repeated-on-items.csv')).toEqual([
			{ key: 'meaning.orderTotal.line', params: { total: 'Order Total Amount', line: 'Order Line Total' } },
			{ key: 'meaning.nameParts', params: { first: 'First Name (Billing)', last: 'Last Name (Billing)' } }
		]);
	});
	it('the settlement amount of a two-currency file', async () => {
		expect(await linesOf('payments-status-currency.csv')).toEqual([
			{
				key: 'meaning.currency.converted',
				params: { currencies: 'USD, EUR', column: 'Converted Amount', currency: 'USD' }
			}
		]);
	});
	it('the date order and the column that decided it', async () => {
		expect(await linesOf('day-first-short.csv')).toEqual([
			{
				key: 'meaning.dateOrderFrom',
				params: { date: 'InvoiceDate', column: 'DueDate', example: '17/04/2025', order: 'dmy' }
			}
		]);
	});
	it('the ignored index column, the line-total price and the ids warning', async () => {
		expect(await linesOf('unnamed-index-column-pandas.csv')).toEqual([
			{ key: 'meaning.indexColumn', params: { n: 1 } }
		]);
		expect(await linesOf('line-total-named-price.csv')).toEqual([
			{ key: 'meaning.priceIsLineTotal', params: { price: 'item-price', quantity: 'quantity-purchased' } }
		]);
		expect(await linesOf('scientific-notation-keys.csv')).toEqual([
			{ key: 'meaning.scientific', params: { example: '4.00123E+11' } }
		]);
	});
	it('a file stored by an earlier version (no meaning) has no lines', () => {
		expect(
			fileDecisionLines(
				undefined,
				[],
				undefined,
				undefined,
				(o) => o,
				(n) => `${n}`
			)
		).toEqual([]);
	});
});
