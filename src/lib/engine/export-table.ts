/**
 * The translated customer table shared by the workbook's Customers sheet and the CSV for
 * spreadsheets: one column description per column, in the order of the systems CSV
 * (classificationCsv), headers and categorical values from the page's labels.
 */
import type { ExtraColumns } from './csv-export';
import type { ExportLabels } from './export-labels';
import type { RecencyStatus } from './recency';
import type { Classification } from './types';
import type { VipStatus } from './vip';
import type { RfmSegment } from './rfm';
import type { ReeseType } from './reese';

/**
 * 'rank': integer; 'money': the metric's value, rounded to `decimals`; 'share': a fraction 0..1;
 * 'class': the class index; 'key': the key-customer flag; 'text': anything else (as is).
 */
export type ColumnKind = 'rank' | 'money' | 'share' | 'class' | 'key' | 'text';

export interface TableColumn {
	header: string;
	kind: ColumnKind;
	/** width in characters for the workbook */
	width: number;
	/** texts that seldom repeat (codes, names, lists): the workbook writes them in the cell */
	unique?: boolean;
	/** the cell of rank r (0-based) whose customer index is i: a number for rank/money/share/class, a boolean for key, text otherwise */
	cell: (r: number, i: number) => string | number | boolean;
}

/** Decimals of the metric's values: none for payments, the data's scale otherwise. */
export function valueDecimals(c: Classification): number {
	return c.settings.metric === 'payments' ? 0 : c.scale;
}

const round = (v: number, decimals: number) => Number(v.toFixed(decimals));

/** The columns of the translated customer table for `c` and the active extras. */
export function customerTable(
	c: Classification,
	keys: readonly string[],
	names: readonly string[],
	labels: ExportLabels,
	extra?: ExtraColumns
): TableColumn[] {
	const h = labels.columns;
	const decimals = valueDecimals(c);
	const cols: TableColumn[] = [
		{ header: h.rank, kind: 'rank', width: 8, cell: (r) => r + 1 },
		{ header: h.key, kind: 'text', width: 16, unique: true, cell: (_, i) => keys[i] },
		{ header: h.name, kind: 'text', width: 36, unique: true, cell: (_, i) => names[i] },
		{ header: h.value, kind: 'money', width: 16, cell: (r) => round(c.value[r], decimals) },
		{ header: h.share, kind: 'share', width: 10, cell: (r) => c.share[r] },
		{ header: h.cumulativeShare, kind: 'share', width: 12, cell: (r) => c.cumShare[r] },
		{ header: h.class, kind: 'class', width: 12, cell: (r) => c.classIndex[r] },
		{ header: h.keyCustomer, kind: 'key', width: 12, cell: (r) => c.isKeyCustomer[r] === 1 }
	];
	if (!extra) return cols;
	cols.push({ header: h.metric, kind: 'text', width: 12, cell: () => labels.metric });
	if (extra.vip) {
		const vip = extra.vip;
		cols.push(
			{
				header: h.vipStatus,
				kind: 'text',
				width: 12,
				cell: (_, i) => {
					const s = vip.get(i)?.status;
					return s ? (labels.vip[s as VipStatus] ?? s) : '';
				}
			},
			{
				header: h.vipMonths,
				kind: 'text',
				width: 30,
				unique: true,
				cell: (_, i) => vip.get(i)?.months.join(', ') ?? ''
			}
		);
	}
	if (extra.xyz) {
		const xyz = extra.xyz;
		cols.push({ header: h.xyz, kind: 'text', width: 8, cell: (_, i) => xyz.get(i) ?? '' });
	}
	if (extra.recency) {
		const rec = extra.recency;
		cols.push({
			header: h.recency,
			kind: 'text',
			width: 12,
			cell: (_, i) => {
				const s = rec.get(i);
				return s ? (labels.recency[s as RecencyStatus] ?? s) : '';
			}
		});
	}
	if (extra.periodFrom || extra.periodTo) {
		cols.push(
			{ header: h.periodFrom, kind: 'text', width: 12, cell: () => extra.periodFrom ?? '' },
			{ header: h.periodTo, kind: 'text', width: 12, cell: () => extra.periodTo ?? '' }
		);
	}
	if (extra.filter) cols.push({ header: h.filter, kind: 'text', width: 24, cell: () => extra.filter ?? '' });
	if (extra.rfm) {
		const rfm = extra.rfm;
		const score = (k: 'r' | 'f' | 'm') => (_: number, i: number) => String(rfm.get(i)?.[k] ?? '');
		cols.push(
			{ header: h.rfmR, kind: 'text', width: 8, cell: score('r') },
			{ header: h.rfmF, kind: 'text', width: 8, cell: score('f') },
			{ header: h.rfmM, kind: 'text', width: 8, cell: score('m') },
			{
				header: h.rfmSegment,
				kind: 'text',
				width: 20,
				cell: (_, i) => {
					const s = rfm.get(i)?.segment;
					return s ? (labels.rfmSegments[s as RfmSegment] ?? s) : '';
				}
			}
		);
	}
	if (extra.reese) {
		const reese = extra.reese;
		cols.push({
			header: h.reeseType,
			kind: 'text',
			width: 22,
			cell: (_, i) => {
				const s = reese.get(i);
				return s ? (labels.reeseTypes[s as ReeseType] ?? s) : '';
			}
		});
	}
	return cols;
}
