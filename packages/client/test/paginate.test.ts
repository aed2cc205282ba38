// paginate() walks {items, nextCursor} pages, sending each cursor back.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createClient, isApiError, listBookings, paginate } from '../src/index.ts';
import { booking } from './support/fixtures.ts';
import { sendJson, sendProblem, startTestServer, type TestServer } from './support/test-server.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());
beforeEach(() => server.reset());

const pages: Record<string, { items: unknown[]; nextCursor?: string }> = {
  '': { items: [booking('bk_1'), booking('bk_2')], nextCursor: 'eyJwYWdlIjoyfQ' },
  eyJwYWdlIjoyfQ: { items: [booking('bk_3'), booking('bk_4')], nextCursor: 'eyJwYWdlIjozfQ+/=' },
  'eyJwYWdlIjozfQ+/=': { items: [booking('bk_5')] },
};

test('yields every item across 3 pages, sending the cursor back', async () => {
  server.handle((request, response) => {
    const page = pages[request.query.get('cursor') ?? ''];
    // More requests than pages means the cursor was not sent back: stop the loop with an error.
    if (page && server.requests.length <= 3) sendJson(response, 200, page);
    else sendProblem(response, { type: 'urn:coworking-commons:problem:validation-error', title: 'Validation failed', status: 400 });
  });
  const client = createClient({ baseUrl: `${server.url}/api`, token: 'mt_token' });
  const ids: string[] = [];
  for await (const item of paginate(listBookings, client, { path: { spaceId: 'la-ruche' }, query: { limit: 2 } })) {
    ids.push(item.id);
  }
  assert.deepEqual(ids, ['bk_1', 'bk_2', 'bk_3', 'bk_4', 'bk_5']);
  assert.equal(server.requests.length, 3);
  for (const request of server.requests) {
    assert.equal(request.pathname, '/api/spaces/la-ruche/bookings');
    assert.equal(request.query.get('limit'), '2');
    assert.equal(request.headers.authorization, 'Bearer mt_token');
  }
  assert.deepEqual(
    server.requests.map((r) => r.query.getAll('cursor')),
    [[], ['eyJwYWdlIjoyfQ'], ['eyJwYWdlIjozfQ+/=']],
  );
});

test('a single page without nextCursor makes one request', async () => {
  server.handle((_q, response) => sendJson(response, 200, { items: [booking('bk_1')] }));
  const client = createClient({ baseUrl: server.url });
  const ids: string[] = [];
  for await (const item of paginate(listBookings, client, { path: { spaceId: 'la-ruche' } })) ids.push(item.id);
  assert.deepEqual(ids, ['bk_1']);
  assert.equal(server.requests.length, 1);
});

test('stopping early fetches no further page', async () => {
  server.handle((request, response) => sendJson(response, 200, pages[request.query.get('cursor') ?? '']));
  const client = createClient({ baseUrl: server.url });
  for await (const item of paginate(listBookings, client, { path: { spaceId: 'la-ruche' }, query: { limit: 2 } })) {
    if (item.id === 'bk_2') break;
  }
  assert.equal(server.requests.length, 1);
});

test('an error on a later page is thrown from the loop', async () => {
  server.handle((request, response) =>
    request.query.has('cursor') || server.requests.length > 1
      ? sendProblem(response, { type: 'urn:coworking-commons:problem:unauthorized', title: 'Unauthorized', status: 401 })
      : sendJson(response, 200, pages['']),
  );
  const client = createClient({ baseUrl: server.url });
  const ids: string[] = [];
  await assert.rejects(
    (async () => {
      for await (const item of paginate(listBookings, client, { path: { spaceId: 'la-ruche' }, query: { limit: 2 } })) ids.push(item.id);
    })(),
    (e: unknown) => isApiError(e, 'urn:coworking-commons:problem:unauthorized'),
  );
  assert.deepEqual(ids, ['bk_1', 'bk_2']);
});
