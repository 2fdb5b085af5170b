// One part of the PapaParse floor (papa-floor.html): decode the part's bytes and run PapaParse over
// the text with PapaParse's own streaming (`Papa.parse` in 512 KiB chunks), pausing after each and
// resuming on a message to itself, only counting the records instead of building the sales columns.
// Answers with the record count and its times. The app streams its part from the file instead
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
	Papa.parse(withoutFinalNewline(text), {
		delimiter: m.delimiter,
		newline: m.newline,
		header: false,
		skipEmptyLines: false,
		chunkSize: 512 * 1024,
		chunk(results, parser) {
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
			self.postMessage({ type: 'done', records, chunks, errors, firstError, decodeMs: t1 - t0, parseMs: t2 - t1 });
		},
		error(err) {
			self.postMessage({ type: 'failed', message: String(err?.message ?? err) });
		}
	});
};
