/**
 * Which columns say whether a row is a sale (README, "What an export means"): the status or deal
 * stage column, the document-type column and the refund column, and how their values are read
 * (the vocabulary is row-kinds.ts). Pure.
 */
import { headerWords } from './header-scores';
import { cellOf as cell } from './cells';
import { bestColumn, distinct, type Sample } from './meaning-sample';
import { docTypeKind, looksLikeDealStages, normaliseValue, statusKind, type StatusContext } from './row-kinds';
import type { RowKind, ValueRule } from './types';

const STATUS_HEADER =
	/^(financial|payment|order|invoice|deal|transaction|charge|document|doc)?(status|state|stage|phase)$|^(dealstage|pipelinestage|salesstage|opportunitystage)$|^(статус|состояние|этап|стадия)(заказа|оплаты|сделки|документа|платежа)?$|^(zahlungsstatus|bestellstatus|status|zustand|phase|statut|etat|état|étape|etape|estado|etapa|stato|fase|stare|etapă|etapa)$/;
const STAGE_HEADER = /stage|phase|этап|стади|étape|etape|etapa|fase|etapă/;
const DOC_TYPE_HEADER =
	/^(type|documenttype|doctype|transactiontype|txntype|movetype|invoicetype|entrytype|kind|типдокумента|видоперации|виддокумента|тип|вид|документ|belegart|dokumenttyp|buchungsart|typedocument|typedepiece|tipodocumento|tipodedocumento|tipdocument|tipuldocument)$/;
/** Header words of a column holding the refunded amount (optionally 'converted…', in the settlement currency). */
export const REFUND_HEADER =
	/^(converted|order|total)?(refund|refunds|refunded|refundedamount|amountrefunded|refundamount|totalrefunded|refundtotal|returnedamount|суммавозврата|возвращено|возвратсредств|rückerstattung|ruckerstattung|erstattet|erstattung|erstattungsbetrag|remboursement|montantrembourse|montantremboursé|reembolso|importereembolsado|rimborso|rambursare|sumarambursata|sumărambursată)$/;

/** Words of an order / payment status that is a sale: they make a bare 'State' column a status column. */
const STATUS_WORD =
	/^(paid|complete|completed|shipped|delivered|fulfilled|processing|pending|posted|open|closed|active|settled|succeeded|оплачен|оплачено|выполнен|отгружен|доставлен|проведен|bezahlt|payé|pagado|pagato|plătit|platit)/;

/** A rule for a status or document-type column: every sampled value with the kind the vocabulary gives it. */
function valueRule(rows: readonly string[][], column: number, kindOf: (v: string) => RowKind): ValueRule {
	const values: Record<string, RowKind> = {};
	for (const { value } of distinct(rows, column)) values[normaliseValue(value)] = kindOf(value);
	return { column, values };
}

/**
 * The distinct non-empty values of a status / document-type column in the sampled rows, counted
 * under their normalised form (`key`, as in `ValueRule.values`), each shown as first written
 * (`raw`, trimmed); in the order they first appear.
 */
export function sampledValues(
	rows: readonly string[][],
	column: number
): { raw: string; key: string; count: number }[] {
	const counts = new Map<string, { raw: string; count: number }>();
	for (const r of rows) {
		const raw = cell(r, column);
		if (raw === '') continue;
		const key = normaliseValue(raw);
		const e = counts.get(key);
		if (e) e.count++;
		else counts.set(key, { raw, count: 1 });
	}
	return [...counts].map(([key, v]) => ({ key, ...v }));
}

/** How a status column is read: a CRM's deal stages (only won deals count) or order / payment statuses. */
export function statusContextOf(header: string, values: readonly string[]): StatusContext {
	return STAGE_HEADER.test(headerWords(header)) || looksLikeDealStages(values) ? 'stage' : 'status';
}

/**
 * Kind of a status / document-type value under a plan's rule: the user's or the sampled choice,
 * else the vocabulary (values first seen after the sampled rows).
 */
export function kindOf(
	rule: ValueRule,
	value: string,
	kind: 'status' | 'docType',
	context: StatusContext,
	refundColumn: boolean
): RowKind {
	const v = normaliseValue(value);
	const chosen = rule.values[v];
	if (chosen) return chosen;
	return kind === 'status' ? statusKind(value, context, refundColumn) : docTypeKind(value);
}

/**
 * The status / stage column, the document-type column and the refund column among the columns not
 * in `taken` (0-based column indexes). The status and document-type columns found are added to
 * `taken`. `refund` is -1 when there is none; the refund column is found before the others and
 * is only a candidate: `interpret()` keeps it when it is not the amount.
 */
export function statusColumns(
	s: Sample,
	taken: Set<number>
): { refund: number; status?: ValueRule & { context: StatusContext }; docType?: ValueRule } {
	const { header, rows, words, numeric } = s;
	const out: ReturnType<typeof statusColumns> = {
		refund: words.findIndex((w, c) => REFUND_HEADER.test(w) && !taken.has(c) && numeric(c) && !/^converted/.test(w))
	};
	const statusCol = bestColumn(
		words,
		(w) =>
			STATUS_HEADER.test(w)
				? /financial|payment|оплат|zahlung/.test(w)
					? 100
					: /fulfil|shipment|delivery|доставк/.test(w)
						? 40
						: 90
				: 0,
		taken,
		(c) => {
			const values = distinct(rows, c);
			if (values.length > 40) return false;
			// a bare 'State' may hold US states: it is a status only when some value reads as one
			if (/^(state|состояние|zustand|etat|état|estado|stato|stare)$/.test(words[c]))
				return values.some(
					(v) => statusKind(v.value, 'status', true) !== 'sale' || STATUS_WORD.test(normaliseValue(v.value))
				);
			return true;
		}
	);
	if (statusCol >= 0) {
		const values = distinct(rows, statusCol).map((d) => d.value);
		const context = statusContextOf(header[statusCol], values);
		out.status = { ...valueRule(rows, statusCol, (v) => statusKind(v, context, out.refund >= 0)), context };
		taken.add(statusCol);
	}
	const docCol = bestColumn(
		words,
		(w) => (DOC_TYPE_HEADER.test(w) ? 90 : 0),
		taken,
		(c) => {
			const d = distinct(rows, c);
			return d.length > 0 && d.length <= 40 && d.every((x) => s.number(x.value, c) === null);
		}
	);
	if (docCol >= 0) {
		out.docType = valueRule(rows, docCol, docTypeKind);
		taken.add(docCol);
	}
	return out;
}
