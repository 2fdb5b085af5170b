#!/usr/bin/env node
// Runs the gates (ESLint, Prettier, svelte-check: one test each), every suite (Vitest unit +
// component, then Playwright end-to-end in Chromium against one build of the site) and prints one
// line "N passed, N failed" counting every test that ran. Exits non-zero on any failure or when no
// test ran at all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = join(process.cwd(), 'tests', '.results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const vitestJson = join(out, 'vitest.json');
const playwrightJson = join(out, 'playwright.json');

function run(cmd, args, env = {}) {
	console.log(`\n$ ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return r.status ?? 1;
}

// Gates (README "Development"): a failing gate is a failed test.
const gates = [
	['lint (ESLint, no warnings)', 'npx', ['eslint', '.', '--max-warnings', '0']],
	['format (Prettier)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
	[
		'types (svelte-check, no warnings)',
		'npx',
		['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']
	]
];
run('npx', ['svelte-kit', 'sync']);
const gateResults = gates.map(([name, cmd, args]) => {
	console.log(`\n== gate: ${name}`);
	const status = run(cmd, args);
	console.log(status === 0 ? `gate passed: ${name}` : `gate FAILED: ${name}`);
	return status === 0;
});

console.log('\n== unit and component tests (Vitest)');
const vitestStatus = run('npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${vitestJson}`
]);
console.log('\n== building the site once (vite build): the end-to-end tests and the bench smoke use it');
const buildStatus = run('npx', ['vite', 'build']);
if (buildStatus === 0) console.log('\n== end-to-end tests (Playwright, Chromium)');
const e2eStatus =
	buildStatus === 0 ? run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }) : 1;

let passed = gateResults.filter(Boolean).length;
let failed = gateResults.length - passed;
if (existsSync(vitestJson)) {
	const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
	passed += v.numPassedTests ?? 0;
	failed += (v.numFailedTests ?? 0) + (v.numTodoTests ?? 0);
} else failed += 1;
if (existsSync(playwrightJson)) {
	const p = JSON.parse(readFileSync(playwrightJson, 'utf8'));
	passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
	failed += (p.stats?.unexpected ?? 0) + (p.stats?.skipped ?? 0);
	for (const e of p.errors ?? []) {
		console.error('playwright error:', e.message ?? e);
		failed += 1;
	}
} else failed += 1;
if (buildStatus !== 0) console.error('vite build failed');

console.log(`\n${passed} passed, ${failed} failed`);
const ok =
	gateResults.every(Boolean) &&
	vitestStatus === 0 &&
	buildStatus === 0 &&
	e2eStatus === 0 &&
	failed === 0 &&
	passed > 0;
process.exit(ok ? 0 : 1);
