/** Reading a prospects file (ingest/prospect-parse.ts): sniffed and decoded like a sales file, records after the header. */
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/lib/ingest/errors';
import { parseProspectFile, prospectRecords, readProspectFile } from '../../src/lib/ingest/prospect-parse';
import { mapProspectHeader } from '../../src/lib/ingest/prospect-csv';

const fileOf = (text: string | Uint8Array, name = 'prospects.csv') => new File([text as BlobPart], name);
const CSV = 'Company;Contact;Deal size\nAcme;Ann;1 200,50\n;Nobody;5\n"Beta ""B""";Bob;7\n';

describe('prospects files', () => {
	it('are sniffed and decoded like sales files', async () => {
		const { sniff, text } = await readProspectFile(fileOf(CSV));
		expect(sniff.delimiter).toBe(';');
		expect(sniff.header).toEqual(['Company', 'Contact', 'Deal size']);
		expect(text).toBe(CSV);
		// a chosen delimiter wins over the sniffed one
		expect((await readProspectFile(fileOf(CSV), { delimiter: ',' })).sniff.delimiter).toBe(',');
	});

	it('decode a Windows-1251 file with its code page', async () => {
		const bytes = Uint8Array.from([0xca, 0xee, 0xec, 0xef, 0xe0, 0xed, 0xe8, 0xff, 0x0a, 0xc0, 0x0a]); // Компания\nА\n
		const { sniff, text } = await readProspectFile(fileOf(bytes), { encoding: 'windows-1251' });
		expect(sniff.encoding).toBe('windows-1251');
		expect(text).toBe('Компания\nА\n');
	});

	it('give the records after the header row, text after closing quotes read as spreadsheets do', async () => {
		expect(prospectRecords('T\nCompany,Contact\nAcme,Ann\n', { delimiter: ',', newline: '\n', headerRow: 1 })).toEqual([
			['Acme', 'Ann'],
			['']
		]);
		expect(prospectRecords('Company,Contact\n"Acme" Ltd,Ann', { delimiter: ',', newline: '\n', headerRow: 0 })).toEqual(
			[['Acme Ltd', 'Ann']]
		);
	});

	it('become prospects with the given ids, records without a company left out', async () => {
		let n = 0;
		const prospects = await parseProspectFile(fileOf(CSV), {
			map: mapProspectHeader(['Company', 'Contact', 'Deal size']),
			workspaceId: 'w1',
			now: 1000,
			newId: () => `id${++n}`
		});
		expect(prospects.map((p) => [p.id, p.company, p.contact, p.dealSize, p.workspaceId, p.createdAt])).toEqual([
			['id1', 'Acme', 'Ann', 1200.5, 'w1', 1000],
			['id3', 'Beta "B"', 'Bob', 7, 'w1', 1000]
		]);
	});

	it('reject an unusable file with ImportError', async () => {
		await expect(readProspectFile(fileOf(''))).rejects.toBeInstanceOf(ImportError);
		await expect(readProspectFile(fileOf(''))).rejects.toMatchObject({ info: { code: 'empty-file' } });
	});
});
