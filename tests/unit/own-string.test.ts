import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ownCopy } from '../../src/lib/ingest/own-string';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Live heap after keeping `keep(name)` of 2 000 names cut from 2 000 separate 64 KiB chunks. */
function heapKeeping(keep: (s: string) => string): number {
	const kept: string[] = [];
	for (let i = 0; i < 2000; i++) {
		// a chunk as PapaParse parses it: a fresh string, the fields substrings of it
		const chunk = `${i},` + 'x'.repeat(64 * 1024) + `,Tidal Works Ltd #${i}, Branch ${i}\n`;
		kept.push(keep(chunk.split(',')[2]));
	}
	gc();
	gc();
	const used = process.memoryUsage().heapUsed;
	expect(kept.every((s, i) => s === '' || s === `Tidal Works Ltd #${i}`)).toBe(true);
	return used;
}

describe('ownCopy', () => {
	it('keeps a name without the chunk it was cut from', () => {
		const base = heapKeeping(() => '');
		const views = heapKeeping((s) => s);
		const copies = heapKeeping(ownCopy);
		// 2 000 chunks of 64 KiB are 131 MB: kept by the views, not by the copies
		expect(views - copies).toBeGreaterThan(100e6);
		expect(copies - base).toBeLessThan(10e6);
		expect(ownCopy('short')).toBe('short');
		expect(ownCopy('a name of many letters')).toBe('a name of many letters');
	});
});
