import { i18n, t, type MessageKey } from '../i18n/index.svelte';
import type { ClassDef, Metric } from '../engine/types';
import type { Reminder } from '../engine/crm-types';
import { PRESET_CLASS_NAMES } from '../state/settings';

/** A class name as the reader sees it: presets translated, user names as typed. */
export function className(name: string): string {
	return PRESET_CLASS_NAMES.has(name) ? t(`class.${name}` as 'class.A') : name;
}

/** A label's first letter in upper case, by the UI language's rules ("выручка" → "Выручка"). */
export function capitalize(s: string): string {
	return s.charAt(0).toLocaleUpperCase(i18n.locale) + s.slice(1);
}

export function metricName(metric: Metric): string {
	return t(`metric.${metric}`);
}

/** Metric values: counts as integers, money and units with up to two decimals. */
export function formatValue(v: number, metric: Metric, digits = columnDigits([v], metric)): string {
	return i18n.number(v, digits);
}

/**
 * The decimals of a money column (README "Numbers and dates"): one precision for every cell of
 * the column — none for counts of payments or when any value reaches 1 000, else two.
 */
export function columnDigits(values: readonly number[], metric: Metric): number {
	if (metric === 'payments') return 0;
	for (const v of values) if (Math.abs(v) >= 1000) return 0;
	return 2;
}

/**
 * A share (fraction 0..1) with one decimal, as every share column shows it (README "Numbers and
 * dates"); a positive share too small to show as 0.1 % reads "< 0.1 %", a negative one keeps its sign.
 */
export function formatShare(v: number): string {
	if (v > 0 && v < 0.0005) return `< ${i18n.percent(0.001, 1)}`;
	return i18n.percent(v, 1);
}

const PALETTES: Record<string, string[]> = {
	gold: ['#b8860b', '#7d8793', '#a0522d'],
	default: ['#1d4ed8', '#0f766e', '#9a6700', '#b42318', '#6d28d9']
};

/** One colour per class, metallic for gold/silver/bronze. Contrast ≥ 4.5:1 on white. */
export function classColors(classes: readonly ClassDef[]): string[] {
	const p = classes[0]?.name === 'gold' ? PALETTES.gold : PALETTES.default;
	return classes.map((_, i) => p[i % p.length]);
}

/**
 * Playbook of a class by its position (README "The classes"): the top class gets A/gold, the lowest
 * C/bronze. With three classes the one between gets B/silver; with four or five, the class under
 * the top one is grown into the top class (upper middle), the class above the lowest is served
 * efficiently (lower middle), and a fifth class in the very middle keeps B/silver's playbook.
 */
export function playbookKey(classIndex: number, classCount: number): MessageKey {
	if (classIndex === 0) return 'play.top';
	if (classIndex >= classCount - 1) return 'play.bottom';
	if (classCount >= 4 && classIndex === 1) return 'play.upperMiddle';
	if (classCount >= 4 && classIndex === classCount - 2) return 'play.lowerMiddle';
	return 'play.middle';
}

/**
 * Chart colours from the active theme (light or dark) and the type scale (`--chart-scale`: 1, larger
 * on wide screens and in Present mode), read when a chart is built.
 */
export function chartInk(): { ink: string; grid: string; muted: string; scale: number } {
	if (typeof document === 'undefined') return { ink: '#16191d', grid: '#e3e6ea', muted: '#555d68', scale: 1 };
	const css = getComputedStyle(document.documentElement);
	const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
	const scale = Number(v('--chart-scale', '1'));
	return {
		ink: v('--text', '#16191d'),
		grid: v('--border', '#e3e6ea'),
		muted: v('--text-muted', '#555d68'),
		scale: Number.isFinite(scale) && scale > 0 ? scale : 1
	};
}

/** A key-account reminder in words: a pause until a day, a review due, or days since the last contact. */
export function reminderText(r: Reminder): string {
	if (r.kind === 'pauseContact') return t('today.pause', { date: r.until === undefined ? '—' : i18n.day(r.until) });
	if (r.kind === 'reviewDue') return t('today.review');
	return r.daysSince === undefined || !Number.isFinite(r.daysSince)
		? t('today.contactNever')
		: t('today.contactDue', { days: r.daysSince });
}
