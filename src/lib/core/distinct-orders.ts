/**
 * Counting distinct (customer, order) pairs over order codes, for the payments metric (README
 * "Choices where the specification is silent: Payments"): an order code is an integer-valued
 * double, equal for equal order ids and -1 for a row without one (ingest/order-codes.ts makes them).
 */
import { NumberTable } from './number-table';

/** Tables are sized up front for at most this many orders (rows often share an order): beyond, they grow. */
export const MAX_PRESIZED_ORDERS = 1 << 20;

/**
 * Counts each (customer, order) pair once. An order normally belongs to one customer, so an
 * order → customer table does (core/number-table.ts, or a directly indexed one for numbered ids);
 * an order shared by several customers falls back to exact pair keys.
 */
export class DistinctOrders {
	/** dense mode (`distinctOrdersOf`): the first order code and the owners indexed by code − base */
	private base = -1;
	private owners: Int32Array | null = null;
	/** hashed mode: order → the first customer seen with it */
	private readonly table: NumberTable | null;
	private readonly shared = new Set<string>();

	/** `expected`: about how many orders there will be (the table grows as needed) */
	constructor(expected = 512) {
		this.table = expected > 0 ? new NumberTable(expected) : null;
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
		let owner: number;
		if (this.owners) {
			const at = order - this.base;
			owner = this.owners[at];
			if (owner === -1) this.owners[at] = customer;
		} else owner = this.table!.getOrAdd(order, customer);
		if (owner === -1) return true;
		return owner === customer ? false : this.addShared(customer, order);
	}

	/** An order seen with another customer first: exact pair keys. */
	private addShared(customer: number, order: number): boolean {
		const key = `${customer}:${order}`;
		if (this.shared.has(key)) return false;
		this.shared.add(key);
		return true;
	}
}

/**
 * A DistinctOrders for these order codes (one per row, -1 for none): dense when every code is a
 * whole number in a range at most twice the row count (one prefix of numbered ids) or of at most
 * `SMALL_DENSE_SPAN` codes (the rows a filter keeps of such a file: their codes spread over the
 * whole file's range), else hashed. One pass over the codes decides.
 */
export function distinctOrdersOf(orders: Float64Array | Int32Array): DistinctOrders {
	let min = Infinity;
	let max = -Infinity;
	let whole = true;
	for (let i = 0; i < orders.length; i++) {
		const o = orders[i];
		if (o === -1) continue;
		if (o < min) min = o;
		if (o > max) max = o;
		if (o !== Math.floor(o)) whole = false;
	}
	const span = max - min + 1;
	const fits = span <= Math.max(1024, SMALL_DENSE_SPAN, 2 * orders.length) && span <= MAX_DENSE_SPAN;
	const dense = whole && min <= max && min >= 0 && fits;
	return dense ? DistinctOrders.dense(min, span) : new DistinctOrders(Math.min(orders.length, MAX_PRESIZED_ORDERS));
}

/** The largest range of codes kept densely (an Int32Array of this many owners is 128 MB). */
const MAX_DENSE_SPAN = 1 << 25;
/** A range of codes kept densely whatever the row count (16 MB of owners at most): filling it takes a few ms. */
export const SMALL_DENSE_SPAN = 1 << 22;
