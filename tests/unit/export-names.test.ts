import { describe, expect, it } from 'vitest';
import { exportFileBase, exportFileName, exportPeriod } from '../../src/lib/components/export-names';
import { APP_VERSION } from '../../src/lib/components/export-labels';
import pkg from '../../package.json';

describe('exportFileBase', () => {
	it('joins the dataset name, preset and metric', () => {
		expect(exportFileBase('sales_2024.csv', 'abc', 'revenue')).toBe('sales_2024.csv-abc-revenue');
	});

	it('keeps letters of any script and turns each run of other characters into one underscore', () => {
		expect(exportFileBase('Продажи  2024 / Q1', 'gsb', 'payments')).toBe('Продажи_2024_Q1-gsb-payments');
	});

	it('reads "customers" without a dataset name', () => {
		expect(exportFileBase(null, 'abc', 'revenue')).toBe('customers-abc-revenue');
		expect(exportFileBase(undefined, 'abc', 'revenue')).toBe('customers-abc-revenue');
	});
});

describe('exportPeriod and exportFileName', () => {
	it('says the period and gives each format its own name', () => {
		expect(exportPeriod(undefined, undefined)).toBe('all-time');
		expect(exportPeriod(19723, 20088)).toBe('2024-01-01_2024-12-31');
		expect(exportPeriod(19723, undefined)).toBe('2024-01-01_end');
		const base = exportFileBase('sales', 'abc', 'revenue', exportPeriod(19723, 20088));
		expect(base).toBe('sales-abc-revenue-2024-01-01_2024-12-31');
		const names = (['xlsx', 'csv-sheet', 'csv-system'] as const).map((f) => exportFileName(base, f));
		expect(names).toEqual([`${base}.xlsx`, `${base}-table.csv`, `${base}-system.csv`]);
		expect(new Set(names).size).toBe(3);
	});

	it('the cover sheet names the version of package.json', () => {
		expect(APP_VERSION).toBe(pkg.version);
	});
});
