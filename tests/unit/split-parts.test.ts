/**
 * A large file read in N parts at once (issue 17: one part per core but one, at most 8): whatever
 * the file and wherever the cuts fall — inside a quoted field with line breaks, between a CR and its
 * LF, in a block of blank lines, beside text after closing quotes, at a line longer than a part —
 * the result is exactly what reading it in one piece gives, with errors named at the same rows. The
 * helpers run in-process here.
 */
import { describe, expect, it } from 'vitest';
import {
	blobSplitPoints,
	byteSplitPoints,
	importFiles,
	prepareBytes,
	splitPoints,
	type FileToImport,
	type ImportControl,
	type ParallelParser
} from '../../src/lib/ingest/pipeline';
import { fixture, inProcess, outcome, preparedInParts, utf8 } from './split-helpers';
import { parseParts, MAX_PARSE_PARTS } from '../../src/lib/worker/parse-helper';

/** One piece, then `parts` parts: the same outcome (columns and report, or the same error). */
async function sameInParts(f: FileToImport, parts: number, extra: Partial<ImportControl> = {}) {
	const whole = await outcome([f], { cancelled: () => false, ...extra });
	const parallel = inProcess();
	const split = await outcome([f], { cancelled: () => false, parallel, splitMinChars: 0, parts, ...extra });
	return { whole, split, started: parallel.started };
}

describe('how many parts', () => {
	it('one per core but one for the page, at least two, at most eight', () => {
		expect([1, 2, 3, 4, 8, 9, 16, 64].map((c) => parseParts(c))).toEqual([2, 2, 2, 3, 7, 8, 8, 8]);
		expect(parseParts(undefined)).toBe(2);
		expect(MAX_PARSE_PARTS).toBe(8);
	});
});

describe('where the cuts fall', () => {
	it('just after the first line end at or after each k/N of the text, ascending and distinct', () => {
		const text = 'aa\nbb\ncc\ndd\nee\nff\n'; // 18 characters, line ends at 2, 5, 8, 11, 14, 17
		expect(splitPoints(text, '\n', 2)).toEqual([12]);
		expect(splitPoints(text, '\n', 3)).toEqual([9, 15]);
		expect(splitPoints(text, '\n', 6)).toEqual([6, 9, 12, 15]);
		// more parts than lines: one cut per line end at most
		expect(splitPoints('a\nb\nc', '\n', 8)).toEqual([2, 4]);
		// a line longer than a part leaves fewer cuts
		expect(splitPoints(`x\n${'y'.repeat(100)}\nz\n`, '\n', 4)).toEqual([103]);
		// never just before an empty line: a part is never only line ends
		expect(splitPoints('h\r\n\r\nA,1\r\n\r\n\r\nB,2\r\n', '\r\n', 8)).toEqual([5, 14]);
		expect(splitPoints('no line end at all', '\n', 4)).toEqual([]);
	});

	it('the same in bytes, for CR-only files too', () => {
		const bytes = utf8('a,b\r\nc,d\r\ne,f\r\ng,h\r\n');
		expect(byteSplitPoints(bytes, '\r\n', 4)).toEqual([10, 15]);
		expect(byteSplitPoints(utf8('a\rb\rc\rd\re'), '\r', 3)).toEqual([4, 8]);
	});

	it('the same from a file not read, window by window, wherever the windows end', async () => {
		const samples: [Uint8Array, '\n' | '\r\n' | '\r'][] = [
			[utf8('h\r\n\r\nA,1\r\n\r\n\r\nB,2\r\n'), '\r\n'],
			[utf8('a\rb\rc\rd\re'), '\r'],
			[utf8(`x\n${'y'.repeat(100)}\nz\n`), '\n'],
			[utf8('a\n\n\n\n\n\n\n\nb\nc\n\n'), '\n'],
			[utf8('no line end at all'), '\n'],
			[utf8('ends in line ends\n\n\n'), '\n'],
			[fixture('sales_en.csv'), '\n'],
			[fixture('reliability/blank_lines.csv'), '\n']
		];
		for (const [bytes, newline] of samples) {
			const blob = new Blob([bytes as BlobPart]);
			for (const parts of [2, 3, 5, 8]) {
				const expected = byteSplitPoints(bytes, newline, parts);
				for (const window of [1, 2, 3, 7, 64, 65536]) {
					expect(
						await blobSplitPoints(blob, 'f.csv', newline, parts, window),
						`${parts} parts, window ${window}`
					).toEqual(expected);
				}
			}
		}
	});
});

describe('reading in N parts gives exactly the one-piece result', () => {
	it('on the shipped fixtures, in 3 to 8 parts and at several chunk sizes', async () => {
		for (const name of [
			'sales_en.csv',
			'sales_ru_cp1251.csv',
			'reliability/blank_lines.csv',
			'reliability/ragged.csv'
		]) {
			const f = await prepareBytes(fixture(name), name);
			for (const parts of [3, 5, 8]) {
				for (const chunkSize of [undefined, 700]) {
					const { whole, split, started } = await sameInParts(f, parts, { chunkSize });
					// a tiny file has fewer line ends to cut at than parts asked for
					if (name.startsWith('sales')) expect(started, `${name} in ${parts}`).toBe(parts - 1);
					else expect(started, `${name} in ${parts}`).toBeGreaterThan(0);
					expect(split, `${name} in ${parts}, chunk ${chunkSize}`).toEqual(whole);
				}
			}
		}
	}, 120_000);

	it('decoded part by part from bytes (UTF-8 and Windows-1251), as the worker does', async () => {
		for (const name of ['sales_en.csv', 'sales_ru_cp1251.csv']) {
			const bytes = fixture(name);
			const whole = await importFiles([await prepareBytes(bytes, name)], { cancelled: () => false });
			for (const parts of [3, 4, 7]) {
				const f = await preparedInParts(bytes, name, parts);
				expect(f.parts?.cuts, `${name} in ${parts}`).toHaveLength(parts - 1);
				const parallel = inProcess();
				const split = await importFiles([f], { cancelled: () => false, parallel, parts });
				expect(parallel.started).toBe(parts - 1);
				expect(split, `${name} in ${parts}`).toEqual(whole);
			}
		}
	}, 60_000);

	it('when a cut falls inside a quoted field with line breaks, in any part: read again in one piece', async () => {
		const note = `"a note\n${'that goes on\n'.repeat(40)}and ends"`;
		const rows = ['customer,amount,note'];
		for (let i = 0; i < 30; i++) rows.push(`C${i % 7},${i + 1},${i === 14 ? note : 'x'}`);
		const f = await prepareBytes(utf8(rows.join('\n') + '\n'), 'notes.csv');
		for (const parts of [3, 4, 6]) {
			const { whole, split } = await sameInParts(f, parts);
			expect(whole.ok?.columns.rowCount).toBe(30);
			expect(split, `in ${parts}`).toEqual(whole);
		}
	});

	it('with CRLF line ends, blank-line blocks, ragged rows and problems in every part', async () => {
		const rows = ['customer,amount,date'];
		for (let i = 0; i < 90; i++) {
			if (i % 17 === 0) rows.push('', '');
			rows.push(
				i % 6 === 0
					? `C${i},abc,2024-01-01`
					: i % 11 === 0
						? `C${i % 4},${i}`
						: i % 5 === 0
							? `C${i % 4},${i},2024-13-45`
							: `C${i % 4},${i},2024-02-0${(i % 9) + 1}`
			);
		}
		const f = await prepareBytes(utf8(rows.join('\r\n')), 'messy.csv');
		for (const parts of [3, 4, 5, 8]) {
			const { whole, split } = await sameInParts(f, parts, { chunkSize: 200 });
			expect(whole.ok?.report.skipped.length).toBeGreaterThan(0);
			expect(split, `in ${parts}`).toEqual(whole);
		}
	});

	it('names the same row for an error in the last part, and in a middle one', async () => {
		const filler = (n: number) => Array.from({ length: n }, (_, i) => `C${i % 997},${i}`);
		const last = await prepareBytes(
			utf8(['customer,amount', ...filler(40_000), 'C61,"never closed', ...filler(5)].join('\n')),
			'last.csv'
		);
		const r = await sameInParts(last, 4);
		expect(r.whole.error).toMatchObject({ code: 'unclosed-quote', row: 40_002 });
		expect(r.split).toEqual(r.whole);
		const middle = await prepareBytes(
			utf8(['customer,amount', ...filler(30_000), `C9,${'9'.repeat(1_000_001)}`, ...filler(60_000)].join('\n')),
			'middle.csv'
		);
		const m = await sameInParts(middle, 5);
		expect(m.whole.error).toMatchObject({ code: 'line-too-long', row: 30_002 });
		expect(m.split).toEqual(m.whole);
	}, 60_000);

	it('reads a part here when its helper fails, and keeps the later parts', async () => {
		const f = await prepareBytes(fixture('sales_en.csv'), 'sales_en.csv');
		const whole = await importFiles([f], { cancelled: () => false });
		let n = 0;
		const flaky: ParallelParser = {
			start(job, onDone) {
				// the second helper dies; the others read their parts
				if (++n === 2) return { result: Promise.reject(new Error('worker died')), abort: () => {} };
				return inProcess().start(job, onDone);
			}
		};
		expect(await importFiles([f], { cancelled: () => false, parallel: flaky, splitMinChars: 0, parts: 4 })).toEqual(
			whole
		);
	});

	it('reports progress over every part up to the whole file', async () => {
		const rows = ['customer,amount', ...Array.from({ length: 4000 }, (_, i) => `C${i % 50},${i}`)];
		const f = await prepareBytes(utf8(rows.join('\n')), 'p.csv');
		const fractions: number[] = [];
		await importFiles([f], {
			cancelled: () => false,
			parallel: inProcess(),
			splitMinChars: 0,
			parts: 5,
			chunkSize: 2000,
			onProgress: (p) => fractions.push(p.fraction)
		});
		expect(Math.max(...fractions)).toBeCloseTo(1, 2);
		expect(fractions.every((x) => x >= 0 && x <= 1)).toBe(true);
	});
});
