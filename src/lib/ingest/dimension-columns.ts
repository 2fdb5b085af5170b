/**
 * The dimension columns of an import (README "Dimensions and filters"): per dimension a dictionary
 * of its values and a growing Uint16 code column, one code per sales row. A dimension is a header
 * name, matched across files case- and spacing-insensitively (the first spelling is kept); rows of
 * a file without it get the code of '' (an empty cell). A dimension whose dictionary would hold
 * more than MAX_DIMENSION_VALUES values (an id) is dropped, its arrays freed, and named in the
 * report. Used by SalesBuilder (build.ts), with the same part/absorb pair for the two-worker split.
 */
import { MAX_DIMENSION_VALUES, type DimensionColumn } from '../engine/types';
import { Dictionary } from './builder-columns';
import { cellOf } from './cells';
import { dimensionKey } from './dimensions';
import { Growable } from './growable';

/** One dimension as a builder read it, for another builder to absorb (`dropped`: over the limit, no codes). */
export interface DimensionPart {
	name: string;
	values: string[];
	codes: Uint16Array;
	dropped: boolean;
}

class Dimension {
	values: Dictionary | null = new Dictionary();
	codes: Growable<Uint16Array> | null = new Growable(Uint16Array);
	constructor(
		readonly name: string,
		readonly key: string
	) {}

	/** The code of `value`; -1 (and the dimension is dropped) when it is one value too many. */
	code(value: string): number {
		const c = this.values!.id(value);
		if (c < MAX_DIMENSION_VALUES) return c;
		this.drop();
		return -1;
	}

	drop(): void {
		this.values = null;
		this.codes = null;
	}

	/** Appends `count` rows of empty cells. */
	fillEmpty(count: number): void {
		if (count === 0 || !this.codes) return;
		const empty = this.code('');
		if (empty >= 0) this.codes.append(new Uint16Array(count).fill(empty));
	}
}

export class DimensionColumns {
	/** in the order they were first chosen */
	private readonly all: Dimension[] = [];
	private readonly byKey = new Map<string, number>();
	/** per dimension: its column in the current file, or -1 */
	private sources: number[] = [];
	private rows = 0;

	/** The current file keeps `columns` (indices into `header`) as dimensions. */
	beginFile(header: readonly string[], columns: readonly number[] | undefined): void {
		this.sources = this.all.map(() => -1);
		for (const c of columns ?? []) {
			const i = this.dimensionOf((header[c] ?? '').trim());
			// a second column of the same name in one file: the first one is the dimension
			if (i >= 0 && this.sources[i] === -1) this.sources[i] = c;
		}
	}

	/** The index of the dimension named `name`, created (its earlier rows empty) when new; -1 for no name. */
	private dimensionOf(name: string): number {
		if (name === '') return -1;
		const key = dimensionKey(name);
		let i = this.byKey.get(key);
		if (i === undefined) {
			i = this.all.length;
			const d = new Dimension(name, key);
			d.fillEmpty(this.rows);
			this.all.push(d);
			this.byKey.set(key, i);
			this.sources.push(-1);
		}
		return i;
	}

	/** Adds one sales row read from `fields`. */
	push(fields: readonly string[]): void {
		for (let i = 0; i < this.all.length; i++) {
			const d = this.all[i];
			if (!d.codes) continue;
			const c = d.code(cellOf(fields, this.sources[i]));
			if (c >= 0) d.codes.push(c);
		}
		this.rows++;
	}

	/** What was read here, for a builder that read the rows before (`absorb`). */
	part(): DimensionPart[] {
		return this.all.map((d) => ({
			name: d.name,
			values: d.values ? [...d.values.values] : [],
			codes: d.codes ? d.codes.toArray() : new Uint16Array(0),
			dropped: !d.codes
		}));
	}

	/**
	 * Appends `rows` rows another builder read (their dimensions in `part`), remapping their codes
	 * to this builder's dictionaries: values get their codes in the order the rows name them, as if
	 * read here. A dimension of this builder the part lacks gets empty cells.
	 */
	absorb(part: readonly DimensionPart[], rows: number): void {
		const parts = new Map<number, DimensionPart>();
		for (const p of part) parts.set(this.dimensionOf(p.name), p);
		for (let i = 0; i < this.all.length; i++) {
			const d = this.all[i];
			const p = parts.get(i);
			if (!d.codes) continue;
			if (!p) d.fillEmpty(rows);
			else if (p.dropped) d.drop();
			else {
				const map = new Uint16Array(p.values.length);
				for (let j = 0; j < p.values.length && d.codes; j++) map[j] = d.code(p.values[j]);
				if (!d.codes) continue;
				const codes = new Uint16Array(p.codes.length);
				for (let r = 0; r < codes.length; r++) codes[r] = map[p.codes[r]];
				d.codes.append(codes);
			}
		}
		this.rows += rows;
	}

	/** The kept dimensions, in the order chosen. */
	finish(): DimensionColumn[] {
		return this.all.flatMap((d) =>
			d.codes && d.values ? [{ name: d.name, values: [...d.values.values], codes: d.codes.toArray() }] : []
		);
	}

	/** Names of the dimensions dropped for having too many values, in the order chosen. */
	dropped(): string[] {
		return this.all.filter((d) => !d.codes).map((d) => d.name);
	}
}
