/** How long the workbook of 100 000 customers takes to build (logged, not asserted). */
import { describe, expect, it } from 'vitest';
import { buildXlsx } from '../../src/lib/engine/xlsx';
import { exportWorkbook } from '../../src/lib/engine/export-workbook';
import { classify, PRESETS } from '../../src/lib/engine/abc';
import { aggregate } from '../../src/lib/engine/aggregate';
import type { ClassifySettings } from '../../src/lib/engine/types';
import { columnsOf } from './helpers';
import { ruLabels } from './export-fixture';

describe('workbook timing', () => {
	it('100 000 customers', () => {
		const n = 100_000;
		const data = columnsOf(
			Array.from({ length: n }, (_, i) => ({ key: `K${i}`, amount: 1 + ((i * 7919) % 100_000) })),
			2
		);
		data.customerNames = data.customerKeys.map((k) => `Клиент ${k} & Co`);
		const settings: ClassifySettings = {
			metric: 'revenue',
			returns: 'net',
			classes: [...PRESETS.abc],
			keyShare: 0.1,
			monoShare: 0.5
		};
		const c = classify(aggregate(data, settings), data.customerKeys, settings);
		const xyz = new Map<number, string>();
		for (let i = 0; i < n; i++) xyz.set(i, 'XYZ'[i % 3]);
		const t0 = performance.now();
		const bytes = buildXlsx(
			exportWorkbook(c, data.customerKeys, data.customerNames, ruLabels(3), { metric: 'revenue', xyz })
		);
		const ms = performance.now() - t0;
		console.log(`workbook of ${n} customers: ${ms.toFixed(0)} ms, ${(bytes.length / 1e6).toFixed(1)} MB`);
		expect(bytes.length).toBeGreaterThan(0);
	}, 120_000);
});
