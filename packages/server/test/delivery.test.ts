// How the server delivers the widgets (issue 11): compressed answers, what browsers may cache and
// for how long, and rate limits that a coworking space's shared Wi-Fi (one public address for
// everyone in it) lives with. Served as `npm start` serves it: the demo site, the real CDN build
// (built here, with its compressed copies and manifest) and the demo space.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { buildCdn, cdnFileNames } from '../../elements/scripts/cdn.ts';
import { cdnEntries } from '../../elements/scripts/cdn-entries.ts';
import { compressCdn, manifestName } from '../../elements/scripts/compress-cdn.ts';
import { defaultRateLimits } from '../src/http/rate-limits.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { testDatabases } from './support/databases.ts';
import { memberWithToken } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const root = new URL('../../../', import.meta.url).pathname;
// The elements' CDN build as `npm run build:cdn` writes it (scripts/build-cdn.ts).
const cdnDir = mkdtempSync(join(tmpdir(), 'cowork-cdn-'));
await buildCdn(cdnDir);
const manifest = compressCdn(cdnDir, cdnEntries(), cdnFileNames);
const demoSite = { siteDir: join(root, 'demo/site'), cdnDir };

const immutable = 'public, max-age=31536000, immutable';
const revalidated = 'public, max-age=300';
/** The largest module of the build (core.js), which has brotli and gzip copies. */
const chunk = Object.keys(manifest.sizes).filter((file) => file.endsWith('.js')).sort((a, b) => manifest.sizes[b]!.bytes - manifest.sizes[a]!.bytes)[0]!;

type Headers = Record<string, string>;

function decoded(answer: LightMyRequestResponse): Buffer {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.rawPayload);
  if (encoding === 'gzip') return gunzipSync(answer.rawPayload);
  assert.equal(encoding, undefined, `unexpected Content-Encoding ${encoding}`);
  return answer.rawPayload;
}

function assertVaries(answer: LightMyRequestResponse, what: string): void {
  const vary = String(answer.headers.vary ?? '').toLowerCase().split(',').map((field) => field.trim());
  assert.ok(vary.includes('accept-encoding'), `${what}: Vary is "${answer.headers.vary}"`);
}

describe("the CDN build's manifest", () => {
  test('lists as hashed every file of the build but the entries, and the entries by their stable names', () => {
    const folder = readdirSync(cdnDir).find((name) => /^v\d/.test(name));
    assert.ok(folder && readdirSync(join(cdnDir, folder)).some((name) => name.endsWith('.js')), 'the build writes its modules into v<version>/');
    assert.deepEqual([...manifest.entries].sort(), Object.keys(cdnEntries()).map((name) => `${name}.js`).sort());
    const built = Object.keys(manifest.sizes).filter((file) => file.startsWith(`${folder}/`));
    assert.ok(built.length > 10, built.join(', '));
    assert.deepEqual(manifest.hashed, built, 'every chunk, source map and translation of v<version>/ is hashed');
    for (const file of manifest.hashed) assert.match(file, /-[\w-]{8}\.js(\.map)?$/, `${file} carries a hash of its content`);
    for (const entry of manifest.entries) assert.ok(!manifest.hashed.includes(entry), `${entry} keeps its name`);
  });

  test('the same sources give the same names: a build changes the names of only the files whose content changed', async () => {
    const other = mkdtempSync(join(tmpdir(), 'cowork-cdn-again-'));
    try {
      await buildCdn(other);
      assert.deepEqual(compressCdn(other, cdnEntries(), cdnFileNames).hashed, manifest.hashed);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  test("lists as hashed only what the build's patterns with [hash] name", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cowork-cdn-names-'));
    mkdirSync(join(dir, 'chunks'));
    mkdirSync(join(dir, 'v1'));
    const files = ['cowork-a.js', 'cowork-elements.js', 'chunks/lit-AbCd12_-.js', 'chunks/lit-AbCd12_-.js.map', 'chunks/notes.js', 'v1/core.js', 'graph.json'];
    for (const file of files) writeFileSync(join(dir, file), 'export {};\n'.repeat(200));
    const entries = { 'cowork-a': 'a.ts', 'cowork-elements': 'all.ts' };
    const named = (output: Parameters<typeof compressCdn>[2]) => compressCdn(dir, entries, output);
    const patterns = named({ entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' });
    assert.deepEqual(patterns.hashed, ['chunks/lit-AbCd12_-.js', 'chunks/lit-AbCd12_-.js.map']);
    assert.deepEqual(patterns.entries, ['cowork-a.js', 'cowork-elements.js']);
    // Chunks named by a function may or may not carry a hash: none is claimed.
    assert.deepEqual(named({ entryFileNames: '[name].js', chunkFileNames: () => 'v1/[name].js' }).hashed, []);
    // An entry whose name looks like a hash pattern is still an entry: `cowork-elements` is `[name]-[hash]` with an 8-letter hash.
    assert.deepEqual(named({ entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' }).hashed, ['chunks/lit-AbCd12_-.js', 'chunks/lit-AbCd12_-.js.map']);
    assert.ok(readFileSync(join(dir, 'cowork-a.js.br')).length < 200, 'each file of 1 kB or more has its brotli copy');
    assert.ok(readFileSync(join(dir, 'cowork-a.js.gz')).length < 200, 'and its gzip copy');
  });
});

for (const kind of testDatabases()) {
  describe(`delivery: compression, caching and rate limits (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    before(async () => {
      // The server's own limits, not the lifted ones of the other tests.
      server = await startTestServer(kind, { rateLimits: defaultRateLimits, demoSite });
      staffKey = (await seedDemo(server.deps)).staffKey!;
    });

    // Each test comes from its own address, so that their counts do not mix.
    const request = (method: 'GET' | 'HEAD' | 'POST' | 'PATCH', url: string, options: { headers?: Headers; body?: unknown; from?: string } = {}) =>
      server.app.inject({
        method,
        url,
        headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
        ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
        remoteAddress: options.from ?? '192.0.2.1',
      });
    const get = (url: string, headers: Headers = {}, from?: string) => request('GET', url, { headers, from });

    describe('compression', () => {
      test('API answers of 1 kB and more go out as brotli or gzip as the request prefers, the same bytes once decompressed', async () => {
        const url = '/spaces/la-ruche/resources?limit=100';
        const plain = await get(url);
        assert.equal(plain.statusCode, 200);
        assert.equal(plain.headers['content-encoding'], undefined, 'identity without Accept-Encoding');
        assert.ok(plain.rawPayload.length > 1024, `the list is ${plain.rawPayload.length} bytes`);
        assertVaries(plain, 'identity');
        const cases: Array<[string, string | undefined]> = [
          ['br', 'br'],
          ['gzip', 'gzip'],
          ['gzip, deflate, br, zstd', 'br'], // what browsers send
          ['gzip, deflate', 'gzip'], // what Node's fetch sends
          ['br;q=0, gzip', 'gzip'],
          ['gzip;q=0.5, br;q=0.8', 'br'],
          ['identity', undefined],
          ['deflate', undefined],
          ['zstd', undefined],
        ];
        for (const [accept, expected] of cases) {
          const answer = await get(url, { 'accept-encoding': accept });
          assert.equal(answer.statusCode, 200, accept);
          assert.equal(answer.headers['content-encoding'], expected, accept);
          assert.match(String(answer.headers['content-type']), /^application\/json/, accept);
          assertVaries(answer, accept);
          assert.ok(decoded(answer).equals(plain.rawPayload), `${accept}: the decompressed body is the plain one`);
          if (expected) assert.ok(answer.rawPayload.length < plain.rawPayload.length / 2, `${accept}: ${answer.rawPayload.length} of ${plain.rawPayload.length} bytes`);
        }
      });

      test('answers under 1 kB go out as they are, still saying Vary: Accept-Encoding', async () => {
        const answer = await get('/.well-known/coworking-commons', { 'accept-encoding': 'br, gzip' });
        assert.equal(answer.statusCode, 200);
        assert.ok(answer.rawPayload.length < 1024);
        assert.equal(answer.headers['content-encoding'], undefined);
        assert.equal(Number(answer.headers['content-length']), answer.rawPayload.length);
        assertVaries(answer, 'a small answer');
        JSON.parse(answer.body);
      });

      test('errors stay problem documents, compressed when large', async () => {
        const openingHours = Array.from({ length: 28 }, () => ({ day: 'someday', opens: 'early', closes: 'late' }));
        for (const accept of ['br', 'gzip']) {
          const answer = await request('PATCH', '/spaces/la-ruche', { headers: { authorization: `Bearer ${staffKey}`, 'accept-encoding': accept }, body: { openingHours } });
          assert.equal(answer.statusCode, 400);
          assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
          assert.equal(answer.headers['content-encoding'], accept);
          const problem = JSON.parse(decoded(answer).toString('utf8'));
          assert.equal(problem.type, 'urn:coworking-commons:problem:validation-error');
          assert.ok(problem.errors.length > 20);
        }
        const small = await get('/spaces/nowhere', { 'accept-encoding': 'br' });
        assert.equal(small.statusCode, 404);
        assert.match(String(small.headers['content-type']), /^application\/problem\+json/);
        assert.equal(JSON.parse(decoded(small).toString('utf8')).type, 'urn:coworking-commons:problem:not-found');
      });

      test('HEAD answers with the headers of GET, compression included, and no body', async () => {
        for (const url of ['/spaces/la-ruche/resources?limit=100', '/spaces/la-ruche/resources?limit=2', '/spaces/la-ruche', '/openapi.json']) {
          for (const accept of [undefined, 'br', 'gzip']) {
            const headers: Headers = accept ? { 'accept-encoding': accept } : {};
            const [full, head] = [await get(url, headers), await request('HEAD', url, { headers })];
            const what = `${url} (${accept ?? 'identity'})`;
            assert.equal(head.statusCode, 200, what);
            assert.equal(head.rawPayload.length, 0, what);
            assert.equal(head.headers['content-encoding'], full.headers['content-encoding'], what);
            assert.equal(head.headers['content-length'], full.headers['content-length'], what);
            assert.equal(head.headers['content-type'], full.headers['content-type'], what);
            assertVaries(head, what);
          }
        }
      });

      test('the CDN build goes out as the brotli or gzip copy written when it was built, or as it is', async () => {
        const file = join(cdnDir, chunk);
        const raw = readFileSync(file);
        assert.ok(manifest.sizes[chunk]!.br! < raw.length / 2 && manifest.sizes[chunk]!.gzip! < raw.length / 2, JSON.stringify(manifest.sizes[chunk]));
        const cases: Array<[string | undefined, string | undefined]> = [
          ['br', 'br'],
          ['gzip', 'gzip'],
          ['gzip, deflate, br, zstd', 'br'],
          ['gzip, deflate', 'gzip'],
          [undefined, undefined],
          ['identity', undefined],
          ['deflate', undefined],
        ];
        for (const [accept, expected] of cases) {
          const answer = await get(`/cdn/${chunk}`, accept ? { 'accept-encoding': accept } : {});
          const what = `${chunk} (${accept})`;
          assert.equal(answer.statusCode, 200, what);
          assert.equal(answer.headers['content-encoding'], expected, what);
          assert.match(String(answer.headers['content-type']), /^(application|text)\/javascript/, what);
          assertVaries(answer, what);
          // The very bytes written at build time: nothing is compressed per request.
          const sent = expected === 'br' ? readFileSync(`${file}.br`) : expected === 'gzip' ? readFileSync(`${file}.gz`) : raw;
          assert.ok(answer.rawPayload.equals(sent), what);
          assert.ok(decoded(answer).equals(raw), what);
        }
      });
    });

    describe('caching', () => {
      const entries = manifest.entries;

      test('the entries keep their names: kept five minutes, then revalidated with their ETag (304 while unchanged)', async () => {
        assert.ok(entries.length >= 8);
        for (const file of entries) {
          for (const accept of [undefined, 'br']) {
            const headers: Headers = accept ? { 'accept-encoding': accept } : {};
            const first = await get(`/cdn/${file}`, headers);
            assert.equal(first.statusCode, 200, file);
            assert.equal(first.headers['cache-control'], revalidated, file);
            const etag = String(first.headers.etag ?? '');
            assert.ok(etag !== '', `${file} has an ETag`);
            const again = await get(`/cdn/${file}`, { ...headers, 'if-none-match': etag });
            assert.equal(again.statusCode, 304, file);
            assert.equal(again.rawPayload.length, 0, file);
            assert.equal(again.headers.etag, etag, file);
            assert.equal(again.headers['cache-control'], revalidated, file);
            assertVaries(again, `${file} (304)`);
            const stale = await get(`/cdn/${file}`, { ...headers, 'if-none-match': 'W/"an-older-version"' });
            assert.equal(stale.statusCode, 200, file);
          }
        }
      });

      test('every hashed file is cached for a year as immutable, in every encoding, and still answers a revalidation with 304', async () => {
        assert.ok(manifest.hashed.includes(chunk), `${chunk}, the largest module, is hashed`);
        for (const file of manifest.hashed) {
          for (const accept of [undefined, 'br', 'gzip']) {
            const headers: Headers = accept ? { 'accept-encoding': accept } : {};
            const answer = await get(`/cdn/${file}`, headers);
            assert.equal(answer.statusCode, 200, file);
            assert.equal(answer.headers['cache-control'], immutable, `${file} (${accept})`);
            const again = await get(`/cdn/${file}`, { ...headers, 'if-none-match': String(answer.headers.etag) });
            assert.equal(again.statusCode, 304, `${file} (${accept})`);
            assert.equal(again.headers['cache-control'], immutable, `${file} (${accept}, 304)`);
          }
        }
        for (const file of ['cdn-manifest.json', 'cowork-preload.json']) assert.equal((await get(`/cdn/${file}`)).headers['cache-control'], revalidated, file);
      });

      test('each encoding of a file has its own ETag, and revalidates with it', async () => {
        const tags = new Set<string>();
        for (const accept of ['identity', 'br', 'gzip']) {
          const first = await get(`/cdn/${chunk}`, { 'accept-encoding': accept });
          const etag = String(first.headers.etag);
          tags.add(etag);
          const again = await get(`/cdn/${chunk}`, { 'accept-encoding': accept, 'if-none-match': etag });
          assert.equal(again.statusCode, 304, accept);
        }
        assert.equal(tags.size, 3, [...tags].join(' '));
      });

      test("without the build's manifest nothing is cached as immutable", async () => {
        const file = join(cdnDir, manifestName);
        renameSync(file, `${file}.away`);
        try {
          const answer = await get(`/cdn/${chunk}`);
          assert.equal(answer.statusCode, 200);
          assert.equal(answer.headers['cache-control'], revalidated);
        } finally {
          renameSync(`${file}.away`, file);
        }
        assert.equal((await get(`/cdn/${chunk}`)).headers['cache-control'], immutable, 'and with it again, the hashed files are immutable again');
      });

      test('a demo page names the files of the build it is served with, and each of them is there', async () => {
        const page = await get('/reserver.html');
        assert.equal(page.statusCode, 200);
        const named = [...page.body.matchAll(/(?:href|src)="\/cdn\/([^"]+)"/g)].map((m) => m[1]!);
        assert.ok(named.length >= 8, named.join(', '));
        assert.ok(named.includes('cowork-booking.js') && named.includes('cowork-space.js'), 'its scripts are the entries');
        for (const file of named) {
          assert.ok(file.startsWith('cowork-') || manifest.hashed.includes(file), `${file} is the build's file`);
          assert.equal((await get(`/cdn/${file}`)).statusCode, 200, file);
        }
        assert.ok(named.some((file) => /^v[^/]+\/core-[\w-]{8}\.js$/.test(file)), 'it preloads core with its hash');
      });
    });

    describe('rate limits', () => {
      test('200 people behind one address, each loading the booking page three times in a minute, never get a 429', async () => {
        const from = '203.0.113.10';
        const resources = JSON.parse((await get('/spaces/la-ruche/resources?limit=100&type=meeting_room', {}, from)).body).items as Array<{ id: string }>;
        const resourceId = resources[0]!.id;
        // A Tuesday at least a week ahead, within the demo space's opening hours.
        const day = new Date();
        day.setUTCDate(day.getUTCDate() + 7 + ((9 - day.getUTCDay()) % 7));
        const date = day.toISOString().slice(0, 10);
        day.setUTCDate(day.getUTCDate() + 1);
        const nextDate = day.toISOString().slice(0, 10);
        // A quarter of them signed in as members (they send their token with every API call).
        const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => memberWithToken(server, 'la-ruche', `visitor-${i}@example.org`).then((m) => m.token)));
        const people = Array.from({ length: 200 }, (_, i) => tokens[i]);
        // What a browser asks for on the booking page (with an empty cache: the worst case).
        const files = ['/reserver.html', '/site/style.css', '/site/site.js', '/cdn/cowork-elements.js', ...manifest.hashed.filter((f) => f.endsWith('.js')).map((f) => `/cdn/${f}`)];
        const statuses = new Map<number, number>();
        let apiCalls = 0;
        const count = (answer: LightMyRequestResponse, api: boolean) => {
          statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
          if (api) apiCalls++;
          return answer;
        };
        const pageView = async (token: string | undefined) => {
          const headers: Headers = { 'accept-encoding': 'gzip, deflate, br, zstd', ...(token ? { authorization: `Bearer ${token}` } : {}) };
          const api = (method: 'GET' | 'POST', url: string, body?: unknown) => request(method, url, { headers, body, from }).then((answer) => count(answer, true));
          await Promise.all(files.map((file) => get(file, { 'accept-encoding': headers['accept-encoding']! }, from).then((answer) => count(answer, false))));
          await Promise.all([api('GET', '/.well-known/coworking-commons'), api('GET', '/spaces/la-ruche'), api('GET', '/spaces/la-ruche/resources?limit=100')]);
          // The day first shown, then another day the visitor picks.
          for (const day of [date, nextDate]) await api('GET', `/spaces/la-ruche/availability?from=${day}T05:00:00Z&to=${day}T21:00:00Z&resourceId=${resourceId}`);
          await api('POST', '/spaces/la-ruche/quotes', { resourceId, start: `${date}T09:00:00Z`, end: `${date}T10:00:00Z` });
        };
        for (let round = 0; round < 3; round++) await Promise.all(people.map(pageView));
        assert.equal(statuses.get(429), undefined, `statuses: ${JSON.stringify([...statuses])}`);
        assert.deepEqual([...statuses.keys()], [200], `every request succeeded: ${JSON.stringify([...statuses])}`);
        // Far more than the 1,200 requests a minute per address (static files included) of before.
        assert.equal(apiCalls, 200 * 3 * 6);
        assert.ok(apiCalls > 1200);
      });

      test('static files, pages, the spec, the reference and the health check are never rate-limited', async () => {
        const strict = await startTestServer(kind, { rateLimits: { ...defaultRateLimits, other: 5 }, demoSite });
        const paths = ['/', '/reserver.html', '/site/style.css', '/cdn/cowork-elements.js', `/cdn/${chunk}`, `/cdn/${manifestName}`, '/openapi.json', '/reference', '/healthz'];
        for (let round = 0; round < 20; round++) {
          for (const path of paths) {
            const answer = await strict.app.inject({ method: 'GET', url: path, remoteAddress: '203.0.113.20' });
            assert.notEqual(answer.statusCode, 429, path);
            if (path !== '/reference') assert.equal(answer.statusCode, 200, path); // the reference exists once the spec is built
          }
        }
        // The API behind the same address is limited, at five requests a minute here.
        const api = () => strict.app.inject({ method: 'GET', url: '/.well-known/coworking-commons', remoteAddress: '203.0.113.20' });
        for (let i = 0; i < 5; i++) assert.equal((await api()).statusCode, 200);
        const refused = await api();
        assert.equal(refused.statusCode, 429);
        assert.equal(JSON.parse(refused.body).type, 'urn:coworking-commons:problem:rate-limited');
        assert.ok(Number(refused.headers['retry-after']) > 0);
        assert.equal((await strict.app.inject({ method: 'GET', url: `/cdn/${chunk}`, remoteAddress: '203.0.113.20' })).statusCode, 200, 'files still load');
      });

      test('one email asking for sign-in codes too often gets 429; another email from the same address does not', async () => {
        const from = '198.51.100.7';
        const ask = (email: string, address = from) => request('POST', '/spaces/la-ruche/auth/code', { body: { email }, from: address });
        // Case and spaces do not make another address.
        for (const email of ['camille.durand@example.org', 'Camille.Durand@example.org', 'CAMILLE.DURAND@EXAMPLE.ORG', 'camille.durand@example.org', 'camille.durand@Example.org']) {
          assert.equal((await ask(email)).statusCode, 202, email);
        }
        const refused = await ask('camille.durand@example.org');
        assert.equal(refused.statusCode, 429);
        assert.equal(JSON.parse(refused.body).type, 'urn:coworking-commons:problem:rate-limited');
        assert.ok(Number(refused.headers['retry-after']) > 0);
        assert.equal((await ask('leo.martin@example.org')).statusCode, 202, 'another email from the same address');
        assert.equal((await ask('camille.durand@example.org', '198.51.100.99')).statusCode, 429, 'the same email from another address');
      });

      test('code exchanges are limited per email too, apart from code requests', async () => {
        const from = '198.51.100.8';
        const exchange = (email: string) => request('POST', '/spaces/la-ruche/auth/token', { body: { email, code: '000000' }, from });
        for (let i = 0; i < 5; i++) assert.notEqual((await exchange('ines.moreau@example.org')).statusCode, 429);
        assert.equal((await exchange('ines.moreau@example.org')).statusCode, 429);
        assert.notEqual((await exchange('hugo.bernard@example.org')).statusCode, 429, 'another email from the same address');
        assert.equal((await request('POST', '/spaces/la-ruche/auth/code', { body: { email: 'ines.moreau@example.org' }, from })).statusCode, 202, 'a code may still be asked for');
      });

      test('guest bookings are limited per guest email as well as per address', async () => {
        let key = 0;
        const book = (email: string, from: string) =>
          request('POST', '/spaces/la-ruche/bookings', {
            headers: { 'idempotency-key': `delivery-test-key-${++key}` },
            body: { resourceId: 'rs_none', start: '2027-03-02T09:00:00Z', end: '2027-03-02T10:00:00Z', guest: { name: 'Guest', email } },
            from,
          });
        for (let i = 0; i < 10; i++) assert.notEqual((await book('guest@example.net', '198.51.100.30')).statusCode, 429);
        assert.equal((await book('guest@example.net', '198.51.100.30')).statusCode, 429, 'the eleventh for one guest email');
        assert.equal((await book('guest@example.net', '198.51.100.31')).statusCode, 429, 'the same guest from another address');
        assert.notEqual((await book('another.guest@example.net', '198.51.100.30')).statusCode, 429, 'another guest from the same address');
        for (let i = 0; i < 30; i++) assert.notEqual((await book(`guest-${i}@example.net`, '198.51.100.32')).statusCode, 429);
        assert.equal((await book('guest-last@example.net', '198.51.100.32')).statusCode, 429, 'the 31st guest booking from one address');
      });

      test("one member's runaway script is stopped at 1,200 requests a minute, not the others behind the same address", async () => {
        const from = '203.0.113.40';
        const [runaway, other] = await Promise.all([memberWithToken(server, 'la-ruche'), memberWithToken(server, 'la-ruche')]);
        const me = (token: string) => get('/spaces/la-ruche/me', { authorization: `Bearer ${token}` }, from);
        for (let batch = 0; batch < 24; batch++) {
          const answers = await Promise.all(Array.from({ length: 50 }, () => me(runaway.token)));
          assert.deepEqual([...new Set(answers.map((answer) => answer.statusCode))], [200]);
        }
        assert.equal((await me(runaway.token)).statusCode, 429);
        assert.equal((await me(other.token)).statusCode, 200);
        assert.equal((await get('/spaces/la-ruche', {}, from)).statusCode, 200, 'nor the anonymous visitors');
      });
    });
  });
}
