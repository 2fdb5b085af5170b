/**
 * A small XLSX (Office Open XML SpreadsheetML) writer: shared strings, numbers, booleans, cell
 * styles (bold, number formats, fills, wrapping), column widths, a frozen header row and an
 * autofilter; parts DEFLATEd by fflate as they are written. Deterministic: the same sheets give
 * the same bytes. xml.ts escapes, styles.ts collects styles, shared-strings.ts the texts,
 * sheet-xml.ts writes a sheet, workbook.ts the parts around the sheets, package.ts the ZIP.
 */
import { finish, type Steps } from '../../core/steps';
import { PackageWriter, type Compressor } from './package';
import { ChunkedText, worksheetChunks, filterRange, sheetSize, type Sheet } from './sheet-xml';
import { SharedStrings } from './shared-strings';
import { StyleBook } from './styles';
import { contentTypesXml, ROOT_RELS, workbookRelsXml, workbookXml } from './workbook';
import { sanitiseSheetName } from './xml';

export { type Compressor } from './package';
export { MAX_COLUMNS, MAX_ROWS, type Cell, type CellValue, type Sheet, type StyledCell } from './sheet-xml';
export { type CellStyle } from './styles';
export { columnName, MAX_CELL_TEXT, MAX_SHEET_NAME, sanitiseSheetName, xmlEscape } from './xml';

const encoder = new TextEncoder();

/**
 * Writes a valid .xlsx with one worksheet per sheet. Yields the fraction of sheet rows written so
 * far (0..1, about every megabyte of XML) and returns the file's bytes; a caller may stop early
 * (nothing is kept). RangeError past Excel's limits, before anything is written. `compressor`:
 * package.ts's choice unless a test forces one.
 */
export async function* xlsxSteps(sheets: Sheet[], compressor?: Compressor): Steps<Uint8Array> {
	if (sheets.length === 0) throw new RangeError('A workbook needs at least one sheet.');
	let total = 0;
	for (const sh of sheets) total += sheetSize(sh.rows).rows;
	const names: string[] = [];
	const taken = new Set<string>();
	sheets.forEach((sh, i) => {
		const n = sanitiseSheetName(sh.name, taken, `Sheet${i + 1}`);
		taken.add(n);
		names.push(n);
	});
	const zip = new PackageWriter(compressor);
	await zip.add('[Content_Types].xml', encoder.encode(contentTypesXml(sheets.length)));
	await zip.add('_rels/.rels', encoder.encode(ROOT_RELS));
	await zip.add('xl/workbook.xml', encoder.encode(workbookXml(names, sheets.map(filterRange))));
	await zip.add('xl/_rels/workbook.xml.rels', encoder.encode(workbookRelsXml(sheets.length)));
	const styles = new StyleBook();
	const strings = new SharedStrings();
	let done = 0;
	for (let i = 0; i < sheets.length; i++) {
		const part = zip.part(`xl/worksheets/sheet${i + 1}.xml`);
		for (const chunk of worksheetChunks(sheets[i], styles, strings)) {
			await part.push(chunk.bytes);
			done += chunk.rows;
			yield total === 0 ? 1 : done / total;
		}
		await part.end();
	}
	await zip.add('xl/styles.xml', encoder.encode(styles.xml()));
	const sst = zip.part('xl/sharedStrings.xml');
	const text = new ChunkedText();
	for (const piece of strings.xml()) if (text.write(piece)) await sst.push(text.take());
	await sst.push(text.take());
	await sst.end();
	return zip.bytes();
}

/** A valid .xlsx with one worksheet per sheet, as bytes; RangeError past Excel's limits. */
export function buildXlsx(sheets: Sheet[], compressor?: Compressor): Promise<Uint8Array> {
	return finish(xlsxSteps(sheets, compressor));
}
