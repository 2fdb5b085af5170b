/**
 * Reading a backup file: decodes it (backup-format.ts) and checks every part of the document before
 * anything is written, refusing a foreign, corrupt or newer file with a BackupError.
 */
import type { Dossier, Prospect } from '../engine/crm-types';
import type { SalesColumns } from '../engine/types';
import type { DatasetMeta, SettingRecord, Workspace } from './db';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, decodeBackup, type TypedArray } from './backup-format';

/** A backup file checked to the last value: safe to restore as it is. */
export interface ParsedBackup {
	workspace: Workspace;
	datasets: { meta: DatasetMeta; columns: SalesColumns }[];
	prospects: Prospect[];
	dossiers: Dossier[];
	settings: SettingRecord[];
	/** ms since epoch */
	createdAt: number;
	/** db.verno of the database the backup was made from (informational) */
	schemaVersion: number;
}

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
	if (v.discount !== undefined) typedOf(v.discount, Float64Array, n, `${where}.discount`);
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
	// absent in backups of datasets stored before dimensions existed
	if (v.dimensions !== undefined) validateDimensions(v.dimensions, n, `${where}.dimensions`);
	return v as unknown as SalesColumns;
}

function validateDimensions(v: unknown, rows: number, where: string): void {
	if (!Array.isArray(v)) return corrupt(`${where}: expected array`);
	v.forEach((d: unknown, i) => {
		if (!isObj(d) || typeof d.name !== 'string') return corrupt(`${where}[${i}].name: expected string`);
		if (!isStrArray(d.values)) corrupt(`${where}[${i}].values: expected strings`);
		const codes = typedOf(d.codes, Uint16Array, rows, `${where}[${i}].codes`);
		const count = (d.values as string[]).length;
		for (let r = 0; r < codes.length; r++) if (codes[r] >= count) corrupt(`${where}[${i}].codes[${r}]: out of range`);
	});
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
	const dims = v.dimensions;
	if (
		dims !== undefined &&
		dims !== null &&
		!(Array.isArray(dims) && dims.every((d) => isObj(d) && typeof d.name === 'string' && isInt(d.values)))
	)
		corrupt(`${where}.dimensions`);
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

/**
 * Reads and fully validates a backup file (gzip or plain JSON). Anything else throws a
 * BackupError: 'not-a-backup' (not JSON, or JSON without our format marker), 'corrupt' (damaged
 * gzip, truncated or inconsistent backup), 'newer-version' (made by a newer app).
 */
export async function readBackup(file: Blob): Promise<ParsedBackup> {
	const { doc, tagErrors } = await decodeBackup(file);
	return validate(doc, tagErrors);
}
