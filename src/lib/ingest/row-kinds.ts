/**
 * What a status, stage or document-type value says about a row (README, "What an export means"):
 * the sale happened, it never happened, it is a return document, or it was sold and refunded in
 * full. Vocabulary in English, Russian, German, French, Spanish, Italian and Romanian.
 *
 * Over 300 lines for one job: a vocabulary table; most lines are the status and document words of
 * seven languages, and the few functions that read a value against them.
 *
 * Pure: no DOM, no dependencies.
 */
import type { RowKind } from './types';

/** Lower case, ё→е, accents kept, `_`, `-` and runs of spaces as one space: 'Closed_Lost' → 'closed lost'. */
export function normaliseValue(v: string): string {
	return (
		v
			.normalize('NFC')
			.trim()
			.toLowerCase()
			.replace(/ё/g, 'е')
			// Romanian written with cedillas by older systems: ş ţ are ș ț
			.replace(/ş/g, 'ș')
			.replace(/ţ/g, 'ț')
			.replace(/[\s_\-–—.:;,!()[\]«»"'/]+/g, ' ')
			.trim()
	);
}

/** The sale never happened. Matched as whole words at the start of a value (or the whole value). */
const NEVER_HAPPENED = [
	// English
	'failed',
	'failure',
	'fail',
	'declined',
	'denied',
	'rejected',
	'refused',
	'void',
	'voided',
	'cancelled',
	'canceled',
	'cancel',
	'cancellation',
	'draft',
	'expired',
	'abandoned',
	'lost',
	'closed lost',
	'closedlost',
	'deleted',
	'blocked',
	'incomplete',
	'not paid',
	'unsuccessful',
	'reversed',
	'disputed lost',
	// Russian
	'отменен',
	'отменена',
	'отменено',
	'отмена',
	'отменен клиентом',
	'не проведен',
	'не проведена',
	'не проведено',
	'непроведен',
	'черновик',
	'отклонен',
	'отклонена',
	'отклонено',
	'ошибка',
	'ошибка оплаты',
	'не оплачен',
	'неоплачен',
	'не оплачена',
	'просрочен',
	'истек',
	'аннулирован',
	'аннулирована',
	'удален',
	'закрыто и не реализовано',
	'закрыта и не реализована',
	'сделка провалена',
	'провалена',
	'проиграна',
	'проигрыш',
	'неуспешно',
	'неуспешна',
	'не реализовано',
	'не состоялась',
	'брошенная корзина',
	'брошен',
	// German
	'storniert',
	'abgebrochen',
	'fehlgeschlagen',
	'abgelehnt',
	'entwurf',
	'abgelaufen',
	'verloren',
	'annulliert',
	// French
	'annulé',
	'annulée',
	'annule',
	'échoué',
	'échouée',
	'echoue',
	'refusé',
	'refusée',
	'brouillon',
	'expiré',
	'expirée',
	'abandonné',
	'abandonnée',
	'perdu',
	'perdue',
	// Spanish
	'cancelado',
	'cancelada',
	'anulado',
	'anulada',
	'fallido',
	'fallida',
	'rechazado',
	'rechazada',
	'borrador',
	'caducado',
	'caducada',
	'abandonado',
	'abandonada',
	'perdido',
	'perdida',
	// Italian
	'annullato',
	'annullata',
	'fallito',
	'rifiutato',
	'rifiutata',
	'bozza',
	'scaduto',
	'perso',
	// Romanian
	'anulat',
	'anulată',
	'anulata',
	'eșuat',
	'esuat',
	'eșuată',
	'respins',
	'respinsă',
	'ciornă',
	'ciorna',
	'expirat',
	'abandonat',
	'pierdut',
	'pierdută',
	'neachitat'
];

/** A document that returns a sale: its amount is subtracted even when written as a positive number. */
const RETURN_DOCUMENT = [
	'credit note',
	'credit memo',
	'creditnote',
	'credit',
	'refund',
	'return',
	'returns',
	'returned goods',
	'out refund',
	'sales return',
	'customer refund',
	'customer credit note',
	'credit invoice',
	'chargeback',
	'возврат',
	'возврат товаров',
	'возврат товаров от клиента',
	'возврат товаров от покупателя',
	'возврат от покупателя',
	'возврат от клиента',
	'сторно',
	'корректировка реализации в сторону уменьшения',
	'кредит нота',
	'кредит-нота',
	'gutschrift',
	'storno',
	'stornorechnung',
	'rückerstattung',
	'retoure',
	'retour',
	'avoir',
	'facture d avoir',
	'remboursement',
	'nota de crédito',
	'nota de credito',
	'devolución',
	'devolucion',
	'abono',
	'reembolso',
	'nota di credito',
	'reso',
	'rimborso',
	'nota de credit',
	'notă de credit',
	'factură storno',
	'factura storno',
	'retur',
	'rambursare'
];

/** A sale that was refunded in full: without a refund column its amount nets to zero. */
const REFUNDED = [
	'refunded',
	'fully refunded',
	'returned',
	'возвращен',
	'возвращена',
	'возврат средств',
	'возвращено',
	'erstattet',
	'rückerstattet',
	'remboursé',
	'remboursée',
	'reembolsado',
	'reembolsada',
	'devuelto',
	'rimborsato',
	'rambursat'
];

/** Won deals of a CRM: the only deal stages that are sales. */
const WON = [
	'won',
	'closed won',
	'closedwon',
	'deal won',
	'успешно реализовано',
	'успешно',
	'сделка успешна',
	'успешна',
	'выиграна',
	'выигрыш',
	'сделка заключена',
	'заключена',
	'оплачено',
	'оплачена',
	'gewonnen',
	'gagné',
	'gagnée',
	'ganado',
	'ganada',
	'vinto',
	'câștigat',
	'castigat'
];

const sets = {
	never: new Set(NEVER_HAPPENED.map(normaliseValue)),
	ret: new Set(RETURN_DOCUMENT.map(normaliseValue)),
	refunded: new Set(REFUNDED.map(normaliseValue)),
	won: new Set(WON.map(normaliseValue))
};

function starts(set: ReadonlySet<string>, v: string): boolean {
	if (set.has(v)) return true;
	// 'cancelled by customer', 'отменен покупателем', 'failed (card declined)'
	const words = v.split(' ');
	for (let k = Math.min(words.length - 1, 4); k >= 1; k--) if (set.has(words.slice(0, k).join(' '))) return true;
	return false;
}

/** How a status column is read: order / payment statuses, or the stages of a deals pipeline. */
export type StatusContext = 'status' | 'stage';

/**
 * Kind of one status value. `refundColumn`: the file has a refund column, so a 'refunded' status
 * is netted by that column and the row counts as a sale. In a deals pipeline ('stage') only won
 * deals are sales; open stages (new, negotiation, proposal…) and lost deals are not.
 */
export function statusKind(value: string, context: StatusContext, refundColumn: boolean): RowKind {
	const v = normaliseValue(value);
	if (v === '') return context === 'stage' ? 'excluded' : 'sale';
	if (starts(sets.never, v)) return 'excluded';
	if (context === 'stage') return starts(sets.won, v) ? 'sale' : 'excluded';
	if (starts(sets.ret, v) && !/partial|частичн|teilweise|partiel|parcial|parzial/.test(v)) return 'return';
	if (starts(sets.refunded, v)) return refundColumn ? 'sale' : 'refunded';
	return 'sale';
}

/** Kind of one document-type value: a return document, a document that is not a sale, or a sale. */
export function docTypeKind(value: string): RowKind {
	const v = normaliseValue(value);
	if (v === '') return 'sale';
	if (
		starts(sets.ret, v) ||
		/(^|\s)(credit note|credit memo|refund|return|возврат|сторно|gutschrift|storno|avoir|retur)(\s|$)/.test(v)
	)
		return 'return';
	if (starts(sets.never, v)) return 'excluded';
	return 'sale';
}

/**
 * Values only a deals pipeline has: a won or lost deal. Payment words («оплачено», «успешно»)
 * are not among them: an order status column says them too.
 */
/** Won words that also close a plain order or payment ('оплачено'), so they do not make a column a deals pipeline. */
const NOT_DEAL_SPECIFIC = new Set(['успешно', 'успешна', 'выигрыш', 'заключена', 'оплачено', 'оплачена']);
const DEAL_MARKERS = new Set(WON.filter((w) => !NOT_DEAL_SPECIFIC.has(w)).map(normaliseValue));

/** True when some value of a status column is a won or lost deal: the column is a deals pipeline. */
export function looksLikeDealStages(values: readonly string[]): boolean {
	return values.some((x) => {
		const v = normaliseValue(x);
		return (
			starts(DEAL_MARKERS, v) ||
			/(^|\s)(lost|closed lost|проиграна|провалена|не реализовано|verloren|perdu|perdido|pierdut)(\s|$)/.test(v)
		);
	});
}

/** A title line or file-level label saying the list is of returns ('Возврат товаров от клиента', 'Credit notes'). */
export function isReturnsTitle(line: string): boolean {
	const v = normaliseValue(line);
	return /^(возврат|возвраты|return|returns|sales returns|customer returns|credit note|credit notes|credit memo|credit memos|storno|gutschrift|gutschriften|retour|retours|retoure|avoir|avoirs|devoluci[oó]n|devoluciones|nota de cr[eé]dito|notas de cr[eé]dito|retur|retururi|note de credit)(\s|$)/.test(
		v
	);
}

export { isTotalLabel } from '../core/total-labels';
