import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { fixture } from './helpers';

/** The UI words of each language (src/lib/i18n/en.ts, ru.ts) and what the report must say. */
const LANGUAGES = [
	{
		locale: 'en-US',
		csv: 'CSV file',
		import: 'Import',
		more: 'More exports',
		png: 'Chart as PNG',
		svg: 'Chart as SVG',
		print: 'Printable report (PDF)',
		chartTitle: 'Pareto curve — sales_en',
		yTitle: 'Cumulative share of revenue',
		period: 'Period: All time (Jan 1, 2024 – Dec 30, 2025)',
		dates: 'Data: Jan 1, 2024 – Dec 30, 2025',
		returns: 'Returns: net against sales',
		headline: /\d+ of 198 customers \([\d.]+ ?%\) make 80% of revenue\./,
		playbooks: 'What to do with each group',
		page: (n: number, of: number) => `Page ${n} of ${of}`,
		tabPages: ['VIP', 'Movement', 'ABC×XYZ', 'Recency', 'RFM', 'Margin squeeze', 'Compare metrics'],
		shot: 'report-en.png'
	},
	{
		locale: 'ru-RU',
		csv: 'CSV-файл',
		import: 'Импортировать',
		more: 'Другие форматы',
		png: 'График в PNG',
		svg: 'График в SVG',
		print: 'Отчёт для печати (PDF)',
		chartTitle: 'Кривая Парето — sales_en',
		yTitle: 'Накопленная доля: выручка',
		period: 'Период: За всё время (01.01.2024 – 30.12.2025)',
		dates: 'Данные: 01.01.2024 – 30.12.2025',
		returns: 'Возвраты: вычитать из продаж',
		headline: /\d+ из 198 клиентов \([\d,]+ %\) дают 80 % \(показатель: выручка\)\./,
		playbooks: 'Что делать с каждой группой',
		page: (n: number, of: number) => `Стр. ${n} из ${of}`,
		tabPages: ['VIP', 'Миграция', 'ABC×XYZ', 'Давность', 'RFM', 'Маржинальность', 'Сравнение показателей'],
		shot: 'report-ru.png'
	}
];

/** Width, height and the top-left pixel (RGBA) of an 8-bit RGB/RGBA PNG. */
function pngInfo(png: Buffer): { width: number; height: number; topLeft: number[] } {
	expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	const width = png.readUInt32BE(16);
	const height = png.readUInt32BE(20);
	const colorType = png[25];
	expect(png[24]).toBe(8);
	const idat: Buffer[] = [];
	for (let at = 8; at < png.length;) {
		const len = png.readUInt32BE(at);
		if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
		at += 12 + len;
	}
	// in the first row, every filter leaves the first pixel as it is (no left or upper neighbour)
	const raw = inflateSync(Buffer.concat(idat));
	const px = [...raw.subarray(1, colorType === 6 ? 5 : 4)];
	return { width, height, topLeft: colorType === 6 ? px : [...px, 255] };
}

const pdftotext = (pdf: string, ...args: string[]) =>
	execFileSync('pdftotext', [...args, '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });

/** Page sizes (pt) and words with their boxes, from `pdftotext -bbox`. */
type PdfWord = {
	page: number;
	pageWidth: number;
	pageHeight: number;
	xMin: number;
	xMax: number;
	yMin: number;
	word: string;
};

function pdfWords(pdf: string): PdfWord[] {
	const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
	const out: PdfWord[] = [];
	let page = 0;
	let pageWidth = 0;
	let pageHeight = 0;
	for (const line of html.split('\n')) {
		const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
		if (p) {
			page++;
			pageWidth = Number(p[1]);
			pageHeight = Number(p[2]);
		}
		const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/.exec(line);
		if (w)
			out.push({ page, pageWidth, pageHeight, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), word: w[4] });
	}
	return out;
}

async function download(page: Page, more: string, item: string): Promise<Buffer> {
	await page.locator('summary', { hasText: more }).click();
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: item }).click()]);
	return readFileSync(await file.path());
}

for (const L of LANGUAGES) {
	test.describe(L.locale, () => {
		test.use({ locale: L.locale });

		test(`chart PNG/SVG for slides and the printed report (${L.locale})`, async ({ page }) => {
			// the tools that read the PDF are part of the test: missing, it fails
			expect(() => execFileSync('pdftoppm', ['-v'], { stdio: 'pipe' }), 'pdftoppm (poppler-utils)').not.toThrow();

			await page.emulateMedia({ colorScheme: 'dark' });
			await page.goto('/');
			await page.getByLabel(L.csv, { exact: true }).setInputFiles(fixture('sales_en.csv'));
			await page.getByRole('button', { name: L.import, exact: true }).click();
			await expect(page.getByTestId('customer-count')).toHaveText('198');
			// the screen really is dark
			const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
			expect(bg).not.toBe('rgb(255, 255, 255)');

			// PNG: 2×, white even from the dark theme
			const pngFile = await download(page, L.more, L.png);
			const dir = join(process.cwd(), 'test-results', `report-${L.locale}`);
			mkdirSync(dir, { recursive: true });
			writeFileSync(join(dir, 'chart.png'), pngFile);
			const png = pngInfo(pngFile);
			expect(png.width).toBeGreaterThanOrEqual(1600);
			expect(png.height).toBeGreaterThan(800);
			expect(png.topLeft).toEqual([255, 255, 255, 255]);

			// SVG: the same content, title with dataset, metric and period, legend, axis titles
			const svg = (await download(page, L.more, L.svg)).toString('utf8');
			expect(svg).toContain('<svg');
			expect(svg).toContain(`${L.chartTitle}</text>`);
			expect(svg).toContain(L.dates);
			expect(svg).toContain(`>${L.yTitle}</text>`);
			expect(svg).toContain('fill="#ffffff"');

			// the print action: window.print is stubbed (headless), the report is what the PDF shows
			await page.evaluate(() => {
				(window as unknown as { printed: boolean }).printed = false;
				window.print = () => ((window as unknown as { printed: boolean }).printed = true);
			});
			// each PDF is one print: the action adds the tab pages, and they leave with `afterprint`
			const printAction = async () => {
				await page.evaluate(() => ((window as unknown as { printed: boolean }).printed = false));
				await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
				await page.locator('summary', { hasText: L.more }).click();
				await page.getByRole('button', { name: L.print }).click();
				await expect.poll(() => page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
				await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
				await expect(page.getByTestId('print-report')).toBeVisible();
				await expect(page.getByRole('tablist')).toBeHidden();
			};

			for (const format of ['A4', 'Letter'] as const) {
				await printAction();
				const file = join(dir, `report-${format}.pdf`);
				writeFileSync(file, await page.pdf({ format, printBackground: true }));
				const text = pdftotext(file);
				const pages = (text.match(/\f/g) ?? []).length;
				expect(pages, format).toBeGreaterThanOrEqual(1);
				const perPage = text.split('\f').slice(0, pages);
				perPage.forEach((p, i) => {
					// every page: dataset, period, data dates, settings with the returns policy, its number
					const flat = p.replace(/\s+/g, ' ');
					expect(flat, `${format} page ${i + 1}`).toContain('sales_en');
					expect(flat, `${format} page ${i + 1}`).toContain(L.period);
					expect(flat, `${format} page ${i + 1}`).toContain(L.dates);
					expect(flat, `${format} page ${i + 1}`).toContain(L.returns);
					expect(flat, `${format} page ${i + 1}`).toContain(L.page(i + 1, pages));
				});
				// page 1: headline, chart with its whole y-axis title, segment table with playbooks
				const first = perPage[0].replace(/\s+/g, ' ');
				expect(first).toMatch(L.headline);
				expect(first).toContain(L.chartTitle);
				expect(first).toContain(L.playbooks);
				// then a page per tab with data (sales_en has dates and a profit column), each page starting
				// with its tab's title, in the tab list's order
				expect(pages, format).toBeGreaterThan(L.tabPages.length);
				const starts = L.tabPages.map((title) =>
					perPage.findIndex((p, i) => i > 0 && p.replace(/\s+/g, ' ').includes(` ${title} `))
				);
				starts.forEach((at, i) => expect(at, `${format}: ${L.tabPages[i]}`).toBeGreaterThan(0));
				expect(
					[...starts].sort((a, b) => a - b),
					format
				).toEqual(starts);
				const raw = pdftotext(file, '-f', '1', '-l', '1', '-raw').replace(/\s+/g, ' ');
				expect(raw).toContain(L.yTitle);
				// nothing runs past the paper's edge (210 mm / 8.5 in)
				for (const w of pdfWords(file)) {
					expect(w.xMin, `${format} «${w.word}»`).toBeGreaterThanOrEqual(0);
					expect(w.xMax, `${format} «${w.word}»`).toBeLessThanOrEqual(w.pageWidth);
				}
				if (format === 'A4') {
					// page 1 as an image: the screenshot of the report
					execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
					const shots = join(process.cwd(), 'static', 'screenshots');
					mkdirSync(shots, { recursive: true });
					copyFileSync(join(dir, 'page.png'), join(shots, L.shot));
					const shot = pngInfo(readFileSync(join(dir, 'page.png')));
					expect(shot.width).toBeGreaterThan(400);
					// and the tab pages as images, to look at (test-results only)
					execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', file, join(dir, 'tab')]);
				}
			}

			// landscape paper is wider than the screen's sidebar breakpoint: the report still starts at
			// the left margin (the sidebar is not printed, and neither is its column)
			await printAction();
			const wide = join(dir, 'report-A4-landscape.pdf');
			writeFileSync(wide, await page.pdf({ format: 'A4', landscape: true, printBackground: true }));
			// page 1's words between the running head and foot (16 mm and 15 mm margins, 1 mm = 2.83 pt)
			const body = pdfWords(wide).filter((w) => w.page === 1 && w.yMin > 50 && w.yMin < w.pageHeight - 50);
			expect(body.length).toBeGreaterThan(20);
			// 12 mm margin = 34 pt; the empty sidebar column had pushed it to about 210 pt
			expect(Math.min(...body.map((w) => w.xMin))).toBeLessThan(60);
		});
	});
}
