// Findings of the outside attack on the reference server (issue 10), one test or more each:
// request bodies held to the spec whatever their media type, no caller-triggered 5xx, and every
// error from any layer a problem document.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { before, describe, test } from 'node:test';
import { loggerOptions } from '../src/cli/log.ts';
import { loadSpec } from '../src/app.ts';
import { maxJsonDepth } from '../src/http/request-body.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { sendRaw } from './support/raw-http.ts';
import { memberWithToken } from './support/rows.ts';
import { createMemberRecord } from './support/sign-in.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const spec = loadSpec();

/** Every operation with a request body, its path filled with plausible values. */
function operationsWithBodies(): { method: string; path: string; operationId: string; required: boolean }[] {
  const found = [];
  for (const [template, item] of Object.entries<any>(spec.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      if (!operation?.requestBody) continue;
      const body = operation.requestBody.$ref ? spec.components.requestBodies[operation.requestBody.$ref.split('/').pop()] : operation.requestBody;
      const path = template.replace('{spaceId}', 'la-ruche').replace(/\{(\w+)\}/g, (_, name: string) => `${name.replace(/Id$/, '')}_0000000000`);
      found.push({ method: method.toUpperCase(), path, operationId: operation.operationId, required: body.required === true });
    }
  }
  return found;
}

async function assertProblem(answer: Response, status: number, type: string): Promise<any> {
  const text = await answer.text();
  assert.equal(answer.status, status, text);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = JSON.parse(text);
  assert.equal(problem.type, `urn:coworking-commons:problem:${type}`);
  assert.equal(problem.status, status);
  return problem;
}

for (const kind of testDatabases()) {
  describe(`hardening: request bodies (${kind})`, () => {
    let server: TestServer;
    let member: { memberId: string; token: string };
    before(async () => {
      server = await startTestServer(kind);
      await seedSpace(server, spaceFixture('la-ruche'));
      member = await memberWithToken(server, 'la-ruche', 'camille@example.org');
    });

    const send = (method: string, path: string, body: string | undefined, contentType?: string, token = member.token) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'idempotency-key': `key-${Math.random()}`, ...(contentType ? { 'content-type': contentType } : {}) },
        body,
      });

    test('a body in a media type the operation does not declare is a 415 on every operation, JSON-like ones too', async () => {
      const operations = operationsWithBodies();
      assert.ok(operations.length >= 19);
      for (const { method, path } of operations) {
        for (const type of ['application/problem+json', 'application/merge-patch+json', 'text/plain', 'text/calendar', 'application/x-www-form-urlencoded']) {
          const problem = await assertProblem(await send(method, path, '{"name":"x"}', type), 415, 'unsupported-media-type');
          assert.match(problem.detail, /application\/json/);
        }
      }
    });

    test('a missing body is a 400 on every operation that requires one', async () => {
      const required = operationsWithBodies().filter((operation) => operation.required);
      assert.ok(required.length >= 16);
      for (const { method, path } of required) {
        const problem = await assertProblem(await send(method, path, undefined), 400, 'validation-error');
        assert.deepEqual(problem.errors, [{ pointer: '/', detail: 'is required: send a JSON body' }]);
      }
    });

    test('a wrongly typed profile sent as problem+json is refused and nothing is stored; the directory still answers', async () => {
      const before = await (await send('GET', '/spaces/la-ruche/me', undefined)).json();
      for (const body of [{ avatar: { url: 'https://example.org/a.png', width: 'abc' } }, { skills: 'x' }, { displayName: 'x'.repeat(5000) }]) {
        await assertProblem(await send('PATCH', '/spaces/la-ruche/me', JSON.stringify(body), 'application/problem+json'), 415, 'unsupported-media-type');
        await assertProblem(await send('PATCH', '/spaces/la-ruche/me', JSON.stringify(body), 'application/json'), 400, 'validation-error');
      }
      assert.deepEqual(await (await send('GET', '/spaces/la-ruche/me', undefined)).json(), before);
      assert.equal((await fetch(`${server.url}/spaces/la-ruche/members`)).status, 200);
    });

    test(`JSON nested deeper than ${maxJsonDepth} levels is a 400, even 3,000 levels in an extension`, async () => {
      const deep = (levels: number) => `{"x-acme-deep":${'['.repeat(levels)}1${']'.repeat(levels)}}`;
      const problem = await assertProblem(await send('PATCH', '/spaces/la-ruche/me', deep(3000), 'application/json'), 400, 'validation-error');
      assert.match(problem.errors[0].detail, /deeper than/);
      await assertProblem(await send('PATCH', '/spaces/la-ruche/me', deep(maxJsonDepth), 'application/json'), 400, 'validation-error');
      const shallow = await send('PATCH', '/spaces/la-ruche/me', JSON.stringify({ 'x-acme-note': { a: [1] } }), 'application/json');
      assert.equal(shallow.status, 200, await shallow.text());
    });

    test('text holding NUL is a 400 in a body and in a query (PostgreSQL cannot store it)', async () => {
      const problem = await assertProblem(await send('PATCH', '/spaces/la-ruche/me', JSON.stringify({ company: 'nul\u0000byte' }), 'application/json'), 400, 'validation-error');
      assert.deepEqual(problem.errors, [{ pointer: '/company', detail: 'must not contain the NUL character (U+0000)' }]);
      await assertProblem(await fetch(`${server.url}/spaces/la-ruche/members?q=%00`), 400, 'validation-error');
    });

    test('a stored object that no longer matches the spec is left out of a list, not a 500 for everyone', async () => {
      const good = await createMemberRecord(server, 'la-ruche', { email: 'good@example.org', displayName: 'Good Card', directoryConsent: true });
      const bad = await createMemberRecord(server, 'la-ruche', { email: 'bad@example.org', displayName: 'Bad Card', directoryConsent: true });
      await server.store.db.updateTable('members').set({ document: JSON.stringify({ skills: 'x', links: [{ url: 'javascript:alert(1)' }] }) }).where('id', '=', bad.id).execute();
      const { staffKey } = await seedSpace(server, spaceFixture('la-ruche'));
      for (const [path, token] of [['/spaces/la-ruche/members?limit=100', undefined], ['/spaces/la-ruche/staff/members?limit=100', staffKey]] as const) {
        const answer = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
        assert.equal(answer.status, 200, path);
        const ids = ((await answer.json()) as { items: { id: string }[] }).items.map((item) => item.id);
        assert.ok(ids.includes(good.id), path);
        assert.ok(!ids.includes(bad.id), path);
      }
    });

    test('a change whose answer cannot be given is rolled back: "500 … nothing was changed" is true', async () => {
      const broken = await createMemberRecord(server, 'la-ruche', { email: 'broken@example.org', displayName: 'Broken Record', directoryConsent: true });
      await server.store.db.updateTable('members').set({ document: JSON.stringify({ skills: 'x', links: [] }) }).where('id', '=', broken.id).execute();
      const before = await server.store.db.selectFrom('members').selectAll().where('id', '=', broken.id).executeTakeFirstOrThrow();
      const { staffKey } = await seedSpace(server, spaceFixture('la-ruche'));
      const answer = await send('PATCH', `/spaces/la-ruche/staff/members/${broken.id}`, JSON.stringify({ company: 'Changed & Co', status: 'inactive' }), 'application/json', staffKey);
      const problem = await assertProblem(answer, 500, 'internal');
      assert.match(problem.detail, /nothing was changed/);
      assert.deepEqual(await server.store.db.selectFrom('members').selectAll().where('id', '=', broken.id).executeTakeFirstOrThrow(), before);
    });

    test('a body sent to an operation that takes none is ignored', async () => {
      const { token } = await memberWithToken(server, 'la-ruche');
      const answer = await send('DELETE', '/spaces/la-ruche/auth/token', 'anything at all', 'text/plain', token);
      assert.equal(answer.status, 204);
    });

    test('instants and dates far from now are a 400, not a failure of the calendar arithmetic', async () => {
      for (const [from, to] of [
        ['9999-12-31T00:00:00Z', '9999-12-31T23:00:00Z'],
        ['0001-01-01T00:00:00Z', '0001-01-02T00:00:00Z'],
        ['0000-01-01T00:00:00Z', '0000-01-02T00:00:00Z'],
        ['9000-01-01T00:00:00Z', '9000-01-02T00:00:00Z'],
      ]) {
        const problem = await assertProblem(await fetch(`${server.url}/spaces/la-ruche/availability?from=${from}&to=${to}`), 400, 'validation-error');
        assert.match(problem.errors[0].detail, /from 1970-01-01 up to 9000-01-01/);
      }
      const edge = await fetch(`${server.url}/spaces/la-ruche/availability?from=8999-12-31T00:00:00Z&to=8999-12-31T23:59:59Z`);
      assert.equal(edge.status, 200, await edge.text());
      const { staffKey } = await seedSpace(server, spaceFixture('far-closures'));
      const closure = await send('PATCH', '/spaces/far-closures', JSON.stringify({ closures: [{ from: '9999-12-31', to: '9999-12-31' }] }), 'application/json', staffKey);
      await assertProblem(closure, 400, 'validation-error');
    });

    test("a space's time zone must be an IANA zone", async () => {
      const { staffKey } = await seedSpace(server, spaceFixture('mars'));
      for (const timeZone of ['Mars/Olympus_Mons', 'Europe/Pariss']) {
        const answer = await send('PATCH', '/spaces/mars', JSON.stringify({ timeZone }), 'application/json', staffKey);
        const problem = await assertProblem(answer, 400, 'validation-error');
        assert.equal(problem.errors[0].pointer, '/timeZone');
      }
      const ok = await send('PATCH', '/spaces/mars', JSON.stringify({ timeZone: 'America/Argentina/Buenos_Aires' }), 'application/json', staffKey);
      assert.equal(ok.status, 200, await ok.text());
    });
  });
}

describe('hardening: errors before any route', () => {
  let server: TestServer;
  before(async () => {
    const root = mkdtempSync(join(tmpdir(), 'cowork-site-'));
    mkdirSync(join(root, 'site'));
    mkdirSync(join(root, 'cdn'));
    writeFileSync(join(root, 'site', 'index.html'), '<!doctype html><title>Demo</title>');
    writeFileSync(join(root, 'site', 'style.css'), 'body { margin: 0 }');
    writeFileSync(join(root, 'cdn', 'cowork-elements.js'), 'export {};');
    writeFileSync(join(root, 'package.json'), '{"secret":"outside the roots"}');
    server = await startTestServer('sqlite', { demoSite: { siteDir: join(root, 'site'), cdnDir: join(root, 'cdn') } });
    await seedSpace(server);
  });

  const raw = (request: string) => sendRaw(server.url, request);
  const assertRawProblem = (answer: { status: number; headers: Record<string, string>; body: string }, status: number, type: string) => {
    assert.equal(answer.status, status, answer.body);
    assert.match(answer.headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.equal(JSON.parse(answer.body).type, `urn:coworking-commons:problem:${type}`);
  };

  test('a bad percent-encoding in the path is a 400 problem', async () => {
    assertRawProblem(await raw('GET /spaces/la-ruche/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), 400, 'bad-request');
  });

  test('a path parameter over the limit is a 414 problem', async () => {
    assertRawProblem(await raw(`GET /spaces/${'a'.repeat(600)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`), 414, 'uri-too-long');
  });

  test('oversized headers are a 431 problem', async () => {
    assertRawProblem(await raw(`GET /spaces/la-ruche HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`), 431, 'headers-too-large');
  });

  test('a request without Host, and one that is not HTTP, are 400 problems', async () => {
    assertRawProblem(await raw('GET /spaces/la-ruche HTTP/1.1\r\nConnection: close\r\n\r\n'), 400, 'bad-request');
    assertRawProblem(await raw('NOT HTTP AT ALL\r\n\r\n'), 400, 'bad-request');
  });

  test('no path outside the static roots is served, in any encoding; each answer is a 4xx problem', async () => {
    const dots = ['..', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '%252e%252e', '..%00', '%c0%ae%c0%ae'];
    const slashes = ['/', '%2f', '%2F', '%5c', '\\', '%252f'];
    let tried = 0;
    for (const prefix of ['/cdn/', '/site/', '/cdn/x/', '/site//']) {
      for (const dot of dots) {
        for (const slash of slashes) {
          for (const depth of [1, 2, 3]) {
            const path = prefix + `${dot}${slash}`.repeat(depth) + 'package.json';
            const answer = await raw(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
            tried++;
            assert.ok(answer.status >= 400 && answer.status < 500, `${path}: ${answer.status}`);
            assert.match(answer.headers['content-type'] ?? '', /^application\/problem\+json/, path);
            assert.doesNotMatch(answer.body, /outside the roots/, path);
          }
        }
      }
    }
    assert.equal(tried, 4 * dots.length * slashes.length * 3);
    assert.equal((await fetch(`${server.url}/cdn/cowork-elements.js`)).status, 200);
  });

  test('every response carries the security headers of its kind: pages, static files, the API, errors', async () => {
    const pages = ['/', '/index.html', '/site/index.html'];
    const others = ['/site/style.css', '/cdn/cowork-elements.js', '/spaces/la-ruche', '/spaces/nowhere', '/healthz', '/openapi.json', '/reference', '/cdn/none.js'];
    for (const path of [...pages, ...others]) {
      const answer = await fetch(`${server.url}${path}`);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', path);
      const policy = answer.headers.get('content-security-policy') ?? '';
      assert.match(policy, /frame-ancestors '(none|self)'/, path);
      if (pages.includes(path)) assert.match(policy, /script-src 'self'/, path);
    }
    const framework = await raw('GET /spaces/la-ruche/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(framework.headers['x-content-type-options'], 'nosniff');
    assert.match(framework.headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
  });

  test('answers to requests with credentials are never stored by a cache; public reads may be', async () => {
    const { token } = await memberWithToken(server, 'la-ruche');
    for (const path of ['/spaces/la-ruche/me', '/spaces/la-ruche/me/export']) {
      const answer = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(answer.status, 200, path);
      assert.equal(answer.headers.get('cache-control'), 'no-store', path);
    }
    const guest = await fetch(`${server.url}/spaces/la-ruche/bookings/bk_0000000000?guestToken=ccg_not_a_real_one`);
    assert.equal(guest.headers.get('cache-control'), 'no-store');
    assert.equal((await fetch(`${server.url}/spaces/la-ruche`)).headers.get('cache-control'), null);
  });
});

describe('hardening: secrets stay out of the log', () => {
  test('guest tokens in URLs and bearer tokens never reach the access log, at the default level and below', async () => {
    for (const logFormat of ['json', 'pretty'] as const) {
      const lines: string[] = [];
      const output = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const server = await startTestServer('sqlite', { logger: loggerOptions({ logLevel: 'debug', logFormat }, output as never) });
      await seedSpace(server);
      const secret = 'ccg_abcdefghijklmnopqrstuvwxyz0123';
      await fetch(`${server.url}/spaces/la-ruche/bookings/bk_0000000000?guestToken=${secret}&other=1`);
      await fetch(`${server.url}/spaces/la-ruche/me?access_token=${secret}`, { headers: { authorization: `Bearer cct_${secret}` } });
      await server.close();
      const log = lines.join('');
      assert.match(log, /bookings\/bk_0000000000/, logFormat);
      assert.match(log, /guestToken=\[redacted\]&other=1/, logFormat);
      assert.doesNotMatch(log, new RegExp(secret), logFormat);
    }
  });
});
