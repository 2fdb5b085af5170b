import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal, parseDecimalAnyForm } from '../../src/lib/ingest/numbers';

/** Cells shaped like numbers, and near misses: signs, separators, zeros, spaces, long digit runs. */
const cell = fc
	.array(fc.constantFrom('0', '1', '5', '9', '.', ',', '-', ' ', '+', "'", 'e', '(', ')'), { maxLength: 19 })
	.map((c) => c.join(''));
const plainish = fc
	.tuple(
		fc.boolean(),
		fc.stringMatching(/^[0-9]{1,17}$/),
		fc.option(fc.stringMatching(/^[0-9]{0,6}$/)),
		fc.constantFrom('.', ',')
	)
	.map(([neg, int, frac, sep]) => `${neg ? '-' : ''}${int}${frac === null ? '' : sep + frac}`);

describe('parseDecimal: the plain-number shortcut', () => {
	it('reads every cell exactly as the general parser does', () => {
		fc.assert(
			fc.property(fc.oneof(cell, plainish), fc.constantFrom('.', ','), (text, sep) => {
				expect(parseDecimal(text, sep as '.' | ',')).toEqual(parseDecimalAnyForm(text, sep as '.' | ','));
			}),
			{ numRuns: 20_000 }
		);
		for (const t of [
			'7002.08',
			'-15',
			'0,5',
			'0.5',
			'8',
			'999999999999999',
			'1234567890123456',
			'-0',
			'0',
			'00',
			'007'
		]) {
			for (const sep of ['.', ','] as const)
				expect(parseDecimal(t, sep), `${t} ${sep}`).toEqual(parseDecimalAnyForm(t, sep));
		}
		expect(parseDecimal('7002.08', '.')).toEqual({ m: 700208, d: 2 });
	});
});
