import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/lib/state/settings';
import { decodeSharedView, encodeSharedView, type SharedView } from '../../src/lib/state/share-link';

const view = (over: Partial<SharedView> = {}): SharedView => ({
	...structuredClone(DEFAULT_SETTINGS),
	tab: 'vip',
	...over
});

describe('share-link codec', () => {
	it('round-trips settings and tab, Cyrillic included, in URL-safe base64 without padding', () => {
		const v = view({
			custom: [
				{ name: 'Ключевые', upTo: 0.5 },
				{ name: 'Прочие', upTo: 1 }
			],
			tab: 'compare'
		});
		const hash = encodeSharedView(v);
		expect(hash).toMatch(/^#view=[\w-]+$/);
		expect(hash.slice('#view='.length)).not.toMatch(/[+/=]/);
		const back = decodeSharedView(hash)!;
		expect(back.tab).toBe('compare');
		expect(back.settings).toEqual({ ...structuredClone(DEFAULT_SETTINGS), custom: v.custom });
	});

	it('keeps only known settings keys and drops an unknown tab', () => {
		const hash = encodeSharedView({ ...view(), tab: 'nonsense' as never, evil: 'x' } as SharedView);
		const back = decodeSharedView(hash)!;
		expect(back.tab).toBeNull();
		expect('evil' in back.settings).toBe(false);
	});

	it('answers null for no view and for malformed ones', () => {
		expect(decodeSharedView('')).toBeNull();
		expect(decodeSharedView('#other=1')).toBeNull();
		expect(decodeSharedView('#view=!!!')).toBeNull();
		expect(decodeSharedView('#view=' + btoa('not json'))).toBeNull();
	});
});
