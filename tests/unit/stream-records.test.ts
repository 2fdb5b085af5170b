import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/lib/ingest/decode';
import { ImportError } from '../../src/lib/ingest/errors';
import { hasMalformedQuotes, MalformedQuoteScan } from '../../src/lib/ingest/lenient';
import { parseRecordsWithPapa } from '../../src/lib/ingest/parse-records';
import { sniffFile, type FileToImport } from '../../src/lib/ingest/pipeline';
import { SplitUnsafe, streamRecords, type StretchToRead } from '../../src/lib/ingest/stream-records';
import type { TextEncodingName } from '../../src/lib/ingest/types';

const plan = { fileName: 'part.csv', header: ['a', 'b', 'c'] };
const never = () => false;

function stretch(
	bytes: Uint8Array,
	encoding: TextEncodingName = 'utf-8',
	delimiter = ',',
	newline = '\n'
): StretchToRead {
	return {
		blob: new Blob([bytes as BlobPart]),
		encoding,
		delimiter: delimiter as StretchToRead['delimiter'],
		newline: newline as StretchToRead['newline'],
		plan
	};
}

async function streamed(s: StretchToRead, chunkSize: number): Promise<string[][]> {
	const out: string[][] = [];
	const fractions: number[] = [];
	const n = await streamRecords(
		s,
		{ cancelled: never, chunkSize },
		(records, first) => {
			expect(first).toBe(out.length);
			out.push(...records);
		},
		(d) => fractions.push(d)
	);
	expect(n).toBe(out.length);
	expect(fractions.at(-1)).toBe(1);
	expect([...fractions].sort((x, y) => x - y)).toEqual(fractions);
	return out;
}

/** What the text path gives: the whole stretch decoded at once and parsed by PapaParse in chunks. */
async function whole(s: StretchToRead, bytes: Uint8Array): Promise<string[][]> {
	const text = decodeBytes(bytes, s.encoding);
	const out: string[][] = [];
	const f = { text, size: text.length, encoding: s.encoding, delimiter: s.delimiter, newline: s.newline, plan };
	await parseRecordsWithPapa(
		f as unknown as FileToImport,
		{ cancelled: never },
		(records) => out.push(...records),
		() => {}
	);
	return out;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Awkward CSV: quoted fields with delimiters, quotes and line ends inside, blank lines, Cyrillic, CRLF or CR. */
const awkwardCsv = fc
	.tuple(
		fc.constantFrom('\n', '\r\n', '\r'),
		fc.array(
			fc.array(
				fc.oneof(
					fc.constantFrom('', 'x', 'Ромашка', '12,5', 'Ёлка ООО', '€ 1 234,56', 'a b'),
					fc.constantFrom('"q, 1"', '"say ""hi"""', '"two\nlines"', '"cr\r\nlf"', '""', '"Иванов, ИП"')
				),
				{ minLength: 1, maxLength: 4 }
			),
			{ minLength: 1, maxLength: 30 }
		),
		fc.boolean()
	)
	.map(([nl, rows, finalNewline]) => ({
		newline: nl,
		text: rows.map((r) => r.join(',')).join(nl) + (finalNewline ? nl : '')
	}));

describe('streaming a stretch of a file (stream-records.ts)', () => {
	it('gives exactly the records of the whole text, however the bytes are sliced', async () => {
		await fc.assert(
			fc.asyncProperty(awkwardCsv, fc.integer({ min: 1, max: 64 }), async ({ newline, text }, chunk) => {
				const bytes = utf8(text);
				const s = stretch(bytes, 'utf-8', ',', newline);
				expect(await streamed(s, chunk)).toEqual(await whole(s, bytes));
			}),
			{ numRuns: 300 }
		);
	});

	it('gives the same records when a large slice is parsed a piece at a time', async () => {
		// ~400 KB of awkward rows: PapaParse gets each slice in pieces of a few thousand characters,
		// cut inside quoted fields, between CR and LF, inside multi-byte letters' neighbours
		const cells = ['x', 'Ромашка', '"q, 1"', '"say ""hi"""', '"two\nlines"', '"cr\r\nlf"', '', '12,5', '"Иванов, ИП"'];
		for (const newline of ['\n', '\r\n', '\r']) {
			let seed = 7;
			const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
			const rows: string[] = [];
			for (let r = 0; r < 12_000; r++) {
				const n = 1 + Math.floor(next() * 4);
				rows.push(Array.from({ length: n }, () => cells[Math.floor(next() * cells.length)]).join(','));
			}
			const bytes = utf8(rows.join(newline) + newline);
			const s = stretch(bytes, 'utf-8', ',', newline);
			const expected = await whole(s, bytes);
			expect(expected.length).toBeGreaterThan(11_000);
			for (const chunk of [bytes.length, 100_003, 16_384]) expect(await streamed(s, chunk)).toEqual(expected);
		}
	});

	it('decodes single-byte code pages and a BOM slice by slice as a whole decode does', async () => {
		const cp1251 = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x31, 0x0a, 0xc0, 0x2c, 0x32, 0x0a]);
		const s1251 = stretch(cp1251, 'windows-1251');
		expect(await streamed(s1251, 3)).toEqual([
			['Привет', '1'],
			['А', '2']
		]);
		const cp1252 = new Uint8Array([0x80, 0x20, 0x35, 0x2c, 0x93, 0x71, 0x94, 0x0a]);
		expect(await streamed(stretch(cp1252, 'windows-1252'), 2)).toEqual(
			await whole(stretch(cp1252, 'windows-1252'), cp1252)
		);
		expect(await streamed(stretch(cp1252, 'windows-1252'), 2)).toEqual([['€ 5', '\u201cq\u201d']]);
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Ёж,1\nb,2\n')]);
		expect(await streamed(stretch(bom), 1)).toEqual([
			['Ёж', '1'],
			['b', '2']
		]);
	});

	it('a stretch that is not UTF-8 after all, or has text after closing quotes, is unsafe to read apart', async () => {
		const latin = new Uint8Array([...utf8('a,1\n'.repeat(50)), 0xe9, ...utf8(',2\n')]);
		await expect(streamRecords(stretch(latin), { cancelled: never, chunkSize: 16 }, () => {})).rejects.toEqual(
			new SplitUnsafe('encoding')
		);
		// the closing quote ends one slice, the text after it starts the next
		const text = 'a,1\n"Ромашка" ООО,2\n';
		const at = utf8(text).indexOf(0x22, 5) + 1;
		const err = await streamRecords(stretch(utf8(text)), { cancelled: never, chunkSize: at }, () => {}).catch(
			(e: unknown) => e
		);
		expect(err).toBeInstanceOf(SplitUnsafe);
		expect((err as Error).message).toBe('quotes');
	});

	it('an unclosed quote and a record over the limit are named as the text path names them', async () => {
		const text = 'a,1\nb,2\n"c,3\nd,4\n';
		const errOf = (p: Promise<unknown>) =>
			p.then(
				() => null,
				(e: ImportError) => e.info
			);
		const streamedErr = await errOf(streamRecords(stretch(utf8(text)), { cancelled: never, chunkSize: 3 }, () => {}));
		const s = stretch(utf8(text));
		expect(streamedErr).toMatchObject({ code: 'unclosed-quote', file: 'part.csv', row: 3 });
		expect(streamedErr).toEqual(await errOf(whole(s, utf8(text))));
		const long = `a,1\nb,${'x'.repeat(1_000_001)}\n`;
		const tooLong = await errOf(streamRecords(stretch(utf8(long)), { cancelled: never, chunkSize: 300_000 }, () => {}));
		expect(tooLong).toMatchObject({ code: 'line-too-long', row: 2, column: 2 });
	});

	it('stops at a cancel between slices and when a slice cannot be read', async () => {
		let cancelled = false;
		const bytes = utf8('a,1\n'.repeat(1000));
		const seen: number[] = [];
		const err = await streamRecords(stretch(bytes), { cancelled: () => cancelled, chunkSize: 400 }, (records) => {
			seen.push(records.length);
			cancelled = true;
		}).catch((e: ImportError) => e.info);
		expect(err).toMatchObject({ code: 'cancelled', file: 'part.csv' });
		expect(seen).toHaveLength(1);

		const blob = new Blob([bytes as BlobPart]);
		let reads = 0;
		const flaky = {
			size: blob.size,
			slice: (a: number, b: number) =>
				reads++ === 2 ? { arrayBuffer: () => Promise.reject(new Error('gone')) } : blob.slice(a, b)
		} as unknown as Blob;
		const failed = await streamRecords(
			{ ...stretch(bytes), blob: flaky },
			{ cancelled: never, chunkSize: 400 },
			() => {}
		).catch((e: ImportError) => e.info);
		expect(failed).toMatchObject({ code: 'read-failed', file: 'part.csv', detail: 'gone' });
	});

	it('reads a real export the same in slices as whole', async () => {
		const { readFileSync } = await import('node:fs');
		const { join } = await import('node:path');
		const bytes = new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'sales_en.csv')));
		const sniff = await sniffFile(new Blob([bytes as BlobPart]), 'sales_en.csv');
		const s = stretch(bytes, sniff.encoding, sniff.delimiter, sniff.newline);
		expect(await streamed(s, 97)).toEqual(await whole(s, bytes));
	});
});

/** The whole-text check as it was first written (one pass, no pieces): the reference for the scanner. */
function wholeTextMalformed(text: string, delimiter: string): boolean {
	const d = delimiter.charCodeAt(0);
	let p = text.indexOf('"');
	while (p >= 0) {
		const prev = p === 0 ? 10 : text.charCodeAt(p - 1);
		if (prev !== d && prev !== 10 && prev !== 13) {
			// a quote inside an unquoted field is literal
			p = text.indexOf('"', p + 1);
			continue;
		}
		// quoted field: find its end
		let q = text.indexOf('"', p + 1);
		for (;;) {
			if (q < 0) return false; // never closes: PapaParse reports it as an unclosed quote
			const next = text.charCodeAt(q + 1);
			if (next === 34) {
				q = text.indexOf('"', q + 2);
				continue;
			}
			if (q + 1 >= text.length || next === d || next === 10 || next === 13) break;
			return true;
		}
		p = text.indexOf('"', q + 1);
	}
	return false;
}

describe('MalformedQuoteScan', () => {
	it('says what a one-pass check of the whole text says, however it is cut', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom('a', ',', ';', '"', '\n', '\r', 'ё'), { maxLength: 40 }),
				fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
				fc.constantFrom(',', ';'),
				(chars, cutsAt, delimiter) => {
					const text = chars.join('');
					const cuts = [...new Set(cutsAt.map((c) => Math.min(c, text.length)))].sort((x, y) => x - y);
					const scan = new MalformedQuoteScan(delimiter);
					let found = false;
					let from = 0;
					for (const c of [...cuts, text.length]) {
						found = scan.scan(text.slice(from, c)) || found;
						from = c;
					}
					expect(found).toBe(wholeTextMalformed(text, delimiter));
					expect(hasMalformedQuotes(text, delimiter)).toBe(found);
				}
			),
			{ numRuns: 3000 }
		);
	});
});
