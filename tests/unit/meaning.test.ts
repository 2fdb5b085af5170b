import { it } from 'vitest';
import { importFiles, prepareBytes } from '../../src/lib/ingest/pipeline';
const csvs: Record<string, string> = {
  headingNoDate: 'Customer,Item,Amount\nAnchor Marine,,300\n,Rope,100\n,Sail,200\nBirch Bistro,,50\n,Bread,50\n',
  curCase: 'Invoice,Customer,Amount,Currency\nI1,A,1,EUR\nI2,B,1,eur\nI3,C,1,USD\nI4,D,1,USD\nI5,E,1,USD\nI6,F,1,EUR\nI7,G,1,eur\n',
  plainTotal: 'Customer,Amount\nКедр,100\nИтого по Кедр,100\nTotal for Kedr,100\n',
  stageReturn: 'Company,Amount,Status\nA,100,Won\nB,50,Refund\n',
  ruStatus: 'Заказ;Клиент;Сумма;Статус\n1;Анна;100;Оплачено\n2;Борис;50;Доставлено\n',
  refundNeg: 'Order,Email,Total,Refunded Amount\n1,a@x,100,30\n2,b@x,-40,40\n3,c@x,20,0\n',
};
for (const [k, csv] of Object.entries(csvs)) it(k, async () => {
  const p = await prepareBytes(new TextEncoder().encode(csv), k + '.csv');
  console.log(k, JSON.stringify(p.plan.mapping), p.plan.amountSource, JSON.stringify(p.plan.meaning), p.plan.headerRow);
  try { const { columns, report } = await importFiles([p], { cancelled: () => false });
  console.log(k, JSON.stringify(report), columns.customerKeys, Array.from(columns.customer), Array.from(columns.amount), columns.amountScale); } catch (e) { console.log(k, 'ERR', e); }
});
