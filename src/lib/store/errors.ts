/** Storage failures mapped to app errors the UI can explain. */

/** The browser refused to store more (IndexedDB quota). */
export class StorageQuotaError extends Error {
	constructor(
		readonly neededBytes: number,
		readonly availableBytes: number | null
	) {
		super(`Not enough browser storage: ${neededBytes} bytes needed, ${availableBytes ?? 'unknown'} available.`);
		this.name = 'StorageQuotaError';
	}
}

/**
 * True for QuotaExceededError, also when it arrives wrapped: Dexie reports a transaction that
 * failed on quota as an AbortError whose `inner` (or the DOMException's cause) is the quota error.
 */
export function isQuotaError(err: unknown): boolean {
	for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
		const x = e as { name?: string; code?: number; inner?: unknown; cause?: unknown };
		if (x.name === 'QuotaExceededError' || x.code === 22) return true;
		e = x.inner ?? x.cause;
	}
	return false;
}

/** Bytes the typed arrays and strings of a value take, roughly: what a write will need. */
export function approximateBytes(value: unknown, seen = new Set<unknown>()): number {
	if (value === null || value === undefined) return 0;
	if (typeof value === 'string') return value.length * 2;
	if (typeof value !== 'object') return 8;
	if (seen.has(value)) return 0;
	seen.add(value);
	if (ArrayBuffer.isView(value)) return value.byteLength;
	let total = 0;
	for (const v of Array.isArray(value) ? value : Object.values(value)) total += approximateBytes(v, seen);
	return total;
}

/**
 * The app's error codes for a failed storage call: `quota` (the browser refused to store more),
 * `blocked` (the database is closed or held by another tab's upgrade), `version` (the stored
 * database is newer than this app, or its upgrade failed), `unknown` (anything else).
 */
export type StorageCode = 'quota' | 'blocked' | 'version' | 'unknown';

/** The `StorageCode` of an error thrown by Dexie or IndexedDB (wrapped errors included). */
export function storageCode(err: unknown): StorageCode {
	if (isQuotaError(err)) return 'quota';
	for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
		const name = (e as { name?: string }).name ?? '';
		if (name === 'VersionError' || name === 'UpgradeError') return 'version';
		if (name === 'DatabaseClosedError' || name === 'BlockedError' || name === 'InvalidStateError') return 'blocked';
		const x = e as { inner?: unknown; cause?: unknown };
		e = x.inner ?? x.cause;
	}
	return 'unknown';
}
