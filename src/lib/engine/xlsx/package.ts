/**
 * The ZIP container of a workbook, by fflate: DEFLATE (level 1: fastest; the sheets are repetitive XML and still shrink several times) for every part, a fixed timestamp
 * so the same workbook gives the same bytes.
 */
import { zipSync, type Zippable } from 'fflate';

/** 1980-01-01 00:00 local time, the earliest a ZIP entry can carry: deterministic output. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Parts (path → bytes, in writing order; [Content_Types].xml first) as one .xlsx file. */
export function zipParts(parts: [string, Uint8Array][]): Uint8Array {
	const files: Zippable = {};
	for (const [path, bytes] of parts) files[path] = [bytes, { level: 1, mtime: FIXED_TIME }];
	return zipSync(files);
}
