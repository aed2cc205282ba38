import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type DatabaseKind = 'sqlite' | 'postgres';

/**
 * The databases the suite runs against: SQLite always, PostgreSQL when
 * COWORK_TEST_POSTGRES_URL names a server where databases may be created (.ci/postgres.sh sets
 * it). In CI a missing PostgreSQL is an error, never a silent skip.
 */
export function testDatabases(): DatabaseKind[] {
  if (process.env.COWORK_TEST_POSTGRES_URL) return ['sqlite', 'postgres'];
  if (process.env.CI) throw new Error('CI must run the server tests on PostgreSQL too: set COWORK_TEST_POSTGRES_URL (see .ci/postgres.sh).');
  return ['sqlite'];
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database of the given kind, dropped afterwards. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cowork-test-'));
    return { url: join(dir, 'test.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.COWORK_TEST_POSTGRES_URL!;
  const name = `cowork_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      // A pool's end() resolves before its connections have closed; FORCE would then terminate one
      // that is closing, whose client, no longer the pool's, throws that error uncaught.
      for (let waited = 0; waited < 5_000; waited += 20) {
        const { rows } = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
