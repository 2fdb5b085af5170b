// What the Node engine benchmarks share (bench/filter-node.mjs, bench/segments-node.mjs): the
// TypeScript engine loaded through Vite's module runner (no extra dependency), and a seeded random
// source so every run builds the same synthetic dataset.
import { runnerImport } from 'vite';

const root = new URL('..', import.meta.url);

/** A module of the app by its path from the repository root, e.g. 'src/lib/engine/rfm.ts'. */
export const load = async (path) =>
	(await runnerImport(new URL(path, root).pathname, { configFile: false, logLevel: 'error' })).module;

/** Deterministic xorshift32 in [0, 1), the same sequence in every run. */
export function seededRandom(seed = 0x2545f491) {
	return () => {
		seed ^= seed << 13;
		seed ^= seed >>> 17;
		seed ^= seed << 5;
		return (seed >>> 0) / 4294967296;
	};
}
