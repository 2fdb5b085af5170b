// The bench's own tiny static server: the DuckDB-wasm page and, from node_modules, the DuckDB-wasm
// bundles and their ES-module dependencies (apache-arrow, flatbuffers). Local files only.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.cjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.map': 'application/json',
	'.wasm': 'application/wasm'
};

/**
 * mounts: URL prefix (ending in '/') → folder on disk, e.g. { '/duckdb/': '/…/node_modules/@duckdb/duckdb-wasm/dist' }.
 * Resolves to { port, close }.
 */
export function serveStatic(mounts, port = 0) {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
		const prefix = Object.keys(mounts)
			.sort((a, b) => b.length - a.length)
			.find((p) => path.startsWith(p));
		if (!prefix) return notFound(res);
		const root = mounts[prefix];
		const rest = path.slice(prefix.length);
		const file = normalize(join(root, rest || ''));
		if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return notFound(res);
		let st;
		try {
			st = statSync(file);
		} catch {
			return notFound(res);
		}
		if (!st.isFile()) return notFound(res);
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'content-length': st.size,
			'cache-control': 'no-store'
		});
		createReadStream(file).pipe(res);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			resolve({ port: server.address().port, close: () => new Promise((r) => server.close(() => r())) });
		});
	});
}

function notFound(res) {
	res.writeHead(404, { 'content-type': 'text/plain' });
	res.end('not found');
}
