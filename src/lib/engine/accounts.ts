/**
 * Key and top-class customers of a classification, for dossiers and the manager check: every
 * customer of the first class, and every key customer whatever its class, in rank order.
 */
import type { Classification, ClassifySettings, SalesColumns } from './types';

/** Key and top-class customers of the open classification, for dossiers and the manager check. */
export interface AccountsView {
	customers: {
		key: string;
		name: string;
		isKey: boolean;
		classIndex: number;
		className: string;
		/** the customer's total, in value units of the classification */
		value: number;
		/** share of the grand total, 0..1 */
		share: number;
		/** the customer's manager, null without a manager column or for a row without one */
		manager: string | null;
	}[];
	hasManagers: boolean;
}

/**
 * The accounts of `cls` (classified from `data` with `settings`): the customers of class 0 and the
 * key customers, in rank order, with their class names from `settings.classes`.
 */
export function accountsView(data: SalesColumns, cls: Classification, settings: ClassifySettings): AccountsView {
	const customers: AccountsView['customers'] = [];
	for (let r = 0; r < cls.rankOrder.length; r++) {
		if (cls.classIndex[r] !== 0 && !cls.isKeyCustomer[r]) continue;
		const i = cls.rankOrder[r];
		const m = data.customerManager?.[i] ?? -1;
		customers.push({
			key: data.customerKeys[i],
			name: data.customerNames[i],
			isKey: cls.isKeyCustomer[r] === 1,
			classIndex: cls.classIndex[r],
			className: settings.classes[cls.classIndex[r]].name,
			value: cls.value[r],
			share: cls.share[r],
			manager: m >= 0 && data.managers ? data.managers[m] : null
		});
	}
	return { customers, hasManagers: !!data.managers };
}
