/**
 * The custom classes editor's draft (README "The rules: Presets and classes by count"): classes as
 * the user types them, with bounds in percent, and whether they can be applied. Pure.
 */
import { validateClasses } from '../engine/abc';
import type { ClassDef } from '../engine/types';

/** One class as edited: its name and its upper bound in percent (the last class is always 100 %). */
export interface ClassDraft {
	name: string;
	pct: number;
}

/** The draft of stored classes: bounds as percent with one decimal. */
export function classDraftOf(classes: readonly ClassDef[]): ClassDraft[] {
	return classes.map((c) => ({ name: c.name, pct: Math.round(c.upTo * 1000) / 10 }));
}

/** The classes a draft stands for: bounds as fractions, the last one 1. */
export function classesOfDraft(draft: readonly ClassDraft[]): ClassDef[] {
	return draft.map((d, i) => ({ name: d.name, upTo: i === draft.length - 1 ? 1 : d.pct / 100 }));
}

/** True when a name is blank or repeated (after trimming). */
export function classDraftBadName(draft: readonly ClassDraft[]): boolean {
	const names = draft.map((d) => d.name.trim());
	return names.some((n) => !n) || new Set(names).size !== names.length;
}

/**
 * True when the draft cannot be applied: a blank or repeated name (after trimming), a bound other
 * than the last outside 1–99 %, or bounds the engine refuses (not increasing, see validateClasses).
 */
export function classDraftInvalid(draft: readonly ClassDraft[]): boolean {
	if (classDraftBadName(draft)) return true;
	if (draft.slice(0, -1).some((d) => !(d.pct >= 1 && d.pct <= 99))) return true;
	return validateClasses(classesOfDraft(draft)) !== null;
}

/**
 * The draft with one more class before the last (the 100 % one): its bound halfway from the
 * previous bound (50 % when there is none) to 100 %, at most 99 %, named by the first free capital letter.
 */
export function withNewClass(draft: readonly ClassDraft[]): ClassDraft[] {
	const last = draft[draft.length - 2]?.pct ?? 50;
	const used = new Set(draft.map((d) => d.name));
	let code = 65;
	while (used.has(String.fromCharCode(code))) code++;
	const added = { name: String.fromCharCode(code), pct: Math.round(Math.min(99, last + (100 - last) / 2) * 10) / 10 };
	return [...draft.slice(0, -1), added, ...draft.slice(-1)];
}
