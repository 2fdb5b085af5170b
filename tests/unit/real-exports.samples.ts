/**
 * Generators of realistic sales exports, reproducing byte for byte the quirks of public files
 * people actually drop: UCI Online Retail (I and II), Tableau's Sample - Superstore, Kaggle's
 * sales_data_sample.csv, 1C reports, Russian-locale Excel "CSV UTF-8" and "sep=;" files, Shopify,
 * WooCommerce (order and line-item), PayPal, Stripe and Square exports, a tab-separated ERP report,
 * a CRM export with multi-line notes, Excel "Unicode text", a Brazilian Windows-1252 file, Excel
 * Data → Subtotal sheets, a titled BI report and a CSV written by Python on Windows ('\r\r\n').
 * Every generator is deterministic (seeded) and returns, next to the bytes, the rows as written
 * (raw cell text), so a test can compute the expected result on its own.
 */

/** One data record as written in the file: raw cell texts of the columns a test looks at. */
export interface SampleRow {
	/** customer key cell exactly as written (may be empty, padded, 'N/A', …) */
	customer: string;
	/** customer name cell, when the file has one */
	name?: string;
	/** amount cell as written, when the amount is a column */
	amount?: string;
	/** quantity and unit price cells, when the amount is quantity × price */
	quantity?: string;
	price?: string;
	/** the calendar date the date cell means: [year, month 1-12, day] */
	day?: [number, number, number];
	/** the analyst's reading: the sale never happened (a cancelled order, a failed charge) */
	excluded?: boolean;
	/** the customer when the key cell is empty: the file's second customer column (a one-off buyer's e-mail) */
	fallback?: string;
}

export interface Sample {
	bytes: Uint8Array;
	rows: SampleRow[];
	/** records after the header that are totals lines, not sales ('Итого;;;…', 'Acme Corp Total') */
	totalsLines?: number;
}

// ---- deterministic randomness ----

export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

// ---- encoders ----

/** Windows-1252 bytes 0x80–0x9F (written out: some Node versions decode them as Latin-1). */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function singleByteEncoder(label: string): (s: string) => Uint8Array {
	const table = new Map<string, number>();
	const dec = new TextDecoder(label);
	for (let b = 0x80; b <= 0xff; b++) {
		const ch = label === 'windows-1252' && b < 0xa0 ? CP1252_C1[b - 0x80] : dec.decode(Uint8Array.of(b));
		if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, b);
	}
	return (s) =>
		Uint8Array.from(s, (ch) => {
			const c = ch.charCodeAt(0);
			if (c < 0x80) return c;
			const b = table.get(ch);
			if (b === undefined) throw new Error(`no ${label} byte for ${ch}`);
			return b;
		});
}

export const cp1251 = singleByteEncoder('windows-1251');
export const cp1252 = singleByteEncoder('windows-1252');
export const utf8 = (s: string) => new TextEncoder().encode(s);
export const withBom = (b: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...b]);
export function utf16le(s: string, bom = true): Uint8Array {
	const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
	let o = 0;
	if (bom) {
		out[0] = 0xff;
		out[1] = 0xfe;
		o = 2;
	}
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		out[o + i * 2] = c & 0xff;
		out[o + i * 2 + 1] = c >> 8;
	}
	return out;
}

// ---- CSV writing the way each tool does ----

/** RFC 4180 quoting only when needed (pandas, Tableau, Shopify). */
function q(cell: string, delim = ','): string {
	return /["\r\n]/.test(cell) || cell.includes(delim) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
/** Everything quoted (WooCommerce, many CRMs). */
const qq = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

/** Shortest decimal text of an exact integer at `scale` decimals, the way pandas/Excel print floats: 2.55, 3.5, 2871. */
function shortDecimal(units: number, scale: number, comma = false): string {
	const neg = units < 0;
	const s = String(Math.abs(units)).padStart(scale + 1, '0');
	let int = s.slice(0, s.length - scale);
	const frac = scale > 0 ? s.slice(s.length - scale).replace(/0+$/, '') : '';
	if (int === '') int = '0';
	return (neg ? '-' : '') + int + (frac ? (comma ? ',' : '.') + frac : '');
}
/** Fixed decimals, optional group separator: 1 234,56 / 1,234.50. */
function fixed(units: number, scale: number, dec: string, group: string): string {
	const neg = units < 0;
	const s = String(Math.abs(units)).padStart(scale + 1, '0');
	const int = s.slice(0, s.length - scale);
	const frac = s.slice(s.length - scale);
	const grouped = group ? int.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int;
	return (neg ? '-' : '') + grouped + (scale > 0 ? dec + frac : '');
}
/** Python-float text of an integer (pandas writes 13085.0 for a float column with NaN). */
const floatText = (n: number) => `${n}.0`;

/** Days → [y, m, d] starting from a UTC date. */
function addDays(start: [number, number, number], days: number): [number, number, number] {
	const t = new Date(Date.UTC(start[0], start[1] - 1, start[2]) + days * 86400000);
	return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}
const p2 = (n: number) => String(n).padStart(2, '0');

// =============================================================================================
// UCI Online Retail (Kaggle "data.csv"): quantity × unit price, cancellations 'C…' with negative
// quantity, a third of the invoices without CustomerID, m/d/yyyy h:mm dates, descriptions with
// commas in quotes, one Windows-1252 description (the file is read with encoding='ISO-8859-1').
// =============================================================================================

const RETAIL_ITEMS: [string, string, number][] = [
	['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 255],
	['71053', 'WHITE METAL LANTERN', 339],
	['84406B', 'CREAM CUPID HEARTS COAT HANGER', 275],
	['84029G', 'KNITTED UNION FLAG HOT WATER BOTTLE', 339],
	['22752', 'SET 7 BABUSHKA NESTING BOXES', 765],
	['21730', 'GLASS STAR FROSTED T-LIGHT HOLDER', 425],
	['22633', 'HAND WARMER UNION JACK', 185],
	['84879', 'ASSORTED COLOUR BIRD ORNAMENT', 169],
	['22745', "POPPY'S PLAYHOUSE BEDROOM ", 210],
	['21754', 'HOME BUILDING BLOCK WORD', 595],
	['22310', 'IVORY KNITTED MUG COSY ', 165],
	['84969', 'BOX OF 6 ASSORTED COLOUR TEASPOONS', 425],
	['22960', 'JAM MAKING SET WITH JARS', 425],
	['21791', 'VINTAGE HEADS AND TAILS CARD GAME ', 125],
	['22139', 'RETROSPOT TEA SET CERAMIC 11 PC ', 495],
	['21912', 'VINTAGE SNAKES & LADDERS', 375],
	['85099B', 'JUMBO BAG RED RETROSPOT', 165],
	['22086', "PAPER CHAIN KIT 50'S CHRISTMAS ", 295],
	['20725', 'LUNCH BAG RED RETROSPOT', 165],
	['84946', 'ANTIQUE SILVER T-LIGHT GLASS', 125],
	['22969', 'HOMEMADE JAM SCENTED CANDLES', 145],
	['21977', 'PACK OF 60 PINK PAISLEY CAKE CASES', 55],
	['84992', '72 SWEETHEART FAIRY CAKE CASES', 55],
	['22384', 'LUNCH BAG PINK POLKADOT', 165],
	['23084', 'RABBIT NIGHT LIGHT', 179],
	['47566', 'PARTY BUNTING', 465],
	['22423', 'REGENCY CAKESTAND 3 TIER', 1275],
	['85014B', 'RED RETROSPOT UMBRELLA', 595],
	['21523', 'DOORMAT FANCY FONT HOME SWEET HOME', 795],
	['22197', 'SMALL POPCORN HOLDER', 85],
	['23166', 'MEDIUM CERAMIC TOP STORAGE JAR', 104],
	['84077', 'WORLD WAR 2 GLIDERS ASSTD DESIGNS', 29],
	['22616', 'PACK OF 12 LONDON TISSUES ', 29],
	['21232', 'STRAWBERRY CERAMIC TRINKET BOX', 125],
	['84536A', 'ENGLISH ROSE NOTEBOOK A7 SIZE', 42],
	['22492', 'MINI PAINT SET VINTAGE ', 65],
	['90209C', 'PINK ENAMEL+GLASS HAIR COMB', 210],
	['22837', 'HOT WATER BOTTLE BABUSHKA , LARGE', 465],
	['21257', 'VICTORIAN SEWING BOX MEDIUM, ASSORTED', 795],
	['79321', 'CHILLI LIGHTS, RED', 485],
	['23343', 'JUMBO BAG VINTAGE CHRISTMAS , ', 208],
	['35004C', 'SET OF 3 COLOURED  FLYING DUCKS', 465],
	['22795', 'SWEETHEART RECIPE BOOK STAND, CR\u00c8ME BR\u00dbL\u00c9E', 675],
	['84611B', 'PADS TO MATCH ALL CUSHIONS', 1] // priced 0.001
];

const RETAIL_CUSTOMERS = [
	17850, 13047, 12583, 13748, 15100, 15291, 14688, 17809, 15311, 14527, 16098, 18074, 17420, 16029, 12431, 17511, 13705,
	13408, 12662, 14911
];
const RETAIL_COUNTRIES: Record<number, string> = {
	12583: 'France',
	12662: 'Germany',
	12431: 'Australia',
	14911: 'EIRE'
};

export function onlineRetail(seed = 1): Sample {
	const r = rng(seed);
	const lines = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
	const rows: SampleRow[] = [];
	let invoice = 536365;
	let minutes = 8 * 60 + 26;
	let day = 0;
	const history: { customer: number; items: [string, string, number, number][] }[] = [];
	const push = (inv: string, code: string, desc: string, qty: number, priceUnits: number, customer: number | null) => {
		const [y, m, d] = addDays([2010, 12, 1], day);
		const date = `${m}/${d}/${y} ${Math.floor(minutes / 60)}:${p2(minutes % 60)}`;
		const price = shortDecimal(priceUnits, 3) || '0';
		const cust = customer === null ? '' : String(customer);
		const country = customer === null ? 'United Kingdom' : (RETAIL_COUNTRIES[customer] ?? 'United Kingdom');
		lines.push([inv, code, q(desc), String(qty), date, price, cust, country].join(','));
		rows.push({ customer: cust, quantity: String(qty), price, day: [y, m, d] });
	};
	while (rows.length < 180) {
		minutes += int(r, 1, 40);
		if (minutes > 19 * 60) {
			minutes = 8 * 60 + int(r, 0, 59);
			day += int(r, 1, 2);
		}
		const roll = r();
		if (roll < 0.12 && history.length > 0) {
			// cancellation of an earlier invoice: 'C' prefix, negative quantities, same customer
			const h = pick(r, history);
			const inv = `C${invoice++}`;
			for (const [code, desc, , qty] of h.items.slice(0, int(r, 1, h.items.length))) {
				const item = RETAIL_ITEMS.find((x) => x[0] === code)!;
				push(inv, code, desc, -qty, item[2] * 10, h.customer);
			}
			if (r() < 0.5) push(inv, 'D', 'Discount', -1, int(r, 500, 3000) * 10, h.customer);
			continue;
		}
		if (roll < 0.15) {
			// manual adjustment without a customer: 'Adjust bad debt' with a negative price
			push(`A${invoice++}`, 'B', 'Adjust bad debt', 1, -int(r, 100000, 1200000) * 10, null);
			continue;
		}
		const anonymous = r() < 0.33;
		const customer = anonymous ? null : pick(r, RETAIL_CUSTOMERS);
		const inv = String(invoice++);
		const items: [string, string, number, number][] = [];
		for (let k = int(r, 1, 7); k > 0; k--) {
			const [code, desc, cents] = pick(r, RETAIL_ITEMS);
			const qty = pick(r, [1, 2, 3, 4, 6, 8, 12, 24, 36, 48, 96]);
			// anonymous lines are often priced 0 or at a slightly different shop price
			const priceUnits =
				anonymous && r() < 0.2 ? 0 : code === '84611B' ? 1 : cents * 10 + (anonymous ? int(r, 0, 2) * 10 : 0);
			push(inv, code, desc, qty, priceUnits, customer);
			items.push([code, desc, priceUnits, qty]);
		}
		if (customer !== null) history.push({ customer, items });
		if (r() < 0.1) push(inv, 'POST', 'POSTAGE', int(r, 1, 3), 1800 * 10, customer);
	}
	return { bytes: cp1252(lines.join('\n') + '\n'), rows };
}

// =============================================================================================
// UCI Online Retail II (Kaggle "online_retail_II.csv"): 'Invoice', 'Price', 'Customer ID' written
// by pandas as a float (13085.0), ISO datetimes, empty customers, UTF-8.
// =============================================================================================

export function onlineRetailII(seed = 2): Sample {
	const r = rng(seed);
	const lines = ['Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country'];
	const rows: SampleRow[] = [];
	let invoice = 489434;
	let t = 7 * 3600 + 45 * 60;
	let day = 0;
	const customers = [13085, 13078, 15362, 18102, 12682, 18087, 13635, 14110, 12636, 17519, 12362, 15987];
	while (rows.length < 150) {
		t += int(r, 60, 3600);
		if (t > 20 * 3600) {
			t = 7 * 3600 + int(r, 0, 3599);
			day++;
		}
		const [y, m, d] = addDays([2009, 12, 1], day);
		const stamp = `${y}-${p2(m)}-${p2(d)} ${p2(Math.floor(t / 3600))}:${p2(Math.floor(t / 60) % 60)}:00`;
		const cancelled = r() < 0.1;
		const customer = r() < 0.25 ? null : pick(r, customers);
		const inv = (cancelled ? 'C' : '') + String(invoice++);
		for (let k = int(r, 1, 5); k > 0; k--) {
			const [code, desc, cents] = pick(r, RETAIL_ITEMS);
			const qty = (cancelled ? -1 : 1) * pick(r, [1, 2, 3, 6, 10, 12, 24, 48]);
			const price = shortDecimal(code === '84611B' ? 1 : cents * 10, 3) || '0';
			const cust = customer === null ? '' : floatText(customer);
			lines.push([inv, code, q(desc), String(qty), stamp, price, cust, 'United Kingdom'].join(','));
			rows.push({ customer: cust, quantity: String(qty), price, day: [y, m, d] });
		}
	}
	return { bytes: utf8(lines.join('\n') + '\n'), rows };
}

// =============================================================================================
// Tableau "Sample - Superstore" Orders: Windows-1252, CRLF, Row ID first, Order Date m/d/yyyy,
// Sales written with 0–4 decimals as float text, Profit negative, product names with commas and
// doubled quotes (13-3/4"" Diameter), Customer ID CG-12520 + Customer Name.
// =============================================================================================

const STORE_CUSTOMERS: [string, string, string][] = [
	['CG-12520', 'Claire Gute', 'Consumer'],
	['DV-13045', 'Darrin Van Huff', 'Corporate'],
	['SO-20335', "Sean O'Donnell", 'Consumer'],
	['PO-18865', 'Patrick O\u2019Donnell', 'Consumer'],
	['BH-11710', 'Brosina Hoffman', 'Consumer'],
	['AA-10480', 'Andrew Allen', 'Consumer'],
	['IM-15070', 'Irene Maddox', 'Consumer'],
	['HP-14815', 'Harold Pawlan', 'Home Office'],
	['PK-19075', 'Pete Kriz', 'Consumer'],
	['AG-10270', 'Alejandro Grove', 'Consumer'],
	['ZD-21925', 'Zuschuss Donatelli', 'Consumer'],
	['DR-12940', 'Do\u00f1a Ruiz', 'Home Office'],
	['JG-15805', 'Jos\u00e9 Guti\u00e9rrez', 'Corporate'],
	['NM-18445', 'Nathalie M\u00fcller', 'Corporate'],
	['FA-14230', 'Fran\u00e7oise Ang\u00e8le', 'Consumer']
];
const STORE_PRODUCTS: [string, string, string, string][] = [
	['FUR-BO-10001798', 'Furniture', 'Bookcases', 'Bush Somerset Collection Bookcase'],
	['FUR-CH-10000454', 'Furniture', 'Chairs', 'Hon Deluxe Fabric Upholstered Stacking Chairs, Rounded Back'],
	['OFF-LA-10000240', 'Office Supplies', 'Labels', 'Self-Adhesive Address Labels for Typewriters by Universal'],
	['FUR-TA-10000577', 'Furniture', 'Tables', 'Bretford CR4500 Series Slim Rectangular Table'],
	['OFF-ST-10000760', 'Office Supplies', 'Storage', "Eldon Fold 'N Roll Cart System"],
	['FUR-FU-10001487', 'Furniture', 'Furnishings', 'Eldon Expressions Wood and Plastic Desk Accessories, Cherry Wood'],
	['OFF-AR-10002833', 'Office Supplies', 'Art', 'Newell 322'],
	['TEC-PH-10002275', 'Technology', 'Phones', 'Mitel 5320 IP Phone VoIP phone'],
	['FUR-FU-10004091', 'Furniture', 'Furnishings', 'Howard Miller 13-3/4" Diameter Brushed Chrome Round Wall Clock'],
	['OFF-BI-10003910', 'Office Supplies', 'Binders', 'DXL Angle-View Binders with Locking Rings by Samsill'],
	['OFF-AP-10002892', 'Office Supplies', 'Appliances', 'Belkin F9H710-06 7 Outlet SurgeMaster Surge Protector'],
	['TEC-AC-10002167', 'Technology', 'Accessories', 'Imation\u00ae 8GB Mini TravelDrive USB 2.0 Flash Drive'],
	['OFF-PA-10002365', 'Office Supplies', 'Paper', 'Xerox 1967'],
	['OFF-SU-10001935', 'Office Supplies', 'Supplies', 'Acme Trimmer Plus Straight Scissors \u2013 8\u201d'],
	['FUR-CH-10002774', 'Furniture', 'Chairs', "Global Deluxe High-Back Manager's Chair"],
	['OFF-EN-10001990', 'Office Supplies', 'Envelopes', 'Nestl\u00e9 Coffee-mate Creamer, 50/Pack']
];
const STORE_CITIES: [string, string, string, string][] = [
	['Henderson', 'Kentucky', '42420', 'South'],
	['Los Angeles', 'California', '90036', 'West'],
	['Fort Lauderdale', 'Florida', '33311', 'South'],
	['Concord', 'North Carolina', '28027', 'South'],
	['Seattle', 'Washington', '98103', 'West'],
	['Fort Worth', 'Texas', '76106', 'Central'],
	['Madison', 'Wisconsin', '53711', 'Central'],
	['West Jordan', 'Utah', '84084', 'West'],
	['Philadelphia', 'Pennsylvania', '19140', 'East'],
	['New York City', 'New York', '10024', 'East']
];

export function superstore(seed = 3): Sample {
	const r = rng(seed);
	const header =
		'Row ID,Order ID,Order Date,Ship Date,Ship Mode,Customer ID,Customer Name,Segment,Country,City,State,Postal Code,Region,Product ID,Category,Sub-Category,Product Name,Sales,Quantity,Discount,Profit';
	const lines = [header];
	const rows: SampleRow[] = [];
	let rowId = 1;
	for (let orders = 0; rows.length < 160; orders++) {
		// every customer orders at least once, then at random
		const [cid, cname, segment] = orders < STORE_CUSTOMERS.length ? STORE_CUSTOMERS[orders] : pick(r, STORE_CUSTOMERS);
		const [city, state, zip, region] = pick(r, STORE_CITIES);
		const year = pick(r, [2014, 2015, 2016, 2017]);
		const ordered = addDays([year, 1, 1], int(r, 0, 360));
		const shipped = addDays(ordered, int(r, 0, 7));
		const orderId = `${pick(r, ['CA', 'US'])}-${year}-${int(r, 100000, 169999)}`;
		const mdy = (d: [number, number, number]) => `${d[1]}/${d[2]}/${d[0]}`;
		for (let k = int(r, 1, 4); k > 0; k--) {
			const [pid, cat, sub, pname] = pick(r, STORE_PRODUCTS);
			// Sales as float text with 0..4 decimals: 261.96, 22.368, 957.5775, 3.5, 1044.63, 48
			const decimals = pick(r, [0, 1, 2, 2, 2, 3, 3, 4]);
			const salesUnits = int(r, 1, 400000) * 10 ** decimals;
			const sales = shortDecimal(Math.round(salesUnits / 100), decimals);
			const profit = shortDecimal(int(r, -400000, 900000), 4);
			const discount = pick(r, ['0', '0', '0.2', '0.45', '0.8', '0.15']);
			lines.push(
				[
					String(rowId++),
					orderId,
					mdy(ordered),
					mdy(shipped),
					pick(r, ['Second Class', 'Standard Class', 'First Class', 'Same Day']),
					cid,
					q(cname),
					segment,
					'United States',
					city,
					state,
					zip,
					region,
					pid,
					cat,
					sub,
					q(pname),
					sales,
					String(int(r, 1, 14)),
					discount,
					profit
				].join(',')
			);
			rows.push({ customer: cid, name: cname, amount: sales, day: ordered });
		}
	}
	return { bytes: cp1252(lines.join('\r\n') + '\r\n'), rows };
}

// =============================================================================================
// Kaggle "sales_data_sample.csv": upper-case headers, SALES with 0–2 decimals, ORDERDATE
// m/d/yyyy 0:00, PRICEEACH capped at 100 (so SALES ≠ QUANTITY × PRICE), TERRITORY 'NA', empty
// STATE and ADDRESSLINE2, Latin-1 letters in addresses and contacts, quoted names with commas.
// =============================================================================================

const CLASSIC_CUSTOMERS: [string, string, string, string, string, string, string, string][] = [
	// name, phone, address1, city, country, territory, last, first
	['Land of Toys Inc.', '2125557818', '897 Long Airport Avenue', 'NYC', 'USA', 'NA', 'Yu', 'Kwai'],
	['Reims Collectables', '26.47.1555', "59 rue de l'Abbaye", 'Reims', 'France', 'EMEA', 'Henriot', 'Paul'],
	[
		'Lyon Souveniers',
		'+33 1 46 62 7555',
		'27 rue du Colonel Pierre Avia',
		'Paris',
		'France',
		'EMEA',
		'Da Cunha',
		'Daniel'
	],
	['Toys4GrownUps.com', '6265557265', '78934 Hillside Dr.', 'Pasadena', 'USA', 'NA', 'Young', 'Julie'],
	['Corporate Gift Ideas Co.', '6505551386', '7734 Strong St.', 'San Francisco', 'USA', 'NA', 'Brown', 'Julie'],
	[
		'Danish Wholesale Imports',
		'31 12 3555',
		'Vinb\u00e6ltet 34',
		'K\u00f8benhavn',
		'Denmark',
		'EMEA',
		'Petersen',
		'Jytte'
	],
	[
		'Volvo Model Replicas, Co',
		'0921-12 3555',
		'Berguvsv\u00e4gen  8',
		'Lule\u00e5',
		'Sweden',
		'EMEA',
		'Berglund',
		'Christina'
	],
	[
		'Corrida Auto Replicas, Ltd',
		'(91) 555 22 82',
		'C/ Araquil, 67',
		'Madrid',
		'Spain',
		'EMEA',
		'Sommer',
		'Mart\u00edn'
	],
	[
		'Mini Caravy',
		'88.60.1555',
		'24, place Kl\u00e9ber',
		'Strasbourg',
		'France',
		'EMEA',
		'Citeaux',
		'Fr\u00e9d\u00e9rique'
	],
	['Euro Shopping Channel', '(91) 555 94 44', 'C/ Moralzarzal, 86', 'Madrid', 'Spain', 'EMEA', 'Freyre', 'Diego '],
	['Mini Gifts Distributors Ltd.', '4155551450', '5677 Strong St.', 'San Rafael', 'USA', 'NA', 'Nelson', 'Valarie'],
	[
		'Australian Collectors, Co.',
		'03 9520 4555',
		'636 St Kilda Road',
		'Melbourne',
		'Australia',
		'APAC',
		'Ferguson',
		'Peter'
	],
	['Tokyo Collectables, Ltd', '+81 3 3584 0555', '2-2-8 Roppongi', 'Minato-ku', 'Japan', 'Japan', 'Shimamura', 'Akiko'],
	[
		'Qu\u00e9bec Home Shopping Network',
		'(514) 555-8054',
		'43 rue St. Laurent',
		'Montr\u00e9al',
		'Canada',
		'NA',
		'Fresni\u00e8re',
		'Jean'
	],
	['Auto Assoc. & Cie.', '30.59.8555', "67, avenue de l'Europe", 'Versailles', 'France', 'EMEA', 'Tonini', 'Daniel']
];

export function salesDataSample(seed = 4, count = 180, lateAccents = false): Sample {
	const r = rng(seed);
	const lines = [
		'ORDERNUMBER,QUANTITYORDERED,PRICEEACH,ORDERLINENUMBER,SALES,ORDERDATE,STATUS,QTR_ID,MONTH_ID,YEAR_ID,PRODUCTLINE,MSRP,PRODUCTCODE,CUSTOMERNAME,PHONE,ADDRESSLINE1,ADDRESSLINE2,CITY,STATE,POSTALCODE,COUNTRY,TERRITORY,CONTACTLASTNAME,CONTACTFIRSTNAME,DEALSIZE'
	];
	const rows: SampleRow[] = [];
	const ascii = CLASSIC_CUSTOMERS.filter((c) => !/[^\x00-\x7f]/.test(c.join('')));
	let order = 10100;
	for (let i = 0; i < count; i++) {
		// with lateAccents, every Latin-1 byte sits beyond the first 256 KB (the sniffed sample)
		const pool = lateAccents && i < count * 0.75 ? ascii : CLASSIC_CUSTOMERS;
		const [name, phone, addr, city, country, territory, last, first] = pick(r, pool);
		const qty = int(r, 20, 66);
		const realPrice = int(r, 2600, 21700); // cents
		const priceEach = realPrice > 10000 ? '100' : shortDecimal(realPrice, 2);
		const sales = shortDecimal(qty * realPrice, 2);
		const day = addDays([2003, 1, 6], int(r, 0, 880));
		const status = pick(r, [
			'Shipped',
			'Shipped',
			'Shipped',
			'Shipped',
			'Cancelled',
			'Resolved',
			'On Hold',
			'In Process',
			'Disputed'
		]);
		const dealsize = qty * realPrice < 300000 ? 'Small' : qty * realPrice < 700000 ? 'Medium' : 'Large';
		const state = country === 'USA' ? pick(r, ['NY', 'CA']) : country === 'Australia' ? 'Victoria' : '';
		lines.push(
			[
				String(order + int(r, 0, 3)),
				String(qty),
				priceEach,
				String(int(r, 1, 18)),
				sales,
				`${day[1]}/${day[2]}/${day[0]} 0:00`,
				status,
				String(Math.ceil(day[1] / 3)),
				String(day[1]),
				String(day[0]),
				pick(r, ['Motorcycles', 'Classic Cars', 'Trucks and Buses', 'Vintage Cars', 'Planes']),
				String(int(r, 33, 214)),
				`S${pick(r, [10, 12, 18, 24])}_${int(r, 1000, 4999)}`,
				q(name),
				phone,
				q(addr),
				lateAccents && i % 3 === 0 ? 'Level 3' : '',
				city,
				state,
				String(int(r, 10000, 99999)),
				country,
				territory,
				last,
				first,
				dealsize
			].join(',')
		);
		rows.push({ customer: name, amount: sales, day, excluded: status === 'Cancelled' });
		order += int(r, 0, 2);
	}
	return { bytes: cp1252(lines.join('\n') + '\n'), rows };
}

// =============================================================================================
// 1C "Продажи" report saved as CSV: Windows-1251, CRLF, a title and a blank line above the header,
// ';', amounts '1 234,56' with spaces or NBSP, returns negative, unquoted ООО "Ромашка",
// a few rows without a counterparty, a final 'Итого;;;…' row, dates dd.mm.yyyy [h:mm:ss].
// =============================================================================================

const RU_CUSTOMERS = [
	'ООО "Ромашка"',
	'ИП Петров А.В.',
	'АО "Вектор"',
	'ООО "Альфа-Трейд"',
	'ЗАО "Гранит"',
	'ООО «Северный ветер»',
	'ИП Сидорова Е.Н.',
	'ПАО "Стройдеталь"',
	'ООО "ТД Ёлка"',
	'Иванов Иван Иванович'
];
const RU_ITEMS = [
	'Стол письменный',
	'Кресло офисное "Комфорт"',
	'Бумага А4, 500 л.',
	'Шкаф-купе',
	'Лампа настольная',
	'Доставка'
];

export function oneC(seed = 5, nbsp = false, padded = false): Sample {
	const r = rng(seed);
	const sp = nbsp ? '\u00a0' : ' ';
	// saved from a spreadsheet document, every line has the table's width: 'Продажи;;;;;;;'
	const lines = padded
		? [
				'Продажи;;;;;;;',
				';;;;;;;',
				'Параметры:;Период: 01.01.2024 - 31.03.2024;;;;;;',
				'Отбор:;Организация Равно "Торговый дом";;;;;;',
				';;;;;;;'
			]
		: ['Продажи за период 01.01.2024 - 31.03.2024', ''];
	lines.push('Дата;Документ;Контрагент;Номенклатура;Количество;Цена;Сумма;Менеджер');
	const rows: SampleRow[] = [];
	let total = 0;
	let totalQty = 0;
	for (let i = 0; i < 120; i++) {
		const day = addDays([2024, 1, 9], Math.floor(i * 0.7));
		const date = `${p2(day[2])}.${p2(day[1])}.${day[0]}`;
		const ret = r() < 0.08;
		const customer = r() < 0.05 ? '' : pick(r, RU_CUSTOMERS);
		const qty = (ret ? -1 : 1) * int(r, 1, 30);
		const priceK = int(r, 5000, 9_000_000); // kopecks
		const sumK = qty * priceK;
		const doc = `${ret ? 'Возврат товаров от покупателя' : 'Реализация товаров и услуг'} 0000-00${int(r, 1000, 9999)} от ${date} ${int(r, 9, 18)}:${p2(int(r, 0, 59))}:${p2(int(r, 0, 59))}`;
		const amount = fixed(sumK, 2, ',', r() < 0.5 ? sp : ' ');
		const cellDate = r() < 0.3 ? `${date} 0:00:00` : date;
		lines.push(
			[
				cellDate,
				doc,
				customer,
				pick(r, RU_ITEMS),
				String(qty),
				fixed(priceK, 2, ',', sp),
				amount,
				pick(r, ['Иванов И.И.', 'Смирнова О.П.', ''])
			].join(';')
		);
		rows.push({ customer, amount, day });
		total += sumK;
		totalQty += qty;
	}
	lines.push(`Итого;;;;${totalQty};;${fixed(total, 2, ',', sp)};`);
	return { bytes: cp1251(lines.join('\r\n') + '\r\n'), rows, totalsLines: 1 };
}

// =============================================================================================
// A BI tool's report: a title as wide as the table ('Sales by customer, Jan–Mar 2024, all
// regions'), a 'Generated' line and a blank line above the header.
// =============================================================================================

export function titledReport(seed = 20): Sample {
	const r = rng(seed);
	const lines = [
		'Sales by customer, Jan\u2013Mar 2024, all regions',
		'Generated: 2024-04-01 08:00 by admin',
		'',
		'Customer,Date,Amount'
	];
	const rows: SampleRow[] = [];
	for (let i = 0; i < 40; i++) {
		const day = addDays([2024, 1, 1], int(r, 0, 90));
		const customer = pick(r, ['Globex', 'Initech', 'Hooli', 'Vandelay Industries']);
		const amount = fixed(int(r, 100, 2_000_000), 2, '.', '');
		lines.push([customer, `${day[0]}-${p2(day[1])}-${p2(day[2])}`, amount].join(','));
		rows.push({ customer, amount, day });
	}
	return { bytes: utf8(lines.join('\n') + '\n'), rows };
}

// =============================================================================================
// Excel (Russian locale) "CSV UTF-8 (разделитель - запятая)": BOM, ';', CRLF, decimal comma,
// '31.01.2024 0:00', quotes doubled inside quoted cells, NBSP-grouped numbers from formatted
// cells, and the empty ';;;;' rows Excel writes for a formatted but empty range.
// =============================================================================================

export function excelRu(seed = 6): Sample {
	const r = rng(seed);
	const lines = ['Дата;Клиент;Товар;Кол-во;Сумма, руб.;Менеджер'];
	const rows: SampleRow[] = [];
	for (let i = 0; i < 90; i++) {
		const day = addDays([2024, 1, 1], int(r, 0, 150));
		const customer = pick(r, RU_CUSTOMERS);
		const units = (r() < 0.07 ? -1 : 1) * int(r, 100, 25_000_000);
		const amount = r() < 0.4 ? fixed(units, 2, ',', '\u00a0') : shortDecimal(units, 2, true);
		lines.push(
			[
				`${p2(day[2])}.${p2(day[1])}.${day[0]} 0:00`,
				q(customer, ';'),
				q(pick(r, RU_ITEMS), ';'),
				String(int(r, 1, 20)),
				amount,
				pick(r, ['Петрова', 'Кузнецов'])
			].join(';')
		);
		rows.push({ customer, amount, day });
	}
	for (let i = 0; i < 4; i++) lines.push(';;;;;');
	return { bytes: withBom(utf8(lines.join('\r\n') + '\r\n')), rows };
}

// =============================================================================================
// Shopify orders_export.csv: 70-odd columns, the order total only on an order's first line
// (later line items have an empty Total), 'Paid at' as '2024-01-15 10:23:45 -0500', POS orders
// without an email, blank lines at the end.
// =============================================================================================

const SHOPIFY_HEADER =
	'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References';

const SHOP_BUYERS: [string, string][] = [
	['emma.lee@example.com', 'Emma Lee'],
	['jbrown@example.org', 'James Brown'],
	['sofia.garcia@example.net', 'Sofía García'],
	['m.nguyen@example.com', 'Minh Nguyen'],
	['olivia@smithco.example', 'Olivia Smith'],
	['noah.k@example.com', 'Noah Kim'],
	['liam.o@example.ie', "Liam O'Brien"]
];

export function shopify(seed = 7): Sample {
	const r = rng(seed);
	const cols = SHOPIFY_HEADER.split(',');
	const at = (name: string) => cols.indexOf(name);
	const lines = [SHOPIFY_HEADER];
	const rows: SampleRow[] = [];
	let orderNo = 1001;
	let t = Date.UTC(2024, 0, 3, 14, 0, 0);
	while (rows.length < 120) {
		t += int(r, 1, 30) * 3600_000;
		const local = new Date(t - 5 * 3600_000); // written in UTC-5
		const stamp = `${local.getUTCFullYear()}-${p2(local.getUTCMonth() + 1)}-${p2(local.getUTCDate())} ${p2(local.getUTCHours())}:${p2(local.getUTCMinutes())}:${p2(local.getUTCSeconds())} -0500`;
		const pos = r() < 0.12;
		const [email, name] = pos ? ['', ''] : pick(r, SHOP_BUYERS);
		const items = int(r, 1, 3);
		const prices = Array.from({ length: items }, () => int(r, 500, 25000));
		const qtys = Array.from({ length: items }, () => int(r, 1, 3));
		const subtotal = prices.reduce((s, p, k) => s + p * qtys[k], 0);
		const shipping = pos ? 0 : 599;
		const taxes = Math.round(subtotal * 0.08);
		const total = subtotal + shipping + taxes;
		for (let k = 0; k < items; k++) {
			const cells = new Array<string>(cols.length).fill('');
			cells[at('Name')] = `#${orderNo}`;
			cells[at('Email')] = email;
			cells[at('Created at')] = stamp;
			cells[at('Lineitem quantity')] = String(qtys[k]);
			cells[at('Lineitem name')] = pick(r, [
				'Linen Shirt - M / Sand',
				'Canvas Tote, Natural',
				'Gift Card',
				'Mug "Morning"'
			]);
			cells[at('Lineitem price')] = fixed(prices[k], 2, '.', '');
			cells[at('Lineitem requires shipping')] = 'true';
			cells[at('Lineitem taxable')] = 'true';
			cells[at('Lineitem fulfillment status')] = 'pending';
			cells[at('Lineitem discount')] = '0.00';
			if (k === 0) {
				cells[at('Financial Status')] = 'paid';
				cells[at('Paid at')] = stamp;
				cells[at('Fulfillment Status')] = 'unfulfilled';
				cells[at('Accepts Marketing')] = pick(r, ['yes', 'no']);
				cells[at('Currency')] = 'USD';
				cells[at('Subtotal')] = fixed(subtotal, 2, '.', '');
				cells[at('Shipping')] = fixed(shipping, 2, '.', '');
				cells[at('Taxes')] = fixed(taxes, 2, '.', '');
				cells[at('Total')] = fixed(total, 2, '.', '');
				cells[at('Discount Amount')] = '0.00';
				cells[at('Shipping Method')] = pos ? '' : 'Standard';
				cells[at('Billing Name')] = name;
				cells[at('Billing Street')] = pos ? '' : `${int(r, 1, 999)} Main St, Apt ${int(r, 1, 40)}`;
				cells[at('Billing City')] = pos ? '' : 'Springfield';
				cells[at('Billing Zip')] = pos ? '' : `'0${int(r, 1000, 9999)}`;
				cells[at('Billing Country')] = pos ? '' : 'US';
				cells[at('Shipping Name')] = name;
				cells[at('Payment Method')] = pos ? 'Cash' : 'Shopify Payments';
				cells[at('Refunded Amount')] = '0.00';
				cells[at('Outstanding Balance')] = '0.00';
				cells[at('Employee')] = pos ? 'Ann Clerk' : '';
				cells[at('Location')] = pos ? 'Main Store' : '';
				cells[at('Id')] = String(5_200_000_000_000 + orderNo * 7);
				cells[at('Risk Level')] = 'Low';
				cells[at('Source')] = pos ? 'pos' : 'web';
				cells[at('Tax 1 Name')] = 'State Tax 8%';
				cells[at('Tax 1 Value')] = fixed(taxes, 2, '.', '');
				cells[at('Payment ID')] = `c${int(r, 10000000, 99999999)}.1`;
				cells[at('Payment References')] = `c${int(r, 10000000, 99999999)}.1`;
			}
			lines.push(cells.map((c) => q(c)).join(','));
			rows.push({
				customer: email,
				amount: k === 0 ? fixed(total, 2, '.', '') : '',
				day: [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()]
			});
		}
		orderNo++;
	}
	return { bytes: utf8(lines.join('\n') + '\n\n\n'), rows };
}

// =============================================================================================
// WooCommerce / CRM order export: every cell quoted, money '$1,234.50' and refunds '-$45.00',
// ISO 8601 datetimes with a zone ('2024-02-01T09:15:00+03:00'), guest orders without an email.
// =============================================================================================

export function wooCommerce(seed = 8): Sample {
	const r = rng(seed);
	const header = [
		'Order ID',
		'Order Number',
		'Order Date',
		'Paid Date',
		'Status',
		'Billing First Name',
		'Billing Last Name',
		'Billing Company',
		'Billing Email',
		'Billing Phone',
		'Payment Method Title',
		'Order Subtotal Amount',
		'Order Shipping Amount',
		'Cart Discount Amount',
		'Order Total Tax Amount',
		'Order Total Amount',
		'Order Refund Amount',
		'Order Currency',
		'Customer Note'
	];
	const lines = [header.map(qq).join(',')];
	const rows: SampleRow[] = [];
	const buyers: [string, string, string, string][] = [
		['Anna', 'Schmidt', 'Schmidt GmbH', 'anna@schmidt.example'],
		['Peter', 'Jones', '', 'PJones@Example.com'],
		['Lucía', 'Fernández', 'Fernández & Hijos, S.L.', 'lucia@fh.example'],
		['Mark', 'de Vries', '', 'mark.devries@example.nl'],
		['Yuki', 'Tanaka', 'Tanaka K.K.', 'yuki@tanaka.example'],
		['Chris', 'Taylor', '', 'ctaylor@example.com']
	];
	let id = 2301;
	for (let i = 0; i < 100; i++) {
		const [first, last, company, email] = pick(r, buyers);
		const refund = r() < 0.1;
		const guestNoEmail = r() < 0.05;
		const units = (refund ? -1 : 1) * int(r, 1999, 450000);
		const money = (u: number) => (u < 0 ? '-' : '') + '$' + fixed(Math.abs(u), 2, '.', ',');
		const day = addDays([2024, 1, 2], Math.floor(i * 1.3));
		const stamp = `${day[0]}-${p2(day[1])}-${p2(day[2])}T${p2(int(r, 8, 22))}:${p2(int(r, 0, 59))}:00+03:00`;
		const note = r() < 0.15 ? 'Please call before delivery, thanks!\nGate code 1234' : '';
		const cells = [
			String(id),
			`#${id}`,
			stamp,
			refund ? '' : stamp,
			refund ? 'refunded' : pick(r, ['completed', 'processing']),
			first,
			last,
			company,
			guestNoEmail ? '' : email,
			`+1-555-${int(r, 1000, 9999)}`,
			'Credit Card (Stripe)',
			money(units),
			'$0.00',
			'$0.00',
			'$0.00',
			money(units),
			refund ? money(-units) : '$0.00',
			'USD',
			note
		];
		lines.push(cells.map(qq).join(','));
		rows.push({ customer: guestNoEmail ? '' : email, amount: money(units), day });
		id++;
	}
	return { bytes: utf8(lines.join('\r\n') + '\r\n'), rows };
}

// =============================================================================================
// Tab-separated ERP report: 'Customer' names with commas and quotes (no quoting needed in TSV),
// amounts '1,234.50' unquoted, d/m/yyyy dates (UK), a trailing tab on every line.
// =============================================================================================

export function tabSeparated(seed = 9): Sample {
	const r = rng(seed);
	const lines = ['Invoice #\tInvoice Date\tCustomer\tSalesperson\tNet Amount\tVAT\tGross Amount\t'];
	const rows: SampleRow[] = [];
	const names = [
		'Smith, John',
		'Brown & Sons Ltd',
		'The "Red Lion" Pub',
		'Jones, Mary',
		'ACME Widgets plc',
		"O'Neill Bakery"
	];
	for (let i = 0; i < 80; i++) {
		const day = addDays([2023, 4, 1], int(r, 0, 300));
		const net = (r() < 0.06 ? -1 : 1) * int(r, 1000, 900000);
		const vat = Math.round(net * 0.2);
		const customer = pick(r, names);
		const amount = fixed(net, 2, '.', ',');
		lines.push(
			[
				`INV-${5000 + i}`,
				`${day[2]}/${day[1]}/${day[0]}`,
				customer,
				pick(r, ['Alice', 'Bob']),
				amount,
				fixed(vat, 2, '.', ','),
				fixed(net + vat, 2, '.', ','),
				''
			].join('\t')
		);
		rows.push({ customer, amount, day });
	}
	return { bytes: utf8(lines.join('\n') + '\n'), rows };
}

// =============================================================================================
// CRM opportunities export: CRLF records and quoted notes holding line breaks: CRLF (most
// tools) or a bare LF (Excel on Windows writes in-cell breaks as LF inside CRLF records).
// =============================================================================================

export function crmNotes(seed = 10, cellBreak: '\r\n' | '\n' = '\r\n'): Sample {
	const r = rng(seed);
	const lines = ['Account Name,Opportunity,Close Date,Stage,Amount,Owner,Notes'];
	const rows: SampleRow[] = [];
	const accounts = ['Globex Corporation', 'Initech', 'Umbrella Corp', 'Stark Industries', 'Wayne Enterprises', 'Hooli'];
	for (let i = 0; i < 60; i++) {
		const day = addDays([2024, 1, 15], int(r, 0, 200));
		const customer = pick(r, accounts);
		const amount = String(int(r, 1, 500) * 100);
		const note =
			r() < 0.5 ? `Met with CFO.${cellBreak}Follow-up: "pricing, terms"${cellBreak}${cellBreak}- send quote` : 'n/a';
		lines.push(
			[
				customer,
				q(`${customer} - renewal ${i}`),
				`${day[0]}-${p2(day[1])}-${p2(day[2])}`,
				'Closed Won',
				amount,
				pick(r, ['Dana', 'Lee']),
				q(note)
			].join(',')
		);
		rows.push({ customer, amount, day });
	}
	return { bytes: utf8(lines.join('\r\n') + '\r\n'), rows };
}

// =============================================================================================
// Hand-kept customer column: trailing spaces, varying case, and 'N/A', '-', 'null', '#N/A',
// 'NA', empty placeholders for walk-in sales.
// =============================================================================================

export function messyCustomers(seed = 11): Sample {
	const r = rng(seed);
	const lines = ['Date,Customer,Amount'];
	const rows: SampleRow[] = [];
	const spellings = [
		'Acme Corp',
		'Acme Corp ',
		' Acme Corp',
		'ACME CORP',
		'acme corp',
		'Beta LLC',
		'Beta LLC  ',
		'Gamma\u00a0Inc',
		'Gamma Inc'
	];
	const missing = ['', 'N/A', '-', 'null', '#N/A', 'NA', '  '];
	for (let i = 0; i < 70; i++) {
		const day = addDays([2024, 5, 1], i);
		const customer = r() < 0.2 ? pick(r, missing) : pick(r, spellings);
		const amount = shortDecimal(int(r, -2000, 50000), 2);
		lines.push([`${day[0]}-${p2(day[1])}-${p2(day[2])}`, q(customer), amount].join(','));
		rows.push({ customer, amount, day });
	}
	return { bytes: utf8(lines.join('\n') + '\n'), rows };
}

// =============================================================================================
// Excel "Unicode Text (*.txt)": UTF-16 LE with BOM, tab-separated, CRLF, numbers as displayed in
// an en-US sheet ('1,234.50'), dates m/d/yyyy.
// =============================================================================================

export function excelUnicodeText(seed = 12): Sample {
	const r = rng(seed);
	const lines = ['Client\tOrder Date\tQty\tRevenue'];
	const rows: SampleRow[] = [];
	const clients = ['Nordwind AG', 'Café Lumière', 'Øresund Trading', 'Zürich Partners', 'Łódź Import'];
	for (let i = 0; i < 50; i++) {
		const day = addDays([2024, 2, 1], int(r, 0, 120));
		const customer = pick(r, clients);
		const amount = fixed(int(r, 100, 5_000_000), 2, '.', ',');
		lines.push(
			[customer, `${day[1]}/${day[2]}/${day[0]}`, String(int(r, 1, 9)), /,/.test(amount) ? `"${amount}"` : amount].join(
				'\t'
			)
		);
		rows.push({ customer, amount, day });
	}
	return { bytes: utf16le(lines.join('\r\n') + '\r\n'), rows };
}

// =============================================================================================
// Excel "CSV (разделители - запятые)" with the 'sep=;' hint line some tools write first.
// =============================================================================================

export function sepHint(seed = 13): Sample {
	const r = rng(seed);
	const lines = ['sep=;', 'Покупатель;Дата оплаты;Оплата'];
	const rows: SampleRow[] = [];
	for (let i = 0; i < 40; i++) {
		const day = addDays([2024, 3, 1], int(r, 0, 60));
		const customer = pick(r, RU_CUSTOMERS);
		const amount = fixed(int(r, 100, 3_000_000), 2, ',', ' ');
		lines.push([q(customer, ';'), `${p2(day[2])}.${p2(day[1])}.${day[0]}`, amount].join(';'));
		rows.push({ customer, amount, day });
	}
	return { bytes: cp1251(lines.join('\r\n') + '\r\n'), rows };
}

// =============================================================================================
// PayPal "Activity download": every cell quoted, 'Name' is the counterparty, 'Gross' the money
// (with Fee and Net beside it and many other '… Amount' columns), refunds negative, withdrawals
// without a name, 'Custom Number' (not a customer column), m/d/yyyy.
// =============================================================================================

const PAYPAL_HEADER = [
	'Date',
	'Time',
	'TimeZone',
	'Name',
	'Type',
	'Status',
	'Currency',
	'Gross',
	'Fee',
	'Net',
	'From Email Address',
	'To Email Address',
	'Transaction ID',
	'Shipping Address',
	'Address Status',
	'Item Title',
	'Item ID',
	'Shipping and Handling Amount',
	'Insurance Amount',
	'Sales Tax',
	'Option 1 Name',
	'Option 1 Value',
	'Reference Txn ID',
	'Invoice Number',
	'Custom Number',
	'Quantity',
	'Receipt ID',
	'Balance',
	'Contact Phone Number',
	'Subject',
	'Note',
	'Country Code',
	'Balance Impact'
];

export function paypal(seed = 15): Sample {
	const r = rng(seed);
	const at = (name: string) => PAYPAL_HEADER.indexOf(name);
	const lines = [PAYPAL_HEADER.map(qq).join(',')];
	const rows: SampleRow[] = [];
	const payers: [string, string][] = [
		['John Smith', 'john@example.com'],
		['Jane Doe', 'jane.doe@example.org'],
		['Acme Supplies LLC', 'ap@acme.example'],
		['Ren\u00e9e Dubois', 'renee@example.fr']
	];
	let balance = 0;
	for (let i = 0; i < 70; i++) {
		const day = addDays([2024, 1, 2], Math.floor(i / 2));
		const kind = r();
		const cells = new Array<string>(PAYPAL_HEADER.length).fill('');
		const money = (u: number) => fixed(u, 2, '.', ',');
		let name = '';
		let gross: number;
		if (kind < 0.08) {
			cells[at('Type')] = 'General Withdrawal';
			gross = -int(r, 10000, 200000);
		} else {
			const [payer, email] = pick(r, payers);
			name = payer;
			const refund = kind < 0.16;
			gross = (refund ? -1 : 1) * int(r, 500, 250000);
			cells[at('Type')] = refund
				? 'Payment Refund'
				: pick(r, ['Express Checkout Payment', 'General Payment', 'Website Payment']);
			cells[at('From Email Address')] = refund ? 'shop@example.com' : email;
			cells[at('To Email Address')] = refund ? email : 'shop@example.com';
			cells[at('Invoice Number')] = refund ? '' : `INV-${1000 + i}`;
			cells[at('Custom Number')] = r() < 0.5 ? `ORD${int(r, 10000, 99999)}` : '';
			cells[at('Quantity')] = refund ? '' : String(int(r, 1, 3));
			cells[at('Insurance Amount')] = '0.00';
			cells[at('Shipping and Handling Amount')] = money(int(r, 0, 1500));
		}
		const fee = gross > 0 ? -Math.round(gross * 0.029 + 30) : 0;
		balance += gross + fee;
		cells[at('Date')] = `${p2(day[1])}/${p2(day[2])}/${day[0]}`;
		cells[at('Time')] = `${p2(int(r, 0, 23))}:${p2(int(r, 0, 59))}:${p2(int(r, 0, 59))}`;
		cells[at('TimeZone')] = 'PST';
		cells[at('Name')] = name;
		cells[at('Status')] = 'Completed';
		cells[at('Currency')] = 'USD';
		cells[at('Gross')] = money(gross);
		cells[at('Fee')] = money(fee);
		cells[at('Net')] = money(gross + fee);
		cells[at('Transaction ID')] = `${int(r, 1, 9)}AB${int(r, 10000000, 99999999)}CD${int(r, 1000, 9999)}E`;
		cells[at('Sales Tax')] = '0.00';
		cells[at('Balance')] = money(balance);
		cells[at('Country Code')] = 'US';
		cells[at('Balance Impact')] = gross < 0 ? 'Debit' : 'Credit';
		lines.push(cells.map(qq).join(','));
		rows.push({ customer: name, amount: money(gross), day });
	}
	return { bytes: withBom(utf8(lines.join('\r\n') + '\r\n')), rows };
}

// =============================================================================================
// Stripe "Payments" export: 'Created (UTC)', 'Customer ID' (cus_…) empty for one-off charges,
// 'Customer Description' as the name, always-empty dispute columns ('Dispute Date (UTC)').
// =============================================================================================

export function stripe(seed = 16): Sample {
	const r = rng(seed);
	const header =
		'id,Description,Seller Message,Created (UTC),Amount,Amount Refunded,Currency,Converted Amount,Converted Amount Refunded,Fee,Tax,Converted Currency,Mode,Status,Statement Descriptor,Customer ID,Customer Description,Customer Email,Captured,Card ID,Card Last4,Card Brand,Card Funding,Card Exp Month,Card Exp Year,Card Name,Card Address Line1,Card Address City,Card Address Country,Card Address Zip,Card Fingerprint,Disputed Amount,Dispute Status,Dispute Reason,Dispute Date (UTC),Dispute Evidence Due (UTC),Invoice ID,Payment Source Type,PaymentIntent ID';
	const lines = [header];
	const rows: SampleRow[] = [];
	const customers: [string, string, string][] = [
		['cus_PQR1xYz', 'Globex Corp', 'billing@globex.example'],
		['cus_PQR2aBc', 'Initech', 'pay@initech.example'],
		['cus_PQR3dEf', 'Umbrella, Inc.', 'ap@umbrella.example'],
		['cus_PQR4gHi', '', 'solo@example.com']
	];
	let t = Date.UTC(2024, 0, 3, 9, 0, 0);
	for (let i = 0; i < 60; i++) {
		t += int(r, 1, 40) * 3600_000;
		const d = new Date(t);
		const stamp = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
		const oneOff = r() < 0.15;
		const [cid, desc, email] = oneOff ? ['', '', `buyer${i}@example.net`] : pick(r, customers);
		const amountCents = pick(r, [4900, 9900, 19900, 120000, int(r, 500, 50000)]);
		const amount = fixed(amountCents, 2, '.', ',');
		const cells = [
			`ch_3O${int(r, 100000, 999999)}`,
			q(oneOff ? 'One-off charge' : `Invoice ${1000 + i}`),
			'Payment complete.',
			stamp,
			q(amount),
			'0.00',
			'usd',
			q(amount),
			'0.00',
			fixed(Math.round(amountCents * 0.029 + 30), 2, '.', ''),
			'0.00',
			'usd',
			'Live',
			'Paid',
			'ACME*SUB',
			cid,
			q(desc),
			email,
			'true',
			`card_${i}`,
			'4242',
			'Visa',
			'credit',
			'12',
			'2027',
			'',
			'',
			'',
			'US',
			'',
			`fp${i}`,
			'',
			'',
			'',
			'',
			'',
			oneOff ? '' : `in_${i}`,
			'card',
			`pi_${i}`
		];
		lines.push(cells.join(','));
		rows.push({
			customer: cid,
			fallback: email,
			name: desc,
			amount,
			day: [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]
		});
	}
	return { bytes: utf8(lines.join('\n') + '\n'), rows };
}

// =============================================================================================
// Square "Transactions" export: '$12.50', '$1,040.00' quoted, refunds '($12.50)', walk-in sales
// without a customer, Gross Sales / Net Sales / Total Collected / Net Total side by side.
// =============================================================================================

export function square(seed = 17): Sample {
	const r = rng(seed);
	const header =
		'Date,Time,Time Zone,Gross Sales,Discounts,Service Charges,Net Sales,Gift Card Sales,Tax,Tip,Partial Refunds,Total Collected,Source,Card,Card Entry Methods,Cash,Square Gift Card,Other Tender,Other Tender Type,Other Tender Note,Fees,Net Total,Transaction ID,Payment ID,Card Brand,PAN Suffix,Device Name,Staff Name,Staff ID,Details,Description,Event Type,Location,Dining Option,Customer ID,Customer Name,Customer Reference ID,Device Nickname';
	const lines = [header];
	const rows: SampleRow[] = [];
	const customers: [string, string][] = [
		['JW8F2Q0X1C4', 'Globex Catering'],
		['ZP3K9M2D7B1', 'Initech'],
		['HX5R1T8N4V6', 'Sof\u00eda Ram\u00edrez']
	];
	const money = (u: number) => {
		const s = '$' + fixed(Math.abs(u), 2, '.', ',');
		return q(u < 0 ? `(${s})` : s);
	};
	for (let i = 0; i < 80; i++) {
		const day = addDays([2024, 1, 15], Math.floor(i / 3));
		const refund = r() < 0.08;
		const known = r() < 0.5;
		const [cid, cname] = known ? pick(r, customers) : ['', ''];
		const gross = (refund ? -1 : 1) * int(r, 300, 150000);
		const discount = refund ? 0 : -Math.round(gross * pick(r, [0, 0, 0.1]));
		const net = gross + discount;
		const tax = Math.round(net * 0.08);
		const cells = [
			`${day[0]}-${p2(day[1])}-${p2(day[2])}`,
			`${p2(int(r, 7, 20))}:${p2(int(r, 0, 59))}:${p2(int(r, 0, 59))}`,
			'Eastern Time (US & Canada)',
			money(gross),
			money(discount),
			'$0.00',
			money(net),
			'$0.00',
			money(tax),
			'$0.00',
			'$0.00',
			money(net + tax),
			'Square Point of Sale',
			money(net + tax),
			'Tapped',
			'$0.00',
			'$0.00',
			'$0.00',
			'',
			'',
			money(-Math.round(Math.abs(net) * 0.026)),
			money(net + tax),
			`tx${i}`,
			`pay${i}`,
			'Visa',
			'1234',
			'Front Counter',
			pick(r, ['Ann', 'Bob']),
			'S1',
			'https://squareup.example/d',
			q('Latte, Muffin'),
			refund ? 'Refund' : 'Payment',
			'Main St',
			'',
			cid,
			cname,
			'',
			''
		];
		lines.push(cells.join(','));
		rows.push({ customer: cid, name: cname, amount: money(net).replace(/"/g, ''), day });
	}
	return { bytes: utf8(lines.join('\n') + '\n'), rows };
}

// =============================================================================================
// A Brazilian ERP export in Windows-1252: ';', decimal comma with '.' groups, dd/mm/yyyy, and
// names where accented letters sit side by side ('Distribuição', 'Soluções').
// =============================================================================================

export function brazil(seed = 18): Sample {
	const r = rng(seed);
	const lines = ['Cliente;Data;Nota Fiscal;Valor Total'];
	const rows: SampleRow[] = [];
	const names = [
		'Comércio e Distribuição Ltda',
		'Soluções em Informação S.A.',
		'Ação Social São João',
		'Padaria Pão de Açúcar',
		'Construções Irmãos Gonçalves'
	];
	for (let i = 0; i < 50; i++) {
		const day = addDays([2024, 2, 1], int(r, 0, 60));
		const customer = pick(r, names);
		const amount = fixed(int(r, 100, 5_000_000), 2, ',', '.');
		lines.push([customer, `${p2(day[2])}/${p2(day[1])}/${day[0]}`, `NF-${10000 + i}`, amount].join(';'));
		rows.push({ customer, amount, day });
	}
	return { bytes: cp1252(lines.join('\r\n') + '\r\n'), rows };
}

// =============================================================================================
// A sheet after Excel's Data → Subtotal: 'Acme Corp Total' after each customer's rows and
// 'Grand Total' at the end (Russian Excel: 'ООО "Ромашка" Итог', 'Общий итог').
// =============================================================================================

export function excelSubtotals(seed = 19, russian = false): Sample {
	const r = rng(seed);
	const names = russian
		? ['ИП Петров А.В.', 'ООО "Ромашка"', 'ООО Total Trade']
		: ['Acme Corp', 'Globex', 'Total Wine & More'];
	const [sub, grand] = russian ? ['Итог', 'Общий итог'] : ['Total', 'Grand Total'];
	const d = russian ? ';' : ',';
	const lines = [russian ? 'Клиент;Дата;Сумма' : 'Customer,Date,Amount'];
	const rows: SampleRow[] = [];
	let all = 0;
	let totalsLines = 0;
	for (const name of names) {
		let group = 0;
		for (let k = int(r, 3, 8); k > 0; k--) {
			const day = addDays([2024, 1, 1], int(r, 0, 90));
			const units = int(r, 100, 900000);
			group += units;
			const amount = russian ? fixed(units, 2, ',', '') : fixed(units, 2, '.', '');
			const date = russian ? `${p2(day[2])}.${p2(day[1])}.${day[0]}` : `${day[0]}-${p2(day[1])}-${p2(day[2])}`;
			lines.push([q(name, d), date, amount].join(d));
			rows.push({ customer: name, amount, day });
		}
		all += group;
		lines.push([q(`${name} ${sub}`, d), '', russian ? fixed(group, 2, ',', '') : fixed(group, 2, '.', '')].join(d));
		totalsLines++;
	}
	lines.push([grand, '', russian ? fixed(all, 2, ',', '') : fixed(all, 2, '.', '')].join(d));
	totalsLines++;
	const text = lines.join('\r\n') + '\r\n';
	return { bytes: russian ? cp1251(text) : utf8(text), rows, totalsLines };
}

// =============================================================================================
// A CSV written by Python's csv module on Windows without newline='': every record ends '\r\r\n'
// and a line break inside a quoted cell becomes '\r\n'; the last field is often quoted.
// =============================================================================================

export function pythonOnWindows(seed = 21): Sample {
	const r = rng(seed);
	const lines = ['order_id,customer,order_date,amount,comment'];
	const rows: SampleRow[] = [];
	for (let i = 0; i < 50; i++) {
		const day = addDays([2023, 10, 1], int(r, 0, 120));
		const customer = pick(r, ['Northwind Traders', 'Contoso, Ltd.', 'Fabrikam', 'Tailspin Toys']);
		const amount = shortDecimal(int(r, 100, 900000), 2);
		// the last record ends with a quoted field
		const comment =
			i === 49 ? 'last, one' : pick(r, ['', 'repeat order', 'gift, wrapped', 'call first\r\nback door', 'ok']);
		lines.push([String(7000 + i), q(customer), `${day[0]}-${p2(day[1])}-${p2(day[2])}`, amount, q(comment)].join(','));
		rows.push({ customer, amount, day });
	}
	return { bytes: utf8(lines.join('\r\r\n') + '\r\r\n'), rows };
}

// =============================================================================================
// WooCommerce "Customer/Order CSV Export", one row per line item: the order's columns
// (order_total, shipping, tax) repeat on every item row, the row's own money is item_total.
// =============================================================================================

export function wooLineItems(seed = 22): Sample {
	const r = rng(seed);
	const header =
		'order_id,order_number,order_date,status,shipping_total,shipping_tax_total,fee_total,tax_total,discount_total,order_total,refunded_total,order_currency,payment_method,billing_first_name,billing_last_name,billing_company,billing_email,billing_phone,item_id,item_name,item_sku,item_quantity,item_subtotal,item_subtotal_tax,item_total,item_total_tax,item_refunded';
	const lines = [header];
	const rows: SampleRow[] = [];
	const buyers: [string, string, string][] = [
		['Anna', 'Schmidt', 'anna@schmidt.example'],
		['Peter', 'Jones', 'pjones@example.com'],
		['Luc\u00eda', 'Fern\u00e1ndez', 'lucia@fh.example']
	];
	let item = 900;
	for (let o = 0; rows.length < 90; o++) {
		const [first, last, email] = pick(r, buyers);
		const day = addDays([2024, 3, 1], o);
		const stamp = `${day[0]}-${p2(day[1])}-${p2(day[2])} ${p2(int(r, 8, 22))}:${p2(int(r, 0, 59))}:00`;
		const n = int(r, 1, 4);
		const items = Array.from({ length: n }, () => {
			const qty = int(r, 1, 3);
			const subtotal = qty * int(r, 500, 9000);
			return { qty, subtotal, total: subtotal - (r() < 0.3 ? Math.round(subtotal * 0.1) : 0) };
		});
		const shipping = 495;
		const tax = Math.round(items.reduce((s, x) => s + x.total, 0) * 0.19);
		const orderTotal = items.reduce((s, x) => s + x.total, 0) + shipping + tax;
		for (const it of items) {
			const m = (u: number) => fixed(u, 2, '.', '');
			lines.push(
				[
					String(3000 + o),
					String(3000 + o),
					stamp,
					'completed',
					m(shipping),
					'0.00',
					'0.00',
					m(tax),
					m(items.reduce((s, x) => s + x.subtotal - x.total, 0)),
					m(orderTotal),
					'0.00',
					'EUR',
					'stripe',
					first,
					last,
					'',
					email,
					`+49 30 ${int(r, 1000000, 9999999)}`,
					String(item++),
					q(pick(r, ['Mug, large', 'Tea "Earl Grey"', 'Teapot'])),
					`SKU-${int(r, 10, 99)}`,
					String(it.qty),
					m(it.subtotal),
					m(Math.round(it.subtotal * 0.19)),
					m(it.total),
					m(Math.round(it.total * 0.19)),
					'0.00'
				].join(',')
			);
			rows.push({ customer: email, amount: m(it.total), day });
		}
	}
	return { bytes: utf8(lines.join('\n') + '\n'), rows };
}
