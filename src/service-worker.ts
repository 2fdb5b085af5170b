/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// Precaches the whole static build so the app works offline; answers from the cache first.
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `paretoscope-${version}`;
const path = (p: string) => new URL(p, sw.registration.scope).pathname;
// README screenshots are documentation, not app files
const ASSETS = [...build, ...files.filter((f) => !f.includes('/screenshots/'))].map(path);
const PAGES = [...new Set(prerendered.map(path))];

/**
 * A prerendered page such as /prospects is the file prospects.html: hosts with clean URLs serve it
 * as /prospects, a bare static server only as prospects.html. Either way it is cached as /prospects.
 */
async function fetchPage(page: string): Promise<Response> {
	let res = await fetch(page);
	if (!res.ok && !page.endsWith('/')) res = await fetch(`${page}.html`);
	if (!res.ok) throw new Error(`${page}: ${res.status}`);
	// a redirected response cannot answer a navigation: keep only its content
	return res.redirected ? new Response(await res.blob(), { status: 200, headers: res.headers }) : res;
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches.open(CACHE).then(async (cache) => {
			await cache.addAll([...new Set(ASSETS)]);
			for (const page of PAGES) await cache.put(page, await fetchPage(page));
		})
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches.keys().then(async (keys) => {
			for (const key of keys) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})
	);
});

// the page asks the waiting worker to take over when the user accepts the update
sw.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const req = event.request;
	if (req.method !== 'GET') return;
	const url = new URL(req.url);
	if (url.origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			const cached =
				(await cache.match(req, { ignoreSearch: true })) ??
				(req.mode === 'navigate' ? await cache.match(new URL('./', sw.registration.scope).pathname) : undefined);
			if (cached) return cached;
			try {
				return await fetch(req);
			} catch {
				return new Response('Offline and not cached', { status: 503, statusText: 'Offline' });
			}
		})()
	);
});
