import { describe, expect, it } from 'vitest';
import { Analysis, dashboardView, type DashboardView } from '../../src/lib/engine/dashboard';
import { DEFAULT_SETTINGS, toClassifySettings } from '../../src/lib/state/settings';
import { paretoSvg, textWidth, type ParetoSvgLabels } from '../../src/lib/components/pareto-svg';
import { columnsOf } from './helpers';

function viewOf(amounts: number[]): DashboardView {
	const data = columnsOf(amounts.map((amount, i) => ({ key: `C${i + 1}`, amount })));
	return dashboardView(data, new Analysis(data).classify(toClassifySettings(DEFAULT_SETTINGS)));
}

const pct = (v: number) => `${Math.round(v * 100)} %`;
const COLORS = ['#1d4ed8', '#0f766e', '#9a6700'];

function labels(over: Partial<ParetoSvgLabels> = {}): ParetoSvgLabels {
	return {
		title: 'Кривая Парето — продажи_2024.csv',
		subtitle:
			'выручка · Последние 12 месяцев: 1 янв. 2024 г. – 31 дек. 2024 г. · Данные: 1 янв. 2024 г. – 31 дек. 2024 г.',
		x: 'Доля клиентов',
		y: 'Накопленная доля: выручка',
		classNames: ['A', 'B', 'C'],
		legend: [
			'A — клиентов: 12, доля итога: 80 %',
			'B — клиентов: 20, доля итога: 15 %',
			'C — клиентов: 68, доля итога: 5 %'
		],
		curve: 'Клиенты от крупных к мелким (выручка)',
		reference: 'Ориентир 20/80',
		reach80: '80 % достигается на 12,0 % клиентов',
		note: 'Показатель: выручка · Классы: A ≤ 80 %, B ≤ 95 %, C ≤ 100 % · Возвраты: вычитать из продаж · Ключевой клиент — от 10 %',
		percent: pct,
		...over
	};
}

const decode = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');

interface TextRun {
	text: string;
	/** horizontal and vertical extent of the run's estimated box */
	x0: number;
	x1: number;
	y0: number;
	y1: number;
}

/** Every <text> of the SVG with a box estimated by the renderer's own (conservative) width measure. */
function textRuns(svg: string): TextRun[] {
	const runs: TextRun[] = [];
	for (const m of svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)) {
		const attrs = m[1];
		const text = decode(m[2]);
		const a = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];
		const size = Number(a('font-size'));
		const bold = Number(a('font-weight') ?? 400) >= 600;
		const w = textWidth(text, size, bold);
		const anchor = a('text-anchor') ?? 'start';
		const rot = /translate\(([\d.]+) ([\d.]+)\) rotate\(-90\)/.exec(attrs);
		if (rot) {
			const [x, y] = [Number(rot[1]), Number(rot[2])];
			runs.push({ text, x0: x - size, x1: x + size * 0.3, y0: y - w / 2, y1: y + w / 2 });
			continue;
		}
		const x = Number(a('x'));
		const y = Number(a('y'));
		const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
		runs.push({ text, x0, x1: x0 + w, y0: y - size, y1: y + size * 0.3 });
	}
	return runs;
}

function viewBox(svg: string): { w: number; h: number } {
	const m = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
	return { w: Number(m[1]), h: Number(m[2]) };
}

function expectInside(svg: string) {
	const { w, h } = viewBox(svg);
	for (const r of textRuns(svg)) {
		expect(r.x0, r.text).toBeGreaterThanOrEqual(0);
		expect(r.x1, r.text).toBeLessThanOrEqual(w);
		expect(r.y0, r.text).toBeGreaterThanOrEqual(0);
		expect(r.y1, r.text).toBeLessThanOrEqual(h);
	}
}

const amounts = Array.from({ length: 100 }, (_, i) => Math.round(100000 / (i + 1)));

describe('paretoSvg', () => {
	it('a white background first, the title line with dataset, metric and period, the class legend', () => {
		const svg = paretoSvg(viewOf(amounts), COLORS, labels());
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		const { w, h } = viewBox(svg);
		expect(w * 2).toBeGreaterThanOrEqual(1600);
		// the first drawn shape covers the whole image in white
		expect(svg).toMatch(new RegExp(`<title>[^<]*</title>\\n<rect width="${w}" height="${h}" fill="#ffffff"/>`));
		const texts = textRuns(svg).map((r) => r.text);
		expect(texts).toContain('Кривая Парето — продажи_2024.csv');
		expect(texts.some((s) => s.includes('выручка · Последние 12 месяцев: 1 янв. 2024 г.'))).toBe(true);
		for (const entry of labels().legend) expect(texts).toContain(entry);
		expect(texts).toContain('Клиенты от крупных к мелким (выручка)');
		expect(texts).toContain('Ориентир 20/80');
		// a swatch per class in its colour
		for (const c of COLORS) expect(svg).toContain(`fill="${c}" fill-opacity="0.35"`);
	});

	it('light ink only: no dark-theme colours, whatever the page theme', () => {
		const svg = paretoSvg(viewOf(amounts), COLORS, labels());
		expect(svg).not.toMatch(/#e8eaee|#a7afbb|#1a1e24|#111418|currentColor/i);
	});

	it('keeps every text inside the view box, the Russian y-axis title whole', () => {
		const svg = paretoSvg(viewOf(amounts), COLORS, labels());
		expectInside(svg);
		const texts = textRuns(svg).map((r) => r.text);
		expect(texts).toContain('Накопленная доля: выручка');
		expect(texts).toContain('Доля клиентов');
		expect(texts).toContain('80 % достигается на 12,0 % клиентов');
		expect(svg).not.toContain('…');
	});

	it('a very long y-axis title is wrapped in two lines, not cut, and still fits; so in a short print chart', () => {
		const y = 'Накопленная доля от общего итога: число оплат по всем клиентам за период';
		for (const height of [600, 560, 420]) {
			const svg = paretoSvg(viewOf(amounts), COLORS, labels({ y }), { width: 960, height });
			expectInside(svg);
			const lines = [...svg.matchAll(/rotate\(-90\)"[^>]*>([^<]*)</g)].map((m) => decode(m[1]));
			expect(lines.length).toBe(2);
			if (height >= 560) expect(lines.join(' ')).toBe(y);
		}
	});

	it('long titles and legends are shortened inside the image; the 80 % label flips left near the right edge', () => {
		const long = 'Очень длинное название набора данных, выгруженного из учётной системы '.repeat(4);
		const flat = viewOf(Array.from({ length: 50 }, () => 100));
		const svg = paretoSvg(
			flat,
			COLORS,
			labels({ title: long, subtitle: long, note: long, legend: [long, long, long] })
		);
		expectInside(svg);
		expect(svg).toContain('text-anchor="end" font-size="13" font-weight="600"');
	});

	it('a 100 000-customer curve stays a small file', () => {
		const big = viewOf(Array.from({ length: 100_000 }, (_, i) => 1_000_000 - i));
		const svg = paretoSvg(big, COLORS, labels());
		const curve = /stroke-width="2.5" stroke-linejoin="round" points="([^"]*)"/.exec(svg)![1];
		expect(curve.split(' ').length).toBeLessThanOrEqual(2000);
		expect(svg.length).toBeLessThan(100_000);
	});

	it('escapes text', () => {
		const svg = paretoSvg(viewOf(amounts), COLORS, labels({ title: 'A <b> & "c"' }));
		expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
	});
});
