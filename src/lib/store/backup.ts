import type { Dossier, Prospect } from '../engine/crm-types';
import type { SalesColumns } from '../engine/types';
import { DEFAULT_WORKSPACE_ID, type DatasetMeta, type ParetoscopeDb, type SettingRecord, type Workspace } from './db';
import { deleteColumns, readColumns, writeColumns } from './columns-io';

/**
 * Whole-workspace backup: one file holding a workspace, its datasets (meta + columns), its
 * prospects and dossiers, and the (global) settings.
 *
 * File format (BACKUP_VERSION 1): a UTF-8 JSON document, gzip-compressed when the platform has
 * CompressionStream. `format` is the first key so a damaged file can still be recognised as ours.
 * Values JSON cannot carry are tagged objects:
 *   typed arrays        { "$typed": "Float64Array" | "Int32Array" | "Uint8Array" | …, "base64": "…" }
 *                       (the elements' bytes, little-endian, in standard base64)
 *   NaN / ±Infinity     { "$num": "NaN" | "Infinity" | "-Infinity" }
 *   Date                { "$date": <ms since epoch> }
 */
export const BACKUP_FORMAT = 'paretoscope-backup';
export const BACKUP_VERSION = 1;

export type BackupErrorCode = 'not-a-backup' | 'corrupt' | 'newer-version';

export class BackupError extends Error {
	code: BackupErrorCode;
	detail?: string;
	constructor(code: BackupErrorCode, detail?: string) {
		super(detail ? `${code}: ${detail}` : code);
		this.name = 'BackupError';
		this.code = code;
		this.detail = detail;
	}
}

export interface ParsedBackup {
	workspace: Workspace;
	datasets: { meta: DatasetMeta; columns: SalesColumns }[];
	prospects: Prospect[];
	dossiers: Dossier[];
	settings: SettingRecord[];
	createdAt: number;
	/** db.verno of the database the backup was made from (informational) */
	schemaVersion: number;
}

export interface RestorePlan {
	/** a workspace with the backup's id is already in the database */
	workspaceExists: boolean;
	/** backup datasets that look already present (same workspace, name, createdAt and rowCount): merge would add them a second time */
	conflictingDatasets: number;
	/** backup prospects whose id is already in the database: merge keeps the database's */
	conflictingProspects: number;
	/** backup dossiers whose id is already in the database: merge keeps the database's */
	conflictingDossiers: number;
	/** what 'replace' would delete first */
	existingDatasets: number;
	existingProspects: number;
	existingDossiers: number;
}

// ---------------------------------------------------------------------------------------------
// typed arrays ⇄ base64

type TypedArray =
	| Float64Array
	| Float32Array
	| Int32Array
	| Uint32Array
	| Int16Array
	| Uint16Array
	| Int8Array
	| Uint8Array
	| Uint8ClampedArray;

type TypedCtor = { new (buffer: ArrayBuffer): TypedArray; BYTES_PER_ELEMENT: number };

const TYPED: Record<string, TypedCtor> = {
	Float64Array,
	Float32Array,
	Int32Array,
	Uint32Array,
	Int16Array,
	Uint16Array,
	Int8Array,
	Uint8Array,
	Uint8ClampedArray
};

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function swapBytes(bytes: Uint8Array, width: number): void {
	if (width === 1) return;
	for (let i = 0; i < bytes.length; i += width) {
		for (let a = i, b = i + width - 1; a < b; a++, b--) {
			const t = bytes[a];
			bytes[a] = bytes[b];
			bytes[b] = t;
		}
	}
}

function typedName(v: unknown): string | null {
	if (!ArrayBuffer.isView(v) || v instanceof DataView) return null;
	const name = (v as TypedArray).constructor.name;
	return Object.hasOwn(TYPED, name) ? name : null;
}

const B64_CHUNK = 0x6000 * 3; // a multiple of 3, so chunk encodings concatenate

export function bytesToBase64(bytes: Uint8Array): string {
	const parts: string[] = [];
	for (let i = 0; i < bytes.length; i += B64_CHUNK) {
		const chunk = bytes.subarray(i, Math.min(i + B64_CHUNK, bytes.length));
		let s = '';
		for (let j = 0; j < chunk.length; j += 0x2000) {
			s += String.fromCharCode.apply(null, chunk.subarray(j, j + 0x2000) as unknown as number[]);
		}
		parts.push(btoa(s));
	}
	return parts.join('');
}

/** Strict: throws on anything that is not canonical padded base64. */
export function base64ToBytes(b64: string): Uint8Array {
	if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new Error('bad base64');
	const bin = atob(b64);
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}

function encodeTyped(name: string, arr: TypedArray): { $typed: string; base64: string } {
	let bytes = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
	if (!LITTLE_ENDIAN && arr.BYTES_PER_ELEMENT > 1) {
		bytes = bytes.slice();
		swapBytes(bytes, arr.BYTES_PER_ELEMENT);
	}
	return { $typed: name, base64: bytesToBase64(bytes) };
}

function decodeTyped(name: string, b64: string): TypedArray {
	const Ctor = TYPED[name];
	const bytes = base64ToBytes(b64); // a fresh, aligned buffer
	if (bytes.length % Ctor.BYTES_PER_ELEMENT !== 0) throw new Error('typed array byte length');
	if (!LITTLE_ENDIAN) swapBytes(bytes, Ctor.BYTES_PER_ELEMENT);
	return new Ctor(bytes.buffer as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// JSON encoding

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
	const raw = this[key];
	const t = typedName(raw);
	if (t) return encodeTyped(t, raw as TypedArray);
	if (raw instanceof Date) return { $date: raw.getTime() };
	if (typeof value === 'number' && !Number.isFinite(value)) return { $num: String(value) };
	if (
		raw instanceof Map ||
		raw instanceof Set ||
		raw instanceof ArrayBuffer ||
		raw instanceof DataView ||
		(typeof Blob !== 'undefined' && raw instanceof Blob)
	) {
		throw new Error(`A backup cannot hold a ${Object.prototype.toString.call(raw)} (at "${key}")`);
	}
	return value;
}

/** Parses with the tags decoded; a malformed tag is recorded (not thrown) so the format marker is judged first. */
function parseTagged(text: string): { doc: unknown; tagErrors: string[] } {
	const tagErrors: string[] = [];
	const bad = (what: string) => {
		tagErrors.push(what);
		return null;
	};
	const doc = JSON.parse(text, (_key, value: unknown) => {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
		const o = value as Record<string, unknown>;
		if ('$typed' in o) {
			if (
				Object.keys(o).length !== 2 ||
				typeof o.$typed !== 'string' ||
				!Object.hasOwn(TYPED, o.$typed) ||
				typeof o.base64 !== 'string'
			) {
				return bad('malformed typed array');
			}
			try {
				return decodeTyped(o.$typed, o.base64);
			} catch {
				return bad(`undecodable ${o.$typed}`);
			}
		}
		if ('$num' in o && Object.keys(o).length === 1) {
			if (o.$num === 'NaN') return NaN;
			if (o.$num === 'Infinity') return Infinity;
			if (o.$num === '-Infinity') return -Infinity;
			return bad('malformed number');
		}
		if ('$date' in o && Object.keys(o).length === 1) {
			return typeof o.$date === 'number' ? new Date(o.$date) : bad('malformed date');
		}
		return value;
	});
	return { doc, tagErrors };
}

// ---------------------------------------------------------------------------------------------
// export

async function gzip(bytes: Uint8Array): Promise<Blob | null> {
	if (typeof CompressionStream === 'undefined') return null;
	try {
		const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
		return new Blob([await new Response(stream).arrayBuffer()], { type: 'application/gzip' });
	} catch {
		return null;
	}
}

/** The whole workspace as one file (see the format at the top of this module). */
export async function exportWorkspace(db: ParetoscopeDb, workspaceId: string): Promise<Blob> {
	const data = await db.transaction(
		'r',
		[db.workspaces, db.datasets, db.columns, db.chunks, db.prospects, db.dossiers, db.settings],
		async () => {
			let workspace = await db.workspaces.get(workspaceId);
			if (!workspace) {
				// the app falls back to the default workspace even when its record is missing
				if (workspaceId !== DEFAULT_WORKSPACE_ID) throw new Error(`No workspace "${workspaceId}"`);
				workspace = { id: DEFAULT_WORKSPACE_ID, name: '', createdAt: 0 };
			}
			const metas = await db.datasets.where('workspaceId').equals(workspaceId).sortBy('createdAt');
			// a meta without columns (never written by saveDataset) cannot be restored: left out
			const datasets: { meta: DatasetMeta; columns: SalesColumns }[] = [];
			for (const meta of metas) {
				const columns = await readColumns(db, meta.id);
				if (columns) datasets.push({ meta, columns });
			}
			return {
				workspace,
				datasets,
				prospects: await db.prospects.where('workspaceId').equals(workspaceId).toArray(),
				dossiers: await db.dossiers.where('workspaceId').equals(workspaceId).toArray(),
				settings: await db.settings.toArray()
			};
		}
	);
	const doc = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		schemaVersion: db.verno,
		createdAt: Date.now(),
		...data
	};
	const bytes = new TextEncoder().encode(JSON.stringify(doc, replacer));
	return (await gzip(bytes)) ?? new Blob([bytes as BlobPart], { type: 'application/json' });
}

// ---------------------------------------------------------------------------------------------
// reading and validation

const corrupt = (detail: string): never => {
	throw new BackupError('corrupt', detail);
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj =>
	v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function need(
	o: Obj,
	where: string,
	fields: Record<string, 'string' | 'number' | 'int' | 'object' | 'array' | 'boolean'>
): void {
	for (const [f, kind] of Object.entries(fields)) {
		const v = o[f];
		const ok =
			kind === 'string'
				? typeof v === 'string'
				: kind === 'number'
					? isNum(v)
					: kind === 'int'
						? isInt(v)
						: kind === 'object'
							? isObj(v)
							: kind === 'array'
								? Array.isArray(v)
								: typeof v === 'boolean';
		if (!ok) corrupt(`${where}.${f}: expected ${kind}`);
	}
}

function typedOf<T extends TypedArray>(v: unknown, Ctor: new (n: number) => T, length: number, where: string): T {
	if (!(v instanceof Ctor)) return corrupt(`${where}: expected ${Ctor.name}`);
	if (v.length !== length) corrupt(`${where}: ${v.length} values, expected ${length}`);
	return v;
}

function validateColumns(v: unknown, where: string): SalesColumns {
	if (!isObj(v)) return corrupt(`${where}: expected object`);
	need(v, where, { rowCount: 'int', amountScale: 'int', quantityScale: 'int', profitScale: 'int' });
	const n = v.rowCount as number;
	if (n < 0) corrupt(`${where}.rowCount: negative`);
	if (!isStrArray(v.customerKeys)) corrupt(`${where}.customerKeys: expected strings`);
	if (!isStrArray(v.customerNames)) corrupt(`${where}.customerNames: expected strings`);
	const customers = (v.customerKeys as string[]).length;
	if ((v.customerNames as string[]).length !== customers) corrupt(`${where}.customerNames: length`);
	const customer = typedOf(v.customer, Int32Array, n, `${where}.customer`);
	for (let i = 0; i < n; i++) {
		if (customer[i] < 0 || customer[i] >= customers) corrupt(`${where}.customer[${i}]: out of range`);
	}
	typedOf(v.amount, Float64Array, n, `${where}.amount`);
	if (v.quantity !== undefined) typedOf(v.quantity, Float64Array, n, `${where}.quantity`);
	if (v.profit !== undefined) typedOf(v.profit, Float64Array, n, `${where}.profit`);
	if (v.date !== undefined) typedOf(v.date, Int32Array, n, `${where}.date`);
	// order codes were an Int32Array dictionary in the first datasets; both read the same way
	if (v.order instanceof Int32Array) typedOf(v.order, Int32Array, n, `${where}.order`);
	else if (v.order !== undefined) typedOf(v.order, Float64Array, n, `${where}.order`);
	if (v.managers !== undefined && !isStrArray(v.managers)) corrupt(`${where}.managers: expected strings`);
	if (v.customerManager !== undefined) {
		const cm = typedOf(v.customerManager, Int32Array, customers, `${where}.customerManager`);
		const m = (v.managers as string[] | undefined)?.length ?? 0;
		for (let i = 0; i < cm.length; i++)
			if (cm[i] < -1 || cm[i] >= m) corrupt(`${where}.customerManager[${i}]: out of range`);
	}
	return v as unknown as SalesColumns;
}

function validateMeta(v: unknown, where: string, workspaceId: string): DatasetMeta {
	if (!isObj(v)) return corrupt(`${where}: expected object`);
	need(v, where, {
		id: 'int',
		workspaceId: 'string',
		name: 'string',
		createdAt: 'number',
		files: 'array',
		rowCount: 'int',
		customerCount: 'int',
		has: 'object',
		report: 'object'
	});
	if (v.workspaceId !== workspaceId) corrupt(`${where}.workspaceId: not the backup's workspace`);
	const dr = v.dateRange;
	if (dr !== null && !(Array.isArray(dr) && dr.length === 2 && dr.every(isNum))) corrupt(`${where}.dateRange`);
	return v as unknown as DatasetMeta;
}

function validateOwned<T>(list: unknown, where: string, workspaceId: string, fields: Parameters<typeof need>[2]): T[] {
	if (!Array.isArray(list)) return corrupt(`${where}: expected array`);
	const ids = new Set<string>();
	list.forEach((r, i) => {
		if (!isObj(r)) corrupt(`${where}[${i}]: expected object`);
		need(r as Obj, `${where}[${i}]`, { id: 'string', workspaceId: 'string', ...fields });
		const o = r as Obj;
		if (o.workspaceId !== workspaceId) corrupt(`${where}[${i}].workspaceId: not the backup's workspace`);
		if (ids.has(o.id as string)) corrupt(`${where}[${i}].id: duplicate`);
		ids.add(o.id as string);
	});
	return list as T[];
}

function validate(doc: unknown, tagErrors: string[]): ParsedBackup {
	if (!isObj(doc) || doc.format !== BACKUP_FORMAT)
		throw new BackupError('not-a-backup', 'no Paretoscope backup format marker');
	if (!isInt(doc.version) || doc.version < 1) corrupt('version');
	if ((doc.version as number) > BACKUP_VERSION) {
		throw new BackupError('newer-version', `backup version ${doc.version}, this app reads up to ${BACKUP_VERSION}`);
	}
	if (tagErrors.length > 0) corrupt(tagErrors[0]);
	need(doc, 'backup', {
		schemaVersion: 'int',
		createdAt: 'number',
		workspace: 'object',
		datasets: 'array',
		prospects: 'array',
		dossiers: 'array',
		settings: 'array'
	});
	const ws = doc.workspace as Obj;
	need(ws, 'workspace', { id: 'string', name: 'string', createdAt: 'number' });
	const wsId = ws.id as string;

	const datasetIds = new Set<number>();
	const datasets = (doc.datasets as unknown[]).map((d, i) => {
		const where = `datasets[${i}]`;
		if (!isObj(d)) return corrupt(`${where}: expected object`);
		const meta = validateMeta(d.meta, `${where}.meta`, wsId);
		const columns = validateColumns(d.columns, `${where}.columns`);
		if (meta.rowCount !== columns.rowCount)
			corrupt(`${where}: meta.rowCount ${meta.rowCount} ≠ columns.rowCount ${columns.rowCount}`);
		if (datasetIds.has(meta.id)) corrupt(`${where}.meta.id: duplicate`);
		datasetIds.add(meta.id);
		return { meta, columns };
	});
	const prospects = validateOwned<Prospect>(doc.prospects, 'prospects', wsId, {
		company: 'string',
		criteria: 'object',
		createdAt: 'number',
		updatedAt: 'number'
	});
	const dossiers = validateOwned<Dossier>(doc.dossiers, 'dossiers', wsId, {
		customerKey: 'string',
		customerName: 'string',
		bonds: 'object',
		contacts: 'array',
		createdAt: 'number',
		updatedAt: 'number'
	});
	const keys = new Set<string>();
	const settings = (doc.settings as unknown[]).map((s, i) => {
		if (!isObj(s) || typeof s.key !== 'string' || !('value' in s)) return corrupt(`settings[${i}]`);
		if (keys.has(s.key)) corrupt(`settings[${i}].key: duplicate`);
		keys.add(s.key);
		return s as unknown as SettingRecord;
	});
	return {
		workspace: ws as unknown as Workspace,
		datasets,
		prospects,
		dossiers,
		settings,
		createdAt: doc.createdAt as number,
		schemaVersion: doc.schemaVersion as number
	};
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
	if (typeof DecompressionStream === 'undefined') throw new BackupError('corrupt', 'gzip is not supported here');
	try {
		const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
		return new Uint8Array(await new Response(stream).arrayBuffer());
	} catch (err) {
		throw new BackupError('corrupt', `gzip: ${err instanceof Error ? err.message : String(err)}`);
	}
}

const LOOKS_OURS = /^\s*\{\s*"format"\s*:\s*"paretoscope-backup"/;

/**
 * Reads and fully validates a backup file (gzip or plain JSON). Anything else throws a
 * BackupError: 'not-a-backup' (not JSON, or JSON without our format marker), 'corrupt' (damaged
 * gzip, truncated or inconsistent backup), 'newer-version' (made by a newer app).
 */
export async function readBackup(file: Blob): Promise<ParsedBackup> {
	let bytes: Uint8Array = new Uint8Array(await file.arrayBuffer());
	if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = await gunzip(bytes);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		throw new BackupError('not-a-backup', 'not UTF-8 text');
	}
	if (!/^\s*\{/.test(text)) throw new BackupError('not-a-backup', 'not a JSON object');
	let parsed: ReturnType<typeof parseTagged>;
	try {
		parsed = parseTagged(text);
	} catch {
		if (LOOKS_OURS.test(text)) throw new BackupError('corrupt', 'truncated or malformed JSON');
		throw new BackupError('not-a-backup', 'not valid JSON');
	}
	return validate(parsed.doc, parsed.tagErrors);
}

// ---------------------------------------------------------------------------------------------
// restore

const sameDataset = (a: DatasetMeta, b: DatasetMeta) =>
	a.workspaceId === b.workspaceId && a.name === b.name && a.createdAt === b.createdAt && a.rowCount === b.rowCount;

export async function planRestore(db: ParetoscopeDb, b: ParsedBackup): Promise<RestorePlan> {
	return db.transaction('r', [db.workspaces, db.datasets, db.prospects, db.dossiers], async () => {
		const wsId = b.workspace.id;
		const existing = await db.datasets.where('workspaceId').equals(wsId).toArray();
		const prospects = await db.prospects.bulkGet(b.prospects.map((p) => p.id));
		const dossiers = await db.dossiers.bulkGet(b.dossiers.map((d) => d.id));
		return {
			workspaceExists: (await db.workspaces.get(wsId)) !== undefined,
			conflictingDatasets: b.datasets.filter((d) => existing.some((e) => sameDataset(e, d.meta))).length,
			conflictingProspects: prospects.filter((p) => p !== undefined).length,
			conflictingDossiers: dossiers.filter((d) => d !== undefined).length,
			existingDatasets: existing.length,
			existingProspects: await db.prospects.where('workspaceId').equals(wsId).count(),
			existingDossiers: await db.dossiers.where('workspaceId').equals(wsId).count()
		};
	});
}

/**
 * Writes a parsed backup, all in one transaction (any failure changes nothing).
 * 'merge': adds the backup's datasets (with new ids) and the prospects, dossiers, settings and
 * workspace record whose ids are not in the database yet; nothing existing is overwritten.
 * 'replace': first deletes the workspace's datasets, prospects and dossiers, writes the backup's
 * workspace record, then adds as in 'merge' (records of other workspaces are never touched: a
 * prospect or dossier whose id is taken by another workspace is skipped).
 * Settings are global: in both modes only keys missing from the database are added.
 * Returns how many datasets, prospects and dossiers were written.
 */
export async function restoreBackup(
	db: ParetoscopeDb,
	b: ParsedBackup,
	mode: 'merge' | 'replace'
): Promise<{ datasets: number; prospects: number; dossiers: number }> {
	return db.transaction(
		'rw',
		[db.workspaces, db.datasets, db.columns, db.chunks, db.prospects, db.dossiers, db.settings],
		async () => {
			const wsId = b.workspace.id;
			if (mode === 'replace') {
				const ids = await db.datasets.where('workspaceId').equals(wsId).primaryKeys();
				await deleteColumns(db, ids);
				await db.datasets.bulkDelete(ids);
				await db.prospects.where('workspaceId').equals(wsId).delete();
				await db.dossiers.where('workspaceId').equals(wsId).delete();
				await db.workspaces.put(b.workspace);
			} else if (!(await db.workspaces.get(wsId))) {
				await db.workspaces.add(b.workspace);
			}

			for (const d of b.datasets) {
				const { id: _old, ...meta } = d.meta;
				const id = (await db.datasets.add(meta as DatasetMeta)) as number;
				await writeColumns(db, id, d.columns);
			}

			const addMissing = async <T extends { id: string }>(
				table: ParetoscopeDb['prospects'] | ParetoscopeDb['dossiers'],
				rows: T[]
			) => {
				const found = await table.bulkGet(rows.map((r) => r.id));
				const fresh = rows.filter((_, i) => found[i] === undefined);
				// add one by one so a failure rejects here (and aborts the transaction) with the record's own error
				for (const r of fresh) await (table as unknown as { add(r: T): Promise<unknown> }).add(r);
				return fresh.length;
			};
			const prospects = await addMissing(db.prospects, b.prospects);
			const dossiers = await addMissing(db.dossiers, b.dossiers);

			const found = await db.settings.bulkGet(b.settings.map((s) => s.key));
			for (const [i, s] of b.settings.entries()) if (found[i] === undefined) await db.settings.add(s);

			return { datasets: b.datasets.length, prospects, dossiers };
		}
	);
}

/**
 * The "Delete all my data" action: clears every table in one transaction and leaves the database
 * as a new one starts (only the empty default workspace, which the app always expects).
 */
export async function deleteAllData(db: ParetoscopeDb): Promise<void> {
	await db.transaction('rw', db.tables, async () => {
		for (const t of db.tables) await t.clear();
		await db.workspaces.add({ id: DEFAULT_WORKSPACE_ID, name: '', createdAt: Date.now() });
	});
}
