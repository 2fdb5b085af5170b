/**
 * Discount information (README "The rules: Reese's four customer types", src/lib/ingest/discounts.ts):
 * what a discount column holds, each row's discount as a fraction of its price before the
 * discount, and which columns of real exports the auto-mapping takes as the discount and the list
 * price — with the other roles mapped as before. Worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { DISCOUNT_CODE, rowDiscount, sniffDiscountKind, type DiscountCells } from '../../src/lib/ingest/discounts';
import { sniffText } from '../../src/lib/ingest/sniff';
import { ROLES, type Role } from '../../src/lib/ingest/types';

describe('sniffDiscountKind', () => {
	it('reads money taken off as an amount', () => {
		expect(sniffDiscountKind('Discount Amount', ['0.00', '4.20', '12.50'], '.')).toBe('amount');
		// nothing but zeros: no fraction among them, still an amount
		expect(sniffDiscountKind('Discount Amount', ['0.00', '0.00'], '.')).toBe('amount');
		expect(sniffDiscountKind('Сумма скидки', ['1 450,00', '', '0,00'], ',')).toBe('amount');
		expect(sniffDiscountKind('Lineitem discount', ['3.00', '0.00'], '.')).toBe('amount');
		// a bare 20 under a plain "Discount" header is money, not a percent
		expect(sniffDiscountKind('Discount', ['20', '0', '15'], '.')).toBe('amount');
	});

	it("reads Superstore's Discount 0.2 as a fraction", () => {
		expect(sniffDiscountKind('Discount', ['0', '0.2', '0.45', '0.8'], '.')).toBe('fraction');
		expect(sniffDiscountKind('Discount rate', ['0.1', '0.25'], '.')).toBe('fraction');
		expect(sniffDiscountKind('Reducere', ['0,15', '0'], ',')).toBe('fraction');
	});

	it('reads 20 as a percent under a percent header, and "20%" cells under any header', () => {
		expect(sniffDiscountKind('Скидка, %', ['10', '', '5,5'], ',')).toBe('percent');
		expect(sniffDiscountKind('Discount %', ['20', '0', '15'], '.')).toBe('percent');
		expect(sniffDiscountKind('Discount rate', ['20', '10'], '.')).toBe('percent');
		expect(sniffDiscountKind('Процент скидки', ['3', '7'], '.')).toBe('percent');
		expect(sniffDiscountKind('Discount', ['20%', '0%', '15%'], '.')).toBe('percent');
		// '0.5%' is half a percent, not a fraction: a '%' cell always says percent
		expect(sniffDiscountKind('Discount', ['0.5%', '1%'], '.')).toBe('percent');
	});

	it('reads promo codes as codes, by the header or by text cells', () => {
		expect(sniffDiscountKind('Discount Code', ['WELCOME10', '', 'SPRING20'], '.')).toBe('code');
		// numbers under a code header are still codes
		expect(sniffDiscountKind('Coupon Code', ['10', '20'], '.')).toBe('code');
		expect(sniffDiscountKind('coupon_items', ['code:SAVE10|amount:5.00', ''], '.')).toBe('code');
		expect(sniffDiscountKind('Промокод', ['ВЕСНА10', ''], '.')).toBe('code');
		expect(sniffDiscountKind('Скидка', ['ЛЕТО2025', 'НОВЫЙ', ''], ',')).toBe('code');
	});

	it('reads a mostly empty column with one code as a code column', () => {
		expect(sniffDiscountKind('Discount', ['', '', '', 'WELCOME10', '', ''], '.')).toBe('code');
		// one text cell among four numbers is under the 80 % that must be numbers: still a code column
		expect(sniffDiscountKind('Discount', ['5', '10', 'VIP', 'VIP', '0'], '.')).toBe('code');
		// four numbers of five (80 %): an amount with one bad cell
		expect(sniffDiscountKind('Discount', ['5', '10', 'VIP', '12', '0'], '.')).toBe('amount');
	});
});

/** A row's discount cells: no discount column, no list price, nothing paid, unless `over` says. */
function cells(over: Partial<DiscountCells>): DiscountCells {
	return {
		kind: null,
		discount: '',
		listPrice: '',
		discountSep: '.',
		listPriceSep: '.',
		paid: 0,
		quantity: null,
		unitPrice: null,
		...over
	};
}

describe('rowDiscount', () => {
	it('an amount is read against the price before it: amount / (paid + amount)', () => {
		expect(rowDiscount(cells({ kind: 'amount', discount: '10', paid: 90 }))).toBeCloseTo(0.1, 12);
		expect(rowDiscount(cells({ kind: 'amount', discount: '25.00', paid: 75, quantity: 3 }))).toBeCloseTo(0.25, 12);
		// some exports write the discount negative
		expect(rowDiscount(cells({ kind: 'amount', discount: '-10', paid: 90 }))).toBeCloseTo(0.1, 12);
		// nothing paid: a free line
		expect(rowDiscount(cells({ kind: 'amount', discount: '5', paid: 0 }))).toBe(1);
		expect(rowDiscount(cells({ kind: 'amount', discount: '0.00', paid: 40 }))).toBe(0);
		expect(rowDiscount(cells({ kind: 'amount', discount: '1 450,00', discountSep: ',', paid: 4350 }))).toBeCloseTo(
			0.25,
			12
		);
	});

	it('a fraction is the discount as it stands, capped at 1', () => {
		expect(rowDiscount(cells({ kind: 'fraction', discount: '0.2', paid: 80 }))).toBeCloseTo(0.2, 12);
		expect(rowDiscount(cells({ kind: 'fraction', discount: '0', paid: 80 }))).toBe(0);
		expect(rowDiscount(cells({ kind: 'fraction', discount: '1.5', paid: 0 }))).toBe(1);
	});

	it('a percent is divided by 100; 100 % is a free line', () => {
		expect(rowDiscount(cells({ kind: 'percent', discount: '20', paid: 80 }))).toBeCloseTo(0.2, 12);
		expect(rowDiscount(cells({ kind: 'percent', discount: '20%', paid: 80 }))).toBeCloseTo(0.2, 12);
		expect(rowDiscount(cells({ kind: 'percent', discount: '5,5', discountSep: ',', paid: 80 }))).toBeCloseTo(0.055, 12);
		expect(rowDiscount(cells({ kind: 'percent', discount: '70', paid: 30 }))).toBeCloseTo(0.7, 12);
		expect(rowDiscount(cells({ kind: 'percent', discount: '100', paid: 0 }))).toBe(1);
		expect(rowDiscount(cells({ kind: 'percent', discount: '150', paid: 0 }))).toBe(1);
	});

	it('a filled code cell is DISCOUNT_CODE; "no code" words are no discount', () => {
		expect(DISCOUNT_CODE).toBe(-1);
		expect(rowDiscount(cells({ kind: 'code', discount: 'WELCOME10', paid: 40 }))).toBe(DISCOUNT_CODE);
		expect(rowDiscount(cells({ kind: 'code', discount: 'ВЕСНА10', paid: 40 }))).toBe(DISCOUNT_CODE);
		for (const none of ['нет', 'Нет', 'none', 'N/A', '-', '—', '0', 'fără', 'без'])
			expect(rowDiscount(cells({ kind: 'code', discount: none, paid: 40 })), none).toBe(0);
	});

	it('an empty cell of a mapped discount column is no discount', () => {
		for (const kind of ['amount', 'fraction', 'percent', 'code'] as const) {
			expect(rowDiscount(cells({ kind, discount: '', paid: 40 })), kind).toBe(0);
			expect(rowDiscount(cells({ kind, discount: '   ', paid: 40 })), kind).toBe(0);
		}
	});

	it('a discount cell that is not a number says nothing', () => {
		expect(rowDiscount(cells({ kind: 'percent', discount: 'договорная', paid: 40 }))).toBeNaN();
		expect(rowDiscount(cells({ kind: 'amount', discount: 'n/a', paid: 40 }))).toBeNaN();
	});

	it('without a discount cell the list price decides: 1 − paid unit price / list price', () => {
		// against the unit-price column
		expect(rowDiscount(cells({ listPrice: '40.00', unitPrice: 30, paid: 60, quantity: 2 }))).toBeCloseTo(0.25, 12);
		// against amount / quantity when there is no unit price
		expect(rowDiscount(cells({ listPrice: '40', paid: 60, quantity: 2 }))).toBeCloseTo(0.25, 12);
		// against the amount without a quantity (or with quantity 0)
		expect(rowDiscount(cells({ listPrice: '40', paid: 30 }))).toBeCloseTo(0.25, 12);
		expect(rowDiscount(cells({ listPrice: '40', paid: 30, quantity: 0 }))).toBeCloseTo(0.25, 12);
		// decimal comma and thousands space (1C)
		expect(
			rowDiscount(cells({ listPrice: '1 450,00', listPriceSep: ',', unitPrice: 1087.5, paid: 14137.5 }))
		).toBeCloseTo(0.25, 12);
		// an empty discount cell of a mapped column falls back to the list price
		expect(rowDiscount(cells({ kind: 'code', listPrice: '30.00', unitPrice: 6, paid: 12, quantity: 2 }))).toBeCloseTo(
			0.8,
			12
		);
		expect(rowDiscount(cells({ kind: 'percent', listPrice: '420', unitPrice: 378, paid: 1890 }))).toBeCloseTo(0.1, 12);
		// a free sample with a list price: 100 %
		expect(rowDiscount(cells({ listPrice: '4.00', unitPrice: 0, paid: 0, quantity: 1 }))).toBe(1);
	});

	it('with a discount cell and a list price, the deeper discount counts; a list price gives a code its depth', () => {
		// 10 % in the cell, 20 against a list price of 40 (50 %): 50 %
		expect(
			rowDiscount(cells({ kind: 'percent', discount: '10', listPrice: '40', unitPrice: 20, paid: 20 }))
		).toBeCloseTo(0.5, 12);
		// 30 % in the cell, 36 against 40 (10 %): 30 %
		expect(
			rowDiscount(cells({ kind: 'percent', discount: '30', listPrice: '40', unitPrice: 36, paid: 36 }))
		).toBeCloseTo(0.3, 12);
		expect(rowDiscount(cells({ kind: 'code', discount: 'VIP15', listPrice: '40', unitPrice: 40, paid: 40 }))).toBe(
			DISCOUNT_CODE
		);
		expect(
			rowDiscount(cells({ kind: 'code', discount: 'VIP15', listPrice: '40', unitPrice: 30, paid: 30 }))
		).toBeCloseTo(0.25, 12);
		// Shopify's Discount Amount 0.00 beside a compare-at price of 30 for an item sold at 6: a sale, 80 % off
		expect(
			rowDiscount(cells({ kind: 'amount', discount: '0.00', listPrice: '30.00', unitPrice: 6, paid: 6 }))
		).toBeCloseTo(0.8, 12);
	});

	it('paid above the list price is no discount, never a negative one', () => {
		expect(rowDiscount(cells({ listPrice: '40', unitPrice: 45, paid: 45 }))).toBe(0);
		expect(rowDiscount(cells({ listPrice: '40', paid: 100, quantity: 2 }))).toBe(0);
	});

	it('no list price (empty, zero or not a number) and no discount column: the row says nothing', () => {
		expect(rowDiscount(cells({ listPrice: '', unitPrice: 30, paid: 30 }))).toBeNaN();
		expect(rowDiscount(cells({ listPrice: '0', unitPrice: 30, paid: 30 }))).toBeNaN();
		expect(rowDiscount(cells({ listPrice: '-5', unitPrice: 30, paid: 30 }))).toBeNaN();
		expect(rowDiscount(cells({ listPrice: 'по запросу', unitPrice: 30, paid: 30 }))).toBeNaN();
	});
});

/** Role → mapped header (null when unmapped) of an inline CSV, by the real sniff and auto-mapping. */
function mapped(csv: string): Record<Role, string | null> {
	const s = sniffText(csv, false);
	const out = {} as Record<Role, string | null>;
	for (const role of ROLES) out[role] = s.auto.mapping[role] >= 0 ? s.header[s.auto.mapping[role]] : null;
	return out;
}

const NONE: Record<Role, null> = {
	customerKey: null,
	customerName: null,
	date: null,
	amount: null,
	quantity: null,
	unitPrice: null,
	profit: null,
	manager: null,
	orderId: null,
	discount: null,
	listPrice: null
};

describe('the discount and list-price columns of real exports (auto-mapping)', () => {
	it('Shopify orders_export: Discount Code before Discount Amount and Lineitem discount; compare-at as the list price', () => {
		const header =
			'Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Billing Name,Refunded Amount,Lineitem discount';
		const csv =
			header +
			'\n#1001,jane@example.com,paid,2025-01-05 10:12:44 +0100,EUR,45.00,5.00,0.00,50.00,WELCOME10,5.00,2025-01-05 10:12:40 +0100,2,Mug,25.00,30.00,MUG-1,Jane Doe,0.00,5.00' +
			'\n#1002,bob@example.com,paid,2025-01-06 12:00:01 +0100,EUR,20.00,5.00,0.00,25.00,,0.00,2025-01-06 11:59:58 +0100,1,Tea,20.00,,TEA-1,Bob Stone,0.00,0.00\n';
		expect(mapped(csv)).toEqual({
			...NONE,
			customerKey: 'Email',
			customerName: 'Billing Name',
			date: 'Paid at',
			amount: 'Total',
			quantity: 'Lineitem quantity',
			unitPrice: 'Lineitem price',
			discount: 'Discount Code',
			listPrice: 'Lineitem compare at price'
		});
	});

	it('Shopify without a code column: Discount Amount, or Lineitem discount', () => {
		expect(
			mapped(
				'Name,Email,Paid at,Subtotal,Shipping,Total,Discount Amount,Lineitem quantity,Lineitem price\n' +
					'#1,a@x.com,2025-01-02 10:00:00 +0100,27.00,0.00,27.00,3.00,2,15.00\n' +
					'#2,b@x.com,2025-01-03 10:00:00 +0100,10.00,0.00,10.00,0.00,1,10.00\n'
			)
		).toEqual({
			...NONE,
			customerKey: 'Email',
			date: 'Paid at',
			amount: 'Total',
			quantity: 'Lineitem quantity',
			unitPrice: 'Lineitem price',
			discount: 'Discount Amount'
		});
		expect(
			mapped(
				'Name,Email,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem discount,Total\n' +
					'#1,a@x.com,2025-01-02 10:00:00 +0100,2,Mug,15.00,20.00,3.00,27.00\n' +
					'#2,b@x.com,2025-01-03 10:00:00 +0100,1,Tea,10.00,,0.00,10.00\n'
			)
		).toEqual({
			...NONE,
			customerKey: 'Email',
			date: 'Created at',
			amount: 'Total',
			quantity: 'Lineitem quantity',
			unitPrice: 'Lineitem price',
			discount: 'Lineitem discount',
			listPrice: 'Lineitem compare at price'
		});
	});

	it('WooCommerce order export: Coupon Code over Cart Discount Amount; Cart Discount Amount alone', () => {
		const woo = (extra: string, cells: [string, string]) =>
			'Order ID,Order Date,Order Status,Billing First Name,Billing Last Name,Billing Email,Order Subtotal Amount,Order Shipping Amount,Cart Discount Amount,Order Total Amount' +
			extra +
			`\n2301,2024-02-01T09:15:00+03:00,wc-completed,Anna,Schmidt,anna@schmidt.example,100.00,5.00,10.00,95.00${cells[0]}` +
			`\n2302,2024-02-02T10:00:00+03:00,wc-completed,Peter,Jones,pjones@example.com,50.00,5.00,0.00,55.00${cells[1]}\n`;
		const base = {
			...NONE,
			customerKey: 'Billing Email',
			date: 'Order Date',
			amount: 'Order Total Amount',
			orderId: 'Order ID'
		};
		expect(mapped(woo(',Coupon Code', [',SAVE10', ',']))).toEqual({ ...base, discount: 'Coupon Code' });
		expect(mapped(woo('', ['', '']))).toEqual({ ...base, discount: 'Cart Discount Amount' });
	});

	it('WooCommerce line items: coupon_items as the discount, item_total still the amount', () => {
		expect(
			mapped(
				'order_id,order_date,status,billing_first_name,billing_last_name,billing_email,coupon_items,item_name,item_quantity,item_subtotal,item_total\n' +
					'3000,2024-03-01 10:00:00,completed,Anna,Schmidt,anna@schmidt.example,code:SAVE10|amount:5.00,Mug,2,50.00,45.00\n' +
					'3001,2024-03-02 11:00:00,completed,Peter,Jones,pjones@example.com,,Teapot,1,30.00,30.00\n'
			)
		).toEqual({
			...NONE,
			customerKey: 'billing_email',
			date: 'order_date',
			amount: 'item_total',
			quantity: 'item_quantity',
			orderId: 'order_id',
			discount: 'coupon_items'
		});
	});

	it('Superstore: Discount (0.2) beside Sales, Quantity and Profit', () => {
		expect(
			mapped(
				'Row ID,Order ID,Order Date,Ship Date,Ship Mode,Customer ID,Customer Name,Segment,Country,City,State,Postal Code,Region,Product ID,Category,Sub-Category,Product Name,Sales,Quantity,Discount,Profit\n' +
					'1,CA-2016-152156,11/8/2016,11/11/2016,Second Class,CG-12520,Claire Gute,Consumer,United States,Henderson,Kentucky,42420,South,FUR-BO-10001798,Furniture,Bookcases,Bush Somerset Collection Bookcase,261.96,2,0,41.9136\n' +
					'2,CA-2016-138688,6/12/2016,6/16/2016,Second Class,DV-13045,Darrin Van Huff,Corporate,United States,Los Angeles,California,90036,West,OFF-LA-10000240,Office Supplies,Labels,Self-Adhesive Address Labels,14.62,2,0.2,6.8714\n' +
					"3,US-2015-108966,10/11/2015,10/18/2015,Standard Class,SO-20335,Sean O'Donnell,Consumer,United States,Fort Lauderdale,Florida,33311,South,FUR-TA-10000577,Furniture,Tables,Bretford Table,957.5775,5,0.45,-383.031\n"
			)
		).toEqual({
			...NONE,
			customerKey: 'Customer ID',
			customerName: 'Customer Name',
			date: 'Order Date',
			amount: 'Sales',
			quantity: 'Quantity',
			profit: 'Profit',
			orderId: 'Order ID',
			discount: 'Discount'
		});
	});

	it('1C: Скидка, % and Цена по прайсу; Цена со скидкой is the price paid, not the discount', () => {
		expect(
			mapped(
				'Дата;Покупатель;Товар;Количество;Цена по прайсу;Цена со скидкой;Скидка, %;Сумма со скидкой\n' +
					'01.03.2025;ООО Ромашка;Кофе;10;1 450,00;1 305,00;10;13 050,00\n' +
					'02.03.2025;ИП Петров;Чай;5;380,00;380,00;;1 900,00\n'
			)
		).toEqual({
			...NONE,
			customerKey: 'Покупатель',
			date: 'Дата',
			amount: 'Сумма со скидкой',
			quantity: 'Количество',
			// before the list-price role, 'Цена по прайсу' was taken as the unit price
			unitPrice: 'Цена со скидкой',
			discount: 'Скидка, %',
			listPrice: 'Цена по прайсу'
		});
	});

	it('1C: Сумма скидки before Промокод; Скидка alone; Промокод alone', () => {
		expect(
			mapped(
				'Дата;Покупатель;Товар;Количество;Цена;Сумма скидки;Сумма;Промокод\n' +
					'01.03.2025;ООО Ромашка;Кофе;10;1 450,00;1 450,00;13 050,00;ВЕСНА10\n' +
					'02.03.2025;ИП Петров;Чай;5;380,00;0,00;1 900,00;\n'
			)
		).toEqual({
			...NONE,
			customerKey: 'Покупатель',
			date: 'Дата',
			amount: 'Сумма',
			quantity: 'Количество',
			unitPrice: 'Цена',
			discount: 'Сумма скидки'
		});
		expect(
			mapped(
				'Период;Контрагент;Номенклатура;Количество;Скидка;Сумма\n' +
					'01.03.2025;ООО Ромашка;Кофе;10;1 450,00;13 050,00\n' +
					'02.03.2025;ИП Петров;Чай;5;;1 900,00\n'
			)
		).toEqual({
			...NONE,
			customerKey: 'Контрагент',
			date: 'Период',
			amount: 'Сумма',
			quantity: 'Количество',
			discount: 'Скидка'
		});
		expect(
			mapped(
				'Дата;Контрагент;Сумма;Промокод\n' +
					'01.03.2025;ООО Ромашка;13 050,00;ВЕСНА10\n' +
					'02.03.2025;ИП Петров;1 900,00;\n'
			)
		).toEqual({ ...NONE, customerKey: 'Контрагент', date: 'Дата', amount: 'Сумма', discount: 'Промокод' });
	});

	it('1C: Цена со скидкой and Сумма со скидкой are never the discount', () => {
		expect(
			mapped(
				'Дата;Клиент;Товар;Кол-во;Цена;Сумма;Цена со скидкой;Сумма со скидкой\n' +
					'01.03.2025;ООО Ромашка;Кофе;10;1 450,00;14 500,00;1 305,00;13 050,00\n' +
					'02.03.2025;ИП Петров;Чай;5;380,00;1 900,00;380,00;1 900,00\n'
			)
		).toEqual({
			...NONE,
			customerKey: 'Клиент',
			date: 'Дата',
			// what was paid after the discount is the amount, not the sum before it
			amount: 'Сумма со скидкой',
			quantity: 'Кол-во',
			unitPrice: 'Цена'
		});
	});

	it('Romanian: Reducere and Preț de listă, with or without diacritics', () => {
		const ro = (listPrice: string) =>
			`Data;Client;Produs;Cantitate;${listPrice};Preț unitar;Reducere;Valoare\n` +
			'01.03.2025;SC Alfa SRL;Cafea;10;50,00;45,00;50,00;450,00\n' +
			'02.03.2025;SC Beta SRL;Ceai;5;20,00;20,00;0,00;100,00\n';
		for (const listPrice of ['Preț de listă', 'Pret de lista'])
			expect(mapped(ro(listPrice)), listPrice).toEqual({
				...NONE,
				customerKey: 'Client',
				date: 'Data',
				amount: 'Valoare',
				quantity: 'Cantitate',
				unitPrice: 'Preț unitar',
				discount: 'Reducere',
				listPrice
			});
	});
});
