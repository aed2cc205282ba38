// The client on ky: a developer's own ky instance, `client.ky`, ky's hooks and error guards, and
// the client's retry rules holding over any ky option.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import ky, { HTTPError, isHTTPError, isNetworkError, isTimeoutError, type RetryOptions } from 'ky';
import { ApiError, NetworkError, TimeoutError, createBooking, createClient, createEvent, getSpace } from '../src/index.ts';
import { bookingCreate, space } from './support/fixtures.ts';
import { header, refusedUrl, sendJson, sendProblem, startTestServer, type TestServer } from './support/test-server.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());
beforeEach(() => {
  server.reset();
  server.handle((_request, response) => sendJson(response, 200, space));
});

const unavailable = { type: 'urn:coworking-commons:problem:internal', title: 'Service unavailable', status: 503 };
const tooLarge = { type: 'urn:coworking-commons:problem:payload-too-large', title: 'Payload too large', status: 413 };
const event = { title: 'Déjeuner', start: '2026-12-05T11:30:00Z', end: '2026-12-05T13:30:00Z' };

describe('a ky instance of your own', () => {
  test('its headers and hooks apply, before the client’s', async () => {
    const seen: string[] = [];
    const mine = ky.create({
      headers: { 'x-app': 'intranet' },
      hooks: {
        beforeRequest: [({ request }) => void seen.push(`mine ${request.method} ${new URL(request.url).pathname}`)],
        afterResponse: [({ response }) => void seen.push(`mine ${response.status}`)],
      },
    });
    const client = createClient({
      baseUrl: `${server.url}/api`,
      ky: mine,
      token: 'mt_token',
      hooks: { beforeRequest: [({ request }) => void seen.push(`client auth=${request.headers.get('authorization')}`)] },
    });
    await getSpace(client, { path: { spaceId: 'la-ruche' } });
    assert.deepEqual(seen, ['mine GET /api/spaces/la-ruche', 'client auth=Bearer mt_token', 'mine 200']);
    assert.equal(header(server.requests[0], 'x-app'), 'intranet');
    assert.equal(header(server.requests[0], 'authorization'), 'Bearer mt_token');
  });

  test('its fetch and its timeout are used', async () => {
    let fetched = 0;
    const mine = ky.create({ timeout: 100, fetch: (input, init) => (fetched++, fetch(input, init)) });
    await getSpace(createClient({ baseUrl: server.url, ky: mine }), { path: { spaceId: 'la-ruche' } });
    assert.equal(fetched, 1);
    server.handle(() => {
      /* never answers */
    });
    await assert.rejects(getSpace(createClient({ baseUrl: server.url, ky: mine }), { path: { spaceId: 'la-ruche' } }), TimeoutError);
  });

  test('its beforeError hooks see ky’s HTTPError; the caller gets the ApiError', async () => {
    server.handle((_q, response) => sendProblem(response, { type: 'urn:coworking-commons:problem:not-found', title: 'Not found', status: 404 }));
    const seen: string[] = [];
    const mine = ky.create({ hooks: { beforeError: [({ error }) => (seen.push(`${error.name} ${isHTTPError(error)}`), error)] } });
    const error = await getSpace(createClient({ baseUrl: server.url, ky: mine }), { path: { spaceId: 'x' } }).catch((e: unknown) => e);
    assert.deepEqual(seen, ['HTTPError true']);
    assert.ok(error instanceof ApiError);
    assert.equal(error.type, 'urn:coworking-commons:problem:not-found');
  });

  test('its retry options apply, but a POST without an Idempotency-Key is still not retried', async () => {
    server.handle((_q, response) => sendProblem(response, unavailable));
    const mine = ky.create({ retry: { limit: 1, methods: ['get', 'post'], backoffLimit: 10 } });
    const client = createClient({ baseUrl: server.url, ky: mine });
    await assert.rejects(getSpace(client, { path: { spaceId: 'la-ruche' } }), ApiError);
    assert.equal(server.requests.length, 2);
    server.reset();
    server.handle((_q, response) => sendProblem(response, unavailable));
    await assert.rejects(createEvent(client, { path: { spaceId: 'la-ruche' }, body: event }), ApiError);
    assert.equal(server.requests.length, 1);
    server.reset();
    server.handle((_q, response) => sendProblem(response, unavailable));
    await assert.rejects(createBooking(client, { path: { spaceId: 'la-ruche' }, body: bookingCreate }), ApiError);
    assert.equal(server.requests.length, 2);
  });

  test('its throwHttpErrors: false does not turn errors into data', async () => {
    server.handle((_q, response) => sendProblem(response, { type: 'urn:coworking-commons:problem:not-found', title: 'Not found', status: 404 }));
    const client = createClient({ baseUrl: server.url, ky: ky.create({ throwHttpErrors: false }) });
    await assert.rejects(getSpace(client, { path: { spaceId: 'x' } }), ApiError);
  });
});

describe('a 413 is never retried', () => {
  for (const [name, retry] of [
    ['with Retry-After', {}],
    ['with 413 among the retried statuses', { statusCodes: [413, 503], afterStatusCodes: [413] }],
    ['with a shouldRetry saying yes', { shouldRetry: () => true }],
  ] satisfies [string, RetryOptions][]) {
    test(name, async () => {
      server.handle((_q, response) => sendProblem(response, tooLarge, { 'retry-after': '0' }));
      const client = createClient({ baseUrl: server.url, retry: { limit: 3, backoffLimit: 10, ...retry } });
      await assert.rejects(getSpace(client, { path: { spaceId: 'la-ruche' } }), (e: unknown) => e instanceof ApiError && e.status === 413);
      assert.equal(server.requests.length, 1);
    });
  }
});

describe('client.ky', () => {
  test('sends to the API with the token, and its errors are the client’s', async () => {
    const client = createClient({ baseUrl: `${server.url}/api/`, token: () => 'mt_member' });
    assert.deepEqual(await client.ky.get('spaces/la-ruche').json(), space);
    assert.equal(server.requests[0]?.url, '/api/spaces/la-ruche');
    assert.equal(header(server.requests[0], 'authorization'), 'Bearer mt_member');
    server.handle((_q, response) => sendProblem(response, { type: 'urn:coworking-commons:problem:not-found', title: 'Not found', status: 404 }));
    await assert.rejects(client.ky.get('spaces/nowhere'), ApiError);
  });
});

describe('the client’s errors are ky’s too', () => {
  test('ApiError is an HTTPError, with the problem as data', async () => {
    const problem = { type: 'urn:coworking-commons:problem:not-found', title: 'Not found', status: 404 };
    server.handle((_q, response) => sendProblem(response, problem));
    const error = await getSpace(createClient({ baseUrl: server.url }), { path: { spaceId: 'x' } }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError && error instanceof HTTPError && isHTTPError(error));
    assert.deepEqual(error.data, problem);
    assert.equal(error.request.method, 'GET');
    assert.equal(error.response.status, 404);
  });

  test('NetworkError and TimeoutError pass ky’s guards', async () => {
    const refused = await getSpace(createClient({ baseUrl: await refusedUrl(), retry: 0 }), { path: { spaceId: 'x' } }).catch((e: unknown) => e);
    assert.ok(refused instanceof NetworkError && isNetworkError(refused));
    server.handle(() => {
      /* never answers */
    });
    const late = await getSpace(createClient({ baseUrl: server.url, timeout: 50 }), { path: { spaceId: 'x' } }).catch((e: unknown) => e);
    assert.ok(late instanceof TimeoutError && isTimeoutError(late));
  });

  test('an ApiError made by hand (tests, apps) still works', () => {
    const error = new ApiError(new Response(null, { status: 503, statusText: 'Service Unavailable' }), undefined);
    assert.equal(error.status, 503);
    assert.equal(error.type, 'about:blank');
    assert.equal(error.message, 'Service Unavailable');
    assert.ok(isHTTPError(error));
  });
});
