/**
 * A large file is read in two halves at once (this worker and a helper). Whatever the file, the
 * result must be exactly what reading it in one piece gives: the same columns, dictionaries,
 * codes, report (counts, rows, columns) and errors. The helper runs in-process here.
 */
import { describe, expect, it } from 'vitest';
import {
	byteSplitPoint,
	importFiles,
	prepareBytes,
	prepareImport,
	sniffFile,
	splitPoint,
	type FileToImport,
	type ImportControl,
	type ParallelParser
} from '../../src/lib/ingest/pipeline';
import { fixture, inProcess, outcome, preparedInParts, utf8 } from './split-helpers';
import type { ImportError } from '../../src/lib/ingest/errors';
import * as S from './real-exports.samples';

async function both(files: FileToImport[], extra: Partial<ImportControl> = {}) {
	const parallel = inProcess();
	const whole = await importFiles(files, { cancelled: () => false, ...extra });
	const split = await importFiles(files, { cancelled: () => false, parallel, splitMinChars: 0, ...extra });
	return { whole, split, started: parallel.started };
}

const prepare = (text: string, name = 'split.csv') => prepareBytes(utf8(text), name);

describe('reading a file in two halves', () => {
	it('cuts just after the first line end at or after the middle', () => {
		expect(splitPoint('ab\ncd\nef\n', '\n')).toBe(6);
		expect(splitPoint('a,b\r\nc,d\r\ne,f', '\r\n')).toBe(10);
		expect(splitPoint('a\rb\rc\rd', '\r')).toBe(4);
		expect(splitPoint('abcdef\n', '\n')).toBe(-1);
		expect(splitPoint('abcdef', '\n')).toBe(-1);
	});

	it('gives exactly the one-piece result on the shipped fixtures', async () => {
		for (const name of [
			'sales_en.csv',
			'sales_ru_cp1251.csv',
			'tiny.csv',
			'reliability/blank_lines.csv',
			'reliability/ragged.csv',
			'reliability/numbers_mixed.csv',
			'reliability/duplicate_headers.csv'
		]) {
			const f = await prepareBytes(fixture(name), name);
			for (const chunkSize of [undefined, 300, 4096]) {
				const { whole, split, started } = await both([f], { chunkSize });
				expect(started, name).toBe(1);
				expect(split, `${name} chunk ${chunkSize}`).toEqual(whole);
			}
		}
	}, 60_000);

	it('gives exactly the one-piece result on every real-export sample', async () => {
		const names = [
			'onlineRetail',
			'onlineRetailII',
			'superstore',
			'salesDataSample',
			'oneC',
			'titledReport',
			'excelRu',
			'shopify',
			'wooCommerce',
			'tabSeparated',
			'crmNotes',
			'messyCustomers',
			'excelUnicodeText',
			'sepHint',
			'paypal',
			'stripe',
			'square',
			'brazil',
			'excelSubtotals',
			'pythonOnWindows',
			'wooLineItems'
		] as const;
		const samples = names.map((n) => [n, S[n]] as const);
		for (const [name, make] of samples) {
			const sample = (make as (seed?: number) => S.Sample)();
			const f = await prepareBytes(sample.bytes, `${name}.csv`);
			const { whole, split } = await both([f]);
			expect(split, name).toEqual(whole);
		}
	}, 60_000);

	it('gives the same result for two files read one after the other, each in halves', async () => {
		const a = await prepareBytes(fixture('sales_en.csv'), 'a.csv');
		const b = await prepareBytes(fixture('tiny.csv'), 'b.csv');
		const { whole, split, started } = await both([a, b, a]);
		expect(started).toBe(3);
		expect(split).toEqual(whole);
	});

	it('a column only some files have is zero, no order or no discount for the rows of the others, read whole or in halves', async () => {
		const rich = (n: number) =>
			'customer,amount,quantity,profit,order,discount\n' +
			Array.from({ length: n }, (_, i) => `R${i % 7},${i + 1}.5,${i % 3},${i % 5}.25,O-${i},${i % 4}`).join('\n');
		const plain = (n: number) =>
			'customer,amount\n' + Array.from({ length: n }, (_, i) => `P${i % 5},${i + 2}`).join('\n');
		for (const order of [
			[plain(300), rich(400)],
			[rich(400), plain(300)],
			[rich(200), plain(300), rich(250)]
		]) {
			const files = await Promise.all(order.map((t, i) => prepare(t, `f${i}.csv`)));
			const { whole, split } = await both(files);
			expect(split).toEqual(whole);
			const c = whole.columns;
			const rows = order.map((t) => t.split('\n').length - 1);
			expect(c.rowCount).toBe(rows.reduce((a, b) => a + b, 0));
			for (const column of [c.quantity!, c.profit!, c.order!, c.discount!]) expect(column).toHaveLength(c.rowCount);
			let at = 0;
			for (let f = 0; f < order.length; f++) {
				const isRich = order[f].startsWith('customer,amount,quantity');
				for (let r = at; r < at + rows[f]; r++) {
					if (isRich) continue;
					expect([c.quantity![r], c.profit![r], c.order![r], c.discount![r]]).toEqual([0, 0, -1, NaN]);
				}
				at += rows[f];
			}
			// the rich files' own values are there
			expect(c.quantity!.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
			expect(c.discount!.some((d) => !Number.isNaN(d))).toBe(true);
		}
	});

	it('keeps the dimensions of both halves: a value first seen in the second half, empty cells, a file without them', async () => {
		const rows = ['customer,amount,Region,Channel'];
		for (let i = 0; i < 60; i++)
			rows.push(`C${i % 7},${i + 1},${['North', ' South ', ''][i % 3]},${i % 4 ? 'web' : 'shop'}`);
		// only the second half names the East, and leaves Channel empty
		for (let i = 0; i < 60; i++) rows.push(`C${i % 5},${i + 2},${i % 2 ? 'East' : 'North'},${i % 6 ? '' : 'web'}`);
		const f = await prepare(rows.join('\n') + '\n', 'dims.csv');
		expect(f.plan.dimensions).toEqual([2, 3]);
		const other = await prepare('Channel,customer,amount\nphone,Z,1\nweb,Y,2\n', 'other.csv');
		const { whole, split, started } = await both([other, f, other]);
		expect(started).toBe(3);
		expect(split).toEqual(whole);
		const [channel, region] = whole.columns.dimensions!;
		expect(channel.name).toBe('Channel');
		expect(channel.values).toEqual(['phone', 'web', 'shop', '']);
		expect(region.values).toEqual(['', 'North', 'South', 'East']);
		expect(region.codes.length).toBe(124);
		// the other file's rows have no region
		expect(Array.from(region.codes.subarray(0, 2))).toEqual([0, 0]);
		expect(Array.from(region.codes.subarray(2, 5))).toEqual([1, 2, 0]);
		expect(Array.from(region.codes.subarray(62, 66))).toEqual([1, 3, 1, 3]);
		expect(Array.from(channel.codes.subarray(62, 64))).toEqual([1, 3]);
	});

	it('drops a dimension over the limit whether one half or only both together go over it', async () => {
		for (const [n, name] of [
			[6000, 'both halves together'],
			[12_000, 'each half alone']
		] as const) {
			const rows = ['customer,amount,Ticket,Region'];
			for (let i = 0; i < n; i++) rows.push(`C${i % 11},${(i % 50) + 1},T-${i},${i < n / 2 ? 'N' : 'S'}`);
			const f = await prepare(rows.join('\n') + '\n', 'tickets.csv');
			const { whole, split, started } = await both([{ ...f, plan: { ...f.plan, dimensions: [2, 3] } }]);
			expect(started, name).toBe(1);
			expect(split, name).toEqual(whole);
			expect(whole.report.droppedDimensions, name).toEqual(['Ticket']);
			expect(
				whole.columns.dimensions!.map((d) => [d.name, d.values]),
				name
			).toEqual([['Region', ['N', 'S']]]);
		}
	}, 60_000);

	it('decides the date order over both halves', async () => {
		// the first half only has days ≤ 12 (either order reads), the second a 25th: day first
		const rows = ['customer,date,amount'];
		for (let i = 0; i < 50; i++) rows.push(`C${i % 7},0${(i % 9) + 1}.0${(i % 3) + 1}.2024,${i}.5`);
		for (let i = 0; i < 50; i++) rows.push(`C${i % 5},${(i % 9) + 1}.${(i % 3) + 1}.2024,${i}`);
		rows.push('C1,25.12.2024,1');
		const { whole, split } = await both([await prepare(rows.join('\n') + '\n')]);
		expect(whole.report.files[0].dateOrder).toBe('dmy');
		expect(split).toEqual(whole);
	});

	it('keeps every report place in file rows when both halves have problems', async () => {
		const rows = ['customer,amount,date'];
		for (let i = 0; i < 40; i++)
			rows.push(
				i % 6 === 0
					? `C${i},abc,2024-01-01`
					: i % 7 === 0
						? `,5,2024-01-01`
						: i % 5 === 0
							? `C${i % 4},${i},2024-13-45`
							: `C${i % 4},${i},2024-02-0${(i % 9) + 1}`
			);
		const { whole, split } = await both([await prepare(rows.join('\n'))]);
		expect(whole.report.skipped.length).toBeGreaterThan(0);
		expect(whole.report.warnings.length).toBeGreaterThan(0);
		expect(split).toEqual(whole);
	});

	it('reads again in one piece when the cut falls inside a quoted field with line breaks', async () => {
		const note = `"a note\n${'that goes on\n'.repeat(30)}and ends"`;
		const text = `customer,amount,note\nC1,1,x\nC2,2,${note}\nC3,3,y\n`;
		const f = await prepare(text);
		const cut = splitPoint(f.text, f.newline);
		expect(f.text.indexOf(note)).toBeLessThan(cut);
		expect(f.text.indexOf(note) + note.length).toBeGreaterThan(cut);
		const { whole, split } = await both([f]);
		expect(whole.columns.rowCount).toBe(3);
		expect(split).toEqual(whole);
	});

	it("reads the second half again when its '<group> Total' rows belong to a group of the first", async () => {
		// first half: 'Acme Total' comes before any 'Acme', so it is a customer there; the second
		// half alone would take it for Acme's total line
		const first = ['customer,amount', 'Acme Total,5', ...Array.from({ length: 30 }, (_, i) => `Acme,${i}`)];
		const second = [...Array.from({ length: 30 }, (_, i) => `Acme,${i}`), 'Acme Total,7', 'Beta,1', 'Beta Total,1'];
		const { whole, split } = await both([await prepare([...first, ...second].join('\n'))]);
		expect(whole.columns.customerKeys).toContain('Acme Total');
		expect(split).toEqual(whole);
		// and the group total whose group only the first half has
		const other = [
			'customer,amount',
			...Array.from({ length: 30 }, (_, i) => `Gamma,${i}`),
			...Array.from({ length: 30 }, (_, i) => `Delta,${i}`),
			'Gamma Total,435'
		];
		const r = await both([await prepare(other.join('\n'))]);
		expect(r.whole.columns.customerKeys).not.toContain('Gamma Total');
		expect(r.split).toEqual(r.whole);
	});

	it('reads the second half again when the order-id prefixes of both halves exceed what codes hold', async () => {
		const rows = ['customer,order,amount'];
		for (let i = 0; i < 40; i++) rows.push(`C${i % 3},${'ABCDEF'[i % 6]}-${100 + i},1`);
		for (let i = 0; i < 40; i++) rows.push(`C${i % 3},${'GHIJKL'[i % 6]}-${100 + i},1`);
		rows.push('C1,A-100,1', 'C2,L-179,1', 'C0,odd id,1');
		const { whole, split } = await both([await prepare(rows.join('\n'))]);
		expect(split).toEqual(whole);
	});

	// the sniff reads the first 256 KB and would name a broken row there itself: these come later
	const filler = (n: number) => Array.from({ length: n }, (_, i) => `C${i % 997},${i}`);

	it('names the same row and column as a one-piece read for an error in the second half', async () => {
		const rows = ['customer,amount', ...filler(40_000), 'C61,"never closed', ...filler(5)];
		const f = await prepare(rows.join('\n'));
		const whole = await outcome([f], { cancelled: () => false });
		const split = await outcome([f], { cancelled: () => false, parallel: inProcess(), splitMinChars: 0 });
		expect(whole.error).toMatchObject({ code: 'unclosed-quote', row: 40_002 });
		expect(split).toEqual(whole);

		const long = ['customer,amount', ...filler(20), `C9,${'9'.repeat(1_000_001)}`, 'C1,1'];
		const g = await prepare(long.join('\n'));
		const wholeLong = await outcome([g], { cancelled: () => false });
		expect(wholeLong.error).toMatchObject({ code: 'line-too-long', row: 22 });
		expect(await outcome([g], { cancelled: () => false, parallel: inProcess(), splitMinChars: 0 })).toEqual(wholeLong);
	});

	it('reports the first-half error, not the second, and stops the helper', async () => {
		const rows = [
			'customer,amount',
			...filler(30_000),
			`C1,${'1'.repeat(1_000_001)}`,
			...filler(30_000),
			'C2,"open',
			...filler(10)
		];
		const f = await prepare(rows.join('\n'));
		const whole = await outcome([f], { cancelled: () => false });
		expect(whole.error).toMatchObject({ code: 'line-too-long', row: 30_002 });
		let aborted = 0;
		const parallel: ParallelParser = {
			start(job, onChars) {
				const started = inProcess().start(job, onChars);
				return { result: started.result, abort: () => (aborted++, started.abort()) };
			}
		};
		expect(await outcome([f], { cancelled: () => false, parallel, splitMinChars: 0 })).toEqual(whole);
		expect(aborted).toBe(1);
	});

	it('stops both halves on cancel', async () => {
		const rows = ['customer,amount', ...Array.from({ length: 2000 }, (_, i) => `C${i % 50},${i}`)];
		const f = await prepare(rows.join('\n'));
		let aborted = false;
		const parallel: ParallelParser = {
			start(job, onChars) {
				const started = inProcess().start(job, onChars);
				return { result: started.result, abort: () => ((aborted = true), started.abort()) };
			}
		};
		let calls = 0;
		const r = await outcome([f], { cancelled: () => ++calls > 3, parallel, splitMinChars: 0, chunkSize: 1000 });
		expect(r.error?.code).toBe('cancelled');
		expect(aborted).toBe(true);
	});

	it('reports progress over both halves up to the whole file', async () => {
		const rows = ['customer,amount', ...Array.from({ length: 3000 }, (_, i) => `C${i % 50},${i}`)];
		const f = await prepare(rows.join('\n'));
		const fractions: number[] = [];
		await importFiles([f], {
			cancelled: () => false,
			parallel: inProcess(),
			splitMinChars: 0,
			chunkSize: 2000,
			onProgress: (p) => fractions.push(p.fraction)
		});
		expect(fractions.length).toBeGreaterThan(4);
		expect(Math.max(...fractions)).toBeCloseTo(1, 2);
		expect(fractions.every((x) => x >= 0 && x <= 1)).toBe(true);
	});

	it('reads the second half here when the helper fails', async () => {
		const f = await prepareBytes(fixture('sales_en.csv'), 'sales_en.csv');
		const whole = await importFiles([f], { cancelled: () => false });
		const crashing: ParallelParser = {
			start: () => ({ result: Promise.reject(new Error('worker died')), abort: () => {} })
		};
		expect(await importFiles([f], { cancelled: () => false, parallel: crashing, splitMinChars: 0 })).toEqual(whole);
	});

	it('cuts bytes just after the first line end at or after the middle', () => {
		const b = utf8('ab\ncd\nef\n');
		expect(byteSplitPoint(b, '\n')).toBe(6);
		expect(byteSplitPoint(utf8('a\rb\rc\rd'), '\r')).toBe(4);
		expect(byteSplitPoint(utf8('abcdef\n'), '\n')).toBe(-1);
	});

	it('decoding half here and half in the helper gives the one-piece result (UTF-8, BOM, cp1251, cp1252, CRLF, UTF-16)', async () => {
		const files: [string, Uint8Array][] = [
			['sales_en.csv', fixture('sales_en.csv')],
			['sales_ru_cp1251.csv', fixture('sales_ru_cp1251.csv')],
			['superstore', S.superstore().bytes],
			['excelRu', S.excelRu().bytes],
			['excelUnicodeText', S.excelUnicodeText().bytes],
			['pythonOnWindows', S.pythonOnWindows().bytes],
			['oneC', S.oneC().bytes],
			['bom', S.withBom(fixture('sales_en.csv'))]
		];
		for (const [name, bytes] of files) {
			const whole = await importFiles([await prepareBytes(bytes, name)], { cancelled: () => false });
			const f = await preparedInParts(bytes, name);
			const parallel = inProcess();
			const split = await importFiles([f], { cancelled: () => false, parallel });
			expect(split, name).toEqual(whole);
			// UTF-16 is never cut in bytes; the others are
			expect(f.parts === undefined, name).toBe(name === 'excelUnicodeText');
			// and without a helper the halves are read as one text
			expect(await importFiles([await preparedInParts(bytes, name)], { cancelled: () => false }), name).toEqual(whole);
		}
	});

	it('a second half that is not UTF-8 after an ASCII first half is read as a whole, in the code page the whole file has', async () => {
		// past the 256 KB the sniff reads, and past the middle
		const rows = [
			'customer,amount',
			...Array.from({ length: 40_000 }, (_, i) => `C${i % 9},${i}`),
			...Array.from({ length: 2000 }, (_, i) => `Ромашка ${i % 5},${i}`)
		];
		const bytes = S.cp1251(rows.join('\n') + '\n');
		const reference = await prepareBytes(bytes, 'late.csv');
		expect(reference.encoding).toBe('windows-1251');
		const whole = await importFiles([reference], { cancelled: () => false });
		const f = await preparedInParts(bytes, 'late.csv');
		expect(f.encoding).toBe('utf-8');
		const split = await importFiles([f], { cancelled: () => false, parallel: inProcess() });
		expect(split).toEqual(whole);
		// the file passed in is not changed: the import says which encoding it really used
		expect(f.encoding).toBe('utf-8');
		expect(split.encodings).toEqual(['windows-1251']);
		expect(split.columns.customerKeys).toContain('Ромашка 1');
	});

	it('a later file whose second half is not UTF-8 is read again as a whole without keeping its first half twice', async () => {
		const rows = [
			'customer,amount',
			...Array.from({ length: 40_000 }, (_, i) => `C${i % 9},${i}`),
			...Array.from({ length: 2000 }, (_, i) => `Ромашка ${i % 5},${i}`)
		];
		const bytes = S.cp1251(rows.join('\n') + '\n');
		const first = utf8('customer,amount\nA,1\nB,2\n');
		const reference = [await prepareBytes(first, 'a.csv'), await prepareBytes(bytes, 'late.csv')];
		const whole = await importFiles(reference, { cancelled: () => false });
		const split = await importFiles([await prepareBytes(first, 'a.csv'), await preparedInParts(bytes, 'late.csv')], {
			cancelled: () => false,
			parallel: inProcess()
		});
		expect(split.columns.rowCount).toBe(42_002);
		expect(split).toEqual(whole);
	});

	it('a first part that is not UTF-8 after an ASCII start is read as a whole, in its code page', async () => {
		// past the 256 KB the sniff reads, before the middle
		const rows = [
			'customer,amount',
			...Array.from({ length: 30_000 }, (_, i) => `C${i % 9},${i}`),
			...Array.from({ length: 300 }, (_, i) => `Ромашка ${i % 5},${i}`),
			...Array.from({ length: 60_000 }, (_, i) => `D${i % 7},${i}`)
		];
		const bytes = S.cp1251(rows.join('\n') + '\n');
		const reference = await prepareBytes(bytes, 'early.csv');
		expect(reference.encoding).toBe('windows-1251');
		const f = await preparedInParts(bytes, 'early.csv');
		expect(f.encoding).toBe('utf-8');
		expect(f.parts!.cuts[0]).toBeGreaterThan(bytes.indexOf(0xd0));
		const split = await importFiles([f], { cancelled: () => false, parallel: inProcess() });
		expect(split).toEqual(await importFiles([reference], { cancelled: () => false }));
		expect(split.encodings).toEqual(['windows-1251']);
	});

	it('a part the browser cannot read any more is a plain error naming the file, in every part', async () => {
		const bytes = fixture('sales_en.csv');
		const sniff = await sniffFile(new Blob([bytes as BlobPart]), 'sales_en.csv');
		for (const unreadable of [0, 1]) {
			// the file was changed on disk after it was dropped: reading that stretch fails
			const blob = new Blob([bytes as BlobPart]);
			let slices = 0;
			const source = {
				size: blob.size,
				slice(start?: number, end?: number) {
					const piece = blob.slice(start, end);
					const failing = slices++ === unreadable;
					// the part is read a slice at a time: every slice of it fails
					const gone = {
						size: piece.size,
						slice: () => gone,
						arrayBuffer: () => Promise.reject(new Error('The file changed.'))
					};
					return failing ? gone : piece;
				}
			} as unknown as Blob;
			const f: FileToImport = {
				...prepareImport('', bytes.length, sniff),
				parts: { source, cuts: [bytes.indexOf(10, 400) + 1] }
			};
			const failed = await importFiles([f], { cancelled: () => false, parallel: inProcess() }).then(
				() => null,
				(err: ImportError) => err.info
			);
			expect(failed, `part ${unreadable}`).toMatchObject({
				code: 'read-failed',
				file: 'sales_en.csv',
				detail: 'The file changed.'
			});
		}
	});

	it('reads small files in one piece without starting the helper', async () => {
		const f = await prepare('customer,amount\nA,1\nB,2\n');
		const parallel = inProcess();
		await importFiles([f], { cancelled: () => false, parallel });
		expect(parallel.started).toBe(0);
	});
});
