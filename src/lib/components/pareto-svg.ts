/**
 * The Pareto chart as a standalone vector image: the dashboard's "SVG" download, the source of the
 * "PNG" download (drawn at 2× on a white canvas) and the chart of the printed report. Always light
 * ink on white, whatever the screen's theme, so it survives a slide and a printer.
 */
import { filterEntries, filterText } from './filter-words';
import type { DashboardView } from '../engine/dashboard';
import type { ReturnsPolicy } from '../engine/types';
import { classBands } from '../engine/class-bands';
import { i18n, t } from '../i18n/index.svelte';
import { className, metricName } from './format';

/** Light-theme ink, fixed: the export never follows the dark theme. */
export const SVG_INK = { text: '#16191d', muted: '#555d68', grid: '#e3e6ea', guide: '#6b7280', bg: '#ffffff' };
const FONT =
	"'Segoe UI', system-ui, -apple-system, Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'DejaVu Sans', sans-serif";

export interface ParetoSvgLabels {
	/** first line, e.g. "Pareto curve — sales.csv" */
	title: string;
	/** second line: metric · period (and data dates) */
	subtitle: string;
	x: string;
	y: string;
	/** one short name per class, drawn in its band */
	classNames: string[];
	/** one legend entry per class, e.g. "A: 37 customers, 80 % of revenue" */
	legend: string[];
	/** legend entries of the curve and of the dashed 20/80 guide */
	curve: string;
	reference: string;
	reach80: string | null;
	/** optional last line under the x axis: settings such as returns and key share */
	note?: string;
	percent: (v: number) => string;
}

export interface SvgSize {
	width?: number;
	height?: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A conservative width estimate of a text run (no layout engine here): wide enough for DejaVu Sans,
 * the widest of the fonts in FONT, Latin and Cyrillic alike. Layout uses it to shrink, wrap or
 * shorten text so that nothing leaves the image.
 */
export function textWidth(s: string, size: number, bold = false): number {
	let em = 0;
	for (const ch of s) {
		if (/[\s.,:;'|!ilI1()[\]·]/.test(ch)) em += 0.36;
		else if (/[MWШЩЖЮМmwшщжюм—%]/.test(ch)) em += 0.95;
		else if (/[A-ZА-ЯЁ]/.test(ch)) em += 0.74;
		else em += 0.64;
	}
	return em * size * (bold ? 1.1 : 1);
}

/** The largest font size from `size` down to `min` at which `s` fits `max`, or `min`. */
function fitSize(s: string, max: number, size: number, min: number, bold = false): number {
	let f = size;
	while (f > min && textWidth(s, f, bold) > max) f -= 0.5;
	return f;
}

/** `s` cut with an ellipsis so it fits `max` at `size`. */
function shorten(s: string, max: number, size: number, bold = false): string {
	if (textWidth(s, size, bold) <= max) return s;
	let cut = s;
	while (cut.length > 1 && textWidth(cut + '…', size, bold) > max) cut = cut.slice(0, -1);
	return cut.trimEnd() + '…';
}

/** Words of `s` in at most `lines` lines of `max` width (the last line shortened if it still overflows). */
function wrap(s: string, max: number, size: number, lines: number, bold = false): string[] {
	const out: string[] = [];
	let line = '';
	for (const word of s.split(/\s+/)) {
		const next = line ? `${line} ${word}` : word;
		if (line && textWidth(next, size, bold) > max && out.length < lines - 1) {
			out.push(line);
			line = word;
		} else line = next;
	}
	out.push(line);
	return out.map((l) => shorten(l, max, size, bold));
}

/** At most ~2 points per horizontal pixel: a 100 000-customer curve stays a small file. */
function thin<T>(points: readonly T[], max: number): T[] {
	if (points.length <= max) return [...points];
	const step = points.length / max;
	const out: T[] = [];
	for (let i = 0; i < max; i++) out.push(points[Math.floor(i * step)]);
	out.push(points[points.length - 1]);
	return out;
}

/**
 * The Pareto curve as an SVG document: white background, title and subtitle, a legend of the
 * classes, the curve and the 20/80 guide, class bands, both axes with their titles and the 80 %
 * marker. Text is sized to stay inside the view box.
 */
export function paretoSvg(view: DashboardView, colors: string[], labels: ParetoSvgLabels, size: SvgSize = {}): string {
	const W = size.width ?? 960;
	const H = size.height ?? 600;
	const ink = SVG_INK;
	const pad = 24;
	const out: string[] = [];
	const text = (x: number, y: number, s: string, attrs: string) =>
		out.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${esc(s)}</text>`);

	// title and subtitle
	const titleSize = fitSize(labels.title, W - 2 * pad, 20, 14, true);
	const title = shorten(labels.title, W - 2 * pad, titleSize, true);
	const subtitle = shorten(labels.subtitle, W - 2 * pad, 14);

	// legend: classes, then the curve and the guide, in rows that wrap
	const legendSize = 13;
	type Item = { label: string; mark: string; width: number };
	const items: Item[] = labels.legend.map((l, i) => ({
		label: l,
		mark: `<rect width="14" height="14" y="-11" rx="2" fill="${colors[i]}" fill-opacity="0.35" stroke="${colors[i]}"/>`,
		width: 0
	}));
	items.push({
		label: labels.curve,
		mark: `<line x1="0" x2="16" y1="-4" y2="-4" stroke="${ink.text}" stroke-width="2.5"/>`,
		width: 0
	});
	items.push({
		label: labels.reference,
		mark: `<line x1="0" x2="16" y1="-4" y2="-4" stroke="${ink.guide}" stroke-dasharray="4 4"/>`,
		width: 0
	});
	for (const it of items) {
		it.label = shorten(it.label, W - 2 * pad - 22, legendSize);
		it.width = 22 + textWidth(it.label, legendSize);
	}
	const rows: Item[][] = [[]];
	let rowWidth = 0;
	for (const it of items) {
		if (rows[rows.length - 1].length > 0 && rowWidth + 20 + it.width > W - 2 * pad) {
			rows.push([]);
			rowWidth = 0;
		}
		rowWidth += (rows[rows.length - 1].length > 0 ? 20 : 0) + it.width;
		rows[rows.length - 1].push(it);
	}
	const legendTop = 86;
	const rowHeight = 22;

	// plot area
	const note = labels.note ? shorten(labels.note, W - 2 * pad, 12) : '';
	const m = { l: 84, r: pad + 8, t: legendTop + rows.length * rowHeight + 6, b: note ? 82 : 60 };
	const plotH = H - m.t - m.b;
	const px = (x: number) => m.l + x * (W - m.l - m.r);
	const py = (y: number) => H - m.b - y * plotH;

	out.push(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${esc(FONT)}" role="img">`
	);
	out.push(`<title>${esc(labels.title)}</title>`);
	out.push(`<rect width="${W}" height="${H}" fill="${ink.bg}"/>`);
	text(pad, 34, title, `font-size="${titleSize}" font-weight="700" fill="${ink.text}"`);
	text(pad, 60, subtitle, `font-size="14" fill="${ink.muted}"`);
	rows.forEach((row, r) => {
		let x = pad;
		const y = legendTop + r * rowHeight;
		for (const it of row) {
			out.push(`<g transform="translate(${x.toFixed(1)} ${y})">${it.mark}</g>`);
			text(x + 22, y, it.label, `font-size="${legendSize}" fill="${ink.text}"`);
			x += it.width + 20;
		}
	});

	for (const band of classBands(view.pareto, view.classEnds)) {
		const cls = band.classIndex;
		const x0 = px(band.from);
		const x1 = px(band.to);
		out.push(
			`<rect x="${x0.toFixed(1)}" y="${m.t}" width="${(x1 - x0).toFixed(1)}" height="${plotH}" fill="${colors[cls]}" fill-opacity="0.12"/>`
		);
		const name = labels.classNames[cls] ?? '';
		if (name && textWidth(name, 14, true) + 8 < x1 - x0)
			text(
				(x0 + x1) / 2,
				H - m.b - 10,
				name,
				`text-anchor="middle" font-size="14" font-weight="600" fill="${colors[cls]}"`
			);
	}
	for (let k = 0; k <= 10; k++) {
		const v = k / 10;
		out.push(
			`<line x1="${m.l}" x2="${W - m.r}" y1="${py(v).toFixed(1)}" y2="${py(v).toFixed(1)}" stroke="${ink.grid}"/>`
		);
		text(m.l - 8, py(v) + 4, labels.percent(v), `text-anchor="end" font-size="12" fill="${ink.muted}"`);
		text(px(v), H - m.b + 18, labels.percent(v), `text-anchor="middle" font-size="12" fill="${ink.muted}"`);
	}
	out.push(
		`<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" stroke="${ink.muted}"/><line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" stroke="${ink.muted}"/>`
	);

	// axis titles: the x title shortened to the plot width; the y title shrunk, then wrapped in two lines
	const xTitle = shorten(labels.x, W - m.l - m.r, 13, true);
	text(
		(m.l + W - m.r) / 2,
		H - m.b + 40,
		xTitle,
		`text-anchor="middle" font-size="13" font-weight="600" fill="${ink.text}"`
	);
	const ySize = fitSize(labels.y, plotH - 8, 13, 11, true);
	const yLines = wrap(labels.y, plotH - 8, ySize, 2, true);
	const yMid = (m.t + H - m.b) / 2;
	yLines.forEach((line, i) => {
		const x = yLines.length === 1 ? 24 : 18 + i * (ySize + 3);
		out.push(
			`<text transform="translate(${x} ${yMid.toFixed(1)}) rotate(-90)" text-anchor="middle" font-size="${ySize}" font-weight="600" fill="${ink.text}">${esc(line)}</text>`
		);
	});
	if (note) text(pad, H - 14, note, `font-size="12" fill="${ink.muted}"`);

	out.push(
		`<polyline fill="none" stroke="${ink.guide}" stroke-dasharray="4 4" points="${px(0.2)},${py(0)} ${px(0.2)},${py(0.8)} ${px(0)},${py(0.8)}"/>`
	);
	const pts = [
		`${px(0)},${py(0)}`,
		...thin(view.pareto, 2 * (W - m.l - m.r)).map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`)
	];
	out.push(
		`<polyline fill="none" stroke="${ink.text}" stroke-width="2.5" stroke-linejoin="round" points="${pts.join(' ')}"/>`
	);
	if (view.x80 !== null) {
		const x = px(view.x80);
		out.push(
			`<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${py(0)}" y2="${py(0.8).toFixed(1)}" stroke="${ink.text}" stroke-width="1.5"/>`
		);
		out.push(`<circle cx="${x.toFixed(1)}" cy="${py(0.8).toFixed(1)}" r="5" fill="${ink.text}"/>`);
		if (labels.reach80) {
			const right = x > (m.l + W - m.r) / 2;
			const room = right ? x - 8 - m.l : W - m.r - x - 8;
			const s = shorten(labels.reach80, room, 13, true);
			text(
				right ? x - 8 : x + 8,
				py(0.8) + 20,
				s,
				`text-anchor="${right ? 'end' : 'start'}" font-size="13" font-weight="600" fill="${ink.text}"`
			);
		}
	}
	out.push('</svg>');
	return out.join('\n');
}

/** What the chart and the report say about the data: dataset, period, data dates, settings. */
export interface ReportContext {
	datasetName: string;
	/** the period preset's name ("Last 12 months") */
	periodName: string;
	/** first and last day (day numbers) of the dataset's dates; null without a date column */
	dateRange: [number, number] | null;
}

const dayRange = (from: number, to: number) => `${i18n.day(from)} – ${i18n.day(to)}`;

/**
 * "Last 12 months (1 Jan 2024 – 31 Dec 2024)"; the whole data range for "All time"; followed by the
 * filter in force, "· Filter: Region: West" (README "Dimensions and filters").
 */
export function periodText(view: DashboardView, ctx: ReportContext): string {
	const filter = view.settings.filter ? filterText(filterEntries(view.settings.filter)) : '';
	const withFilter = (text: string) => (filter ? `${text} · ${t('filter.shown', { text: filter })}` : text);
	if (!ctx.dateRange) return withFilter(t('report.allRows'));
	const from = view.settings.dateFrom ?? ctx.dateRange[0];
	const to = view.settings.dateTo ?? ctx.dateRange[1];
	return withFilter(t('report.periodRange', { name: ctx.periodName, range: dayRange(from, to) }));
}

/** "Data: 1 Jan 2024 – 31 Dec 2024" or "Data: no dates". */
export function dataDatesText(ctx: ReportContext): string {
	return ctx.dateRange ? t('report.dataDates', { range: dayRange(...ctx.dateRange) }) : t('report.noDates');
}

export function returnsText(policy: ReturnsPolicy): string {
	return t('report.returns', { policy: t(`dash.returns.${policy}`) });
}

/** The settings that change the figures: metric, classes, returns, key customer share. */
export function settingsText(view: DashboardView): string {
	const s = view.settings;
	const classes = s.classes.map((c) => `${className(c.name)} ≤ ${i18n.percent(c.upTo, 0)}`).join(', ');
	return [
		`${t('dash.metric')}: ${metricName(s.metric)}`,
		`${t('report.classes')}: ${classes}${s.basis === 'count' ? ` (${t('dash.byCount')})` : ''}`,
		returnsText(s.returns),
		t('report.keyFrom', { share: i18n.percent(s.keyShare, 0) })
	].join(' · ');
}

/** The labels of the exported and printed chart, in the UI language. */
export function paretoLabels(view: DashboardView, ctx: ReportContext): ParetoSvgLabels {
	const metric = metricName(view.settings.metric);
	return {
		title: `${t('chart.title')} — ${ctx.datasetName}`,
		subtitle: [metric, periodText(view, ctx), dataDatesText(ctx)].join(' · '),
		x: t('chart.x'),
		y: t('chart.y', { metric }),
		classNames: view.settings.classes.map((c) => className(c.name)),
		legend: view.settings.classes.map((c, i) => {
			const seg = view.segments.find((s) => s.classIndex === i);
			return t('chart.legendClass', {
				name: className(c.name),
				count: seg?.customers ?? 0,
				share: i18n.percent(seg?.valueShare ?? 0, 0)
			});
		}),
		curve: t('chart.legendCurve', { metric }),
		reference: t('chart.reference'),
		reach80: view.x80 === null ? null : t('chart.reach80', { x: i18n.percent(view.x80) }),
		note: settingsText(view),
		percent: (v) => i18n.percent(v, 0)
	};
}

/**
 * The SVG drawn on a white canvas at `scale` (2 → 1920 px wide for the 960 px chart), as a PNG.
 * The image comes from a blob: URL of this page (CSP img-src allows blob:), so the canvas stays clean.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
	const w = Number(/width="(\d+)"/.exec(svg)?.[1] ?? 960);
	const h = Number(/height="(\d+)"/.exec(svg)?.[1] ?? 600);
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const img = new Image();
		img.decoding = 'sync';
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('svg image'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(w * scale);
		canvas.height = Math.round(h * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('canvas 2d');
		ctx.fillStyle = SVG_INK.bg;
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('png'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
