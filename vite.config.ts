import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';

/**
 * V8's explicit compile hint (Chrome 136+, `//# allFunctionsCalledOnLoad` on a file's first line):
 * the chunk with the dashboard is compiled whole on a background thread while the page loads,
 * instead of function by function on the main thread when the first dashboard mounts (README
 * "Performance"). Other browsers read a comment.
 */
function compileHints(): Plugin {
	return {
		name: 'paretoscope:compile-hints',
		apply: 'build',
		generateBundle(_options, bundle) {
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk') continue;
				if (chunk.moduleIds.some((id) => id.endsWith('/src/lib/components/Dashboard.svelte')))
					chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
			}
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), compileHints()],
	worker: { format: 'es' },
	server: { port: 5173 },
	preview: { port: 4173 },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts', 'tests/reliability/**/*.test.ts']
				}
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'component',
					environment: 'happy-dom',
					include: ['tests/component/**/*.test.ts'],
					setupFiles: ['src/vitest-setup.ts']
				}
			}
		]
	}
});
