import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../../src/lib/i18n/en';
import { ru } from '../../src/lib/i18n/ru';
import { ro } from '../../src/lib/i18n/ro';
import { messageParams } from '../../src/lib/i18n/message-format';

describe('i18n', () => {
	it('Russian has exactly the English keys, none empty', () => {
		expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
		for (const [k, v] of Object.entries(ru)) expect(v.trim(), k).not.toBe('');
	});

	it('Romanian has exactly the English keys, none empty', () => {
		expect(Object.keys(ro).sort()).toEqual(Object.keys(en).sort());
		for (const [k, v] of Object.entries(ro)) expect(v.trim(), k).not.toBe('');
	});

	it('placeholders match between languages', () => {
		const ph = (s: string) => [...messageParams(s)].sort();
		for (const k of Object.keys(en) as (keyof typeof en)[]) {
			expect(ph(ru[k]), k).toEqual(ph(en[k]));
			expect(ph(ro[k]), `ro ${k}`).toEqual(ph(en[k]));
		}
	});

	it('every t() key used in the source exists', () => {
		const files: string[] = [];
		const walk = (dir: string) => {
			for (const e of readdirSync(dir, { withFileTypes: true })) {
				const p = join(dir, e.name);
				if (e.isDirectory()) walk(p);
				else if (/\.(svelte|ts)$/.test(e.name)) files.push(p);
			}
		};
		walk(join(__dirname, '..', '..', 'src'));
		const used = new Set<string>();
		for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('([\w.-]+)'/g)) used.add(m[1]);
		expect(used.size).toBeGreaterThan(50);
		for (const k of used) expect(Object.keys(en), k).toContain(k);
	});

	it('no {@html} anywhere in the components: user text renders as text', () => {
		const dir = join(__dirname, '..', '..', 'src');
		const hits: string[] = [];
		const walk = (d: string) => {
			for (const e of readdirSync(d, { withFileTypes: true })) {
				const p = join(d, e.name);
				if (e.isDirectory()) walk(p);
				else if (e.name.endsWith('.svelte') && readFileSync(p, 'utf8').includes('{@html')) hits.push(p);
			}
		};
		walk(dir);
		expect(hits).toEqual([]);
	});
});
