/**
 * The real-world export layouts of tests/fixtures/real-world/ (EXPECTED.md there), imported as a
 * new user does: the suggested mapping accepted, no change in the mapper. Each test pins the
 * analyst's answer (value, class, key customer) and the decisions the import report lists.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles, prepareBytes, type FileToImport } from '../../src/lib/ingest/pipeline';
import { aggregate } from '../../src/lib/engine/aggregate';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import type { ClassifySettings } from '../../src/lib/engine/types';
import type { ImportReport } from '../../src/lib/ingest/build';
import { ROLES, type Role } from '../../src/lib/ingest/types';

const dir = join(process.cwd(), 'tests', 'fixtures', 'real-world');
const settings: ClassifySettings = {
	metric: 'revenue',
	returns: 'net',
	classes: [...PRESETS.abc],
	keyShare: 0.1,
	monoShare: 0.5
};

async function load(...names: string[]) {
	const prepared: FileToImport[] = [];
	for (const n of names) prepared.push(await prepareBytes(new Uint8Array(readFileSync(join(dir, n))), n));
	const { columns, report } = await importFiles(prepared, { cancelled: () => false });
	const answer = (s: ClassifySettings = settings) => {
		const res = classify(aggregate(columns, s), columns.customerKeys, s);
		return Array.from(res.rankOrder).map((c, r) => ({
			name: columns.customerNames[c],
			value: res.value[r],
			cls: s.classes[res.classIndex[r]].name,
			key: res.isKeyCustomer[r] === 1
		}));
	};
	return { prepared: prepared[0], files: prepared, columns, report, answer };
}

/** 'name value class[*]' per customer in rank order: compact and readable in a failure. */
function lines(rows: { name: string; value: number; cls: string; key: boolean }[]): string[] {
	return rows.map((r) => `${r.name} ${r.value} ${r.cls}${r.key ? '*' : ''}`);
}

function mapped(p: FileToImport): Partial<Record<Role, string>> {
	const out: Partial<Record<Role, string>> = {};
	for (const role of ROLES) if (p.plan.mapping[role] >= 0) out[role] = p.plan.header[p.plan.mapping[role]];
	return out;
}

const decision = (report: ImportReport, kind: string, value?: string) =>
	report.decisions?.find((d) => d.kind === kind && (value === undefined || d.value === value));

describe('real-world export layouts, suggested mapping accepted', () => {
	it('refund column: Total − Refunded Amount; the fully refunded customer is listed with 0, lowest class, not key', async () => {
		const { prepared, report, answer } = await load('refund-column.csv');
		expect(mapped(prepared)).toMatchObject({ customerKey: 'Email', amount: 'Total' });
		expect(prepared.plan.meaning?.refund).toBe(5);
		expect(lines(answer())).toEqual(['ann@example.com 100 A*', 'cat@example.com 50 A*', 'bob@example.com 0 C']);
		expect(decision(report, 'refund')).toMatchObject({ rows: 1, amount: 300 });
		expect(report.rowsImported).toBe(3);
		// under "ignore returns" the refund is ignored as every return is
		expect(lines(answer({ ...settings, returns: 'ignore' }))[0]).toBe('bob@example.com 300 A*');
	});

	it('German payment activity: Brutto is the amount, never the running balance Guthaben', async () => {
		const { prepared, answer } = await load('balance-column-de.csv');
		expect(mapped(prepared)).toMatchObject({ customerKey: 'Name', amount: 'Brutto', date: 'Datum' });
		expect(lines(answer())).toEqual(['Anna Beispiel 120 A*', 'Bernd Muster 40 A*']);
	});

	it('order total repeated on item rows: the line totals, customer = Email (Billing) named from first and last name', async () => {
		const { prepared, report, answer } = await load('order-total-repeated-on-items.csv');
		expect(mapped(prepared)).toMatchObject({
			customerKey: 'Email (Billing)',
			amount: 'Order Line Total',
			orderId: 'Order Number'
		});
		expect(prepared.plan.meaning?.orderTotal).toEqual({ mode: 'line', totalColumn: 9 });
		expect(prepared.plan.meaning?.nameParts).toEqual([3, 4]);
		expect(lines(answer())).toEqual(['Ann Oak 75 A*', 'Ben Pine 25 A*']);
		expect(report.rowsImported).toBe(3);
	});

	it('sales by customer detail: the heading rows name the customer of the rows below; totals rows skipped and counted', async () => {
		const { prepared, report, answer } = await load('customer-on-group-rows.csv');
		expect(prepared.plan.meaning?.fillDown).toBe(true);
		expect(prepared.plan.mapping.customerKey).toBe(0);
		expect(lines(answer())).toEqual(['Anchor Marine 430 A*', 'Birch Bistro 100 B*']);
		expect(report.rowsImported).toBe(3);
		expect(report.skipped.find((s) => s.reason === 'total-row')?.count).toBe(3);
		expect(decision(report, 'heading-row')?.rows).toBe(2);
		expect(decision(report, 'filled-down')?.rows).toBe(3);
	});

	it('CRM deals with Бюджет and Этап сделки: only won deals; the lost tender excluded and reported', async () => {
		const { prepared, report, answer } = await load('deals-budget-stage-ru.csv');
		expect(mapped(prepared)).toMatchObject({ customerKey: 'Компания', amount: 'Бюджет' });
		expect(prepared.plan.meaning?.status?.context).toBe('stage');
		expect(lines(answer())).toEqual(['ООО «Альфа» 450000 A*', 'ООО «Бета» 120000 A*']);
		expect(decision(report, 'status-excluded', 'Закрыто и не реализовано')).toMatchObject({ rows: 1, amount: 2500000 });
	});

	it('card payments: failed charges excluded, settlement amounts, refunds netted, never dollars plus euros', async () => {
		const { prepared, report, answer } = await load('payments-status-currency.csv');
		expect(mapped(prepared)).toMatchObject({ customerKey: 'Customer ID', amount: 'Converted Amount' });
		expect(prepared.plan.meaning?.currency).toMatchObject({ converted: 'USD', keep: null });
		expect(prepared.plan.header[prepared.plan.meaning!.refund!]).toBe('Converted Amount Refunded');
		expect(lines(answer())).toEqual(['cus_K1 110 A*', 'cus_K2 60 A*', 'cus_K4 54 A*', 'cus_K3 0 C']);
		expect(decision(report, 'status-excluded', 'Failed')).toMatchObject({ rows: 1, amount: 900 });
		expect(decision(report, 'refund')).toMatchObject({ rows: 2, amount: 110 });
	});

	it('a returns list dropped with the sales: recognised by its title and subtracted', async () => {
		const { files, report, answer } = await load('returns-sales-1c.csv', 'returns-returns-1c.csv');
		expect(files[0].plan.meaning?.returnsFile).toBeFalsy();
		expect(files[1].plan.meaning).toMatchObject({ returnsFile: true, returnsReason: 'title' });
		expect(lines(answer())).toEqual(['ООО "Кедр" 94000 A*', 'ИП Соколова 12500 B*', 'АО "Берёза" 0 C']);
		expect(decision(report, 'returns-file')).toMatchObject({ file: 'returns-returns-1c.csv', rows: 2, amount: 46000 });
	});

	it('day-first invoices whose dates are all ≤ 12: the due date 17/04/2025 decides', async () => {
		const { prepared, columns, answer } = await load('day-first-short.csv');
		expect(prepared.plan.dateOrder).toBe('dmy');
		expect(prepared.plan.meaning?.dateOrderFrom).toEqual({ column: 3, example: '17/04/2025' });
		const harbour = columns.customerKeys.indexOf('Harbour Cafe');
		const days = Array.from(columns.date!).filter((_, i) => columns.customer[i] === harbour);
		const iso = (d: number) => new Date(d * 86400000).toISOString().slice(0, 10);
		expect(days.map(iso)).toEqual(['2025-04-03', '2025-05-02']);
		expect(lines(answer())).toEqual(['Kiwi Print 300 A*', 'Harbour Cafe 200 A*', 'Totara Build 45 B']);
	});

	it('unnamed customer column and unnamed amount column', async () => {
		expect(lines((await load('unnamed-key-column.csv')).answer())).toEqual([
			'Beta 20 A*',
			'Alpha 15 A*',
			'Gamma 7.5 B*'
		]);
		expect(lines((await load('unnamed-amount-column.csv')).answer())).toEqual([
			'Beta 20.25 A*',
			'Alpha 16.25 A*',
			'Gamma 7.5 B*'
		]);
	});

	it('a data-frame row index: the first line is the header, 4 of 4 rows imported, the index column ignored', async () => {
		for (const [file, beta, gamma] of [
			['unnamed-index-column-pandas.csv', 20, 7.5],
			['unnamed-index-column-r.csv', 20.5, 7.25]
		] as const) {
			const { prepared, report, answer } = await load(file);
			expect(prepared.plan.headerRow).toBe(0);
			expect(prepared.plan.meaning?.indexColumn).toBe(0);
			expect(report.rowsRead).toBe(4);
			expect(report.rowsImported).toBe(4);
			expect(lines(answer())).toEqual([`Beta ${beta} A*`, 'Alpha 15 A*', `Gamma ${gamma} B*`]);
		}
	});

	it('scientific-notation customer ids: imported, with a warning in the mapping step and the report', async () => {
		const { prepared, report } = await load('scientific-notation-keys.csv');
		expect(prepared.plan.meaning?.scientificKeys).toEqual({ example: '4.00123E+11' });
		expect(report.warnings.find((w) => w.reason === 'scientific-key')?.count).toBe(9);
	});

	it('a marketplace item-price that is the line total: used as it stands, never × quantity', async () => {
		const { prepared, answer } = await load('line-total-named-price.csv');
		expect(prepared.plan.meaning?.priceIsLineTotal).toBe(true);
		expect(prepared.plan.amountSource).toBe('column');
		expect(mapped(prepared)).toMatchObject({ amount: 'item-price', quantity: 'quantity-purchased' });
		expect(lines(answer())).toEqual(['Anna Müller 52.3 A*', 'Bruno Café 50 A*', 'Chloé Dupont 19.9 B*']);
	});

	it('credit notes with positive amounts subtracted; draft and cancelled invoices are not sales', async () => {
		const { report, answer } = await load('credit-notes-in-one-file.csv');
		expect(lines(answer())).toEqual(['Lakeside Hotel 1800 A*', 'Pier Books 300 B*', 'Maple Foods 0 C']);
		expect(decision(report, 'type-return', 'Credit Note')).toMatchObject({ rows: 1, amount: 800 });
		expect(decision(report, 'status-excluded', 'Draft')).toMatchObject({ rows: 1, amount: 5000 });
		expect(decision(report, 'status-excluded', 'Cancelled')).toMatchObject({ rows: 1, amount: 900 });
	});

	it('numbers with a leading apostrophe, negatives included: no row rejected', async () => {
		const { report, answer } = await load('apostrophe-numbers.csv');
		expect(report.skipped).toEqual([]);
		expect(lines(answer())).toEqual(['Rowan Ltd 1200 A*', 'Sable Co 700 A*']);
	});

	it('deal with a person: the contact is the customer when the company is empty; the lost tender excluded', async () => {
		const { prepared, report, answer } = await load('contact-when-no-company-ru.csv');
		expect(mapped(prepared)).toMatchObject({ customerKey: 'Компания', amount: 'Сумма' });
		expect(prepared.plan.header[prepared.plan.meaning!.customerFallback!]).toBe('Контакт');
		expect(lines(answer())).toEqual(['ООО «Север» 260000 A*', 'Олег Рябов 90000 A*']);
		expect(decision(report, 'customer-fallback')?.rows).toBe(1);
		expect(decision(report, 'status-excluded', 'Сделка провалена')?.rows).toBe(1);
	});
});
