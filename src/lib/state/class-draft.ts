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

/** At most five classes, at least two (engine/abc.ts validateClasses). */
export const MAX_CLASSES = 5;
export const MIN_CLASSES = 2;

/** The draft of stored classes: bounds as percent with one decimal. */
export function classDraftOf(classes: readonly ClassDef[]): ClassDraft[] {
	return classes.map((c) => ({ name: c.name, pct: Math.round(c.upTo * 1000) / 10 }));
}

/** The classes a draft stands for: bounds as fractions, the last one 1. */
export function classesOfDraft(draft: readonly ClassDraft[]): ClassDef[] {
	return draft.map((d, i) => ({ name: d.name, upTo: i === draft.length - 1 ? 1 : d.pct / 100 }));
}

/** What is wrong with one class of a draft. */
export type ClassProblemKind = 'blankName' | 'repeatedName' | 'boundRange' | 'boundOrder';

export interface ClassProblem {
	/** the class, 0 = top */
	index: number;
	kind: ClassProblemKind;
	/** for repeatedName: the first class with that name; for boundOrder: the class above */
	other?: number;
}

/**
 * Every problem of a draft, class by class from the top: a blank name, a name an earlier class
 * already has (after trimming), a bound other than the last's outside 1–99 % (or empty), a bound
 * not above the one of the class before it.
 */
export function classDraftProblems(draft: readonly ClassDraft[]): ClassProblem[] {
	const out: ClassProblem[] = [];
	const seen = new Map<string, number>();
	draft.forEach((d, i) => {
		const name = d.name.trim();
		if (!name) out.push({ index: i, kind: 'blankName' });
		else if (seen.has(name)) out.push({ index: i, kind: 'repeatedName', other: seen.get(name) });
		else seen.set(name, i);
		if (i === draft.length - 1) return;
		if (!(d.pct >= 1 && d.pct <= 99)) out.push({ index: i, kind: 'boundRange' });
		else if (i > 0 && draft[i - 1].pct >= 1 && draft[i - 1].pct <= 99 && !(d.pct > draft[i - 1].pct))
			out.push({ index: i, kind: 'boundOrder', other: i - 1 });
	});
	return out;
}

/** True when a name is blank or repeated (after trimming). */
export function classDraftBadName(draft: readonly ClassDraft[]): boolean {
	return classDraftProblems(draft).some((p) => p.kind === 'blankName' || p.kind === 'repeatedName');
}

/**
 * True when the draft cannot be applied: a blank or repeated name (after trimming), a bound other
 * than the last outside 1–99 %, or bounds the engine refuses (not increasing, see validateClasses).
 */
export function classDraftInvalid(draft: readonly ClassDraft[]): boolean {
	if (classDraftProblems(draft).length > 0) return true;
	return validateClasses(classesOfDraft(draft)) !== null;
}

/** A name the editor gave (a single capital Latin letter): it follows the class's position. */
export function isLetterName(name: string): boolean {
	return /^[A-Z]$/.test(name.trim());
}

/** The default name of the class at `index`: A, B, C, D, E from the top. */
export function letterOf(index: number): string {
	return String.fromCharCode(65 + index);
}

/**
 * The draft with letter names renamed to their position (A, B, C… from the top); names the user
 * typed are kept as they are.
 */
export function withLetterNames(draft: readonly ClassDraft[]): ClassDraft[] {
	return draft.map((d, i) => (isLetterName(d.name) ? { ...d, name: letterOf(i) } : { ...d }));
}

/**
 * The draft with one more class before the last (the 100 % one): its bound halfway from the
 * previous bound (50 % when there is none) to 100 %, at most 99 %. Letter names are renamed so
 * they read A, B, C, D, E from the top; the new class gets the letter of its position.
 */
export function withNewClass(draft: readonly ClassDraft[]): ClassDraft[] {
	if (draft.length >= MAX_CLASSES) return draft.map((d) => ({ ...d }));
	const last = draft[draft.length - 2]?.pct ?? 50;
	const prev = Number.isFinite(last) ? last : 50;
	const added = { name: 'A', pct: Math.round(Math.min(99, prev + (100 - prev) / 2) * 10) / 10 };
	return withLetterNames([...draft.slice(0, -1), added, ...draft.slice(-1)]);
}

/**
 * The draft without its last class: the class before it becomes the 100 % one. Letter names are
 * renamed by position as when adding.
 */
export function withoutLastClass(draft: readonly ClassDraft[]): ClassDraft[] {
	if (draft.length <= MIN_CLASSES) return draft.map((d) => ({ ...d }));
	return withLetterNames(draft.slice(0, -1));
}
