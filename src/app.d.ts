// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Drill } from '$lib/state/dashboard.svelte';

declare global {
	namespace App {
		/** shallow-routing state of the Analysis page (README "Dimensions and filters") */
		interface PageState {
			/** the customer page shown, by customer key */
			customer?: string;
			/** the drill-down customer list shown */
			drill?: Drill;
			/** the dataset the drill-down belongs to */
			datasetId?: number;
		}
	}
}
export {};
