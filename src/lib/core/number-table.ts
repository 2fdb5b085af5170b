/**
 * A table from exact whole numbers (doubles below 2^53 in magnitude) to non-negative 32-bit values,
 * by open addressing over typed arrays: no boxed keys, no Map entries, one probe sequence per
 * lookup. Used per row by the import (customer keys by shape, ingest/shaped-keys.ts) and the
 * payments metric (order → customer, core/distinct-orders.ts), where a Map of a million numbers
 * cost ~200 ms and a garbage collection.
 */
export class NumberTable {
	private keys: Float64Array;
	/** -1 marks an empty slot */
	private values: Int32Array;
	private mask: number;
	private size = 0;

	/** `expected`: about how many keys there will be (the table grows as needed) */
	constructor(expected = 512) {
		let capacity = 1024;
		while (capacity * 3 < expected * 4) capacity *= 2;
		this.keys = new Float64Array(capacity);
		this.values = new Int32Array(capacity).fill(-1);
		this.mask = capacity - 1;
	}

	/** The value stored for `key`, or -1. */
	get(key: number): number {
		for (let i = slotOf(key) & this.mask; ; i = (i + 1) & this.mask) {
			const v = this.values[i];
			if (v === -1 || this.keys[i] === key) return v;
		}
	}

	/** The value stored for `key`; when there is none, stores `value` (≥ 0) and returns -1. */
	getOrAdd(key: number, value: number): number {
		for (let i = slotOf(key) & this.mask; ; i = (i + 1) & this.mask) {
			const v = this.values[i];
			if (v === -1) {
				this.keys[i] = key;
				this.values[i] = value;
				// three quarters full at most: probes stay short, memory stays near 12 bytes per key
				if (++this.size * 4 > this.values.length * 3) this.grow();
				return -1;
			}
			if (this.keys[i] === key) return v;
		}
	}

	private grow(): void {
		const keys = this.keys;
		const values = this.values;
		const capacity = values.length * 2;
		this.keys = new Float64Array(capacity);
		this.values = new Int32Array(capacity).fill(-1);
		this.mask = capacity - 1;
		for (let j = 0; j < values.length; j++) {
			if (values[j] === -1) continue;
			let i = slotOf(keys[j]) & this.mask;
			while (this.values[i] !== -1) i = (i + 1) & this.mask;
			this.keys[i] = keys[j];
			this.values[i] = values[j];
		}
	}
}

/** A well-mixed 32-bit hash of an exact whole number (possibly negative). */
function slotOf(key: number): number {
	const lo = key | 0;
	const hi = (key / 4294967296) | 0;
	let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}
