// One part of the PapaParse floor (papa-floor.html): decode the part's bytes and run PapaParse over
// the text with PapaParse's own streaming (`Papa.parse` in 512 KiB chunks), pausing after each and
// resuming on a message to itself, only counting the records instead of building the sales columns.
// Answers with the record count and its times. With `build` (column indices of the customer key,
// amount and date) it also does the least any import that classifies customers must do per record
// (the "build floor"): the key's customer number from a Map, the amount with Number(), the date's day
// from a Map of the texts seen (Date.UTC on a new one), each into a typed column; no trimming, no
// checks, no other column. The app streams its part from the file instead
// (src/lib/ingest/stream-records.ts: 512 KiB slices, one `Parser` per 64 KiB piece); parse-only, the
// two ways take the same time (Node, half the 1M file, medians of 7: 1 020 and 1 047 ms).
/* global Papa, importScripts */
importScripts('/papaparse/papaparse.min.js');

// the app's `soon`: a message to itself, not setTimeout (nested timers wait at least 4 ms each)
const waiting = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => waiting.shift()?.();
const soon = (fn) => {
	waiting.push(fn);
	channel.port2.postMessage(null);
};

// the app's withoutFinalNewline: PapaParse would read the closing line end as one more, empty record
function withoutFinalNewline(text) {
	let end = text.length;
	if (end > 0 && text.charCodeAt(end - 1) === 10) end--;
	while (end > 0 && text.charCodeAt(end - 1) === 13) end--;
	return end === text.length ? text : text.slice(0, end);
}

/** The minimal per-record work of the build floor; `take(records, from)` adds records[from..]. */
function minimalBuild({ key, amount, date }) {
	const ids = new Map();
	const days = new Map();
	let n = 0;
	let customer = new Int32Array(1 << 16);
	let value = new Float64Array(1 << 16);
	let day = new Int32Array(1 << 16);
	let bad = 0;
	const grow = () => {
		const c = new Int32Array(customer.length * 2);
		c.set(customer);
		customer = c;
		const v = new Float64Array(value.length * 2);
		v.set(value);
		value = v;
		const d = new Int32Array(day.length * 2);
		d.set(day);
		day = d;
	};
	return {
		take(records, from) {
			for (let i = from; i < records.length; i++) {
				const r = records[i];
				const k = r[key];
				let id = ids.get(k);
				if (id === undefined) ids.set(k, (id = ids.size));
				const a = Number(r[amount]);
				if (Number.isNaN(a)) bad++;
				const t = r[date];
				let d = days.get(t);
				if (d === undefined) {
					d = Math.floor(Date.UTC(+t.slice(0, 4), +t.slice(5, 7) - 1, +t.slice(8, 10)) / 86400000);
					days.set(t, d);
				}
				if (n === customer.length) grow();
				customer[n] = id;
				value[n] = a;
				day[n] = d;
				n++;
			}
		},
		summary: () => ({ built: n, customers: ids.size, badAmounts: bad })
	};
}

self.onmessage = (ev) => {
	const m = ev.data;
	if (m.type === 'ping') return self.postMessage({ type: 'ready' });
	const t0 = performance.now();
	const text = new TextDecoder('utf-8').decode(new Uint8Array(m.buffer, 0, m.length));
	const t1 = performance.now();
	let records = 0;
	let chunks = 0;
	let errors = 0;
	let firstError = null;
	const build = m.build ? minimalBuild(m.build) : null;
	Papa.parse(withoutFinalNewline(text), {
		delimiter: m.delimiter,
		newline: m.newline,
		header: false,
		skipEmptyLines: false,
		chunkSize: 512 * 1024,
		chunk(results, parser) {
			// the header is the first part's first record
			build?.take(results.data, m.first && records === 0 ? 1 : 0);
			records += results.data.length;
			chunks++;
			if (results.errors.length) {
				errors += results.errors.length;
				firstError ??= `${results.errors[0].code}: ${results.errors[0].message}`;
			}
			parser.pause();
			soon(() => parser.resume());
		},
		complete() {
			const t2 = performance.now();
			self.postMessage({
				type: 'done',
				records,
				chunks,
				errors,
				firstError,
				decodeMs: t1 - t0,
				parseMs: t2 - t1,
				...(build ? build.summary() : {})
			});
		},
		error(err) {
			self.postMessage({ type: 'failed', message: String(err?.message ?? err) });
		}
	});
};
