import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ApiError, getDiscovery, getSpace, listSpaces, updateSpace } from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

for (const kind of testDatabases()) {
  describe(`spaces and discovery (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let otherStaffKey: string;
    before(async () => {
      server = await startTestServer(kind);
      ({ staffKey } = await seedSpace(server));
      ({ staffKey: otherStaffKey } = await seedSpace(server, spaceFixture('le-phare', { name: 'Le Phare' })));
    });

    test('the discovery document lists the spaces and features', async () => {
      const { data } = await getDiscovery(server.client());
      assert.equal(data.specVersion, '0.2.0');
      assert.deepEqual(data.spaces.map((s) => s.id).sort(), ['la-ruche', 'le-phare']);
      assert.ok(data.features.includes('guest-bookings'));
    });

    test('spaces are listed page by page', async () => {
      const first = await listSpaces(server.client(), { query: { limit: 1 } });
      assert.equal(first.data.items.length, 1);
      assert.ok(first.data.nextCursor);
      const second = await listSpaces(server.client(), { query: { limit: 1, cursor: first.data.nextCursor } });
      assert.equal(second.data.items.length, 1);
      assert.equal(second.data.nextCursor, undefined);
      assert.notEqual(first.data.items[0]!.id, second.data.items[0]!.id);
    });

    test('a space is public; an unknown one is a 404 problem', async () => {
      const { data } = await getSpace(server.client(), { path: { spaceId: 'la-ruche' } });
      assert.equal(data.timeZone, 'Europe/Paris');
      const error = await getSpace(server.client(), { path: { spaceId: 'nowhere' } }).catch((e) => e);
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 404);
      assert.equal(error.type, 'urn:coworking-commons:problem:not-found');
    });

    test('staff update their space; others may not', async () => {
      const { data } = await updateSpace(server.client(staffKey), { path: { spaceId: 'la-ruche' }, body: { name: 'La Ruche — Nantes' } });
      assert.equal(data.name, 'La Ruche — Nantes');
      const anonymous = await updateSpace(server.client(), { path: { spaceId: 'la-ruche' }, body: { name: 'x' } }).catch((e) => e);
      assert.equal(anonymous.status, 401);
      const otherSpace = await updateSpace(server.client(otherStaffKey), { path: { spaceId: 'la-ruche' }, body: { name: 'x' } }).catch((e) => e);
      assert.equal(otherSpace.status, 401, "another space's key is not a key of this space");
      const { data: after } = await getSpace(server.client(), { path: { spaceId: 'la-ruche' } });
      assert.equal(after.name, 'La Ruche — Nantes');
    });

    test('bad input is a validation problem naming each field by JSON pointer', async () => {
      const error = await updateSpace(server.client(staffKey), { path: { spaceId: 'la-ruche' }, body: { name: '', bogus: 1 } as never }).catch((e) => e);
      assert.equal(error.status, 400);
      assert.equal(error.type, 'urn:coworking-commons:problem:validation-error');
      const pointers = error.fieldErrors.map((f: { pointer: string }) => f.pointer).sort();
      assert.deepEqual(pointers, ['/bogus', '/name']);
    });

    test('a time zone is pointed at as every body field is (the spec: `/timeZone`, no `/body` prefix), whichever check refuses it', async () => {
      const pointerFor = async (timeZone: string) => {
        const error = await updateSpace(server.client(staffKey), { path: { spaceId: 'la-ruche' }, body: { timeZone } }).catch((e) => e);
        assert.equal(error.status, 400);
        assert.equal(error.type, 'urn:coworking-commons:problem:validation-error');
        return error.fieldErrors.map((f: { pointer: string }) => f.pointer);
      };
      assert.deepEqual(await pointerFor('Europe/'), ['/timeZone'], 'refused by the schema');
      assert.deepEqual(await pointerFor('Europe/Atlantis'), ['/timeZone'], 'well formed, but no IANA zone');
    });

    test('credentials are ignored where the operation takes none, and refused when broken where it does', async () => {
      const { data } = await getSpace(server.client('cct_not-a-real-token'), { path: { spaceId: 'la-ruche' } });
      assert.equal(data.id, 'la-ruche');
      const error = await updateSpace(server.client('cck_not-a-real-key'), { path: { spaceId: 'la-ruche' }, body: { name: 'x' } }).catch((e) => e);
      assert.equal(error.status, 401);
    });

    test('unknown routes and oversized bodies are problems too', async () => {
      const missing = await fetch(`${server.url}/nowhere`);
      assert.equal(missing.status, 404);
      assert.match(missing.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const big = await fetch(`${server.url}/spaces/la-ruche`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${staffKey}` },
        body: JSON.stringify({ description: 'x'.repeat(200_000) }),
      });
      assert.equal(big.status, 413);
      assert.equal((await big.json()).type, 'urn:coworking-commons:problem:payload-too-large');
    });
  });
}
