// The availability of many resources is remembered while the database is unchanged, for a second
// at most (handlers/availability.ts, services/answer-cache.ts, db/data-version.ts): a change, by
// this server or by another connection to its database, is seen by the very next question.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createBooking, createResource, getAvailability, updateResource } from '@coworking-commons/client';
import { openStore } from '../src/db/database.ts';
import { AnswerCache } from '../src/services/answer-cache.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { insertBooking } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const NOW = '2026-12-01T07:00:00.000Z'; // Tuesday 08:00 in Paris
const day = { from: '2026-12-02T00:00:00+01:00', to: '2026-12-03T00:00:00+01:00' };
const everyDay = (opens: string, closes: string) =>
  (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const).map((d) => ({ day: d, opens, closes }));

describe('AnswerCache', () => {
  test('answers again while the version and the age allow, computes again otherwise; one computation for questions asked at once; failures are not kept', async () => {
    const cache = new AnswerCache<number>({ maxAge: 1000, maxEntries: 2 });
    let computed = 0;
    const compute = async () => ++computed;
    assert.equal(await cache.get('a', 'v1', 0, compute), 1);
    assert.equal(await cache.get('a', 'v1', 999, compute), 1, 'younger than maxAge, same version');
    assert.equal(await cache.get('a', 'v1', 1000, compute), 2, 'as old as maxAge');
    assert.equal(await cache.get('a', 'v2', 1000, compute), 3, 'another version');
    assert.equal(await cache.get('a', 'v2', 500, compute), 4, 'a clock moved back');
    assert.equal(await cache.get('a', undefined, 500, compute), 5, 'no version: nothing is kept');
    assert.equal(await cache.get('a', undefined, 500, compute), 6);
    const [x, y] = await Promise.all([cache.get('b', 'v1', 0, compute), cache.get('b', 'v1', 0, compute)]);
    assert.equal(x, y, 'the same question at once, one computation');
    await assert.rejects(cache.get('c', 'v1', 0, () => Promise.reject(new Error('down'))));
    assert.equal(await cache.get('c', 'v1', 0, compute), 8, 'a failure is not remembered');
    for (const key of ['d', 'e', 'f']) await cache.get(key, 'v1', 0, compute);
    assert.equal(await cache.get('d', 'v1', 0, compute), 12, 'at most maxEntries are kept');
  });
});

for (const kind of testDatabases()) {
  describe(`the availability of many resources, remembered while nothing changes (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let roomId: string;
    const question = async () => (await getAvailability(server.client(), { path: { spaceId: 'la-ruche' }, query: { ...day, type: 'meeting_room' } })).data;
    const slotsOf = async () => (await question()).resources.find((r) => r.resourceId === roomId)?.slots.map((s) => [s.start, s.end]);

    before(async () => {
      server = await startTestServer(kind, { now: NOW });
      ({ staffKey } = await seedSpace(server));
      const room = await createResource(server.client(staffKey), {
        path: { spaceId: 'la-ruche' },
        body: { type: 'meeting_room', name: 'Salle Cache', capacity: 6, bookableBy: ['guest', 'member'], openingHours: everyDay('08:00', '18:00') },
      });
      roomId = room.data.id;
    });
    after(() => server.close());

    test('a booking made through the API is seen by the next question, within the same second', async () => {
      const free = await slotsOf();
      assert.deepEqual(free, [['2026-12-02T07:00:00.000Z', '2026-12-02T17:00:00.000Z']]);
      assert.deepEqual(await slotsOf(), free);
      await createBooking(server.client(staffKey), { path: { spaceId: 'la-ruche' }, body: { resourceId: roomId, start: '2026-12-02T09:00:00Z', end: '2026-12-02T10:00:00Z', guest: { name: 'Alex Martin', email: 'alex@example.org' } } });
      assert.deepEqual(await slotsOf(), [
        ['2026-12-02T07:00:00.000Z', '2026-12-02T09:00:00.000Z'],
        ['2026-12-02T10:00:00.000Z', '2026-12-02T17:00:00.000Z'],
      ]);
    });

    test('a change of the resource, and a row written straight into the database, are seen at once', async () => {
      const before = await slotsOf();
      await insertBooking(server, { spaceId: 'la-ruche', resourceId: roomId, start: '2026-12-02T13:00:00Z', end: '2026-12-02T14:00:00Z' });
      const after = await slotsOf();
      assert.notDeepEqual(after, before);
      assert.ok(after!.some(([, end]) => end === '2026-12-02T13:00:00.000Z'), JSON.stringify(after));
      await updateResource(server.client(staffKey), { path: { spaceId: 'la-ruche', resourceId: roomId }, body: { status: 'archived' } });
      assert.equal(await slotsOf(), undefined, 'an archived resource is no longer answered');
      await updateResource(server.client(staffKey), { path: { spaceId: 'la-ruche', resourceId: roomId }, body: { status: 'active' } });
      assert.deepEqual(await slotsOf(), after);
    });

    if (kind === 'sqlite') {
      test("a write by another connection to the database file (another process's) is seen at once", async () => {
        const remembered = await slotsOf();
        const other = openStore(server.store.file!);
        try {
          await other.db.updateTable('resources').set({ status: 'archived' }).where('id', '=', roomId).execute();
          assert.equal(await slotsOf(), undefined);
          await other.db.updateTable('resources').set({ status: 'active' }).where('id', '=', roomId).execute();
          assert.deepEqual(await slotsOf(), remembered);
        } finally {
          await other.close();
        }
      });
    }

    test('the clock moving on by more than a second asks the database again', async () => {
      const first = await question();
      server.clock.advance(1500);
      // The answer is computed anew: same content here, but from a fresh read.
      assert.deepEqual(await question(), first);
      // Past the whole day: nothing is left to book.
      server.clock.set('2026-12-03T00:00:00Z');
      assert.deepEqual((await question()).resources.find((r) => r.resourceId === roomId)?.slots, []);
      server.clock.set(NOW);
    });
  });
}
