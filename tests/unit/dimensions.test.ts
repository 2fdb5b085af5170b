/**
 * Dimensions (README "Dimensions and filters"): which columns the mapping step offers and
 * pre-ticks, and how the builder keeps them: matched by header name across files, trimmed, empty
 * as '', rows of a file without the column empty, a column with too many values dropped and
 * reported.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DIMENSION_VALUES } from '../../src/lib/engine/types';
import { importFiles, prepareBytes, type FileToImport } from '../../src/lib/ingest/pipeline';
import { sniffText } from '../../src/lib/ingest/sniff';
import { isDimensionHeader, suggestDimensions, type DimensionSuggestion } from '../../src/lib/ingest/dimensions';
import type { ColumnMapping } from '../../src/lib/ingest/types';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The suggestions for an inline CSV, with the sniff's own auto-mapping. */
function suggest(csv: string): { offered: DimensionSuggestion[]; mapping: ColumnMapping } {
	const s = sniffText(csv, false);
	return { offered: suggestDimensions(s.header, s.rows, s.auto.mapping), mapping: s.auto.mapping };
}

const brief = (list: DimensionSuggestion[]) =>
	list.map((d) => [d.name, d.preTicked, d.likelyId, d.distinctInSample, d.sampleSize]);

async function prepare(csv: string, name: string, dimensions?: number[]): Promise<FileToImport> {
	const f = await prepareBytes(utf8(csv), name);
	return dimensions ? { ...f, plan: { ...f.plan, dimensions } } : f;
}

const read = (files: FileToImport[]) => importFiles(files, { cancelled: () => false });

describe('the columns offered as dimensions', () => {
	it('pre-ticks common English headers whatever their case, spacing and punctuation', () => {
		const { offered, mapping } = suggest(
			'Order ID,Customer,Sales,REGION,Sub-Category,ship mode,Notes,Code\n' +
				'O1,Acme,10,West, Chairs ,Second Class,call back,101\n' +
				'O2,Beta,20,East,Tables,Standard Class,,102\n' +
				'O3,Acme,5,West,Chairs,Standard Class,urgent,103\n'
		);
		expect(mapping.customerKey).toBe(1);
		expect(brief(offered)).toEqual([
			['REGION', true, false, 2, 3],
			['Sub-Category', true, false, 2, 3],
			['ship mode', true, false, 2, 3],
			// free text is offered, not ticked; a numeric column ('Code') is not offered at all
			['Notes', false, false, 2, 3]
		]);
		expect(offered.map((d) => d.column)).toEqual([3, 4, 5, 6]);
	});

	it('knows the Russian and Romanian names, with or without diacritics', () => {
		const ru = suggest(
			'Клиент;Сумма;Регион;Номенклатурная группа;Склад;Воронка;Комментарий\n' +
				'ООО Ромашка;100;Москва;Напитки;Основной;Входящие;звонил\n' +
				'ИП Петров;50;Казань;Снеки;Основной;Партнёры;\n'
		);
		expect(brief(ru.offered)).toEqual([
			['Регион', true, false, 2, 2],
			['Номенклатурная группа', true, false, 2, 2],
			// one value in the sample: offered, not pre-ticked (it would slice nothing)
			['Склад', false, false, 1, 2],
			['Воронка', true, false, 2, 2],
			['Комментарий', false, false, 1, 2]
		]);
		for (const h of ['Regiune', 'Oraș', 'Oraş', 'ORAS', 'Județ', 'judet', 'Sursă', 'Depozit', 'Categorie', 'Canal'])
			expect(isDimensionHeader(h), h).toBe(true);
		for (const h of ['Город', ' город ', 'Номенклатура', 'Sub Category', 'SUB_CATEGORY', 'Product Category'])
			expect(isDimensionHeader(h), h).toBe(true);
		for (const h of ['Customer', 'Amount', 'Notes', 'Region code', 'Комментарий', 'Suma'])
			expect(isDimensionHeader(h), h).toBe(false);
	});

	it('does not offer numbers or dates, mapped columns or unnamed ones, but keeps a numbered warehouse', () => {
		const { offered } = suggest(
			'Customer,Amount,Price,Shipped,Share,Warehouse,,Segment\n' +
				'Acme,10,"1,50",2024-01-02,5%,1,x,Retail\n' +
				'Beta,20,"2,00",2024-01-03,7%,2,y,Retail\n' +
				'Gamma,30,"3,25",03.01.2024,8%,1,z,Corporate\n'
		);
		expect(brief(offered)).toEqual([
			['Warehouse', true, false, 2, 3],
			['Segment', true, false, 2, 3]
		]);
	});

	it('says a column looks like an id when nearly every value is distinct over 50 rows or more', () => {
		const rows = (n: number) =>
			Array.from({ length: n }, (_, i) => `C${i % 7},${i + 1},Product ${i},Region ${i % 3},note ${i % 40}`);
		const header = 'Customer,Amount,Product,Region,Comment';
		const many = suggest([header, ...rows(60)].join('\n') + '\n').offered;
		expect(brief(many)).toEqual([
			['Product', false, true, 60, 60],
			['Region', true, false, 3, 60],
			['Comment', false, false, 40, 60]
		]);
		// 49 rows are too few to tell an id from a short file
		const few = suggest([header, ...rows(49)].join('\n') + '\n').offered;
		expect(few[0]).toMatchObject({ name: 'Product', likelyId: false, preTicked: true, distinctInSample: 49 });
	});

	it('leaves out a column mapped to a role, and a second column of a name already offered', () => {
		const s = sniffText('Customer,Amount,Region,region\nAcme,1,N,S\nBeta,2,S,N\n', false);
		expect(suggestDimensions(s.header, s.rows, s.auto.mapping).map((d) => d.column)).toEqual([2]);
		const taken = { ...s.auto.mapping, manager: 2 };
		expect(suggestDimensions(s.header, s.rows, taken).map((d) => d.column)).toEqual([3]);
	});
});

describe('the builder keeps dimensions', () => {
	it('matches a dimension by name across files; trims values; empty cells and files without it give ""', async () => {
		const a = await prepare(
			'Customer,Amount,Region,Channel\nAcme,10, North ,web\nBeta,20,,shop\nAcme,5,South,web\n',
			'a.csv',
			[2, 3]
		);
		// 'region ' at another column, spelled otherwise: the same dimension, first spelling kept
		const b = await prepare('region ,Customer,Amount\nSouth,Gamma,7\nEast,Acme,1\n', 'b.csv', [0]);
		const c = await prepare('Customer,Amount\nDelta,3\n', 'c.csv', []);
		const { columns, report } = await read([a, b, c]);
		expect(columns.rowCount).toBe(6);
		const [region, channel] = columns.dimensions!;
		expect(columns.dimensions!.map((d) => d.name)).toEqual(['Region', 'Channel']);
		expect(region.values).toEqual(['North', '', 'South', 'East']);
		expect(Array.from(region.codes)).toEqual([0, 1, 2, 2, 3, 1]);
		expect(region.codes).toBeInstanceOf(Uint16Array);
		expect(channel.values).toEqual(['web', 'shop', '']);
		expect(Array.from(channel.codes)).toEqual([0, 1, 0, 2, 2, 2]);
		expect(report.droppedDimensions).toBeUndefined();
	});

	it('gives a dimension first chosen in a later file empty cells for the earlier rows', async () => {
		const a = await prepare('Customer,Amount,Segment\nAcme,10,Retail\n', 'a.csv', []);
		const b = await prepare('Customer,Amount,Segment\nBeta,20,Retail\nGamma,5,\n', 'b.csv', [2]);
		const { columns } = await read([a, b]);
		expect(columns.dimensions).toEqual([
			{ name: 'Segment', values: ['', 'Retail'], codes: new Uint16Array([0, 1, 0]) }
		]);
	});

	it('keeps the pre-ticked columns when nothing was chosen, and none when the choice is empty', async () => {
		const csv = 'Customer,Amount,Region,Notes\nAcme,10,West,a\nBeta,20,East,b\n';
		expect((await read([await prepare(csv, 'auto.csv')])).columns.dimensions!.map((d) => d.name)).toEqual(['Region']);
		expect((await read([await prepare(csv, 'none.csv', [])])).columns.dimensions).toEqual([]);
		// a column chosen as a dimension and then mapped to a role is not kept twice
		const f = await prepare(csv, 'mapped.csv', [2, 3]);
		const mapped = { ...f, plan: { ...f.plan, mapping: { ...f.plan.mapping, manager: 3 } } };
		expect((await read([mapped])).columns.dimensions!.map((d) => d.name)).toEqual(['Region']);
	});

	it(`drops a dimension with more than ${MAX_DIMENSION_VALUES} distinct values and says so in the report`, async () => {
		const rows = ['Customer,Amount,Ticket,Region'];
		for (let i = 0; i < MAX_DIMENSION_VALUES + 10; i++) rows.push(`C${i % 9},${i + 1},T-${i},${['N', 'S'][i % 2]}`);
		const { columns, report } = await read([await prepare(rows.join('\n') + '\n', 'ids.csv', [2, 3])]);
		expect(columns.dimensions!.map((d) => d.name)).toEqual(['Region']);
		expect(columns.dimensions![0].codes.length).toBe(MAX_DIMENSION_VALUES + 10);
		expect(report.droppedDimensions).toEqual(['Ticket']);
		// exactly the limit is kept
		const at = ['Customer,Amount,Ticket'];
		for (let i = 0; i < MAX_DIMENSION_VALUES; i++) at.push(`C${i % 9},1,T-${i}`);
		const kept = await read([await prepare(at.join('\n') + '\n', 'at.csv', [2])]);
		expect(kept.columns.dimensions![0].values).toHaveLength(MAX_DIMENSION_VALUES);
		expect(kept.report.droppedDimensions).toBeUndefined();
	});

	it('gives a refund read from its own column the dimensions of its row', async () => {
		const csv = 'Customer,Amount,Refund,Region\nAcme,100,30,North\nBeta,50,,South\n';
		const f = await prepare(csv, 'refunds.csv', [3]);
		expect(f.plan.meaning?.refund).toBe(2);
		const { columns } = await read([f]);
		// the sale, its refund (a row beside it), the next sale
		expect(Array.from(columns.amount)).toEqual([100, -30, 50]);
		expect(columns.dimensions).toEqual([
			{ name: 'Region', values: ['North', 'South'], codes: new Uint16Array([0, 0, 1]) }
		]);
	});
});
