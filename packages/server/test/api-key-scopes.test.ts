import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createApiKey, createEvent, createMember, createPlan, createResource, listApiKeys, listMembers, listResources, type components } from '@coworking-commons/client';
import { loadSpec } from '../src/app.ts';
import { scopes, type Scope } from '../src/domain/scopes.ts';
import { operationScopes } from '../src/http/operation-scopes.ts';
import { issueApiKey } from '../src/services/api-keys.ts';
import { assertProblem, fail } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type ApiKeyScope = components['schemas']['ApiKeyScope'];

test('every operation open to staff names the scope it needs, one the server knows', () => {
  const spec = loadSpec();
  const needed = operationScopes(spec);
  const staffOperations = Object.values<any>(spec.paths)
    .flatMap((item) => Object.values<any>(item))
    .filter((operation) => operation?.security?.some((alternative: object) => 'staffKey' in alternative))
    .map((operation) => operation.operationId as string);
  assert.ok(staffOperations.length > 30);
  assert.deepEqual([...needed.keys()].sort(), [...staffOperations].sort());
  for (const scope of needed.values()) assert.ok(scopes.includes(scope));
  // The scopes the spec offers keys are the server's.
  assert.deepEqual(spec.components.schemas.ApiKeyScope.enum, [...scopes]);
});

for (const kind of testDatabases()) {
  describe(`API key scopes (${kind})`, () => {
    let server: TestServer;
    let adminKey: string;
    const spaceId = 'la-ruche';
    let n = 0;

    /** A key holding exactly `held`. */
    const keyWith = async (held: readonly Scope[]) => (await issueApiKey(server.deps, spaceId, `Scoped ${++n}`, { scopes: held })).secret;
    const allBut = (scope: Scope) => scopes.filter((s) => s !== scope);

    /** One write or read per scope, each needing that scope only. */
    const attempts: Record<Scope, (key: string) => Promise<{ status: number }>> = {
      read: (key) => listMembers(server.client(key), { path: { spaceId } }),
      bookings: (key) => createResource(server.client(key), { path: { spaceId }, body: { type: 'meeting_room', name: `Salle ${++n}`, capacity: 4 } }),
      members: (key) => createMember(server.client(key), { path: { spaceId }, body: { email: `person${++n}@example.org`, displayName: `Person ${n}` } }),
      events: (key) => createEvent(server.client(key), { path: { spaceId }, body: { title: 'Atelier', start: '2026-12-03T17:00:00Z', end: '2026-12-03T19:00:00Z' } }),
      billing: (key) => createPlan(server.client(key), { path: { spaceId }, body: { name: `Plan ${++n}`, price: { amount: 9000, currency: 'EUR' }, period: 'month' } }),
      admin: (key) => listApiKeys(server.client(key), { path: { spaceId } }),
    };

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey: adminKey } = await seedSpace(server));
    });

    for (const scope of scopes) {
      test(`the "${scope}" scope: a key holding it is let through, a key holding every other one is refused with 403 naming it`, async () => {
        const allowed = await attempts[scope](await keyWith([scope]));
        assert.ok(allowed.status >= 200 && allowed.status < 300, `status ${allowed.status}`);
        const error = await fail(attempts[scope](await keyWith(allBut(scope))));
        assertProblem(error, 403, 'forbidden');
        assert.match(error.problem.detail, new RegExp(`lacks the "${scope}" scope`));
      });
    }

    test('a refused key changes nothing', async () => {
      const before = await server.store.db.selectFrom('members').select('id').execute();
      await fail(attempts.members(await keyWith(['read'])));
      assert.equal((await server.store.db.selectFrom('members').select('id').execute()).length, before.length);
    });

    test('a key lacking "read" is refused even on an operation open to anyone, rather than seeing less or more', async () => {
      const key = await keyWith(['bookings']);
      assertProblem(await fail(listResources(server.client(key), { path: { spaceId } })), 403, 'forbidden');
      assert.equal((await listResources(server.client(), { path: { spaceId } })).status, 200, 'anonymously it is open');
    });

    test('a new key has the scopes asked for (in a stable order), every scope when none are asked for', async () => {
      const { data: some } = await createApiKey(server.client(adminKey), { path: { spaceId }, body: { name: 'Site', scopes: ['bookings', 'read'] } });
      assert.deepEqual(some.scopes, ['read', 'bookings']);
      const { data: all } = await createApiKey(server.client(adminKey), { path: { spaceId }, body: { name: 'Everything' } });
      assert.deepEqual(all.scopes, [...scopes]);
      const listed = (await listApiKeys(server.client(adminKey), { path: { spaceId }, query: { limit: 100 } })).data.items.find((k) => k.id === some.id);
      assert.deepEqual(listed?.scopes, ['read', 'bookings']);
      for (const body of [{ name: 'None', scopes: [] }, { name: 'Twice', scopes: ['read', 'read'] }, { name: 'Unknown', scopes: ['everything'] }]) {
        assertProblem(await fail(createApiKey(server.client(adminKey), { path: { spaceId }, body: body as never })), 400, 'validation-error');
      }
    });

    test('a key with an expiry works until then and is refused with 401 from then on', async () => {
      const { data: key } = await createApiKey(server.client(adminKey), {
        path: { spaceId },
        body: { name: 'Temporary', scopes: ['read'], expiresAt: '2026-12-01T09:00:00+01:00' },
      });
      assert.equal(key.expiresAt, '2026-12-01T08:00:00.000Z');
      try {
        server.clock.set('2026-12-01T07:59:59.999Z');
        assert.equal((await listMembers(server.client(key.secret), { path: { spaceId } })).status, 200);
        server.clock.set('2026-12-01T08:00:00Z');
        const error = await fail(listMembers(server.client(key.secret), { path: { spaceId } }));
        assertProblem(error, 401, 'unauthorized');
        assert.match(error.problem.detail, /expired/);
        // Even where no credentials are needed: a broken key is never taken for anonymous access.
        assertProblem(await fail(listResources(server.client(key.secret), { path: { spaceId } })), 401, 'unauthorized');
      } finally {
        server.clock.set('2026-12-01T07:00:00Z');
      }
    });

    test('an expiry must be in the future', async () => {
      const error = await fail(createApiKey(server.client(adminKey), { path: { spaceId }, body: { name: 'Late', expiresAt: '2026-12-01T06:59:00Z' } }));
      assertProblem(error, 400, 'validation-error');
      assert.equal(error.problem.errors[0].pointer, '/expiresAt');
    });
  });
}

// Keeps the spec's scope type and the server's in step at compile time too.
const _sameScopes: ApiKeyScope extends Scope ? (Scope extends ApiKeyScope ? true : never) : never = true;
void _sameScopes;
