import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The screens' type scale (README "The dashboard", Type): every size in rem is one of these steps
 * and every weight one of these. Each further size or weight is another font the browser looks up
 * in the first layout of a screen (README "Performance"), and reads as untidy.
 */
const SIZES_REM = ['0.75', '0.85', '1', '1.1', '1.3', '1.5'];
const WEIGHTS = ['400', '600', '700', 'normal', 'inherit'];

function stylesheets(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return stylesheets(path);
		return /\.(svelte|css)$/.test(e.name) ? [path] : [];
	});
}

const files = stylesheets(join(process.cwd(), 'src'));

describe('type scale', () => {
	it('finds the stylesheets it checks', () => {
		expect(files.some((f) => f.endsWith('app.css'))).toBe(true);
		expect(files.filter((f) => f.endsWith('.svelte')).length).toBeGreaterThan(30);
	});

	it('every font size in rem is a step of the scale', () => {
		const off: string[] = [];
		for (const f of files) {
			for (const m of readFileSync(f, 'utf8').matchAll(/font-size:\s*([0-9.]+)rem/g)) {
				if (!SIZES_REM.includes(m[1])) off.push(`${f.slice(process.cwd().length + 1)}: ${m[1]}rem`);
			}
		}
		expect(off).toEqual([]);
	});

	it('every font weight is 400, 600 or 700', () => {
		const off: string[] = [];
		for (const f of files) {
			for (const m of readFileSync(f, 'utf8').matchAll(/font-weight:\s*([0-9a-z]+)/g)) {
				if (!WEIGHTS.includes(m[1])) off.push(`${f.slice(process.cwd().length + 1)}: ${m[1]}`);
			}
		}
		expect(off).toEqual([]);
	});
});
