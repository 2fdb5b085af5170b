/** Russian export labels for the export tests (what the page makes with t() in Russian). */
import type { ExportLabels } from '../../src/lib/engine/export-labels';

export function ruLabels(classes: number): ExportLabels {
	const names = ['A', 'B', 'C', 'D', 'E'].slice(0, classes);
	return {
		sheets: {
			cover: 'О файле',
			customers: 'Клиенты',
			segments: 'Сегменты',
			concentration: 'Концентрация',
			vip: 'VIP',
			xyz: 'ABC×XYZ',
			recency: 'Давность',
			movement: 'Движение',
			margin: 'Давление на маржу'
		},
		columns: {
			rank: 'Место',
			key: 'Код клиента',
			name: 'Клиент',
			value: 'Сумма (выручка)',
			share: 'Доля',
			cumulativeShare: 'Накопленная доля',
			class: 'Класс',
			keyCustomer: 'Ключевой клиент',
			metric: 'Показатель',
			vipStatus: 'VIP-статус',
			vipMonths: 'VIP-месяцы',
			xyz: 'XYZ',
			recency: 'Давность',
			periodFrom: 'Период с',
			periodTo: 'Период по',
			filter: 'Фильтр',
			rfmR: 'RFM: R',
			rfmF: 'RFM: F',
			rfmM: 'RFM: M',
			rfmSegment: 'Сегмент RFM',
			reeseType: 'Тип клиента'
		},
		yes: 'да',
		no: 'нет',
		classNames: names.map((n) => `Класс ${n}`),
		playbooks: names.map((n) => `=Действуйте с ${n}`),
		classColors: ['#1d4ed8', '#0f766e', '#9a6700', '#b42318', '#6d28d9'].slice(0, classes),
		metric: 'выручка',
		vip: { vip: 'VIP', good: 'хороший', regular: 'обычный' },
		recency: { active: 'активный', sleeping: 'спящий', lost: 'потерянный' },
		rfmSegments: {
			champions: 'Чемпионы',
			loyal: 'Лояльные',
			potentialLoyalist: 'Будущие лояльные',
			new: 'Новые',
			promising: 'Перспективные',
			needAttention: 'Требуют внимания',
			aboutToSleep: 'Засыпающие',
			atRisk: 'В зоне риска',
			cantLoseThem: 'Нельзя потерять',
			hibernating: 'Спящие',
			lost: 'Потерянные'
		},
		reeseTypes: {
			freeloader: 'Халявщики',
			discountLover: 'Любители скидок',
			seeker: 'Искатели',
			resultFocused: 'Сосредоточенные на результате',
			unknown: 'Тип не определён'
		},
		segments: {
			class: 'Класс',
			customers: 'Клиентов',
			customerShare: '% клиентов',
			value: 'Сумма',
			valueShare: '% суммы',
			average: 'Средний чек',
			playbook: 'Что делать',
			total: 'Итого (клиенты с покупками)',
			nonPositive: 'Возвраты превышают покупки',
			netTotal: 'Все клиенты за вычетом возвратов'
		},
		concentration: {
			measure: 'Показатель',
			value: 'Значение',
			customers: 'Клиентов',
			total: 'База долей',
			keyCustomers: 'Ключевых клиентов',
			monoClient: 'Риск монозависимости',
			top1: 'Топ-1',
			top5: 'Топ-5',
			top20: 'Топ-20 %',
			for80: 'Клиенты на 80 %',
			for80Share: 'Клиенты на 80 %, доля',
			gini: 'Джини',
			hhi: 'HHI'
		},
		matrix: { class: 'Класс', customers: 'клиентов', value: 'сумма', total: 'Итого' },
		movement: {
			previous: 'Было (период)',
			current: 'Стало (период)',
			fromTo: 'Класс был ↓ / класс стал →',
			new: 'новые',
			lost: 'ушедшие',
			total: 'Итого'
		},
		margin: {
			companyMargin: 'Маржа компании',
			gap: 'Допустимое отставание от маржи компании',
			limit: '=Сигнал, если маржа ниже',
			revenue: 'Выручка',
			profit: 'Прибыль',
			margin: 'Маржа',
			revenueRank: 'Место по выручке',
			profitRank: 'Место по прибыли',
			flag: 'Маржа под давлением',
			reasons: { 'negative-profit': 'убыток', 'below-company': 'ниже маржи компании' }
		},
		cover: {
			title: 'Paretoscope: классификация клиентов',
			rows: [
				['Набор данных', '+sales.csv'],
				['Импортировано строк', 6]
			],
			customers: 'Клиентов в классификации',
			shareBase: 'База долей'
		}
	};
}
