// The widgets' allowed origins in the API (issue 12): staff read and replace them with the space,
// nobody else sees them, bad ones are refused field by field, and CORS follows the list from the
// next request.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { getSpace, listSpaces, updateSpace } from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { memberWithToken } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const fail = (promise: Promise<unknown>) => promise.then(() => assert.fail('expected an error'), (e) => e);

for (const kind of testDatabases()) {
  describe(`the widgets' allowed origins (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let memberToken: string;
    const spaceId = 'la-ruche';
    const path = { spaceId };
    const staff = () => server.client(staffKey);
    const grantTo = async (origin: string) =>
      (
        await fetch(`${server.url}/spaces/${spaceId}/bookings`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,if-match' },
        })
      ).headers.get('access-control-allow-origin');

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server, spaceFixture(spaceId), ['https://www.la-ruche.example']));
      ({ token: memberToken } = await memberWithToken(server, spaceId));
    });

    test('staff read them with the space; anonymous callers, members and the list of spaces never see them', async () => {
      assert.deepEqual((await getSpace(staff(), { path })).data.allowedOrigins, ['https://www.la-ruche.example']);
      assert.equal('allowedOrigins' in (await getSpace(server.client(), { path })).data, false);
      assert.equal('allowedOrigins' in (await getSpace(server.client(memberToken), { path })).data, false);
      const { data: spaces } = await listSpaces(server.client());
      assert.ok(spaces.items.every((space) => !('allowedOrigins' in space)));
    });

    test('a token that expired or is unknown still gets the public space (a page whose session ended still shows it)', async () => {
      for (const token of ['cct_no-such-token', 'cck_no-such-key']) {
        const answer = await getSpace(server.client(token), { path });
        assert.equal(answer.status, 200);
        assert.equal('allowedOrigins' in answer.data, false);
      }
    });

    test('staff replace the list; CORS follows it from the next request, and an origin taken off it loses its grant', async () => {
      const origin = 'https://tiers-lieu.example';
      assert.equal(await grantTo(origin), null);
      const { data } = await updateSpace(staff(), { path, body: { allowedOrigins: ['https://www.la-ruche.example', origin, 'http://localhost:8080'] } });
      assert.deepEqual(data.allowedOrigins, ['https://www.la-ruche.example', origin, 'http://localhost:8080']);
      assert.equal(await grantTo(origin), origin);
      assert.equal(await grantTo('http://localhost:8080'), 'http://localhost:8080');
      assert.deepEqual((await getSpace(staff(), { path })).data.allowedOrigins, data.allowedOrigins);

      const { data: unrelated } = await updateSpace(staff(), { path, body: { name: 'La Ruche' } });
      assert.deepEqual(unrelated.allowedOrigins, data.allowedOrigins, 'a change without allowedOrigins keeps them');

      await updateSpace(staff(), { path, body: { allowedOrigins: ['https://www.la-ruche.example'] } });
      assert.equal(await grantTo(origin), null);
      assert.equal(await grantTo('https://www.la-ruche.example'), 'https://www.la-ruche.example');

      await updateSpace(staff(), { path, body: { allowedOrigins: ['*'] } });
      assert.equal(await grantTo('https://anywhere.example'), 'https://anywhere.example');
      await updateSpace(staff(), { path, body: { allowedOrigins: [] } });
      assert.equal(await grantTo('https://www.la-ruche.example'), null);
      await updateSpace(staff(), { path, body: { allowedOrigins: ['https://www.la-ruche.example'] } });
    });

    test('an origin that is not exactly one as browsers send it is refused at its index, and nothing changes', async () => {
      const before = await getSpace(staff(), { path });
      const bad = [
        'https://ok.example',
        'https://trailing.example/',
        'https://path.example/widgets',
        'ftp://files.example',
        'https://Upper.example',
        'www.no-scheme.example',
        'https://query.example?x=1',
        'https://space .example',
      ];
      const error = await fail(updateSpace(staff(), { path, header: { 'If-Match': before.etag! }, body: { name: 'Changée', allowedOrigins: bad } }));
      assert.equal(error.status, 400);
      assert.equal(error.type, 'urn:coworking-commons:problem:validation-error');
      assert.deepEqual(
        error.fieldErrors.map((f: { pointer: string }) => f.pointer),
        [1, 2, 3, 4, 5, 6, 7].map((i) => `/allowedOrigins/${i}`),
      );
      // What only a URL parser tells: a browser never sends the scheme's default port, nor an empty one.
      const ports = await fail(updateSpace(staff(), { path, body: { allowedOrigins: ['https://ok.example', 'https://default-port.example:443', 'http://empty-port.example:', 'http://localhost:8080'] } }));
      assert.equal(ports.status, 400);
      assert.deepEqual(ports.fieldErrors.map((f: { pointer: string }) => f.pointer), ['/allowedOrigins/1', '/allowedOrigins/2']);
      const after = await getSpace(staff(), { path });
      assert.deepEqual(after.data, before.data);
      assert.equal(after.etag, before.etag);
    });

    test('the list is bounded and has no duplicates', async () => {
      const many = Array.from({ length: 51 }, (_, i) => `https://site-${i}.example`);
      const tooMany = await fail(updateSpace(staff(), { path, body: { allowedOrigins: many } }));
      assert.equal(tooMany.status, 400);
      assert.deepEqual(tooMany.fieldErrors.map((f: { pointer: string }) => f.pointer), ['/allowedOrigins']);
      const fifty = await updateSpace(staff(), { path, body: { allowedOrigins: many.slice(0, 50) } });
      assert.equal(fifty.data.allowedOrigins?.length, 50);
      const twice = await fail(updateSpace(staff(), { path, body: { allowedOrigins: ['https://a.example', 'https://a.example'] } }));
      assert.equal(twice.status, 400);
      assert.deepEqual(twice.fieldErrors.map((f: { pointer: string }) => f.pointer), ['/allowedOrigins']);
      assert.equal((await getSpace(staff(), { path })).data.allowedOrigins?.length, 50);
      await updateSpace(staff(), { path, body: { allowedOrigins: ['https://www.la-ruche.example'] } });
    });
  });
}
