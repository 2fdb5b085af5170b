/**
 * The lint gate (README "Development") carries the source rules that used to be regex checks: no raw
 * HTML injection in Svelte templates (file names and cell contents end up in the page) and no
 * dynamic code evaluation (our CSP forbids it). These tests prove the project's own ESLint
 * configuration reports each of them, so switching a rule off fails the suite.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function rulesHit(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint gate rules', () => {
	it('reports eval, implied eval and new Function in TypeScript', async () => {
		const hits = await rulesHit(
			[
				'export const a = eval("1");',
				'export const f = new Function("a", "return a");',
				'setTimeout("alert(1)", 1);'
			].join('\n'),
			'src/lib/engine/lint-probe.ts'
		);
		expect(hits).toContain('no-eval');
		expect(hits).toContain('no-new-func');
		expect(hits).toContain('no-implied-eval');
	});

	it('reports {@html} in a Svelte template', async () => {
		const hits = await rulesHit(
			'<script lang="ts">\n\tlet { text }: { text: string } = $props();\n</script>\n\n<p>{@html text}</p>\n',
			// an existing file's path: the TypeScript project service lints only files the tsconfig includes
			'src/lib/components/VipPanel.svelte'
		);
		expect(hits).toContain('svelte/no-at-html-tags');
	}, 60_000);

	it('reports unused variables and stays quiet on clean code', async () => {
		expect(await rulesHit('const unused = 1;\nexport const used = 2;\n', 'src/lib/engine/lint-probe.ts')).toEqual([
			'@typescript-eslint/no-unused-vars'
		]);
		expect(await rulesHit('export const used = 2;\n', 'src/lib/engine/lint-probe.ts')).toEqual([]);
	});
});
