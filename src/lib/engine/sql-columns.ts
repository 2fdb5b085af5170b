/**
 * The column names "Show as SQL" writes for a dataset: what its first file's header calls each
 * mapped role, and the stand-in name of a mapped column whose header cell is empty.
 */
import { sqlRowRulesOf, type RowMeaningPlan, type SqlRowRules } from './sql-rules';
import type { SqlDiscountKind } from './sql-reese';

/**
 * The mapped column names as in the user's file header. A name may be '' (the header cell is
 * empty): the query then uses a stand-in name, `column_<position>` (1-based, from `positions`),
 * or `unnamed_<role>` when the position is unknown (datasets stored before positions were kept),
 * and says so in its header comment. An absent (undefined) name means "not mapped".
 */
export interface SqlColumns {
	customerKey: string;
	amount?: string;
	quantity?: string;
	unitPrice?: string;
	profit?: string;
	date?: string;
	orderId?: string;
	/** the manager column (for a manager filter); absent in datasets stored before filters */
	manager?: string;
	/** the discount column (Reese's customer types); absent in datasets stored before them */
	discount?: string;
	/** what the discount column holds (ingest/discounts.ts `DiscountKind`); 'amount' when absent */
	discountKind?: SqlDiscountKind;
	/** the list-price (compare-at) column; absent in datasets stored before customer types */
	listPrice?: string;
	/** 1-based position of each mapped column in the file */
	positions?: Partial<Record<SqlRole, number>>;
	/** the import's row rules (status, document type, refunds, currency); absent in datasets stored before them */
	rules?: SqlRowRules;
}

export type SqlRole =
	| 'customerKey'
	| 'amount'
	| 'quantity'
	| 'unitPrice'
	| 'profit'
	| 'date'
	| 'orderId'
	| 'manager'
	| 'discount'
	| 'listPrice';

const SQL_ROLES: readonly SqlRole[] = [
	'customerKey',
	'amount',
	'quantity',
	'unitPrice',
	'profit',
	'date',
	'orderId',
	'manager',
	'discount',
	'listPrice'
];
const ROLE_SNAKE: Record<SqlRole, string> = {
	customerKey: 'customer_key',
	amount: 'amount',
	quantity: 'quantity',
	unitPrice: 'unit_price',
	profit: 'profit',
	date: 'date',
	orderId: 'order_id',
	manager: 'manager',
	discount: 'discount',
	listPrice: 'list_price'
};

/** A file's header and the column index of each role (-1 when unmapped): the part of an import plan SQL needs. */
export interface MappedHeader {
	header: string[];
	/** plans stored before the discount roles have no `discount` / `listPrice` */
	mapping: Omit<Record<SqlRole, number>, 'discount' | 'listPrice'> & Partial<Record<'discount' | 'listPrice', number>>;
	amountSource: 'column' | 'quantityTimesPrice';
	/** what the import decided about rows (ingest `Interpretation`) */
	meaning?: RowMeaningPlan;
	/** what the discount column holds; the importer reads a discount column without one as 'amount' */
	discountKind?: SqlDiscountKind;
}

/**
 * The first file's mapped header names: what a `sales` table loaded from it would call its
 * columns, with each column's 1-based position (the SQL names a column without a header by it).
 * Unmapped roles are absent; `amount` only when the amount is a column of its own; the discount
 * column comes with its kind.
 */
export function sqlColumnsOf(plan: MappedHeader): SqlColumns {
	const m = plan.mapping;
	const positions: Partial<Record<SqlRole, number>> = {};
	const name = (role: SqlRole, c: number | undefined) => {
		if (c === undefined || !(c >= 0)) return undefined;
		positions[role] = c + 1;
		return plan.header[c] ?? '';
	};
	const out: SqlColumns = {
		customerKey: name('customerKey', m.customerKey) ?? '',
		amount: plan.amountSource === 'column' ? name('amount', m.amount) : undefined,
		quantity: name('quantity', m.quantity),
		unitPrice: name('unitPrice', m.unitPrice),
		profit: name('profit', m.profit),
		date: name('date', m.date),
		orderId: name('orderId', m.orderId),
		manager: name('manager', m.manager)
	};
	const discount = name('discount', m.discount);
	if (discount !== undefined) {
		out.discount = discount;
		out.discountKind = plan.discountKind ?? 'amount';
	}
	const listPrice = name('listPrice', m.listPrice);
	if (listPrice !== undefined) out.listPrice = listPrice;
	out.positions = positions;
	const rules = sqlRowRulesOf(plan.header, plan.meaning);
	if (rules) out.rules = rules;
	return out;
}

/**
 * The mapped roles' names with stand-ins for header cells without a name, and one comment line per
 * stand-in. Roles that are not mapped (undefined, null) stay absent.
 */
export function resolveSqlNames(columns: SqlColumns): { names: Partial<Record<SqlRole, string>>; standIns: string[] } {
	const names: Partial<Record<SqlRole, string>> = {};
	const standIns: string[] = [];
	for (const role of SQL_ROLES) {
		const raw = columns[role] as unknown;
		if (raw === undefined || raw === null) continue;
		const name = String(raw);
		if (name.trim() !== '') {
			names[role] = name;
			continue;
		}
		const pos = columns.positions?.[role];
		const known = typeof pos === 'number' && Number.isInteger(pos) && pos > 0;
		const standIn = known ? `column_${pos}` : `unnamed_${ROLE_SNAKE[role]}`;
		names[role] = standIn;
		standIns.push(
			known
				? `-- column ${pos} of the file has no header name: it is called ${standIn} here; give the table's column that name`
				: `-- the ${ROLE_SNAKE[role]} column has no header name: it is called ${standIn} here; give the table's column that name`
		);
	}
	return { names, standIns };
}
