// GET /healthz: what a load balancer asks each instance, on both databases.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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
