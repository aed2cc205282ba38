// Retries: backoff honouring Retry-After, and never a retry of a non-idempotent request unless an
// Idempotency-Key makes it safe, in which case the retry carries the same key.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ApiError, NetworkError, createBooking, createClient, createEvent, createRegistration, getSpace, isApiError } from '../src/index.ts';
import { booking, bookingCreate, registration, space, uuidLike } from './support/fixtures.ts';
import { header, sendJson, sendProblem, startTestServer, type Handler, type TestServer } from './support/test-server.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());
beforeEach(() => server.reset());

const unavailable = { type: 'urn:coworking-commons:problem:internal', title: 'Service unavailable', status: 503, detail: 'Try again shortly.' };
const rateLimited = { type: 'urn:coworking-commons:problem:rate-limited', title: 'Too many requests', status: 429, detail: 'Retry after 1 second.' };

/** Answers with the given handlers in turn, the last one for every further request. */
function sequence(...handlers: Handler[]): Handler {
  let index = 0;
  return (request, response) => handlers[Math.min(index++, handlers.length - 1)]!(request, response);
}

describe('retries with backoff', () => {
  test('429 with Retry-After: 1, then 200: the second attempt waits about a second', async () => {
    server.handle(
      sequence(
        (_q, response) => sendProblem(response, rateLimited, { 'retry-after': '1' }),
        (_q, response) => sendJson(response, 200, space),
      ),
    );
    // A backoff limit far below a second: only Retry-After can explain a one-second wait.
    const client = createClient({ baseUrl: server.url, retry: { limit: 2, backoffLimit: 50 } });
    const { data, status } = await getSpace(client, { path: { spaceId: 'la-ruche' } });
    assert.equal(status, 200);
    assert.deepEqual(data, space);
    assert.equal(server.requests.length, 2);
    const waited = server.requests[1]!.at - server.requests[0]!.at;
    assert.ok(waited >= 950, `second attempt after ${waited.toFixed(0)} ms, expected ≥ 1000 ms`);
    assert.ok(waited < 3_000, `second attempt after ${waited.toFixed(0)} ms`);
  });

  test('Retry-After longer than maxRetryAfter is capped', async () => {
    server.handle(
      sequence(
        (_q, response) => sendProblem(response, rateLimited, { 'retry-after': '3600' }),
        (_q, response) => sendJson(response, 200, space),
      ),
    );
    const client = createClient({ baseUrl: server.url, retry: { maxRetryAfter: 100 } });
    await getSpace(client, { path: { spaceId: 'la-ruche' } });
    assert.equal(server.requests.length, 2);
    assert.ok(server.requests[1]!.at - server.requests[0]!.at < 1_000);
  });

  test('a GET failing with 503 is retried up to the limit, then throws the last ApiError', async () => {
    server.handle((_q, response) => sendProblem(response, unavailable));
    const client = createClient({ baseUrl: server.url, retry: { limit: 2, backoffLimit: 20 } });
    await assert.rejects(getSpace(client, { path: { spaceId: 'la-ruche' } }), (e: unknown) => isApiError(e) && e.status === 503);
    assert.equal(server.requests.length, 3);
  });

  test('a client error (404) is not retried', async () => {
    server.handle((_q, response) => sendProblem(response, { type: 'urn:coworking-commons:problem:not-found', title: 'Not found', status: 404 }));
    const client = createClient({ baseUrl: server.url, retry: { limit: 2, backoffLimit: 20 } });
    await assert.rejects(getSpace(client, { path: { spaceId: 'nowhere' } }), ApiError);
    assert.equal(server.requests.length, 1);
  });

  test('retry: { limit: 0 } turns retries off', async () => {
    server.handle((_q, response) => sendProblem(response, unavailable));
    const client = createClient({ baseUrl: server.url, retry: { limit: 0 } });
    await assert.rejects(getSpace(client, { path: { spaceId: 'la-ruche' } }), ApiError);
    assert.equal(server.requests.length, 1);
  });
});

describe('non-idempotent requests', () => {
  const event = { title: 'Atelier accessibilité numérique', start: '2026-12-03T17:00:00Z', end: '2026-12-03T19:00:00Z' };

  test('a POST without an Idempotency-Key getting 503 reaches the server exactly once', async () => {
    server.handle((_q, response) => sendProblem(response, unavailable, { 'retry-after': '0' }));
    const client = createClient({ baseUrl: server.url, retry: { limit: 3, backoffLimit: 20 } });
    await assert.rejects(createEvent(client, { path: { spaceId: 'la-ruche' }, body: event }), (e: unknown) => isApiError(e) && e.status === 503);
    assert.equal(server.requests.length, 1);
    assert.equal(header(server.requests[0], 'idempotency-key'), undefined);
  });

  test('a POST without an Idempotency-Key whose connection is cut is not retried either', async () => {
    server.handle((_q, response) => void response.socket?.destroy());
    const client = createClient({ baseUrl: server.url, retry: { limit: 3, backoffLimit: 20 } });
    await assert.rejects(createEvent(client, { path: { spaceId: 'la-ruche' }, body: event }), NetworkError);
    assert.equal(server.requests.length, 1);
  });

  test('the untyped call() does not retry a POST either', async () => {
    server.handle((_q, response) => sendProblem(response, unavailable));
    const client = createClient({ baseUrl: server.url, retry: { limit: 3, backoffLimit: 20 } });
    await assert.rejects(client.call({ route: 'POST /spaces/{spaceId}/events', path: { spaceId: 'la-ruche' }, body: event }), ApiError);
    assert.equal(server.requests.length, 1);
  });

  test('a PATCH is not retried', async () => {
    server.handle((_q, response) => sendProblem(response, unavailable));
    const client = createClient({ baseUrl: server.url, retry: { limit: 3, backoffLimit: 20 } });
    await assert.rejects(
      client.call({ route: 'PATCH /spaces/{spaceId}', path: { spaceId: 'la-ruche' }, body: { name: 'La Ruche' } }),
      ApiError,
    );
    assert.equal(server.requests.length, 1);
  });
});

describe('idempotent POSTs', () => {
  test('createBooking getting 503 is retried, and the retry carries the same generated key and body', async () => {
    server.handle(
      sequence(
        (_q, response) => sendProblem(response, unavailable),
        (_q, response) => sendJson(response, 201, booking('bk_01J9Z3K8Q2'), { etag: '"1"' }),
      ),
    );
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 20 } });
    const { status, data } = await createBooking(client, { path: { spaceId: 'la-ruche' }, body: bookingCreate });
    assert.equal(status, 201);
    assert.equal(data.id, 'bk_01J9Z3K8Q2');
    assert.equal(server.requests.length, 2);
    const [first, second] = server.requests.map((r) => header(r, 'idempotency-key'));
    assert.match(first ?? '', uuidLike);
    assert.equal(second, first);
    assert.deepEqual(JSON.parse(server.requests[1]!.body), bookingCreate);
    assert.equal(server.requests[1]!.body, server.requests[0]!.body);
  });

  test('a key given by the caller is the one retried', async () => {
    server.handle(
      sequence(
        (_q, response) => void response.socket?.destroy(),
        (_q, response) => sendJson(response, 201, registration),
      ),
    );
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 20 } });
    const { data } = await createRegistration(client, {
      path: { spaceId: 'la-ruche', eventId: 'ev_01JB8X2N6Q' },
      header: { 'Idempotency-Key': 'mine-123456789' },
      body: { guest: { name: 'Sophie Leroy', email: 'sophie.leroy@example.net' } },
    });
    assert.equal(data.id, 'rg_01JDQ5G3K7');
    assert.deepEqual(
      server.requests.map((r) => header(r, 'idempotency-key')),
      ['mine-123456789', 'mine-123456789'],
    );
  });

  test('an Idempotency-Key makes any POST retryable', async () => {
    server.handle(
      sequence(
        (_q, response) => sendProblem(response, unavailable),
        (_q, response) => sendJson(response, 201, { id: 'ev_1' }),
      ),
    );
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 20 } });
    await client.call({
      route: 'POST /spaces/{spaceId}/events',
      path: { spaceId: 'la-ruche' },
      header: { 'Idempotency-Key': 'evt-create-0001' },
      body: { title: 'Déjeuner', start: '2026-12-05T11:30:00Z', end: '2026-12-05T13:30:00Z' },
    });
    assert.deepEqual(
      server.requests.map((r) => header(r, 'idempotency-key')),
      ['evt-create-0001', 'evt-create-0001'],
    );
  });

  test('a key in another letter case still makes the POST retryable, and is the only key sent', async () => {
    server.handle(
      sequence(
        (_q, response) => sendProblem(response, unavailable),
        (_q, response) => sendJson(response, 201, { id: 'ev_1' }),
      ),
    );
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 20 } });
    await client.call({
      route: 'POST /spaces/{spaceId}/events',
      path: { spaceId: 'la-ruche' },
      header: { 'idempotency-key': 'evt-create-0002' },
      body: { title: 'Déjeuner', start: '2026-12-05T11:30:00Z', end: '2026-12-05T13:30:00Z' },
    });
    assert.deepEqual(
      server.requests.map((r) => header(r, 'idempotency-key')),
      ['evt-create-0002', 'evt-create-0002'],
    );
  });

  test('each new call gets a new key', async () => {
    server.handle((_q, response) => sendJson(response, 201, booking('bk_x')));
    const client = createClient({ baseUrl: server.url });
    await createBooking(client, { path: { spaceId: 'la-ruche' }, body: bookingCreate });
    await createBooking(client, { path: { spaceId: 'la-ruche' }, body: bookingCreate });
    const [a, b] = server.requests.map((r) => header(r, 'idempotency-key'));
    assert.match(a ?? '', uuidLike);
    assert.match(b ?? '', uuidLike);
    assert.notEqual(a, b);
  });
});

test('a 413 is not retried: a body too large stays too large', async () => {
  const server = await startTestServer();
  try {
    server.handle((_request, response) => sendProblem(response, { type: 'urn:coworking-commons:problem:payload-too-large', title: 'Payload too large', status: 413 }));
    const client = createClient({ baseUrl: server.url, retry: { backoffLimit: 10 } });
    const error = await getSpace(client, { path: { spaceId: 'la-ruche' } }).catch((e) => e);
    assert.equal(error.status, 413);
    assert.equal(server.requests.length, 1);
  } finally {
    await server.close();
  }
});
