/** The demo dataset: a sample sales CSV generated in the worker (core/sample-sales.ts). */
import { sampleSalesCsv } from '../../core/sample-sales';
import type { HandlersFor } from './types';

export const sampleHandlers: HandlersFor<'sampleSales'> = {
	async sampleSales({ language, today }) {
		return sampleSalesCsv({ language, today });
	}
};
