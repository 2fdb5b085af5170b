// The bench's view into the page and EVERY worker under it over the Chrome DevTools Protocol:
// the page's analysis worker and the workers that worker starts itself (the parse workers that read
// the later parts of a large file, the deflate worker of an Excel export).
//
// Sessions are not flat (`flatten: false`): a worker's session is reached through its parent's,
// commands go in wrapped in `Target.sendMessageToTarget` and everything comes back wrapped in
// `Target.receivedMessageFromTarget`. A worker's own Target domain manages its nested workers, so
// each worker gets `Target.setAutoAttach` too as soon as it attaches, and its nested
// `Target.attachedToTarget` / `receivedMessageFromTarget` / `detachedFromTarget` events arrive as
// messages inside the parent's `receivedMessageFromTarget`. Any depth works the same way.
import { basename } from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** What a worker is, by its script's URL (the app's built workers are named after their source file). */
export function workerKind(url) {
	const file = basename(String(url).split(/[?#]/)[0]);
	if (/analysis/i.test(file)) return 'analysis';
	if (/parse/i.test(file)) return 'parse';
	if (/deflate/i.test(file)) return 'deflate';
	return 'other';
}

const AUTO_ATTACH = { autoAttach: true, waitForDebuggerOnStart: false, flatten: false };

/**
 * Attaches to the page and, recursively, to every dedicated worker under it. Returns
 * `{ cdp, workers, send, onWorker }`: `workers` maps a session id to
 * `{ sessionId, parent, url, kind, name, depth }` (`parent` null for the page's own workers; `name`
 * is kind and index in attach order, e.g. `parse-1`); `send(worker, method, params)` sends a
 * command to a worker at any depth (`send(null, …)` to the page); `onWorker(fn)` calls `fn(worker)`
 * as each one attaches, before anything else is sent to it but its own auto-attach.
 */
export async function attachCdp(context, page) {
	const cdp = await context.newCDPSession(page);
	const workers = new Map();
	const counts = {};
	const attachHooks = [];

	const send = (w, method, params = {}) => {
		if (w === null) return cdp.send(method, params);
		if (w.gone) return Promise.reject(new Error(`worker ${w.name} detached`));
		const id = w.nextId++;
		return new Promise((resolve, reject) => {
			w.pending.set(id, { resolve, reject });
			send(w.parent, 'Target.sendMessageToTarget', {
				sessionId: w.sessionId,
				message: JSON.stringify({ id, method, params })
			}).catch((err) => {
				w.pending.delete(id);
				reject(err);
			});
		});
	};

	const attached = (parent, e) => {
		if (e.targetInfo?.type !== 'worker') return;
		const kind = workerKind(e.targetInfo.url);
		counts[kind] = (counts[kind] ?? 0) + 1;
		const w = {
			sessionId: e.sessionId,
			parent,
			url: e.targetInfo.url,
			kind,
			name: `${kind}-${counts[kind]}`,
			depth: parent ? parent.depth + 1 : 1,
			pending: new Map(),
			nextId: 1,
			gone: false
		};
		workers.set(e.sessionId, w);
		// the workers it starts itself (the analysis worker's parse workers) attach to it in turn
		send(w, 'Target.setAutoAttach', AUTO_ATTACH).catch(() => {});
		for (const fn of attachHooks) fn(w);
	};
	const detached = (parent, e) => {
		const w = workers.get(e.sessionId);
		if (!w || w.parent !== parent) return;
		// a worker's nested workers go with it
		for (const c of [...workers.values()]) if (c.parent === w) detached(w, { sessionId: c.sessionId });
		w.gone = true;
		for (const [, p] of w.pending) p.reject(new Error(`worker ${w.name} detached`));
		w.pending.clear();
		workers.delete(e.sessionId);
	};
	const received = (parent, e) => {
		const w = workers.get(e.sessionId);
		if (!w || w.parent !== parent) return;
		let msg;
		try {
			msg = JSON.parse(e.message);
		} catch {
			return;
		}
		if (msg.id !== undefined) {
			const p = w.pending.get(msg.id);
			if (!p) return;
			w.pending.delete(msg.id);
			if (msg.error) p.reject(new Error(msg.error.message));
			else p.resolve(msg.result);
			return;
		}
		// an event of the worker's own session: its nested workers come and go, and talk, through it
		if (msg.method === 'Target.attachedToTarget') attached(w, msg.params);
		else if (msg.method === 'Target.receivedMessageFromTarget') received(w, msg.params);
		else if (msg.method === 'Target.detachedFromTarget') detached(w, msg.params);
	};

	cdp.on('Target.attachedToTarget', (e) => attached(null, e));
	cdp.on('Target.detachedFromTarget', (e) => detached(null, e));
	cdp.on('Target.receivedMessageFromTarget', (e) => received(null, e));
	await cdp.send('Target.setAutoAttach', AUTO_ATTACH);
	return { cdp, workers, send, onWorker: (fn) => attachHooks.push(fn) };
}

/**
 * Samples Runtime.getHeapUsage of the page and of every worker attached at the time (nested ones
 * included) every 100 ms until stopped. Each sample adds the page's and all workers' used heap
 * (`usedSize`) and ArrayBuffer backing stores (`backingStorageSize`); the peaks are of those sums.
 * `byKind`: per worker kind (analysis / parse / deflate / other), the peak of that kind's sum;
 * `byWorker`: each worker's own peak, by name (`parse-1`, …).
 */
export function heapSampler(cdpx) {
	let running = true;
	const peak = {
		page: 0,
		worker: 0,
		sum: 0,
		pageBuffers: 0,
		workerBuffers: 0,
		sumWithBuffers: 0,
		samples: 0,
		workerSamples: 0,
		byKind: {},
		byWorker: {}
	};
	const within = (p, ms) => Promise.race([p, sleep(ms).then(() => null)]);
	const max = (o, k, v) => (o[k] = Math.max(o[k] ?? 0, v));
	const loop = (async () => {
		while (running) {
			const t = Date.now();
			const ws = [...cdpx.workers.values()];
			const [pg, ...us] = await Promise.all([
				within(
					cdpx.send(null, 'Runtime.getHeapUsage').catch(() => null),
					2000
				),
				...ws.map((w) =>
					within(
						cdpx.send(w, 'Runtime.getHeapUsage').catch(() => null),
						2000
					)
				)
			]);
			let pageUsed = 0;
			let pageBuffers = 0;
			if (pg) {
				pageUsed = pg.usedSize;
				pageBuffers = pg.backingStorageSize ?? 0;
				max(peak, 'page', pageUsed);
				max(peak, 'pageBuffers', pageBuffers);
				peak.samples++;
			}
			let used = 0;
			let buffers = 0;
			const kinds = {};
			for (let i = 0; i < ws.length; i++) {
				const x = us[i];
				if (!x) continue;
				const w = ws[i];
				const b = x.backingStorageSize ?? 0;
				used += x.usedSize;
				buffers += b;
				const k = (kinds[w.kind] ??= { used: 0, withBuffers: 0 });
				k.used += x.usedSize;
				k.withBuffers += x.usedSize + b;
				const own = (peak.byWorker[w.name] ??= { kind: w.kind, depth: w.depth, used: 0, withBuffers: 0, samples: 0 });
				max(own, 'used', x.usedSize);
				max(own, 'withBuffers', x.usedSize + b);
				own.samples++;
			}
			for (const [kind, k] of Object.entries(kinds)) {
				const p = (peak.byKind[kind] ??= { used: 0, withBuffers: 0 });
				max(p, 'used', k.used);
				max(p, 'withBuffers', k.withBuffers);
			}
			if (us.some(Boolean)) {
				max(peak, 'worker', used);
				max(peak, 'workerBuffers', buffers);
				peak.workerSamples++;
			}
			max(peak, 'sum', pageUsed + used);
			max(peak, 'sumWithBuffers', pageUsed + pageBuffers + used + buffers);
			await sleep(Math.max(0, 100 - (Date.now() - t)));
		}
	})();
	return {
		async stop() {
			running = false;
			await loop.catch(() => {});
			return peak;
		}
	};
}

/**
 * Starts the CPU profiler in every worker as it attaches (the parse workers are started on first
 * use, so their profile begins at attach) until `stop()`, which collects every profile of a worker
 * still attached. Resolves to { name → { kind, url, profile } } plus, for a worker that went away
 * first, { name → { kind, url, error } }.
 */
export function profileWorkers(cdpx, { onlyNew = false } = {}) {
	const started = new Map(); // name → { w, ready }
	let active = true;
	const start = (w) => {
		if (!active) return;
		const ready = cdpx
			.send(w, 'Profiler.enable')
			.then(() => cdpx.send(w, 'Profiler.start'))
			.then(
				() => true,
				() => false
			);
		started.set(w.name, { w, ready });
	};
	// `onlyNew`: the workers attached from now on (a reload ends the ones there are)
	if (!onlyNew) for (const w of cdpx.workers.values()) start(w);
	cdpx.onWorker(start);
	return {
		async stop() {
			active = false;
			const out = {};
			await Promise.all(
				[...started].map(async ([name, { w, ready }]) => {
					const base = { kind: w.kind, url: w.url, depth: w.depth };
					if (!(await ready)) return (out[name] = { ...base, error: 'the profiler did not start' });
					const r = await Promise.race([
						cdpx.send(w, 'Profiler.stop').catch((e) => ({ error: String(e.message ?? e) })),
						sleep(20000).then(() => ({ error: 'Profiler.stop timed out' }))
					]);
					out[name] = r?.profile ? { ...base, profile: r.profile } : { ...base, error: r?.error ?? 'no profile' };
				})
			);
			return out;
		}
	};
}

/** Self time per function of a CPU profile: total sampled ms, idle ms, and the top `n` functions besides idle (% of the busy time). */
export function topSelfTime(profile, n = 15) {
	const self = new Map();
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const dt = profile.timeDeltas ?? [];
	let total = 0;
	let idle = 0;
	for (let i = 0; i < (profile.samples ?? []).length; i++) {
		const node = byId.get(profile.samples[i]);
		const d = (dt[i + 1] ?? 0) / 1000;
		total += d;
		if (!node) continue;
		const f = node.callFrame;
		if (f.functionName === '(idle)') {
			idle += d;
			continue;
		}
		const key = `${f.functionName || '(anonymous)'} ${f.url ? basename(f.url.split('?')[0]) : ''}:${f.lineNumber + 1}`;
		self.set(key, (self.get(key) ?? 0) + d);
	}
	return {
		totalMs: Math.round(total),
		idleMs: Math.round(idle),
		busyMs: Math.round(total - idle),
		top: [...self.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, n)
			// share of the busy (not idle) time
			.map(([fn, ms]) => ({
				fn,
				ms: Math.round(ms),
				pct: total > idle ? Math.round((ms / (total - idle)) * 1000) / 10 : 0
			}))
	};
}
