/**
 * The demo dataset's languages (core/sample-sales.ts): for English, Russian and Romanian the
 * headers, CSV dialect, date format, id formats, managers and company names a real export of that
 * language would carry. Names are combined from word lists; `uniqueNames` keeps them distinct.
 */
import { dayToParts, formatDay } from './calendar';
import { RFC_4180_CSV, RUSSIAN_EXCEL_CSV, type CsvDialect } from './csv';
import { type Rand, pick, weighted } from './seeded-random';

export type SampleLanguage = 'ru' | 'en' | 'ro';

export interface Language {
	fileName: string;
	headers: readonly string[];
	/** currency units per US dollar */
	perDollar: number;
	dialect: CsvDialect;
	date: (day: number) => string;
	customerId: (n: number) => string;
	saleId: (n: number) => string;
	returnId: (n: number) => string;
	managers: readonly string[];
	/** one customer name and the part that must be unique (so ООО «Техснаб» and АО «Техснаб» are not both made) */
	name: (rand: Rand) => { core: string; full: string };
}

function dotted(day: number): string {
	const p = dayToParts(day);
	return `${String(p.day).padStart(2, '0')}.${String(p.month).padStart(2, '0')}.${p.year}`;
}

/** a word list written as one line, `|` between the words */
const words = (list: string): readonly string[] => list.split('|');

const EN_WORDS = words(
	'Harbor|Northwind|Blue Ridge|Cedar|Summit|Riverside|Oakwood|Silverline|Redwood|Granite|Lakeside|Pioneer|Evergreen|Keystone|Maple Leaf|Atlas|Beacon|Crescent|Highland|Meridian|Prairie|Sterling|Westfield|Eastgate|Bayview|Ironbridge|Coastal|Frontier|Greenfield|Liberty'
);
const EN_TRADES = words(
	'Foods|Traders|Supply|Logistics|Distribution|Hardware|Electrical|Packaging|Industries|Wholesale|Provisions|Building Supply|Office Supply|Medical Supply|Auto Parts|Farms|Market|Beverages|Textiles|Tools'
);
const EN_SURNAMES = words('Miller|Harper|Fletcher|Walsh|Bennett|Turner|Crawford|Hayes|Porter|Dawson|Mercer|Sullivan');

function englishName(rand: Rand): { core: string; full: string } {
	const kind = weighted(rand, [
		['form', 70],
		['comma', 15],
		['sons', 15]
	] as const);
	if (kind === 'sons') {
		const surname = pick(rand, EN_SURNAMES);
		const trade = pick(rand, ['Hardware', 'Foods', 'Supply', 'Tools', 'Electrical']);
		return { core: surname, full: `${surname} & Sons ${trade}` };
	}
	const core = `${pick(rand, EN_WORDS)} ${pick(rand, EN_TRADES)}`;
	if (kind === 'comma') return { core, full: `${core}, ${pick(rand, ['Inc.', 'LLC', 'Ltd.'])}` };
	return { core, full: `${core} ${pick(rand, ['Ltd', 'Inc', 'LLC', 'Co.', 'Corp.', 'Group'])}` };
}

/** adjective forms for masculine, feminine and neuter nouns */
const RU_ADJECTIVES: readonly (readonly [string, string, string])[] = [
	['Северный', 'Северная', 'Северное'],
	['Южный', 'Южная', 'Южное'],
	['Сибирский', 'Сибирская', 'Сибирское'],
	['Уральский', 'Уральская', 'Уральское'],
	['Волжский', 'Волжская', 'Волжское'],
	['Балтийский', 'Балтийская', 'Балтийское'],
	['Новый', 'Новая', 'Новое'],
	['Золотой', 'Золотая', 'Золотое'],
	['Первый', 'Первая', 'Первое'],
	['Белый', 'Белая', 'Белое'],
	['Зелёный', 'Зелёная', 'Зелёное'],
	['Дальний', 'Дальняя', 'Дальнее'],
	['Восточный', 'Восточная', 'Восточное'],
	['Западный', 'Западная', 'Западное'],
	['Тихий', 'Тихая', 'Тихое'],
	['Ясный', 'Ясная', 'Ясное'],
	['Невский', 'Невская', 'Невское'],
	['Светлый', 'Светлая', 'Светлое']
];
/** noun and its gender: 0 masculine, 1 feminine, 2 neuter */
const RU_NOUNS: readonly (readonly [string, 0 | 1 | 2])[] = [
	['ветер', 0],
	['берег', 0],
	['союз', 0],
	['маяк', 0],
	['альянс', 0],
	['стандарт', 0],
	['путь', 0],
	['край', 0],
	['парус', 0],
	['горизонт', 0],
	['звезда', 1],
	['гавань', 1],
	['линия', 1],
	['марка', 1],
	['пристань', 1],
	['мельница', 1],
	['долина', 1],
	['поле', 2],
	['море', 2],
	['сияние', 2],
	['подворье', 2],
	['течение', 2]
];
const RU_PREFIXES = words('Тех|Пром|Строй|Агро|Электро|Энерго|Металл|Торг|Хим|Лес|Авто|Мед|Нефте|Транс|Тепло|Спец');
const RU_SUFFIXES = words(
	'снаб|комплект|ресурс|сервис|торг|трейд|маркет|лайн|групп|систем|альянс|поставка|строй|пром|инвест|холдинг'
);
const RU_SURNAMES = words(
	'Смирнов|Иванов|Кузнецов|Попов|Васильев|Петров|Соколов|Михайлов|Новиков|Фёдоров|Морозов|Волков|Алексеев|Лебедев|Семёнов|Егоров|Павлов|Козлов|Степанов|Николаев|Орлов|Андреев|Макаров|Никитин|Захаров'
);
const RU_INITIALS = ['А', 'Б', 'В', 'Г', 'Д', 'Е', 'И', 'К', 'Л', 'М', 'Н', 'О', 'П', 'Р', 'С', 'Т', 'Ю'];

function russianName(rand: Rand): { core: string; full: string } {
	const kind = weighted(rand, [
		['adjective', 40],
		['compound', 40],
		['person', 20]
	] as const);
	if (kind === 'person') {
		const surname = pick(rand, RU_SURNAMES) + (rand() < 0.35 ? 'а' : '');
		const core = `${surname} ${pick(rand, RU_INITIALS)}. ${pick(rand, RU_INITIALS)}.`;
		return { core, full: `ИП ${core}` };
	}
	let core: string;
	if (kind === 'adjective') {
		const [noun, gender] = pick(rand, RU_NOUNS);
		core = `${pick(rand, RU_ADJECTIVES)[gender]} ${noun}`;
	} else {
		const prefix = pick(rand, RU_PREFIXES);
		let suffix = pick(rand, RU_SUFFIXES);
		if (prefix.toLowerCase() === suffix) suffix = 'снаб';
		core = prefix + suffix;
	}
	const form = weighted(rand, [
		['ООО', 70],
		['АО', 15],
		['ЗАО', 6],
		['ТД', 6],
		['ПАО', 3]
	] as const);
	return { core, full: `${form} «${core}»` };
}

const RO_WORDS = words(
	'Carpați|Dunărea|Transilvania|Moldova|Bucegi|Olt|Someș|Mureș|Delta|Arcada|Ceahlău|Retezat|Prahova|Siret|Bistrița|Apuseni|Codru|Făget|Argeș|Banat|Crișana|Dobrogea|Vrancea|Timiș|Neptun|Columna|Stejarul|Izvorul|Zarea'
);
const RO_TRADES = words(
	'Distribuție|Comerț|Logistic|Trans|Construct|Agro|Impex|Serv|Market|Prod|Grup|Tehnica|Alimentara|Industrial|Consult|Metal|Farm|Textil|Invest|Auto'
);
const RO_SURNAMES = words(
	'Popescu|Ionescu|Popa|Dumitrescu|Stan|Stoica|Gheorghe|Rusu|Munteanu|Matei|Constantin|Ene|Marin|Tudor|Lazăr'
);
const RO_GIVEN = ['Ion', 'Maria', 'Andrei', 'Elena', 'Mihai', 'Ioana', 'Vasile', 'Ana', 'Cristina', 'Ștefan'];

function romanianName(rand: Rand): { core: string; full: string } {
	const kind = weighted(rand, [
		['sc', 40],
		['srl', 30],
		['sa', 12],
		['pfa', 12],
		['ii', 6]
	] as const);
	if (kind === 'pfa' || kind === 'ii') {
		const core = `${pick(rand, RO_SURNAMES)} ${pick(rand, RO_GIVEN)}`;
		return { core, full: `${kind === 'pfa' ? 'PFA' : 'II'} ${core}` };
	}
	const core = `${pick(rand, RO_WORDS)} ${pick(rand, RO_TRADES)}`;
	if (kind === 'sc') return { core, full: `SC ${core} SRL` };
	return { core, full: `${core} ${kind === 'sa' ? 'SA' : 'SRL'}` };
}

export const LANGUAGES: Record<SampleLanguage, Language> = {
	en: {
		fileName: 'sample-sales-en.csv',
		headers: [
			'Order ID',
			'Order Date',
			'Customer ID',
			'Customer',
			'Manager',
			'Quantity',
			'Unit Price',
			'Sales',
			'Profit'
		],
		perDollar: 1,
		dialect: RFC_4180_CSV,
		date: formatDay,
		customerId: (n) => `C${n}`,
		saleId: (n) => `SO-${n}`,
		returnId: (n) => `RMA-${n}`,
		managers: ['Emily Carter', 'James Walker', 'Olivia Bennett', 'Daniel Hughes', 'Sophia Reed'],
		name: englishName
	},
	ru: {
		fileName: 'пример-продаж.csv',
		headers: ['Номер заказа', 'Дата', 'Код клиента', 'Клиент', 'Менеджер', 'Количество', 'Цена', 'Сумма', 'Прибыль'],
		perDollar: 90,
		dialect: RUSSIAN_EXCEL_CSV,
		date: dotted,
		customerId: (n) => `00-${String(n).padStart(6, '0')}`,
		saleId: (n) => `ЗК-${n}`,
		returnId: (n) => `ВЗ-${n}`,
		managers: ['Соколова Анна', 'Кузнецов Дмитрий', 'Морозова Елена', 'Волков Андрей', 'Лебедева Ольга'],
		name: russianName
	},
	ro: {
		fileName: 'exemplu-vanzari.csv',
		headers: [
			'Nr. comandă',
			'Data',
			'Cod client',
			'Client',
			'Manager',
			'Cantitate',
			'Preț unitar',
			'Vânzări',
			'Profit'
		],
		perDollar: 4.6,
		dialect: RUSSIAN_EXCEL_CSV,
		date: dotted,
		customerId: (n) => `CL${n}`,
		saleId: (n) => `CMD-${n}`,
		returnId: (n) => `RET-${n}`,
		managers: ['Andrei Popescu', 'Ioana Constantin', 'Mihai Dumitrescu', 'Elena Stan', 'Radu Ionescu'],
		name: romanianName
	}
};

/** `count` distinct names; a core that repeats is drawn again (after many tries, numbered). */
export function uniqueNames(rand: Rand, lang: Language, count: number): string[] {
	const cores = new Set<string>();
	const names: string[] = [];
	while (names.length < count) {
		let made = lang.name(rand);
		for (let tries = 0; cores.has(made.core) && tries < 200; tries++) made = lang.name(rand);
		if (cores.has(made.core)) made = { core: `${made.core} ${names.length}`, full: `${made.full} ${names.length}` };
		cores.add(made.core);
		names.push(made.full);
	}
	return names;
}
