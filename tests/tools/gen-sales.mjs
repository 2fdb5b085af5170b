#!/usr/bin/env node
// Deterministic sales CSV for benchmarks and load tests:
//   node tests/tools/gen-sales.mjs <rows> <out.csv> [customers=50000] [cover]
// With `cover`, rows 1..customers go to each customer once (every customer is present), the rest as usual.
// Heavy-tailed customer spend (Pareto-like), 24 months of dates, quoted names with commas and
// quotes, about 2 % returns (negative quantity and amount).
import { createWriteStream } from 'node:fs';

const rows = Number(process.argv[2] ?? 100000);
const out = process.argv[3] ?? 'sales.csv';
const customers = Number(process.argv[4] ?? 50000);
const cover = process.argv[5] === 'cover';

let seed = 20261123;
const rand = () => {
	// mulberry32
	seed = (seed + 0x6d2b79f5) | 0;
	let t = seed;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const words = ['Tidal', 'River', 'Quartz', 'Maple', 'Falcon', 'Summit', 'Granite', 'Orbit', 'Cedar', 'Lumen'];
const kinds = ['Works', 'Foods', 'Logistics', 'Retail', 'Systems', 'Trading'];
const forms = ['Ltd', 'LLC', 'GmbH', 'Inc', '& Co'];
const managers = ['Dana', 'Chen', 'Boris', 'Amal', 'Ilya'];
const name = (c) => {
	const base = `${words[c % 10]} ${kinds[(c >> 3) % 6]} ${forms[(c >> 5) % 5]} #${c}`;
	return c % 7 === 0 ? `"${base}, ""Branch"" ${c % 13}"` : `"${base}"`;
};
// Zipf-like customer pick: a few customers buy most often
const pick = () => Math.min(customers - 1, Math.floor(customers * rand() ** 3));
const start = Date.UTC(2023, 0, 1);
const ws = createWriteStream(out);
ws.write('Order ID,Order Date,Customer ID,Customer Name,Manager,Quantity,Unit Price,Sales\n');
let buf = '';
for (let i = 0; i < rows; i++) {
	const c = cover && i < customers ? i : pick();
	const day = new Date(start + Math.floor(rand() * 730) * 86400000).toISOString().slice(0, 10);
	let qty = 1 + Math.floor(rand() * 9);
	if (rand() < 0.02) qty = -qty;
	const priceCents = 500 + Math.floor(rand() * 200000);
	const sales = ((qty * priceCents) / 100).toFixed(2);
	buf += `SO-${100000 + i},${day},C${String(c).padStart(6, '0')},${name(c)},${managers[c % 5]},${qty},${(priceCents / 100).toFixed(2)},${sales}\n`;
	if (buf.length > 1 << 20) {
		ws.write(buf);
		buf = '';
	}
}
ws.end(buf);
