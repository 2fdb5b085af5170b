import { describe, it, expect } from 'vitest';
import {
	autoMap,
	normaliseHeader,
	type AutoMapping,
	type ColumnProfile,
	type ProfileHints
} from '../../src/lib/ingest/mapping';
import { ROLES, type Role } from '../../src/lib/ingest/types';

const hints: ProfileHints = {
	isNumber: (c) => /^[-+(]?[\d\s.,'$€₽]+\)?$/.test(c.trim()) && /\d/.test(c),
	isDate: (c) =>
		/^(\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2}(:\d{2})?( ?[+-]\d{2}:?\d{2}|Z)?)?|\d{1,2}\.\d{1,2}\.\d{4}( \d{1,2}:\d{2}(:\d{2})?)?|\d{1,2}\/\d{1,2}\/\d{4}( \d{1,2}:\d{2}(:\d{2})?)?)$/.test(
			c.trim()
		)
};

/** Build column profiles from a header line and data lines (no quoting: test data has none). */
function table(headerLine: string, rows: readonly string[], delim = ','): ColumnProfile[] {
	const headers = headerLine.split(delim);
	const cells = rows.map((r) => r.split(delim));
	for (const r of cells) expect(r.length, `row "${r.join(delim)}"`).toBe(headers.length);
	return headers.map((header, i) => ({ header, samples: cells.map((r) => r[i]) }));
}

const OPTIONAL = ['discount', 'listPrice'] as const;

/** Role → header of the mapped column (null when unmapped), for readable expectations. */
function named(r: AutoMapping, cols: readonly ColumnProfile[]): Partial<Record<Role, string | null>> {
	const out = {} as Partial<Record<Role, string | null>>;
	for (const role of ROLES) out[role] = r.mapping[role] === -1 ? null : cols[r.mapping[role]].header;
	// the customer-type roles (issue 16) are listed only when mapped: most exports have neither
	for (const role of OPTIONAL) if (out[role] === null) delete out[role];
	return out;
}

const NONE: Record<Exclude<Role, (typeof OPTIONAL)[number]>, null> = {
	customerKey: null,
	customerName: null,
	date: null,
	amount: null,
	quantity: null,
	unitPrice: null,
	profit: null,
	manager: null,
	orderId: null
};

function map(headerLine: string, rows: readonly string[], delim = ',') {
	const cols = table(headerLine, rows, delim);
	const r = autoMap(cols, hints);
	return { r, cols, n: named(r, cols) };
}

describe('normaliseHeader', () => {
	it('makes case, spacing, underscores and punctuation irrelevant', () => {
		expect(normaliseHeader('Customer_Name')).toBe('customername');
		expect(normaliseHeader('CUSTOMERNAME')).toBe('customername');
		expect(normaliseHeader('Customer Name')).toBe('customername');
		expect(normaliseHeader('customer-name.')).toBe('customername');
		expect(normaliseHeader('Sub-Category')).toBe('subcategory');
	});

	it('strips BOM, quotes, \\r, NBSP and surrounding spaces', () => {
		expect(normaliseHeader('\uFEFFOrder ID')).toBe('orderid');
		expect(normaliseHeader('"Amount"\r')).toBe('amount');
		expect(normaliseHeader("  'Сумма'  ")).toBe('сумма');
		expect(normaliseHeader('Unit\u00a0Price')).toBe('unitprice');
	});

	it('folds ё to е and keeps Cyrillic and digits', () => {
		expect(normaliseHeader('Партнёр')).toBe('партнер');
		expect(normaliseHeader('ПАРТНЁР')).toBe('партнер');
		expect(normaliseHeader('Выручка, руб.')).toBe('выручкаруб');
		expect(normaliseHeader('Кол-во')).toBe('колво');
		expect(normaliseHeader('ADDRESSLINE1')).toBe('addressline1');
		expect(normaliseHeader('№ заказа')).toBe('заказа');
		expect(normaliseHeader('Invoice #')).toBe('invoice');
	});
});

describe('autoMap: headers from real exports', () => {
	it('generic English export with every role', () => {
		const { r, n } = map('Order ID,Order Date,Customer ID,Customer Name,Manager,Quantity,Unit Price,Sales,Profit', [
			'SO-1001,2024-01-15,C001,Acme Ltd,Ann Lee,3,19.99,59.97,12.40',
			'SO-1002,2024-01-16,C002,Globex,Bob Ray,1,250.00,250.00,40.00',
			'SO-1003,2024-01-16,C001,Acme Ltd,Ann Lee,10,4.50,45.00,-2.10'
		]);
		expect(n).toEqual({
			orderId: 'Order ID',
			date: 'Order Date',
			customerKey: 'Customer ID',
			customerName: 'Customer Name',
			manager: 'Manager',
			quantity: 'Quantity',
			unitPrice: 'Unit Price',
			amount: 'Sales',
			profit: 'Profit'
		});
		expect(r.amountSource).toBe('column');
		for (const role of ROLES) expect(r.confidence[role]).toBe(OPTIONAL.includes(role as never) ? 'none' : 'header');
	});

	it('generic Russian export with every role', () => {
		const { r, n } = map(
			'Номер заказа;Дата;Код клиента;Контрагент;Менеджер;Количество;Цена;Сумма;Прибыль',
			[
				'З-0001;15.01.2024;К-001;ООО Ромашка;Иванов И.И.;3;1 200,00;3 600,00;540,00',
				'З-0002;16.01.2024;К-002;ИП Петров;Сидорова А.;1;15 000,00;15 000,00;2 100,50',
				'З-0003;17.01.2024;К-001;ООО Ромашка;Иванов И.И.;12;99,90;1 198,80;-50,00'
			],
			';'
		);
		expect(n).toEqual({
			orderId: 'Номер заказа',
			date: 'Дата',
			customerKey: 'Код клиента',
			customerName: 'Контрагент',
			manager: 'Менеджер',
			quantity: 'Количество',
			unitPrice: 'Цена',
			amount: 'Сумма',
			profit: 'Прибыль'
		});
		expect(r.amountSource).toBe('column');
	});

	it('minimal customer,amount', () => {
		const { r, n } = map('customer,amount', ['Acme,100.50', 'Globex,20', 'Acme,7.25']);
		expect(n).toEqual({ ...NONE, customerKey: 'customer', amount: 'amount' });
		expect(r.confidence.customerKey).toBe('header');
		expect(r.confidence.amount).toBe('header');
		expect(r.confidence.date).toBe('none');
	});

	it('minimal client;sum', () => {
		const { n } = map('client;sum', ['Acme;100,50', 'Globex;20', 'Acme;7,25'], ';');
		expect(n).toEqual({ ...NONE, customerKey: 'client', amount: 'sum' });
	});

	it('minimal Клиент;Сумма', () => {
		const { n } = map('Клиент;Сумма', ['ООО Ромашка;1 500,00', 'ИП Петров;300', 'ООО Ромашка;75,5'], ';');
		expect(n).toEqual({ ...NONE, customerKey: 'Клиент', amount: 'Сумма' });
	});

	it('Superstore (Tableau sample): Order ID not Row ID, Order Date not Ship Date', () => {
		const { r, n } = map(
			'Row ID,Order ID,Order Date,Ship Date,Ship Mode,Customer ID,Customer Name,Segment,Country,City,State,Postal Code,Region,Product ID,Category,Sub-Category,Product Name,Sales,Quantity,Discount,Profit',
			[
				'1,CA-2016-152156,11/8/2016,11/11/2016,Second Class,CG-12520,Claire Gute,Consumer,United States,Henderson,Kentucky,42420,South,FUR-BO-10001798,Furniture,Bookcases,Bush Somerset Collection Bookcase,261.96,2,0,41.9136',
				'2,CA-2016-152156,11/8/2016,11/11/2016,Second Class,CG-12520,Claire Gute,Consumer,United States,Henderson,Kentucky,42420,South,FUR-CH-10000454,Furniture,Chairs,Hon Deluxe Fabric Upholstered Stacking Chairs,731.94,3,0,219.582',
				'3,CA-2016-138688,6/12/2016,6/16/2016,Second Class,DV-13045,Darrin Van Huff,Corporate,United States,Los Angeles,California,90036,West,OFF-LA-10000240,Office Supplies,Labels,Self-Adhesive Address Labels,14.62,2,0,6.8714',
				"4,US-2015-108966,10/11/2015,10/18/2015,Standard Class,SO-20335,Sean O'Donnell,Consumer,United States,Fort Lauderdale,Florida,33311,South,FUR-TA-10000577,Furniture,Tables,Bretford CR4500 Series Slim Rectangular Table,957.5775,5,0.45,-383.031"
			]
		);
		expect(n).toEqual({
			discount: 'Discount',
			orderId: 'Order ID',
			date: 'Order Date',
			customerKey: 'Customer ID',
			customerName: 'Customer Name',
			amount: 'Sales',
			quantity: 'Quantity',
			profit: 'Profit',
			unitPrice: null,
			manager: null
		});
		expect(r.amountSource).toBe('column');
	});

	it('old Superstore: Order Quantity is quantity, lone Customer Name is the key', () => {
		const { n } = map(
			'Row ID,Order ID,Order Date,Order Priority,Order Quantity,Sales,Discount,Ship Mode,Profit,Unit Price,Shipping Cost,Customer Name,Province,Region,Customer Segment,Product Category,Product Sub-Category,Product Name,Product Container,Product Base Margin,Ship Date',
			[
				'1,3,10/13/2010,Low,6,261.54,0.04,Regular Air,-213.25,38.94,35,Muhammed MacIntyre,Nunavut,Nunavut,Small Business,Office Supplies,Storage & Organization,Eldon Base for stackable storage shelf platinum,Large Box,0.8,10/20/2010',
				'49,293,10/1/2012,High,49,10123.02,0.07,Delivery Truck,457.81,208.16,68.02,Barry French,Nunavut,Nunavut,Consumer,Office Supplies,Appliances,1.7 Cubic Foot Compact Cube Office Refrigerators,Jumbo Drum,0.58,10/2/2012',
				'50,293,10/1/2012,High,27,244.57,0.01,Regular Air,46.71,8.69,2.99,Barry French,Nunavut,Nunavut,Consumer,Office Supplies,Binders and Binder Accessories,Cardinal Slant-D Ring Binder,Small Box,0.39,10/3/2012',
				'80,483,7/10/2011,High,30,4965.76,0.08,Regular Air,1198.97,195.99,3.99,Clay Rozendal,Nunavut,Nunavut,Corporate,Technology,Telephones and Communication,R380,Small Box,0.58,7/12/2011'
			]
		);
		expect(n).toEqual({
			discount: 'Discount',
			orderId: 'Order ID',
			date: 'Order Date',
			quantity: 'Order Quantity',
			amount: 'Sales',
			profit: 'Profit',
			unitPrice: 'Unit Price',
			customerKey: 'Customer Name',
			customerName: null,
			manager: null
		});
	});

	it('UCI Online Retail: no amount column → quantity × unit price', () => {
		const { r, n } = map('InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country', [
			'536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom',
			'536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom',
			'536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,,United Kingdom',
			'C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,United Kingdom',
			'536370,22728,ALARM CLOCK BAKELIKE PINK,24,12/1/2010 8:45,3.75,12583,France'
		]);
		expect(n).toEqual({
			...NONE,
			orderId: 'InvoiceNo',
			quantity: 'Quantity',
			date: 'InvoiceDate',
			unitPrice: 'UnitPrice',
			customerKey: 'CustomerID'
		});
		expect(r.mapping.amount).toBe(-1);
		expect(r.confidence.amount).toBe('none');
		expect(r.amountSource).toBe('quantityTimesPrice');
	});

	it('Online Retail II: Invoice, Price, "Customer ID" written as 13085.0', () => {
		const { r, n } = map('Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country', [
			'489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom',
			'489434,79323P,PINK CHERRY LIGHTS,12,2009-12-01 07:45:00,6.75,13085.0,United Kingdom',
			'489435,22350,CAT BOWL,12,2009-12-01 07:46:00,2.55,13085.0,United Kingdom',
			'489436,48173C,DOOR MAT BLACK FLOCK,10,2009-12-01 09:06:00,5.95,13078.0,United Kingdom'
		]);
		expect(n).toEqual({
			...NONE,
			orderId: 'Invoice',
			quantity: 'Quantity',
			date: 'InvoiceDate',
			unitPrice: 'Price',
			customerKey: 'Customer ID'
		});
		expect(r.amountSource).toBe('quantityTimesPrice');
	});

	it('Kaggle sample sales data: concatenated upper-case headers', () => {
		const { r, n } = map(
			'ORDERNUMBER,QUANTITYORDERED,PRICEEACH,ORDERLINENUMBER,SALES,ORDERDATE,STATUS,QTR_ID,MONTH_ID,YEAR_ID,PRODUCTLINE,MSRP,PRODUCTCODE,CUSTOMERNAME,PHONE,ADDRESSLINE1,ADDRESSLINE2,CITY,STATE,POSTALCODE,COUNTRY,TERRITORY,CONTACTLASTNAME,CONTACTFIRSTNAME,DEALSIZE',
			[
				'10107,30,95.7,2,2871,2/24/2003 0:00,Shipped,1,2,2003,Motorcycles,95,S10_1678,Land of Toys Inc.,2125557818,897 Long Airport Avenue,,NYC,NY,10022,USA,NA,Yu,Kwai,Small',
				"10121,34,81.35,5,2765.9,5/7/2003 0:00,Shipped,2,5,2003,Motorcycles,95,S10_1678,Reims Collectables,26.47.1555,59 rue de l'Abbaye,,Reims,,51100,France,EMEA,Henriot,Paul,Small",
				'10134,41,94.74,2,3884.34,7/1/2003 0:00,Shipped,3,7,2003,Motorcycles,95,S10_1678,Lyon Souveniers,+33 1 46 62 7555,27 rue du Colonel Pierre Avia,,Paris,,75508,France,EMEA,Da Cunha,Daniel,Medium',
				'10145,45,83.26,6,3746.7,8/25/2003 0:00,Shipped,3,8,2003,Motorcycles,95,S10_1678,Toys4GrownUps.com,6265557265,78934 Hillside Dr.,,Pasadena,CA,90003,USA,NA,Young,Julie,Medium'
			]
		);
		expect(n).toEqual({
			listPrice: 'MSRP',
			...NONE,
			orderId: 'ORDERNUMBER',
			quantity: 'QUANTITYORDERED',
			unitPrice: 'PRICEEACH',
			amount: 'SALES',
			date: 'ORDERDATE',
			customerKey: 'CUSTOMERNAME'
		});
		expect(r.amountSource).toBe('column');
	});

	it('Salesperson is a manager, never an amount', () => {
		const { n } = map('Date,Salesperson,Customer,Product,Units,Price,Revenue', [
			'2024-03-01,Jane Smith,Contoso,Widget,5,12.50,62.50',
			'2024-03-02,Tom Hardy,Fabrikam,Gadget,2,99.00,198.00',
			'2024-03-02,Jane Smith,Contoso,Gizmo,1,450.00,450.00'
		]);
		expect(n).toEqual({
			...NONE,
			date: 'Date',
			manager: 'Salesperson',
			customerKey: 'Customer',
			quantity: 'Units',
			unitPrice: 'Price',
			amount: 'Revenue'
		});
	});

	it('Sales Rep / Account / Invoice #: net amount preferred over gross, Tax unmapped', () => {
		const { n } = map('Sales Rep,Account,Invoice Date,Invoice #,Net Amount,Tax,Gross Amount', [
			'Mike Ross,Initech,03/15/2024,INV-0042,1000.00,200.00,1200.00',
			'Rachel Zane,Hooli,03/16/2024,INV-0043,250.00,50.00,300.00',
			'Mike Ross,Initech,03/20/2024,INV-0044,80.00,16.00,96.00'
		]);
		expect(n).toEqual({
			...NONE,
			manager: 'Sales Rep',
			customerKey: 'Account',
			date: 'Invoice Date',
			orderId: 'Invoice #',
			amount: 'Net Amount'
		});
	});

	it('Покупатель;Дата оплаты;Оплата;Ответственный', () => {
		const { n } = map(
			'Покупатель;Дата оплаты;Оплата;Ответственный',
			[
				'ООО Вектор;01.02.2024;120 000,00;Смирнова',
				'АО Гамма;03.02.2024;45 500,00;Козлов',
				'ООО Вектор;10.02.2024;9 900,00;Смирнова'
			],
			';'
		);
		expect(n).toEqual({
			...NONE,
			customerKey: 'Покупатель',
			date: 'Дата оплаты',
			amount: 'Оплата',
			manager: 'Ответственный'
		});
	});

	it('Заказчик;Дата;Выручка, руб.;Кол-во', () => {
		const { n } = map(
			'Заказчик;Дата;Выручка, руб.;Кол-во',
			['ООО Альфа;05.03.2024;15 400,00;14', 'ООО Бета;06.03.2024;3 300,50;3', 'ООО Альфа;07.03.2024;990,00;1'],
			';'
		);
		expect(n).toEqual({ ...NONE, customerKey: 'Заказчик', date: 'Дата', amount: 'Выручка, руб.', quantity: 'Кол-во' });
	});

	it('Контрагент;ИНН;Сумма с НДС;НДС: ИНН and НДС unmapped', () => {
		const { n } = map(
			'Контрагент;ИНН;Сумма с НДС;НДС',
			[
				'ООО Ромашка;7707083893;12 000,00;2 000,00',
				'ИП Петров;500100732259;6 000,00;1 000,00',
				'ООО Ромашка;7707083893;1 200,00;200,00'
			],
			';'
		);
		expect(n).toEqual({ ...NONE, customerKey: 'Контрагент', amount: 'Сумма с НДС' });
	});

	it('Наименование;Сумма: the only text column is the key', () => {
		const { n } = map('Наименование;Сумма', ['ООО Ромашка;1 000,00', 'ИП Петров;250,00'], ';');
		expect(n).toEqual({ ...NONE, customerKey: 'Наименование', amount: 'Сумма' });
	});

	it('stray \\r, BOM, surrounding quotes and spaces do not break matching', () => {
		const cols: ColumnProfile[] = [
			{ header: '\uFEFF"Customer"', samples: ['Acme', 'Globex', 'Acme'] },
			{ header: ' "Order Date" ', samples: ['2024-01-01', '2024-01-02', '2024-01-03'] },
			{ header: "'Amount'\r", samples: ['10.00', '20.50', '3'] }
		];
		const n = named(autoMap(cols, hints), cols);
		expect(n).toEqual({ ...NONE, customerKey: cols[0].header, date: cols[1].header, amount: cols[2].header });
	});

	it('Olist-like snake_case', () => {
		const { n } = map('order_id,customer_id,payment_value,order_purchase_timestamp', [
			'e481f51cbdc54678b7cc49136f2d6af7,9ef432eb6251297304e76186b10a928d,18.12,2017-10-02 10:56:33',
			'53cdb2fc8bc7dce0b6741e2150273451,b0830fb4747a6c6d20dea0b8c802d7ef,141.46,2018-07-24 20:41:37',
			'47770eb9100c2d0c44946d9cf07ec65d,41ce2a54c0b03bf3443c3d931a367089,179.12,2018-08-08 08:38:49'
		]);
		expect(n).toEqual({
			...NONE,
			orderId: 'order_id',
			customerKey: 'customer_id',
			amount: 'payment_value',
			date: 'order_purchase_timestamp'
		});
	});

	it('Olist orders table: purchase timestamp beats approved/delivered/estimated dates', () => {
		const { n } = map(
			'order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date',
			[
				'e481f51cbdc54678b7cc49136f2d6af7,9ef432eb6251297304e76186b10a928d,delivered,2017-10-02 10:56:33,2017-10-02 11:07:15,2017-10-04 19:55:00,2017-10-10 21:25:13,2017-10-18 00:00:00',
				'53cdb2fc8bc7dce0b6741e2150273451,b0830fb4747a6c6d20dea0b8c802d7ef,delivered,2018-07-24 20:41:37,2018-07-26 03:24:27,2018-07-26 14:31:00,2018-08-07 15:27:45,2018-08-13 00:00:00'
			]
		);
		expect(n).toEqual({ ...NONE, orderId: 'order_id', customerKey: 'customer_id', date: 'order_purchase_timestamp' });
	});

	it('Shopify orders: Email is the key, Billing Name the name, Total the amount, Paid at the date', () => {
		const { r, n } = map(
			'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Billing Name,Billing Company,Shipping Name,Payment Method,Refunded Amount,Vendor,Id,Phone,Receipt Number',
			[
				'#1001,jane@example.com,paid,2024-01-05 10:12:44 +0300,fulfilled,2024-01-06 09:00:00 +0300,yes,USD,45.00,5.00,3.60,53.60,,0.00,Standard,2024-01-05 10:12:40 +0300,2,Mug,15.00,,MUG-1,Jane Doe,,Jane Doe,Shopify Payments,0.00,Acme Mugs,5512345678901,+15551234567,',
				'#1001,jane@example.com,,,,,,,,,,,,,,2024-01-05 10:12:40 +0300,1,Tea,15.00,,TEA-1,,,,,,Acme Tea,,,',
				'#1002,bob@example.com,paid,2024-01-06 12:00:01 +0300,fulfilled,2024-01-07 09:00:00 +0300,no,USD,20.00,5.00,1.60,26.60,WELCOME,2.00,Standard,2024-01-06 11:59:58 +0300,1,Mug,20.00,25.00,MUG-2,Bob Stone,Stone LLC,Bob Stone,Shopify Payments,0.00,Acme Mugs,5512345678902,,'
			]
		);
		expect(n).toEqual({
			discount: 'Discount Code',
			listPrice: 'Lineitem compare at price',
			...NONE,
			customerKey: 'Email',
			customerName: 'Billing Name',
			date: 'Paid at',
			amount: 'Total',
			quantity: 'Lineitem quantity',
			unitPrice: 'Lineitem price'
		});
		expect(r.amountSource).toBe('column');
	});

	it('1C sales report: Период;Контрагент;Номенклатура;Количество;Сумма', () => {
		const { n } = map(
			'Период;Контрагент;Номенклатура;Количество;Сумма',
			[
				'01.03.2024 0:00:00;ООО Ромашка;Бумага А4;10;2 500,00',
				'02.03.2024 0:00:00;ИП Петров;Ручка шариковая;100;1 500,00',
				'02.03.2024 0:00:00;ООО Ромашка;Степлер;2;640,00'
			],
			';'
		);
		expect(n).toEqual({ ...NONE, date: 'Период', customerKey: 'Контрагент', quantity: 'Количество', amount: 'Сумма' });
	});

	it('Bitrix24 deals: Компания is the key, Контакт and Название сделки unmapped', () => {
		const { n } = map(
			'ID;Название сделки;Стадия сделки;Компания;Контакт;Сумма;Валюта;Дата создания;Дата изменения;Ответственный',
			[
				'101;Поставка бумаги;Сделка успешна;ООО Ромашка;Иван Иванов;150000;RUB;12.02.2024 10:15:00;20.02.2024 18:00:00;Анна Смирнова',
				'102;Внедрение CRM;Сделка успешна;АО Гамма;Пётр Петров;480000;RUB;13.02.2024 11:00:00;01.03.2024 12:00:00;Олег Козлов',
				'103;Повторная поставка;Сделка успешна;ООО Ромашка;Иван Иванов;75000;RUB;01.03.2024 09:30:00;05.03.2024 16:45:00;Анна Смирнова'
			],
			';'
		);
		expect(n).toEqual({
			...NONE,
			customerKey: 'Компания',
			amount: 'Сумма',
			date: 'Дата создания',
			manager: 'Ответственный'
		});
	});

	it('QuickBooks sales by customer detail: Amount not Balance, Num is the order', () => {
		const { n } = map('Date,Transaction Type,Num,Customer,Memo/Description,Qty,Sales Price,Amount,Balance', [
			"01/04/2024,Invoice,1001,Amy's Bird Sanctuary,Lawn mowing,4,25.00,100.00,100.00",
			"01/09/2024,Sales Receipt,1002,Bill's Windsurf Shop,Garden rocks,10,8.50,85.00,185.00",
			"01/12/2024,Invoice,1003,Amy's Bird Sanctuary,Pest control,1,70.00,70.00,255.00"
		]);
		expect(n).toEqual({
			...NONE,
			date: 'Date',
			orderId: 'Num',
			customerKey: 'Customer',
			quantity: 'Qty',
			unitPrice: 'Sales Price',
			amount: 'Amount'
		});
	});

	it('WooCommerce order export: Customer User ID key, Order Total Amount, sparse Billing Company not a name', () => {
		const { n } = map(
			'Order Number,Order Status,Order Date,Customer Note,Billing First Name,Billing Last Name,Billing Company,Billing Email,Order Subtotal Amount,Order Shipping Amount,Order Refund Amount,Order Total Amount,Order Total Tax Amount,SKU,Item #,Item Name,Quantity (- Refund),Item Cost,Customer User ID',
			[
				'4021,wc-completed,2024-02-01 14:03,,Jane,Doe,,jane@example.com,40.00,5.00,0.00,48.40,3.40,MUG-1,1,Mug,2,20.00,12',
				'4022,wc-completed,2024-02-02 09:15,Leave at door,Bob,Stone,,bob@example.com,25.00,5.00,0.00,32.40,2.40,TEA-1,1,Tea,1,25.00,57',
				'4023,wc-processing,2024-02-02 18:40,,Ann,Lee,Lee & Co,ann@example.com,100.00,0.00,0.00,108.00,8.00,MUG-2,1,Big mug,4,25.00,0'
			]
		);
		expect(n).toEqual({
			...NONE,
			orderId: 'Order Number',
			date: 'Order Date',
			amount: 'Order Total Amount',
			quantity: 'Quantity (- Refund)',
			customerKey: 'Customer User ID'
		});
	});

	it('Xero sales invoices: LineAmount over invoice Total, UnitAmount is the unit price', () => {
		const { n } = map(
			'*ContactName,EmailAddress,*InvoiceNumber,Reference,*InvoiceDate,*DueDate,Total,TaxTotal,InvoiceAmountPaid,InvoiceAmountDue,InventoryItemCode,*Description,*Quantity,*UnitAmount,Discount,LineAmount,*AccountCode,*TaxType,TaxAmount,Currency',
			[
				'City Limousines,info@citylimo.example,INV-0001,P/O 9711,2024-01-10,2024-02-10,550.00,50.00,550.00,0.00,ITEM-1,Chauffeur service,2,200.00,,400.00,200,OUTPUT2,40.00,NZD',
				'City Limousines,info@citylimo.example,INV-0001,P/O 9711,2024-01-10,2024-02-10,550.00,50.00,550.00,0.00,ITEM-2,Car wash,1,100.00,,100.00,200,OUTPUT2,10.00,NZD',
				'Bayside Club,accounts@bayside.example,INV-0002,,2024-01-12,2024-02-12,230.00,30.00,0.00,230.00,ITEM-3,Catering,4,50.00,,200.00,200,OUTPUT2,30.00,NZD'
			]
		);
		expect(n).toEqual({
			discount: 'Discount',
			...NONE,
			customerKey: '*ContactName',
			orderId: '*InvoiceNumber',
			date: '*InvoiceDate',
			quantity: '*Quantity',
			unitPrice: '*UnitAmount',
			amount: 'LineAmount'
		});
	});
});

describe('autoMap: customers', () => {
	it('Customer ID + bare Name: the id is the key, Name the customer name', () => {
		const { n } = map('Customer ID,Name,Amount', ['C1,Acme,10.00', 'C2,Globex,20.00', 'C1,Acme,5.00']);
		expect(n).toEqual({ ...NONE, customerKey: 'Customer ID', customerName: 'Name', amount: 'Amount' });
	});

	it('Customer Name + Email: the explicit customer name is the key, email unmapped', () => {
		const { n } = map('Customer Name,Email,Amount', ['Acme,a@acme.test,10.00', 'Globex,g@globex.test,20.00']);
		expect(n).toEqual({ ...NONE, customerKey: 'Customer Name', amount: 'Amount' });
	});

	it('Customer + Customer Name: the generic column is the key, the name column the name', () => {
		const { n } = map('Customer,Customer Name,Amount', ['A-1,Acme,10.00', 'G-7,Globex,20.00']);
		expect(n).toEqual({ ...NONE, customerKey: 'Customer', customerName: 'Customer Name', amount: 'Amount' });
	});

	it('an all-integer customer id is a fine key', () => {
		const { n } = map('Client Code;Клиент;Сумма', ['1001;Альфа;10,00', '1002;Бета;20,00', '1001;Альфа;5,00'], ';');
		expect(n).toEqual({ ...NONE, customerKey: 'Client Code', customerName: 'Клиент', amount: 'Сумма' });
	});

	it('a money-looking customer column is refused when a text customer column exists', () => {
		const { n } = map('Customer,Client Name,Amount', ['1 200.50,Acme,10.00', '99.90,Globex,20.00', '5.00,Acme,1.00']);
		expect(n.customerKey).toBe('Client Name');
		expect(n.customerName).toBeNull();
	});

	it('customer key needs at least half of the cells filled', () => {
		const { n } = map('Customer,Amount', [',10.00', ',20.00', 'Acme,5.00', ',1.00']);
		expect(n.customerKey).toBeNull();
		expect(n.amount).toBe('Amount');
	});

	it('Customer Segment / Customer Type / Customer City are never customers', () => {
		const { n } = map('Customer Segment,Customer Type,Customer City,Total', [
			'Consumer,Retail,Boston,10.00',
			'Corporate,Wholesale,Austin,20.00'
		]);
		expect(n.customerKey).toBeNull();
		expect(n.customerName).toBeNull();
		expect(n.amount).toBe('Total');
	});
});

describe('autoMap: content checks and fallback', () => {
	it('a header-matched column that fails its content check is not assigned', () => {
		const { n } = map('Customer,Date,Amount', ['Acme,yesterday,ten', 'Globex,today,twenty', 'Acme,soon,three']);
		expect(n.date).toBeNull();
		expect(n.amount).toBeNull();
		expect(n.customerKey).toBe('Customer');
	});

	it('numeric roles tolerate some non-numbers (bad cells are reported per row) and ignore empty cells', () => {
		const { n } = map('Customer,Amount', ['A,1.00', 'B,2.00', 'C,', 'D,3.00', 'E,n/a', 'F,4.00', 'G,oops', 'H,5.00']);
		expect(n.amount).toBe('Amount');
		// half or more non-numbers: not an amount column
		expect(map('Customer,Amount', ['A,x', 'B,y', 'C,1.00']).n.amount).toBeNull();
	});

	it('content fallback when no header matches: key, date, amount', () => {
		const { r, n } = map('Col1,Col2,Col3,Col4,Col5', [
			'1,Acme,2024-01-01,10.50,3',
			'2,Globex,2024-01-02,1200.00,1',
			'3,Acme,2024-01-03,99.99,2',
			'4,Initech,2024-01-05,15.00,5'
		]);
		expect(n).toEqual({ ...NONE, customerKey: 'Col2', date: 'Col3', amount: 'Col4' });
		expect(r.confidence.customerKey).toBe('content');
		expect(r.confidence.date).toBe('content');
		expect(r.confidence.amount).toBe('content');
		expect(r.confidence.quantity).toBe('none');
	});

	it('amount fallback picks the decimal column with the largest mean, skipping id sequences', () => {
		const { n } = map('Kunde,Nr,Betrag A,Betrag B', [
			'Acme,5001.0,1.50,100.25',
			'Globex,5002.0,2.50,200.75',
			'Acme,5003.0,3.25,300.10'
		]);
		expect(n.amount).toBe('Betrag B');
		expect(n.customerKey).toBe('Kunde');
	});

	it('customer fallback needs repeated values', () => {
		const { n } = map('X,Y,Sum', ['a1 unique,Acme,1.00', 'b2 unique,Globex,2.00', 'c3 unique,Acme,3.00']);
		expect(n.customerKey).toBe('Y');
	});

	it('no amount fallback when quantity and unit price exist', () => {
		const { r, n } = map('Client,Qty,Price,Weird', ['Acme,2,3.50,7.00', 'Globex,1,10.00,10.00', 'Acme,4,1.25,5.00']);
		expect(n.amount).toBeNull();
		expect(r.amountSource).toBe('quantityTimesPrice');
	});

	it('amountSource stays column when amount is missing and price is missing', () => {
		const { r, n } = map('Client,Qty', ['Acme,2', 'Globex,1', 'Acme,2']);
		expect(n.amount).toBeNull();
		expect(n.quantity).toBe('Qty');
		expect(r.amountSource).toBe('column');
	});

	it('a header-only file maps by headers alone', () => {
		const cols: ColumnProfile[] = ['Customer', 'Date', 'Amount'].map((header) => ({ header, samples: [] }));
		expect(named(autoMap(cols, hints), cols)).toEqual({
			...NONE,
			customerKey: 'Customer',
			date: 'Date',
			amount: 'Amount'
		});
	});
});

describe('autoMap: determinism and exclusivity', () => {
	it('equal scores go to the leftmost column', () => {
		const { n } = map('Client,Sales,Revenue', ['Acme,1.00,1.00', 'Globex,2.00,2.00']);
		expect(n.amount).toBe('Sales');
	});

	it('plain amount words beat qualified ones; without-VAT beats with-VAT', () => {
		expect(map('Client,Amount incl. VAT,Amount', ['A,1.20,1.00']).n.amount).toBe('Amount');
		expect(map('Клиент;Сумма с НДС;Сумма без НДС;НДС', ['А;120,00;100,00;20,00'], ';').n.amount).toBe('Сумма без НДС');
		expect(map('Client,Total (incl. VAT),Total excl. VAT,VAT', ['A,1.20,1.00,0.20']).n.amount).toBe('Total excl. VAT');
	});

	it('each column gets at most one role and each role at most one column', () => {
		const { r } = map('Order ID,Order Date,Customer ID,Customer Name,Manager,Quantity,Unit Price,Sales,Profit', [
			'SO-1,2024-01-15,C1,Acme,Ann,3,19.99,59.97,12.40'
		]);
		const cols = ROLES.map((role) => r.mapping[role]).filter((c) => c !== -1);
		expect(new Set(cols).size).toBe(cols.length);
	});

	it('is a pure function of its input', () => {
		const cols = table('Customer,Date,Amount', ['Acme,2024-01-01,1.00']);
		expect(autoMap(cols, hints)).toEqual(autoMap(cols, hints));
	});
});
