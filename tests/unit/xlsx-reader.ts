/**
 * Test-side readers of what the app writes, independent of the writer: a ZIP reader (STORED and
 * DEFLATE through Node's zlib, local headers checked against the central directory, data
 * descriptors honoured) and a workbook reader giving each sheet's cells (shared strings, inline
 * strings, numbers, booleans) by sheet name.
 */
import { expect } from 'vitest';
import * as zlib from 'node:zlib';

export interface ZipEntry {
	name: string;
	data: Uint8Array;
	crc: number;
	method: number;
}

/** Every entry of a ZIP file, by its central directory; fails the test on any inconsistency. */
export function unzipEntries(bytes: Uint8Array): ZipEntry[] {
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const eocd = bytes.length - 22;
	expect(v.getUint32(eocd, true)).toBe(0x06054b50);
	const count = v.getUint16(eocd + 10, true);
	const cdSize = v.getUint32(eocd + 12, true);
	let p = v.getUint32(eocd + 16, true);
	expect(p + cdSize).toBe(eocd);
	const dec = new TextDecoder();
	const entries: ZipEntry[] = [];
	for (let i = 0; i < count; i++) {
		expect(v.getUint32(p, true)).toBe(0x02014b50);
		const flags = v.getUint16(p + 8, true);
		const method = v.getUint16(p + 10, true);
		const crc = v.getUint32(p + 16, true);
		const csize = v.getUint32(p + 20, true);
		const usize = v.getUint32(p + 24, true);
		const nameLen = v.getUint16(p + 28, true);
		const extraLen = v.getUint16(p + 30, true);
		const commentLen = v.getUint16(p + 32, true);
		const local = v.getUint32(p + 42, true);
		const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
		expect(v.getUint32(local, true)).toBe(0x04034b50);
		expect(v.getUint16(local + 6, true)).toBe(flags);
		expect(v.getUint16(local + 8, true)).toBe(method);
		const lnameLen = v.getUint16(local + 26, true);
		const lextra = v.getUint16(local + 28, true);
		expect(dec.decode(bytes.subarray(local + 30, local + 30 + lnameLen))).toBe(name);
		const start = local + 30 + lnameLen + lextra;
		if (flags & 8) {
			// sizes and CRC follow the data (a streamed entry): the descriptor agrees with the directory
			let d = start + csize;
			if (v.getUint32(d, true) === 0x08074b50) d += 4;
			expect([v.getUint32(d, true), v.getUint32(d + 4, true), v.getUint32(d + 8, true)], name).toEqual([
				crc,
				csize,
				usize
			]);
		} else {
			expect(v.getUint32(local + 14, true)).toBe(crc);
			expect(v.getUint32(local + 18, true)).toBe(csize);
			expect(v.getUint32(local + 22, true)).toBe(usize);
		}
		const raw = bytes.subarray(start, start + csize);
		const data = method === 8 ? new Uint8Array(zlib.inflateRawSync(raw)) : raw;
		expect(data.length, name).toBe(usize);
		entries.push({ name, data, crc, method });
		p += 46 + nameLen + extraLen + commentLen;
	}
	return entries;
}

export type SheetCell = string | number | boolean | null;

const unescapeXml = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&#13;/g, '\r')
		.replace(/&amp;/g, '&');

/** The text of the <t> elements of an <si> or <is>. */
const textOf = (xml: string) => [...xml.matchAll(/<t(?: [^>]*)?>(.*?)<\/t>/gs)].map((m) => unescapeXml(m[1])).join('');

/** Each sheet's rows of cells by sheet name (dense: null where a row has no cell; trailing nulls dropped). */
export function readWorkbook(bytes: Uint8Array): Map<string, SheetCell[][]> {
	const dec = new TextDecoder('utf-8', { fatal: true });
	const files = new Map(unzipEntries(bytes).map((e) => [e.name, dec.decode(e.data)]));
	const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>(.*?)<\/si>/gs)].map((m) => textOf(m[1]));
	const names = [...files.get('xl/workbook.xml')!.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) =>
		unescapeXml(m[1])
	);
	const out = new Map<string, SheetCell[][]>();
	names.forEach((name, k) => {
		const xml = files.get(`xl/worksheets/sheet${k + 1}.xml`)!;
		const rows: SheetCell[][] = [];
		for (const row of xml.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/gs)) {
			const cells: SheetCell[] = [];
			// a cell without a reference is in the column after the previous cell
			for (const cell of row[2].matchAll(/<c(\s[^>]*?)?(?:\/>|>(.*?)<\/c>)/gs)) {
				const attrs = cell[1] ?? '';
				const ref = /\br="([A-Z]+)(\d+)"/.exec(attrs);
				if (ref) {
					expect(ref[2]).toBe(row[1]);
					let col = 0;
					for (const ch of ref[1]) col = col * 26 + ch.charCodeAt(0) - 64;
					expect(col).toBeGreaterThan(cells.length);
					while (cells.length < col - 1) cells.push(null);
				}
				const type = /\bt="(\w+)"/.exec(attrs)?.[1];
				const body = cell[2] ?? '';
				const v = /<v>(.*?)<\/v>/s.exec(body)?.[1];
				cells.push(
					type === 's'
						? shared[Number(v)]
						: type === 'inlineStr'
							? textOf(body)
							: type === 'b'
								? v === '1'
								: v === undefined
									? null
									: type === 'e'
										? v
										: Number(v)
				);
			}
			while (cells.length && cells[cells.length - 1] === null) cells.pop();
			rows[Number(row[1]) - 1] = cells;
		}
		out.set(
			name,
			Array.from(rows, (r) => r ?? [])
		);
	});
	return out;
}
