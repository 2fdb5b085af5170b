import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import { exportClassification } from '../../src/lib/engine/export';
import { importFiles, prepareBytes } from '../../src/lib/ingest/pipeline';
import { DEFAULT_SETTINGS, toClassifySettings } from '../../src/lib/state/settings';

/** The export the app should produce for a fixture with auto-mapping and default settings, computed in Node. */
export async function engineCsvFor(name: string): Promise<string> {
	return engineCsvOf(readFileSync(join(process.cwd(), 'tests', 'fixtures', name)), name);
}

/** The same for a file's bytes (a file a test generates). */
export async function engineCsvOf(bytes: Uint8Array, name: string): Promise<string> {
	const { columns } = await importFiles([await prepareBytes(new Uint8Array(bytes), name)], { cancelled: () => false });
	const settings = toClassifySettings(DEFAULT_SETTINGS);
	const c = classify(aggregate(columns, settings), columns.customerKeys, settings);
	return exportClassification(columns, c, {
		vip: DEFAULT_SETTINGS.vip,
		xyz: DEFAULT_SETTINGS.xyz,
		recency: DEFAULT_SETTINGS.recency,
		reese: DEFAULT_SETTINGS.reese
	});
}
