/**
 * Header vocabulary of the customer columns (part of the auto-mapping, header-scores.ts): how
 * much a normalised header looks like the customer key and the customer name, and what kind of
 * customer column it is (id, e-mail, phone, name, billing, generic, contact). English, Russian and
 * Romanian words, Romanian with and without diacritics.
 *
 * Pure: no DOM, no dependencies.
 */

export type CustomerKind = 'id' | 'email' | 'phone' | 'name' | 'billing' | 'generic' | 'contact' | 'weak' | 'none';

export interface CustomerScore {
	key: number; // score as customerKey
	name: number; // score as customerName
	kind: CustomerKind;
}

export const NO_CUSTOMER: CustomerScore = { key: 0, name: 0, kind: 'none' };

export const CUSTOMER_VETO = new RegExp(
	[
		'date',
		'дата',
		'time',
		'время',
		'segment',
		'сегмент',
		'type',
		'тип',
		'^tip',
		'вид',
		'group',
		'групп',
		'grup',
		'category',
		'категор',
		'class',
		'класс',
		'status',
		'статус',
		'since',
		'city',
		'город',
		'country',
		'страна',
		'region',
		'регион',
		'state',
		'province',
		'област',
		'address',
		'адрес',
		'adres',
		'localitat',
		'jude[tțţ]',
		'street',
		'улиц',
		'zip',
		'postal',
		'postcode',
		'индекс',
		'fax',
		'phone',
		'телефон',
		'telefon',
		'firstname',
		'lastname',
		'middlename',
		'фамилия',
		'отчество',
		'^имя$',
		'note',
		'примеч',
		'comment',
		'коммент',
		'(?<!ac)count',
		'колич',
		'numberof',
		'orders$',
		'заказов',
		'age$',
		'возраст',
		'gender',
		'пол$',
		'manager',
		'менеджер',
		'rep$',
		'reps$',
		'representative',
		'owner',
		'responsible',
		'ответствен',
		'rating',
		'рейтинг',
		'score',
		'balance',
		'долг',
		'задолж',
		'sum',
		'сумм',
		'amount',
		'total',
		'revenue',
		'sales',
		'discount',
		'скидк',
		'lifetime',
		'ltv',
		'clv',
		'tax',
		'инн',
		'кпп',
		'огрн',
		'окпо',
		'bank',
		'банк',
		'бик',
		'bic',
		'iban',
		'swift',
		'счет',
		'website',
		'url',
		'сайт',
		'source',
		'источник',
		'channel',
		'канал',
		'language',
		'язык',
		'currency',
		'валют',
		'(?<!pri)vat',
		'ндс',
		'service',
		'support',
		'satisfaction',
		'feedback',
		'отзыв',
		'contract',
		'договор',
		'limit',
		'лимит',
		'credit',
		'кредит',
		'terms',
		'industry',
		'отрасль',
		'employees',
		'сотрудник',
		'size',
		'размер',
		'level',
		'уровень',
		'tier',
		'loyal',
		'лояльн',
		'product',
		'товар',
		'номенкл',
		'item',
		'sku',
		'price',
		'цена',
		'quantity',
		'qty',
		'^memo',
		'^description',
		'^описан',
		'^назначен',
		'стадия',
		'этап',
		'stage'
	].join('|')
);

const CUST_EN = '(customer|customers|cust|client|clients|buyer|purchaser|partner|payer|dealer|member)';
const CUST_RU_GEN =
	'(клиента|контрагента|покупателя|заказчика|партнера|плательщика|дилера|абонента|компании|организации)';
const CUST_RU = '(клиент|контрагент|покупатель|заказчик|партнер|плательщик|дилер|абонент)';
const ID_SUFFIX = '(user)?(id|no|nr|num|number|code|key|ref|uid|guid|uniqueid|uniqid)';
const ID_RU = '(код|номер|id|ид|идентификатор|guid|uid)';
const NAME_RU = '(наименование|название|имя|фио|полноенаименование)';
// Romanian: 'Cod client', 'ID client', 'CUI client', 'Cod partener', 'Denumire partener', 'Nume client'
const CUST_RO =
	'(client|clientului|partener|partenerului|cump[aă]r[aă]tor|cump[aă]r[aă]torului|beneficiar|beneficiarului)';
const ID_RO = '(cod|id|nr|num[aă]r)';
const NAME_RO = '(nume|numele|denumire|denumirea)';

const RE_CUST_ID = new RegExp(
	`^${CUST_EN}${ID_SUFFIX}$|^${CUST_EN}unique${ID_SUFFIX}$|^${ID_RU}${CUST_RU_GEN}$|^${CUST_RU}${ID_RU}$|^${ID_RO}${CUST_RO}$`
);
const RE_ACCOUNT_ID = /^account(id|no|nr|num|number)$/;
const RE_USER_ID = /^(user|userid|uid)$|^user(id|uid)$/;
/** A Romanian tax code ('CUI client' 90): a bare 'Cod fiscal' or 'CUI' is the key only when nothing better names the customer. */
const RE_TAX_ID_RO = new RegExp(`^(cui|cif|cuicif|cifcui|codfiscal)${CUST_RO}$`);
const RE_TAX_CODE_RO = /^(cui|cif|cuicif|cifcui|codfiscal)$/;
const RE_CUST_NAME = new RegExp(
	`^(${CUST_EN.slice(1, -1)}|account|company|organisation|organization|business)(full)?(name|title)$|^${NAME_RU}${CUST_RU_GEN}$|^${CUST_RU}${NAME_RU}$|^${NAME_RO}${CUST_RO}$`
);
const RE_GENERIC = new RegExp(
	`^${CUST_EN}$|^(клиент|клиенты|контрагент|контрагенты|покупатель|покупатели|заказчик|заказчики|партнер|плательщик|дилер|абонент)$|^(clien[tțţ]i|partener|parteneri|cump[aă]r[aă]tor|beneficiar)$`
);
const RE_GENERIC_PREFIX = /^(customer|client|cust(?!om)|клиент|контрагент|покупател|заказчик|buyer|purchaser)/;

/** How much a header looks like a customer identifier (key) and like a customer name. */
export function customerScores(n: string): CustomerScore {
	if (
		/^(phone|telephone|tel|mobile|phonenumber|телефон|мобильный|номертелефона|телефонклиента|customerphone|telefon)$/.test(
			n
		)
	)
		return { key: 25, name: 0, kind: 'phone' };
	if (
		/^(customer|client|buyer|billing|contact|purchaser|cust|user)?e?mail(address)?$/.test(n) ||
		/^(email|емейл|имейл|почта|электроннаяпочта|эпочта)(клиента|покупателя|заказчика)?$/.test(n)
	)
		return { key: 72, name: 0, kind: 'email' };
	if (RE_CUST_ID.test(n)) return { key: 100, name: 0, kind: 'id' };
	if (RE_ACCOUNT_ID.test(n)) return { key: 95, name: 0, kind: 'id' };
	if (RE_USER_ID.test(n)) return { key: 60, name: 0, kind: 'id' };
	if (RE_TAX_ID_RO.test(n)) return { key: 90, name: 0, kind: 'id' };
	if (RE_TAX_CODE_RO.test(n)) return { key: 55, name: 0, kind: 'id' };
	if (CUSTOMER_VETO.test(n)) return NO_CUSTOMER;
	if (/^contact(full)?name$/.test(n)) return { key: 80, name: 85, kind: 'name' };
	if (RE_CUST_NAME.test(n)) return { key: 86, name: 95, kind: 'name' };
	if (/^(billing|bill|billto|buyer)(full)?(name|company)$/.test(n)) return { key: 60, name: 80, kind: 'billing' };
	if (/^(shipping|ship|shipto|delivery)(full)?(name|company)$/.test(n)) return { key: 50, name: 70, kind: 'billing' };
	if (RE_GENERIC.test(n)) return { key: 88, name: 70, kind: 'generic' };
	if (/^(account|company|компания|business|торговаяточка|companie|firm[aă])$/.test(n))
		return { key: 85, name: 70, kind: 'generic' };
	if (/^(consignee|грузополучатель|получатель)$/.test(n)) return { key: 60, name: 50, kind: 'generic' };
	if (/^(contact|контакт)$/.test(n)) return { key: 40, name: 0, kind: 'contact' };
	if (RE_GENERIC_PREFIX.test(n)) return { key: 75, name: 60, kind: 'generic' };
	if (/^(name|fullname|наименование|название|фио|полноенаименование|nume|denumire)$/.test(n))
		return { key: 40, name: 0, kind: 'weak' };
	return NO_CUSTOMER;
}
