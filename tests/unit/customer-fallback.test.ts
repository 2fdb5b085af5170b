/** README "What an export means" → customer columns: a named buyer is never dropped as "no customer". */
import { describe, expect, it } from 'vitest';
import { importFiles, prepareBytes } from '../../src/lib/ingest/pipeline';

const enc = (s: string) => new TextEncoder().encode(s);
async function keys(csv: string) {
	const p = await prepareBytes(enc(csv), 'orders.csv');
	const { columns, report } = await importFiles([p], { cancelled: () => false });
	return { keys: columns.customerKeys, names: columns.customerNames, report };
}

describe('customer fallback', () => {
	it('a guest order without an e-mail is keyed by the buyer first and last name; the report counts it', async () => {
		const {
			keys: k,
			names,
			report
		} = await keys(
			'Order,Date,Billing First Name,Billing Last Name,Billing Email,Total\n' +
				'1,2024-01-02,Ann,Oak,ann@example.com,10.00\n' +
				'2,2024-01-03,Guest,Buyer,,5.00\n' +
				'3,2024-01-04,Ann,Oak,ann@example.com,7.00\n'
		);
		expect(k).toEqual(['ann@example.com', 'Guest Buyer']);
		expect(names).toEqual(['Ann Oak', 'Guest Buyer']);
		expect(report.skipped).toEqual([]);
		expect(report.decisions?.find((d) => d.kind === 'customer-fallback')?.rows).toBe(1);
	});

	it('the second customer column is used only when the customer cell is empty', async () => {
		const { keys: k } = await keys('Customer;Contact;Amount\nAcme;Ivan;10\n;Olga;5\nAcme;Petr;3\n');
		expect(k).toEqual(['Acme', 'Olga']);
	});

	it('a row with neither is still reported as "no customer"', async () => {
		const { report } = await keys('Customer;Contact;Amount\nAcme;Ivan;10\n;;5\n');
		expect(report.skipped.find((s) => s.reason === 'no-customer')?.count).toBe(1);
	});
});
