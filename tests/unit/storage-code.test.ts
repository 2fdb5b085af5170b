import { describe, expect, it } from 'vitest';
import { storageCode } from '../../src/lib/store/errors';

const named = (name: string, extra: object = {}) => Object.assign(new Error(name), { name }, extra);

describe('storageCode', () => {
	it('maps quota, blocked and version errors, wrapped ones too, and the rest to unknown', () => {
		expect(storageCode(named('QuotaExceededError'))).toBe('quota');
		expect(storageCode(named('AbortError', { inner: named('QuotaExceededError') }))).toBe('quota');
		expect(storageCode(named('DatabaseClosedError'))).toBe('blocked');
		expect(storageCode(named('OpenFailedError', { inner: named('BlockedError') }))).toBe('blocked');
		expect(storageCode(named('VersionError'))).toBe('version');
		expect(storageCode(named('UpgradeError'))).toBe('version');
		expect(storageCode(new TypeError('x'))).toBe('unknown');
		expect(storageCode('a string')).toBe('unknown');
	});
});
