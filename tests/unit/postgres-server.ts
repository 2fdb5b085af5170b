/**
 * A throwaway PostgreSQL server for tests: `initdb` into a temporary directory and `postgres`
 * listening on a Unix socket only (no TCP), as an unprivileged user when the tests run as root
 * (PostgreSQL refuses root). The server dies with the test process (parent-death signal) and
 * `stop()` shuts it down and removes its files. Queries go through `psql` (CSV output).
 *
 * Binaries: $PG_BIN, else `initdb` / `postgres` on PATH, else Debian's /usr/lib/postgresql/<N>/bin
 * (the newest). Missing binaries are an error, never a skip: .ci/run installs Debian's package.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	chownSync,
	chmodSync,
	createReadStream,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import Papa from 'papaparse';

const onPath = (name: string) =>
	(process.env.PATH ?? '')
		.split(delimiter)
		.map((dir) => join(dir, name))
		.find((p) => existsSync(p));

/** initdb, postgres and psql, or an error saying how to install them. */
export function postgresBinaries(): { initdb: string; postgres: string; psql: string } {
	const dirs: string[] = [];
	if (process.env.PG_BIN) dirs.push(process.env.PG_BIN);
	const initdb = onPath('initdb');
	const postgres = onPath('postgres');
	if (initdb && postgres) return { initdb, postgres, psql: onPath('psql') ?? join(initdb, '..', 'psql') };
	const debian = '/usr/lib/postgresql';
	if (existsSync(debian))
		dirs.push(
			...readdirSync(debian)
				.filter((v) => /^\d+$/.test(v))
				.sort((a, b) => Number(b) - Number(a))
				.map((v) => join(debian, v, 'bin'))
		);
	for (const dir of dirs) {
		if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')))
			return {
				initdb: join(dir, 'initdb'),
				postgres: join(dir, 'postgres'),
				psql: existsSync(join(dir, 'psql')) ? join(dir, 'psql') : (onPath('psql') ?? 'psql')
			};
	}
	throw new Error(
		'PostgreSQL not found (initdb and postgres on PATH, $PG_BIN or /usr/lib/postgresql/<N>/bin): ' +
			'install it with `apt-get install -y postgresql` (.ci/run does)'
	);
}

/** Runs a command to its end within `ms`; rejects with its output when it fails. */
function run(cmd: string, args: string[], opts: { input?: string | NodeJS.ReadableStream; ms: number; cwd?: string }) {
	return new Promise<string>((resolve, reject) => {
		const child = spawn(cmd, args, { cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (b: Buffer) => out.push(b));
		child.stderr.on('data', (b: Buffer) => err.push(b));
		const timer = setTimeout(() => child.kill('SIGKILL'), opts.ms);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const stderr = Buffer.concat(err).toString('utf8');
			if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
			else
				reject(new Error(`${cmd} ${signal ? `killed (${signal}, over ${opts.ms} ms)` : `exited ${code}`}: ${stderr}`));
		});
		child.stdin.on('error', () => {});
		if (typeof opts.input === 'string') child.stdin.end(opts.input);
		else if (opts.input) opts.input.pipe(child.stdin);
		else child.stdin.end();
	});
}

export interface PostgresServer {
	/** "PostgreSQL 15.18 …" */
	version: string;
	/** rows of a query as text values ('' for NULL), by column name, and the column names */
	query(sql: string): Promise<{ columns: string[]; rows: Record<string, string>[] }>;
	/** runs statements, output ignored */
	exec(sql: string): Promise<void>;
	/** `COPY table FROM STDIN (FORMAT csv, HEADER true)` with the file as input */
	copyCsv(table: string, file: string): Promise<void>;
	stop(): Promise<void>;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Starts a server (about a second); every step is time-limited. */
export async function startPostgres(): Promise<PostgresServer> {
	const bin = postgresBinaries();
	const root = process.getuid?.() === 0;
	// as root, the server runs as the `postgres` user (Debian's package creates it), else `nobody`
	let uid = process.getuid?.() ?? 0;
	let gid = process.getgid?.() ?? 0;
	if (root) {
		const user = spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody';
		uid = Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
		gid = Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
	}
	const setpriv = onPath('setpriv') ?? (existsSync('/usr/bin/setpriv') ? '/usr/bin/setpriv' : undefined);
	if (root && !setpriv) throw new Error('setpriv (util-linux) is needed to run PostgreSQL as root');
	// the server gets SIGQUIT (immediate shutdown) if the test process dies first
	const as = (cmd: string, args: string[]): [string, string[]] =>
		setpriv
			? [
					setpriv,
					[...(root ? [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups'] : []), '--pdeathsig', 'QUIT', cmd, ...args]
				]
			: [cmd, args];

	const base = mkdtempSync(join(tmpdir(), 'paretoscope-pg-'));
	const data = join(base, 'data');
	const socket = join(base, 'socket');
	mkdirSync(socket);
	chmodSync(base, 0o700);
	if (root) for (const p of [base, socket]) chownSync(p, uid, gid);
	let server: ChildProcess | null = null;
	const log: string[] = [];

	const stop = async () => {
		const child = server;
		server = null;
		if (child && child.exitCode === null && child.signalCode === null) {
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.kill('SIGINT'); // fast shutdown
			const killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(killTimer);
		}
		rmSync(base, { recursive: true, force: true });
	};

	try {
		await run(
			...as(bin.initdb, [
				'-D',
				data,
				'-U',
				'postgres',
				'--auth=trust',
				'--encoding=UTF8',
				'--locale=C.UTF-8',
				'--no-sync'
			]),
			{ ms: 60_000, cwd: base }
		);
		const [cmd, args] = as(bin.postgres, [
			'-D',
			data,
			'-k',
			socket,
			'-p',
			'5432',
			'-c',
			'listen_addresses=',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'shared_buffers=32MB',
			'-c',
			'max_connections=20',
			'-c',
			'statement_timeout=60s',
			'-c',
			'dynamic_shared_memory_type=mmap'
		]);
		const child = spawn(cmd, args, { cwd: base, stdio: ['ignore', 'pipe', 'pipe'] });
		server = child;
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start in 30 s:\n${log.join('')}`)), 30_000);
			const onData = (b: Buffer) => {
				log.push(b.toString('utf8'));
				if (/database system is ready to accept connections/.test(log.join(''))) {
					clearTimeout(timer);
					resolve();
				}
			};
			child.stdout!.on('data', onData);
			child.stderr!.on('data', onData);
			child.once('error', (e) => {
				clearTimeout(timer);
				reject(e);
			});
			child.once('exit', (code, signal) => {
				clearTimeout(timer);
				reject(new Error(`PostgreSQL exited (${code ?? signal}) while starting:\n${log.join('')}`));
			});
		});
		// after start, keep only the last lines of the log (for error messages)
		child.stdout!.removeAllListeners('data');
		child.stderr!.removeAllListeners('data');
		const keep = (b: Buffer) => {
			log.push(b.toString('utf8'));
			if (log.length > 50) log.splice(0, log.length - 50);
		};
		child.stdout!.on('data', keep);
		child.stderr!.on('data', keep);
	} catch (e) {
		await stop();
		throw e;
	}

	const psql = (extra: string[], input: string | NodeJS.ReadableStream) =>
		run(
			bin.psql,
			['-X', '-q', '-h', socket, '-p', '5432', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', ...extra],
			{ input, ms: 60_000 }
		);
	const query = async (sql: string) => {
		const text = await psql(['--csv', '-f', '-'], sql);
		const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter: ',', skipEmptyLines: true });
		if (parsed.errors.length > 0) throw new Error(`psql output: ${parsed.errors[0].message}`);
		return { columns: parsed.meta.fields ?? [], rows: parsed.data };
	};
	let version: string;
	try {
		version = (await query('SELECT version() AS v')).rows[0].v;
	} catch (e) {
		await stop();
		throw e;
	}
	return {
		version,
		query,
		exec: async (sql) => {
			await psql(['-f', '-'], sql);
		},
		copyCsv: async (table, file) => {
			await psql(['-c', `COPY ${ident(table)} FROM STDIN WITH (FORMAT csv, HEADER true)`], createReadStream(file));
		},
		stop
	};
}
