/**
 * A demo dataset without client data (issue 14, item 11): a realistic, deterministic sales export
 * of an invented wholesaler, written by the project's one CSV writer (`csv.ts`).
 *
 * Shape, with the default seed and `today` (every number varies a little with the seed):
 * - One row per order line, sorted by date: about 6 000–9 000 rows over 24 calendar months, from
 *   the 1st of the month 23 months before `today`'s month to `today` itself (the last row is on
 *   `today`). Orders have 1–4 lines and share an order number; returns are orders of their own.
 * - 180–220 customers with a heavy-tailed (Zipf-like, Pareto-like) spend: roughly 15–25 % of the
 *   customers make 80 % of the net revenue, and one "mono-client-ish" chain alone brings about
 *   30 % (set to 28–32 % of the net total after the others are generated).
 * - Behaviour that the dashboard tabs pick up: steady customers buy every month with a monthly
 *   value varying by a few per cent (XYZ: X), seasonal ones follow the season (December peak,
 *   summer dip) with ±12 % noise (Y), erratic ones buy in 20–55 % of the months (Z); ten stop
 *   buying 95–420 days before `today` (Recency: sleeping and lost, one of them a top-ten
 *   customer), eight start 10–150 days before `today` (Movement: new).
 * - Returns: about 2–3 % of the rows, dated 3–25 days after the sale, with negative Quantity,
 *   Sales and Profit and the sale's unit price.
 * - Profit margin (Profit / Sales) about 24 % ± 5 points per customer, ±2 points per line; three
 *   of the twelve largest customers buy at a deep discount with a 4–8 % margin and one small
 *   customer makes a loss (Margin squeeze).
 * - Money in the language's currency, 2 decimals: US dollars (en), lei (ro, 4.6 per dollar),
 *   roubles (ru, 90 per dollar); quantities are whole units.
 *
 * Columns as a real export in the language names them, in this order — order number, date,
 * customer code, customer name, manager, quantity, unit price, sales (quantity × unit price),
 * profit:
 * - en: `Order ID, Order Date, Customer ID, Customer, Manager, Quantity, Unit Price, Sales, Profit`;
 *   RFC 4180 (`,`, decimal point, no BOM), dates `YYYY-MM-DD`.
 * - ru: `Номер заказа; Дата; Код клиента; Клиент; Менеджер; Количество; Цена; Сумма; Прибыль`;
 *   Russian Excel (`;`, decimal comma, BOM), dates `ДД.ММ.ГГГГ`.
 * - ro: `Nr. comandă; Data; Cod client; Client; Manager; Cantitate; Preț unitar; Vânzări; Profit`;
 *   the same semicolon dialect, dates `ZZ.LL.AAAA`.
 *
 * Customer names are combined from word lists of the language (ООО «Северный ветер»,
 * Harbor Foods Ltd, SC Carpați Distribuție SRL…), all distinct; five managers. The numbers come
 * from one seeded mulberry32 stream and the names from a second one, so the same options give the
 * same text and the three languages tell the same story with different names.
 */
import { daysFromCivil, firstDayOfMonth, lastDayOfMonth, monthOf } from './calendar';
import { csvNumber, writeCsv, type CsvCell } from './csv';
import { LANGUAGES, uniqueNames, type SampleLanguage } from './sample-languages';
import { between, intBetween, pick, clamp, normal, shuffle, mulberry32, type Rand } from './seeded-random';

export type { SampleLanguage } from './sample-languages';

export interface SampleSalesOptions {
	language: SampleLanguage;
	/** any integer; the same seed gives the same text */
	seed?: number;
	/** the last day of the data (the caller passes the real date); default SAMPLE_TODAY */
	today?: { year: number; month: number; day: number };
}

/** The default last day of the sample, so that output without `today` never changes. */
export const SAMPLE_TODAY = Object.freeze({ year: 2025, month: 12, day: 30 });
/** The default seed. */
export const SAMPLE_SEED = 14;

// ---------------------------------------------------------------------------------------------
// The sales model (money in US cents until written)

/** monthly factor, January … December: summer dip, December peak; mean 1 */
const SEASON = [0.82, 0.86, 1.0, 1.04, 1.06, 0.98, 0.88, 0.84, 1.04, 1.12, 1.16, 1.2];
/** yearly spend of all customers but the top one, in US cents */
const OTHERS_PER_YEAR = 3_600_000 * 100;
/** a typical order of a customer that is not steady, in US cents */
const ORDER_SIZE = 6_000 * 100;
/** share of the sale lines of a customer that is not steady that come back */
const RETURN_CHANCE = 0.045;

type Pattern = 'steady' | 'seasonal' | 'erratic';

interface Customer {
	/** planned rank by spend, 0 = the top customer */
	rank: number;
	/** planned spend per year, US cents */
	perYear: number;
	pattern: Pattern;
	/** erratic: share of the months with a purchase */
	buyShare: number;
	/** first and last day it may buy */
	from: number;
	to: number;
	/** steady: orders per month */
	orders: number;
	margin: number;
	discount: number;
	manager: number;
}

interface Line {
	qty: number;
	/** unit price in US cents after the customer's discount */
	price: number;
	margin: number;
}

interface Order {
	day: number;
	customer: number;
	returned: boolean;
	lines: Line[];
}

interface Model {
	customers: Customer[];
	orders: Order[];
	/** customer (by rank) → its code number */
	codes: number[];
}

/** list prices of the catalogue, US cents, ascending: 60 products from $3 to $1 200 */
function catalogue(rand: Rand): number[] {
	const prices: number[] = [];
	for (let i = 0; i < 60; i++)
		prices.push(Math.round(Math.exp(between(rand, Math.log(300), Math.log(120_000))) / 10) * 10);
	return prices.sort((a, b) => a - b);
}

/** one order line worth about `amount` US cents */
function lineFor(rand: Rand, prices: number[], c: Customer, amount: number): Line {
	// steady customers buy many cheap units (a small rounding error); others anything up to the amount
	const [lo, hi] = c.pattern === 'steady' ? [amount / 400, amount / 20] : [amount / 150, amount / 1.5];
	const fit = prices.filter((p) => p >= lo && p <= hi);
	const list = fit.length > 0 ? pick(rand, fit) : hi < prices[0] ? prices[0] : prices[prices.length - 1];
	const price = Math.max(1, Math.round(list * (1 - c.discount)));
	const qty = Math.max(1, Math.round(amount / price));
	return { qty, price, margin: c.margin + 0.02 * normal(rand) };
}

/** amounts summing to `total`, split with random weights */
function split(rand: Rand, total: number, parts: number): number[] {
	const w = Array.from({ length: parts }, () => 0.5 + rand());
	const sum = w.reduce((a, b) => a + b, 0);
	return w.map((x) => (total * x) / sum);
}

function buildModel(rand: Rand, today: number): Model {
	const todayMonth = monthOf(today);
	const start = firstDayOfMonth(todayMonth - 23);
	const n = intBetween(rand, 180, 220);
	const prices = catalogue(rand);

	// planned spend: rank r ≥ 1 gets about 1/r of the others' total (Zipf), with noise
	const weights = [0];
	for (let r = 1; r < n; r++) weights.push(Math.exp(0.25 * normal(rand)) / r);
	const weightSum = weights.reduce((a, b) => a + b, 0);

	const customers: Customer[] = weights.map((w, rank) => ({
		rank,
		perYear: (OTHERS_PER_YEAR * w) / weightSum,
		pattern: 'seasonal',
		buyShare: 1,
		from: start,
		to: today,
		orders: 1,
		margin: clamp(0.24 + 0.05 * normal(rand), 0.12, 0.38),
		discount: between(rand, 0, 0.12),
		manager: rank === 0 ? 0 : intBetween(rand, 0, 4)
	}));

	// the top customer: a chain buying steadily at a discount
	Object.assign(customers[0], { pattern: 'steady', orders: 6, margin: 0.17, discount: 0.18 });

	// who is special: one top-ten customer goes quiet, three buy at a squeezed margin
	const top = shuffle(rand, [3, 4, 5, 6, 7, 8]);
	const quietTop = top[0];
	const squeezed = shuffle(
		rand,
		Array.from({ length: 12 }, (_, i) => i + 1).filter((r) => r !== quietTop)
	).slice(0, 3);
	const tail = shuffle(
		rand,
		Array.from({ length: n - 12 }, (_, i) => i + 12)
	);
	const lost = tail.slice(0, 6);
	const sleeping = [quietTop, ...tail.slice(6, 9)];
	const fresh = tail.slice(9, 17);
	const lossMaker = tail[17];

	for (const c of customers.slice(1)) {
		const steadyChance = c.rank <= 80 ? 0.3 : 0.1;
		const erraticChance = c.rank <= 30 ? 0.1 : c.rank <= 80 ? 0.3 : 0.55;
		const x = rand();
		c.pattern = x < steadyChance ? 'steady' : x < steadyChance + erraticChance ? 'erratic' : 'seasonal';
		c.buyShare = c.pattern === 'erratic' ? between(rand, 0.2, 0.55) : 1;
		c.orders = clamp(Math.round(c.perYear / 12 / ORDER_SIZE), 1, 4);
	}
	for (const r of lost) Object.assign(customers[r], { to: today - intBetween(rand, 200, 420) });
	for (const r of sleeping) Object.assign(customers[r], { to: today - intBetween(rand, 95, 170) });
	fresh.forEach((r, i) =>
		Object.assign(customers[r], { from: today - (i < 4 ? intBetween(rand, 95, 150) : intBetween(rand, 10, 80)) })
	);
	// those that stop are not steady; new ones buy every month from their first day
	for (const r of [...lost, ...sleeping]) if (customers[r].pattern === 'steady') customers[r].pattern = 'seasonal';
	for (const r of fresh) Object.assign(customers[r], { pattern: 'seasonal', buyShare: 1 });
	for (const r of squeezed)
		Object.assign(customers[r], { margin: between(rand, 0.04, 0.08), discount: between(rand, 0.15, 0.25) });
	Object.assign(customers[lossMaker], { margin: -0.06, discount: 0.3 });

	// customer codes: shuffled, with gaps (customers deleted from the books)
	const order = shuffle(
		rand,
		customers.map((c) => c.rank)
	);
	const codes = new Array<number>(n);
	let code = 1000;
	for (const r of order) codes[r] = code += intBetween(rand, 1, 4);

	const orders: Order[] = [];
	const monthsOf = (c: Customer) => {
		const out: { first: number; days: number; from: number; to: number; frac: number; season: number }[] = [];
		for (let m = todayMonth - 23; m <= todayMonth; m++) {
			const first = firstDayOfMonth(m);
			const last = lastDayOfMonth(m);
			const from = Math.max(first, c.from);
			const to = Math.min(last, c.to, today);
			if (from > to) continue;
			// a steady customer buys its month in full even when the month has only begun
			const frac = c.pattern === 'steady' ? 1 : (to - from + 1) / (last - first + 1);
			out.push({ first, days: last - first + 1, from, to, frac, season: SEASON[m % 12] });
		}
		return out;
	};

	const addOrders = (c: Customer, monthly: number) => {
		const months = monthsOf(c);
		// an erratic customer buys at least once
		const sure = Math.floor(rand() * months.length);
		months.forEach((month, index) => {
			let amount = monthly * month.frac;
			let count: number;
			if (c.pattern === 'steady') {
				amount *= (1 + 0.15 * (month.season - 1)) * (1 + 0.03 * normal(rand));
				count = c.orders;
			} else if (c.pattern === 'seasonal') {
				amount *= month.season * (1 + 0.12 * normal(rand));
				count = clamp(Math.round(amount / ORDER_SIZE), 1, 4);
			} else {
				if (rand() >= c.buyShare && index !== sure) return;
				amount *= (month.season * Math.exp(0.5 * normal(rand) - 0.125)) / c.buyShare;
				count = clamp(Math.round(amount / ORDER_SIZE), 1, 4);
			}
			const span = month.to - month.from + 1;
			split(rand, amount, count).forEach((orderAmount, i) => {
				// steady: spread over the month like a standing order; others: any day
				const day =
					c.pattern === 'steady'
						? clamp(month.first + Math.floor(((i + 0.2 + 0.6 * rand()) * month.days) / count), month.from, month.to)
						: month.from + Math.floor(rand() * span);
				const big = orderAmount > ORDER_SIZE;
				const lineCount = c.pattern === 'steady' || big ? intBetween(rand, 2, 4) : intBetween(rand, 1, 2);
				const lines = split(rand, orderAmount, lineCount).map((a) => lineFor(rand, prices, c, a));
				orders.push({ day, customer: c.rank, returned: false, lines });
				if (c.pattern === 'steady' || c.margin <= 0) return;
				for (const line of lines) {
					// (a return takes back the sale's profit: only lines that made one come back)
					if (rand() >= RETURN_CHANCE || line.margin < 0.02) continue;
					const back = day + intBetween(rand, 3, 25);
					const qty = -intBetween(rand, 1, Math.max(1, Math.ceil(line.qty / 3)));
					if (back <= today) orders.push({ day: back, customer: c.rank, returned: true, lines: [{ ...line, qty }] });
				}
			});
		});
	};

	for (const c of customers.slice(1)) addOrders(c, c.perYear / 12);

	// the top customer: its net total is a share of all of about 30 %
	const others = orders.reduce((sum, o) => sum + o.lines.reduce((s, l) => s + l.qty * l.price, 0), 0);
	const share = between(rand, 0.28, 0.32);
	const seasonSum = monthsOf(customers[0]).reduce((s, m) => s + 1 + 0.15 * (m.season - 1), 0);
	addOrders(customers[0], (others * share) / (1 - share) / seasonSum);
	// and it bought today, so the data ends on `today`
	orders[orders.length - 1].day = today;

	return { customers, orders, codes };
}

function money(cents: number): string {
	const abs = Math.abs(cents);
	return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A demo sales export in `language` (see the module comment for its shape): `fileName` to offer it
 * under, `text` the CSV (a BOM first for ru and ro). Deterministic for the same options.
 */
export function sampleSalesCsv(options: SampleSalesOptions): { fileName: string; text: string } {
	const lang = LANGUAGES[options.language];
	const seed = options.seed ?? SAMPLE_SEED;
	const t = options.today ?? SAMPLE_TODAY;
	const today = daysFromCivil(t.year, t.month, t.day);

	const model = buildModel(mulberry32(seed), today);
	const names = uniqueNames(mulberry32(seed ^ 0x5bd1e995), lang, model.customers.length);

	const sorted = model.orders.map((o, i) => ({ o, i })).sort((a, b) => a.o.day - b.o.day || a.i - b.i);
	const rows: CsvCell[][] = [[...lang.headers]];
	let saleNo = 100_000;
	let returnNo = 5_000;
	for (const { o } of sorted) {
		const c = model.customers[o.customer];
		const id = o.returned ? lang.returnId(++returnNo) : lang.saleId(++saleNo);
		const date = lang.date(o.day);
		const code = model.codes[c.rank];
		for (const line of o.lines) {
			const price = Math.max(1, Math.round(line.price * lang.perDollar));
			const sales = line.qty * price;
			rows.push([
				id,
				date,
				lang.customerId(code),
				names[c.rank],
				lang.managers[c.manager],
				csvNumber(String(line.qty)),
				csvNumber(money(price)),
				csvNumber(money(sales)),
				csvNumber(money(Math.round(sales * line.margin)))
			]);
		}
	}
	return { fileName: lang.fileName, text: writeCsv(rows, lang.dialect) };
}
