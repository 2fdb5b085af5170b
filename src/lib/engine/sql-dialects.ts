/**
 * The SQL dialects "Show as SQL" writes (DuckDB, PostgreSQL, BigQuery, Spark SQL): each one's
 * identifier and string quoting, exact decimal literals and type names. The query itself is sql.ts.
 */

export type SqlDialect = 'duckdb' | 'postgres' | 'bigquery' | 'spark';

export const SQL_DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'bigquery', 'spark'];

export const SQL_DIALECT_NAMES: Record<SqlDialect, string> = {
	duckdb: 'DuckDB',
	postgres: 'PostgreSQL',
	bigquery: 'BigQuery',
	spark: 'Spark SQL'
};

/** What the query builder needs to know of a dialect. */
export interface Dialect {
	ident(name: string): string;
	str(value: string): string;
	/** exact decimal literal for a share given in ppm */
	fraction(ppm: number): string;
	text: string;
	rowDecimal: string;
	totalDecimal: string;
	/** casts for quantity and price before multiplying: narrow enough that the product keeps every decimal */
	qtyDecimal: string;
	priceDecimal: string;
	double: string;
	bigint: string;
	/** appended to the key in ORDER BY */
	collate: string;
	/** every match of the regular expression `pattern` (RE2 / Java / PostgreSQL syntax alike) replaced */
	replaceAll(expr: string, pattern: string, replacement: string): string;
	/** Unicode NFC of a text; Spark SQL has no such function and leaves the text as it is */
	nfc(expr: string): string;
}

const quoteDouble = (name: string) => `"${name.replace(/"/g, '""')}"`;
const stringStandard = (value: string) => `'${value.replace(/'/g, "''")}'`;
const stringBackslash = (value: string) =>
	`'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;

export const DIALECTS: Record<SqlDialect, Dialect> = {
	duckdb: {
		ident: quoteDouble,
		str: stringStandard,
		fraction: decimalText,
		text: 'VARCHAR',
		rowDecimal: 'DECIMAL(38, 9)',
		totalDecimal: 'DECIMAL(28, 9)',
		qtyDecimal: 'DECIMAL(18, 9)',
		priceDecimal: 'DECIMAL(19, 9)',
		double: 'DOUBLE',
		bigint: 'BIGINT',
		collate: '',
		replaceAll: (e, p, r) => `REGEXP_REPLACE(${e}, ${stringStandard(p)}, ${stringStandard(r)}, 'g')`,
		nfc: (e) => `NFC_NORMALIZE(${e})`
	},
	postgres: {
		ident: quoteDouble,
		str: stringStandard,
		fraction: decimalText,
		text: 'TEXT',
		rowDecimal: 'NUMERIC(38, 9)',
		totalDecimal: 'NUMERIC(28, 9)',
		qtyDecimal: 'NUMERIC(18, 9)',
		priceDecimal: 'NUMERIC(19, 9)',
		double: 'DOUBLE PRECISION',
		bigint: 'BIGINT',
		collate: ' COLLATE "C"',
		replaceAll: (e, p, r) => `REGEXP_REPLACE(${e}, ${stringStandard(p)}, ${stringStandard(r)}, 'g')`,
		// needs a UTF8 database (PostgreSQL 13+)
		nfc: (e) => `NORMALIZE(${e}, NFC)`
	},
	bigquery: {
		ident: (name) => '`' + name.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`',
		str: stringBackslash,
		// a plain 0.8 is FLOAT64 in BigQuery; BIGNUMERIC (38 decimals) keeps bound × total exact
		fraction: (ppm) => `BIGNUMERIC '${decimalText(ppm)}'`,
		text: 'STRING',
		rowDecimal: 'NUMERIC',
		totalDecimal: 'NUMERIC',
		// NUMERIC × NUMERIC is rounded to 9 decimals: the same as the exact product cast to NUMERIC
		qtyDecimal: 'NUMERIC',
		priceDecimal: 'NUMERIC',
		double: 'FLOAT64',
		bigint: 'INT64',
		collate: '',
		replaceAll: (e, p, r) => `REGEXP_REPLACE(${e}, ${stringBackslash(p)}, ${stringBackslash(r)})`,
		nfc: (e) => `NORMALIZE(${e}, NFC)`
	},
	spark: {
		ident: (name) => '`' + name.replace(/`/g, '``') + '`',
		str: stringBackslash,
		fraction: decimalText,
		text: 'STRING',
		rowDecimal: 'DECIMAL(38, 9)',
		totalDecimal: 'DECIMAL(28, 9)',
		qtyDecimal: 'DECIMAL(18, 9)',
		priceDecimal: 'DECIMAL(19, 9)',
		double: 'DOUBLE',
		bigint: 'BIGINT',
		collate: '',
		replaceAll: (e, p, r) => `REGEXP_REPLACE(${e}, ${stringBackslash(p)}, ${stringBackslash(r)})`,
		nfc: (e) => e
	}
};

/** ppm (parts per million, as the engine's `toPpm` rounds a share) → exact decimal text: 800000 → '0.8', 1 → '0.000001'. */
export function decimalText(ppm: number): string {
	const whole = Math.floor(ppm / 1_000_000);
	const part = String(ppm % 1_000_000)
		.padStart(6, '0')
		.replace(/0+$/, '');
	return part ? `${whole}.${part}` : String(whole);
}
