import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { daysFromCivil } from '../../src/lib/core/calendar';
import { sniffFile } from '../../src/lib/ingest/file-sniff';
import { SAMPLE_SEED, SAMPLE_TODAY, sampleSalesCsv, type SampleLanguage } from '../../src/lib/core/sample-sales';

const TODAY = daysFromCivil(SAMPLE_TODAY.year, SAMPLE_TODAY.month, SAMPLE_TODAY.day);

interface Row {
	order: string;
	date: string;
	day: number;
	key: string;
	name: string;
	manager: string;
	qty: number;
	/** money in minor units (cents, kopecks, bani) */
	price: number;
	sales: number;
	profit: number;
}

const FORMAT = {
	en: {
		delimiter: ',',
		bom: false,
		date: /^(\d{4})-(\d{2})-(\d{2})$/,
		money: /^-?\d+\.\d{2}$/,
		headers: [
			'Order ID',
			'Order Date',
			'Customer ID',
			'Customer',
			'Manager',
			'Quantity',
			'Unit Price',
			'Sales',
			'Profit'
		]
	},
	ru: {
		delimiter: ';',
		bom: true,
		date: /^(\d{2})\.(\d{2})\.(\d{4})$/,
		money: /^-?\d+,\d{2}$/,
		headers: ['Номер заказа', 'Дата', 'Код клиента', 'Клиент', 'Менеджер', 'Количество', 'Цена', 'Сумма', 'Прибыль']
	},
	ro: {
		delimiter: ';',
		bom: true,
		date: /^(\d{2})\.(\d{2})\.(\d{4})$/,
		money: /^-?\d+,\d{2}$/,
		headers: ['Nr. comandă', 'Data', 'Cod client', 'Client', 'Manager', 'Cantitate', 'Preț unitar', 'Vânzări', 'Profit']
	}
} as const;

// cells are checked without an `expect` each: 70 000 of them would take seconds
function dayOf(language: SampleLanguage, text: string, bad: string[]): number {
	const m = FORMAT[language].date.exec(text);
	const [a, b, c] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
	const [year, month, day] = language === 'en' ? [a, b, c] : [c, b, a];
	if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) bad.push(`date ${text}`);
	return daysFromCivil(year, month, day);
}

function cents(language: SampleLanguage, text: string, bad: string[]): number {
	if (!FORMAT[language].money.test(text)) bad.push(`money ${text}`);
	return Math.round(Number(text.replace(',', '.')) * 100);
}

const parsed = new Map<string, { fileName: string; text: string; headers: string[]; rows: Row[] }>();

/** the sample parsed back with PapaParse in its language's dialect (memoised: each takes a few hundred ms) */
function sample(language: SampleLanguage, seed = SAMPLE_SEED) {
	const id = `${language}/${seed}`;
	const done = parsed.get(id);
	if (done) return done;
	const { fileName, text } = sampleSalesCsv({ language, seed });
	const f = FORMAT[language];
	expect(text.startsWith('\uFEFF')).toBe(f.bom);
	const r = Papa.parse<string[]>(f.bom ? text.slice(1) : text, {
		delimiter: f.delimiter,
		newline: '\r\n',
		skipEmptyLines: true
	});
	expect(r.errors).toEqual([]);
	const [headers, ...cells] = r.data;
	const bad: string[] = [];
	const rows = cells.map((c): Row => {
		if (c.length !== 9) bad.push(`length ${c.join('|')}`);
		if (!/^-?[1-9]\d*$/.test(c[5])) bad.push(`quantity ${c[5]}`);
		return {
			order: c[0],
			date: c[1],
			day: dayOf(language, c[1], bad),
			key: c[2],
			name: c[3],
			manager: c[4],
			qty: Number(c[5]),
			price: cents(language, c[6], bad),
			sales: cents(language, c[7], bad),
			profit: cents(language, c[8], bad)
		};
	});
	expect(bad.slice(0, 5)).toEqual([]);
	const result = { fileName, text, headers, rows };
	parsed.set(id, result);
	return result;
}

/** net sales per customer key, descending */
function totals(rows: Row[]): [string, number][] {
	const byKey = new Map<string, number>();
	for (const r of rows) byKey.set(r.key, (byKey.get(r.key) ?? 0) + r.sales);
	return [...byKey].sort((a, b) => b[1] - a[1]);
}

/** first and last purchase (rows that are not returns) per customer key */
function purchaseDays(rows: Row[]): Map<string, { first: number; last: number }> {
	const days = new Map<string, { first: number; last: number }>();
	for (const r of rows) {
		if (r.qty < 0) continue;
		const d = days.get(r.key);
		if (!d) days.set(r.key, { first: r.day, last: r.day });
		else days.set(r.key, { first: Math.min(d.first, r.day), last: Math.max(d.last, r.day) });
	}
	return days;
}

describe('sample sales CSV', () => {
	it('is deterministic: the same options give the same text, another seed another text', () => {
		const a = sampleSalesCsv({ language: 'en', seed: 7 });
		expect(sampleSalesCsv({ language: 'en', seed: 7 })).toEqual(a);
		expect(sampleSalesCsv({ language: 'en', seed: 8 }).text).not.toBe(a.text);
		expect(sampleSalesCsv({ language: 'en', seed: SAMPLE_SEED, today: { ...SAMPLE_TODAY } }).text).toBe(
			sample('en').text
		);
	});

	it.each(['en', 'ru', 'ro'] as const)('%s: headers, dialect, dates and decimals of a real export', (language) => {
		const s = sample(language);
		expect(s.fileName).toBe(
			{ en: 'sample-sales-en.csv', ru: 'пример-продаж.csv', ro: 'exemplu-vanzari.csv' }[language]
		);
		expect(s.headers).toEqual([...FORMAT[language].headers]);
		expect(s.text.endsWith('\r\n')).toBe(true);
		// every Sales is Quantity × Unit Price exactly; numbers have no thousands separators
		expect(s.rows.filter((r) => r.sales !== r.qty * r.price)).toEqual([]);
		// two years of dates, sorted, from the 1st of the month 23 months back to today
		const days = s.rows.map((r) => r.day);
		expect(days).toEqual([...days].sort((a, b) => a - b));
		expect(days[0]).toBe(daysFromCivil(2024, 1, 1));
		expect(days[days.length - 1]).toBe(TODAY);
		expect(s.rows[s.rows.length - 1].date).toBe(language === 'en' ? '2025-12-30' : '30.12.2025');
	});

	it('the three languages tell the same story in their own currency', () => {
		const [en, ru, ro] = (['en', 'ru', 'ro'] as const).map((l) => sample(l).rows);
		expect(ru.map((r) => r.qty)).toEqual(en.map((r) => r.qty));
		expect(ro.map((r) => r.day)).toEqual(en.map((r) => r.day));
		const sum = (rows: Row[]) => rows.reduce((s, r) => s + r.sales, 0);
		expect(sum(ru) / sum(en)).toBeCloseTo(90, 1);
		expect(sum(ro) / sum(en)).toBeCloseTo(4.6, 2);
	});

	it.each([SAMPLE_SEED, 1, 2])('seed %i: rows, customers and revenue concentration in range', (seed) => {
		const { rows } = sample('en', seed);
		expect(rows.length).toBeGreaterThanOrEqual(6000);
		expect(rows.length).toBeLessThanOrEqual(9000);
		const t = totals(rows);
		expect(t.length).toBeGreaterThanOrEqual(150);
		expect(t.length).toBeLessThanOrEqual(250);
		const net = t.reduce((s, [, v]) => s + v, 0);
		let count = 0;
		for (let cum = 0; cum < 0.8 * net; count++) cum += t[count][1];
		expect(count / t.length).toBeGreaterThanOrEqual(0.1);
		expect(count / t.length).toBeLessThanOrEqual(0.3);
		expect(t[0][1] / net).toBeGreaterThanOrEqual(0.25);
		expect(t[0][1] / net).toBeLessThanOrEqual(0.35);
	});

	it('has about 2–3 % returns: negative quantity, sales and profit, under their own numbers', () => {
		const { rows } = sample('en');
		const returns = rows.filter((r) => r.qty < 0);
		expect(returns.length / rows.length).toBeGreaterThan(0.015);
		expect(returns.length / rows.length).toBeLessThan(0.035);
		expect(returns.filter((r) => !(r.sales < 0 && r.profit < 0 && /^RMA-\d+$/.test(r.order)))).toEqual([]);
		expect(rows.filter((r) => r.qty > 0 && !/^SO-\d+$/.test(r.order))).toEqual([]);
	});

	it('some large customers have a margin far below the company, one makes a loss', () => {
		const { rows } = sample('en');
		const sales = new Map<string, number>();
		const profit = new Map<string, number>();
		for (const r of rows) {
			sales.set(r.key, (sales.get(r.key) ?? 0) + r.sales);
			profit.set(r.key, (profit.get(r.key) ?? 0) + r.profit);
		}
		const company = rows.reduce((s, r) => s + r.profit, 0) / rows.reduce((s, r) => s + r.sales, 0);
		expect(company).toBeGreaterThan(0.15);
		expect(company).toBeLessThan(0.3);
		const top = totals(rows).slice(0, 20);
		const squeezed = top.filter(([key, v]) => profit.get(key)! / v < company - 0.1);
		expect(squeezed.length).toBeGreaterThanOrEqual(2);
		expect([...profit.values()].some((p) => p < 0)).toBe(true);
	});

	it.each(['en', 'ru', 'ro'] as const)(
		'%s: one unique name per customer, in the script of the language',
		(language) => {
			const { rows } = sample(language);
			const nameOf = new Map<string, string>();
			const renamed: string[] = [];
			for (const r of rows) {
				if ((nameOf.get(r.key) ?? r.name) !== r.name) renamed.push(r.key);
				nameOf.set(r.key, r.name);
			}
			expect(renamed).toEqual([]);
			const names = [...nameOf.values()];
			expect(new Set(names).size).toBe(names.length);
			const script = {
				en: /^[A-Za-z][A-Za-z .,&]*$/,
				ru: /^[А-ЯЁа-яё][А-ЯЁа-яё «».]*$/,
				ro: /^[A-Za-zĂÂÎȘȚăâîșț][A-Za-zĂÂÎȘȚăâîșț .&]*$/
			}[language];
			expect(names.filter((n) => !script.test(n))).toEqual([]);
			if (language === 'ru') {
				expect(names.some((n) => /^ООО «[^«»]+»$/.test(n))).toBe(true);
				expect(names.some((n) => /^ИП [А-ЯЁ][а-яё]+ [А-ЯЁ]\. [А-ЯЁ]\.$/.test(n))).toBe(true);
			}
			if (language === 'ro') expect(names.some((n) => /[ăâîșț]/i.test(n))).toBe(true);
			const managers = new Set(rows.map((r) => r.manager));
			expect(managers.size).toBeGreaterThanOrEqual(4);
			expect(managers.size).toBeLessThanOrEqual(6);
		}
	);

	it('has lost customers and new ones', () => {
		const days = purchaseDays(sample('en').rows);
		const sixMonthsAgo = daysFromCivil(2025, 6, 30);
		const threeMonthsAgo = daysFromCivil(2025, 9, 30);
		const lost = [...days.values()].filter((d) => d.last < sixMonthsAgo);
		const fresh = [...days.values()].filter((d) => d.first >= threeMonthsAgo);
		expect(lost.length).toBeGreaterThanOrEqual(3);
		expect(fresh.length).toBeGreaterThanOrEqual(3);
		// new in the latest complete quarter too (the Movement tab's default: Q3 against Q2)
		expect([...days.values()].some((d) => d.first >= daysFromCivil(2025, 7, 1) && d.first < threeMonthsAgo)).toBe(true);
	});

	it('has steady, seasonal and erratic customers (X, Y and Z by monthly variation)', () => {
		const { rows } = sample('en');
		// net sales per calendar month, Jan 2024 … Dec 2025, a month without purchases is 0
		const months = new Map<string, number[]>();
		for (const r of rows) {
			const [y, m] = r.date.split('-').map(Number);
			const values = months.get(r.key) ?? new Array<number>(24).fill(0);
			values[(y - 2024) * 12 + m - 1] += r.sales;
			months.set(r.key, values);
		}
		const counts = { X: 0, Y: 0, Z: 0 };
		for (const values of months.values()) {
			const mean = values.reduce((s, v) => s + v, 0) / values.length;
			const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
			const cv = mean > 0 ? sd / mean : Infinity;
			counts[cv <= 0.1 ? 'X' : cv <= 0.25 ? 'Y' : 'Z']++;
		}
		expect(counts.X).toBeGreaterThanOrEqual(10);
		expect(counts.Y).toBeGreaterThanOrEqual(10);
		expect(counts.Z).toBeGreaterThanOrEqual(10);
	});

	it.each(['en', 'ru'] as const)('%s: the importer maps every column by its header', async (language) => {
		const { fileName, text } = sample(language);
		const sniff = await sniffFile(new Blob([text]), fileName);
		expect(sniff.delimiter).toBe(FORMAT[language].delimiter);
		expect(sniff.auto.mapping).toMatchObject({
			orderId: 0,
			date: 1,
			customerKey: 2,
			customerName: 3,
			manager: 4,
			quantity: 5,
			unitPrice: 6,
			amount: 7,
			profit: 8
		});
	});

	it('ends on the date the caller passes', () => {
		const { text } = sampleSalesCsv({ language: 'en', today: { year: 2026, month: 3, day: 2 } });
		const dates = text
			.split('\r\n')
			.slice(1, -1)
			.map((line) => line.split(',')[1]);
		expect(dates[0]).toBe('2024-04-01');
		expect(dates[dates.length - 1]).toBe('2026-03-02');
	});
});
