/**
 * The workbook's shared-string table (xl/sharedStrings.xml): each distinct text is written once
 * and cells refer to it by index, so repeated values (class names, yes/no, statuses) cost a few
 * bytes per cell instead of their text.
 */
import { cellText, hasEdgeSpace, MAIN_NS, XML_DECL } from './xml';

export class SharedStrings {
	private index = new Map<string, number>();
	private items: string[] = [];
	/** cells that refer to the table (the `count` attribute) */
	private refs = 0;

	/** The index of `text` (cut and escaped as cellText does), added on first use. */
	id(text: string): number {
		this.refs++;
		let i = this.index.get(text);
		if (i === undefined) {
			i = this.items.length;
			this.index.set(text, i);
			const t = cellText(text);
			this.items.push(hasEdgeSpace(t) ? `<si><t xml:space="preserve">${t}</t></si>` : `<si><t>${t}</t></si>`);
		}
		return i;
	}

	get size(): number {
		return this.items.length;
	}

	/** sharedStrings.xml in pieces (joined by the caller's chunked encoder). */
	*xml(): Generator<string> {
		yield `${XML_DECL}<sst xmlns="${MAIN_NS}" count="${this.refs}" uniqueCount="${this.items.length}">`;
		yield* this.items;
		yield '</sst>';
	}
}
