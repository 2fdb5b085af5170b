import { describe, expect, it } from 'vitest';
import { exportFileBase } from '../../src/lib/components/export-names';

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
