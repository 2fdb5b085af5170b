import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { inferDecimalSeparator, parseDecimal } from '../../src/lib/ingest/numbers';
import { sniffText } from '../../src/lib/ingest/sniff';
import { importFiles, prepareBytes } from '../../src/lib/ingest/pipeline';
import { aggregate } from '../../src/lib/engine/aggregate';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import type { ClassifySettings } from '../../src/lib/engine/types';
import type { Decimal, DecimalSeparator } from '../../src/lib/ingest/types';

const dec = (m: number, d: number): Decimal => ({ m, d });

describe('parseDecimal: leading apostrophe (formula-safety prefix)', () => {
	// hand-worked: value = m / 10^d
	it.each<[string, DecimalSeparator, Decimal]>([
		["'1500.00", '.', dec(150000, 2)], // 1500.00
		["'-300.00", '.', dec(-30000, 2)], // −300.00
		["'700.00", ',', dec(70000, 2)], // a single '.' with 2 decimals in a ',' column is still a decimal point
		["'1 200,50", ',', dec(120050, 2)], // space groups thousands, ',' decimal → 1200.50
		["'1 200,50", '.', dec(120050, 2)], // both readings agree: a space always groups
		["'0", '.', dec(0, 0)],
		["'42", ',', dec(42, 0)],
		["'+12.5", '.', dec(125, 1)],
		["'(12.50)", '.', dec(-1250, 2)], // accounting negative
		["'300.00-", '.', dec(-30000, 2)], // trailing minus
		["'−7", '.', dec(-7, 0)], // U+2212 minus sign
		["  '1500.00  ", '.', dec(150000, 2)], // trimmed first, then the prefix
		["'1'234.50", '.', dec(123450, 2)], // prefix, then the Swiss grouping apostrophe
		["'$1,500.00", '.', dec(150000, 2)], // currency path after the prefix
		["'1.234,56", '.', dec(123456, 2)] // both separators: the last one is decimal
	])('%j (%s) → %o', (text, sep, want) => {
		expect(parseDecimal(text, sep)).toEqual(want);
	});

	it('keeps apostrophes inside numbers as thousands separators', () => {
		expect(parseDecimal("1'234.50", '.')).toEqual(dec(123450, 2));
		expect(parseDecimal("1'234'567", '.')).toEqual(dec(1234567, 0));
		expect(parseDecimal('1’234.50', '.')).toEqual(dec(123450, 2));
		expect(parseDecimal("12'34", '.')).toBe('not-a-number'); // group of 2 is not grouping
	});

	it('rejects what is not a prefixed number', () => {
		expect(parseDecimal("'", '.')).toBe('not-a-number');
		expect(parseDecimal("''1500", '.')).toBe('not-a-number'); // one prefix only
		expect(parseDecimal("' 1500", '.')).toBe('not-a-number'); // the number follows right after it
		expect(parseDecimal("'abc", '.')).toBe('not-a-number');
		expect(parseDecimal("'-", '.')).toBe('empty'); // a prefixed lone dash is the usual "nothing" placeholder
		expect(parseDecimal('’1500', '.')).toBe('not-a-number'); // only the ASCII apostrophe is a prefix
	});

	it('inferDecimalSeparator reads through the prefix', () => {
		expect(inferDecimalSeparator(["'1500.00", "'-300.00", "'700.00"], ',')).toBe('.');
		expect(inferDecimalSeparator(["'1 200,50", "'-3,5"], '.')).toBe(',');
		expect(inferDecimalSeparator(["'1,234,567"], ',')).toBe('.'); // groups of 3: ',' is thousands
	});

	it('apostrophe-numbers.csv: the amount column maps and sums to Rowan Ltd 1200, Sable Co 700', () => {
		const text = readFileSync('tests/fixtures/real-world/apostrophe-numbers.csv', 'utf8');
		const s = sniffText(text, false);
		expect(s.header).toEqual(['Customer', 'Date', 'Amount']);
		expect(s.auto.mapping.amount).toBe(2);
		const sums = new Map<string, number>();
		for (const r of s.rows) {
			const v = parseDecimal(r[2], s.decimalSeparators[2]);
			if (typeof v === 'string') throw new Error(`rejected ${r[2]}: ${v}`);
			sums.set(r[0], (sums.get(r[0]) ?? 0) + v.m / 10 ** v.d);
		}
		expect(Object.fromEntries(sums)).toEqual({ 'Rowan Ltd': 1200, 'Sable Co': 700 });
	});

	it('apostrophe-numbers.csv through the pipeline: no row rejected, Rowan Ltd 1200 A, Sable Co 700 A', async () => {
		const name = 'apostrophe-numbers.csv';
		const prepared = await prepareBytes(new Uint8Array(readFileSync('tests/fixtures/real-world/' + name)), name);
		const { columns, report } = await importFiles([prepared], { cancelled: () => false });
		expect(report.skipped).toEqual([]);
		expect(report.files[0].imported).toBe(3);
		const settings: ClassifySettings = {
			metric: 'revenue',
			returns: 'net',
			classes: [...PRESETS.abc],
			keyShare: 0.1,
			monoShare: 0.5
		};
		const res = classify(aggregate(columns, settings), columns.customerKeys, settings);
		const got = Array.from(res.rankOrder).map((c, r) => [columns.customerNames[c], res.value[r], res.classIndex[r]]);
		expect(got).toEqual([
			['Rowan Ltd', 1200, 0],
			['Sable Co', 700, 0]
		]);
	});
});
