import { formatDay, monthLabel } from '../core/calendar';
import type { MetricComparison } from './compare';
import type { MarginResult } from './margin';
import type { MigrationResult } from './migration';
import type { RecencyResult } from './recency';
import type { Classification, SalesColumns } from './types';
import type {
	CompareView,
	MarginView,
	MigrationCellView,
	MigrationView,
	NamedCustomer,
	RecencyView,
	VipView,
	XyzView
} from './view-types';
import type { VipResult } from './vip';
import { XYZ_CELL_LIMIT, XYZ_CLASSES, type XyzResult } from './xyz';

/** Converts engine results (customer indices, day numbers) to the small named views the page renders. */

export const LIST_LIMIT = 500;

const named = (data: SalesColumns, c: number): NamedCustomer => ({
	key: data.customerKeys[c],
	name: data.customerNames[c]
});

export function vipView(data: SalesColumns, r: VipResult, limit = LIST_LIMIT): VipView {
	const shown = r.customers.filter((c) => c.status !== 'regular');
	return {
		variant: r.settings.variant,
		months: r.months.map(monthLabel),
		counts: r.counts,
		rows: shown.slice(0, limit).map((c) => {
			const vip = new Set(c.vipMonths);
			return {
				...named(data, c.customer),
				status: c.status,
				value: c.value,
				vipMonths: r.months.map((m) => vip.has(m)),
				droppedOut: c.droppedOut
			};
		}),
		more: Math.max(0, shown.length - limit),
		lost: r.lostVip.slice(0, limit).map((l) => ({
			...named(data, l.customer),
			lastPurchase: formatDay(l.lastPurchase),
			daysSince: l.daysSince,
			vipMonths: l.vipMonths.map(monthLabel)
		})),
		referenceDay: formatDay(r.referenceDay)
	};
}

const period = (p: { from: number; to: number }) => ({ from: formatDay(p.from), to: formatDay(p.to) });

function fromIndex(r: MigrationResult, from: number | 'new'): number {
	return from === 'new' ? r.classes.length : from;
}
function toIndex(r: MigrationResult, to: number | 'lost'): number {
	return to === 'lost' ? r.classes.length : to;
}

export function migrationView(data: SalesColumns, r: MigrationResult): MigrationView {
	const size = r.classes.length + 1;
	const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
	for (const cell of r.cells) counts[fromIndex(r, cell.from)][toIndex(r, cell.to)] = cell.customers.length;
	const className = (k: number | 'new' | 'lost') => (typeof k === 'number' ? r.classes[k] : k);
	const mover = (m: MigrationResult['rising'][number]) => ({
		...named(data, m.customer),
		before: m.before,
		after: m.after,
		growth: m.growth,
		fromClass: className(m.fromClass),
		toClass: className(m.toClass)
	});
	return {
		previous: period(r.previous),
		current: period(r.current),
		classes: r.classes,
		counts,
		rising: r.rising.map(mover),
		drops: r.drops.slice(0, 50).map(mover)
	};
}

/** Values of a customer in a classification, by customer index. */
function valueIndex(c: Classification): Map<number, number> {
	const m = new Map<number, number>();
	for (let r = 0; r < c.rankOrder.length; r++) m.set(c.rankOrder[r], c.value[r]);
	return m;
}

export function migrationCellView(
	data: SalesColumns,
	r: MigrationResult,
	from: number,
	to: number,
	limit = LIST_LIMIT
): MigrationCellView {
	const n = r.classes.length;
	const f = from >= n ? 'new' : from;
	const tt = to >= n ? 'lost' : to;
	const cell = r.cells.find((c) => c.from === f && c.to === tt);
	const before = valueIndex(r.previousClassification);
	const after = valueIndex(r.currentClassification);
	const customers = cell?.customers ?? [];
	return {
		from: typeof f === 'number' ? r.classes[f] : f,
		to: typeof tt === 'number' ? r.classes[tt] : tt,
		customers: customers
			.slice(0, limit)
			.map((c) => ({ ...named(data, c), before: before.get(c) ?? 0, after: after.get(c) ?? 0 })),
		more: Math.max(0, customers.length - limit)
	};
}

export function marginView(data: SalesColumns, r: MarginResult, limit = LIST_LIMIT): MarginView {
	const sample =
		r.all.length > 3000 ? r.all.filter((p, i) => p.topClass || i % Math.ceil(r.all.length / 3000) === 0) : r.all;
	return {
		companyMargin: r.companyMargin,
		gap: r.gap,
		rows: r.rows.slice(0, limit).map((row) => ({
			...named(data, row.customer),
			revenue: row.revenue,
			profit: row.profit,
			margin: row.margin,
			revenueRank: row.revenueRank,
			profitRank: row.profitRank,
			flagged: row.flagged,
			reason: row.reason
		})),
		scatter: sample.map((p) => ({
			x: p.revenueRank,
			y: p.profitRank,
			top: p.topClass,
			name: data.customerNames[p.customer]
		}))
	};
}

export function xyzView(data: SalesColumns, r: XyzResult, c: Classification, limit = XYZ_CELL_LIMIT): XyzView {
	const classes = c.settings.classes.map((k) => k.name);
	const matrix = classes.map(() => XYZ_CLASSES.map(() => ({ customers: 0, value: 0 })));
	for (const cell of r.matrix) {
		const slot = matrix[cell.classIndex][XYZ_CLASSES.indexOf(cell.xyz)];
		slot.customers = cell.customers;
		slot.value = cell.value;
	}
	const counts = { X: 0, Y: 0, Z: 0 };
	for (const z of r.xyz.values()) counts[z]++;
	// the cells' customers in rank order (value descending), the first `limit` of each
	const cells: XyzView['cells'] = classes.map(() => XYZ_CLASSES.map(() => ({ customers: [], more: 0 })));
	let cvRange: [number, number] | null = null;
	for (let i = 0; i < c.rankOrder.length; i++) {
		const k = c.rankOrder[i];
		const cv = r.cv.get(k) ?? Infinity;
		const finite = Number.isFinite(cv);
		if (finite) cvRange = cvRange ? [Math.min(cvRange[0], cv), Math.max(cvRange[1], cv)] : [cv, cv];
		const cell = cells[c.classIndex[i]][XYZ_CLASSES.indexOf(r.xyz.get(k) ?? 'Z')];
		if (cell.customers.length < limit)
			cell.customers.push({ ...named(data, k), value: c.value[i], cv: finite ? cv : null });
		else cell.more++;
	}
	return {
		months: r.months.map(monthLabel),
		classes,
		matrix,
		counts,
		thresholds: r.thresholds,
		measured: r.measured,
		cvRange,
		cells
	};
}

export function recencyView(data: SalesColumns, r: RecencyResult, limit = LIST_LIMIT): RecencyView {
	return {
		referenceDay: formatDay(r.referenceDay),
		counts: r.counts,
		quietTop: r.quietTop
			.slice(0, limit)
			.map((q) => ({ ...named(data, q.customer), daysSince: q.daysSince, status: q.status, value: q.value }))
	};
}

export function compareView(data: SalesColumns, r: MetricComparison, limit = LIST_LIMIT): CompareView {
	return {
		a: r.a,
		b: r.b,
		topA: r.topA.length,
		topB: r.topB.length,
		both: r.both.length,
		overlapShareOfA: r.overlapShareOfA,
		overlapShareOfB: r.overlapShareOfB,
		jaccard: r.jaccard,
		onlyA: r.onlyA.slice(0, limit).map((c) => named(data, c)),
		onlyB: r.onlyB.slice(0, limit).map((c) => named(data, c))
	};
}
