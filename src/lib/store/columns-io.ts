import type { DimensionColumn, SalesColumns } from '../engine/types';
import type { ParetoscopeDb } from './db';

/**
 * Column storage. Chromium refuses an IndexedDB record over ~127 MiB, and a 5M-row dataset's
 * columns are larger, so big datasets are split by rows into chunk records of CHUNK_ROWS each;
 * small ones stay one record as before. The chunks are written one after the other: while one is
 * copied into the database the worker cannot answer, so they are small enough (a few tens of ms)
 * for the page's requests after an import (the customer table's first page) to come in between.
 * Reading takes chunks of any size, so datasets stored with other chunk sizes open as before. Dimension codes are row arrays too: chunked alike, while
 * their names and values stay in the head record. Call these inside a transaction that includes
 * db.columns and db.chunks so a dataset is written, read or deleted as a whole.
 */
export const CHUNK_ROWS = 250_000;

const ROW_ARRAYS = ['customer', 'amount', 'quantity', 'profit', 'date', 'order', 'discount'] as const;
type RowArray = (typeof ROW_ARRAYS)[number];
type Typed = Float64Array | Int32Array;

export interface ColumnChunk {
	datasetId: number;
	part: number;
	arrays: Partial<Record<RowArray, Typed>>;
	/** per dimension (in the head's order): its codes of the chunk's rows; absent without dimensions */
	dimensions?: Uint16Array[];
}

export async function writeColumns(db: ParetoscopeDb, datasetId: number, columns: SalesColumns): Promise<void> {
	if (columns.rowCount <= CHUNK_ROWS) {
		await db.columns.add({ datasetId, columns });
		return;
	}
	const head = { ...columns } as SalesColumns & { chunked?: { parts: number } };
	const parts = Math.ceil(columns.rowCount / CHUNK_ROWS);
	for (const k of ROW_ARRAYS) {
		const a = columns[k] as Typed | undefined;
		if (a) (head as unknown as Record<string, Typed>)[k] = new (a.constructor as new (n: number) => Typed)(0);
	}
	if (columns.dimensions) {
		head.dimensions = columns.dimensions.map((d) => ({ ...d, codes: new Uint16Array(0) }));
	}
	head.chunked = { parts };
	await db.columns.add({ datasetId, columns: head });
	for (let part = 0; part < parts; part++) {
		const from = part * CHUNK_ROWS;
		const to = Math.min(columns.rowCount, from + CHUNK_ROWS);
		const arrays: ColumnChunk['arrays'] = {};
		for (const k of ROW_ARRAYS) {
			const a = columns[k] as Typed | undefined;
			if (a) arrays[k] = a.slice(from, to);
		}
		const chunk: ColumnChunk = { datasetId, part, arrays };
		if (columns.dimensions?.length) chunk.dimensions = columns.dimensions.map((d) => d.codes.slice(from, to));
		await db.chunks.add(chunk);
	}
}

export async function readColumns(db: ParetoscopeDb, datasetId: number): Promise<SalesColumns | null> {
	const rec = await db.columns.get(datasetId);
	if (!rec) return null;
	const head = rec.columns as SalesColumns & { chunked?: { parts: number } };
	if (!head.chunked) return head;
	const chunks = await db.chunks.where('datasetId').equals(datasetId).sortBy('part');
	if (chunks.length !== head.chunked.parts) throw new Error(`Dataset ${datasetId} is incomplete in storage.`);
	const { chunked: _parts, ...columns } = head;
	for (const k of ROW_ARRAYS) {
		const first = chunks[0].arrays[k];
		if (!first) continue;
		const whole = new (first.constructor as new (n: number) => Typed)(head.rowCount);
		let at = 0;
		for (const c of chunks) {
			const a = c.arrays[k]!;
			whole.set(a as never, at);
			at += a.length;
		}
		(columns as unknown as Record<string, Typed>)[k] = whole;
	}
	if (head.dimensions) columns.dimensions = head.dimensions.map((d, i) => joinCodes(d, i, chunks, head.rowCount));
	return columns;
}

/** A dimension of a chunked dataset with its codes gathered from the chunks. */
function joinCodes(d: DimensionColumn, i: number, chunks: ColumnChunk[], rows: number): DimensionColumn {
	const codes = new Uint16Array(rows);
	let at = 0;
	for (const c of chunks) {
		const part = c.dimensions?.[i];
		if (!part) throw new Error(`Dimension "${d.name}" is incomplete in storage.`);
		codes.set(part, at);
		at += part.length;
	}
	return { ...d, codes };
}

export async function deleteColumns(db: ParetoscopeDb, datasetIds: number[]): Promise<void> {
	await db.columns.bulkDelete(datasetIds);
	for (const id of datasetIds) await db.chunks.where('datasetId').equals(id).delete();
}
