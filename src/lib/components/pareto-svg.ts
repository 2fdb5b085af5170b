/** The Pareto chart exported as a vector image (the dashboard's "SVG" download). */
import type { DashboardView } from '../engine/dashboard';
import { classBands } from '../engine/class-bands';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The Pareto curve as a standalone SVG document (vector, for slides and print): class bands, the
 * curve, the 20/80 guides and the 80 % marker, with the labels given in the UI language.
 */
export function paretoSvg(
	view: DashboardView,
	colors: string[],
	labels: {
		title: string;
		x: string;
		y: string;
		classNames: string[];
		reach80: string | null;
		percent: (v: number) => string;
	}
): string {
	const W = 960;
	const H = 540;
	const m = { l: 70, r: 24, t: 48, b: 60 };
	const px = (x: number) => m.l + x * (W - m.l - m.r);
	const py = (y: number) => H - m.b - y * (H - m.t - m.b);
	const out: string[] = [];
	out.push(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif">`
	);
	out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
	out.push(`<text x="${m.l}" y="28" font-size="18" font-weight="700" fill="#16191d">${esc(labels.title)}</text>`);
	for (const band of classBands(view.pareto, view.classEnds)) {
		const cls = band.classIndex;
		const x0 = px(band.from);
		const x1 = px(band.to);
		out.push(
			`<rect x="${x0.toFixed(1)}" y="${m.t}" width="${(x1 - x0).toFixed(1)}" height="${H - m.t - m.b}" fill="${colors[cls]}" fill-opacity="0.12"/>`
		);
		if (x1 - x0 > 24)
			out.push(
				`<text x="${((x0 + x1) / 2).toFixed(1)}" y="${H - m.b - 10}" text-anchor="middle" font-size="14" font-weight="600" fill="${colors[cls]}">${esc(labels.classNames[cls] ?? '')}</text>`
			);
	}
	for (let k = 0; k <= 10; k++) {
		const v = k / 10;
		out.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${py(v)}" y2="${py(v)}" stroke="#e3e6ea"/>`);
		out.push(
			`<text x="${m.l - 8}" y="${py(v) + 4}" text-anchor="end" font-size="12" fill="#555d68">${esc(labels.percent(v))}</text>`
		);
		out.push(
			`<text x="${px(v)}" y="${H - m.b + 18}" text-anchor="middle" font-size="12" fill="#555d68">${esc(labels.percent(v))}</text>`
		);
	}
	out.push(
		`<text x="${(m.l + W - m.r) / 2}" y="${H - 14}" text-anchor="middle" font-size="13" font-weight="600" fill="#16191d">${esc(labels.x)}</text>`
	);
	out.push(
		`<text transform="translate(18 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle" font-size="13" font-weight="600" fill="#16191d">${esc(labels.y)}</text>`
	);
	out.push(
		`<polyline fill="none" stroke="#6b7280" stroke-dasharray="4 4" points="${px(0.2)},${py(0)} ${px(0.2)},${py(0.8)} ${px(0)},${py(0.8)}"/>`
	);
	const pts = [`${px(0)},${py(0)}`, ...view.pareto.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`)];
	out.push(`<polyline fill="none" stroke="#16191d" stroke-width="2.5" points="${pts.join(' ')}"/>`);
	if (view.x80 !== null) {
		out.push(
			`<line x1="${px(view.x80)}" x2="${px(view.x80)}" y1="${py(0)}" y2="${py(0.8)}" stroke="#16191d" stroke-width="1.5"/>`
		);
		out.push(`<circle cx="${px(view.x80)}" cy="${py(0.8)}" r="5" fill="#16191d"/>`);
		if (labels.reach80)
			out.push(
				`<text x="${px(view.x80) + 8}" y="${py(0.8) + 18}" font-size="13" font-weight="600" fill="#16191d">${esc(labels.reach80)}</text>`
			);
	}
	out.push('</svg>');
	return out.join('\n');
}
