/**
 * Every text of a translated export (XLSX, CSV for spreadsheets), made by the page in the UI
 * language with t() and sent to the worker with the request: the engine never translates.
 */
import type { MarginRow } from './margin';
import type { RecencyStatus } from './recency';
import type { VipStatus } from './vip';
import type { RfmSegment } from './rfm';
import type { ReeseType } from './reese';

/** A provenance line of the cover sheet: label and value (numbers stay numbers). */
export type CoverRow = [label: string, value: string | number];

export interface ExportLabels {
	sheets: {
		cover: string;
		customers: string;
		segments: string;
		concentration: string;
		vip: string;
		xyz: string;
		recency: string;
		movement: string;
		margin: string;
	};
	/** headers of the customer table (Customers sheet, CSV for spreadsheets) */
	columns: {
		rank: string;
		key: string;
		name: string;
		value: string;
		share: string;
		cumulativeShare: string;
		class: string;
		keyCustomer: string;
		metric: string;
		vipStatus: string;
		vipMonths: string;
		xyz: string;
		recency: string;
		periodFrom: string;
		periodTo: string;
		filter: string;
		rfmR: string;
		rfmF: string;
		rfmM: string;
		rfmSegment: string;
		reeseType: string;
	};
	/** the key-customer column's values */
	yes: string;
	no: string;
	/** per class of the settings, in order: translated name, playbook text, colour as #RRGGBB */
	classNames: string[];
	playbooks: string[];
	classColors: string[];
	/** the metric's name ('выручка') */
	metric: string;
	vip: Record<VipStatus, string>;
	recency: Record<RecencyStatus, string>;
	rfmSegments: Record<RfmSegment, string>;
	reeseTypes: Record<ReeseType, string>;
	segments: {
		class: string;
		customers: string;
		customerShare: string;
		value: string;
		valueShare: string;
		average: string;
		playbook: string;
		total: string;
		/** the row of customers whose returns exceed purchases (total ≤ 0) */
		nonPositive: string;
		/** all customers, net of returns (what the books show) */
		netTotal: string;
	};
	concentration: {
		measure: string;
		value: string;
		customers: string;
		total: string;
		keyCustomers: string;
		monoClient: string;
		top1: string;
		top5: string;
		top20: string;
		for80: string;
		for80Share: string;
		gini: string;
		hhi: string;
	};
	/** the ABC×XYZ and class × recency matrices: the row header, the counts and values, the total row */
	matrix: { class: string; customers: string; value: string; total: string };
	/** the Movement sheet: the two periods' lines, the matrix's corner, the 'new' row, the 'lost' column, the totals */
	movement: { previous: string; current: string; fromTo: string; new: string; lost: string; total: string };
	/** the Margin squeeze sheet: the company lines, the table's headers and the flag's reasons */
	margin: {
		companyMargin: string;
		gap: string;
		limit: string;
		revenue: string;
		profit: string;
		margin: string;
		revenueRank: string;
		profitRank: string;
		flag: string;
		reasons: Record<NonNullable<MarginRow['reason']>, string>;
	};
	cover: {
		title: string;
		/** the page's provenance lines: dataset, files, rows, period, settings, import decisions, export date, version */
		rows: CoverRow[];
		/** label of the line the worker adds: customers classified */
		customers: string;
		/** label of the line the worker adds: the share base (sum of positive totals) */
		shareBase: string;
	};
}
