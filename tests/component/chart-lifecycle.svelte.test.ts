// chartLifecycle on a canvas: built on mount, rebuilt when what its configuration reads changes,
// destroyed with the canvas. Runes in a test module (.svelte.test.ts) stand in for a component.
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chartLifecycle } from '../../src/lib/components/chart-lifecycle.svelte';
import { i18n, t } from '../../src/lib/i18n/index.svelte';

// a stand-in Chart records each chart built and whether it was destroyed
const charts = vi.hoisted(() => [] as { config: any; destroyed: boolean }[]);
vi.mock('chart.js', async (importOriginal) => {
	const real = await importOriginal<typeof import('chart.js')>();
	class FakeChart {
		static register = vi.fn();
		record: { config: any; destroyed: boolean };
		constructor(_canvas: unknown, config: any) {
			this.record = { config, destroyed: false };
			charts.push(this.record);
		}
		destroy() {
			this.record.destroyed = true;
		}
	}
	return { ...real, Chart: FakeChart };
});

/** Mounts a canvas with the lifecycle as `{@attach}` would; `unmount` removes it. */
function mount(defer: boolean) {
	const state = $state<{ values: number[] | null }>({ values: [1, 2] });
	const attach = chartLifecycle<'bar'>(
		(ink) =>
			state.values && {
				type: 'bar',
				data: {
					labels: state.values.map(String),
					datasets: [{ label: t('mig.previous'), data: state.values, borderColor: ink.ink }]
				}
			},
		{ defer }
	);
	const canvas = document.createElement('canvas');
	const unmount = $effect.root(() => {
		$effect(() => attach(canvas));
	});
	flushSync();
	const set = (values: number[] | null) => {
		state.values = values;
		flushSync();
	};
	return { set, unmount };
}

describe('chartLifecycle', () => {
	beforeEach(() => {
		i18n.set('en');
		charts.length = 0;
	});
	afterEach(() => vi.useRealTimers());

	it('builds on mount, rebuilds on a new view and a new language, destroys on unmount', () => {
		const { set, unmount } = mount(false);
		expect(charts).toHaveLength(1);
		expect(charts[0].config.data.datasets[0].data).toEqual([1, 2]);
		expect(charts[0].config.data.datasets[0].label).toBe('Before');

		set([3]);
		expect(charts).toHaveLength(2);
		expect(charts[0].destroyed).toBe(true);
		expect(charts[1].config.data.datasets[0].data).toEqual([3]);

		i18n.set('ru');
		flushSync();
		expect(charts).toHaveLength(3);
		expect(charts[1].destroyed).toBe(true);
		expect(charts[2].config.data.datasets[0].label).not.toBe('Before');

		unmount();
		expect(charts.every((c) => c.destroyed)).toBe(true);
	});

	it('draws nothing while the configuration is null', () => {
		const { set, unmount } = mount(false);
		set(null);
		expect(charts).toHaveLength(1);
		expect(charts[0].destroyed).toBe(true);
		set([5]);
		expect(charts).toHaveLength(2);
		unmount();
	});

	it('deferred: builds in a task of its own and keeps the old chart until the new one replaces it', () => {
		vi.useFakeTimers();
		const { set, unmount } = mount(true);
		expect(charts).toHaveLength(0);
		vi.runAllTimers();
		expect(charts).toHaveLength(1);

		set([2]);
		expect(charts).toHaveLength(1);
		expect(charts[0].destroyed).toBe(false);
		vi.runAllTimers();
		expect(charts).toHaveLength(2);
		expect(charts[0].destroyed).toBe(true);

		// a rebuild still pending when the canvas goes away never happens
		set([3]);
		unmount();
		vi.runAllTimers();
		expect(charts).toHaveLength(2);
		expect(charts[1].destroyed).toBe(true);
	});
});
