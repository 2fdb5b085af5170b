/** XYZ settings of earlier versions (no `mode`) keep opening: stored values and share links. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeXyz } from '../../src/lib/state/settings';
import { decodeSharedView, encodeSharedView, type SharedView } from '../../src/lib/state/share-link';

/** a `#view=` hash of any JSON, as an earlier version wrote it */
const oldLink = (value: object) => encodeSharedView(value as SharedView);

describe('XYZ settings migration', () => {
	it('defaults to thresholds from the data', () => {
		expect(DEFAULT_SETTINGS.xyz).toEqual({ mode: 'auto', xMax: 0.1, yMax: 0.25, zeroFill: true });
	});

	it('reads the old default (10 % / 25 %) as auto and any other thresholds as manual', () => {
		expect(normalizeXyz({ xMax: 0.1, yMax: 0.25, zeroFill: true })).toEqual({
			mode: 'auto',
			xMax: 0.1,
			yMax: 0.25,
			zeroFill: true
		});
		expect(normalizeXyz({ xMax: 0.1, yMax: 0.25, zeroFill: false })).toEqual({
			mode: 'auto',
			xMax: 0.1,
			yMax: 0.25,
			zeroFill: false
		});
		expect(normalizeXyz({ xMax: 0.2, yMax: 0.5, zeroFill: true })).toEqual({
			mode: 'manual',
			xMax: 0.2,
			yMax: 0.5,
			zeroFill: true
		});
		expect(normalizeXyz({ xMax: 0.1, yMax: 0.3, zeroFill: true }).mode).toBe('manual');
	});

	it('keeps a stated mode, and falls back to defaults field by field for broken values', () => {
		expect(normalizeXyz({ mode: 'manual', xMax: 0.1, yMax: 0.25, zeroFill: true }).mode).toBe('manual');
		expect(normalizeXyz({ mode: 'auto', xMax: 0.3, yMax: 0.6, zeroFill: true }).mode).toBe('auto');
		expect(normalizeXyz({ mode: 'weird', xMax: 'x', yMax: -1, zeroFill: 'yes' })).toEqual(DEFAULT_SETTINGS.xyz);
		expect(normalizeXyz(null)).toEqual(DEFAULT_SETTINGS.xyz);
		expect(normalizeXyz({ xMax: 0.2 })).toEqual({ mode: 'manual', xMax: 0.2, yMax: 0.25, zeroFill: true });
	});

	it('opens share links of earlier versions with the mode filled in', () => {
		const base = { ...structuredClone(DEFAULT_SETTINGS), tab: 'xyz' };
		const auto = decodeSharedView(oldLink({ ...base, xyz: { xMax: 0.1, yMax: 0.25, zeroFill: true } }))!;
		expect(auto.tab).toBe('xyz');
		expect(auto.settings.xyz).toEqual({ mode: 'auto', xMax: 0.1, yMax: 0.25, zeroFill: true });
		const manual = decodeSharedView(oldLink({ ...base, xyz: { xMax: 0.05, yMax: 0.4, zeroFill: false } }))!;
		expect(manual.settings.xyz).toEqual({ mode: 'manual', xMax: 0.05, yMax: 0.4, zeroFill: false });
		// a link without XYZ settings gets none
		const { xyz: _drop, ...noXyz } = base;
		void _drop;
		expect('xyz' in decodeSharedView(oldLink(noXyz))!.settings).toBe(false);
		// a current link round-trips
		const now = { ...base, xyz: { mode: 'manual', xMax: 0.1, yMax: 0.25, zeroFill: true } };
		expect(decodeSharedView(oldLink(now))!.settings.xyz).toEqual(now.xyz);
	});
});
