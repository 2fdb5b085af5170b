import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dateOrderFromColumns, findIndexColumn, isScientificKey, scientificKeys } from '../../src/lib/ingest/structure';
import { sniffText } from '../../src/lib/ingest/sniff';

const realWorld = (name: string) => readFileSync('tests/fixtures/real-world/' + name, 'utf8');
/** header and data rows of a tiny comma file (no quotes) */
const table = (csv: string) => {
	const [h, ...rows] = csv
		.trim()
		.split('\n')
		.map((l) => l.split(','));
	return { header: h, rows };
};

describe('findIndexColumn', () => {
	it('pandas (0,1,2,3) and R (1,2,3,4) sample files → 0', () => {
		for (const name of ['unnamed-index-column-pandas.csv', 'unnamed-index-column-r.csv']) {
			const s = sniffText(realWorld(name), false);
			expect(s.headerRow).toBe(0);
			expect(findIndexColumn(s.header, s.rows)).toBe(0);
		}
	});

	it('unnamed-key-column.csv (customers Alpha/Beta under an empty header) → -1', () => {
		const s = sniffText(realWorld('unnamed-key-column.csv'), false);
		expect(findIndexColumn(s.header, s.rows)).toBe(-1);
	});

	it('hand-worked cases', () => {
		const { header, rows } = table(',Customer,Amount\n0,A,1\n1,B,2\n2,A,3');
		expect(findIndexColumn(header, rows)).toBe(0);
		// the counter column need not be first
		expect(
			findIndexColumn(
				['Customer', '', 'Amount'],
				[
					['A', '1', '5'],
					['B', '2', '7'],
					['C', '3', '9']
				]
			)
		).toBe(1);
		// blank records are skipped
		expect(
			findIndexColumn(
				['', 'x'],
				[
					['0', 'a'],
					['', ''],
					['1', 'b']
				]
			)
		).toBe(0);
		// R quoted cells arrive unquoted, with spaces trimmed
		expect(
			findIndexColumn(
				['', 'x'],
				[
					[' 1 ', 'a'],
					['2', 'b']
				]
			)
		).toBe(0);
	});

	it('negative cases → -1', () => {
		const rows = [
			['0', 'A'],
			['1', 'B'],
			['2', 'C']
		];
		expect(findIndexColumn(['idx', 'Customer'], rows)).toBe(-1); // named column
		expect(
			findIndexColumn(
				['', 'Customer'],
				[
					['0', 'A'],
					['2', 'B'],
					['3', 'C']
				]
			)
		).toBe(-1); // gap
		expect(
			findIndexColumn(
				['', 'Customer'],
				[
					['5', 'A'],
					['6', 'B'],
					['7', 'C']
				]
			)
		).toBe(-1); // starts at 5
		expect(
			findIndexColumn(
				['', 'Customer'],
				[
					['1', 'A'],
					['1', 'B']
				]
			)
		).toBe(-1); // repeat
		expect(
			findIndexColumn(
				['', 'Customer'],
				[
					['2', 'A'],
					['1', 'B'],
					['0', 'C']
				]
			)
		).toBe(-1); // counts down
		expect(
			findIndexColumn(
				['', 'Customer'],
				[
					['00', 'A'],
					['01', 'B']
				]
			)
		).toBe(-1); // leading zeros: codes
		expect(
			findIndexColumn(
				['', 'Customer'],
				[
					['0', 'A'],
					['', 'B'],
					['2', 'C']
				]
			)
		).toBe(-1); // a hole
		expect(
			findIndexColumn(
				['', 'Customer'],
				[
					['0.0', 'A'],
					['1.0', 'B']
				]
			)
		).toBe(-1); // not integers as written
		expect(findIndexColumn(['', 'Customer'], [['0', 'A']])).toBe(-1); // one row proves nothing
		expect(findIndexColumn(['', 'Customer'], [])).toBe(-1);
		expect(findIndexColumn([], rows)).toBe(-1);
	});
});

describe('dateOrderFromColumns', () => {
	it('day-first-short.csv: InvoiceDate ambiguous, DueDate 17/04/2025 decides day-first', () => {
		const s = sniffText(realWorld('day-first-short.csv'), false);
		expect(s.header[2]).toBe('InvoiceDate');
		expect(dateOrderFromColumns(s.header, s.rows, 2, s.dateOrder)).toEqual({
			order: 'dmy',
			column: 3,
			example: '17/04/2025'
		});
		expect(dateOrderFromColumns(s.header, s.rows, 2, 'mdy')).toEqual({
			order: 'dmy',
			column: 3,
			example: '17/04/2025'
		});
	});

	it('month-first: 04/17/2025 in another column decides mdy; the result may confirm the guess', () => {
		const { header, rows } = table('Customer,Ship,Date,Amount\nA,04/17/2025,04/03/2025,1\nB,05/02/2025,05/01/2025,2');
		// row 0 Ship 04/17/2025: 17 cannot be a month → month-first; row 1 05/02/2025 decides nothing
		expect(dateOrderFromColumns(header, rows, 2, 'dmy')).toEqual({ order: 'mdy', column: 1, example: '04/17/2025' });
		expect(dateOrderFromColumns(header, rows, 2, 'mdy')).toEqual({ order: 'mdy', column: 1, example: '04/17/2025' });
	});

	it('the first deciding cell is the example, not the first cell', () => {
		const { header, rows } = table(
			'Date,Due,Amount\n01/02/2025,03/03/2025,1\n02/02/2025,20.02.2025,2\n03/02/2025,21/02/2025,3'
		);
		expect(dateOrderFromColumns(header, rows, 0, 'mdy')).toEqual({ order: 'dmy', column: 1, example: '20.02.2025' });
	});

	it('null when the date column decides by itself', () => {
		const { header, rows } = table('Date,Due\n03/04/2025,17/04/2025\n13/04/2025,27/04/2025');
		expect(dateOrderFromColumns(header, rows, 0, 'dmy')).toBeNull(); // 13/04/2025 is only day-first
		const m = table('Date,Due\n03/04/2025,17/04/2025\n04/13/2025,27/04/2025');
		expect(dateOrderFromColumns(m.header, m.rows, 0, 'mdy')).toBeNull(); // 04/13/2025 is only month-first
	});

	it('null when the date column is not ambiguous (ISO, same day both ways, year-first guess)', () => {
		const iso = table('Date,Due\n2025-04-03,17/04/2025\n2025-05-02,16/05/2025');
		expect(dateOrderFromColumns(iso.header, iso.rows, 0, 'dmy')).toBeNull();
		expect(dateOrderFromColumns(iso.header, iso.rows, 0, 'ymd')).toBeNull();
		const same = table('Date,Due\n05/05/2025,17/04/2025\n01/01/2025,16/05/2025');
		expect(dateOrderFromColumns(same.header, same.rows, 0, 'mdy')).toBeNull();
		const amb = table('Date,Due\n03/04/2025,17/04/2025');
		expect(dateOrderFromColumns(amb.header, amb.rows, 0, 'ymd')).toBeNull();
		expect(dateOrderFromColumns(amb.header, amb.rows, -1, 'dmy')).toBeNull();
	});

	it('null when nothing else decides', () => {
		// the other date column is ambiguous too
		const a = table('Date,Due,Amount\n03/04/2025,10/04/2025,17\n02/05/2025,12/05/2025,13');
		expect(dateOrderFromColumns(a.header, a.rows, 0, 'mdy')).toBeNull();
		// numbers ≥ 13 in a non-date column do not decide
		const b = table('Date,Qty,Code\n03/04/2025,17,13/5\n02/05/2025,20,14/2');
		expect(dateOrderFromColumns(b.header, b.rows, 0, 'mdy')).toBeNull();
		// a column that is not all dates is not read
		const c = table('Date,Note\n03/04/2025,17/04/2025\n02/05/2025,see invoice');
		expect(dateOrderFromColumns(c.header, c.rows, 0, 'mdy')).toBeNull();
	});

	it('null when two date columns disagree; a column voting both ways is ignored', () => {
		const d = table('Date,Due,Ship\n03/04/2025,17/04/2025,04/17/2025\n02/05/2025,16/05/2025,05/16/2025');
		expect(dateOrderFromColumns(d.header, d.rows, 0, 'mdy')).toBeNull();
		const mixed = table('Date,Due,Ship\n03/04/2025,17/04/2025,20/04/2025\n02/05/2025,05/16/2025,21/05/2025');
		// Due is mixed (17/04 day-first, 05/16 month-first): ignored; Ship decides
		expect(dateOrderFromColumns(mixed.header, mixed.rows, 0, 'mdy')).toEqual({
			order: 'dmy',
			column: 2,
			example: '20/04/2025'
		});
	});
});

describe('scientificKeys / isScientificKey', () => {
	it('scientific-notation-keys.csv → example 4.00123E+11, all 9 rows', () => {
		const s = sniffText(realWorld('scientific-notation-keys.csv'), false);
		const cells = s.rows.map((r) => r[0]);
		expect(scientificKeys(cells)).toEqual({ example: '4.00123E+11', count: 9 });
	});

	it('hand-worked cells', () => {
		for (const c of ['4.00123E+11', '5.189E+11', '1,23E+15', '1E+11', ' 6.2E+11 ', '4.00123e+11', '4.00123E+011']) {
			expect(isScientificKey(c)).toBe(true);
		}
		for (const c of [
			'400123000000',
			'4.00123',
			'1.5E-3',
			'12E4',
			'E+11',
			'4.00123E+',
			'-4.1E+11',
			'ACME 1E+5',
			'1.2.3E+4',
			'4,001,23E+11',
			''
		]) {
			expect(isScientificKey(c)).toBe(false);
		}
	});

	it('counts the cells that look so; the first is the example; null when none', () => {
		expect(scientificKeys(['C-17', ' 5.189E+11', 'Alpha', '1,23E+15'])).toEqual({ example: '5.189E+11', count: 2 });
		expect(scientificKeys(['400123000000', 'Alpha', '12E4'])).toBeNull();
		expect(scientificKeys([])).toBeNull();
	});
});
