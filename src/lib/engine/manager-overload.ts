/** Managers who look after too many key customers (README "The rules: Key-account cadence"), from the accounts list. */
import { overloadedManagers } from './cadence';

/** One customer of the accounts list, as far as the overload check needs it. */
export interface ManagedCustomer {
	/** the customer's unique key */
	key: string;
	/** display name; two customers may share one */
	name: string;
	isKey: boolean;
	manager: string | null;
}

/**
 * Each manager of key customers with those customers' names and whether they have more than `max`.
 * Customers are counted by their key, so two key customers sharing one name count twice (and are
 * both listed by name). Customers that are not key customers, or have no manager, are left out.
 * Order: most key customers first, then by manager name.
 */
export function managerOverload(
	customers: readonly ManagedCustomer[],
	max?: number
): { manager: string; keyCustomers: string[]; overloaded: boolean }[] {
	const nameOf = new Map<string, string>();
	const pairs: { manager: string; customerKey: string }[] = [];
	for (const c of customers) {
		if (!c.isKey || !c.manager) continue;
		nameOf.set(c.key, c.name);
		pairs.push({ manager: c.manager, customerKey: c.key });
	}
	return overloadedManagers(pairs, max).map((m) => ({
		...m,
		keyCustomers: m.keyCustomers.map((k) => nameOf.get(k) ?? k)
	}));
}
