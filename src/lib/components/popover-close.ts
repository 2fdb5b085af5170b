/**
 * A `<details>` used as a popover closes like one: on a click or tap outside it, and on Esc (the
 * focus goes back to its summary). Use as `{@attach closeOnOutside}`.
 */
import type { Attachment } from 'svelte/attachments';

export const closeOnOutside: Attachment<HTMLDetailsElement> = (details) => {
	const onPointer = (e: PointerEvent) => {
		if (details.open && !details.contains(e.target as Node)) details.open = false;
	};
	const onKey = (e: KeyboardEvent) => {
		if (e.key !== 'Escape' || !details.open) return;
		e.stopPropagation();
		details.open = false;
		details.querySelector('summary')?.focus();
	};
	document.addEventListener('pointerdown', onPointer, true);
	details.addEventListener('keydown', onKey);
	return () => {
		document.removeEventListener('pointerdown', onPointer, true);
		details.removeEventListener('keydown', onKey);
	};
};
