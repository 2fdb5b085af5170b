/**
 * A small XLSX (Office Open XML SpreadsheetML) writer: inline strings, numbers, booleans, cell
 * styles (bold, number formats, fills, wrapping), column widths, a frozen header row and an
 * autofilter; parts zipped with DEFLATE by fflate. Deterministic: the same sheets give the same bytes.
 * xml.ts escapes, styles.ts collects styles, sheet-xml.ts writes a sheet, workbook.ts the parts
 * around the sheets, package.ts the ZIP.
 */
import { zipParts } from './package';
import { worksheetXml, filterRange, type Sheet } from './sheet-xml';
import { StyleBook } from './styles';
import { contentTypesXml, ROOT_RELS, workbookRelsXml, workbookXml } from './workbook';
import { sanitiseSheetName } from './xml';

export { MAX_COLUMNS, MAX_ROWS, type Cell, type CellValue, type Sheet, type StyledCell } from './sheet-xml';
export { type CellStyle } from './styles';
export { columnName, MAX_CELL_TEXT, MAX_SHEET_NAME, sanitiseSheetName, xmlEscape } from './xml';

const encoder = new TextEncoder();

/** A valid .xlsx with one worksheet per sheet, as bytes; RangeError past Excel's limits. */
export function buildXlsx(sheets: Sheet[]): Uint8Array {
	if (sheets.length === 0) throw new RangeError('A workbook needs at least one sheet.');
	const names: string[] = [];
	const taken = new Set<string>();
	sheets.forEach((sh, i) => {
		const n = sanitiseSheetName(sh.name, taken, `Sheet${i + 1}`);
		taken.add(n);
		names.push(n);
	});
	const styles = new StyleBook();
	const sheetParts = sheets.map((sh, i): [string, Uint8Array] => [
		`xl/worksheets/sheet${i + 1}.xml`,
		worksheetXml(sh, styles)
	]);
	return zipParts([
		['[Content_Types].xml', encoder.encode(contentTypesXml(sheets.length))],
		['_rels/.rels', encoder.encode(ROOT_RELS)],
		['xl/workbook.xml', encoder.encode(workbookXml(names, sheets.map(filterRange)))],
		['xl/_rels/workbook.xml.rels', encoder.encode(workbookRelsXml(sheets.length))],
		['xl/styles.xml', encoder.encode(styles.xml())],
		...sheetParts
	]);
}
