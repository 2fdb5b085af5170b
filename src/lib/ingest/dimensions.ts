/**
 * Which text columns the mapping step offers to keep as dimensions (filters) beside the mapped
 * roles (README "Dimensions and filters"), judged on the sniff's sample rows: a vocabulary of common
 * dimension headers (en/ru/ro) pre-ticks a column, a column whose sampled values are nearly all
 * numbers or dates is not offered, and one whose values are nearly all distinct looks like an id.
 * Pure: no DOM, no dependencies beyond ingest.
 */
import { parseDecimal } from './numbers';
import type { ColumnMapping } from './types';

/** A column the mapping step offers to keep as a dimension. */
export interface DimensionSuggestion {
	/** 0-based column index in the file */
	column: number;
	/** the header, trimmed: the dimension's name */
	name: string;
	/** distinct non-empty values among the sampled rows */
	distinctInSample: number;
	/** sampled rows */
	sampleSize: number;
	/** offered ticked: a common dimension header that does not look like an id */
	preTicked: boolean;
	/** nearly every sampled value is distinct over at least ID_MIN_SAMPLE rows: not pre-ticked */
	likelyId: boolean;
}

/** Sampled rows needed before "every value distinct" says id rather than "few rows". */
export const ID_MIN_SAMPLE = 50;
/** Share of distinct values among the non-empty sampled cells from which a column looks like an id. */
const ID_DISTINCT_SHARE = 0.9;
/** Share of the non-empty sampled cells that are numbers or dates from which a column is numeric. */
const NUMERIC_SHARE = 0.9;

/** Common dimension headers, written as `headerKey` writes them (lower case, letters and digits only). */
const VOCABULARY: ReadonlySet<string> = new Set(
	[
		// en
		'Region',
		'Country',
		'City',
		'State',
		'Province',
		'Territory',
		'District',
		'Zone',
		'Market',
		'Segment',
		'Customer Segment',
		'Category',
		'Sub-Category',
		'Subcategory',
		'Product',
		'Product Category',
		'Product Line',
		'Product Group',
		'Brand',
		'Channel',
		'Sales Channel',
		'Source',
		'Lead Source',
		'Warehouse',
		'Store',
		'Branch',
		'Department',
		'Division',
		'Ship Mode',
		'Deal Size',
		// ru
		'Регион',
		'Город',
		'Область',
		'Страна',
		'Округ',
		'Район',
		'Сегмент',
		'Категория',
		'Подкатегория',
		'Номенклатура',
		'Номенклатурная группа',
		'Группа',
		'Группа товаров',
		'Товарная группа',
		'Товар',
		'Продукт',
		'Бренд',
		'Подразделение',
		'Филиал',
		'Магазин',
		'Канал',
		'Канал продаж',
		'Склад',
		'Источник',
		'Воронка',
		'Направление',
		// ro
		'Regiune',
		'Țară',
		'Oraș',
		'Județ',
		'Zonă',
		'Segment',
		'Categorie',
		'Subcategorie',
		'Produs',
		'Grupă',
		'Marcă',
		'Canal',
		'Canal de vânzare',
		'Sursă',
		'Depozit',
		'Magazin',
		'Filială',
		'Departament'
	].map(headerKey)
);

/**
 * A header as the vocabulary compares it: lower case, without diacritics (ș/ş, ț/ţ, ё, й alike),
 * spaces and punctuation ('Sub-Category' = 'sub category' = 'SUBCATEGORY').
 */
export function headerKey(header: string): string {
	return header
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]/gu, '');
}

/** The header is a common dimension name (Region, Регион, Regiune…). */
export function isDimensionHeader(header: string): boolean {
	return VOCABULARY.has(headerKey(header));
}

/** How dimensions are matched across files: the trimmed name, case and spacing aside. */
export function dimensionKey(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2})?)?$/;
const PERCENT = /^[-+]?\d+([.,]\d+)?\s?%$/;

/** A number (in either decimal convention, currency signs allowed), a percentage or a date. */
function numberOrDate(v: string): boolean {
	return (
		DATE_LIKE.test(v) ||
		PERCENT.test(v) ||
		typeof parseDecimal(v, '.') !== 'string' ||
		typeof parseDecimal(v, ',') !== 'string'
	);
}

/**
 * The columns not mapped to a role that the mapping step can offer to keep as dimensions, in file
 * order: named text columns. A column is not offered when it has no header, repeats the name of
 * one offered before it, or when its sampled non-empty values are nearly all numbers or dates, or
 * all empty (unless its header is a common dimension name: a numbered warehouse is still a
 * warehouse).
 */
export function suggestDimensions(
	header: readonly string[],
	sampleRows: readonly (readonly string[])[],
	mapping: ColumnMapping
): DimensionSuggestion[] {
	const taken = new Set(Object.values(mapping).filter((c) => c >= 0));
	const names = new Set<string>();
	const out: DimensionSuggestion[] = [];
	for (let c = 0; c < header.length; c++) {
		const name = (header[c] ?? '').trim();
		if (taken.has(c) || name === '' || names.has(dimensionKey(name))) continue;
		const values: string[] = [];
		for (const r of sampleRows) {
			const v = (r[c] ?? '').trim();
			if (v !== '') values.push(v);
		}
		const known = isDimensionHeader(name);
		const numeric = values.filter(numberOrDate).length;
		if (!known && (values.length === 0 || numeric >= NUMERIC_SHARE * values.length)) continue;
		const distinct = new Set(values).size;
		const likelyId = values.length >= ID_MIN_SAMPLE && distinct >= ID_DISTINCT_SHARE * values.length;
		names.add(dimensionKey(name));
		out.push({
			column: c,
			name,
			distinctInSample: distinct,
			sampleSize: sampleRows.length,
			// a column with one value in the sample (Country of a one-country shop) slices nothing;
			// empty cells beside one value do (filled vs "(empty)")
			preTicked: known && !likelyId && distinct + (values.length < sampleRows.length ? 1 : 0) >= 2,
			likelyId
		});
	}
	return out;
}

/** The columns kept as dimensions when the user has not chosen: the pre-ticked suggestions. */
export function defaultDimensions(
	header: readonly string[],
	sampleRows: readonly (readonly string[])[],
	mapping: ColumnMapping
): number[] {
	return suggestDimensions(header, sampleRows, mapping)
		.filter((s) => s.preTicked)
		.map((s) => s.column);
}

/** The chosen dimension columns that are still free: a column mapped to a role since is left out. */
export function freeDimensions(columns: readonly number[], mapping: ColumnMapping): number[] {
	const taken = new Set(Object.values(mapping).filter((c) => c >= 0));
	return columns.filter((c, i) => c >= 0 && !taken.has(c) && columns.indexOf(c) === i);
}
