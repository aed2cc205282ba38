// The suite against a second, independent server (examples/minimal-server, written from the spec
// alone): every check of every feature it claims passes, the others are "not claimed", and the
// command exits 0 against it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startMinimalServer, type MinimalServer } from '../../../examples/minimal-server/src/server.ts';
import { checks, runConformance, type RunResult } from '../src/index.ts';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function failed(run: RunResult): string {
  return run.results
    .filter((result) => result.status === 'fail')
    .map((result) => `${result.id}: ${result.failures.map((failure) => `${failure.message} (expected ${failure.expected}; got ${failure.got})`).join(' | ')}`)
    .join('\n');
}

describe('the conformance suite against the minimal second implementation', () => {
  let server: MinimalServer;
  before(async () => {
    server = await startMinimalServer();
  });
  after(() => server.close());

  test('with a staff key: every check of every claimed feature passes, the others are not claimed', async () => {
    const run = await runConformance({ apiUrl: server.url, spaceId: server.spaceId, staffKey: server.staffKey });
    assert.equal(failed(run), '');
    assert.equal(run.passed, true);
    const claimed = new Set(run.claimedFeatures);
    for (const check of checks) {
      const result = run.results.find((r) => r.id === check.id);
      assert.ok(result, `${check.id} ran`);
      const needed = [check.feature, ...(check.alsoNeeds ?? [])];
      // It has no members to sign in, so no member tokens to give: what needs them is skipped, never failed.
      if (!needed.every((feature) => claimed.has(feature))) assert.equal(result.status, 'not-claimed', check.id);
      else if (check.needsMemberTokens) assert.deepEqual([result.status, result.reason], ['skipped', 'needs --member-tokens (two members of the space)'], check.id);
      else assert.equal(result.status, 'pass', `${check.id}: ${result.reason ?? ''}`);
    }
    assert.ok(claimed.has('guest-bookings') && claimed.has('quotes'));
    assert.ok(!claimed.has('member-directory') && !claimed.has('events'));
  });

  test('without a staff key: the read-only checks pass, the fixture checks are skipped, never failed', async () => {
    const run = await runConformance({ apiUrl: server.url, spaceId: server.spaceId });
    assert.equal(failed(run), '');
    assert.equal(run.passed, true);
    assert.ok(run.results.every((result) => result.status !== 'fail'));
    assert.ok(run.results.some((result) => result.status === 'skipped'));
  });

  test('the command exits 0 against it', async () => {
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, ['--conditions=source', '--disable-warning=ExperimentalWarning', cli, server.url, '--space', server.spaceId, '--staff-key', server.staffKey, '--burst', '10'], { timeout: 120_000 }, (error, out) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: out });
      });
    });
    assert.equal(code, 0, stdout);
    assert.match(stdout, /CONFORMS: \d+ passed, 0 failed/);
  });

  test('bad inputs get problem documents', async () => {
    const base = `${server.url}/spaces/${server.spaceId}`;
    const problem = async (response: Response, status: number, type: string) => {
      assert.equal(response.status, status);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      const body = await response.json();
      assert.equal(body.type, `urn:coworking-commons:problem:${type}`);
      assert.equal(body.status, status);
      return body;
    };
    const window = await problem(await fetch(`${base}/availability?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z`), 400, 'validation-error');
    assert.deepEqual(window.errors.map((e: any) => e.pointer), ['/query/to']);
    const noKey = await problem(await fetch(`${base}/bookings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 400, 'validation-error');
    assert.deepEqual(noKey.errors.map((e: any) => e.pointer), ['/header/Idempotency-Key']);
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'minimal-test-0001' };
    const body = await problem(await fetch(`${base}/bookings`, { method: 'POST', headers, body: JSON.stringify({ resourceId: 'rs_room', start: 'tomorrow', end: '2030-01-01T10:00:00Z', colour: 'red' }) }), 400, 'validation-error');
    assert.deepEqual(body.errors.map((e: any) => e.pointer).toSorted(), ['/colour', '/start']);
    await problem(await fetch(`${base}/bookings`, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: 'hello' }), 415, 'unsupported-media-type');
    await problem(await fetch(`${base}/bookings`, { method: 'POST', headers, body: '{"resourceId":' }), 400, 'validation-error');
    await problem(await fetch(`${server.url}/spaces/Not_A_Slug`), 400, 'validation-error');
    await problem(await fetch(`${base}/bookings`, { method: 'POST', headers, body: JSON.stringify({ notes: 'x'.repeat(70_000) }) }), 413, 'payload-too-large');
    assert.equal((await fetch(`${base}/resources/rs_room`, { method: 'DELETE', body: 'x'.repeat(70_000) })).status, 401, 'a body sent to an operation that takes none is ignored');
    await problem(await fetch(`${base}/events`), 501, 'not-implemented');
    await problem(await fetch(`${base}/resources`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.staffKey}` }, body: JSON.stringify({ type: 'meeting_room', name: 'x', capacity: 2, offers: [{ unit: 'hour', audience: 'guest', price: { amount: 100, currency: 'USD' } }] }) }), 422, 'rule-violation');
  });
});
