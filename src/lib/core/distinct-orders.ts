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

	/** true the first time this customer is seen with this order */
	add(customer: number, order: number): boolean {
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
			if (this.orders[i] === order) {
				if (owner === customer) return false;
				const key = `${customer}:${order}`;
				if (this.shared.has(key)) return false;
				this.shared.add(key);
				return true;
			}
			i = (i + 1) & this.mask;
		}
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

/** A well-mixed 32-bit hash of an order code (an integer-valued double, possibly negative). */
function slotOf(order: number): number {
	const lo = order | 0;
	const hi = (order / 4294967296) | 0;
	let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}
