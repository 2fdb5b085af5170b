/**
 * The same figures everywhere: on a small dataset where one customer's returns exceed its
 * purchases, the dashboard view, the CSV for spreadsheets, the CSV for systems and the workbook's
 * Segments sheet agree on each class's customers and sum, the non-positive row, the net total and
 * the share base; class value shares add to 100 % of the base.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from './xlsx-reader';
import Papa from 'papaparse';
import { classify } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import { dashboardView } from '../../src/lib/engine/dashboard';
import { exportFile } from '../../src/lib/engine/export';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { abcSettings, columnsOf } from './helpers';
import { ruLabels } from './export-fixture';

const settings: ClassifySettings = abcSettings();
// amounts in kopecks (scale 2); 'Возвратов больше' bought 1 000.00 and returned 2 500.00
const data = columnsOf(
	[
		{ key: 'Альфа', amount: 6_000_000 },
		{ key: 'Бета', amount: 2_500_050 },
		{ key: 'Гамма', amount: 900_000 },
		{ key: 'Возвратов больше', amount: 100_000 },
		{ key: 'Дельта', amount: 450_025 },
		{ key: 'Возвратов больше', amount: -250_000 },
		{ key: 'Эпсилон', amount: 120_000 },
		{ key: 'Дзета', amount: 30_000 },
		{ key: 'Эта', amount: 0 }
	],
	2
);
const c = classify(aggregate(data, settings), data.customerKeys, settings);
const view = dashboardView(data, c);
const labels = ruLabels(3);
const classes = settings.classes.length;

/** Per class: customers and sum of the positive rows; then the non-positive rows; all in cents. */
interface Figures {
	classes: { customers: number; cents: number }[];
	nonPositive: { customers: number; cents: number };
	netCents: number;
	baseCents: number;
}

const cents = (v: number) => Math.round(v * 100);

/** The figures of customer rows (class index, value, share). */
function tally(rows: { classIndex: number; value: number; share: number }[]): Figures & { shareSum: number } {
	const f = {
		classes: Array.from({ length: classes }, () => ({ customers: 0, cents: 0 })),
		nonPositive: { customers: 0, cents: 0 },
		netCents: 0,
		baseCents: 0,
		shareSum: 0
	};
	for (const r of rows) {
		const v = cents(r.value);
		f.netCents += v;
		if (v > 0) {
			f.classes[r.classIndex].customers++;
			f.classes[r.classIndex].cents += v;
			f.baseCents += v;
			f.shareSum += r.share;
		} else {
			f.nonPositive.customers++;
			f.nonPositive.cents += v;
		}
	}
	return f;
}

describe('the same figures in the dashboard and every export', () => {
	const expected: Figures = {
		classes: view.segments.map((s) => ({ customers: s.customers, cents: cents(s.value) })),
		nonPositive: { customers: view.nonPositive.customers, cents: cents(view.nonPositive.value) },
		netCents: cents(view.netTotal),
		baseCents: cents(view.total)
	};

	it('the dataset has a non-positive customer and the dashboard adds up', async () => {
		expect(view.nonPositive.customers).toBe(2); // returns exceed purchases, and a zero total
		expect(expected.nonPositive.cents).toBe(-150_000);
		expect(expected.baseCents).toBe(10_000_075);
		expect(expected.netCents).toBe(expected.baseCents + expected.nonPositive.cents);
		expect(expected.classes.reduce((a, s) => a + s.cents, 0)).toBe(expected.baseCents);
		expect(view.segments.reduce((a, s) => a + s.valueShare, 0)).toBeCloseTo(1, 12);
		expect(view.segments.reduce((a, s) => a + s.customerShare, 0) + view.nonPositive.customerShare).toBeCloseTo(1, 12);
		expect(view.customerCount).toBe(8);
	});

	it('the CSV for systems', async () => {
		const file = await exportFile(data, c, {}, 'csv-system', labels);
		const rows = Papa.parse<string[]>(String(file.data).trim(), { delimiter: ',' }).data;
		expect(rows[0].slice(3, 7)).toEqual(['value', 'share', 'cumulative_share', 'class']);
		const names = settings.classes.map((k) => k.name);
		const f = tally(
			rows.slice(1).map((r) => ({ classIndex: names.indexOf(r[6]), value: Number(r[3]), share: Number(r[4]) }))
		);
		expect({ ...f, shareSum: undefined }).toEqual({ ...expected, shareSum: undefined });
		expect(f.shareSum).toBeCloseTo(1, 8);
	});

	it('the CSV for spreadsheets, in both dialects', async () => {
		for (const sheetDialect of ['comma', 'semicolon'] as const) {
			const file = await exportFile(data, c, {}, 'csv-sheet', labels, sheetDialect);
			const text = String(file.data).replace(/^\uFEFF/, '');
			const delimiter = sheetDialect === 'semicolon' ? ';' : ',';
			const rows = Papa.parse<string[]>(text.trim(), { delimiter }).data;
			const num = (s: string) => Number(sheetDialect === 'semicolon' ? s.replace(',', '.') : s);
			expect(rows[0][3]).toBe('Сумма (выручка)');
			expect(rows[0][4]).toBe('Доля, %');
			const f = tally(
				rows.slice(1).map((r) => ({
					classIndex: labels.classNames.indexOf(r[6]),
					value: num(r[3]),
					share: num(r[4]) / 100
				}))
			);
			expect({ ...f, shareSum: undefined }, sheetDialect).toEqual({ ...expected, shareSum: undefined });
			expect(f.shareSum).toBeCloseTo(1, 5);
		}
	});

	it("the workbook's Segments sheet", async () => {
		const file = await exportFile(data, c, {}, 'xlsx', labels);
		const seg = readWorkbook(file.data as Uint8Array).get('Сегменты')!;
		const h = labels.segments;
		expect(seg[0].slice(0, 5)).toEqual([h.class, h.customers, h.customerShare, h.value, h.valueShare]);
		const classRows = seg.slice(1, 1 + classes);
		expect(classRows.map((r) => r[0])).toEqual(labels.classNames);
		expect(classRows.map((r) => ({ customers: r[1], cents: cents(r[3] as number) }))).toEqual(expected.classes);
		const shares = classRows.reduce((a, r) => a + (r[4] as number), 0);
		expect(shares).toBeCloseTo(1, 12);
		const line = (label: string) => seg.find((r) => r[0] === label)!;
		const total = line(h.total);
		expect(total[1]).toBe(expected.classes.reduce((a, s) => a + s.customers, 0));
		expect(cents(total[3] as number)).toBe(expected.baseCents);
		expect(total[4]).toBe(1);
		const np = line(h.nonPositive);
		expect([np[1], cents(np[3] as number)]).toEqual([expected.nonPositive.customers, expected.nonPositive.cents]);
		const net = line(h.netTotal);
		expect([net[1], cents(net[3] as number)]).toEqual([view.customerCount, expected.netCents]);
		const cover = readWorkbook(file.data as Uint8Array).get('О файле')!;
		expect(cents(cover.find((r) => r[0] === labels.cover.shareBase)![1] as number)).toBe(expected.baseCents);
	});
});
