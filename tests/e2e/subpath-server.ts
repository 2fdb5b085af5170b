import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8'
};

export interface SubpathServer {
	/** e.g. http://127.0.0.1:40123/some/path/ */
	url: string;
	origin: string;
	/** every path the server was asked for, in order */
	requested: string[];
	close: () => Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isFile();
	} catch {
		return false;
	}
}

/**
 * A plain static file server, like any static host: `root` is served under `prefix` (which starts
 * and ends with "/"), on a free port. It answers a file, a folder's index.html or `name.html` for
 * `name` (as GitHub Pages, Netlify and most hosts do), and 404 for everything else, including
 * anything outside the prefix. No rewrites, no single-page fallback. `cleanUrls: false` turns off
 * the `name.html` lookup, like a bare file server (python -m http.server, nginx without try_files).
 */
export async function startSubpathServer(
	root: string,
	prefix: string,
	{ cleanUrls = true }: { cleanUrls?: boolean } = {}
): Promise<SubpathServer> {
	const requested: string[] = [];
	const server: Server = createServer(async (req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		requested.push(path);
		const notFound = () => {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
			res.end('Not found');
		};
		if ((req.method !== 'GET' && req.method !== 'HEAD') || !path.startsWith(prefix)) return notFound();
		const rel = normalize(path.slice(prefix.length));
		if (rel.startsWith('..') || rel.includes(`${sep}..${sep}`)) return notFound();
		const base = join(root, rel);
		const candidates =
			rel === '.' || path.endsWith('/') ? [join(base, 'index.html')] : cleanUrls ? [base, `${base}.html`] : [base];
		for (const file of candidates) {
			if (!(await isFile(file))) continue;
			const body = await readFile(file);
			res.writeHead(200, {
				'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
				'content-length': body.length,
				'cache-control': 'no-cache'
			});
			res.end(req.method === 'HEAD' ? undefined : body);
			return;
		}
		notFound();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		url: `${origin}${prefix}`,
		origin,
		requested,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((e) => (e ? reject(e) : resolve()));
			})
	};
}
