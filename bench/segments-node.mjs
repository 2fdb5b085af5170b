// Node benchmark of the RFM and Customer types tabs' engine (README "The rules: RFM", "The rules:
// Reese's four customer types"), no browser: a synthetic dataset (1M rows, 200k customers, a
// discount per row: none, 10–40 % off, a promo code or a free line) in plain typed arrays, and the
// median of 5 runs of what each tab costs in the worker (the engine, then the view it posts).
// Usage: node bench/segments-node.mjs [rows] [customers]
import { load, seededRandom } from './node-engine.mjs';

const { rfm } = await load('src/lib/engine/rfm.ts');
const { reeseTypes, reeseTypeCodes, DEFAULT_REESE } = await load('src/lib/engine/reese.ts');
const { rfmView, reeseView } = await load('src/lib/engine/segment-views.ts');
const { Analysis } = await load('src/lib/engine/dashboard.ts');
const { PRESETS } = await load('src/lib/engine/abc.ts');

const ROWS = Number(process.argv[2] ?? 1_000_000);
const CUSTOMERS = Number(process.argv[3] ?? 200_000);

const random = seededRandom();

const customerKeys = Array.from({ length: CUSTOMERS }, (_, i) => `C${i}`);
const customer = new Int32Array(ROWS);
const amount = new Float64Array(ROWS);
const quantity = new Float64Array(ROWS);
const date = new Int32Array(ROWS);
const order = new Float64Array(ROWS);
const discount = new Float64Array(ROWS);
for (let r = 0; r < ROWS; r++) {
	const c = Math.floor(CUSTOMERS * random() ** 2);
	customer[r] = c;
	const returned = random() < 0.02;
	const kind = random();
	const free = !returned && kind < 0.03;
	amount[r] = free ? 0 : (returned ? -1 : 1) * Math.round(100 + random() * 50_000);
	quantity[r] = (returned ? -1 : 1) * (1 + Math.floor(random() * 9));
	date[r] = 19723 + Math.floor(random() * 730);
	order[r] = Math.floor(r / 3);
	discount[r] = free ? 1 : kind < 0.25 ? 0.1 + random() * 0.3 : kind < 0.3 ? -1 : 0;
}
const data = {
	rowCount: ROWS,
	customerKeys,
	customerNames: customerKeys.map((k) => `Customer ${k}`),
	customer,
	amount,
	amountScale: 2,
	quantity,
	quantityScale: 0,
	profitScale: 0,
	date,
	order,
	discount
};
const settings = { metric: 'revenue', returns: 'net', classes: PRESETS.abc, keyShare: 0.1, monoShare: 0.5 };
const analysis = new Analysis(data);
const classification = analysis.classify(settings);

function median(label, fn, runs = 5) {
	const times = [];
	let out;
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		out = fn();
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	console.log(
		`${label}: ${times[Math.floor(runs / 2)].toFixed(0)} ms median (${times[0].toFixed(0)}–${times.at(-1).toFixed(0)})`
	);
	return out;
}

console.log(`${ROWS.toLocaleString('en')} rows, ${CUSTOMERS.toLocaleString('en')} customers`);
// the worker keeps each metric's totals (warmed up after an import): the tabs read them
const totals = {
	payments: analysis.totals({ ...settings, metric: 'payments' }),
	revenue: analysis.totals({ ...settings, metric: 'revenue' })
};
median('RFM tab (rfm + rfmView, metric totals cached)', () =>
	rfmView(data, rfm(data, settings, undefined, totals), classification)
);
median('RFM, nothing cached', () => rfm(data, settings));
const result = median('Customer types tab (reeseTypes + reeseView, metric totals cached)', () => {
	const r = reeseTypes(data, settings, DEFAULT_REESE, totals);
	reeseView(data, r, DEFAULT_REESE);
	return r;
});
median('customer table type column (reeseTypeCodes, once per classification)', () =>
	reeseTypeCodes(data, settings, DEFAULT_REESE)
);
console.log('types:', result.types.map((t) => `${t.type} ${t.customers}`).join(', '));
