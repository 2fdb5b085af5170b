/**
 * Counting distinct (customer, order) pairs over order codes, for the payments metric (README
 * "Choices where the specification is silent: Payments"): an order code is an integer-valued
 * double, equal for equal order ids and -1 for a row without one (ingest/order-codes.ts makes them).
 */

/** Tables are sized up front for at most this many orders (rows often share an order): beyond, they grow. */
export const MAX_PRESIZED_ORDERS = 1 << 20;

/**
 * Counts each (customer, order) pair once. An order normally belongs to one customer, so an
 * order → customer table does (open addressing over typed arrays: a Map of a million numbers cost
 * ~200 ms and a garbage collection); an order shared by several customers falls back to exact pair keys.
 */
export class DistinctOrders {
	/** dense mode (`distinctOrdersOf`): the first order code; owners are indexed by code − base */
	private base = -1;
	private orders: Float64Array;
	/** the first customer seen with the order in the same slot, -1 for an empty slot */
	private owners: Int32Array;
	private mask: number;
	private size = 0;
	private readonly shared = new Set<string>();

	/** `expected`: about how many orders there will be (the table grows as needed) */
	constructor(expected = 512) {
		let capacity = 1024;
		while (capacity * 3 < expected * 4) capacity *= 2;
		this.orders = new Float64Array(capacity);
		this.owners = new Int32Array(capacity).fill(-1);
		this.mask = capacity - 1;
	}

	/**
	 * Order codes that are whole numbers from `base` to `base + span − 1` (ids like `SO-101019` of
	 * one prefix): owners are kept by code − base, no hashing, and neighbouring orders sit side by
	 * side in memory (a 5M-row file's payments took a second of cache misses in the hash table).
	 */
	static dense(base: number, span: number): DistinctOrders {
		const d = new DistinctOrders(0);
		d.base = base;
		d.owners = new Int32Array(span).fill(-1);
		return d;
	}

	/** true the first time this customer is seen with this order */
	add(customer: number, order: number): boolean {
		if (this.base >= 0) {
			const at = order - this.base;
			const owner = this.owners[at];
			if (owner === -1) {
				this.owners[at] = customer;
				return true;
			}
			return owner === customer ? false : this.addShared(customer, order);
		}
		let i = slotOf(order) & this.mask;
		for (;;) {
			const owner = this.owners[i];
			if (owner === -1) {
				this.orders[i] = order;
				this.owners[i] = customer;
				// three quarters full at most: probes stay short, memory stays near 16 bytes per order
				if (++this.size * 4 > this.owners.length * 3) this.grow();
				return true;
			}
			if (this.orders[i] === order) return owner === customer ? false : this.addShared(customer, order);
			i = (i + 1) & this.mask;
		}
	}

	/** An order seen with another customer first: exact pair keys. */
	private addShared(customer: number, order: number): boolean {
		const key = `${customer}:${order}`;
		if (this.shared.has(key)) return false;
		this.shared.add(key);
		return true;
	}

	private grow(): void {
		const orders = this.orders;
		const owners = this.owners;
		const capacity = owners.length * 2;
		this.orders = new Float64Array(capacity);
		this.owners = new Int32Array(capacity).fill(-1);
		this.mask = capacity - 1;
		for (let j = 0; j < owners.length; j++) {
			if (owners[j] === -1) continue;
			let i = slotOf(orders[j]) & this.mask;
			while (this.owners[i] !== -1) i = (i + 1) & this.mask;
			this.orders[i] = orders[j];
			this.owners[i] = owners[j];
		}
	}
}

/**
 * A DistinctOrders for these order codes (one per row, -1 for none): dense when every code is a
 * whole number in a range at most twice the row count (one prefix of numbered ids), else hashed.
 * One pass over the codes decides.
 */
export function distinctOrdersOf(orders: Float64Array | Int32Array): DistinctOrders {
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < orders.length; i++) {
		const o = orders[i];
		if (o === -1) continue;
		if (o < min) min = o;
		if (o > max) max = o;
	}
	const span = max - min + 1;
	let whole = min <= max && min >= 0 && span <= Math.max(1024, 2 * orders.length) && span <= MAX_DENSE_SPAN;
	for (let i = 0; whole && i < orders.length; i++) if (orders[i] !== Math.floor(orders[i])) whole = false;
	return whole ? DistinctOrders.dense(min, span) : new DistinctOrders(Math.min(orders.length, MAX_PRESIZED_ORDERS));
}

/** The largest range of codes kept densely (an Int32Array of this many owners is 128 MB). */
const MAX_DENSE_SPAN = 1 << 25;

/** A well-mixed 32-bit hash of an order code (an integer-valued double, possibly negative). */
function slotOf(order: number): number {
	const lo = order | 0;
	const hi = (order / 4294967296) | 0;
	let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}
