/**
 * The share-link codec: a view's settings and tab in a URL hash (`#view=<base64url JSON>`), never
 * data. Pure: the page adds its own origin and path.
 */
import { DEFAULT_SETTINGS, normalizeXyz, type UserSettings } from './settings';

export type Tab =
	'classes' | 'breakdown' | 'vip' | 'movement' | 'xyz' | 'recency' | 'rfm' | 'types' | 'margin' | 'compare';
export const TABS: Tab[] = [
	'classes',
	'breakdown',
	'vip',
	'movement',
	'xyz',
	'recency',
	'rfm',
	'types',
	'margin',
	'compare'
];

/** What a share link carries: the user's settings and the open tab. */
export type SharedView = UserSettings & { tab: Tab };

/** `#view=…` for a view: UTF-8 JSON in base64url without padding. */
export function encodeSharedView(view: SharedView): string {
	const json = JSON.stringify(view);
	const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(json)))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
	return `#view=${b64}`;
}

/**
 * The settings and tab of a `#view=…` hash: only keys `UserSettings` knows are kept, and a tab
 * that is not one of `TABS` is dropped; XYZ settings of earlier links get their mode (`normalizeXyz`).
 * Null for a hash without a view or a malformed one.
 */
export function decodeSharedView(hash: string): { settings: Partial<UserSettings>; tab: Tab | null } | null {
	const m = /#view=([\w-]+)/.exec(hash);
	if (!m) return null;
	try {
		const bin = atob(m[1].replace(/-/g, '+').replace(/_/g, '/'));
		const shared = JSON.parse(
			new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))
		) as Partial<SharedView>;
		const { tab, ...settings } = shared;
		const known = Object.fromEntries(
			Object.entries(settings).filter(([k]) => k in DEFAULT_SETTINGS)
		) as Partial<UserSettings>;
		if ('xyz' in known) known.xyz = normalizeXyz(known.xyz);
		return { settings: known, tab: tab && TABS.includes(tab) ? tab : null };
	} catch {
		return null;
	}
}
