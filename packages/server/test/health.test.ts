// GET /healthz: what a load balancer asks each instance, on both databases.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { testDatabases } from './support/databases.ts';
import { startTestServer } from './support/test-server.ts';

for (const kind of testDatabases()) {
  describe(`health check (${kind})`, () => {
    test('passes while the database answers, and fails with 503 once it does not', async () => {
      const server = await startTestServer(kind);
      const healthy = await fetch(`${server.url}/healthz`);
      assert.equal(healthy.status, 200);
      assert.equal(healthy.headers.get('content-type'), 'application/health+json; charset=utf-8');
      assert.equal(healthy.headers.get('cache-control'), 'no-store');
      const body = await healthy.json();
      assert.equal(body.status, 'pass');
      const [database] = body.checks['database:responseTime'];
      assert.equal(database.componentId, kind);
      assert.equal(database.status, 'pass');
      assert.equal(database.observedUnit, 'ms');
      assert.ok(Number.isInteger(database.observedValue) && database.observedValue >= 0);

      // The database goes away under the running server (the store closes it twice: harmless).
      await server.store.close();
      const failing = await fetch(`${server.url}/healthz`);
      assert.equal(failing.status, 503);
      const failure = await failing.json();
      assert.equal(failure.status, 'fail');
      assert.equal(failure.output, 'The database does not answer.');
      assert.equal(failure.checks['database:responseTime'][0].status, 'fail');
    });
  });
}

if (testDatabases().includes('postgres')) {
  describe('health check (postgres, connections ended by the server)', () => {
    test('a server whose idle connections PostgreSQL ends keeps running and answers with new ones', async () => {
      const server = await startTestServer('postgres');
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(server.store.db);
      const database = rows[0]!.name;
      const admin = new pg.Client({ connectionString: process.env.COWORK_TEST_POSTGRES_URL });
      await admin.connect();
      try {
        // As a restart or an administrator would: every connection of the server's, idle in its pool.
        const ended = await admin.query('SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
        assert.ok(ended.rows.length > 0 && ended.rows.every((row) => row.ended), 'the pool held connections, now ended');
      } finally {
        await admin.end();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await fetch(`${server.url}/healthz`);
      assert.equal(after.status, 200, 'answered on a new connection');
    });
  });
}
