/**
 * What the split-import tests share: fixtures as bytes, a file prepared as the worker prepares it
 * for reading in parts, helper workers run in this thread, and an import's outcome.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	buildPart,
	importFiles,
	prepareBytes,
	prepareImport,
	sniffFile,
	splitForImport,
	type FileToImport,
	type ImportControl,
	type ParallelParser
} from '../../src/lib/ingest/pipeline';
import { ImportError } from '../../src/lib/ingest/errors';

export const utf8 = (s: string) => new TextEncoder().encode(s);
export const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', name)));

/**
 * The file as the worker prepares it for `parts` parts: cut (from 0 bytes on), nothing read or
 * decoded yet; a file the split declines (UTF-16, no line end to cut at) prepared whole.
 */
export async function preparedInParts(bytes: Uint8Array, name: string, parts = 2): Promise<FileToImport> {
	const sniff = await sniffFile(new Blob([bytes as BlobPart]), name);
	const split = await splitForImport(new Blob([bytes as BlobPart]), name, sniff.encoding, sniff.newline, 0, parts);
	if (!split) return prepareBytes(bytes, name);
	return { ...prepareImport('', bytes.length, sniff), parts: split };
}

/** The helper workers' work, done in this thread; counts the parts handed out. */
export function inProcess(): ParallelParser & { started: number } {
	const p = {
		started: 0,
		start(job: Parameters<ParallelParser['start']>[0], onDone: (d: number) => void) {
			p.started++;
			let aborted = false;
			return { result: buildPart(job, { cancelled: () => aborted }, onDone), abort: () => (aborted = true) };
		}
	};
	return p;
}

/** The import's columns and report, or its error. */
export async function outcome(files: FileToImport[], control: ImportControl) {
	try {
		return { ok: await importFiles(files, control) };
	} catch (err) {
		if (err instanceof ImportError) return { error: err.info };
		throw err;
	}
}
