/** The trimmed text of column `c` of a record; '' when `c` is unset or negative or the record is shorter. */
export function cellOf(fields: readonly string[], c: number | undefined): string {
	return c !== undefined && c >= 0 && c < fields.length ? fields[c].trim() : '';
}
