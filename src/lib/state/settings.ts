import { PRESET_BASIS, PRESETS, type PresetId } from '../engine/abc';
import type { ClassDef, ClassifySettings, Metric, ReturnsPolicy } from '../engine/types';

export type PresetChoice = PresetId | 'custom';

export interface UserSettings {
	preset: PresetChoice;
	custom: ClassDef[];
	metric: Metric;
	returns: ReturnsPolicy;
	keyShare: number;
}

export const DEFAULT_SETTINGS: UserSettings = {
	preset: 'abc',
	custom: [
		{ name: 'A', upTo: 0.5 },
		{ name: 'B', upTo: 0.8 },
		{ name: 'C', upTo: 0.95 },
		{ name: 'D', upTo: 1 }
	],
	metric: 'revenue',
	returns: 'net',
	keyShare: 0.1
};

/** Settings as the engine takes them. */
export function toClassifySettings(s: UserSettings): ClassifySettings {
	const classes = s.preset === 'custom' ? s.custom : PRESETS[s.preset];
	return {
		metric: s.metric,
		basis: s.preset === 'custom' ? 'value' : (PRESET_BASIS[s.preset] ?? 'value'),
		returns: s.returns,
		classes: classes.map((c) => ({ ...c })),
		keyShare: s.keyShare,
		monoShare: 0.5
	};
}

/** Whether a class name is a preset id the UI translates, or a user's own name. */
export const PRESET_CLASS_NAMES = new Set(['A', 'B', 'C', 'gold', 'silver', 'bronze']);
