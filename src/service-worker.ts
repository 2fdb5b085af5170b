/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// Precaches the whole static build so the app works offline; answers from the cache first.
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `paretoscope-${version}`;
// README screenshots are documentation, not app files
const ASSETS = [...build, ...files.filter((f) => !f.includes('/screenshots/')), ...prerendered].map(
	(p) => new URL(p, sw.registration.scope).pathname
);

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...new Set(ASSETS)])));
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
