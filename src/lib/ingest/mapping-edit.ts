/**
 * Editing a column mapping in the mapper: which role each column serves, and giving a column a
 * role (a column serves one role: taking it for one role frees it from the other). Pure.
 */
import { ROLES, type ColumnMapping, type Role } from './types';

/** Column index → the role it is mapped to (unmapped columns are absent). */
export function rolesByColumn(mapping: ColumnMapping): Map<number, Role> {
	const byColumn = new Map<number, Role>();
	for (const r of ROLES) if (mapping[r] >= 0) byColumn.set(mapping[r], r);
	return byColumn;
}

/** A new mapping where `role` takes `column` (-1: unmapped) and no other role keeps that column. */
export function withRole(mapping: ColumnMapping, role: Role, column: number): ColumnMapping {
	const next = { ...mapping };
	if (column >= 0) for (const r of ROLES) if (next[r] === column) next[r] = -1;
	next[role] = column;
	return next;
}
