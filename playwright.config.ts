import { defineConfig } from '@playwright/test';

/** End-to-end tests in Debian's Chromium against the built static site (never a downloaded browser). */
export default defineConfig({
	testDir: 'tests',
	// end-to-end flows and the fault-injection part of the reliability suite
	testMatch: ['e2e/**/*.spec.ts', 'reliability/**/*.spec.ts'],
	timeout: 60_000,
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: true,
	reporter: [
		['list'],
		['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/results.json' }]
	],
	use: {
		baseURL: 'http://127.0.0.1:4173',
		viewport: { width: 1280, height: 800 },
		acceptDownloads: true,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
		url: 'http://127.0.0.1:4173',
		reuseExistingServer: false,
		timeout: 60_000
	}
});
