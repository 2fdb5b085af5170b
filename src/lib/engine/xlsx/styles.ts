/**
 * The workbook's cell styles (xl/styles.xml): each distinct CellStyle becomes one cellXfs entry,
 * number formats and fills are shared. Style 0 is the default (Calibri 11, General).
 */
import { MAIN_NS, XML_DECL, xmlEscape } from './xml';

/** How a cell looks. Equal objects give the same style; reuse one object for speed. */
export interface CellStyle {
	bold?: boolean;
	/** an Excel number format code in its invariant form ('#,##0.00', '0.00%'); none = General */
	numFmt?: string;
	/** background colour as RRGGBB */
	fill?: string;
	/** wrap text and align to the top (long texts such as playbooks) */
	wrap?: boolean;
}

/** Number format codes Excel has built in, by id (ECMA-376 Part 1, 18.8.30). */
const BUILT_IN: Record<string, number> = { '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };

/** Collects the styles of a workbook while its sheets are written; `xml()` gives styles.xml. */
export class StyleBook {
	private formats = new Map<string, number>();
	private fills = new Map<string, number>();
	private xfs = new Map<string, number>([['', 0]]);
	private xfXml = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
	private byObject = new WeakMap<CellStyle, number>();

	/** The cellXfs index (the `s` attribute of a cell) of `style`. */
	id(style: CellStyle): number {
		const known = this.byObject.get(style);
		if (known !== undefined) return known;
		const key = `${style.bold ? 1 : 0}|${style.numFmt ?? ''}|${style.fill ?? ''}|${style.wrap ? 1 : 0}`;
		let id = this.xfs.get(key);
		if (id === undefined) {
			const fmt = style.numFmt === undefined ? 0 : this.format(style.numFmt);
			const fill = style.fill === undefined ? 0 : this.fill(style.fill);
			const font = style.bold ? 1 : 0;
			let xf = `<xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"`;
			if (fmt) xf += ' applyNumberFormat="1"';
			if (font) xf += ' applyFont="1"';
			if (fill) xf += ' applyFill="1"';
			xf += style.wrap ? ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' : '/>';
			id = this.xfXml.length;
			this.xfXml.push(xf);
			this.xfs.set(key, id);
		}
		this.byObject.set(style, id);
		return id;
	}

	private format(code: string): number {
		if (code in BUILT_IN) return BUILT_IN[code];
		let id = this.formats.get(code);
		if (id === undefined) this.formats.set(code, (id = 164 + this.formats.size));
		return id;
	}

	private fill(rgb: string): number {
		const hex = rgb.replace(/^#/, '').toUpperCase();
		if (!/^[0-9A-F]{6}$/.test(hex)) return 0;
		let id = this.fills.get(hex);
		if (id === undefined) this.fills.set(hex, (id = 2 + this.fills.size));
		return id;
	}

	xml(): string {
		const fmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
		const fills = [...this.fills.keys()].map(
			(hex) =>
				`<fill><patternFill patternType="solid"><fgColor rgb="FF${hex}"/><bgColor indexed="64"/></patternFill></fill>`
		);
		return (
			`${XML_DECL}<styleSheet xmlns="${MAIN_NS}">` +
			(fmts.length ? `<numFmts count="${fmts.length}">${fmts.join('')}</numFmts>` : '') +
			'<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
			'<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
			`<fills count="${2 + fills.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills.join('')}</fills>` +
			'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
			'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
			`<cellXfs count="${this.xfXml.length}">${this.xfXml.join('')}</cellXfs>` +
			'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
		);
	}
}
