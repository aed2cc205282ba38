// The suite against the reference server, seeded with the demo space, on each database: every
// check of every claimed feature passes, and the server's own validator saw no answer off the spec.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seedDemo } from '../../server/src/seed/demo.ts';
import { testDatabases } from '../../server/test/support/databases.ts';
import { startTestServer } from '../../server/test/support/test-server.ts';
import { checks, runConformance } from '../src/index.ts';
import { allowedOrigins, startReferenceServer, tokensOfTwoMembers } from './support/reference-server.ts';

// High limits for the bursts, but the server's real limit of sign-in codes per email (5 per 10
// minutes), which auth.sign-in-rate-limit provokes; startTestServer passes the option on to the server.
const signInPerEmail = { signInPerEmail: 5 };
const rateLimits = { guestCreate: 1000, other: 100_000, ...signInPerEmail };

for (const kind of testDatabases()) {
  describe(`the conformance suite against the reference server (${kind})`, () => {
    test('every check passes, with and without a staff key, and leaves no fixture behind', async () => {
      const server = await startTestServer(kind, { rateLimits });
      const { spaceId, staffKey } = await seedDemo(server.deps, { allowedOrigins });
      const resourcesBefore = await fetch(`${server.url}/spaces/${spaceId}/resources?limit=100`).then((r) => r.json());

      const memberTokens = await tokensOfTwoMembers(server.url, spaceId, server.mails);
      const run = await runConformance({ apiUrl: server.url, spaceId, staffKey, memberTokens });
      const notPassed = run.results.filter((result) => result.status !== 'pass');
      assert.deepEqual(notPassed.map((result) => ({ id: result.id, status: result.status, failures: result.failures })), []);
      assert.equal(run.passed, true);
      assert.deepEqual(run.results.map((result) => result.id).toSorted(), checks.map((check) => check.id).toSorted(), 'every check ran');

      const resourcesAfter = await fetch(`${server.url}/spaces/${spaceId}/resources?limit=100`).then((r) => r.json());
      assert.deepEqual(resourcesAfter.items.map((r: any) => r.id), resourcesBefore.items.map((r: any) => r.id), 'the fixture resource was deleted');

      const readOnly = await runConformance({ apiUrl: server.url, spaceId });
      assert.equal(readOnly.passed, true);
      const skipped = readOnly.results.filter((result) => result.status === 'skipped').map((result) => result.id);
      assert.deepEqual(skipped, checks.filter((check) => check.needsStaffKey).map((check) => check.id), 'without a staff key the fixture checks are skipped, never failed');
      assert.ok(readOnly.results.every((result) => result.status === 'pass' || result.status === 'skipped'));

      const withoutMembers = await runConformance({ apiUrl: server.url, spaceId, staffKey, only: ['members.isolation'] });
      const isolation = withoutMembers.results.find((result) => result.id === 'members.isolation');
      assert.deepEqual([isolation?.status, isolation?.reason], ['skipped', 'needs --member-tokens (two members of the space)']);
      const oneMember = await runConformance({ apiUrl: server.url, spaceId, staffKey, memberTokens: [memberTokens[0], memberTokens[0]], only: ['members.isolation'] });
      assert.match(oneMember.results.find((result) => result.id === 'members.isolation')!.failures[0]!.message, /two different members/);
    });
  });
}

describe('a server that claims no optional feature (SQLite)', () => {
  test('its optional checks are reported "not claimed", never failed, and the run passes', async () => {
    const server = await startReferenceServer('sqlite', (app) =>
      app.addHook('onSend', async (request, _reply, payload) => {
        if (request.url !== '/.well-known/coworking-commons') return payload;
        return JSON.stringify({ ...JSON.parse(String(payload)), features: [] });
      }),
    );
    try {
      const run = await runConformance({ apiUrl: server.url, spaceId: server.spaceId, staffKey: server.staffKey, burst: 5 });
      assert.deepEqual(run.claimedFeatures, ['core']);
      const notClaimed = run.results.filter((result) => result.status === 'not-claimed').map((result) => result.id);
      assert.deepEqual(notClaimed, checks.filter((check) => check.feature !== 'core').map((check) => check.id));
      assert.deepEqual(run.results.filter((result) => result.status === 'fail').map((result) => result.id), []);
      assert.equal(run.passed, true);
    } finally {
      await server.close();
    }
  });
});
