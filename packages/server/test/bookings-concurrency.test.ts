// No double booking, ever: many requests at once for the same slot, over real HTTP, on both
// databases; on PostgreSQL also from two server processes sharing one database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { ApiError, cancelBooking, createBooking, createClient, rescheduleBooking, type CoworkClient, type components } from '@coworking-commons/client';
import { isOverlapViolation } from '../src/services/bookings.ts';
import { addResource, assertNoOverlap, countRows, unitRows } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { insertBooking, memberWithToken } from './support/rows.ts';
import { startServerProcess, stopServerProcess, type ServerProcess } from './support/server-process.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type BookingCreate = components['schemas']['BookingCreate'];

const spaceId = 'la-ruche';
const path = { spaceId };
const now = '2026-12-01T07:00:00Z';
const paris = (date: string, time: string) => `${date}T${time}:00+01:00`;
const guest = { name: 'Ada Lovelace', email: 'ada@example.org' };

interface Outcome {
  status: number;
  type?: string;
  id?: string;
}

/** Sends every request at once and gathers the statuses (and booking ids) without throwing. */
async function fireAll(requests: (() => Promise<{ status: number; data: { id: string } }>)[]): Promise<Outcome[]> {
  return Promise.all(
    requests.map((send) =>
      send().then(
        (response) => ({ status: response.status, id: response.data.id }),
        (error: unknown) => {
          if (error instanceof ApiError) return { status: error.status, type: error.type };
          throw error;
        },
      ),
    ),
  );
}

function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.status < 300 ? String(o.status) : `${o.status} ${o.type?.replace('urn:coworking-commons:problem:', '')}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

for (const kind of testDatabases()) {
  describe(`bookings under concurrency (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    const members: { memberId: string; token: string }[] = [];
    const staff = () => server.client(staffKey);

    before(async () => {
      server = await startTestServer(kind, { now });
      ({ staffKey } = await seedSpace(server));
      for (let i = 0; i < 10; i++) members.push(await memberWithToken(server, spaceId));
    });

    /** n requests for the same body, alternating between staff (for a guest) and members, each with its own key. */
    const sameSlot = (n: number, body: Omit<BookingCreate, 'guest' | 'memberId'>, clients?: (i: number) => CoworkClient) =>
      Array.from({ length: n }, (_, i) => () => {
        const client = clients?.(i);
        if (i % 2 === 0) return createBooking(client ?? staff(), { path, body: { ...body, guest } });
        const m = members[i % members.length]!;
        return createBooking(client ?? server.client(m.token), { path, body });
      });

    test('100 requests at once for a room of quantity 1: exactly one booking, 99 booking-conflicts', async () => {
      const room = await addResource(server, spaceId);
      const outcomes = await fireAll(sameSlot(100, { resourceId: room.id, start: paris('2026-12-02', '10:00'), end: paris('2026-12-02', '11:00') }));
      assert.deepEqual(tally(outcomes), { '201': 1, '409 booking-conflict': 99 });
      assert.deepEqual(await countRows(server, room.id), { bookings: 1, units: 1 });
      const winner = outcomes.find((o) => o.status === 201)!;
      assert.deepEqual((await unitRows(server, room.id)).map((u) => u.bookingId), [winner.id]);
    });

    test('100 requests at once for a pool of 5: exactly 5 bookings, on 5 different units', async () => {
      const desks = await addResource(server, spaceId, { type: 'hot_desk', capacity: 1, quantity: 5 });
      const outcomes = await fireAll(sameSlot(100, { resourceId: desks.id, start: paris('2026-12-02', '09:00'), end: paris('2026-12-02', '18:00') }));
      assert.deepEqual(tally(outcomes), { '201': 5, '409 booking-conflict': 95 });
      assert.deepEqual(await countRows(server, desks.id), { bookings: 5, units: 5 });
      assert.deepEqual((await unitRows(server, desks.id)).map((u) => u.unit).sort(), [1, 2, 3, 4, 5]);
    });

    test('100 requests of 2 units each for a pool of 5: exactly 2 bookings (4 units)', async () => {
      const desks = await addResource(server, spaceId, { type: 'hot_desk', capacity: 1, quantity: 5 });
      const outcomes = await fireAll(sameSlot(100, { resourceId: desks.id, start: paris('2026-12-03', '09:00'), end: paris('2026-12-03', '18:00'), quantity: 2 }));
      assert.deepEqual(tally(outcomes), { '201': 2, '409 booking-conflict': 98 });
      assert.deepEqual(await countRows(server, desks.id), { bookings: 2, units: 4 });
      await assertNoOverlap(server, desks.id);
    });

    test('100 overlapping requests at different times, with buffers: whatever wins, no two overlap', async () => {
      const room = await addResource(server, spaceId, { rules: { granularity: 'PT15M', minDuration: 'PT15M', bufferAfter: 'PT15M' } });
      const requests = Array.from({ length: 100 }, (_, i) => {
        const startMinutes = 9 * 60 + 15 * (i % 24); // 09:00 … 14:45
        const duration = 15 * (1 + (i % 5));
        const at = (m: number) => paris('2026-12-04', `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
        return () => createBooking(staff(), { path, body: { resourceId: room.id, start: at(startMinutes), end: at(startMinutes + duration), guest } });
      });
      const outcomes = await fireAll(requests);
      const won = outcomes.filter((o) => o.status === 201);
      assert.ok(won.length >= 1);
      assert.ok(outcomes.every((o) => o.status === 201 || (o.status === 409 && o.type === 'urn:coworking-commons:problem:booking-conflict')), JSON.stringify(tally(outcomes)));
      assert.deepEqual(await countRows(server, room.id), { bookings: won.length, units: won.length });
      await assertNoOverlap(server, room.id);
    });

    test('the same request sent 20 times at once with one Idempotency-Key: one booking, the same answer to all', async () => {
      const room = await addResource(server, spaceId);
      const body = { resourceId: room.id, start: paris('2026-12-07', '10:00'), end: paris('2026-12-07', '11:00') };
      const client = server.client(members[0]!.token);
      const outcomes = await fireAll(Array.from({ length: 20 }, () => () => createBooking(client, { path, body, header: { 'Idempotency-Key': 'one-key-for-twenty' } })));
      assert.deepEqual(tally(outcomes), { '201': 20 });
      assert.equal(new Set(outcomes.map((o) => o.id)).size, 1);
      assert.deepEqual(await countRows(server, room.id), { bookings: 1, units: 1 });
    });

    test('two bookings moved at once into the same free slot: one moves, the other is refused and keeps its slot', async () => {
      const room = await addResource(server, spaceId);
      const a = await createBooking(staff(), { path, body: { resourceId: room.id, start: paris('2026-12-08', '09:00'), end: paris('2026-12-08', '10:00'), guest } });
      const b = await createBooking(staff(), { path, body: { resourceId: room.id, start: paris('2026-12-08', '11:00'), end: paris('2026-12-08', '12:00'), guest } });
      const target = { start: paris('2026-12-08', '15:00'), end: paris('2026-12-08', '16:00') };
      const outcomes = await fireAll(
        [a.data.id, b.data.id].map((bookingId) => () => rescheduleBooking(staff(), { path: { spaceId, bookingId }, header: { 'If-Match': '"1"' }, body: target }).then((r) => ({ ...r, status: r.status }))),
      );
      assert.deepEqual(tally(outcomes), { '200': 1, '409 booking-conflict': 1 });
      const units = await unitRows(server, room.id);
      assert.equal(units.length, 2);
      assert.equal(units.filter((u) => u.from === Date.parse('2026-12-08T14:00:00Z')).length, 1);
      await assertNoOverlap(server, room.id);
    });

    test('cancelling and booking the freed slot at once: never more than one holder', async () => {
      const room = await addResource(server, spaceId);
      const slot = { resourceId: room.id, start: paris('2026-12-09', '10:00'), end: paris('2026-12-09', '11:00') };
      const first = await createBooking(staff(), { path, body: { ...slot, guest } });
      const outcomes = await fireAll([
        () => cancelBooking(staff(), { path: { spaceId, bookingId: first.data.id }, header: { 'If-Match': '"1"' } }),
        ...sameSlot(30, slot),
      ]);
      assert.equal(outcomes[0]!.status, 200);
      const won = outcomes.slice(1).filter((o) => o.status === 201).length;
      assert.ok(won <= 1, `at most one booking takes the freed slot, got ${won}`);
      assert.deepEqual(await countRows(server, room.id), { bookings: 1 + won, units: won });
    });

    test('the database itself refuses overlapping units of the same resource and unit', async () => {
      const room = await addResource(server, spaceId);
      const { data } = await createBooking(staff(), { path, body: { resourceId: room.id, start: paris('2026-12-14', '10:00'), end: paris('2026-12-14', '11:00'), guest } });
      const [held] = await unitRows(server, room.id);
      // Another unit at the same time: accepted (the check is per unit).
      await server.store.db.insertInto('booking_units').values({ booking_id: data.id, resource_id: room.id, unit: 2, block_start: held!.from, block_end: held!.to }).execute();
      // A row of another booking (written straight into the tables, holding unit 7 of another room) on unit 1, overlapping.
      const elsewhere = await addResource(server, spaceId, { quantity: 7 });
      const other = await insertBooking(server, { spaceId, resourceId: elsewhere.id, start: paris('2026-12-14', '10:00'), end: paris('2026-12-14', '11:00'), units: [7] });
      const overlap = await server.store.db
        .insertInto('booking_units')
        .values({ booking_id: other, resource_id: room.id, unit: 1, block_start: held!.from + 30 * 60_000, block_end: held!.to + 30 * 60_000 })
        .execute()
        .then(() => undefined, (error: unknown) => error);
      assert.ok(overlap, 'an overlapping row of the same unit is refused');
      assert.ok(isOverlapViolation(overlap), String(overlap));
    });

    if (kind === 'postgres') {
      describe('two server processes on one database', () => {
        let child: ServerProcess | undefined;
        const tokens: string[] = [];

        before(async () => {
          // The second process serves the very database of this file's server.
          const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(server.store.db);
          const url = new URL(process.env.COWORK_TEST_POSTGRES_URL!);
          url.pathname = `/${rows[0]!.name}`;
          child = await startServerProcess(url.toString(), { now });
          for (let i = 0; i < 4; i++) tokens.push((await memberWithToken(server, spaceId)).token);
        });
        after(async () => {
          if (child) await stopServerProcess(child.child, 'SIGTERM');
        });

        /** Even requests go to this file's server, odd ones to the other process; half staff (for a guest), half members. */
        const split = (n: number, body: Omit<BookingCreate, 'guest' | 'memberId'>) =>
          Array.from({ length: n }, (_, i) => () => {
            const baseUrl = i % 2 === 0 ? server.url : child!.url;
            const asStaff = i % 4 < 2;
            const client = createClient({ baseUrl, token: asStaff ? staffKey : tokens[i % tokens.length]!, retry: { limit: 0 } });
            return asStaff ? createBooking(client, { path, body: { ...body, guest } }) : createBooking(client, { path, body });
          });

        test('100 requests split between two processes for a room of quantity 1: exactly one booking', async () => {
          const room = await addResource(server, spaceId);
          const outcomes = await fireAll(split(100, { resourceId: room.id, start: paris('2026-12-10', '10:00'), end: paris('2026-12-10', '11:00') }));
          assert.deepEqual(tally(outcomes), { '201': 1, '409 booking-conflict': 99 });
          assert.deepEqual(await countRows(server, room.id), { bookings: 1, units: 1 });
        });

        test('100 requests split between two processes for a pool of 5: exactly 5 bookings', async () => {
          const desks = await addResource(server, spaceId, { type: 'hot_desk', capacity: 1, quantity: 5 });
          const outcomes = await fireAll(split(100, { resourceId: desks.id, start: paris('2026-12-10', '09:00'), end: paris('2026-12-10', '18:00') }));
          assert.deepEqual(tally(outcomes), { '201': 5, '409 booking-conflict': 95 });
          assert.deepEqual((await unitRows(server, desks.id)).map((u) => u.unit).sort(), [1, 2, 3, 4, 5]);
        });

        test('the same Idempotency-Key sent to both processes at once: one booking, one answer', async () => {
          const room = await addResource(server, spaceId);
          const body = { resourceId: room.id, start: paris('2026-12-11', '10:00'), end: paris('2026-12-11', '11:00') };
          const outcomes = await fireAll(
            Array.from({ length: 10 }, (_, i) => () =>
              createBooking(createClient({ baseUrl: i % 2 === 0 ? server.url : child!.url, token: tokens[0]!, retry: { limit: 0 } }), {
                path,
                body,
                header: { 'Idempotency-Key': 'shared-key-two-processes' },
              }),
            ),
          );
          assert.deepEqual(tally(outcomes), { '201': 10 });
          assert.equal(new Set(outcomes.map((o) => o.id)).size, 1);
          assert.deepEqual(await countRows(server, room.id), { bookings: 1, units: 1 });
        });
      });
    }
  });
}
