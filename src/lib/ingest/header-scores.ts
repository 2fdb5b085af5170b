/**
 * Header vocabulary of the auto-mapping: how much a header looks like each role (0..100), in
 * English and Russian (money headers also in German, French, Spanish and Italian), and Romanian, its
 * words with and without diacritics: 'Preț', 'Pret' and the cedilla 'Preţ' (ş ţ in older exports).
 * Scores encode how specific a header is: 'Order ID' 100 > 'Num' 60. See mapping.ts for how the
 * scores become a mapping.
 *
 * The customer columns' vocabulary (key or name, and which kind) is in header-customer.ts. The
 * rest stays one file of about 650 lines: one vocabulary table, the words and vetoes of each other
 * role (discount and list price included) in seven languages with one small scoring function per
 * role; most lines are word patterns, and splitting them by role would scatter the shared vetoes.
 *
 * Pure: no DOM, no dependencies.
 */
import { customerScores, NO_CUSTOMER, type CustomerScore } from './header-customer';
import { ROLES, type Role } from './types';

export { CUSTOMER_VETO, type CustomerKind, type CustomerScore } from './header-customer';

/**
 * Normalise a header for matching: NFC, lower case, ё→е, and drop everything that is not a
 * letter or a digit (BOM, quotes, punctuation, underscores, spaces, \r, '#', '№', '%', '$').
 * 'Customer_Name', 'CUSTOMERNAME' and ' "Customer Name"\r' all become 'customername'.
 */
export function normaliseHeader(h: string): string {
	return h
		.normalize('NFC')
		.toLowerCase()
		.replace(/ё/g, 'е')
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

// ---------------------------------------------------------------------------------------------
// Header vocabulary
// ---------------------------------------------------------------------------------------------

/** Currency suffixes stripped from money headers: 'Выручка, руб.' → 'выручка'. */
const CURRENCY_SUFFIX = /(руб|рублей|рубли|rub|rur|usd|eur|gbp|uah|грн|kzt|тенге|byn|cny)$/;

/** Tax qualifiers that say a money column is before tax ('Сумма без НДС', 'Total excl. VAT'). */
const NET_TAX = /(безучета|без|excluding|excl|exc|without|before|ex)(ндс|vat|tax|налога|налог|gst|tva)/;
/** Tax qualifiers that say a money column includes tax ('Сумма с НДС', 'Total incl. VAT', 'Valoare cu TVA'). */
const GROSS_TAX = /(сучетом|включая|вкл|с|including|incl|inc|with|after|plus|cu)(ндс|vat|tax|налога|налог|gst|tva)/;
export const TAX_WORD = /ндс|(?<!pri)vat|tax|налог|gst|hst|pst/;

export const AMOUNT_VETO = new RegExp(
	[
		'discount',
		'скидк',
		'shipping',
		'shipment',
		'доставк',
		'freight',
		'перевоз',
		'balance',
		'остат',
		'сальдо',
		'guthaben',
		'kontostand',
		'saldo',
		'solde',
		'баланс',
		'gebühr',
		'gebuhr',
		'gebuehr',
		'frais',
		'comision',
		'comisión',
		'comisi',
		'^taxa',
		'provision',
		'steuer',
		'mwst',
		'^ust',
		'^tva',
		'tva$',
		'^iva',
		'rabatt',
		'remise',
		'descuento',
		'reducere',
		'transport',
		'achizi',
		'zip',
		'postal',
		'postcode',
		'plz',
		'phone',
		'telefon',
		'телефон',
		'fax',
		'индекс',
		'cost',
		'себест',
		'затрат',
		'expense',
		'расход',
		'margin',
		'маржа',
		'маржин',
		'marj',
		'adaos',
		'profit',
		'прибыл',
		'refund',
		'возврат',
		'return',
		'quantity',
		'qty',
		'колич',
		'колво',
		'cantit',
		'^buc',
		'(?<!ac)count',
		'число',
		'price',
		'цена',
		'^pre[tțţ]',
		'^rate',
		'rate$',
		'exchange',
		'ставк',
		'percent',
		'процент',
		'pct',
		'ratio',
		'date',
		'дата',
		'^dat[aă]',
		'time',
		'время',
		'person',
		'manager',
		'менеджер',
		'agent',
		'reprezentant',
		'executive',
		'associate',
		'owner',
		'rep$',
		'reps$',
		'channel',
		'канал',
		'^canal',
		'region',
		'регион',
		'territory',
		'team',
		'stage',
		'стади',
		'этап',
		'type',
		'тип',
		'вид',
		'status',
		'статус',
		'method',
		'способ',
		'метод',
		'terms',
		'условия',
		'tip',
		'gratuity',
		'чаев',
		'fee',
		'комисс',
		'commission',
		'deposit',
		'limit',
		'лимит',
		'budget',
		'plan',
		'план',
		'target',
		'forecast',
		'прогноз',
		'weight',
		'вес',
		'unit',
		'msrp',
		'due',
		'долг',
		'задолж',
		'debt',
		'credit',
		'кредит',
		'name',
		'наимен',
		'назван',
		'description',
		'описан',
		'memo',
		'note',
		'коммент',
		'comment',
		'примеч',
		'code',
		'код',
		'sku',
		'номенкл',
		'(?<!pa)id$',
		'number',
		'номер',
		'^no$',
		'^nr',
		'^num[aă]r',
		'salesorder',
		'reference',
		'ref$',
		'currency',
		'валют',
		'шт$',
		'pcs',
		'кг$',
		'kg$',
		'avg',
		'average',
		'средн',
		'medi[ue]$',
		'mean',
		'min$',
		'max$',
		'(year|month|qtr|quarter|год|месяц|квартал)(id|no|number)?$',
		'share',
		'доля',
		'growth',
		'рост',
		'change',
		'diff',
		'изменен',
		'bonus',
		'бонус',
		'points',
		'балл',
		'cashback',
		'кэшбэк',
		'prepay',
		'аванс',
		'lifetime',
		'ltv',
		'clv',
		'доходност',
		'insur',
		'страхов',
		'(paid|created|processed|closed|updated|fulfilled|cancelled)(at|on)$'
	].join('|')
);

/** amount / revenue / payment. Plain words win over compounds; net over gross. */
/** A header's ending that says "after the discount": 'со скидкой', 'after discount', 'cu reducere'. */
const AFTER_DISCOUNT = /(со|после|сучетом)скидк(ой|ами|и)?$|(after|netof|less)discounts?$|(cu|dup[aă])reduceri?[ei]?$/;

function amountScore(n: string, raw: string): number {
	if (raw.includes('%')) return 0;
	let core = n;
	let tax: 'net' | 'gross' | null = null;
	// a signed twin carries credit notes as negatives ('Total Signed', 'Сумма со знаком'): it wins
	let signed = 0;
	if (/(signed|сознаком)$/.test(core) && core.length > 6) {
		core = core.replace(/(signed|сознаком)$/, '');
		signed = 3;
	}
	// what was paid after the discount ('Сумма со скидкой', 'Total after discount') beats the amount
	// before it ('Сумма') when a file has both (README "The rules: Reese's four customer types")
	let afterDiscount = 0;
	const rest = core.replace(AFTER_DISCOUNT, '');
	if (rest !== core && rest !== '') {
		core = rest;
		afterDiscount = 4;
	}
	// 'Untaxed Amount', 'Total Untaxed', 'Amount (net of tax)', 'Montant HT': before tax
	if (UNTAXED.test(core)) {
		tax = 'net';
		core = core.replace(UNTAXED, '');
		if (core === '') core = 'amount';
	} else if (NET_TAX.test(core)) {
		tax = 'net';
		core = core.replace(NET_TAX, '');
	} else if (GROSS_TAX.test(core)) {
		tax = 'gross';
		core = core.replace(GROSS_TAX, '');
	}
	if (TAX_WORD.test(core)) return 0; // 'Tax', 'НДС', 'Сумма НДС', 'В т.ч. НДС', 'Tax Amount'
	const stripped = core.replace(CURRENCY_SUFFIX, '');
	if (stripped !== '') core = stripped;
	if (/^(total|line|итого)(price|цена)$/.test(core)) return 85; // 'Total Price' is a line amount
	const foreign = foreignAmountScore(core);
	// after tax loses to before tax here too ('Valoare cu TVA' < 'Valoare fără TVA')
	if (foreign > 0) return foreign - (tax === 'gross' ? 5 : 0) + signed;
	if (AMOUNT_VETO.test(core)) return 0;

	let s = 0;
	if (/^(amount|sum|sales|revenue|сумма|выручка|оплата)$/.test(core)) s = 100;
	// the row's own amount: beats an order total repeated on each of an order's item rows
	else if (/^(order)?(line|item)(item)?(amount|total|sum|value)$|^(суммастроки|суммапозиции|суммапострок)$/.test(core))
		s = 96;
	else if (/^(net|чистая|чистые)(amount|sum|sales|revenue|total|value|выручка|сумма|продажи)$/.test(core)) s = 95;
	else if (/^(gross|валовая|валовые)(amount|sum|sales|revenue|total|value|выручка|сумма|продажи)$/.test(core)) s = 90;
	else if (
		/^(order|invoice|sales?|payment|paid|transaction|txn|deal|grand|total|document|receipt|check)(total)?(amount|sum|total|value|revenue|sales)$/.test(
			core
		) ||
		/^amount(paid|received)$/.test(core) ||
		/^(сумма|итого|стоимость|выручка)(оплаты|платежа|продаж|продажи|документа|заказа|отгрузки|реализации|выручки|сделки|счета|чека|покупки|итого|поставки|поступления)$/.test(
			core
		) ||
		/^(оплачено|поступление|поступления|платеж|платежи)$/.test(core)
	)
		s = 92;
	else if (/^(total|итого|продажи|turnover|оборот|доход|стоимость|amt|paid|payment|payments|оплаты|gross)$/.test(core))
		s = 90;
	else if (/^(subtotal|промежуточныйитог)/.test(core)) s = 75;
	else if (/^(value|деньги)$/.test(core)) s = 60;
	else if (
		/amount|amt|sum|сумм|total|итог|revenue|выручк|sales|продаж|оплат|платеж|payment|paid|turnover|оборот|доход|стоимост|value|valoar|v[aâ]nz[aă]r|[iî]ncas[aă]r/.test(
			core
		)
	)
		s = 70;
	// Plain 100 > before tax 95 > after tax 90 ('Сумма' > 'Сумма без НДС' > 'Сумма с НДС');
	// for other words net still beats gross ('Total excl. VAT' 88 > 'Total incl. VAT' 85).
	if (s > 0 && tax === 'net') s -= s === 100 ? 5 : 2;
	else if (s > 0 && tax === 'gross') s -= s === 100 ? 10 : 5;
	return s > 0 ? s + signed + afterDiscount : 0;
}

const UNTAXED =
	/untaxed|taxexcluded|taxexclusive|exclusiveof(tax|vat)|netof(tax|vat)|pretax|beforetax|horstaxes?|sinimpuestos?|siniva|ohne(mwst|ust|steuer)|f[aă]r[aă]tva|безналога/;

/**
 * German, French, Spanish, Italian and Romanian money headers (README "What an export means"):
 * gross beats net of fees; a deals export's budget is its amount, below every real money column.
 */
function foreignAmountScore(core: string): number {
	if (
		/^(brutto|bruttobetrag|betrag|umsatz|gesamtbetrag|rechnungsbetrag|montant|montantbrut|montantttc|total ttc|importe|importetotal|importebruto|importo|importototale|sum[aă]|sum[aă]total[aă]|valoare|valoaretotal[aă]|v[aâ]nz[aă]ri|valoarev[aâ]nz[aă]ri|[iî]ncas[aă]ri|total(ttc|brut|bruto|lordo))$/.test(
			core
		)
	)
		return 92;
	if (/^(netto|nettobetrag|montantnet|montantht|importeneto|importonetto|valoarenet[aă]|sum[aă]net[aă])$/.test(core))
		return 88;
	if (/^(бюджет|budget|budgetsumme|dealvalue|dealamount|opportunityamount|суммасделки|amountwon)$/.test(core))
		return 55;
	return 0;
}

const QUANTITY_VETO =
	/price|цена|pre[tțţ]|cost|стоим|сумм|amount|valoar|measure|едизм|единиц|uom|m[aă]sur[aă]|^unit$|code|код|^cod|sku|(?<!pa)id$|номер|date|дата|^dat[aă]|type|тип|status|статус/;

export function quantityScore(n: string, raw: string): number {
	if (raw.includes('%')) return 0;
	if (
		/^(quantity|qty|qnty|qnt|units|количество|колво|кол|pcs|pieces|шт|штук|quantities|cantitate|cantitatea|cant|buc|buc[aă][tțţ]i)$/.test(
			n
		)
	)
		return 100;
	if (QUANTITY_VETO.test(n)) return 0;
	if (/quantity|qty|qnty|колич|колво|cantit/.test(n)) return 90;
	if (/^(number|no|num)of(units|items|pieces)$|units(sold|ordered|shipped|purchased)?$|шт$|штук|buc[aă][tțţ]i$/.test(n))
		return 85;
	if (/^(items|itemcount|count|volume|объем)$/.test(n)) return 50;
	return 0;
}

const PRICE_VETO =
	/total|итог|сумм|amount|compare|msrp|list|закуп|purchase|achizi|cost|себест|avg|average|средн|medi[ue]$|min$|max$|change|изменен|currency|валют|date|дата|type|тип|code|код|^cod|(?<!pa)id$|level|уровень|group|plan|план/;

function unitPriceScore(n: string, raw: string): number {
	if (raw.includes('%')) return 0;
	if (
		/^(price|unitprice|priceeach|priceperunit|цена|ценазаединицу|ценазаед|ценаед|pre[tțţ]|pre[tțţ]unitar|pu|pre[tțţ]v[aâ]nzare)$/.test(
			n
		)
	)
		return 100;
	// Xero 'UnitAmount'; before tax over after tax ('Preț fără TVA' 95 > 'Preț cu TVA' 90)
	if (/^unit(amount|value)$|^valoareunitar[aă]$|^(pre[tțţ](unitar)?|pu)f[aă]r[aă]tva$/.test(n)) return 95;
	if (/^(pre[tțţ](unitar)?|pu)cutva$/.test(n)) return 90;
	if (PRICE_VETO.test(n)) return 0;
	if (/price|цена|прайс|pre[tțţ]/.test(n)) return 80;
	if (/^(rate|tariff|тариф)$/.test(n)) return 50; // QuickBooks invoice 'Rate'
	return 0;
}

function profitScore(n: string, raw: string): number {
	if (raw.includes('%')) return 0;
	if (/маржинальныйдоход|contributionmargin/.test(n)) return 80;
	if (
		/percent|pct|процент|procent|rate|^rat[aă]|ratio|коэф|base|рентаб|маржинальност|доходност|avg|средн|medi[ue]$|plan|план|target/.test(
			n
		)
	)
		return 0;
	if (/^(profit|прибыль|margin|маржа|marj[aă]|grossprofit|netprofit|валоваяприбыль|чистаяприбыль|grossmargin)$/.test(n))
		return 100;
	if (/profit|прибыл/.test(n)) return 85;
	if (/margin|маржа|маржи|marj/.test(n)) return 70;
	if (/^(наценка|markup|earnings|adaos|adaoscomercial)$/.test(n)) return 70;
	return 0;
}

/** A discount column (README "The rules: Reese's four customer types"): an amount, a rate or a code. */
function discountScore(n: string): number {
	// 'Цена со скидкой', 'Price after discount', 'Discounted total': what was paid, not the discount
	if (/(со|после|сучетом)скидк|afterdiscount|discounted|withdiscount|netofdiscount|cureducere|dup[aă]reducere/.test(n))
		return 0;
	if (/^(qualifies|eligible|allow)/.test(n)) return 0;
	if (
		/^(discount|discounts|discountamount|totaldiscount|totaldiscounts|lineitemdiscount|discountcode|discountrate|discountpercent|discountpct|promocode|promo|coupon|couponcode|скидка|скидки|суммаскидки|скидкасумма|скидкаруб|скидкапроцент|процентскидки|промокод|купон|reducere|reduceri|valoarereducere|codpromo|codpromotional|codreducere|cupon)$/.test(
			n
		)
	)
		return 100;
	// a code says which orders were discounted, line by line; an order's discount total may repeat on each line
	if (/coupon|купон|промокод|promocode|voucher|discountcode/.test(n)) return 85;
	if (/discount|скидк|reducer/.test(n)) return 80;
	return 0;
}

/** A list price beside the paid price (Shopify 'Compare-at price', 'Цена по прайсу'). */
function listPriceScore(n: string): number {
	if (
		/^(compareatprice|variantcompareatprice|lineitemcompareatprice|listprice|msrp|rrp|recommendedretailprice|regularprice|originalprice|fullprice|ценапопрайсу|прайсоваяцена|ценапрайса|ценапрайс|прайс|ценабезскидки|базоваяцена|розничнаяцена|рекомендованнаяцена|pre[tțţ]delist[aă]|pre[tțţ]list[aă]|pre[tțţ]catalog|pre[tțţ]f[aă]r[aă]reducere)$/.test(
			n
		)
	)
		return 100;
	if (/compareat|listprice|msrp|попрайсу|безскидки|regularprice|originalprice/.test(n)) return 85;
	return 0;
}

function managerScore(n: string): number {
	let s = 0;
	if (
		/^(manager|менеджер|salesperson|salespersons|salesrep|salesmanager|ответственный|responsible|accountmanager|менеджерпродаж|торговыйпредставитель|ответственныйменеджер|agentv[aâ]nz[aă]ri|agentcomercial|reprezentantv[aâ]nz[aă]ri|reprezentantcomercial|responsabil)$/.test(
			n
		)
	)
		s = 100;
	else if (
		/^(salesagent|salesexecutive|salesassociate|salesman|saleswoman|продавец|agent|агент|accountexecutive|owner|dealowner|assignedto|rep|representative|сотрудник|employee|куратор|кассир|cashier|staff|consultant|консультант|reprezentant|v[aâ]nz[aă]tor|casier|angajat)$/.test(
			n
		)
	)
		s = 90;
	else if (
		/manager|менеджер|salesperson|salesrep|salesagent|salesexec|ответствен|продавец|торговыйпредстав|agentv[aâ]nz[aă]r|reprezentantv[aâ]nz[aă]r/.test(
			n
		)
	)
		s = 85;
	else if (/owner$|rep$|reps$/.test(n)) s = 70;
	else if (/^seller$/.test(n)) s = 70;
	if (s > 0 && /(id|email|mail|phone|телефон|telefon|code|код|cod)$/.test(n)) s = 40;
	return s;
}

const ORDER_VETO = new RegExp(
	[
		'row',
		'line',
		'строк',
		'позиц',
		'пп$',
		'product',
		'produs',
		'articol',
		'item',
		'sku',
		'stock',
		'товар',
		'номенкл',
		'артикул',
		'quantity',
		'qty',
		'колич',
		'колво',
		'cantit',
		'date',
		'дата',
		'^dat[aă]',
		'time',
		'время',
		'priority',
		'приоритет',
		'status',
		'статус',
		'type',
		'тип',
		'вид',
		'customer',
		'client',
		'клиент',
		'контрагент',
		'покупател',
		'заказчик',
		'partener',
		'cump[aă]r[aă]tor',
		'cust',
		'user',
		'tracking',
		'трек',
		'amount',
		'sum',
		'сумм',
		'total',
		'итог',
		'price',
		'цена',
		'pre[tțţ]',
		'valoar',
		'payment',
		'оплат',
		'tax',
		'ндс',
		'phone',
		'телефон',
		'(?<!ac)count',
		'parent',
		'batch',
		'партия',
		'serial',
		'серийн',
		'barcode',
		'штрихкод',
		'account',
		'bank',
		'банк',
		'zip',
		'postal',
		'индекс',
		'contract',
		'договор'
	].join('|')
);

function orderIdScore(n: string): number {
	if (ORDER_VETO.test(n)) return 0;
	if (/^(order|salesorder|purchaseorder)(id|no|nr|num|number|key|code|ref|reference|uid)$/.test(n)) return 100;
	if (
		/^(invoice|inv|bill|receipt|check|transaction|txn|trans|document|doc|deal|sale|ticket|booking|reservation|po|so)(id|no|nr|num|number|key|code|ref|reference|uid)$/.test(
			n
		)
	)
		return 95;
	// Romanian: 'Nr. comandă', 'Număr factură', 'ID comandă', 'Nr. document', 'Nr. bon fiscal'
	if (/^(nr|num[aă]r|id|cod)(comand[aă]|comenzii)$|^comand[aă](nr|id)$/.test(n)) return 100;
	if (
		/^(nr|num[aă]r|id|cod)(factur[aă]|facturii|document|documentului|doc|bon|bonului|bonfiscal|aviz|avizului|chitan[tțţ][aă]|tranzac[tțţ]ie|tranzac[tțţ]iei)$|^(factur[aă]|document|bon|aviz)(nr|id)$/.test(
			n
		)
	)
		return 95;
	if (/^(invoice|factur[aă])$/.test(n)) return 90;
	if (/^(order|receipt|transaction|salesorder|deal|comand[aă])$/.test(n)) return 85;
	const ru =
		/^(номер|no|ид|id|код)?(заказа|заказ|счета|счет|счетафактуры|чека|чек|документа|документ|накладной|накладная|реализации|реализация|сделки|сделка|транзакции|операции|упд|квитанции)(номер|no|ид|id|код)?$/.exec(
			n
		);
	if (ru) {
		const numbered = n !== ru[2];
		if (numbered) return 95;
		if (/^(заказ|заказа|накладная|накладной|реализация|реализации|сделка|сделки|чек|чека|упд|транзакции)$/.test(n))
			return 80;
		if (/^(документ|документа)$/.test(n)) return 70;
		return 50; // 'Счет' (also 'account'), 'Операции'
	}
	if (/^(регистратор|документпродажи|документреализации)$/.test(n)) return 80;
	if (/(order|invoice)(id|no|nr|number|num)/.test(n)) return 85;
	if (/номер(заказ|счет|документ|чек|накладн|реализац|сделк)/.test(n)) return 85;
	if (/^(nr|num[aă]r)(comand|comenz|factur)/.test(n)) return 85;
	if (/^(номер|number|num|no|nr|num[aă]r|docnum|docno)$/.test(n)) return 60;
	return 0;
}

function dateScore(normalised: string): number {
	const n = normalised.replace(/(utc|gmt)$/, ''); // 'Created (UTC)', 'Date (GMT)'
	if (
		/birth|рожд|na[sșş]ter|cancel|отмен|anul[aă]r|updat|modif|изменен|expir|годн|expir[aă]r|login|signup|регистрац|registered|lastseen|lastvisit/.test(
			n
		)
	)
		return 0;
	if (/^(date|дата|dat[aă]|период|period|datetime|timestamp|датавремя|day|день|txndate|transactiondate)$/.test(n))
		return 95;
	if (/^(paid|purchased|ordered|sold|invoiced)(at|on)$/.test(n)) return 90;
	if (/^(created|processed|completed|closed)(at|on)?$/.test(n)) return /^created/.test(n) ? 75 : 70;
	if (/^(fulfilled|shipped|delivered)(at|on)$/.test(n)) return 30;
	const dateWord = /date|дата|^dat[aă]|timestamp|datetime/.test(n);
	const timeWord = /time|время/.test(n);
	if (!dateWord && !timeWord) return /^(month|месяц|lun[aă])$/.test(n) ? 50 : 0;
	if (
		/ship|deliver|доставк|livr[aă]r|expedier|due|срок|scaden|termen|plan|план|expected|estimated|предполаг|approved|carrier|start|end|начал|оконч|limit|return|возврат|retur|closing|закрыт|close/.test(
			n
		)
	)
		return 30;
	const strong =
		/order|invoice|sale|transaction|txn|payment|pay|purchase|document|doc|posting|оплат|платеж|заказ|продаж|документ|реализац|счет|чек|операц|покупк|сделк|comand|comenz|factur|v[aâ]nz[aă]r|emiter|tranzac|achizi|pl[aă][tțţ]|[iî]ncas[aă]r/.test(
			n
		);
	if (!dateWord) return strong ? 60 : 30; // time-only headers
	if (/paid|оплат|платеж|pl[aă][tțţ]|[iî]ncas[aă]r/.test(n)) return 92;
	if (strong) return 95;
	if (/отгруз/.test(n)) return 80;
	if (/creat|создан/.test(n)) return 75;
	return 70;
}

export interface HeaderScores {
	scores: Record<Role, number>;
	customer: CustomerScore;
}

/** Header words, with a '(Billing)' suffix read as a prefix: 'Email (Billing)' → 'billingemail'. */
export function headerWords(h: string): string {
	const m = /^(.*?)\s*\((billing|shipping|bill to|ship to|плательщик|покупатель|доставка)\)\s*$/i.exec(h);
	return normaliseHeader(m ? `${m[2]} ${m[1]}` : h);
}

/** Every role's score for one header, and how it names a customer. */
export function scoreHeader(header: string): HeaderScores {
	const n = headerWords(header);
	const customer = n === '' ? NO_CUSTOMER : customerScores(n);
	const scores: Record<Role, number> =
		n === ''
			? emptyRecord(0)
			: {
					customerKey: customer.key,
					customerName: customer.name,
					date: dateScore(n),
					amount: amountScore(n, header),
					quantity: quantityScore(n, header),
					unitPrice: unitPriceScore(n, header),
					profit: profitScore(n, header),
					manager: managerScore(n),
					orderId: orderIdScore(n),
					discount: discountScore(n),
					listPrice: listPriceScore(n)
				};
	return { scores, customer };
}

/** A record with `v` for every role. */
export function emptyRecord<T>(v: T): Record<Role, T> {
	const r = {} as Record<Role, T>;
	for (const role of ROLES) r[role] = v;
	return r;
}
