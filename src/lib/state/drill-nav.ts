/**
 * Where a click on a customer name, a chart point, a cell or a figure goes (README "Dimensions and
 * filters"). The Analysis page installs a navigator that records each step in the browser's history
 * (so Back returns); without one (component tests, other pages) the step is taken directly.
 */
import type { Drill } from './dashboard.svelte';

export interface DrillNavigator {
	/** opens the customer page of `key` */
	customer(key: string): void;
	/** shows the customer table with a drill-down's customers */
	list(drill: Drill): void;
	/** closes the customer page (the direct navigator's when absent) */
	close?(): void;
}

let navigator: DrillNavigator | null = null;
let fallback: DrillNavigator | null = null;

/** The page's navigator (null: back to the direct one). */
export function setDrillNavigator(n: DrillNavigator | null): void {
	navigator = n;
}

/** The direct steps, set once by the app state. */
export function setDirectNavigator(n: DrillNavigator): void {
	fallback = n;
}

export function openCustomer(key: string): void {
	(navigator ?? fallback)?.customer(key);
}

export function openDrill(drill: Drill): void {
	(navigator ?? fallback)?.list(drill);
}

export function closeCustomer(): void {
	(navigator?.close ? navigator : fallback)?.close?.();
}
