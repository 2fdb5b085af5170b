/**
 * The builder's growing columns: right-sized arrays out, whether the browser resizes buffers in
 * place (`ArrayBuffer.prototype.transfer`, Chromium; polyfilled here when Node lacks it) or not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Growable } from '../../src/lib/ingest/growable';

type WithTransfer = { transfer?: (this: ArrayBuffer, n: number) => ArrayBuffer };
const proto = ArrayBuffer.prototype as unknown as WithTransfer;
const native = proto.transfer;

/** transfer as the standard describes it: a new buffer of `n` bytes with the old contents; the old one detached. */
function polyfill(this: ArrayBuffer, n: number): ArrayBuffer {
	const next = new ArrayBuffer(n);
	new Uint8Array(next).set(new Uint8Array(this, 0, Math.min(n, this.byteLength)));
	structuredClone(this, { transfer: [this] });
	return next;
}

afterEach(() => {
	if (native) proto.transfer = native;
	else delete proto.transfer;
});

for (const mode of ['resized in place', 'copied'] as const) {
	describe(`Growable, ${mode}`, () => {
		const setUp = () => {
			if (mode === 'copied') delete proto.transfer;
			else if (!native) proto.transfer = polyfill;
		};

		it('gives right-sized arrays of the values pushed and appended, across growth', () => {
			setUp();
			const g = new Growable(Float64Array, 4);
			for (let i = 0; i < 3000; i++) g.push(i / 2);
			g.append(Float64Array.from([7, 8, 9]));
			const out = g.toArray();
			expect(out.length).toBe(3003);
			expect(out[2999]).toBe(1499.5);
			expect(Array.from(out.subarray(3000))).toEqual([7, 8, 9]);
			expect(g.length).toBe(3003);
		});

		it('keeps a handed-out array unchanged when more is pushed, and gives the longer one next', () => {
			setUp();
			const g = new Growable(Int32Array);
			for (let i = 0; i < 10; i++) g.push(i);
			const first = g.toArray();
			g.push(10);
			g.set(0, 99);
			expect(Array.from(first)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
			expect(Array.from(g.toArray())).toEqual([99, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		});

		it('an empty column gives an empty array and still grows after', () => {
			setUp();
			const g = new Growable(Uint8Array);
			expect(g.toArray().length).toBe(0);
			g.push(5);
			expect(Array.from(g.toArray())).toEqual([5]);
		});
	});
}

describe('Growable room', () => {
	it('reserves room once and pads a column that starts late', () => {
		const g = new Growable(Float64Array);
		g.push(1);
		g.reserve(5000);
		g.push(2);
		g.padTo(4000, NaN);
		g.push(3);
		const a = g.toArray();
		expect(a).toHaveLength(4001);
		expect([a[0], a[1], a[2], a[3999], a[4000]]).toEqual([1, 2, NaN, NaN, 3]);
		g.padTo(10, 0);
		expect(g.length).toBe(4001);
	});
});
