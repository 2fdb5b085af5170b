// What the bench's browser runs share (run.mjs's DuckDB-wasm run, floor.mjs's PapaParse floor): a
// time limit on each step that also ends on a crash, and a fresh page that may only load from this
// machine, with its crash and its errors recorded.

/** A step that failed (a timeout, a crash, the page's own error), as opposed to a bug of the bench. */
export class StepError extends Error {}

/** `promise`, or a StepError after `ms` ("timeout after N s: what") or as soon as `crashed` resolves. */
export function withTimeout(promise, ms, what, crashed) {
	let timer;
	const guards = [
		promise,
		new Promise(
			(_, reject) =>
				(timer = setTimeout(() => reject(new StepError(`timeout after ${Math.round(ms / 1000)} s: ${what}`)), ms))
		)
	];
	if (crashed) guards.push(crashed.then(() => Promise.reject(new StepError(`crashed during ${what}`))));
	return Promise.race(guards).finally(() => clearTimeout(timer));
}

/**
 * A new context and page in `browser`, service workers blocked, every request off 127.0.0.1 (and
 * data:/blob:) aborted and listed in `external`; `crash` resolves if the page crashes; `pageErrors`
 * collects uncaught errors and console errors.
 */
export async function localPage(browser) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const external = [];
	await context.route('**/*', (route) => {
		const u = new URL(route.request().url());
		if (u.hostname === '127.0.0.1' || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
		external.push(u.href);
		return route.abort();
	});
	const page = await context.newPage();
	const { crash, pageErrors } = watchPage(page);
	page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
	return { context, page, external, pageErrors, crash };
}

/** `crash`: a promise that settles if the page crashes; `pageErrors`: its uncaught errors as they come. */
export function watchPage(page) {
	let crashed;
	const crash = new Promise((resolve) => (crashed = resolve));
	page.on('crash', () => crashed());
	const pageErrors = [];
	page.on('pageerror', (e) => pageErrors.push(String(e.message ?? e)));
	return { crash, pageErrors };
}

/** A run's status from what ended it: 'crashed', or 'error: <first line>'. */
export function failedStatus(e) {
	return e instanceof StepError && /crash/.test(e.message)
		? 'crashed'
		: `error: ${String(e.message ?? e).split('\n')[0]}`;
}
