/**
 * Whole files that are not what they claim: empty, header only, binary data renamed .csv, and
 * text in UTF-16. Each ends in a correct import or an ImportError with the right code.
 */
import { describe, expect, it } from 'vitest';
import { sniffFile } from '../../src/lib/ingest/pipeline';
import { failure, fixture, load, rng, totalsOf, utf16, utf8 } from './helpers';

describe('empty and header-only files', () => {
	it('a 0-byte file → empty-file', async () => {
		expect(await failure(new Uint8Array(0), 'empty.csv')).toEqual({ code: 'empty-file', file: 'empty.csv' });
		expect(await failure(fixture('bad/empty.csv'), 'empty.csv')).toEqual({ code: 'empty-file', file: 'empty.csv' });
	});

	it.each([
		['only line breaks', utf8('\n\r\n\n')],
		['only spaces and tabs', utf8('   \t \n  \n')],
		['only a UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
		['only a UTF-16 LE BOM', new Uint8Array([0xff, 0xfe])],
		['only delimiters', utf8(';;;\n;;;\n')]
	])('%s → empty-file', async (_, bytes) => {
		expect(await failure(bytes, 'blank.csv')).toMatchObject({ code: 'empty-file', file: 'blank.csv' });
	});

	it.each([
		['header_only.csv fixture', fixture('bad/header_only.csv')],
		['header without a final line break', utf8('customer,amount')],
		['header followed by blank lines', utf8('customer;amount\r\n\r\n  \r\n;\r\n')]
	])('%s → no-data-rows', async (_, bytes) => {
		expect(await failure(bytes, 'h.csv')).toEqual({ code: 'no-data-rows', file: 'h.csv' });
	});

	it('a header and rows none of which is usable → no-valid-rows', async () => {
		expect(await failure(utf8('customer,amount\n,5\nN/A,3\nAcme,abc\nBeta,\n'), 'x.csv')).toEqual({
			code: 'no-valid-rows',
			file: 'x.csv'
		});
	});
});

describe('binary files renamed .csv', () => {
	it('a PNG image → binary-file "png"', async () => {
		expect(await failure(fixture('bad/not_a_csv.csv'), 'photo.csv')).toEqual({
			code: 'binary-file',
			file: 'photo.csv',
			detail: 'png'
		});
	});

	it('random bytes with NULs → binary-file', async () => {
		const r = rng(42);
		const bytes = Uint8Array.from({ length: 4096 }, () => Math.floor(r() * 256));
		bytes[100] = 0;
		bytes[2001] = 0;
		// no accidental signature or BOM at the start
		bytes[0] = 0x41;
		bytes[1] = 0x42;
		expect(await failure(bytes, 'noise.csv')).toEqual({
			code: 'binary-file',
			file: 'noise.csv',
			detail: 'binary'
		});
	});

	it('text with a NUL byte in the middle → binary-file', async () => {
		const bytes = utf8('customer,amount\nAcme,1\nBe\0ta,2\n');
		expect(await failure(bytes)).toMatchObject({ code: 'binary-file', detail: 'binary' });
	});

	it('control-character noise without NULs → binary-file', async () => {
		const r = rng(7);
		const bytes = Uint8Array.from({ length: 2048 }, () => 1 + Math.floor(r() * 31));
		expect(await failure(bytes)).toMatchObject({ code: 'binary-file', detail: 'binary' });
	});

	it('an .xlsx (ZIP signature) renamed .csv → binary-file naming the workbook', async () => {
		const r = rng(3);
		const zip = Uint8Array.from({ length: 1500 }, () => Math.floor(r() * 256));
		zip.set([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
		const info = await failure(zip, 'report.csv');
		expect(info).toMatchObject({ code: 'binary-file', file: 'report.csv' });
		expect(info.detail).toBe('xlsx');
	});

	it.each([
		['an old .xls (OLE2)', 'xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
		['a PDF', 'pdf', [...utf8('%PDF-1.7\n')]],
		['a GZIP archive', 'gzip', [0x1f, 0x8b, 0x08, 0x00]]
	])('%s renamed .csv → binary-file "%s"', async (_, detail, head) => {
		const bytes = new Uint8Array(512).fill(0x20);
		bytes.set(head);
		expect(await failure(bytes)).toMatchObject({ code: 'binary-file', detail });
	});

	it('the binary check happens in the sniff, before anything is decoded in full', async () => {
		const png = fixture('bad/not_a_csv.csv');
		await expect(sniffFile(new Blob([png as BlobPart]), 'p.csv')).rejects.toMatchObject({
			name: 'ImportError',
			info: { code: 'binary-file', detail: 'png' }
		});
	});
});

describe('UTF-16 text', () => {
	const body =
		'Клиент;Дата;Сумма\nООО «Ромашка»;15.01.2024;1 500,75\nИП Иванов;16.01.2024;200\nООО «Ромашка»;17.01.2024;-100,25\n';
	const expected = { 'ООО «Ромашка»': 1400.5, 'ИП Иванов': 200 };

	it.each([
		['UTF-16 LE with BOM', utf16(body, 'le', true), 'utf-16le'],
		['UTF-16 LE without BOM', utf16(body, 'le', false), 'utf-16le'],
		['UTF-16 BE with BOM', utf16(body, 'be', true), 'utf-16be'],
		['UTF-16 BE without BOM', utf16(body, 'be', false), 'utf-16be']
	] as const)('%s: detected, decoded, imported exactly', async (_, bytes, encoding) => {
		const { prepared, columns, report } = await load(bytes);
		expect(prepared.encoding).toBe(encoding);
		expect(prepared.plan.header).toEqual(['Клиент', 'Дата', 'Сумма']);
		expect(columns.customerKeys).toEqual(['ООО «Ромашка»', 'ИП Иванов']);
		expect(Array.from(columns.amount)).toEqual([150075, 20000, -10025]);
		expect(Array.from(columns.date!)).toEqual([19737, 19738, 19739]);
		expect(report).toMatchObject({ rowsRead: 3, rowsImported: 3, blankRows: 0, skipped: [], warnings: [] });
		expect(await totalsOf(bytes)).toEqual(expected);
	});

	it('UTF-16 LE with CRLF line ends and a quoted field holding a line break', async () => {
		const text = 'customer,amount\r\n"Acme\r\nWest",10.5\r\nBeta,20\r\n';
		expect(await totalsOf(utf16(text, 'le', true))).toEqual({ 'Acme\r\nWest': 10.5, Beta: 20 });
	});

	it('a UTF-16 file whose every code unit is read is never taken for binary (its NUL bytes are expected)', async () => {
		const text = 'customer,amount\nA,1\n';
		const { prepared } = await load(utf16(text, 'be', false));
		expect(prepared.encoding).toBe('utf-16be');
	});
});
