/**
 * Shared helpers of the bad-input reliability suite. `load`, `totalsOf` and `failure` are the
 * helpers of tests/unit/ingest.test.ts (copied, so this suite stands alone); the rest turn totals
 * into exact integers and build byte sequences in the encodings the suite feeds the importer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles, prepareBytes } from '../../src/lib/ingest/pipeline';
import { ImportError, type ImportErrorInfo } from '../../src/lib/ingest/errors';
import { aggregate } from '../../src/lib/engine/aggregate';
import type { ClassifySettings, SalesColumns } from '../../src/lib/engine/types';
import { abcSettings } from '../unit/helpers';

export const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', name)));
export const reliabilityFixture = (name: string) => fixture(join('reliability', name));
export const utf8 = (s: string) => new TextEncoder().encode(s);

/** UTF-16 code units of `s`, little- or big-endian, with or without the byte-order mark. */
export function utf16(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
	const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
	let o = 0;
	if (bom) {
		out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
		o = 2;
	}
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		const [first, second] = endian === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff];
		out[o + 2 * i] = first;
		out[o + 2 * i + 1] = second;
	}
	return out;
}

/** A small deterministic PRNG (mulberry32), so generated inputs are the same on every run. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const settings: ClassifySettings = abcSettings();

export async function load(bytes: Uint8Array, name = 'test.csv', chunkSize?: number) {
	const prepared = await prepareBytes(bytes, name);
	const result = await importFiles([prepared], { cancelled: () => false, chunkSize });
	return { ...result, prepared };
}

export async function totalsOf(bytes: Uint8Array, chunkSize?: number) {
	const { columns } = await load(bytes, 'test.csv', chunkSize);
	const t = aggregate(columns, settings);
	const out: Record<string, number> = {};
	t.customers.forEach((c, i) => (out[columns.customerKeys[c]] = t.totals[i] / 10 ** t.scale));
	return out;
}

export async function failure(bytes: Uint8Array, name = 'bad.csv'): Promise<ImportErrorInfo> {
	try {
		await load(bytes, name);
	} catch (err) {
		if (err instanceof ImportError) return err.info;
		throw err;
	}
	throw new Error('expected the import to fail');
}

/**
 * Totals per customer key as exact integers in minor units at `scale` decimals (cents for 2),
 * straight from the engine's integer totals: no float division on the way.
 */
export function centsOf(
	columns: SalesColumns,
	scale = 2,
	opts: Partial<ClassifySettings> = {}
): Record<string, bigint> {
	const t = aggregate(columns, { ...settings, ...opts });
	if (t.scale > scale) throw new Error(`totals have ${t.scale} decimals, more than ${scale}`);
	const out: Record<string, bigint> = {};
	t.customers.forEach((c, i) => {
		if (!Number.isSafeInteger(t.totals[i])) throw new Error(`total ${t.totals[i]} is not an exact integer`);
		out[columns.customerKeys[c]] = BigInt(t.totals[i]) * 10n ** BigInt(scale - t.scale);
	});
	return out;
}

/** '-1234.5' / '1234,56' / '7' → integer minor units at `scale` decimals, by string arithmetic only. */
export function decimalToUnits(text: string, scale = 2, decimalSep = '.'): bigint {
	const m = new RegExp(`^(-?)(\\d+)(?:\\${decimalSep}(\\d+))?$`).exec(text.trim());
	if (!m) throw new Error(`not a plain decimal: ${JSON.stringify(text)}`);
	const frac = m[3] ?? '';
	if (frac.length > scale) throw new Error(`more than ${scale} decimals: ${text}`);
	const units = BigInt(m[2] + frac.padEnd(scale, '0'));
	return m[1] ? -units : units;
}

/** The report's entries as { reason: [row, column] of each first place }. */
export function places(
	entries: { reason: string; first: { row: number; column?: number }[] }[]
): Record<string, [number, number | undefined][]> {
	return Object.fromEntries(
		entries.map((e) => [e.reason, e.first.map((p) => [p.row, p.column] as [number, number | undefined])])
	);
}

/** Day number (days since 1970-01-01) of a calendar date. */
export const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
