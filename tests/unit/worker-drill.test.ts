/**
 * Filters and drilling through the analysis worker's handlers (README "Dimensions and filters"):
 * every view of a filtered dataset equals the same view of a dataset imported from only the kept
 * rows, the exports say which filter they were made with, and a filter that leaves no customer
 * says which condition to relax.
 */
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { DEFAULT_XYZ } from '../../src/lib/engine/xyz';
import type { WorkerContext } from '../../src/lib/worker/context';
import { ABC_REVENUE, call, importedContext, SUPERSTORE_CSV } from './worker-call';
import { MANAGERS } from '../../src/lib/engine/filter-relax';

const FIXTURE = SUPERSTORE_CSV;
const base = ABC_REVENUE;
const vip = { variant: 'monthly' as const, vipShare: 0.2, goodShare: 0.2, latestMonths: 2, lostDays: 60 };
const recency = { activeDays: 90, sleepingDays: 180 };
const opened = (content: string, name: string) => importedContext(name, content);

/** The fixture's rows that `keep` accepts, as a CSV with the same header. */
function rowsWhere(keep: (row: Record<string, string>) => boolean): string {
	const parsed = Papa.parse<Record<string, string>>(FIXTURE, { header: true, skipEmptyLines: true });
	return Papa.unparse({ fields: parsed.meta.fields!, data: parsed.data.filter(keep) });
}

/** Every view the dashboard and its tabs show, for one context and settings. */
async function views(ctx: WorkerContext, settings: ClassifySettings) {
	const dashboard = await call(ctx, 'classify', { settings });
	const page = await call(ctx, 'query', {
		sort: 'rank',
		descending: false,
		search: '',
		classIndex: -1,
		offset: 0,
		limit: 1000
	});
	return {
		dashboard,
		page,
		vip: await call(ctx, 'vip', { settings, vip }),
		xyz: await call(ctx, 'xyz', { settings, xyz: { ...DEFAULT_XYZ } }),
		recency: await call(ctx, 'recency', { settings, recency }),
		margin: await call(ctx, 'margin', { settings, gap: 0.1 }),
		compare: await call(ctx, 'compare', { settings, a: 'revenue', b: 'payments' }),
		csv: (await call(ctx, 'exportCsv', {})).split(/\r?\n/).map((line) => line.split(',').slice(0, 8).join(','))
	};
}

describe('a filtered dataset gives, view by view, what the kept rows alone give', () => {
	let whole: WorkerContext;
	beforeAll(async () => {
		whole = await opened(FIXTURE, 'superstore');
	});

	const cases: { name: string; filter: ClassifySettings['filter']; keep: (r: Record<string, string>) => boolean }[] = [
		{ name: 'Region = West', filter: { dimensions: { Region: ['West'] } }, keep: (r) => r.Region === 'West' },
		{
			name: 'Region = East or (empty), Category = Technology',
			filter: { dimensions: { Region: ['East', ''], Category: ['Technology'] } },
			keep: (r) => (r.Region === 'East' || r.Region === '') && r.Category === 'Technology'
		}
	];
	for (const { name, filter, keep } of cases) {
		it(name, async () => {
			const got = await views(whole, { ...base, filter });
			const alone = await opened(rowsWhere(keep), 'kept');
			// the kept rows' own dataset has its own dates: compare under the same whole-data period
			const expected = await views(alone, base);
			expect(got.dashboard.customerCount).toBe(expected.dashboard.customerCount);
			expect(got.dashboard.customerCount).toBeLessThan(40);
			expect(got.dashboard.total).toBeCloseTo(expected.dashboard.total, 6);
			expect(got.dashboard.segments).toEqual(expected.dashboard.segments);
			expect(got.dashboard.concentration).toEqual(expected.dashboard.concentration);
			expect(got.page).toEqual(expected.page);
			expect(got.vip.rows).toEqual(expected.vip.rows);
			expect(got.xyz.matrix).toEqual(expected.xyz.matrix);
			expect(got.recency.counts).toEqual(expected.recency.counts);
			expect(got.margin.rows).toEqual(expected.margin.rows);
			expect(got.compare).toEqual(expected.compare);
			expect(got.csv).toEqual(expected.csv);
		});
	}

	it("a filtered dashboard knows the whole dataset's share base, for the headline's slice", async () => {
		const whole0 = await call(whole, 'classify', { settings: base });
		expect(whole0.wholeTotal).toBeUndefined();
		const west = await call(whole, 'classify', { settings: { ...base, filter: { dimensions: { Region: ['West'] } } } });
		expect(west.wholeTotal).toBeCloseTo(whole0.total, 6);
		expect(west.total).toBeLessThan(whole0.total);
	});

	it('the export says which filter it was made with, after the stable columns', async () => {
		await call(whole, 'classify', { settings: { ...base, filter: { dimensions: { Region: ['West', ''] } } } });
		const csv = await call(whole, 'exportCsv', {});
		const [header, first] = csv.split(/\r?\n/);
		expect(header.split(',').slice(0, 8)).toEqual([
			'rank',
			'customer_key',
			'customer_name',
			'value',
			'share',
			'cumulative_share',
			'class',
			'key_customer'
		]);
		// the filter, then the RFM columns (README "Export formats": later columns only ever add at the end)
		// (the fixture's Discount column gives the customer type too)
		expect(header.split(',').slice(-6)).toEqual(['filter', 'rfm_r', 'rfm_f', 'rfm_m', 'rfm_segment', 'customer_type']);
		expect(first).toMatch(/,"Region: West, \(empty\)",[1-5],[1-5],[1-5],[a-zA-Z]+,[a-zA-Z]+$/);
	});

	it('lists the filter bar choices from every row, whatever the filter', async () => {
		await call(whole, 'classify', { settings: { ...base, filter: { dimensions: { Region: ['West'] } } } });
		const options = await call(whole, 'filterOptions', {});
		expect(options.olderDataset).toBe(false);
		const region = options.dimensions.find((d) => d.name === 'Region')!;
		expect(region.values).toEqual([
			{ value: 'West', rows: 193 },
			{ value: 'East', rows: 146 },
			{ value: 'Central', rows: 86 },
			{ value: 'South', rows: 69 },
			{ value: '', rows: 5 }
		]);
	});

	it("counts each field's values under the other conditions, so a dead end shows 0 before it is ticked", async () => {
		const parsed = Papa.parse<Record<string, string>>(FIXTURE, { header: true, skipEmptyLines: true }).data;
		const tally = (rows: Record<string, string>[], column: string) => {
			const out: Record<string, number> = {};
			for (const r of rows) out[r[column]] = (out[r[column]] ?? 0) + 1;
			return out;
		};
		const settings = { ...base, filter: { dimensions: { Category: ['Furniture'], Region: ['West'] } } };
		const counts = await call(whole, 'filterCounts', { settings });
		// Sub-Category: under both conditions; Category: under Region only; Region: under Category only
		expect(counts['Sub-Category']).toEqual(
			tally(
				parsed.filter((r) => r.Category === 'Furniture' && r.Region === 'West'),
				'Sub-Category'
			)
		);
		expect(counts['Sub-Category'].Accessories).toBeUndefined();
		expect(counts.Category).toEqual(
			tally(
				parsed.filter((r) => r.Region === 'West'),
				'Category'
			)
		);
		expect(counts.Region).toEqual(
			tally(
				parsed.filter((r) => r.Category === 'Furniture'),
				'Region'
			)
		);
		// the period narrows them too
		const dated = await call(whole, 'filterCounts', {
			settings: { ...base, dateFrom: Date.UTC(2025, 0, 1) / 86_400_000, dateTo: Date.UTC(2025, 11, 31) / 86_400_000 }
		});
		expect(Object.values(dated.Region).reduce((a, b) => a + b, 0)).toBe(
			parsed.filter((r) => r['Order Date'].endsWith('/2025')).length
		);
	});

	it('a filter that leaves nobody names the condition to relax and what each removal brings back', async () => {
		const parsed = Papa.parse<Record<string, string>>(FIXTURE, { header: true, skipEmptyLines: true }).data;
		const customers = (keep: (r: Record<string, string>) => boolean) =>
			new Set(parsed.filter(keep).map((r) => r['Customer ID'])).size;
		// the rows with an empty Region are Chairs, Storage and Accessories: none is Tables
		expect(customers((r) => r.Region === '' && r['Sub-Category'] === 'Tables')).toBe(0);
		const settings = { ...base, filter: { dimensions: { Region: [''], 'Sub-Category': ['Tables'] } } };
		const view = await call(whole, 'classify', { settings });
		expect(view.customerCount).toBe(0);
		const relax = await call(whole, 'filterRelax', { settings });
		expect(relax).toEqual([
			{ condition: 'Region', customers: customers((r) => r['Sub-Category'] === 'Tables') },
			{ condition: 'Sub-Category', customers: customers((r) => r.Region === '') }
		]);
		expect(MANAGERS).not.toBe('Region');
	});

	it('the customer page and its rows follow the filter', async () => {
		const settings = { ...base, filter: { dimensions: { Region: ['West'] } } };
		await call(whole, 'classify', { settings });
		const page = await call(whole, 'query', {
			sort: 'rank',
			descending: false,
			search: '',
			classIndex: -1,
			offset: 0,
			limit: 2
		});
		const key = page.rows[1].key;
		const profile = (await call(whole, 'customer', { settings, key, vip, xyz: { ...DEFAULT_XYZ }, recency }))!;
		expect(profile.rank).toBe(2);
		expect(profile.value).toBe(page.rows[1].value);
		expect(profile.previous?.key).toBe(page.rows[0].key);
		expect(profile.why?.before).toBeCloseTo(page.rows[1].cumShare - page.rows[1].share, 12);
		const rows = await call(whole, 'customerRows', { settings, key, offset: 0, limit: 500 });
		expect(rows.dimensions).toContain('Region');
		const r = rows.dimensions.indexOf('Region');
		expect(rows.rows.every((row) => row.dims[r] === 'West')).toBe(true);
		const westRows = Papa.parse<Record<string, string>>(FIXTURE, { header: true, skipEmptyLines: true }).data.filter(
			(x) => x['Customer ID'] === key && x.Region === 'West'
		);
		expect(rows.total).toBe(westRows.length);
		expect(profile.rowCount).toBe(westRows.length);
		expect(await call(whole, 'customer', { settings, key: 'nobody', vip, xyz: { ...DEFAULT_XYZ }, recency })).toBe(
			null
		);
	});

	it('a drill-down list shows only its customers: by keys, or the first ranks', async () => {
		await call(whole, 'classify', { settings: base });
		const q = { sort: 'rank' as const, descending: false, search: '', classIndex: -1, offset: 0, limit: 50 };
		const top = await call(whole, 'query', { ...q, only: { rankTo: 5 } });
		expect(top.matching).toBe(5);
		expect(top.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
		const keys = [top.rows[3].key, top.rows[0].key, 'nobody'];
		const some = await call(whole, 'query', { ...q, only: { keys } });
		expect(some.rows.map((r) => r.key)).toEqual([top.rows[0].key, top.rows[3].key]);
	});
});
