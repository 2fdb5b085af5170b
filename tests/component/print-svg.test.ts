import { afterEach, describe, expect, it } from 'vitest';
import { printSvg } from '../../src/lib/components/print-svg';

const svg = (label: string) => `<svg xmlns="http://www.w3.org/2000/svg"><text>${label}</text></svg>`;

describe('printSvg', () => {
	afterEach(() => {
		window.dispatchEvent(new Event('afterprint'));
	});

	it('writes the chart after the next paint, not at once, on screen', () => {
		const el = document.createElement('figure');
		const detach = printSvg(() => svg('A: 42'))(el);
		expect(el.textContent).toBe('');
		detach?.();
	});

	it('a chart made while printing starts (the report updated by its own beforeprint handler) is written at once', () => {
		const el = document.createElement('figure');
		let detach: (() => void) | void = undefined;
		// the report's handler runs during this beforeprint and makes the chart anew, as flushSync does
		window.addEventListener(
			'beforeprint',
			() => {
				detach = printSvg(() => svg('Gold: 15'))(el);
			},
			{ once: true }
		);
		window.dispatchEvent(new Event('beforeprint'));
		expect(el.textContent).toBe('Gold: 15');
		(detach as (() => void) | undefined)?.();
	});

	it('an old chart still waiting is written on beforeprint', () => {
		const el = document.createElement('figure');
		const detach = printSvg(() => svg('A: 42'))(el);
		window.dispatchEvent(new Event('beforeprint'));
		expect(el.textContent).toBe('A: 42');
		detach?.();
	});
});
