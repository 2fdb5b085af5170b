// In-page instrumentation, installed with context.addInitScript before the app's own scripts run.
// Everything is measured with the page's own clock (performance.now), so Playwright's polling
// never adds to a number. Self-contained: Playwright serialises this function into the page.
export function installProbes() {
	const B = (window.__bench = {});

	// (2) long tasks on the main thread
	const longTasks = [];
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		/* longtask unsupported */
	}

	// the app's worker protocol, seen from the page: request / progress stages / result times
	const events = [];
	const NativeWorker = window.Worker;
	if (NativeWorker) {
		window.Worker = class extends NativeWorker {
			constructor(url, options) {
				super(url, options);
				this.addEventListener('message', (e) => {
					const d = e.data;
					if (d && typeof d === 'object' && (d.type === 'progress' || d.type === 'result' || d.type === 'error')) {
						events.push({ t: performance.now(), id: d.id, type: d.type, stage: d.progress?.stage });
					}
				});
			}
			postMessage(msg, ...rest) {
				if (msg && typeof msg === 'object' && typeof msg.type === 'string') {
					events.push({ t: performance.now(), id: msg.id, type: `request:${msg.type}` });
				}
				return super.postMessage(msg, ...rest);
			}
		};
	}

	const customerRow = () =>
		document.querySelector('[data-testid="dashboard"] section[aria-labelledby="cust-title"] tbody tr');
	const customerRows = () =>
		document.querySelector('[data-testid="dashboard"] section[aria-labelledby="cust-title"] tbody');
	const dashboardReady = () => !!customerRow()?.querySelector('td.num');
	const alertText = () => {
		const el = document.querySelector('[role="alert"]');
		if (!el) return null;
		// the message without the dismiss button's label
		const parts = [...el.querySelectorAll('strong, p')].map((x) => x.textContent.trim()).filter(Boolean);
		return (parts.length ? parts.join(': ') : el.textContent).replace(/\s+/g, ' ').trim();
	};
	/** after the DOM change: the next frame, then the task after it (≈ painted) */
	const afterPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

	function watch(check) {
		let mo;
		let poll;
		const stop = () => {
			mo?.disconnect();
			clearInterval(poll);
		};
		mo = new MutationObserver(check);
		mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
		poll = setInterval(check, 50);
		return stop;
	}

	/** `tFirst`: the first frame with the dashboard painted (its customer table may follow a frame later) */
	function splitOf(tPaint, tFirst) {
		const req = events.find((e) => e.type === 'request:import');
		if (!req) return null;
		const mine = events.filter((e) => e.id === req.id);
		const first = (pred) => mine.find(pred)?.t;
		const parse = first((e) => e.stage === 'parse');
		const store = first((e) => e.stage === 'store');
		const classify = first((e) => e.stage === 'classify');
		const result = first((e) => e.type === 'result');
		const d = (a, b) => (a != null && b != null ? b - a : null);
		return {
			read: d(req.t, parse ?? store),
			parse: d(parse, store),
			store: d(store, classify),
			classify: d(classify, result),
			render: tPaint == null ? null : d(result, tPaint),
			firstPaint: tFirst == null ? null : d(result, tFirst),
			failedAt: tPaint == null ? performance.now() - req.t : undefined
		};
	}

	// (1) + (2): file chosen → mapping → Import clicked at once → dashboard with its first table row
	B.armImport = () => {
		longTasks.length = 0;
		events.length = 0;
		const st = { t0: null, tClick: null, tDom: null, clickDelays: [] };
		let maxLag = 0;
		let last = performance.now();
		const lag = setInterval(() => {
			const now = performance.now();
			maxLag = Math.max(maxLag, now - last - 50);
			last = now;
		}, 50);
		const onChange = (e) => {
			if (e.target?.type === 'file' && st.t0 === null) st.t0 = performance.now();
		};
		const onClick = (e) => {
			if (e.isTrusted) st.clickDelays.push(performance.now() - e.timeStamp);
		};
		document.addEventListener('change', onChange, true);
		document.addEventListener('click', onClick, true);
		B.importDone = new Promise((resolve) => {
			let stop = () => {};
			const finish = (error) => {
				stop();
				clearInterval(lag);
				document.removeEventListener('change', onChange, true);
				document.removeEventListener('click', onClick, true);
				const until = st.tPaint ?? performance.now();
				const inImport = longTasks.filter((t) => t.start >= (st.t0 ?? 0) - 1 && t.start <= until);
				resolve({
					error,
					tEnd: performance.now(),
					t0: st.t0,
					tClick: st.tClick,
					tDom: st.tDom,
					tPaint: st.tPaint,
					split: splitOf(st.tPaint ?? null, st.tFirst ?? null),
					longestTask: inImport.reduce((m, t) => Math.max(m, t.duration), 0),
					longTasks: inImport
						.map((t) => Math.round(t.duration))
						.sort((a, b) => b - a)
						.slice(0, 10),
					maxLag,
					clickDelays: st.clickDelays
				});
			};
			const check = () => {
				if (st.tDom !== null) return;
				const alert = alertText();
				if (alert) return finish(alert);
				if (st.tClick === null) {
					if (st.t0 === null) return;
					const button = [...document.querySelectorAll('button')].find(
						(b) => b.textContent.trim() === 'Import' && !b.disabled
					);
					if (!button) return;
					st.tClick = performance.now();
					st.dashBefore = document.querySelector('[data-testid="dashboard"]');
					button.click();
					return;
				}
				// a dashboard that was there before the click (another dataset's) is not this import's
				const dash = st.tFirst === undefined ? document.querySelector('[data-testid="dashboard"]') : null;
				if (dash && dash !== st.dashBefore) {
					st.tFirst = null;
					afterPaint().then(() => (st.tFirst = performance.now()));
				}
				if (dashboardReady()) {
					st.tDom = performance.now();
					afterPaint().then(() => {
						st.tPaint = performance.now();
						finish(null);
					});
				}
			};
			stop = watch(check);
		});
	};

	// (4): click on the stored dataset → dashboard with its first table row
	B.armOpen = () => {
		const st = { t0: null, tDom: null };
		const onClick = (e) => {
			if (e.isTrusted && st.t0 === null) st.t0 = performance.now();
		};
		document.addEventListener('click', onClick, true);
		B.openDone = new Promise((resolve) => {
			let stop = () => {};
			const check = () => {
				if (st.t0 === null || st.tDom !== null) return;
				const alert = alertText();
				if (alert) {
					stop();
					return resolve({ error: alert });
				}
				if (dashboardReady()) {
					st.tDom = performance.now();
					stop();
					document.removeEventListener('click', onClick, true);
					afterPaint().then(() => resolve({ t0: st.t0, tDom: st.tDom, tPaint: performance.now() }));
				}
			};
			stop = watch(check);
		});
	};

	// (5): a select changed → the customer table's first row shows something else
	B.armSwitch = () => {
		const before = customerRows()?.textContent ?? null;
		const st = { t0: null, tDom: null };
		// a settings select or a filter bar checkbox
		const onChange = (e) => {
			const el = e.target;
			if ((el?.tagName === 'SELECT' || el?.type === 'checkbox') && st.t0 === null) st.t0 = performance.now();
		};
		document.addEventListener('change', onChange, true);
		B.switchDone = new Promise((resolve) => {
			let stop = () => {};
			const check = () => {
				if (st.t0 === null || st.tDom !== null) return;
				const alert = alertText();
				if (alert) {
					stop();
					return resolve({ error: alert });
				}
				const now = customerRows()?.textContent ?? null;
				if (now !== null && now !== before && dashboardReady()) {
					st.tDom = performance.now();
					stop();
					document.removeEventListener('change', onChange, true);
					afterPaint().then(() => resolve({ t0: st.t0, tDom: st.tDom, tPaint: performance.now() }));
				}
			};
			stop = watch(check);
		});
	};
}
