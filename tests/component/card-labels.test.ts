/** Phones show data tables as cards: every cell carries its column's name (README "Phones"). */
import { describe, expect, it } from 'vitest';
import { labelTableCells, watchTableLabels } from '../../src/lib/components/card-labels';

describe('card labels', () => {
	it('labels each cell with its header, spreading colspans; matrices are left alone', () => {
		document.body.innerHTML = `
			<table class="data"><thead><tr><th>Class</th><th colspan="2">Customers</th><th aria-label="Key customer">★</th></tr></thead>
			<tbody><tr><td>A</td><td>42</td><td>21 %</td><td>★</td></tr><tr><td colspan="2">B</td><td>x</td><td></td></tr></tbody></table>
			<table class="data matrix"><thead><tr><th>from</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>`;
		labelTableCells(document.body);
		const [first, second] = document.querySelectorAll('table.data:not(.matrix) tbody tr');
		expect([...first.querySelectorAll('td')].map((c) => c.dataset.label)).toEqual([
			'Class',
			'Customers',
			'Customers',
			'Key customer'
		]);
		expect([...second.querySelectorAll('td')].map((c) => c.dataset.label)).toEqual([
			'Class',
			'Customers',
			'Key customer'
		]);
		expect(document.querySelector<HTMLElement>('table.matrix td')!.dataset.label).toBeUndefined();
		// a matrix scrolls inside its card on a phone: keys can reach it
		expect(document.querySelector('table.matrix')!.getAttribute('tabindex')).toBe('0');
	});

	it('takes the header name from data-card-label when the header holds more (an axis)', () => {
		document.body.innerHTML = `<table class="data"><thead><tr><th data-card-label="VIP months">VIP months<span>Jan</span><span>Feb</span></th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>`;
		labelTableCells(document.body);
		expect(document.querySelector<HTMLElement>('tbody td')!.dataset.label).toBe('VIP months');
	});

	it('labels rows added later', async () => {
		document.body.innerHTML = `<table class="data"><thead><tr><th>Name</th></tr></thead><tbody></tbody></table>`;
		const stop = watchTableLabels(document.body);
		const row = document.createElement('tr');
		const cell = document.createElement('td');
		cell.textContent = 'Alpha';
		row.append(cell);
		document.querySelector('tbody')!.append(row);
		await new Promise((r) => setTimeout(r, 50));
		expect(document.querySelector<HTMLElement>('tbody td')!.dataset.label).toBe('Name');
		stop();
	});
});
