/**
 * The engine's state for one set of rows: per-customer totals cached by everything that changes
 * them, their ranking and ranked values, so a preset switch only draws the class bounds and a metric
 * switch (totals warmed up in the background) only ranks what is cached.
 */
import { classify } from './abc';
import { aggregate, AggregateInSlices } from './aggregate';
import { rankingOfCustomers, totalsOfCustomers } from './customer-subset';
import { rankedOf, rankOrder, type Ranked } from './ranking';
import type { Classification, ClassifySettings, CustomerTotals, SalesColumns } from './types';

/**
 * The rows of some customers of `whole` (a manager filter, engine/row-filter.ts `customerMask`):
 * `keep[customer]` is 1 for a kept customer, and `rows()` gathers their rows (`filterRows`), which
 * only the views that read rows ask for.
 */
export interface CustomerSubset {
	whole: Analysis;
	keep: Uint8Array;
	rows: () => SalesColumns;
}

export class Analysis {
	private totalsCache = new Map<string, CustomerTotals>();
	/** totals being summed in the background (`totalsInSlices`), by the same key */
	private partial = new Map<string, AggregateInSlices>();
	/** the ranking of each cached totals (`rankOrder`), sorted once */
	private orders = new WeakMap<CustomerTotals, Int32Array>();
	/** each cached totals ranked (ranking.ts) under the last key and mono shares: a preset switch only draws the class bounds */
	private rankedCache = new WeakMap<CustomerTotals, Ranked>();
	private rows: SalesColumns | null;
	private readonly subset: CustomerSubset | null;

	/** `source`: the rows, or a customer subset of another analysis (totals and ranking from the whole's) */
	constructor(source: SalesColumns | CustomerSubset) {
		this.subset = 'whole' in source ? source : null;
		this.rows = 'whole' in source ? null : source;
	}

	/** The rows; a customer subset's are gathered at the first read. */
	get data(): SalesColumns {
		return (this.rows ??= this.subset!.rows());
	}

	/**
	 * The customer dictionaries and which columns there are, without gathering a subset's rows: the
	 * whole dataset's for a subset (a filter keeps both). Not for its rows or row count.
	 */
	get shape(): SalesColumns {
		return this.rows ?? this.subset!.whole.shape;
	}

	totals(s: ClassifySettings): CustomerTotals {
		const k = totalsKey(s);
		let t = this.totalsCache.get(k);
		if (!t) {
			// a sum begun in the background is finished rather than started again
			const begun = this.partial.get(k);
			this.partial.delete(k);
			if (begun) t = begun.result();
			else if (this.subset) t = totalsOfCustomers(this.subset.whole.totals(s), this.subset.keep);
			else t = aggregate(this.data, s);
			this.totalsCache.set(k, t);
		}
		return t;
	}

	/**
	 * Sums the totals of `s` `rowsPerSlice` rows per call of the returned function, which says
	 * whether more is left, then ranks them (`ranked`) in a call of its own; a `totals` call meanwhile
	 * finishes the sum at once. Nothing to do (false at the first call) when they are known already.
	 */
	totalsInSlices(s: ClassifySettings, rowsPerSlice: number): () => boolean {
		const k = totalsKey(s);
		let summed = false;
		return () => {
			if (summed) {
				summed = false;
				this.ranked(s);
				return false;
			}
			if (this.totalsCache.has(k)) return false;
			let sum = this.partial.get(k);
			if (!sum) this.partial.set(k, (sum = new AggregateInSlices(this.data, s)));
			sum.rows(rowsPerSlice);
			if (!sum.done) return true;
			this.totals(s);
			summed = true;
			return true;
		};
	}

	/**
	 * Positions into `totals(s)` in rank order (`rankOrder`: descending total, ties by key), sorted
	 * once per totals (a customer subset's: the whole ranking without the others). It does not depend
	 * on the classes, the key share or the basis.
	 */
	ranking(s: ClassifySettings): Int32Array {
		const totals = this.totals(s);
		let order = this.orders.get(totals);
		if (!order) {
			const whole = this.subset?.whole;
			order = whole
				? rankingOfCustomers(whole.totals(s), whole.ranking(s), this.subset!.keep)
				: rankOrder(totals, this.shape.customerKeys);
			this.orders.set(totals, order);
		}
		return order;
	}

	/**
	 * `totals(s)` ranked (ranking.ts: values, shares, key customers, concentration), kept per totals
	 * while the key and mono shares stay: it does not depend on the classes.
	 */
	ranked(s: ClassifySettings): Ranked {
		const totals = this.totals(s);
		let ranked = this.rankedCache.get(totals);
		if (!ranked || ranked.keyShare !== s.keyShare || ranked.monoShare !== s.monoShare) {
			ranked = rankedOf(totals, this.shape.customerKeys, s, this.ranking(s));
			this.rankedCache.set(totals, ranked);
		}
		return ranked;
	}

	classify(s: ClassifySettings): Classification {
		return classify(this.totals(s), this.shape.customerKeys, s, this.ranked(s));
	}
}

const totalsKey = (s: ClassifySettings) => `${s.metric}|${s.returns}|${s.dateFrom ?? ''}|${s.dateTo ?? ''}`;
