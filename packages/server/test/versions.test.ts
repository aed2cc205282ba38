// Optimistic concurrency on what staff edit (issue 12): the space, resources, members, plans and
// events carry a `version`, answered as their ETag; a change with an outdated If-Match is refused
// (412) and changes nothing, one without If-Match is applied (as clients of 0.1.0 send it).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'kysely';
import {
  createEvent,
  createMember,
  createPlan,
  createResource,
  deleteEvent,
  deleteResource,
  getEvent,
  getMember,
  getPlan,
  getResource,
  getSpace,
  updateEvent,
  updateMember,
  updatePlan,
  updateResource,
  updateSpace,
} from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const fail = (promise: Promise<unknown>) => promise.then(() => assert.fail('expected an error'), (e) => e);

interface Answer {
  data: { version?: number } & Record<string, unknown>;
  etag: string | undefined;
  status: number;
}

/** One kind of object: how to read it and change it, and a field each change sets. */
interface Kind {
  name: string;
  /** Its table, for the test that changes a row behind the server's back. */
  table: 'spaces' | 'resources' | 'members' | 'plans' | 'events';
  /** Creates a new object (or names the space). */
  make(): Promise<{ id: string; read: () => Promise<Answer>; update: (value: string, ifMatch?: string) => Promise<Answer>; field: string }>;
}

for (const kind of testDatabases()) {
  describe(`versions and If-Match on what staff edit (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    const spaceId = 'la-ruche';
    const staff = () => server.client(staffKey);
    const header = (ifMatch: string | undefined) => (ifMatch === undefined ? {} : { header: { 'If-Match': ifMatch } });

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server, spaceFixture(spaceId)));
    });

    const kinds: Kind[] = [
      {
        name: 'the space',
        table: 'spaces',
        async make() {
          const path = { spaceId };
          return {
            id: spaceId,
            field: 'name',
            read: () => getSpace(staff(), { path }) as Promise<Answer>,
            update: (value, ifMatch) => updateSpace(staff(), { path, ...header(ifMatch), body: { name: value } }) as Promise<Answer>,
          };
        },
      },
      {
        name: 'a resource',
        table: 'resources',
        async make() {
          const { data, etag } = await createResource(staff(), { path: { spaceId }, body: { type: 'meeting_room', name: 'Atelier', capacity: 6 } });
          assert.equal(etag, '"1"');
          assert.equal(data.version, 1);
          const path = { spaceId, resourceId: data.id };
          return {
            id: data.id,
            field: 'name',
            read: () => getResource(staff(), { path }) as Promise<Answer>,
            update: (value, ifMatch) => updateResource(staff(), { path, ...header(ifMatch), body: { name: value } }) as Promise<Answer>,
          };
        },
      },
      {
        name: 'a member (as staff edit them)',
        table: 'members',
        async make() {
          const { data, etag } = await createMember(staff(), { path: { spaceId }, body: { email: `${Math.random().toString(36).slice(2)}@example.org`, displayName: 'Camille' } });
          assert.equal(etag, '"1"');
          assert.equal(data.version, 1);
          const path = { spaceId, memberId: data.id };
          return {
            id: data.id,
            field: 'company',
            read: () => getMember(staff(), { path }) as Promise<Answer>,
            update: (value, ifMatch) => updateMember(staff(), { path, ...header(ifMatch), body: { company: value } }) as Promise<Answer>,
          };
        },
      },
      {
        name: 'a plan',
        table: 'plans',
        async make() {
          const { data, etag } = await createPlan(staff(), { path: { spaceId }, body: { name: 'Flex', price: { amount: 20000, currency: 'EUR' }, period: 'month' } });
          assert.equal(etag, '"1"');
          assert.equal(data.version, 1);
          const path = { spaceId, planId: data.id };
          return {
            id: data.id,
            field: 'name',
            read: () => getPlan(staff(), { path }) as Promise<Answer>,
            update: (value, ifMatch) => updatePlan(staff(), { path, ...header(ifMatch), body: { name: value } }) as Promise<Answer>,
          };
        },
      },
      {
        name: 'an event',
        table: 'events',
        async make() {
          const { data, etag } = await createEvent(staff(), { path: { spaceId }, body: { title: 'Atelier', start: '2026-12-10T17:00:00Z', end: '2026-12-10T19:00:00Z' } });
          assert.equal(etag, '"1"');
          assert.equal(data.version, 1);
          const path = { spaceId, eventId: data.id };
          return {
            id: data.id,
            field: 'title',
            read: () => getEvent(staff(), { path }) as Promise<Answer>,
            update: (value, ifMatch) => updateEvent(staff(), { path, ...header(ifMatch), body: { title: value } }) as Promise<Answer>,
          };
        },
      },
    ];

    /** Resolves once some query of the server waits for a row lock (PostgreSQL). */
    async function someoneWaitsForALock(): Promise<void> {
      for (let i = 0; i < 200; i++) {
        const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`.execute(server.store.db);
        if (Number(rows[0]!.n) > 0) return;
        await delay(25);
      }
      assert.fail('no request ever waited for the row');
    }

    for (const { name, make, table } of kinds) {
      test(`${name}: its ETag is its version; a change with the current one is applied, with an old one refused (412) and nothing changed, without one applied`, async () => {
        const { read, update, field } = await make();
        const first = await read();
        assert.equal(typeof first.data.version, 'number');
        assert.equal(first.etag, `"${first.data.version}"`);
        const v = first.data.version!;

        const changed = await update('Première', first.etag);
        assert.equal(changed.status, 200);
        assert.equal(changed.data[field], 'Première');
        assert.equal(changed.data.version, v + 1);
        assert.equal(changed.etag, `"${v + 1}"`);
        const reread = await read();
        assert.equal(reread.etag, `"${v + 1}"`);
        assert.deepEqual(reread.data, changed.data);

        const stale = await fail(update('Écrasée', first.etag));
        assert.equal(stale.status, 412);
        assert.equal(stale.type, 'urn:coworking-commons:problem:precondition-failed');
        const unchanged = await read();
        assert.deepEqual(unchanged.data, changed.data, 'the refused change changed nothing');
        assert.equal(unchanged.etag, `"${v + 1}"`);

        const weakAndListed = await update('Deuxième', `"999", W/"${v + 1}"`);
        assert.equal(weakAndListed.data.version, v + 2, 'a list of tags matches when one is current (weak ones compared as strong)');
        const any = await update('Troisième', '*');
        assert.equal(any.data.version, v + 3);

        const without = await update('Sans If-Match');
        assert.equal(without.status, 200);
        assert.equal(without.data[field], 'Sans If-Match');
        assert.equal(without.data.version, v + 4);
        assert.equal(without.etag, `"${v + 4}"`);
        assert.equal((await read()).data[field], 'Sans If-Match');
      });

      // SQLite runs one transaction at a time: only PostgreSQL lets a change land between a
      // request's read and its write. The test holds the row, lets the request reach it, then
      // changes the row and lets go: the request must see that change, not overwrite it.
      if (kind === 'postgres') test(`${name}: a change committed between the request's read and its write is not overwritten (412 with If-Match)`, async () => {
        const { id, read, update, field } = await make();
        const { etag, data } = await read();
        const v = data.version!;
        const held = await server.store.db.startTransaction().execute();
        let answer: Promise<unknown>;
        try {
          await sql`SELECT id FROM ${sql.table(table)} WHERE id = ${id} FOR UPDATE`.execute(held);
          answer = update('Écrasée', etag).then(
            (ok) => ok,
            (error) => error,
          );
          await someoneWaitsForALock();
          await sql`UPDATE ${sql.table(table)} SET version = version + 1 WHERE id = ${id}`.execute(held);
        } finally {
          await held.commit().execute();
        }
        const refused = (await answer) as { status: number; type?: string };
        assert.equal(refused.status, 412, JSON.stringify(refused));
        const after = await read();
        assert.equal(after.data.version, v + 1, 'only the change made meanwhile');
        assert.notEqual(after.data[field], 'Écrasée');
      });

      test(`${name}: of two changes sent at once with the same If-Match, one is applied and the other refused`, async () => {
        const { read, update, field } = await make();
        const { etag, data } = await read();
        const answers = await Promise.allSettled([update('Gauche', etag), update('Droite', etag)]);
        const applied = answers.filter((a) => a.status === 'fulfilled');
        const refused = answers.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        assert.equal(applied.length, 1, JSON.stringify(refused.map((r) => r.reason?.problem)));
        assert.equal(refused.length, 1);
        assert.equal(refused[0]!.reason.status, 412);
        const after = await read();
        assert.equal(after.data.version, data.version! + 1);
        assert.equal(after.data[field], (applied[0] as PromiseFulfilledResult<Answer>).value.data[field]);
      });
    }

    test('archiving a resource, making a member inactive and cancelling an event raise their versions too; an old If-Match is refused there as well', async () => {
      const { data: room, etag: roomTag } = await createResource(staff(), { path: { spaceId }, body: { type: 'meeting_room', name: 'Verrière', capacity: 4 } });
      const roomPath = { spaceId, resourceId: room.id };
      const archived = await updateResource(staff(), { path: roomPath, header: { 'If-Match': roomTag! }, body: { status: 'archived' } });
      assert.equal(archived.data.version, 2);
      assert.equal(archived.etag, '"2"');
      assert.equal((await fail(updateResource(staff(), { path: roomPath, header: { 'If-Match': roomTag! }, body: { status: 'active' } }))).status, 412);
      assert.equal((await getResource(staff(), { path: roomPath })).data.status, 'archived');

      const { data: person, etag: personTag } = await createMember(staff(), { path: { spaceId }, body: { email: 'hugo@example.org', displayName: 'Hugo' } });
      const personPath = { spaceId, memberId: person.id };
      const inactive = await updateMember(staff(), { path: personPath, header: { 'If-Match': personTag! }, body: { status: 'inactive' } });
      assert.equal(inactive.data.version, 2);
      assert.equal((await fail(updateMember(staff(), { path: personPath, header: { 'If-Match': personTag! }, body: { status: 'active' } }))).status, 412);
      assert.equal((await getMember(staff(), { path: personPath })).data.status, 'inactive');

      const { data: event, etag: eventTag } = await createEvent(staff(), { path: { spaceId }, body: { title: 'Apéro', start: '2026-12-11T17:00:00Z', end: '2026-12-11T19:00:00Z' } });
      const eventPath = { spaceId, eventId: event.id };
      const cancelled = await updateEvent(staff(), { path: eventPath, header: { 'If-Match': eventTag! }, body: { status: 'cancelled' } });
      assert.equal(cancelled.data.version, 2);
      assert.equal(cancelled.etag, '"2"');
      assert.equal((await fail(updateEvent(staff(), { path: eventPath, header: { 'If-Match': eventTag! }, body: { title: 'Apéro (reporté)' } }))).status, 412);
      assert.equal((await getEvent(staff(), { path: eventPath })).data.title, 'Apéro');
    });

    test('deleting a resource or an event with an old If-Match is refused and deletes nothing; with the current one, or none, it deletes', async () => {
      for (const make of [
        async () => {
          const { data, etag } = await createResource(staff(), { path: { spaceId }, body: { type: 'phone_booth', name: 'Cabine', capacity: 1 } });
          const path = { spaceId, resourceId: data.id };
          const { etag: next } = await updateResource(staff(), { path, body: { name: 'Cabine bleue' } });
          return { old: etag!, current: next!, remove: (ifMatch?: string) => deleteResource(staff(), { path, ...header(ifMatch) }), read: () => getResource(staff(), { path }) };
        },
        async () => {
          const { data, etag } = await createEvent(staff(), { path: { spaceId }, body: { title: 'Atelier', start: '2026-12-12T17:00:00Z', end: '2026-12-12T19:00:00Z' } });
          const path = { spaceId, eventId: data.id };
          const { etag: next } = await updateEvent(staff(), { path, body: { title: 'Atelier vélo' } });
          return { old: etag!, current: next!, remove: (ifMatch?: string) => deleteEvent(staff(), { path, ...header(ifMatch) }), read: () => getEvent(staff(), { path }) };
        },
      ]) {
        const first = await make();
        assert.equal((await fail(first.remove(first.old))).status, 412);
        assert.equal((await first.read()).etag, first.current, 'still there, unchanged');
        assert.equal((await first.remove(first.current)).status, 204);
        assert.equal((await fail(first.read())).status, 404);
        const second = await make();
        assert.equal((await second.remove()).status, 204);
        assert.equal((await fail(second.read())).status, 404);
      }
    });

    test('the versions are in the lists and public reads too, with the same ETag for everyone', async () => {
      const { data: plan } = await createPlan(staff(), { path: { spaceId }, body: { name: 'Journée', price: { amount: 2500, currency: 'EUR' }, period: 'day' } });
      const publicRead = await getPlan(server.client(), { path: { spaceId, planId: plan.id } });
      assert.equal(publicRead.etag, '"1"');
      assert.equal(publicRead.data.version, 1);
      const space = await getSpace(server.client(), { path: { spaceId } });
      assert.equal(space.etag, `"${space.data.version}"`);
    });
  });
}
