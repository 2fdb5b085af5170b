/**
 * Order ids as exact numbers without a string dictionary: a 1M-row export has 1M distinct order
 * ids, and a Map of them cost a third of the import. Ids shaped like `SO-101019` (a short prefix
 * and digits without a leading zero) become prefix·10^15 + number; anything else goes through a
 * dictionary into negative codes. Equal ids give equal codes and different ids different codes.
 */
import { ownCopy } from './own-string';

const SHAPED = /^([^\d]{0,12})([1-9]\d{0,14}|0)$/;
const SCALE = 1e15;

export class OrderCodes {
	private readonly prefixes = new Map<string, number>();
	private readonly others = new Map<string, number>();

	/** the last prefix seen and its code: ids of one export share one prefix */
	private lastPrefix = '';
	private lastPrefixCode = -1;

	code(id: string): number {
		const shaped = this.shapedCode(id);
		if (shaped >= 0) return shaped;
		const m = SHAPED.exec(id);
		if (m) {
			let p = this.prefixes.get(m[1]);
			if (p === undefined && this.prefixes.size < 8) this.prefixes.set(m[1], (p = this.prefixes.size));
			if (p !== undefined) {
				this.lastPrefix = m[1];
				this.lastPrefixCode = p;
				return p * SCALE + Number(m[2]);
			}
		}
		let o = this.others.get(id);
		if (o === undefined) this.others.set(ownCopy(id), (o = -2 - this.others.size));
		return o;
	}

	/**
	 * The code of an id with the last prefix seen, read without a regular expression (a million
	 * rows each made a match array and two strings); -1 when the id is not so shaped.
	 */
	private shapedCode(id: string): number {
		const p = this.lastPrefix;
		const start = p.length;
		const digits = id.length - start;
		if (this.lastPrefixCode < 0 || digits < 1 || digits > 15 || !id.startsWith(p)) return -1;
		const first = id.charCodeAt(start);
		if (first === 48 && digits > 1) return -1;
		let n = 0;
		for (let i = start; i < id.length; i++) {
			const d = id.charCodeAt(i) - 48;
			if (d < 0 || d > 9) return -1;
			n = n * 10 + d;
		}
		return this.lastPrefixCode * SCALE + n;
	}

	/** What another OrderCodes saw, so its codes can be translated into this one's. */
	table(): OrderCodeTable {
		return { prefixes: [...this.prefixes.keys()], others: [...this.others.keys()] };
	}

	/**
	 * Learns the ids of another OrderCodes (`table`) and returns how to translate its codes into
	 * this one's, or null when the prefixes together exceed what codes can hold (then the rows
	 * must be read again here). Nothing is learnt when null is returned. `identity`: every code of
	 * the other means the same here (the usual case: the same prefixes in the same order), so its
	 * codes can be taken as they are.
	 */
	absorb(table: OrderCodeTable): OrderCodeTranslation | null {
		const newPrefixes = table.prefixes.filter((p) => !this.prefixes.has(p));
		if (this.prefixes.size + newPrefixes.length > 8) return null;
		for (const p of newPrefixes) this.prefixes.set(p, this.prefixes.size);
		const prefixCode = table.prefixes.map((p) => this.prefixes.get(p)!);
		const otherCode = table.others.map((id) => this.code(id));
		const translate = (code: number) => {
			if (code === -1) return -1;
			if (code < 0) return otherCode[-2 - code];
			const p = Math.floor(code / SCALE);
			return prefixCode[p] * SCALE + (code - p * SCALE);
		};
		const identity = prefixCode.every((c, i) => c === i) && otherCode.every((c, i) => c === -2 - i);
		return Object.assign(translate, { identity });
	}
}

/** Translates another OrderCodes' codes into this one's (`absorb`). */
export type OrderCodeTranslation = ((code: number) => number) & { identity: boolean };

export interface OrderCodeTable {
	/** in code order: prefix i has codes i·10^15 + n */
	prefixes: string[];
	/** in code order: id i has code -2 - i */
	others: string[];
}
