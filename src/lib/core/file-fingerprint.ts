/**
 * A file's fingerprint for "already imported?" (README "Coming back"): its length in bytes and the
 * SHA-256 of its first and last 64 KiB, as `"<size>:<hex>"`. Reading 128 KiB keeps it instant for
 * any size; two files with the same length, head and tail are taken as the same export (the
 * question it raises can always be answered "import again"). Works in pages and workers.
 */
export const FINGERPRINT_EDGE = 65536;

export async function fileFingerprint(file: Blob): Promise<string> {
	const head = file.slice(0, FINGERPRINT_EDGE);
	const tail =
		file.size > FINGERPRINT_EDGE ? file.slice(Math.max(FINGERPRINT_EDGE, file.size - FINGERPRINT_EDGE)) : null;
	const bytes = new Uint8Array(await new Blob(tail ? [head, tail] : [head]).arrayBuffer());
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	let hex = '';
	for (const b of digest) hex += b.toString(16).padStart(2, '0');
	return `${file.size}:${hex}`;
}

/**
 * The stored dataset made of exactly these files (the same fingerprints, in any order), or null.
 * Datasets stored before fingerprints were kept never match.
 */
export function sameFilesAs<T extends { files: { fingerprint?: string }[] }>(
	fingerprints: readonly string[],
	datasets: readonly T[]
): T | null {
	if (fingerprints.length === 0) return null;
	const wanted = [...fingerprints].sort().join('|');
	for (const d of datasets) {
		const fps = d.files.map((f) => f.fingerprint);
		if (fps.some((f) => !f)) continue;
		if ((fps as string[]).sort().join('|') === wanted) return d;
	}
	return null;
}

/** `base`, or `base (2)`, `base (3)`… whichever no dataset in `names` is called yet. */
export function uniqueName(base: string, names: readonly string[]): string {
	const taken = new Set(names.map((n) => n.trim().toLocaleLowerCase()));
	if (!taken.has(base.trim().toLocaleLowerCase())) return base;
	for (let k = 2; ; k++) {
		const candidate = `${base} (${k})`;
		if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
	}
}
