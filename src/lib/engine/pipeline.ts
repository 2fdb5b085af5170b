/**
 * The pipeline total of the Prospects page (README "Prospects and key accounts"): how many
 * prospects are still open and the sum of their expected deal sizes. Prospects carry no
 * probability, so the value is the plain, unweighted sum. Pure.
 */
import type { Prospect } from './crm-types';

export interface PipelineTotal {
	/** prospects not yet decided (neither signed nor refused), set-aside ones included */
	open: number;
	/** the sum of the open prospects' expected deal sizes, rounded to cents */
	value: number;
	/** open prospects without a deal size (not in `value`) */
	withoutDealSize: number;
}

/** Open = not decided; a missing or non-finite deal size adds nothing and is counted apart. */
export function pipelineTotal(prospects: readonly Pick<Prospect, 'decided' | 'dealSize'>[]): PipelineTotal {
	let open = 0;
	let cents = 0;
	let withoutDealSize = 0;
	for (const p of prospects) {
		if (p.decided) continue;
		open++;
		if (p.dealSize === null || !Number.isFinite(p.dealSize)) withoutDealSize++;
		// whole cents, so 0.1 + 0.2 adds up to 0.3
		else cents += Math.round(p.dealSize * 100);
	}
	return { open, value: cents / 100, withoutDealSize };
}
