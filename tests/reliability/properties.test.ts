/**
 * Property-based tests over generated CSV text:
 * 1. parse → classify → export (classificationCsv) → parse the export with PapaParse gives back
 *    every customer key (after `unneutralise`) and every total, exactly, in integer cents;
 * 2. the importer never throws anything but an ImportError, whatever the text or bytes, and what
 *    it imports can always be classified and exported.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { importFiles, prepareBytes } from '../../src/lib/ingest/pipeline';
import { DROPPING_DECISIONS } from '../../src/lib/ingest/row-meaning';
import { ImportError } from '../../src/lib/ingest/errors';
import { aggregate } from '../../src/lib/engine/aggregate';
import { classify } from '../../src/lib/engine/abc';
import { unneutralise } from '../../src/lib/core/csv';
import { MISSING_CUSTOMER_KEYS } from '../../src/lib/core/missing-customer';
import { classificationCsv, EXPORT_HEADER } from '../../src/lib/engine/csv-export';
import { decimalToUnits, settings, utf8 } from './helpers';

/** Keys the importer reads as "no customer": never generated as keys. */
const MISSING_KEYS = new Set(MISSING_CUSTOMER_KEYS);

const keyFragment = fc.constantFrom(
	'"',
	',',
	';',
	'\n',
	'\r\n',
	' ',
	'\t',
	"'",
	'.',
	'1',
	'0',
	'a',
	'Z',
	'Ж',
	'ё',
	'Ромашка',
	'ООО «',
	'»',
	'Acme',
	'=',
	'+',
	'-',
	'@',
	'(',
	')'
);
const keyArb = fc
	.tuple(
		fc.constantFrom('', '', '=', '+', '-', '@', "'=", "''+", '=SUM(', '-1'),
		fc.array(keyFragment, { minLength: 1, maxLength: 8 })
	)
	.map(([lead, parts]) => (lead + parts.join('')).trim())
	.filter((k) => !MISSING_KEYS.has(k.toLowerCase()));

interface GenRow {
	key: string;
	cents: number;
	/** '5' / '5.0' / '5.00' when the value allows it */
	pad: number;
}

const rowArb = (keys: string[]) =>
	fc.record({
		key: fc.constantFrom(...keys),
		cents: fc.oneof(fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }), fc.integer({ min: -1000, max: 1000 })),
		pad: fc.integer({ min: 0, max: 2 })
	});

const fileArb = fc.uniqueArray(keyArb, { minLength: 1, maxLength: 12 }).chain((keys) =>
	fc.record({
		rows: fc.array(rowArb(keys), { minLength: 1, maxLength: 40 }),
		delimiter: fc.constantFrom(',', ';'),
		decimalComma: fc.boolean(),
		newline: fc.constantFrom('\n', '\r\n')
	})
);

/** An amount in cents as text with 0, 1 or 2 decimals (at least what the value needs). */
function amountText(cents: number, pad: number, decimalSep: string): string {
	const abs = Math.abs(cents);
	const whole = Math.floor(abs / 100);
	const frac = abs % 100;
	const need = frac === 0 ? 0 : frac % 10 === 0 ? 1 : 2;
	const decimals = Math.max(need, pad);
	const fracText = String(frac).padStart(2, '0').slice(0, decimals);
	return (cents < 0 ? '-' : '') + String(whole) + (decimals > 0 ? decimalSep + fracText : '');
}

/** RFC 4180 field: quoted when it holds the delimiter, a quote, a line break or a tab. */
function field(cell: string, delimiter: string): string {
	return cell.includes(delimiter) || /["\r\n\t]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function csvOf(file: { rows: GenRow[]; delimiter: string; decimalComma: boolean; newline: string }): string {
	const dec = file.delimiter === ';' && file.decimalComma ? ',' : '.';
	const lines = [`customer${file.delimiter}amount`];
	for (const r of file.rows)
		lines.push(field(r.key, file.delimiter) + file.delimiter + amountText(r.cents, r.pad, dec));
	return lines.join(file.newline) + file.newline;
}

function expectedTotals(rows: GenRow[]): Map<string, bigint> {
	const out = new Map<string, bigint>();
	for (const r of rows) out.set(r.key, (out.get(r.key) ?? 0n) + BigInt(r.cents));
	return out;
}

async function importText(text: string, chunkSize?: number) {
	const prepared = await prepareBytes(utf8(text), 'prop.csv');
	return importFiles([prepared], { cancelled: () => false, chunkSize });
}

describe('round trip: CSV → import → classify → export → PapaParse', () => {
	it('customer keys and totals survive exactly (integer cents)', async () => {
		await fc.assert(
			fc.asyncProperty(fileArb, async (file) => {
				const text = csvOf(file);
				const { columns, report } = await importText(text);
				expect(report.rowsImported).toBe(file.rows.length);
				expect(report.skipped).toEqual([]);

				const c = classify(aggregate(columns, settings), columns.customerKeys, settings);
				const exported = classificationCsv(c, columns.customerKeys, columns.customerNames);
				// the export is comma-delimited: say so (PapaParse would guess ';' from a key full of them)
				const parsed = Papa.parse<string[]>(exported, {
					delimiter: ',',
					newline: '\r\n',
					header: false,
					skipEmptyLines: false
				});
				expect(parsed.errors).toEqual([]);
				const rows = parsed.data;
				expect(rows.pop()).toEqual(['']); // the final CRLF
				expect(rows[0]).toEqual([...EXPORT_HEADER]);

				const roundTrip = new Map<string, bigint>();
				for (const row of rows.slice(1)) {
					expect(row).toHaveLength(EXPORT_HEADER.length);
					const key = unneutralise(row[1]);
					expect(unneutralise(row[2])).toBe(key); // no name column: the name is the key
					expect(roundTrip.has(key)).toBe(false);
					roundTrip.set(key, decimalToUnits(row[3], 2));
				}
				expect(roundTrip).toEqual(expectedTotals(file.rows));
			}),
			{ numRuns: 300 }
		);
	}, 60_000);

	it('an export cell never starts with a formula character unless it is a plain number', async () => {
		await fc.assert(
			fc.asyncProperty(fileArb, async (file) => {
				const { columns } = await importText(csvOf(file));
				const c = classify(aggregate(columns, settings), columns.customerKeys, settings);
				const parsed = Papa.parse<string[]>(classificationCsv(c, columns.customerKeys, columns.customerNames), {
					delimiter: ',',
					newline: '\r\n'
				});
				for (const row of parsed.data.slice(1)) {
					for (const cell of row) {
						if (/^[=+\-@\t\r\n]/.test(cell)) expect(cell).toMatch(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/);
					}
				}
			}),
			{ numRuns: 100 }
		);
	}, 60_000);

	it('the same generated files give the same outcome for small parser chunks', async () => {
		await fc.assert(
			fc.asyncProperty(fileArb, fc.integer({ min: 8, max: 64 }), async (file, chunkSize) => {
				const text = csvOf(file);
				const whole = await importText(text);
				const chunked = await importText(text, chunkSize);
				expect(chunked.columns.customerKeys).toEqual(whole.columns.customerKeys);
				expect(Array.from(chunked.columns.amount)).toEqual(Array.from(whole.columns.amount));
				expect(chunked.report).toEqual(whole.report);
			}),
			{ numRuns: 40 }
		);
	}, 60_000);
});

describe('the importer never throws anything but an ImportError', () => {
	/** Imports, and when that works classifies and exports; returns the ImportError code or 'ok'. */
	async function survive(bytes: Uint8Array, chunkSize?: number): Promise<string> {
		let result;
		try {
			const prepared = await prepareBytes(bytes, 'fuzz.csv');
			result = await importFiles([prepared], { cancelled: () => false, chunkSize });
		} catch (err) {
			if (err instanceof ImportError) return err.info.code;
			throw err;
		}
		const { columns, report } = result;
		// a refund in its own column adds a return row beside its record
		expect(columns.rowCount).toBe(report.rowsImported + (report.addedRows ?? 0));
		// every non-blank row is imported, skipped with a reason, or left out by a listed decision
		const dropped = (report.decisions ?? [])
			.filter((d) => DROPPING_DECISIONS.has(d.kind))
			.reduce((s, d) => s + d.rows, 0);
		expect(report.rowsRead).toBe(report.rowsImported + report.skipped.reduce((s, e) => s + e.count, 0) + dropped);
		expect(columns.customer.length).toBe(columns.rowCount);
		expect(columns.amount.every((v) => Number.isSafeInteger(v))).toBe(true);
		const c = classify(aggregate(columns, settings), columns.customerKeys, settings);
		classificationCsv(c, columns.customerKeys, columns.customerNames);
		return 'ok';
	}

	const csvChar = fc.constantFrom(
		'a',
		'Я',
		'ё',
		'1',
		'0',
		'9',
		'.',
		',',
		';',
		'\t',
		'|',
		'"',
		"'",
		'\n',
		'\r',
		'\r\n',
		' ',
		'\u00a0',
		'-',
		'−',
		'(',
		')',
		'$',
		'€',
		'₽',
		'e',
		'E',
		'=',
		'+',
		'@',
		'/',
		':',
		'%',
		'\ufeff',
		'\u2028',
		'\ud83d\ude00',
		'\ud800'
	);

	it('random text from a CSV-like alphabet', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ unit: csvChar, maxLength: 300 }), async (text) => {
				await survive(utf8(text));
			}),
			{ numRuns: 400 }
		);
	}, 60_000);

	const cellArb = fc.oneof(
		fc.constantFrom(
			'',
			' ',
			'Acme',
			'"Acme, Inc"',
			'"Multi\nline"',
			'"unclosed',
			'x"y',
			'"a""b"',
			'"a" b',
			'N/A',
			'Итого',
			'Acme Total',
			'1',
			'-1',
			'(5)',
			'1e400',
			'NaN',
			'1.234,56',
			'1,234.56',
			'1\u00a0234,5',
			'$5',
			'5 руб.',
			'12%',
			'-',
			'0',
			'31.02.2024',
			'2024-01-05',
			'45292',
			'15/13/2024',
			'01.01.1800',
			'=1+1',
			'@cmd',
			'99999999999999999999'
		),
		fc.string({ unit: csvChar, maxLength: 12 })
	);
	type Role = 'key' | 'num' | 'date';
	const plausible: Record<Role, fc.Arbitrary<string>> = {
		key: fc.constantFrom('Acme', 'Beta', 'ООО "Ромашка"', '"Acme, Inc"', 'ИП Иванов', '=HYPERLINK("x")', 'C-001'),
		num: fc.constantFrom('1', '10.5', '-3', '"1 234,56"', '(7)', '0', '1e3', '100,00', '$12'),
		date: fc.constantFrom('2024-01-05', '05.01.2024', '1/5/2024', '45292', '15 января 2024', '2024-01-05T10:00:00Z')
	};
	/** headers the mapping knows, with the role of each column */
	const headerArb = fc.constantFrom<[string[], Role[]]>(
		[
			['customer', 'amount'],
			['key', 'num']
		],
		[
			['Клиент', 'Дата', 'Сумма'],
			['key', 'date', 'num']
		],
		[
			['customer', 'date', 'amount', 'quantity'],
			['key', 'date', 'num', 'num']
		],
		[
			['Customer', 'Amount', 'Amount'],
			['key', 'num', 'num']
		],
		[
			['Client', 'Qty', 'Price'],
			['key', 'num', 'num']
		],
		[
			['Customer ID', 'Name', 'Revenue', 'Profit'],
			['key', 'key', 'num', 'num']
		],
		[
			['name', 'value'],
			['key', 'num']
		],
		[
			['', ''],
			['key', 'num']
		],
		[['a'], ['key']]
	);
	const tableArb = headerArb.chain(([header, roles]) =>
		fc.record({
			header: fc.constant(header),
			rows: fc.array(
				fc.oneof(
					// mostly the header's shape, each cell plausible for its column or hostile
					{
						weight: 4,
						arbitrary: fc.tuple(
							...roles.map((r) => fc.oneof({ weight: 3, arbitrary: plausible[r] }, { weight: 1, arbitrary: cellArb }))
						)
					},
					// now and then a ragged row of anything
					{ weight: 1, arbitrary: fc.array(cellArb, { maxLength: 6 }) }
				),
				{ minLength: 1, maxLength: 25 }
			),
			delimiter: fc.constantFrom(',', ';', '\t', '|'),
			newline: fc.constantFrom('\n', '\r\n', '\r'),
			chunkSize: fc.constantFrom(undefined, 16, 64)
		})
	);

	it('header-shaped tables with hostile cells, any delimiter and line end, any chunk size', async () => {
		await fc.assert(
			fc.asyncProperty(tableArb, async (t) => {
				const lines = [t.header, ...t.rows].map((r) => r.join(t.delimiter));
				await survive(utf8(lines.join(t.newline) + t.newline), t.chunkSize);
			}),
			{ numRuns: 400 }
		);
	}, 60_000);

	it('random bytes', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
				await survive(bytes);
			}),
			{ numRuns: 300 }
		);
	}, 60_000);

	it('random bytes behind a UTF-16 BOM', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom([0xff, 0xfe], [0xfe, 0xff]),
				fc.uint8Array({ maxLength: 400 }),
				async (bom, body) => {
					await survive(new Uint8Array([...bom, ...body]));
				}
			),
			{ numRuns: 200 }
		);
	}, 60_000);
});
