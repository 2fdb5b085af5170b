/**
 * "Show as SQL" on a real PostgreSQL server (issue 16): the PostgreSQL form of the query, run on a
 * server of its own (postgres-server.ts: initdb into a temporary directory, a Unix socket only,
 * the fixture rows loaded with COPY), gives customer by customer the engine's result for every
 * setting the DuckDB run covers (sql-suite.ts). Without PostgreSQL installed this test fails; .ci/run
 * installs Debian's package.
 */
import { describe, expect, it } from 'vitest';
import { postgresEngine } from './sql-harness';
import { postgresBinaries } from './postgres-server';
import { describeSqlComparisons } from './sql-suite';

it('PostgreSQL is installed (initdb, postgres, psql)', () => {
	const bin = postgresBinaries();
	expect(bin.initdb).toMatch(/initdb$/);
	expect(bin.postgres).toMatch(/postgres$/);
});

describe('the PostgreSQL form gives the engine result on PostgreSQL', () => {
	describeSqlComparisons(async () => {
		const engine = await postgresEngine();
		expect(engine.version).toMatch(/^PostgreSQL \d+/);
		return engine;
	}, ['postgres']);
});
