/**
 * The Analysis page's drill navigation in the browser's history (README "Dimensions and filters"):
 * opening a customer page or a drill-down list is a history entry, so Back returns; a customer page
 * has its own address (`?dataset=ID&customer=KEY`), so it can be bookmarked or sent.
 */
import { pushState, replaceState } from '$app/navigation';
import { page } from '$app/state';
import { app } from '$lib/state/app.svelte';
import { setDrillNavigator } from '$lib/state/drill-nav';

/** The address of a customer page of dataset `datasetId`. */
export function customerUrl(datasetId: number, key: string): string {
	return `?dataset=${datasetId}&customer=${encodeURIComponent(key)}`;
}

/** The dataset and customer a link asks for, read from the page's address. */
export function linkedCustomer(url: URL): { datasetId: number; key: string } | null {
	const id = Number(url.searchParams.get('dataset'));
	const key = url.searchParams.get('customer');
	return Number.isInteger(id) && id > 0 && key ? { datasetId: id, key } : null;
}

/** Installs the history navigator and follows Back / Forward; call once from the page's script. */
export function useDrillHistory(): void {
	const plain = () => location.pathname;
	setDrillNavigator({
		customer(key) {
			const id = app.openMeta?.id;
			if (id === undefined) return;
			pushState(customerUrl(id, key), { ...page.state, customer: key, datasetId: id });
		},
		list(drill) {
			const id = app.openMeta?.id;
			if (id === undefined) return;
			pushState(plain(), { drill, datasetId: id });
			// the list is the customer table: bring it into view (a figure may be screens above it)
			requestAnimationFrame(() =>
				document.getElementById('customer-table')?.scrollIntoView({ block: 'start', behavior: 'instant' })
			);
		},
		close() {
			if (page.state.customer) history.back();
			else {
				replaceState(plain(), { ...page.state, customer: undefined });
				app.dashboard.closeCustomer();
			}
		}
	});

	// the shown customer and list follow the history entry (Back, Forward, a link)
	$effect(() => {
		const id = app.openMeta?.id;
		const view = app.view;
		const state = page.state;
		const linked = linkedCustomer(page.url);
		if (!view || id === undefined) return;
		const key = (state.datasetId === id ? state.customer : undefined) ?? (linked?.datasetId === id ? linked.key : null);
		const shown = app.dashboard.customer.key;
		if (key && key !== shown) void app.dashboard.openCustomer(key);
		else if (!key && shown) app.dashboard.closeCustomer();
		const drill = state.datasetId === id ? (state.drill ?? null) : null;
		if (JSON.stringify(drill) !== JSON.stringify(app.dashboard.drill)) void app.dashboard.showDrill(drill);
	});
}
