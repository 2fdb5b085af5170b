/**
 * Source hygiene: no raw HTML injection in Svelte templates and no dynamic code evaluation
 * anywhere in src/ (file names and cell contents end up in the page; a CSP forbids eval too).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');

function filesUnder(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...filesUnder(path));
		else if (entry.isFile()) out.push(path);
	}
	return out;
}

const files = filesUnder(SRC);
const code = files.filter((f) => /\.(ts|js|mjs|cjs|svelte|html)$/.test(f));
const svelte = files.filter((f) => f.endsWith('.svelte'));

/** `file:line: text` for every line of the files matching the pattern. */
function hits(list: string[], pattern: RegExp): string[] {
	const out: string[] = [];
	for (const f of list) {
		readFileSync(f, 'utf8')
			.split('\n')
			.forEach((line, i) => {
				if (pattern.test(line)) out.push(`${relative(SRC, f)}:${i + 1}: ${line.trim()}`);
			});
	}
	return out;
}

describe('source hygiene', () => {
	it('finds the source files it checks', () => {
		expect(svelte.length).toBeGreaterThan(10);
		expect(code.length).toBeGreaterThan(svelte.length);
		expect(code.some((f) => f.endsWith(join('ingest', 'pipeline.ts')))).toBe(true);
	});

	it('no {@html in any src/**/*.svelte file', () => {
		expect(hits(svelte, /\{@html/)).toEqual([]);
	});

	it('no eval( in src/**', () => {
		// a call of eval itself, not a name ending in 'eval' (retrieval(), medieval)
		expect(hits(code, /(?<![\w$])eval\s*\(/)).toEqual([]);
	});

	it('no new Function( in src/**', () => {
		expect(hits(code, /new\s+Function\s*\(/)).toEqual([]);
	});

	it('the patterns do catch what they look for', () => {
		expect(/(?<![\w$])eval\s*\(/.test('const x = eval("1")')).toBe(true);
		expect(/(?<![\w$])eval\s*\(/.test('window.eval (s)')).toBe(true);
		expect(/(?<![\w$])eval\s*\(/.test('retrieval(x)')).toBe(false);
		expect(/new\s+Function\s*\(/.test('new  Function("a", "return a")')).toBe(true);
		expect(/\{@html/.test('<p>{@html text}</p>')).toBe(true);
	});
});
