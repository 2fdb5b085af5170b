/** What the split-import tests share: helper workers run in this thread, and an import's outcome. */
import {
	buildPart,
	importFiles,
	type FileToImport,
	type ImportControl,
	type ParallelParser
} from '../../src/lib/ingest/pipeline';
import { ImportError } from '../../src/lib/ingest/errors';

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
