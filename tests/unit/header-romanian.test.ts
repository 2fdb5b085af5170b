/** Romanian export headers (SAGA, SmartBill, WinMentor, eMAG / WooCommerce in Romanian), with and without diacritics. */
import { describe, expect, it } from 'vitest';
import { autoMap, type ColumnProfile, type ProfileHints } from '../../src/lib/ingest/mapping';
import { scoreHeader } from '../../src/lib/ingest/header-scores';
import { prepareBytes, sniffFile } from '../../src/lib/ingest/pipeline';
import { ROLES, type Role } from '../../src/lib/ingest/types';
import { sampleSalesCsv } from '../../src/lib/core/sample-sales';

const hints: ProfileHints = {
	isNumber: (c) => /^[-+(]?[\d\s.,'$€₽]+\)?$/.test(c.trim()) && /\d/.test(c),
	isDate: (c) => /^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})$/.test(c.trim())
};

function map(headerLine: string, rows: readonly string[]): Record<Role, string | null> {
	const headers = headerLine.split(';');
	const cells = rows.map((r) => r.split(';'));
	for (const r of cells) expect(r.length).toBe(headers.length);
	const cols: ColumnProfile[] = headers.map((header, i) => ({ header, samples: cells.map((r) => r[i]) }));
	const { mapping } = autoMap(cols, hints);
	const out = {} as Record<Role, string | null>;
	for (const role of ROLES) out[role] = mapping[role] === -1 ? null : headers[mapping[role]];
	// the customer-type roles (issue 16) are listed only when mapped
	for (const role of ['discount', 'listPrice'] as const) if (out[role] === null) delete out[role];
	return out;
}

/** the role a header scores highest for (null when it scores 0 for every role) */
function bestRole(header: string): Role | null {
	const { scores } = scoreHeader(header);
	let best: Role | null = null;
	for (const role of ROLES) if (scores[role] > 0 && (best === null || scores[role] > scores[best])) best = role;
	return best;
}

/** comma-below ș ț → cedilla ş ţ (older Windows-1250 / ISO-8859-2 exports), and → no diacritics at all */
const cedilla = (h: string) => h.replace(/ș/g, 'ş').replace(/ț/g, 'ţ').replace(/Ș/g, 'Ş').replace(/Ț/g, 'Ţ');
const plain = (h: string) =>
	h
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.normalize('NFC');

const SINGLE: [string, Role][] = [
	['Nr. comandă', 'orderId'],
	['Număr comandă', 'orderId'],
	['Nr. factură', 'orderId'],
	['Număr factură', 'orderId'],
	['Nr. document', 'orderId'],
	['ID comandă', 'orderId'],
	['Nr comenzii', 'orderId'],
	['Data', 'date'],
	['Data comenzii', 'date'],
	['Data facturii', 'date'],
	['Dată', 'date'],
	['Cod client', 'customerKey'],
	['ID client', 'customerKey'],
	['CUI client', 'customerKey'],
	['Cod fiscal', 'customerKey'],
	['Cod partener', 'customerKey'],
	['Nume client', 'customerName'],
	['Denumire client', 'customerName'],
	['Denumire partener', 'customerName'],
	['Manager', 'manager'],
	['Agent', 'manager'],
	['Agent vânzări', 'manager'],
	['Reprezentant vânzări', 'manager'],
	['Cantitate', 'quantity'],
	['Cant.', 'quantity'],
	['Buc.', 'quantity'],
	['Bucăți', 'quantity'],
	['Preț unitar', 'unitPrice'],
	['Preț', 'unitPrice'],
	['PU', 'unitPrice'],
	['Preț fără TVA', 'unitPrice'],
	['Valoare unitară', 'unitPrice'],
	['Vânzări', 'amount'],
	['Valoare', 'amount'],
	['Valoare fără TVA', 'amount'],
	['Valoare cu TVA', 'amount'],
	['Total', 'amount'],
	['Suma', 'amount'],
	['Sumă', 'amount'],
	['Încasări', 'amount'],
	['Profit', 'profit'],
	['Marjă', 'profit'],
	['Adaos', 'profit'],
	['Adaos comercial', 'profit']
];

describe('Romanian headers, one by one', () => {
	const variants = SINGLE.flatMap(([h, role]) =>
		[...new Set([h, cedilla(h), plain(h), h.toUpperCase()])].map((v): [string, Role] => [v, role])
	);
	it.each(variants)('%s → %s', (header, role) => {
		expect(bestRole(header)).toBe(role);
	});

	it.each(['Client', 'Partener', 'Cumpărător', 'Cumparator', 'Clienți'])(
		'%s names the customer (key when alone, name beside a code)',
		(h) => {
			const s = scoreHeader(h).scores;
			expect(s.customerKey).toBeGreaterThan(0);
			expect(s.customerName).toBeGreaterThan(0);
		}
	);

	it.each(['Valoare', 'Valoare fără TVA', 'Vânzări', 'Preț', 'Preț unitar', 'Data', 'Cod client', 'Profit'])(
		'%s is not a quantity',
		(h) => {
			expect(scoreHeader(h).scores.quantity).toBe(0);
		}
	);

	it.each([
		'Valoare TVA',
		'Cota TVA',
		'TVA',
		'Nr. crt.',
		'Cod produs',
		'Denumire produs',
		'UM',
		'Preț vânzare',
		'Adresă client'
	])('%s is no amount', (h) => {
		expect(scoreHeader(h).scores.amount).toBe(0);
	});

	it('a tax code is a customer key below a customer code and a customer name', () => {
		const fiscal = scoreHeader('Cod fiscal').customer.key;
		expect(fiscal).toBeLessThan(scoreHeader('Cod client').customer.key);
		expect(fiscal).toBeLessThan(scoreHeader('Client').customer.key);
		expect(fiscal).toBeLessThan(scoreHeader('Denumire client').customer.key);
	});

	it('before tax beats after tax: amount and unit price', () => {
		const amount = (h: string) => scoreHeader(h).scores.amount;
		const price = (h: string) => scoreHeader(h).scores.unitPrice;
		for (const f of [(h: string) => h, cedilla, plain]) {
			expect(amount(f('Valoare fără TVA'))).toBeGreaterThan(amount(f('Valoare cu TVA')));
			expect(amount(f('Total fără TVA'))).toBeGreaterThan(amount(f('Total cu TVA')));
			expect(price(f('Preț fără TVA'))).toBeGreaterThan(price(f('Preț cu TVA')));
		}
	});

	it('other languages keep their scores', () => {
		const s = (h: string) => scoreHeader(h).scores;
		expect(s('Total').amount).toBe(90);
		expect(s('Sales').amount).toBe(100);
		expect(s('Amount incl. VAT').amount).toBe(90);
		expect(s('Betrag').amount).toBe(92);
		expect(s('Datum').date).toBe(0);
		expect(s('Data').date).toBe(95);
		expect(s('Client').customerKey).toBe(88);
		expect(s('Order ID').orderId).toBe(100);
		expect(s('Номер заказа').orderId).toBe(95);
	});
});

describe('Romanian exports auto-mapped', () => {
	it('a shop export with every role', () => {
		expect(
			map('Nr. comandă;Data;Cod client;Client;Manager;Cantitate;Preț unitar;Vânzări;Profit', [
				'CMD-1001;28.12.2025;C001;Alfa Distribuție SRL;Ionescu Maria;3;120,50;361,50;72,30',
				'CMD-1002;29.12.2025;C002;Beta Comerț SA;Popescu Ion;1;1500,00;1500,00;210,00',
				'CMD-1003;30.12.2025;C001;Alfa Distribuție SRL;Ionescu Maria;12;9,90;118,80;-5,40'
			])
		).toEqual({
			orderId: 'Nr. comandă',
			date: 'Data',
			customerKey: 'Cod client',
			customerName: 'Client',
			manager: 'Manager',
			quantity: 'Cantitate',
			unitPrice: 'Preț unitar',
			amount: 'Vânzări',
			profit: 'Profit'
		});
	});

	it('an accounting export without diacritics (SAGA-like)', () => {
		expect(
			map(
				'Nr. crt.;Numar factura;Data facturii;Cod fiscal;Cod partener;Denumire partener;Agent vanzari;Cod produs;Denumire produs;UM;Cant.;Pret fara TVA;Valoare fara TVA;Valoare TVA;Valoare cu TVA;Adaos comercial',
				[
					'1;F-201;28.12.2025;RO123456;P01;Alfa SRL;Ionescu;A-1;Cutie;buc;3;10,00;30,00;5,70;35,70;6,00',
					'2;F-202;29.12.2025;RO654321;P02;Beta SA;Popescu;A-2;Raft;buc;2;250,00;500,00;95,00;595,00;80,00',
					'3;F-203;30.12.2025;RO123456;P01;Alfa SRL;Ionescu;A-1;Cutie;buc;1;10,00;10,00;1,90;11,90;2,00'
				]
			)
		).toEqual({
			orderId: 'Numar factura',
			date: 'Data facturii',
			customerKey: 'Cod partener',
			customerName: 'Denumire partener',
			manager: 'Agent vanzari',
			quantity: 'Cant.',
			unitPrice: 'Pret fara TVA',
			amount: 'Valoare fara TVA',
			profit: 'Adaos comercial'
		});
	});

	it('the tax-included value loses to the tax-excluded one, whichever comes first', () => {
		const rows = ['28.12.2025;Alfa SRL;119,00;100,00', '29.12.2025;Beta SA;59,50;50,00'];
		expect(map('Data;Client;Valoare cu TVA;Valoare fără TVA', rows).amount).toBe('Valoare fără TVA');
		expect(map('Data;Client;Valoare cu TVA;Valoare fara TVA', rows).amount).toBe('Valoare fara TVA');
		expect(map('Data;Client;Total cu TVA;Total fără TVA', rows).amount).toBe('Total fără TVA');
	});

	it('the importer says the amount is before tax and names the tax-included column', async () => {
		const csv =
			'Client;Data;Valoare cu TVA;Valoare fără TVA\nAlfa SRL;28.12.2025;119,00;100,00\nBeta SA;29.12.2025;59,50;50,00\n';
		const p = await prepareBytes(new TextEncoder().encode(csv), 'vanzari.csv');
		expect(p.plan.header[p.plan.mapping.amount]).toBe('Valoare fără TVA');
		const instead = p.plan.meaning?.taxExcluded?.instead;
		expect(instead === undefined ? null : p.plan.header[instead]).toBe('Valoare cu TVA');
	});

	it('a bare tax code is the key only when nothing better names the customer', () => {
		const rows = ['28.12.2025;RO123;Alfa SRL;100,00', '29.12.2025;RO456;Beta SA;50,00'];
		expect(map('Data;Cod fiscal;Client;Valoare', rows).customerKey).toBe('Client');
		const alone = map('Data;Cod fiscal;Valoare', ['28.12.2025;RO123;100,00', '29.12.2025;RO456;50,00']);
		expect(alone.customerKey).toBe('Cod fiscal');
	});
});

describe('the Romanian sample file', () => {
	it('the importer maps every column by its header', async () => {
		const { fileName, text } = sampleSalesCsv({ language: 'ro' });
		const sniff = await sniffFile(new Blob([text]), fileName);
		expect(sniff.delimiter).toBe(';');
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
});
