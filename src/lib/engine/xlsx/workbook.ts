/**
 * The package parts around the sheets: [Content_Types].xml (with styles and shared strings), the relationships and
 * xl/workbook.xml (sheet names, and the hidden _FilterDatabase name Excel keeps per autofilter).
 */
import { MAIN_NS, PKG_REL_NS, REL_NS, sheetRef, XML_DECL, xmlEscape } from './xml';

const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export function contentTypesXml(sheetCount: number): string {
	let overrides = '';
	for (let i = 1; i <= sheetCount; i++)
		overrides += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${SHEET_TYPE}"/>`;
	return (
		`${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
		'<Default Extension="xml" ContentType="application/xml"/>' +
		'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
		overrides +
		'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
		'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
		'</Types>'
	);
}

export const ROOT_RELS =
	`${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
	`<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
	'</Relationships>';

/** `names`: the sanitised sheet names; `filters[i]`: the autofilter range of sheet i or null. */
export function workbookXml(names: readonly string[], filters: readonly (string | null)[]): string {
	const sheets = names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
	const defined = filters
		.map((range, i) => {
			if (!range) return '';
			const abs = range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
			return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(sheetRef(names[i]))}!${abs}</definedName>`;
		})
		.join('');
	return (
		`${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
		`<sheets>${sheets}</sheets>` +
		(defined ? `<definedNames>${defined}</definedNames>` : '') +
		'</workbook>'
	);
}

export function workbookRelsXml(sheetCount: number): string {
	let rels = '';
	for (let i = 1; i <= sheetCount; i++)
		rels += `<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
	return (
		`${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">${rels}` +
		`<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId${sheetCount + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
		'</Relationships>'
	);
}
