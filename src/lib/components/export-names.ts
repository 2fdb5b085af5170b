/** File names of the dashboard's downloads. */

/**
 * The common start of a dataset's download names: `<dataset>-<preset>-<metric>`, where characters
 * other than letters, digits, '.', '_' and '-' in the dataset name become '_' (runs become one '_').
 * A missing dataset name reads 'customers'. Extensions and suffixes are added by the caller.
 */
export function exportFileBase(datasetName: string | null | undefined, preset: string, metric: string): string {
	return `${(datasetName ?? 'customers').replace(/[^\p{L}\p{N}._-]+/gu, '_')}-${preset}-${metric}`;
}
