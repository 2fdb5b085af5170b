/** The growing columns of the builder: exact decimals until their common scale is known, and a string dictionary. */
import { Growable } from './growable';
import { rescale } from './numbers';
import { ownCopy } from './own-string';
import { ShapedKeys } from './shaped-keys';
import type { Decimal } from './types';

/** Decimal column kept as mantissa + decimals until the common scale is known. */
export class DecimalColumn {
	readonly m = new Growable(Float64Array);
	readonly d = new Growable(Uint8Array);
	push(x: Decimal): void {
		this.m.push(x.m);
		this.d.push(x.d);
	}
	get length(): number {
		return this.m.length;
	}
	reserve(n: number): void {
		this.m.reserve(n);
		this.d.reserve(n);
	}
	/** Zeros until the column holds `n` values. */
	padTo(n: number): void {
		this.m.padTo(n, 0);
		this.d.padTo(n, 0);
	}
	/** Appends a part's values, or `rows` zeros for a part read without this column. */
	appendOrPad(part: DecimalPart, rows: number): void {
		if (part.m.length > 0) this.append(part);
		else this.padTo(this.length + rows);
	}
	part(): DecimalPart {
		return { m: this.m.toArray(), d: this.d.toArray() };
	}
	append(part: DecimalPart): void {
		this.m.append(part.m);
		this.d.append(part.d);
	}
	/**
	 * Exact integers at the largest scale that keeps every value below 2^53 (in practice the
	 * largest number of decimals the column has); values with more decimals are rounded.
	 */
	finish(): { values: Float64Array; scale: number } {
		const m = this.m.toArray();
		const d = this.d.toArray();
		let scale = 0;
		let fewest = 255;
		let largest = 0;
		for (let i = 0; i < d.length; i++) {
			if (d[i] > scale) scale = d[i];
			if (d[i] < fewest) fewest = d[i];
			const a = Math.abs(m[i]);
			if (a > largest) largest = a;
		}
		// every value fits at the largest scale: no search (one pass instead of one per scale tried)
		if (largest * 10 ** (scale - Math.min(fewest, scale)) <= Number.MAX_SAFE_INTEGER) {
			// every value already at that scale: the mantissas are the values
			if (fewest === scale) return { values: m, scale };
			return { values: rescaledTo(m, d, scale), scale };
		}
		for (; scale > 0; scale--) {
			let fits = true;
			for (let i = 0; i < m.length && fits; i++) {
				if (Math.abs(m[i]) * 10 ** (scale - d[i]) > Number.MAX_SAFE_INTEGER) fits = false;
			}
			if (fits) break;
		}
		return { values: rescaledTo(m, d, scale), scale };
	}
}

/** Mantissas `m` with decimals `d` as integers at `scale` (rounded when they have more decimals). */
function rescaledTo(m: Float64Array, d: Uint8Array, scale: number): Float64Array {
	const values = new Float64Array(m.length);
	for (let i = 0; i < m.length; i++) values[i] = d[i] === scale ? m[i] : rescale({ m: m[i], d: d[i] }, scale);
	return values;
}

export interface DecimalPart {
	m: Float64Array;
	d: Uint8Array;
}

/** Strings to ids in the order first seen; keys shaped like `C036537` are indexed by number (shaped-keys.ts). */
export class Dictionary {
	readonly values: string[] = [];
	private readonly index = new Map<string, number>();
	private readonly shaped = new ShapedKeys();
	id(v: string): number {
		const next = this.values.length;
		const n = this.shaped.number(v);
		let known: number;
		if (n >= 0) known = this.shaped.findOrAdd(n, next);
		else known = this.index.get(v) ?? -1;
		if (known >= 0) return known;
		// kept for good: not a view into the chunk it was parsed from
		const own = ownCopy(v);
		if (n < 0) this.index.set(own, next);
		this.values.push(own);
		return next;
	}
	/** index of a known value, or -1 */
	find(v: string): number {
		const n = this.shaped.number(v);
		return n >= 0 ? this.shaped.find(n) : (this.index.get(v) ?? -1);
	}
	has(v: string): boolean {
		return this.find(v) >= 0;
	}
	get size(): number {
		return this.values.length;
	}
}
