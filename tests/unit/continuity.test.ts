/**
 * Coming back (README "Coming back"): file fingerprints and the "already imported" match, unique
 * dataset names, and date fields in the UI language.
 */
import { describe, expect, it } from 'vitest';
import { fileFingerprint, sameFilesAs, uniqueName, FINGERPRINT_EDGE } from '../../src/lib/core/file-fingerprint';
import { dayInputPattern, formatDayInput, parseDayInput } from '../../src/lib/components/date-input';

const blob = (s: string | Uint8Array) => new Blob([s as BlobPart]);

describe('file fingerprints', () => {
	it('is the size and the SHA-256 of head and tail: same bytes, same print; one changed byte, another', async () => {
		const a = await fileFingerprint(blob('customer,amount\nAlpha,100\n'));
		expect(a).toMatch(/^26:[0-9a-f]{64}$/);
		expect(await fileFingerprint(blob('customer,amount\nAlpha,100\n'))).toBe(a);
		expect(await fileFingerprint(blob('customer,amount\nAlpha,101\n'))).not.toBe(a);
		// a small file is hashed whole: SHA-256 of the bytes themselves
		const hex = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')))]
			.map((b) => b.toString(16).padStart(2, '0'))
			.join('');
		expect(await fileFingerprint(blob('abc'))).toBe(`3:${hex}`);
	});

	it('reads the first and last 64 KiB of a large file: a change at either end shows, the size catches the rest', async () => {
		const size = FINGERPRINT_EDGE * 3;
		const bytes = new Uint8Array(size).fill(97);
		const base = await fileFingerprint(blob(bytes));
		const tailChanged = bytes.slice();
		tailChanged[size - 1] = 98;
		expect(await fileFingerprint(blob(tailChanged))).not.toBe(base);
		const headChanged = bytes.slice();
		headChanged[0] = 98;
		expect(await fileFingerprint(blob(headChanged))).not.toBe(base);
		expect(await fileFingerprint(blob(bytes.slice(0, size - 1)))).not.toBe(base);
	});

	it('finds the stored dataset made of exactly the same files, in any order; old records never match', () => {
		const d = (id: number, ...fps: (string | undefined)[]) => ({
			id,
			files: fps.map((fingerprint) => ({ fingerprint }))
		});
		const stored = [d(1, 'x'), d(2, 'b', 'a'), d(3, undefined)];
		expect(sameFilesAs(['a', 'b'], stored)?.id).toBe(2);
		expect(sameFilesAs(['x'], stored)?.id).toBe(1);
		expect(sameFilesAs(['a'], stored)).toBeNull();
		expect(sameFilesAs(['a', 'b', 'x'], stored)).toBeNull();
		expect(sameFilesAs([], stored)).toBeNull();
	});

	it('names a second import of sales_en "sales_en (2)", then (3), ignoring case', () => {
		expect(uniqueName('sales_en', [])).toBe('sales_en');
		expect(uniqueName('sales_en', ['sales_en'])).toBe('sales_en (2)');
		expect(uniqueName('sales_en', ['Sales_EN', 'sales_en (2)'])).toBe('sales_en (3)');
	});
});

describe('date fields in the UI language', () => {
	it('writes 30.12.2025 in Russian and Romanian, ISO in English', () => {
		expect(formatDayInput('2025-12-30', 'ru')).toBe('30.12.2025');
		expect(formatDayInput('2025-12-30', 'ro')).toBe('30.12.2025');
		expect(formatDayInput('2025-12-30', 'en')).toBe('2025-12-30');
		expect(formatDayInput('', 'ru')).toBe('');
		expect(dayInputPattern('ru')).toBe('дд.мм.гггг');
	});

	it('reads both forms in every language, with one-digit parts, and refuses days the calendar lacks', () => {
		expect(parseDayInput('30.12.2025')).toBe('2025-12-30');
		expect(parseDayInput(' 1.2.2026 ')).toBe('2026-02-01');
		expect(parseDayInput('30/12/2025')).toBe('2025-12-30');
		expect(parseDayInput('2025-12-30')).toBe('2025-12-30');
		expect(parseDayInput('2024-2-29')).toBe('2024-02-29');
		for (const bad of ['31.02.2025', '29.02.2025', '2025-13-01', '12/30', 'завтра', '', '30.12.25'])
			expect(parseDayInput(bad), bad).toBeNull();
	});
});
