/**
 * Inputs too big for their shape, generated at run time (nothing big is committed): a single line
 * over 10 MB, 100 000 customers, one customer with 1 000 000 rows. Each must end, and end quickly.
 */
import { describe, expect, it } from 'vitest';
import {
	importFiles,
	MAX_RECORD_CHARS,
	prepareBytes,
	prepareImport,
	sniffFile,
	decodeWhole
} from '../../src/lib/ingest/pipeline';
import { ImportError } from '../../src/lib/ingest/errors';
import { aggregate } from '../../src/lib/engine/aggregate';
import { classify } from '../../src/lib/engine/abc';
import { load, rng, settings, utf8 } from './helpers';

const TEN_MB = 10 * 1024 * 1024;

/** Runs an import that must fail; returns the error and how long it took. */
async function timedFailure(run: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
	const t0 = performance.now();
	try {
		await run();
	} catch (error) {
		return { error, ms: performance.now() - t0 };
	}
	throw new Error('expected the import to fail');
}

describe('a single line longer than 10 MB', () => {
	const huge = 'x'.repeat(TEN_MB + 17);

	it.each([
		['an unquoted data row', `customer,amount\nA,1\n${huge},5\nB,2\n`, 3, 1],
		['a quoted data row', `customer,amount\nA,1\n"${huge}",5\nB,2\n`, 3, 1],
		['a huge amount cell', `customer,amount\nA,1\nB,${huge}\n`, 3, 2],
		['a huge last header field', `customer,amount,${huge}\nA,1,\nB,2,\n`, 1, 3],
		['a huge line in a CRLF file', `customer;amount\r\nA;1\r\nB;2\r\n${huge};3\r\n`, 4, 1],
		// text after a closing quote sends the file to the lenient reader: the same limit applies there
		['a huge line in a file with a malformed quote', `customer,amount\n"Acme" Ltd,1\n${huge},5\nB,2\n`, 3, 1],
		['a huge malformed quoted field', `customer,amount\nA,1\n"${huge}" x,5\nB,2\n`, 3, 1]
	])(
		'%s → line-too-long with its row and column, quickly',
		async (_, text, row, column) => {
			const bytes = utf8(text);
			expect(bytes.length).toBeGreaterThan(TEN_MB);
			const { error, ms } = await timedFailure(() => load(bytes, 'huge.csv'));
			expect(error).toBeInstanceOf(ImportError);
			expect((error as ImportError).info).toEqual({ code: 'line-too-long', file: 'huge.csv', row, column });
			expect(ms).toBeLessThan(20_000);
		},
		30_000
	);

	it('a file that is nothing but one 10 MB line ends with a clear ImportError', async () => {
		const bytes = utf8(huge);
		// with the automatic mapping: the one 256 KB header cell names no customer column
		const auto = await timedFailure(() => load(bytes, 'one-line.csv'));
		expect(auto.error).toBeInstanceOf(ImportError);
		expect((auto.error as ImportError).info).toEqual({ code: 'missing-customer-column', file: 'one-line.csv' });
		expect(auto.ms).toBeLessThan(20_000);
		// mapped by hand anyway: the parser refuses the line itself
		const sniff = await sniffFile(new Blob([bytes as BlobPart]), 'one-line.csv');
		const prepared = prepareImport(decodeWhole(bytes, sniff.encoding), bytes.length, sniff, {
			mapping: { ...sniff.auto.mapping, customerKey: 0, amount: 0 },
			amountSource: 'column'
		});
		const manual = await timedFailure(() => importFiles([prepared], { cancelled: () => false }));
		expect((manual.error as ImportError).info).toEqual({
			code: 'line-too-long',
			file: 'one-line.csv',
			row: 1,
			column: 1
		});
		expect(manual.ms).toBeLessThan(20_000);
	}, 30_000);

	it('a field just under the limit is still imported', async () => {
		const long = 'K'.repeat(MAX_RECORD_CHARS);
		const { columns } = await load(utf8(`customer,amount\nA,1\n${long},2\n`));
		expect(columns.customerKeys.map((k) => k.length)).toEqual([1, MAX_RECORD_CHARS]);
	}, 30_000);

	it('10 MB spread over many short fields in one line is a ragged row, not a hang', async () => {
		const wide = 'x,'.repeat(TEN_MB / 2);
		const { columns, report } = await load(utf8(`customer,amount\nA,1\n${wide}\nB,2\n`));
		expect(columns.customerKeys).toEqual(['A', 'B']);
		expect(report.skipped).toEqual([
			{ reason: 'bad-amount', count: 1, first: [expect.objectContaining({ row: 3, column: 2, value: 'x' })] }
		]);
		expect(report.warnings).toEqual([
			{ reason: 'too-many-fields', count: 1, first: [expect.objectContaining({ row: 3 })] }
		]);
	}, 30_000);
});

describe('100 000 distinct customers with one row each', () => {
	it('imports every customer, classifies them, and the shares add up to 1', async () => {
		const n = 100_000;
		const r = rng(100);
		const lines = ['Клиент;Сумма'];
		let total = 0n;
		const cents: number[] = [];
		for (let i = 0; i < n; i++) {
			const c = 1 + Math.floor(r() * 5_000_000); // 0.01 … 50 000.00
			cents.push(c);
			total += BigInt(c);
			lines.push(`Клиент №${i};${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`);
		}
		const { columns, report } = await load(utf8(lines.join('\n') + '\n'));
		expect(report).toMatchObject({ rowsRead: n, rowsImported: n, skipped: [], warnings: [] });
		expect(columns.customerKeys.length).toBe(n);
		expect(columns.amountScale).toBe(2);
		expect(Array.from(columns.amount.subarray(0, 5))).toEqual(cents.slice(0, 5));

		const totals = aggregate(columns, settings);
		expect(totals.customers.length).toBe(n);
		expect(totals.approximate).toBe(false);
		let sum = 0n;
		for (const t of totals.totals) sum += BigInt(t);
		expect(sum).toBe(total);

		const c = classify(totals, columns.customerKeys, settings);
		expect(c.rankOrder.length).toBe(n);
		expect(new Set(c.rankOrder).size).toBe(n);
		let shares = 0;
		for (const s of c.share) shares += s;
		expect(Math.abs(shares - 1)).toBeLessThan(1e-9);
		expect(c.cumShare[n - 1]).toBe(1);
		expect(c.total).toBe(Number(total) / 100);
		expect(c.segments.reduce((s, seg) => s + seg.customers, 0)).toBe(n);
		// ranked by value, descending
		for (let i = 1; i < n; i++) if (c.value[i] > c.value[i - 1]) throw new Error(`rank ${i} is above rank ${i - 1}`);
	}, 30_000);
});

describe('one customer with 1 000 000 rows', () => {
	it('the exact total of the generated integers (cents, mixed signs), and class A', async () => {
		const n = 1_000_000;
		const r = rng(1_000_000);
		const lines = ['customer,amount'];
		let total = 0n;
		for (let i = 0; i < n; i++) {
			// -2 000.00 … 8 000.00 in cents, written with 0, 1 or 2 decimals as they come
			const c = Math.floor(r() * 1_000_000) - 200_000;
			total += BigInt(c);
			const abs = Math.abs(c);
			const frac = abs % 100;
			const text =
				frac === 0
					? String(abs / 100)
					: frac % 10 === 0
						? `${Math.floor(abs / 100)}.${frac / 10}`
						: `${Math.floor(abs / 100)}.${String(frac).padStart(2, '0')}`;
			lines.push(`Solo Ltd,${c < 0 ? '-' : ''}${text}`);
		}
		const { columns, report } = await load(utf8(lines.join('\n') + '\n'));
		expect(report).toMatchObject({ rowsRead: n, rowsImported: n, skipped: [], warnings: [] });
		expect(columns.customerKeys).toEqual(['Solo Ltd']);
		expect(columns.amountScale).toBe(2);

		const totals = aggregate(columns, settings);
		expect(totals.approximate).toBe(false);
		expect(BigInt(totals.totals[0])).toBe(total);
		expect(total > 0n).toBe(true);
		const c = classify(totals, columns.customerKeys, settings);
		expect(c.classIndex[0]).toBe(0);
		expect(settings.classes[c.classIndex[0]].name).toBe('A');
		expect(c.share[0]).toBe(1);
		expect(c.concentration.monoClient).toBe(true);
	}, 60_000);

	it('totals beyond 2^53 are summed with BigInt and rounded once', async () => {
		const n = 1_000_000;
		const r = rng(53);
		const parts: string[] = ['customer;amount'];
		let total = 0n;
		for (let i = 0; i < n; i++) {
			const v = 10_000_000_000 + Math.floor(r() * 10_000_000_000); // 1e10 … 2e10 each, 1.5e16 in all
			total += BigInt(v);
			parts.push(`Huge;${v}`);
		}
		expect(total > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
		const prepared = await prepareBytes(utf8(parts.join('\n') + '\n'), 'huge.csv');
		const { columns } = await importFiles([prepared], { cancelled: () => false });
		const totals = aggregate(columns, settings);
		expect(totals.approximate).toBe(true);
		expect(totals.totals[0]).toBe(Number(total));
		const c = classify(totals, columns.customerKeys, settings);
		expect(settings.classes[c.classIndex[0]].name).toBe('A');
	}, 60_000);
});

describe('a file too large for a browser tab', () => {
	it('is refused before anything is read, with its size and the limit', async () => {
		const { sniffFile, MAX_FILE_BYTES } = await import('../../src/lib/ingest/pipeline');
		let read = false;
		const huge = {
			size: 1024 * 1024 * 1024,
			slice: () => {
				read = true;
				return new Blob(['customer,amount\n']);
			}
		} as unknown as Blob;
		await expect(sniffFile(huge, 'year.csv')).rejects.toMatchObject({
			info: { code: 'too-large', file: 'year.csv', neededMb: 1024, availableMb: MAX_FILE_BYTES / 1048576 }
		});
		expect(read).toBe(false);
	});
});
