import { expect, test } from '@playwright/test';

test.use({ locale: 'en-US' });

test('the page loads the dashboard’s code with V8’s compile hint, and only that chunk has it (README "Performance")', async ({
	page,
	request
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Paretoscope' })).toBeVisible();
	const scripts = await page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.map((e) => e.name)
			.filter((n) => n.endsWith('.js'))
	);
	expect(scripts.length).toBeGreaterThan(1);
	const hinted: string[] = [];
	for (const url of scripts) {
		const src = await (await request.get(url)).text();
		if (src.startsWith('//# allFunctionsCalledOnLoad\n')) hinted.push(src);
		else expect(src, url).not.toContain('allFunctionsCalledOnLoad');
	}
	expect(hinted).toHaveLength(1);
	// the customer table's section is in it: the code the first dashboard runs
	expect(hinted[0]).toContain('cust-title');
});
