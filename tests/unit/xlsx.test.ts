import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { buildXlsx, columnName, sanitiseSheetName, xmlEscape, type Sheet } from '../../src/lib/engine/xlsx';
import { exportWorkbook } from '../../src/lib/engine/export-workbook';
import { ruLabels } from './export-fixture';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { abcSettings, columnsOf, salesOf } from './helpers';
import { daysFromCivil } from '../../src/lib/core/calendar';
import { exportFile, exportTabs } from '../../src/lib/engine/export';
import { unzipEntries } from './xlsx-reader';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

/** CRC-32 (IEEE): zlib's when Node has it, else a bitwise one. */
const zcrc = (b: Uint8Array): number => {
	const z = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
	if (z) return z(b);
	let c = ~0 >>> 0;
	for (const x of b) {
		c ^= x;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	}
	return ~c >>> 0;
};

function checkZip(bytes: Uint8Array): Map<string, string> {
	const files = new Map<string, string>();
	for (const e of unzipEntries(bytes)) {
		expect(e.method, e.name).toBe(8); // DEFLATE
		expect(zcrc(e.data) >>> 0, e.name).toBe(e.crc);
		files.set(e.name, new TextDecoder('utf-8', { fatal: true }).decode(e.data));
	}
	return files;
}

// ---------------------------------------------------------------------------------------------
// Python's zipfile + ElementTree as the outside reader

const PY = String.raw`
import sys, json, zipfile, xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
RID = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
z = zipfile.ZipFile(sys.argv[1])
out = {'testzip': z.testzip(), 'names': z.namelist()}
if sys.argv[2] == 'full':
    for n in z.namelist():
        ET.fromstring(z.read(n))
    sst = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')):
            sst.append(''.join(x.text or '' for x in si.iter(M + 't')))
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
    sheets = []
    for s in wb.find(M + 'sheets'):
        root = ET.fromstring(z.read('xl/' + rels[s.get(RID)]))
        rows = []
        for row in root.find(M + 'sheetData'):
            cells = []
            col = 0
            for c in row:
                # a cell without a reference is in the column after the previous cell
                ref = c.get('r')
                if ref:
                    col = 0
                    for ch in ref.rstrip('0123456789'):
                        col = col * 26 + ord(ch) - 64
                else:
                    col += 1
                t = c.get('t')
                if t is None and c.find(M + 'v') is None:
                    continue
                if t == 's':
                    v = sst[int(c.find(M + 'v').text)]
                elif t == 'inlineStr':
                    v = ''.join(x.text or '' for x in c.iter(M + 't'))
                elif t == 'b':
                    v = c.find(M + 'v').text == '1'
                elif t == 'e':
                    v = {'error': c.find(M + 'v').text}
                else:
                    v = float(c.find(M + 'v').text)
                cells.append([col, v])
            rows.append([row.get('r'), cells])
        sheets.append({'name': s.get('name'), 'rows': rows})
    out['sheets'] = sheets
print(json.dumps(out))
`;

interface PyResult {
	testzip: string | null;
	names: string[];
	sheets?: { name: string; rows: [string, [number, unknown][]][] }[];
}

function python(bytes: Uint8Array, mode: 'full' | 'zip' = 'full'): PyResult {
	const path = join(dir, `book-${++fileNo}.xlsx`);
	writeFileSync(path, bytes);
	return JSON.parse(execFileSync('python3', ['-c', PY, path, mode], { encoding: 'utf-8', maxBuffer: 1 << 28 }));
}

/** Python's cells back as dense rows (null where no cell), checking every cell reference. */
function denseRows(sheet: NonNullable<PyResult['sheets']>[number]): unknown[][] {
	return sheet.rows.map(([r, cells], i) => {
		expect(r).toBe(String(i + 1));
		const row: unknown[] = [];
		for (const [col, v] of cells) {
			expect(col).toBeGreaterThan(row.length);
			while (row.length < col - 1) row.push(null);
			row.push(v);
		}
		return row;
	});
}

/** What a sheet's rows look like after the round trip (empty texts are empty cells, trailing ones vanish). */
function expected(rows: Sheet['rows']): unknown[][] {
	return rows.map((row) => {
		const r = row.map((v) =>
			typeof v === 'number' && !Number.isFinite(v) ? { error: Number.isNaN(v) ? '#N/A' : '#NUM!' } : v === '' ? null : v
		);
		while (r.length && r[r.length - 1] === null) r.pop();
		return r;
	});
}

// ---------------------------------------------------------------------------------------------

describe('buildXlsx', () => {
	it('writes a valid package with the expected parts', async () => {
		const bytes = await buildXlsx([
			{ name: 'One', rows: [['a', 1]] },
			{ name: 'Two', rows: [] }
		]);
		const files = checkZip(bytes);
		expect([...files.keys()]).toEqual([
			'[Content_Types].xml',
			'_rels/.rels',
			'xl/workbook.xml',
			'xl/_rels/workbook.xml.rels',
			'xl/worksheets/sheet1.xml',
			'xl/worksheets/sheet2.xml',
			'xl/styles.xml',
			'xl/sharedStrings.xml'
		]);
		const types = files.get('[Content_Types].xml')!;
		for (const part of [
			'/xl/workbook.xml',
			'/xl/styles.xml',
			'/xl/sharedStrings.xml',
			'/xl/worksheets/sheet1.xml',
			'/xl/worksheets/sheet2.xml'
		]) {
			expect(types).toContain(`PartName="${part}"`);
		}
		// texts are shared strings: each distinct text once, cells point to it
		expect(files.get('xl/worksheets/sheet1.xml')).toContain('<row r="1"><c t="s"><v>0</v></c><c><v>1</v></c></row>');
		expect(files.get('xl/sharedStrings.xml')).toContain('count="1" uniqueCount="1"><si><t>a</t></si></sst>');
		expect(files.get('xl/_rels/workbook.xml.rels')).toContain('Target="sharedStrings.xml"');
		const py = python(bytes);
		expect(py.testzip).toBeNull();
		expect(py.sheets!.map((s) => s.name)).toEqual(['One', 'Two']);
		expect(py.sheets![1].rows).toEqual([]);
	});

	it('round-trips strings, numbers, booleans and gaps', async () => {
		const rows: Sheet['rows'] = [
			['text', 'число', 'bool', null, 'last'],
			['Acme', 123.45, true, null, -0.5],
			['ООО «Ромашка»', 1e-7, false, 'gap before', 1e21],
			['emoji 😀 𝔸', -42, null, null, 0],
			['', 9007199254740991, true],
			[null, null, 'only third'],
			[],
			['after an empty row', Number.MAX_VALUE, Number.MIN_VALUE, NaN, -Infinity]
		];
		const bytes = await buildXlsx([{ name: 'Data', rows }]);
		checkZip(bytes);
		const py = python(bytes);
		expect(py.testzip).toBeNull();
		expect(denseRows(py.sheets![0])).toEqual(expected(rows));
	});

	it('numbers are written as numbers', async () => {
		const files = checkZip(await buildXlsx([{ name: 'N', rows: [[1.5, -3, 1e-7]] }]));
		expect(files.get('xl/worksheets/sheet1.xml')).toContain(
			'<row r="1"><c><v>1.5</v></c><c><v>-3</v></c><c><v>1e-7</v></c></row>'
		);
	});

	it('writes styles, widths, a frozen header and an autofilter', async () => {
		const bold = { bold: true };
		const pct = { numFmt: '0.00%' };
		const money = { numFmt: '#,##0.00', fill: 'FFEEDD' };
		const files = checkZip(
			await buildXlsx([
				{
					name: "It's",
					rows: [
						[
							{ v: 'a', s: bold },
							{ v: 'b', s: bold }
						],
						[
							{ v: 0.25, s: pct },
							{ v: 1234.5, s: money }
						]
					],
					widths: [10, 20],
					freezeHeader: true,
					autoFilter: true
				}
			])
		);
		const xml = files.get('xl/worksheets/sheet1.xml')!;
		expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
		expect(xml).toContain('<col min="2" max="2" width="20" customWidth="1"/>');
		expect(xml).toContain('<autoFilter ref="A1:B2"/>');
		expect(xml).toMatch(/<row r="1"><c s="1" t="s">/);
		const styles = files.get('xl/styles.xml')!;
		expect(styles).toContain('<fgColor rgb="FFFFEEDD"/>');
		expect(styles).toContain('<cellXfs count="4">');
		expect(files.get('xl/workbook.xml')).toContain(
			`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">&apos;It&apos;&apos;s&apos;!$A$1:$B$2</definedName>`
		);
	});

	it('escapes XML and drops characters XML 1.0 cannot hold', async () => {
		const nasty = [
			'<tag> & "double" \'single\'',
			'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\uFFFEh\uFFFFi',
			'lone \uD800 high and \uDC00 low, pair 😀 kept',
			'tab\there\nnewline\r\nCRLF',
			'  spaces kept  ',
			']]> <![CDATA[ x ]]>',
			'&amp; is literal',
			'_x0041_ is not an A'
		];
		const bytes = await buildXlsx([{ name: 'X', rows: nasty.map((s) => [s]) }]);
		const xml = checkZip(bytes).get('xl/sharedStrings.xml')!;
		expect(xml).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F]/);
		expect(xml).toContain('&lt;tag&gt; &amp; &quot;double&quot; &apos;single&apos;');
		const got = denseRows(python(bytes).sheets![0]).map((r) => r[0]);
		expect(got).toEqual([
			'<tag> & "double" \'single\'',
			'abcdefghi',
			'lone  high and  low, pair 😀 kept',
			'tab\there\nnewline\r\nCRLF',
			'  spaces kept  ',
			']]> <![CDATA[ x ]]>',
			'&amp; is literal',
			// Excel reads _xHHHH_ as a character escape: the literal text is protected as _x005F_
			'_x005F_x0041_ is not an A'
		]);
		expect(xmlEscape('a<b&c>"d"\'e\'\u0007')).toBe('a&lt;b&amp;c&gt;&quot;d&quot;&apos;e&apos;');
	});

	it('writes texts inline in the columns that ask for it, shared elsewhere, both read back the same', async () => {
		const texts = ['  edge spaces  ', 'a & <b>', '_x0041_ literal', 'Клиент 😀', '\tTab', 'plain'];
		const rows: Sheet['rows'] = texts.map((t) => [t, t]);
		const bytes = await buildXlsx([{ name: 'I', rows, inlineText: [true, false] }]);
		const files = checkZip(bytes);
		const xml = files.get('xl/worksheets/sheet1.xml')!;
		expect(xml).toContain(
			'<row r="1"><c t="inlineStr"><is><t xml:space="preserve">  edge spaces  </t></is></c><c t="s"><v>0</v></c></row>'
		);
		expect(xml.match(/t="inlineStr"/g)).toHaveLength(texts.length);
		expect(files.get('xl/sharedStrings.xml')).toContain(`uniqueCount="${texts.length}"`);
		const got = denseRows(python(bytes).sheets![0]);
		expect(got).toEqual(
			texts.map((t) => {
				const read = t === '_x0041_ literal' ? '_x005F_x0041_ literal' : t;
				return [read, read];
			})
		);
	});

	it('cuts text longer than a cell can hold', async () => {
		const long = 'x'.repeat(40_000);
		const got = denseRows(python(await buildXlsx([{ name: 'L', rows: [[long]] }])).sheets![0]);
		expect((got[0][0] as string).length).toBe(32_767);
	});

	it('sanitises sheet names', async () => {
		expect(sanitiseSheetName('a[b]:c*d?e/f\\g')).toBe('a_b__c_d_e_f_g');
		expect(sanitiseSheetName('x'.repeat(40))).toBe('x'.repeat(31));
		expect(sanitiseSheetName("'quoted'")).toBe('quoted');
		expect(sanitiseSheetName('History')).toBe('History_');
		expect(sanitiseSheetName('   ', new Set(), 'Sheet3')).toBe('Sheet3');
		expect(sanitiseSheetName('Data', new Set(['DATA']))).toBe('Data (2)');
		expect(sanitiseSheetName('Клиенты', new Set(['клиенты', 'Клиенты (2)']))).toBe('Клиенты (3)');
		expect(sanitiseSheetName('y'.repeat(40), new Set(['y'.repeat(31)]))).toBe('y'.repeat(27) + ' (2)');
		expect(sanitiseSheetName('a'.repeat(30) + '😀')).toBe('a'.repeat(30));

		const bytes = await buildXlsx([
			{ name: 'Q1/Q2 [draft]', rows: [] },
			{ name: 'q1/q2 [DRAFT]', rows: [] },
			{ name: '', rows: [] },
			{ name: 'R&D <team>', rows: [] },
			{ name: 'Клиенты: топ*', rows: [] }
		]);
		expect(python(bytes).sheets!.map((s) => s.name)).toEqual([
			'Q1_Q2 _draft_',
			'q1_q2 _DRAFT_ (2)',
			'Sheet3',
			'R&D <team>',
			'Клиенты_ топ_'
		]);
	});

	it('column names', async () => {
		expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnName)).toEqual([
			'A',
			'Z',
			'AA',
			'AZ',
			'BA',
			'ZZ',
			'AAA',
			'XFD'
		]);
	});

	it('refuses what Excel cannot open', async () => {
		await expect(buildXlsx([])).rejects.toThrow(RangeError);
		await expect(buildXlsx([{ name: 'w', rows: [new Array(16_385).fill(1)] }])).rejects.toThrow(RangeError);
		await expect(buildXlsx([{ name: 'h', rows: new Array(1_048_577).fill([]) }])).rejects.toThrow(RangeError);
	});

	it('is deterministic', async () => {
		const sheets: Sheet[] = [{ name: 'S', rows: [['a', 1, true]] }];
		expect(await buildXlsx(sheets)).toEqual(await buildXlsx(sheets));
	});

	it('builds a sheet of 100 000 rows', async () => {
		const rows: Sheet['rows'] = [
			['rank', 'customer_key', 'customer_name', 'value', 'share', 'cumulative_share', 'class', 'key_customer']
		];
		for (let r = 1; r <= 100_000; r++)
			rows.push([r, `K${r}`, `Клиент № ${r} & Co`, r * 1.25, 1 / r, r / 100_000, r < 20_000 ? 'A' : 'C', r < 10]);
		const bytes = await buildXlsx([{ name: 'Big', rows }]);
		const files = checkZip(bytes);
		const xml = files.get('xl/worksheets/sheet1.xml')!;
		expect(xml.match(/<row /g)!.length).toBe(100_001);
		expect(xml).toContain('<dimension ref="A1:H100001"/>');
		expect(python(bytes, 'zip').testzip).toBeNull();
	}, 60_000);
});

describe('exportWorkbook', () => {
	const settings: ClassifySettings = abcSettings({ classes: [...PRESETS.gsb] });
	const data = columnsOf(
		[
			{ key: 'A', amount: 50000 },
			{ key: '=HYPERLINK("x")', amount: 25000 },
			{ key: 'Ромашка; ООО', amount: 15033 },
			{ key: '-30', amount: 6000 },
			{ key: 'E', amount: 4000 },
			{ key: '@F', amount: -100 }
		],
		2
	);
	data.customerNames = data.customerKeys.map((k) => `Имя ${k}`);
	data.customerNames[4] = '+cmd';
	data.customerNames[0] = '\tname\nline';
	const c = classify(aggregate(data, settings), data.customerKeys, settings);
	const labels = ruLabels(3);
	const extra = {
		metric: 'revenue',
		vip: new Map([
			[0, { status: 'vip', months: ['2024-01', '2024-02'] }],
			[1, { status: 'good', months: [] }]
		]),
		xyz: new Map([
			[0, 'X'],
			[1, 'Z']
		]),
		recency: new Map([
			[0, 'active'],
			[2, 'lost']
		]),
		periodFrom: '2024-01-01'
	};
	const plain = (v: unknown) => (v !== null && typeof v === 'object' && 'v' in v ? (v as { v: unknown }).v : v);

	it('has the cover, customers, segments, concentration and one sheet per analysis', async () => {
		const sheets = exportWorkbook(c, data.customerKeys, data.customerNames, labels, extra);
		expect(sheets.map((s) => s.name)).toEqual([
			'О файле',
			'Клиенты',
			'Сегменты',
			'Концентрация',
			'VIP',
			'ABC×XYZ',
			'Давность'
		]);
		expect(exportWorkbook(c, data.customerKeys, data.customerNames, labels).length).toBe(4);
	});

	it('customers: translated headers and values, the numbers of the systems CSV', async () => {
		const [, customers] = exportWorkbook(c, data.customerKeys, data.customerNames, labels, extra);
		expect(customers.freezeHeader && customers.autoFilter).toBe(true);
		const rows = customers.rows.map((r) => r.map(plain));
		expect(rows[0]).toEqual([
			'Место',
			'Код клиента',
			'Клиент',
			'Сумма (выручка)',
			'Доля',
			'Накопленная доля',
			'Класс',
			'Ключевой клиент',
			'Показатель',
			'VIP-статус',
			'VIP-месяцы',
			'XYZ',
			'Давность',
			'Период с',
			'Период по'
		]);
		expect(rows[1]).toEqual([
			1,
			'A',
			"'\tname\nline",
			500,
			c.share[0],
			c.cumShare[0],
			'Класс A',
			'да',
			'выручка',
			'VIP',
			'2024-01, 2024-02',
			'X',
			'активный',
			'2024-01-01',
			''
		]);
		expect(rows[2].slice(1, 3)).toEqual([`'=HYPERLINK("x")`, `Имя =HYPERLINK("x")`]);
		expect(rows[2][9]).toBe('хороший');
	});

	it('segments carry the playbooks (formula-safe), the total, the non-positive row and the net total', async () => {
		const [, , seg] = exportWorkbook(c, data.customerKeys, data.customerNames, labels);
		const rows = seg.rows.map((r) => r.map(plain));
		expect(rows[0][6]).toBe('Что делать');
		expect(rows[1][6]).toBe("'=Действуйте с A");
		const labelsCol = rows.map((r) => r[0]);
		expect(labelsCol).toContain('Итого (клиенты с покупками)');
		expect(labelsCol).toContain('Возвраты превышают покупки');
		const net = rows.find((r) => r[0] === 'Все клиенты за вычетом возвратов')!;
		expect(net[3]).toBe(c.netTotal);
	});

	it('survives the trip through a real reader, text formula-safe', async () => {
		const sheets = exportWorkbook(c, data.customerKeys, data.customerNames, labels, extra);
		const py = python(await buildXlsx(sheets));
		expect(py.testzip).toBeNull();
		expect(py.sheets!.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
		py.sheets!.forEach((s, i) =>
			expect(denseRows(s), s.name).toEqual(expected(sheets[i].rows.map((r) => r.map(plain) as Sheet['rows'][0])))
		);
		const texts = py.sheets!.flatMap((s) => denseRows(s).flat()).filter((v): v is string => typeof v === 'string');
		expect(texts).toContain('\'=HYPERLINK("x")');
		expect(texts).toContain("'+cmd");
		expect(texts).toContain("'@F");
		expect(texts).toContain("'+sales.csv");
		expect(texts).toContain('-30'); // a plain number stays as it is
		for (const t of texts) expect(/^[=+@\t\r\n]/.test(t) || (/^-/.test(t) && !/^-\d+(\.\d+)?$/.test(t))).toBe(false);
	});
});

describe('exportWorkbook: Movement and Margin squeeze', () => {
	const settings: ClassifySettings = abcSettings();
	const q1 = daysFromCivil(2024, 2, 10);
	const q2 = daysFromCivil(2024, 5, 10);
	// A stays on top; B leaves; '=C' is new; D and E change places; A sells at a loss
	const data = salesOf(
		[
			{ key: 'A', amount: 10000, profit: 3000, day: q1 },
			{ key: 'A', amount: 12000, profit: -3500, day: q2 },
			{ key: 'B', amount: 5000, profit: 1000, day: q1 },
			{ key: '=C', amount: 4000, profit: 200, day: q2 },
			{ key: 'D', amount: 3000, profit: 900, day: q1 },
			{ key: 'D', amount: 500, profit: 150, day: q2 },
			{ key: 'E', amount: 600, profit: 180, day: q1 },
			{ key: 'E', amount: 3500, profit: 1000, day: q2 }
		],
		2
	);
	data.profitScale = 2;
	const c = classify(aggregate(data, settings), data.customerKeys, settings);
	const labels = ruLabels(3);
	const periods = {
		previous: { from: daysFromCivil(2024, 1, 1), to: daysFromCivil(2024, 3, 31) },
		current: { from: daysFromCivil(2024, 4, 1), to: daysFromCivil(2024, 6, 30) }
	};
	const tabs = exportTabs(data, c, { migration: periods, marginGap: 0.1 });
	const sheets = exportWorkbook(c, data.customerKeys, data.customerNames, labels, undefined, tabs);
	const plain = (v: unknown) => (v !== null && typeof v === 'object' && 'v' in v ? (v as { v: unknown }).v : v);
	const rowsOf = (name: string) => sheets.find((s) => s.name === name)!.rows.map((r) => r.map(plain));

	it('come last, only when the data allows', async () => {
		expect(sheets.map((s) => s.name).slice(-2)).toEqual(['Движение', 'Давление на маржу']);
		// no profit column: no margin sheet; no dates: no movement sheet
		const plainData = columnsOf([{ key: 'A', amount: 100 }]);
		const pc = classify(aggregate(plainData, settings), plainData.customerKeys, settings);
		expect(exportTabs(plainData, pc, { migration: periods, marginGap: 0.1 })).toEqual({});
		// nothing asked: nothing computed
		expect(exportTabs(data, c, {})).toEqual({});
	});

	it('movement: class before × class now, new and lost, with totals', async () => {
		const m = tabs.migration!;
		const rows = rowsOf('Движение');
		expect(rows[0]).toEqual(['Было (период)', '2024-01-01 – 2024-03-31']);
		expect(rows[1]).toEqual(['Стало (период)', '2024-04-01 – 2024-06-30']);
		expect(rows[3]).toEqual(['Класс был ↓ / класс стал →', 'Класс A', 'Класс B', 'Класс C', 'ушедшие', 'Итого']);
		const count = (from: number | 'new', to: number | 'lost') =>
			m.cells.find((x) => x.from === from && x.to === to)?.customers.length ?? 0;
		const froms: (number | 'new')[] = [0, 1, 2, 'new'];
		const tos: (number | 'lost')[] = [0, 1, 2, 'lost'];
		froms.forEach((f, i) => {
			const row = rows[4 + i];
			expect(row[0]).toBe(f === 'new' ? 'новые' : `Класс ${'ABC'[f]}`);
			const cells = tos.map((t) => (f === 'new' && t === 'lost' ? null : count(f, t)));
			expect(row.slice(1, 5)).toEqual(cells);
			expect(row[5]).toBe(cells.reduce<number>((a, v) => a + (v ?? 0), 0));
		});
		// B left, '=C' came: one lost, one new; the grand total counts everyone of either period
		expect(rows[4 + 3].slice(1, 4).reduce<number>((a, v) => a + (v as number), 0)).toBe(1);
		const total = rows[8];
		expect(total[0]).toBe('Итого');
		expect(total[4]).toBe(1);
		expect(total[5]).toBe(5);
	});

	it('margin squeeze: company lines, the top class with both ranks and the reason', async () => {
		const m = tabs.margin!.result;
		const rows = rowsOf('Давление на маржу');
		expect(rows[0]).toEqual(['Маржа компании', m.companyMargin]);
		expect(rows[1]).toEqual(['Допустимое отставание от маржи компании', 0.1]);
		expect(rows[2][0]).toBe("'=Сигнал, если маржа ниже");
		expect(rows[2][1]).toBeCloseTo(m.companyMargin - 0.1, 12);
		expect(rows[4]).toEqual([
			'Код клиента',
			'Клиент',
			'Класс',
			'Выручка',
			'Прибыль',
			'Маржа',
			'Место по выручке',
			'Место по прибыли',
			'Маржа под давлением'
		]);
		expect(rows.length).toBe(5 + m.rows.length);
		const a = rows[5];
		expect(a.slice(0, 5)).toEqual(['A', 'A', 'Класс A', 220, -5]);
		expect(a[5]).toBeCloseTo(-5 / 220, 12);
		expect(a[8]).toBe('убыток');
		expect(m.rows[0].reason).toBe('negative-profit');
	});

	it('exportFile writes both, and they survive a real reader formula-safe', async () => {
		const file = await exportFile(data, c, { migration: periods, marginGap: 0.1 }, 'xlsx', labels);
		const py = python(file.data as Uint8Array);
		expect(py.testzip).toBeNull();
		const names = py.sheets!.map((s) => s.name);
		expect(names.slice(-2)).toEqual(['Движение', 'Давление на маржу']);
		for (const name of ['Движение', 'Давление на маржу']) {
			const k = names.indexOf(name);
			expect(denseRows(py.sheets![k]), name).toEqual(expected(rowsOf(name) as Sheet['rows']));
		}
		const texts = py.sheets!.flatMap((s) => denseRows(s).flat()).filter((v): v is string => typeof v === 'string');
		expect(texts).toContain("'=C");
		for (const t of texts) expect(/^[=+@]/.test(t)).toBe(false);
	}, 60_000);
});
