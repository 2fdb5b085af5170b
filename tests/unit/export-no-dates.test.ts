import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { exportClassification, exportExtras, exportFile } from '../../src/lib/engine/export';
import { classify } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import { DEFAULT_VIP } from '../../src/lib/engine/vip';
import { DEFAULT_XYZ } from '../../src/lib/engine/xyz';
import { DEFAULT_RECENCY } from '../../src/lib/engine/recency';
import type { ClassifySettings, SalesColumns } from '../../src/lib/engine/types';
import { exportWorkbook } from '../../src/lib/engine/export-workbook';
import { ruLabels } from './export-fixture';
import { abcSettings, salesWith } from './helpers';

const settings: ClassifySettings = abcSettings();
const all = { vip: DEFAULT_VIP, xyz: DEFAULT_XYZ, recency: DEFAULT_RECENCY };

function exported(data: SalesColumns) {
	const c = classify(aggregate(data, settings), data.customerKeys, settings);
	const rows = Papa.parse<string[]>(exportClassification(data, c, all).trimEnd(), { header: false }).data;
	return {
		header: rows[0],
		body: rows.slice(1),
		col: (name: string) => rows.slice(1).map((r) => r[rows[0].indexOf(name)]),
		c
	};
}

const DATED_HEADER = [
	'rank',
	'customer_key',
	'customer_name',
	'value',
	'share',
	'cumulative_share',
	'class',
	'key_customer',
	'metric',
	'vip_status',
	'vip_months',
	'xyz',
	'recency',
	'rfm_r',
	'rfm_f',
	'rfm_m',
	'rfm_segment'
];
const DATE_COLUMNS = ['vip_status', 'vip_months', 'xyz', 'recency', 'rfm_r', 'rfm_f', 'rfm_m', 'rfm_segment'];

// Before the fix, such a dataset exported (DEFAULT_VIP/XYZ/RECENCY):
//   1,ann,ann,300,…,A,true,revenue,good,,Z,lost
//   2,bob,bob,100,…,A,true,revenue,regular,,Z,lost
//   3,cat,cat,50,…,B,true,revenue,regular,,Z,lost
// i.e. every customer "lost", XYZ "Z", a VIP status computed from nothing.
describe('export when the date column holds no valid date', () => {
	// a date column mapped, every value invalid (NO_DAY): ann 300, bob 100, cat 50
	const undated = () =>
		salesWith([
			{ key: 'ann', amount: 200, day: null },
			{ key: 'bob', amount: 100, day: null },
			{ key: 'ann', amount: 100, day: null },
			{ key: 'cat', amount: 50, day: null }
		]);

	it('keeps the dated header but leaves every date-based cell empty (nobody is "lost")', async () => {
		const e = exported(undated());
		expect(e.header).toEqual(DATED_HEADER);
		expect(e.col('customer_key')).toEqual(['ann', 'bob', 'cat']);
		expect(e.col('value')).toEqual(['300', '100', '50']);
		expect(e.col('metric')).toEqual(['revenue', 'revenue', 'revenue']);
		for (const name of DATE_COLUMNS) expect(e.col(name), name).toEqual(['', '', '']);
		expect(e.col('recency')).not.toContain('lost');
	});

	it('exportExtras: the date-based columns are present and empty', async () => {
		const data = undated();
		const c = classify(aggregate(data, settings), data.customerKeys, settings);
		const x = exportExtras(data, c, all);
		expect(x.vip?.size).toBe(0);
		expect(x.xyz?.size).toBe(0);
		expect(x.recency?.size).toBe(0);
	});

	it('the xlsx export has the same header and empty date-based cells; so has the Excel CSV dialect', async () => {
		const data = undated();
		const c = classify(aggregate(data, settings), data.customerKeys, settings);
		const labels = ruLabels(3);
		const f = await exportFile(data, c, all, 'xlsx', labels);
		expect(f.extension).toBe('xlsx');
		const [, customers] = exportWorkbook(c, data.customerKeys, data.customerNames, labels, exportExtras(data, c, all));
		expect(customers.rows[0].slice(-8).map((h) => (h as { v: unknown }).v)).toEqual([
			'VIP-статус',
			'VIP-месяцы',
			'XYZ',
			'Давность',
			'RFM: R',
			'RFM: F',
			'RFM: M',
			'Сегмент RFM'
		]);
		for (const row of customers.rows.slice(1)) expect(row.slice(-8)).toEqual(['', '', '', '', '', '', '', '']);
		const semicolon = await exportFile(data, c, all, 'csv-sheet', labels, 'semicolon');
		const lines = (semicolon.data as string)
			.replace(/^\uFEFF/, '')
			.trim()
			.split(/\r?\n/);
		expect(lines[0].split(';').slice(-8)).toEqual([
			'VIP-статус',
			'VIP-месяцы',
			'XYZ',
			'Давность',
			'RFM: R',
			'RFM: F',
			'RFM: M',
			'Сегмент RFM'
		]);
		const system = await exportFile(data, c, all, 'csv-system', labels);
		expect(system.data).toBe(exportClassification(data, c, all));
		expect((system.data as string).split('\r\n')[0].split(',').slice(-8)).toEqual(DATE_COLUMNS);
		expect(lines.slice(1).every((l) => l.endsWith(';;;;;;;;'))).toBe(true);
	});

	it('dated data keeps its values (one dated row is enough to compute them)', async () => {
		const day = 20000; // 2024-10-04
		const e = exported(
			salesWith([
				{ key: 'ann', amount: 300, day },
				{ key: 'bob', amount: 100, day: day - 400 },
				{ key: 'cat', amount: 50, day: null }
			])
		);
		expect(e.header).toEqual(DATED_HEADER);
		// ann bought on the reference day; bob 400 days before (> 180: lost); cat has no dated purchase
		expect(e.col('recency')).toEqual(['active', 'lost', 'lost']);
		expect(e.col('vip_status').every((v) => v !== '')).toBe(true);
	});

	it('data without a date column keeps the short header', async () => {
		const e = exported(
			salesWith([
				{ key: 'ann', amount: 300 },
				{ key: 'bob', amount: 100 }
			])
		);
		expect(e.header).toEqual(DATED_HEADER.slice(0, 9));
	});
});
