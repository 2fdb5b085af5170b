import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const fixture = (name: string) => join(process.cwd(), 'tests', 'fixtures', name);
export const readFixture = (name: string) => readFileSync(fixture(name));

/** Records every request the page (and its workers) make, for the privacy assertion. */
export function recordRequests(page: Page): string[] {
	const urls: string[] = [];
	page.context().on('request', (r) => urls.push(r.url()));
	return urls;
}

export function foreignRequests(urls: string[], origin: string): string[] {
	return urls.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
}
