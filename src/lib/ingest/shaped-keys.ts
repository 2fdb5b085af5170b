/**
 * An index of keys shaped like `C036537`, `100234` or `CUST-0042` (a short prefix shared by many
 * keys, then 1 to 12 digits) by number rather than by string: the import looks up one customer
 * key per row, and a Map of strings costs a hash of the new string and a second trip through
 * memory to compare it with the stored one. Here the key becomes an exact number (prefix, digit
 * count, digits: `C036537` and `C36537` stay apart) found in a flat typed-array hash table
 * (core/number-table.ts). Keys of any other shape are the caller's to index by string. Equal keys
 * give equal numbers and different keys different numbers.
 */
import { NumberTable } from '../core/number-table';

/** Prefixes longer than this are not a key's shape but a name ("Orbit Foods LLC #36537"). */
const MAX_PREFIX = 12;
/** Prefixes indexed by number; keys with others go to the caller's string index. */
const MAX_PREFIXES = 8;
const MAX_DIGITS = 12;
const DIGITS_SCALE = 1e12;

export class ShapedKeys {
	private readonly prefixes = new Map<string, number>();
	/** the last prefix seen and its code: the keys of one export share one prefix */
	private lastPrefix = '';
	private lastPrefixCode = -1;
	private readonly ids = new NumberTable();

	/**
	 * The key as an exact number below 2^53, or -1 when it is not so shaped (or its prefix is one
	 * too many): `(prefix code · 13 + digit count) · 10^12 + digits`.
	 */
	number(key: string): number {
		const length = key.length;
		let start = length;
		while (start > 0) {
			const c = key.charCodeAt(start - 1);
			if (c < 48 || c > 57) break;
			start--;
		}
		const digits = length - start;
		if (digits === 0 || digits > MAX_DIGITS || start > MAX_PREFIX) return -1;
		let prefix = this.lastPrefixCode;
		if (prefix < 0 || start !== this.lastPrefix.length || !key.startsWith(this.lastPrefix)) {
			const text = key.slice(0, start);
			let code = this.prefixes.get(text);
			if (code === undefined) {
				if (this.prefixes.size >= MAX_PREFIXES) return -1;
				this.prefixes.set(text, (code = this.prefixes.size));
			}
			this.lastPrefix = text;
			this.lastPrefixCode = prefix = code;
		}
		let n = 0;
		for (let i = start; i < length; i++) n = n * 10 + (key.charCodeAt(i) - 48);
		return (prefix * 13 + digits) * DIGITS_SCALE + n;
	}

	/** The id stored for a shaped number (`number`), or -1. */
	find(shaped: number): number {
		return this.ids.get(shaped);
	}

	/** The id stored for a shaped number; when there is none, stores `id` and returns -1. */
	findOrAdd(shaped: number, id: number): number {
		return this.ids.getOrAdd(shaped, id);
	}
}
