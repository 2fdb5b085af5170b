import { PRESET_BASIS, PRESETS, type PresetId } from '../engine/abc';
import { firstDayOfMonth, lastDayOfMonth, monthOf, dayToParts, daysFromCivil } from '../core/calendar';
import type { ClassDef, ClassifySettings, Metric, ReturnsPolicy } from '../engine/types';
import type { VipSettings } from '../engine/vip';
import type { RecencySettings } from '../engine/recency';
import { DEFAULT_XYZ, xyzMode, type XyzSettings } from '../engine/xyz';
import { DEFAULT_REESE, type ReeseSettings } from '../engine/reese';
import { DEFAULT_PRICE_RAISE, type PriceRaise } from '../engine/price-whatif';

export type PresetChoice = PresetId | 'custom';
export type PeriodPreset = 'all' | 'last12' | 'last6' | 'lastQuarter' | 'year' | 'custom';
export const PERIOD_PRESETS: PeriodPreset[] = ['all', 'last12', 'last6', 'lastQuarter', 'year', 'custom'];
export type MigrationMode = 'quarters' | 'halves' | 'custom';

export interface UserSettings {
	preset: PresetChoice;
	custom: ClassDef[];
	metric: Metric;
	returns: ReturnsPolicy;
	keyShare: number;
	period: PeriodPreset;
	/** 'YYYY-MM-DD', used when period is 'custom' */
	periodFrom: string;
	periodTo: string;
	vip: VipSettings;
	recency: RecencySettings;
	xyz: XyzSettings;
	marginGap: number;
	compareA: Metric;
	compareB: Metric;
	migration: { mode: MigrationMode; year: number | null; p1From: string; p1To: string; p2From: string; p2To: string };
	/** the Customer types tab's thresholds (README "The rules: Reese's four customer types") */
	reese: ReeseSettings;
	/** the price-raise what-if's rise and who leaves */
	priceRaise: PriceRaise;
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
	keyShare: 0.1,
	period: 'all',
	periodFrom: '',
	periodTo: '',
	vip: { variant: 'monthly', vipShare: 0.2, goodShare: 0.2, latestMonths: 2, lostDays: 60 },
	recency: { activeDays: 90, sleepingDays: 180 },
	xyz: { ...DEFAULT_XYZ },
	marginGap: 0.1,
	compareA: 'revenue',
	compareB: 'payments',
	migration: { mode: 'quarters', year: null, p1From: '', p1To: '', p2From: '', p2To: '' },
	reese: { ...DEFAULT_REESE },
	priceRaise: { raise: DEFAULT_PRICE_RAISE.raise, leave: { ...DEFAULT_PRICE_RAISE.leave } }
};

/**
 * XYZ settings as stored or shared by any version: earlier ones have no `mode`, and one equal to
 * the old default thresholds (10 % / 25 %) becomes 'auto', anything else 'manual' (`xyzMode`).
 * A value that is not a valid setting falls back to the defaults, field by field.
 */
export function normalizeXyz(raw: unknown): XyzSettings {
	const o = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof XyzSettings, unknown>>;
	const fraction = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
	const xMax = fraction(o.xMax, DEFAULT_XYZ.xMax);
	const yMax = fraction(o.yMax, DEFAULT_XYZ.yMax);
	const mode = o.mode === 'auto' || o.mode === 'manual' ? o.mode : undefined;
	return {
		mode: xyzMode({ mode, xMax, yMax }),
		xMax,
		yMax,
		zeroFill: typeof o.zeroFill === 'boolean' ? o.zeroFill : DEFAULT_XYZ.zeroFill
	};
}

/** Day number of 'YYYY-MM-DD', or undefined. */
export function parseIsoDay(s: string): number | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!m) return undefined;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const day = daysFromCivil(y, mo, d);
	const p = dayToParts(day);
	return p.month === mo && p.day === d ? day : undefined;
}

/** The latest calendar quarter that is complete by `lastDay` (its own quarter if lastDay ends it). */
export function latestCompleteQuarter(lastDay: number): { from: number; to: number } {
	const m = monthOf(lastDay);
	let q = Math.floor(m / 3) * 3;
	if (lastDayOfMonth(q + 2) !== lastDay) q -= 3;
	return { from: firstDayOfMonth(q), to: lastDayOfMonth(q + 2) };
}

/** The period preset as an inclusive day range, relative to the dataset's last date. */
export function resolvePeriod(
	s: Pick<UserSettings, 'period' | 'periodFrom' | 'periodTo'>,
	dateRange: [number, number] | null
): { dateFrom?: number; dateTo?: number } {
	if (!dateRange || s.period === 'all') return {};
	const last = dateRange[1];
	switch (s.period) {
		case 'last12':
			return { dateFrom: firstDayOfMonth(monthOf(last) - 11), dateTo: last };
		case 'last6':
			return { dateFrom: firstDayOfMonth(monthOf(last) - 5), dateTo: last };
		case 'lastQuarter': {
			const q = latestCompleteQuarter(last);
			return { dateFrom: q.from, dateTo: q.to };
		}
		case 'year': {
			const y = dayToParts(last).year;
			return { dateFrom: daysFromCivil(y, 1, 1), dateTo: daysFromCivil(y, 12, 31) };
		}
		case 'custom':
			return { dateFrom: parseIsoDay(s.periodFrom), dateTo: parseIsoDay(s.periodTo) };
	}
}

/** Settings as the engine takes them. */
export function toClassifySettings(s: UserSettings, dateRange: [number, number] | null = null): ClassifySettings {
	const classes = s.preset === 'custom' ? s.custom : PRESETS[s.preset];
	return {
		metric: s.metric,
		basis: s.preset === 'custom' ? 'value' : (PRESET_BASIS[s.preset] ?? 'value'),
		returns: s.returns,
		classes: classes.map((c) => ({ ...c })),
		keyShare: s.keyShare,
		monoShare: 0.5,
		...resolvePeriod(s, dateRange)
	};
}

/** Whether a class name is a preset id the UI translates, or a user's own name. */
export const PRESET_CLASS_NAMES = new Set(['A', 'B', 'C', 'gold', 'silver', 'bronze']);
