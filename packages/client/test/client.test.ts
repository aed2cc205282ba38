// createClient against a real local server: base URL, bearer token provider, timeouts, network
// failures and the host application's hooks.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ApiError, NetworkError, TimeoutError, createClient, getSpace, isApiError } from '../src/index.ts';
import { space } from './support/fixtures.ts';
import { header, refusedUrl, sendJson, startTestServer, type TestServer } from './support/test-server.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());
beforeEach(() => {
  server.reset();
  server.handle((_request, response) => sendJson(response, 200, space));
});

describe('base URL', () => {
  test('an origin without a path', async () => {
    const client = createClient({ baseUrl: server.url });
    const { data, status } = await getSpace(client, { path: { spaceId: 'la-ruche' } });
    assert.equal(status, 200);
    assert.deepEqual(data, space);
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]?.method, 'GET');
    assert.equal(server.requests[0]?.url, '/spaces/la-ruche');
  });

  test('an origin with a trailing slash', async () => {
    const client = createClient({ baseUrl: `${server.url}/` });
    await getSpace(client, { path: { spaceId: 'la-ruche' } });
    assert.equal(server.requests[0]?.url, '/spaces/la-ruche');
  });

  for (const prefix of ['/api', '/api/']) {
    test(`a path prefix (${prefix}) is kept in front of every path`, async () => {
      const client = createClient({ baseUrl: `${server.url}${prefix}` });
      await getSpace(client, { path: { spaceId: 'la-ruche' } });
      await client.request('GET /spaces');
      assert.deepEqual(
        server.requests.map((r) => r.url),
        ['/api/spaces/la-ruche', '/api/spaces'],
      );
    });
  }

  test('a deeper prefix, given as a URL object', async () => {
    const client = createClient({ baseUrl: new URL(`${server.url}/coworking/v1`) });
    await getSpace(client, { path: { spaceId: 'la-ruche' } });
    assert.equal(server.requests[0]?.url, '/coworking/v1/spaces/la-ruche');
  });

  test('sends the client-wide headers', async () => {
    const client = createClient({ baseUrl: server.url, headers: { 'x-cowork-app': 'tests' } });
    await getSpace(client, { path: { spaceId: 'la-ruche' } });
    assert.equal(header(server.requests[0], 'x-cowork-app'), 'tests');
  });
});

describe('token provider', () => {
  test('no token: no Authorization header', async () => {
    const client = createClient({ baseUrl: server.url });
    await getSpace(client, { path: { spaceId: 'la-ruche' } });
    assert.equal(header(server.requests[0], 'authorization'), undefined);
  });

  test('a string token is sent as a bearer token', async () => {
    const client = createClient({ baseUrl: server.url, token: 'mt_string-token' });
    await getSpace(client, { path: { spaceId: 'la-ruche' } });
    assert.equal(header(server.requests[0], 'authorization'), 'Bearer mt_string-token');
  });

  test('a sync function is called before each request', async () => {
    let calls = 0;
    const client = createClient({ baseUrl: server.url, token: () => `mt_sync-${++calls}` });
    await getSpace(client, { path: { spaceId: 'la-ruche' } });
    await getSpace(client, { path: { spaceId: 'la-ruche' } });
    assert.equal(calls, 2);
    assert.deepEqual(
      server.requests.map((r) => header(r, 'authorization')),
      ['Bearer mt_sync-1', 'Bearer mt_sync-2'],
    );
  });

  test('an async function is awaited', async () => {
    const client = createClient({
      baseUrl: server.url,
      token: async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        return 'sk_async-key';
      },
    });
    await getSpace(client, { path: { spaceId: 'la-ruche' } });
    assert.equal(header(server.requests[0], 'authorization'), 'Bearer sk_async-key');
  });

  test('a function giving nothing (signed out) sends no Authorization header', async () => {
    for (const token of [() => null, () => undefined, async () => null, () => '']) {
      server.reset();
      server.handle((_request, response) => sendJson(response, 200, space));
      const client = createClient({ baseUrl: server.url, token });
      await getSpace(client, { path: { spaceId: 'la-ruche' } });
      assert.equal(header(server.requests[0], 'authorization'), undefined);
    }
  });

  test('an Authorization header given by the caller wins over the provider', async () => {
    const client = createClient({ baseUrl: server.url, token: 'mt_member' });
    await client.call({ route: 'GET /spaces/{spaceId}', path: { spaceId: 'la-ruche' }, header: { Authorization: 'Bearer gt_guest' } });
    assert.equal(header(server.requests[0], 'authorization'), 'Bearer gt_guest');
  });
});

describe('timeouts and network failures', () => {
  test('a server that never answers: TimeoutError, not an ApiError', async () => {
    server.handle(() => {
      /* never answers */
    });
    const client = createClient({ baseUrl: server.url, timeout: 150 });
    const started = performance.now();
    const error = await getSpace(client, { path: { spaceId: 'la-ruche' } }).then(
      () => assert.fail('should time out'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof TimeoutError, `expected a TimeoutError, got ${String(error)}`);
    assert.ok(!(error instanceof ApiError));
    assert.equal(isApiError(error), false);
    assert.ok(performance.now() - started < 2_000);
    // Timeouts are not retried by default: one attempt reached the server.
    assert.equal(server.requests.length, 1);
  });

  test('a per-call timeout overrides the client one', async () => {
    server.handle(() => {
      /* never answers */
    });
    const client = createClient({ baseUrl: server.url, timeout: 60_000 });
    await assert.rejects(getSpace(client, { path: { spaceId: 'la-ruche' }, timeout: 100 }), TimeoutError);
  });

  test('an aborted signal stops the request', async () => {
    server.handle(() => {
      /* never answers */
    });
    const client = createClient({ baseUrl: server.url });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(getSpace(client, { path: { spaceId: 'la-ruche' }, signal: controller.signal }), (e: unknown) => {
      assert.equal((e as Error).name, 'AbortError');
      assert.equal(isApiError(e), false);
      return true;
    });
  });

  test('a given fetch that ignores the abort signal still times out, and still stops on abort', async () => {
    const hanging: typeof fetch = () => new Promise(() => {});
    const client = createClient({ baseUrl: server.url, fetch: hanging, timeout: 100 });
    await assert.rejects(getSpace(client, { path: { spaceId: 'la-ruche' } }), TimeoutError);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    await assert.rejects(getSpace(client, { path: { spaceId: 'la-ruche' }, signal: controller.signal, timeout: 60_000 }), (e: unknown) => {
      assert.equal((e as Error).name, 'AbortError');
      return true;
    });
    // At the abort, not at the 60 s timeout.
    assert.ok(performance.now() - started < 2_000);
  });

  test('connection refused: NetworkError, not an ApiError', async () => {
    const client = createClient({ baseUrl: await refusedUrl(), retry: { limit: 1, backoffLimit: 50 } });
    const error = await getSpace(client, { path: { spaceId: 'la-ruche' } }).then(
      () => assert.fail('should fail'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof NetworkError, `expected a NetworkError, got ${String(error)}`);
    assert.ok(!(error instanceof ApiError));
    assert.equal(isApiError(error), false);
  });

  test('the server cutting the connection: NetworkError', async () => {
    server.handle((_request, response) => {
      response.socket?.destroy();
    });
    const client = createClient({ baseUrl: server.url, retry: { limit: 0 } });
    await assert.rejects(getSpace(client, { path: { spaceId: 'la-ruche' } }), NetworkError);
  });
});

describe('hooks', () => {
  test('beforeRequest and afterResponse hooks from the options are called', async () => {
    const seen: string[] = [];
    const client = createClient({
      baseUrl: `${server.url}/api`,
      token: 'mt_token',
      hooks: {
        beforeRequest: [
          ({ request }) => {
            seen.push(`before ${request.method} ${new URL(request.url).pathname} auth=${request.headers.get('authorization')}`);
            request.headers.set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
          },
        ],
        afterResponse: [
          ({ response }) => {
            seen.push(`after ${response.status}`);
          },
        ],
      },
    });
    const { data } = await getSpace(client, { path: { spaceId: 'la-ruche' } });
    assert.deepEqual(data, space);
    assert.deepEqual(seen, ['before GET /api/spaces/la-ruche auth=Bearer mt_token', 'after 200']);
    assert.equal(header(server.requests[0], 'traceparent'), '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    // The client's own token hook still ran.
    assert.equal(header(server.requests[0], 'authorization'), 'Bearer mt_token');
  });

  test('beforeRetry and beforeError hooks are called too', async () => {
    let attempts = 0;
    server.handle((_request, response) => {
      attempts++;
      response.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '0' });
      response.end(JSON.stringify({ type: 'urn:coworking-commons:problem:internal', title: 'Unavailable', status: 503 }));
    });
    const seen: string[] = [];
    const client = createClient({
      baseUrl: server.url,
      retry: { limit: 1 },
      hooks: {
        beforeRetry: [({ retryCount }) => void seen.push(`retry ${retryCount}`)],
        beforeError: [({ error }) => (seen.push(`error ${error.name}`), error)],
      },
    });
    await assert.rejects(getSpace(client, { path: { spaceId: 'la-ruche' } }), ApiError);
    assert.equal(attempts, 2);
    assert.deepEqual(seen, ['retry 1', 'error ApiError']);
  });
});
