import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { createApiKey, listApiKeys, listMemberCards, listMembers, revokeApiKey } from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { createMemberRecord, signInMember } from './support/sign-in.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('expected the request to fail'),
    (error: { status: number; type: string }) => error,
  );

for (const kind of testDatabases()) {
  describe(`staff API keys (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let otherSpaceKey: string;
    let memberToken: string;
    const spaceId = 'la-ruche';

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      ({ staffKey: otherSpaceKey } = await seedSpace(server, spaceFixture('le-phare', { name: 'Le Phare' })));
      await createMemberRecord(server, spaceId, { email: 'camille@example.org', displayName: 'Camille' });
      memberToken = await signInMember(server, spaceId, 'camille@example.org');
    });

    test('a new key shows its secret once; the list never does', async () => {
      const created = await createApiKey(server.client(staffKey), { path: { spaceId }, body: { name: 'Site WordPress' } });
      assert.equal(created.status, 201);
      const key = created.data;
      assert.equal(key.name, 'Site WordPress');
      assert.match(key.secret, /^cck_/);
      assert.ok(key.secret.startsWith(key.prefix), 'the prefix is the start of the secret');
      assert.ok(key.prefix.length < 16);
      assert.equal(key.createdAt, '2026-12-01T07:00:00.000Z');
      assert.equal(created.headers.get('location'), `${server.deps.config.publicUrl}/spaces/${spaceId}/staff/api-keys/${key.id}`);

      const { data } = await listApiKeys(server.client(staffKey), { path: { spaceId } });
      const listed = data.items.find((k) => k.id === key.id);
      assert.ok(listed);
      assert.deepEqual(Object.keys(listed).sort(), ['createdAt', 'id', 'name', 'prefix', 'scopes']);
      assert.ok(!JSON.stringify(data).includes(key.secret.slice(12)), 'no secret in the list');

      const works = await listMembers(server.client(key.secret), { path: { spaceId } });
      assert.equal(works.status, 200, 'the new key is a staff key');
    });

    test('only the hash of a key is stored', async () => {
      const { data: key } = await createApiKey(server.client(staffKey), { path: { spaceId }, body: { name: 'Export' } });
      const row = await server.store.db.selectFrom('api_keys').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow();
      assert.equal(row.secret_hash, sha256(key.secret));
      const stored = JSON.stringify(await server.store.db.selectFrom('api_keys').selectAll().execute());
      assert.ok(!stored.includes(key.secret), 'the secret is nowhere in the table');
      assert.ok(!stored.includes(key.secret.slice(12)), 'not even the part after the prefix');
    });

    test('keys are listed newest first, page by page; lastUsedAt appears once used', async () => {
      const names = ['K1', 'K2', 'K3'];
      const keys: { id: string; secret: string }[] = [];
      for (const name of names) {
        keys.push((await createApiKey(server.client(staffKey), { path: { spaceId }, body: { name } })).data);
        server.clock.advance(1000);
      }
      await listMembers(server.client(keys[0]!.secret), { path: { spaceId } });
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const { data } = await listApiKeys(server.client(staffKey), { path: { spaceId }, query: { limit: 2, ...(cursor ? { cursor } : {}) } });
        assert.ok(data.items.length <= 2);
        seen.push(...data.items.map((k) => k.id));
        cursor = data.nextCursor;
        pages += 1;
      } while (cursor);
      assert.ok(pages >= 2);
      assert.equal(new Set(seen).size, seen.length, 'no key twice');
      const ours = seen.filter((id) => keys.some((k) => k.id === id));
      assert.deepEqual(ours, keys.map((k) => k.id).reverse(), 'newest first');
      const { data } = await listApiKeys(server.client(staffKey), { path: { spaceId }, query: { limit: 100 } });
      assert.ok(data.items.find((k) => k.id === keys[0]!.id)!.lastUsedAt, 'a used key shows when');
      assert.equal(data.items.find((k) => k.id === keys[1]!.id)!.lastUsedAt, undefined, 'an unused key does not');
      const bad = await rejection(listApiKeys(server.client(staffKey), { path: { spaceId }, query: { cursor: 'bm90LWEtY3Vyc29y' } }));
      assert.equal(bad.status, 400);
    });

    test('a revoked key gets 401 everywhere, at once', async () => {
      const { data: key } = await createApiKey(server.client(staffKey), { path: { spaceId }, body: { name: 'Temporary' } });
      const { status } = await revokeApiKey(server.client(staffKey), { path: { spaceId, apiKeyId: key.id } });
      assert.equal(status, 204);
      const row = await server.store.db.selectFrom('api_keys').select('revoked_at').where('id', '=', key.id).executeTakeFirstOrThrow();
      assert.equal(row.revoked_at, server.clock.now.getTime());
      assert.equal((await rejection(listMembers(server.client(key.secret), { path: { spaceId } }))).status, 401);
      assert.equal((await rejection(listApiKeys(server.client(key.secret), { path: { spaceId } }))).status, 401);
      assert.equal((await rejection(createApiKey(server.client(key.secret), { path: { spaceId }, body: { name: 'Comeback' } }))).status, 401);
      assert.equal((await rejection(listMemberCards(server.client(key.secret), { path: { spaceId } }))).status, 401, 'even where credentials are optional');
      const { data } = await listApiKeys(server.client(staffKey), { path: { spaceId }, query: { limit: 100 } });
      assert.ok(!data.items.some((k) => k.id === key.id), 'a revoked key is no longer listed');
      const again = await rejection(revokeApiKey(server.client(staffKey), { path: { spaceId, apiKeyId: key.id } }));
      assert.equal(again.status, 404);
    });

    test('a key may revoke itself', async () => {
      const { data: key } = await createApiKey(server.client(staffKey), { path: { spaceId }, body: { name: 'Self' } });
      assert.equal((await revokeApiKey(server.client(key.secret), { path: { spaceId, apiKeyId: key.id } })).status, 204);
      assert.equal((await rejection(listApiKeys(server.client(key.secret), { path: { spaceId } }))).status, 401);
    });

    test("a space's keys are its own", async () => {
      const { data: key } = await createApiKey(server.client(staffKey), { path: { spaceId }, body: { name: 'Ours' } });
      const foreign = await rejection(revokeApiKey(server.client(otherSpaceKey), { path: { spaceId, apiKeyId: key.id } }));
      assert.equal(foreign.status, 401, "another space's key is no key here");
      const viaOwnSpace = await rejection(revokeApiKey(server.client(otherSpaceKey), { path: { spaceId: 'le-phare', apiKeyId: key.id } }));
      assert.equal(viaOwnSpace.status, 404, "a key of la-ruche is not found in le-phare");
      const { data } = await listApiKeys(server.client(otherSpaceKey), { path: { spaceId: 'le-phare' }, query: { limit: 100 } });
      assert.ok(!data.items.some((k) => k.id === key.id));
      assert.equal((await listMembers(server.client(key.secret), { path: { spaceId } })).status, 200, 'still working');
    });

    test('members and anonymous callers cannot manage keys', async () => {
      const { data: key } = await createApiKey(server.client(staffKey), { path: { spaceId }, body: { name: 'Guarded' } });
      for (const [client, status] of [
        [server.client(memberToken), 403],
        [server.client(), 401],
      ] as const) {
        assert.equal((await rejection(listApiKeys(client, { path: { spaceId } }))).status, status);
        assert.equal((await rejection(createApiKey(client, { path: { spaceId }, body: { name: 'Mine' } }))).status, status);
        assert.equal((await rejection(revokeApiKey(client, { path: { spaceId, apiKeyId: key.id } }))).status, status);
      }
      assert.equal((await listMembers(server.client(key.secret), { path: { spaceId } })).status, 200, 'the key survived');
    });

    test('a key needs a name', async () => {
      const error = await rejection(createApiKey(server.client(staffKey), { path: { spaceId }, body: { name: '' } }));
      assert.equal(error.status, 400);
    });
  });
}
