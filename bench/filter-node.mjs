// Node benchmark of the filter bar's engine (README "Dimensions and filters"), no browser: a
// synthetic 1M-row dataset (200k customers, 'Region' with 8 values, 'Category' with 20) in plain
// typed arrays, and the median of 7 runs of what a region switch costs in the worker:
// filterRows + Analysis(filtered).classify + dashboardView; then the drill views on the whole data.
// The TypeScript engine is loaded through Vite's module runner (no extra dependency).
// Usage: node bench/filter-node.mjs [rows] [customers]
import { load, seededRandom } from './node-engine.mjs';

const { filterRows, filterOptions } = await load('src/lib/engine/row-filter.ts');
const { Analysis, dashboardView } = await load('src/lib/engine/dashboard.ts');
const { classByDimension, classesWithin } = await load('src/lib/engine/class-dimension.ts');
const { customerProfile, customerRows } = await load('src/lib/engine/customer-profile.ts');
const { PRESETS } = await load('src/lib/engine/abc.ts');
const { DEFAULT_VIP } = await load('src/lib/engine/vip.ts');
const { DEFAULT_XYZ, classifyXyz } = await load('src/lib/engine/xyz.ts');
const { monthlyTotals } = await load('src/lib/engine/monthly.ts');
const { DEFAULT_RECENCY } = await load('src/lib/engine/recency.ts');

const ROWS = Number(process.argv[2] ?? 1_000_000);
const CUSTOMERS = Number(process.argv[3] ?? 200_000);

const random = seededRandom();

function synthetic() {
	const customerKeys = Array.from({ length: CUSTOMERS }, (_, i) => `C${i}`);
	const managers = Array.from({ length: 12 }, (_, i) => `Manager ${i}`);
	const customerManager = Int32Array.from(customerKeys, (_, i) => (i % 13 === 12 ? -1 : i % 12));
	const customer = new Int32Array(ROWS);
	const amount = new Float64Array(ROWS);
	const quantity = new Float64Array(ROWS);
	const profit = new Float64Array(ROWS);
	const date = new Int32Array(ROWS);
	const order = new Float64Array(ROWS);
	const region = new Uint16Array(ROWS);
	const category = new Uint16Array(ROWS);
	const firstDay = 19723; // 2024-01-01
	for (let r = 0; r < ROWS; r++) {
		// a skewed customer choice, so the classes are not all equal
		const c = Math.floor(CUSTOMERS * random() ** 2);
		customer[r] = c;
		const returned = random() < 0.02;
		amount[r] = (returned ? -1 : 1) * Math.round(100 + random() * 50_000);
		quantity[r] = (returned ? -1 : 1) * (1 + Math.floor(random() * 9));
		profit[r] = Math.round(amount[r] * (0.1 + random() * 0.2));
		date[r] = firstDay + Math.floor(random() * 730);
		order[r] = Math.floor(r / 3);
		region[r] = (c + (random() < 0.1 ? 1 : 0)) % 8;
		category[r] = Math.floor(random() * 20);
	}
	return {
		rowCount: ROWS,
		customerKeys,
		customerNames: customerKeys.map((k) => `Customer ${k}`),
		customer,
		amount,
		amountScale: 2,
		quantity,
		quantityScale: 0,
		profit,
		profitScale: 2,
		date,
		order,
		customerManager,
		managers,
		dimensions: [
			{ name: 'Region', values: ['North', 'South', 'East', 'West', 'Centre', 'Islands', 'Abroad', ''], codes: region },
			{ name: 'Category', values: Array.from({ length: 20 }, (_, i) => `Category ${i}`), codes: category }
		]
	};
}

function median(times) {
	const s = [...times].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

/** Median ms of 7 runs of `fn` (after one warm-up run). */
function time(label, fn) {
	fn(0);
	const times = [];
	for (let i = 1; i <= 7; i++) {
		const t0 = performance.now();
		fn(i);
		times.push(performance.now() - t0);
	}
	const ms = median(times);
	console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms`);
	return ms;
}

const data = synthetic();
const settings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5
};
const regions = data.dimensions[0].values;
console.log(`${ROWS} rows, ${CUSTOMERS} customers, Node ${process.version}`);

time('filterRows (one region)', (i) => filterRows(data, { dimensions: { Region: [regions[i % 8]] } }));
time('filterRows (two regions + two managers)', (i) =>
	filterRows(data, {
		dimensions: { Region: [regions[i % 8], regions[(i + 1) % 8]] },
		managers: ['Manager 1', 'Manager 2']
	})
);
time('region switch: filterRows + classify + dashboardView', (i) => {
	const filtered = filterRows(data, { dimensions: { Region: [regions[i % 8]] } });
	const c = new Analysis(filtered).classify(settings);
	return dashboardView(filtered, c);
});
time('whole data: classify + dashboardView (fresh Analysis)', () => {
	const c = new Analysis(data).classify(settings);
	return dashboardView(data, c);
});
time('filterOptions', () => filterOptions(data));
const whole = new Analysis(data);
const classification = whole.classify(settings);
time('classByDimension (Category)', () => classByDimension(data, classification, 'Category'));
time('classByDimension (Region, payments)', () =>
	classByDimension(data, whole.classify({ ...settings, metric: 'payments' }), 'Region')
);
time('classesWithin (Category, 20 values)', () => classesWithin(data, settings, 'Category'));
time('classesWithin (Region, 8 values)', () => classesWithin(data, settings, 'Region'));
const opts = { vip: DEFAULT_VIP, xyz: DEFAULT_XYZ, recency: DEFAULT_RECENCY };
const topKey = data.customerKeys[classification.rankOrder[0]];
time('customerProfile (rank 1, fresh Analysis)', () => customerProfile(new Analysis(data), settings, topKey, opts));
time('customerProfile (rank 1, totals cached)', () => customerProfile(whole, settings, topKey, opts));
const monthly = monthlyTotals(data, settings);
const xyzResult = classifyXyz(data, settings, classification, DEFAULT_XYZ, monthly);
time('customerProfile (classification, monthly, XYZ passed in)', () =>
	customerProfile(whole, settings, topKey, { ...opts, classification, monthly, xyzResult })
);
time('customerRows (rank 1, 50 rows)', () => customerRows(data, settings, topKey, 0, 50));
