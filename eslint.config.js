// Lint gate (README "Development"): typescript-eslint + eslint-plugin-svelte, no warnings allowed.
// eslint-config-prettier turns off the style rules that Prettier owns.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'tests/.results/',
			'tests/fixtures/',
			'bench/data/',
			'static/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		rules: {
			// Security (README "Privacy"): our CSP forbids eval, and raw HTML injection is never needed.
			'no-eval': 'error',
			'no-implied-eval': 'error',
			'no-new-func': 'error',
			'svelte/no-at-html-tags': 'error',
			// XML, CSV and sheet names strip control characters on purpose
			'no-control-regex': 'off',
			// links are prefixed with {base} from $app/paths (static site under any path)
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
			]
		}
	},
	{
		// test doubles (a stand-in Chart.js, damaged backup documents) reach into untyped shapes
		files: ['tests/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	}
);
