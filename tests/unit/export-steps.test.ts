/** Long work as steps: the XLSX export's progress, and the worker's driver (progress pacing, Cancel). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as zlib from 'node:zlib';
import { finish, within, type Steps } from '../../src/lib/core/steps';
import { classify } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import { exportFile, exportFileSteps } from '../../src/lib/engine/export';
import { Cancelled } from '../../src/lib/worker/failure';
import { PROGRESS_MS, runSteps } from '../../src/lib/worker/run-steps';
import { ruLabels } from './export-fixture';
import { buildXlsx, type Sheet } from '../../src/lib/engine/xlsx';
import { defaultCompressor, GzipFraming } from '../../src/lib/engine/xlsx/package';
import { unzipEntries } from './xlsx-reader';
import { abcSettings, columnsOf } from './helpers';

afterEach(() => vi.restoreAllMocks());

async function* counted(n: number, log: string[]): Steps<string> {
	try {
		for (let i = 1; i <= n; i++) {
			log.push(`step ${i}`);
			yield i / n;
		}
		return 'done';
	} finally {
		log.push('closed');
	}
}

describe('steps', () => {
	it('finish runs to the result; within maps progress onto a range', async () => {
		const log: string[] = [];
		expect(await finish(counted(3, log))).toBe('done');
		expect(log).toEqual(['step 1', 'step 2', 'step 3', 'closed']);
		const outer = within(counted(4, []), 0.2, 0.6);
		const seen: number[] = [];
		for (let s = await outer.next(); !s.done; s = await outer.next()) seen.push(s.value);
		expect(seen).toEqual([0.3, 0.4, 0.5, 0.6].map((x) => expect.closeTo(x, 12)));
	});

	it('the XLSX export rises from 0 to 1 and gives the same file as the straight run', async () => {
		const settings = abcSettings();
		const data = columnsOf(
			Array.from({ length: 8000 }, (_, i) => ({ key: `K${i}`, amount: 1 + ((i * 31) % 997) })),
			2
		);
		const c = classify(aggregate(data, settings), data.customerKeys, settings);
		const labels = ruLabels(3);
		const steps = exportFileSteps(data, c, {}, 'xlsx', labels);
		const fractions: number[] = [];
		let s = await steps.next();
		for (; !s.done; s = await steps.next()) fractions.push(s.value);
		// 8 000 customers are a few megabytes of XML: several steps
		expect(fractions.length).toBeGreaterThan(2);
		expect(fractions[0]).toBeGreaterThan(0);
		expect(fractions.at(-1)).toBe(1);
		for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
		const straight = (await exportFile(data, c, {}, 'xlsx', labels)).data as Uint8Array;
		expect(Buffer.from(s.value.data as Uint8Array).equals(Buffer.from(straight))).toBe(true);
		// a CSV is one step
		expect((await exportFileSteps(data, c, {}, 'csv-system', labels).next()).done).toBe(true);
	});
});

describe('runSteps (the worker drives the steps)', () => {
	it('reports progress no more often than every PROGRESS_MS and returns the result', async () => {
		let now = 0;
		vi.spyOn(performance, 'now').mockImplementation(() => now);
		const progress: number[] = [];
		async function* timed(): Steps<number> {
			for (const t of [50, 100, 160, 200, 330, 340]) {
				now = t;
				yield t / 340;
			}
			return 42;
		}
		const result = await runSteps(
			timed(),
			{ cancelled: () => false, progress: (p) => progress.push((p as { fraction: number }).fraction) },
			(fraction) => ({ stage: 'export', fraction })
		);
		expect(result).toBe(42);
		expect(PROGRESS_MS).toBe(150);
		// at 160 ms (≥ 150 since the start) and at 330 ms (≥ 150 since 160)
		expect(progress).toEqual([160 / 340, 330 / 340]);
	});

	it('stops at the first step after a Cancel and closes the steps', async () => {
		const log: string[] = [];
		let cancelled = false;
		const running = runSteps(counted(100, log), { cancelled: () => cancelled, progress: () => {} }, (fraction) => ({
			stage: 'export',
			fraction
		}));
		// the cancel arrives while the first step's pause lets messages in
		cancelled = true;
		await expect(running).rejects.toBeInstanceOf(Cancelled);
		expect(log).toEqual(['step 1', 'closed']);
	});
});

describe('the two compressors give the same workbook', () => {
	it('CompressionStream (gzip framing stripped) and fflate: same parts, same contents, valid CRCs', async () => {
		const rows: Sheet['rows'] = [['a', 'b']];
		for (let r = 0; r < 30_000; r++) rows.push([r, `name ${r % 997}`]);
		const sheets: Sheet[] = [{ name: 'S', rows }];
		const native = await buildXlsx(sheets, 'native');
		const js = await buildXlsx(sheets, 'fflate');
		const a = unzipEntries(native);
		const b = unzipEntries(js);
		expect(a.map((e) => e.name)).toEqual(b.map((e) => e.name));
		for (let k = 0; k < a.length; k++) {
			expect(Buffer.from(a[k].data).equals(Buffer.from(b[k].data)), a[k].name).toBe(true);
			expect(a[k].crc, a[k].name).toBe(b[k].crc);
			expect(a[k].method).toBe(8);
		}
		// the CRC the gzip trailer gave is the CRC of the contents
		for (const e of a) expect(zlib.crc32(e.data), e.name).toBe(e.crc);
		expect(defaultCompressor()).toBe('native');
	});
});

describe('GzipFraming', () => {
	it('finds the DEFLATE data and the trailer whatever the header carries and however it is cut', () => {
		const text = new TextEncoder().encode('<row r="1"><c t="s"><v>0</v></c></row>'.repeat(200));
		const body = new Uint8Array(zlib.deflateRawSync(text));
		const trailer = new Uint8Array(8);
		new DataView(trailer.buffer).setUint32(0, zlib.crc32(text), true);
		new DataView(trailer.buffer).setUint32(4, text.length, true);
		// FEXTRA (3 bytes), FNAME "book.xml", FCOMMENT "x", FHCRC
		const header = [0x1f, 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3, 3, 0, 1, 2, 3];
		header.push(...new TextEncoder().encode('book.xml'), 0, 0x78, 0, 0xaa, 0xbb);
		const gz = new Uint8Array([...header, ...body, ...trailer]);
		for (const size of [1, 7, 64, gz.length]) {
			const framing = new GzipFraming();
			const parts: Uint8Array[] = [];
			for (let i = 0; i < gz.length; i += size) parts.push(framing.body(gz.slice(i, i + size)));
			const deflated = Buffer.concat(parts);
			expect(Buffer.from(zlib.inflateRawSync(deflated)).equals(Buffer.from(text)), `cut every ${size}`).toBe(true);
			expect(framing.trailer()).toEqual({ crc: zlib.crc32(text), size: text.length });
		}
		expect(() => new GzipFraming().body(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toThrow(/gzip/);
		const early = new GzipFraming();
		early.body(gz.slice(0, 20));
		expect(() => early.trailer()).toThrow(/ended early/);
	});
});
