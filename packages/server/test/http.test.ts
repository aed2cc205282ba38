// Cross-cutting HTTP behaviour: CORS per space, rate limits, and what an unexpected failure shows.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createBooking, getSpace, requestSignInCode } from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

for (const kind of testDatabases()) {
  describe(`HTTP behaviour (${kind})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(kind, { rateLimits: { signIn: 3, guestCreate: 2 } });
      await seedSpace(server, spaceFixture('la-ruche'), ['https://la-ruche.example']);
      await seedSpace(server, spaceFixture('le-phare'), []);
    });

    const preflight = (path: string, origin: string) =>
      fetch(`${server.url}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' } });

    test("a space's listed origin may call its API from a browser", async () => {
      const answer = await preflight('/spaces/la-ruche/bookings', 'https://la-ruche.example');
      assert.equal(answer.headers.get('access-control-allow-origin'), 'https://la-ruche.example');
      assert.match(answer.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
      const read = await fetch(`${server.url}/spaces/la-ruche`, { headers: { origin: 'https://la-ruche.example' } });
      assert.equal(read.headers.get('access-control-allow-origin'), 'https://la-ruche.example');
      assert.match(read.headers.get('access-control-expose-headers') ?? '', /ETag/i);
    });

    test('an origin a space does not list gets no CORS grant, not even one listed by another space', async () => {
      const stranger = await preflight('/spaces/la-ruche/bookings', 'https://elsewhere.example');
      assert.equal(stranger.headers.get('access-control-allow-origin'), null);
      const otherSpace = await preflight('/spaces/le-phare/bookings', 'https://la-ruche.example');
      assert.equal(otherSpace.headers.get('access-control-allow-origin'), null);
      assert.equal(otherSpace.headers.get('access-control-allow-credentials'), null);
    });

    test("a change to a space's allowed origins applies to the next request", async () => {
      const origin = 'https://new-site.example';
      await seedSpace(server, spaceFixture('la-grange'), []);
      assert.equal((await preflight('/spaces/la-grange/bookings', origin)).headers.get('access-control-allow-origin'), null);
      await seedSpace(server, spaceFixture('la-grange'), [origin]);
      assert.equal((await preflight('/spaces/la-grange/bookings', origin)).headers.get('access-control-allow-origin'), origin);
    });

    test('the discovery document is readable from any origin', async () => {
      const answer = await fetch(`${server.url}/.well-known/coworking-commons`, { headers: { origin: 'https://anywhere.example' } });
      assert.equal(answer.headers.get('access-control-allow-origin'), 'https://anywhere.example');
    });

    test('sign-in code requests are rate-limited per address, with Retry-After', async () => {
      for (let i = 0; i < 3; i++) await requestSignInCode(server.client(), { path: { spaceId: 'la-ruche' }, body: { email: `x${i}@example.org` } });
      const error = await requestSignInCode(server.client(), { path: { spaceId: 'la-ruche' }, body: { email: 'x9@example.org' } }).catch((e) => e);
      assert.equal(error.status, 429);
      assert.equal(error.type, 'urn:coworking-commons:problem:rate-limited');
      assert.ok(Number(error.response.headers.get('retry-after')) > 0);
      const unaffected = await getSpace(server.client(), { path: { spaceId: 'la-ruche' } });
      assert.equal(unaffected.status, 200, 'other operations are not limited by it');
    });

    test('guest bookings are rate-limited per address', async () => {
      const body = { resourceId: 'rs_none', start: '2027-01-05T09:00:00Z', end: '2027-01-05T10:00:00Z', guest: { name: 'G', email: 'g@example.org' } };
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(await createBooking(server.client(), { path: { spaceId: 'la-ruche' }, body }).then((r) => r.status, (e) => e.status));
      }
      assert.notEqual(statuses[0], 429);
      assert.equal(statuses[2], 429);
    });
  });

  describe(`unexpected failures (${kind})`, () => {
    test('an unexpected failure answers a plain 500 problem: no stack trace, no SQL', async () => {
      const server = await startTestServer(kind);
      await seedSpace(server);
      await server.store.db.schema.dropTable('idempotency_keys').execute();
      const answer = await fetch(`${server.url}/spaces/la-ruche/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'a-key-of-sorts-1' },
        body: JSON.stringify({ resourceId: 'rs_x', start: '2027-01-05T09:00:00Z', end: '2027-01-05T10:00:00Z', guest: { name: 'G', email: 'g@example.org' } }),
      });
      const text = await answer.text();
      assert.equal(answer.status, 500);
      assert.equal(JSON.parse(text).type, 'urn:coworking-commons:problem:internal');
      assert.doesNotMatch(text, /idempotency_keys|select|insert|no such table|relation|at \w+ \(|\.ts:\d+/i);
    });
  });
}
