import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
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

/**
 * Downloads "CSV for systems" (the stable English columns) from the dashboard's "More exports"
 * menu; `more` and `system` are the menu and item names in the page's language.
 */
export async function downloadSystemCsv(
	page: Page,
	names: { more: string | RegExp; system: string | RegExp } = { more: 'More exports', system: /CSV for systems/ }
): Promise<string> {
	await page.locator('summary').filter({ hasText: names.more }).click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: names.system }).click()
	]);
	return readFileSync(await download.path(), 'utf8');
}

/** axe finds no serious or critical violation on the page as it is now; `where` names the step. */
export async function noSeriousViolations(page: Page, where: string) {
	const result = await new AxeBuilder({ page }).analyze();
	const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(
		bad.map(
			(v) =>
				`${where}: ${v.id} (${v.impact}) ${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(' | ')}`
		),
		where
	).toEqual([]);
}
