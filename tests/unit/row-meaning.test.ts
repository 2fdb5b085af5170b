import { it } from 'vitest';
import { isTotalLabel } from '/work/main/src/lib/ingest/row-meaning';
it('x', () => { for (const s of ['Итого по ООО «Кедр»','Итого по Кедр','Total for Anchor','Summe für Kunde A','Total pentru Anchor','Totale per X','Итого:','Total général','Всего по клиенту X']) console.log(s, isTotalLabel(s)); });
