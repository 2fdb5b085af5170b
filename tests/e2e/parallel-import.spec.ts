/**
 * A large file read in parts by several workers at once (README "Performance", issue 17): each part
 * is read from the file, decoded and parsed by its own worker. Whatever the file holds where the
 * cuts fall, the app's export is exactly what the engine gives reading the file in one piece.
 */
import { expect, test, type Page } from '@playwright/test';
import { downloadSystemCsv } from './helpers';
import { engineCsvOf } from './engine-reference';
import { cp1251 } from '../unit/real-exports.samples';

/** ~6 MB of awkward sales rows: quoted names with commas, doubled quotes and line breaks, CRLF, blank lines, Cyrillic. */
function awkwardCsv(rows: number): string {
	const lines = ['Order ID,Order Date,Customer ID,Customer Name,Notes,Sales'];
	for (let i = 0; i < rows; i++) {
		const c = (i * 7919) % 4000;
		const day = String(1 + (i % 28)).padStart(2, '0');
		const month = String(1 + (i % 12)).padStart(2, '0');
		const name = i % 3 === 0 ? `"Acme, ""North"" #${c}"` : i % 3 === 1 ? `"Ромашка ${c}"` : `Store ${c}`;
		const note = i % 11 === 0 ? '"two\r\nlines"' : i % 13 === 0 ? '"a, b"' : 'plain note text';
		lines.push(
			`SO-${100000 + i},2024-${month}-${day},C${c},${name},${note},${(1 + ((i * 37) % 90000) / 100).toFixed(2)}`
		);
		if (i % 5000 === 4999) lines.push('');
	}
	return lines.join('\r\n') + '\r\n';
}

async function importInParts(page: Page, parts: number, name: string, bytes: Uint8Array): Promise<string> {
	await page.goto(`/?parseParts=${parts}`);
	await page
		.getByLabel('CSV file', { exact: true })
		.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('dashboard')).toBeVisible({ timeout: 60_000 });
	return downloadSystemCsv(page);
}

test.use({ locale: 'en-US' });

test('a 6 MB file with quoted line breaks, CRLF and blank lines read in 3 parts exports what one piece gives', async ({
	page
}) => {
	test.setTimeout(120_000);
	const bytes = new TextEncoder().encode(awkwardCsv(90_000));
	expect(bytes.length).toBeGreaterThan(5_000_000);
	const exported = await importInParts(page, 3, 'awkward.csv', bytes);
	expect(exported).toBe(await engineCsvOf(bytes, 'awkward.csv'));
	await expect(page.getByTestId('customer-count')).toHaveText('4,000');
});

test('a Windows-1251 file whose first Cyrillic letter is past the sniffed start and in a later part is read in its code page', async ({
	page
}) => {
	test.setTimeout(120_000);
	// plain ASCII for the first ~4 MB, then customers with Cyrillic names: the part after the cut is not UTF-8
	const text = awkwardCsv(90_000)
		.replace(/Ромашка/g, 'Romashka')
		.split('\r\n');
	const late = text.map((line, i) => (i > 60_000 ? line.replace(/,C(\d+),Store /, ',M$1,Магазин ') : line));
	const bytes = cp1251(late.join('\r\n'));
	const exported = await importInParts(page, 2, 'late1251.csv', bytes);
	expect(exported).toBe(await engineCsvOf(bytes, 'late1251.csv'));
	// read in its code page: the names are letters, not replacement characters
	expect(exported).toContain('Магазин ');
	expect(exported).not.toContain('\ufffd');
});
