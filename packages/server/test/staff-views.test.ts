import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { createEvent, createRegistration, exportEventRegistrations, listBookingSchedule, listRegistrations, cancelRegistration } from '@coworking-commons/client';
import { addResource, assertProblem, fail } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { insertBooking } from './support/rows.ts';
import { createMemberRecord, signInMember } from './support/sign-in.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

for (const kind of testDatabases()) {
  describe(`staff views: the schedule, registrations by member and as CSV (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let memberToken: string;
    let memberId: string;
    let roomA: string;
    let roomB: string;
    const spaceId = 'la-ruche';
    const booking = (resourceId: string, start: string, end: string, status: 'pending' | 'confirmed' | 'cancelled' = 'confirmed') =>
      insertBooking(server, { spaceId, resourceId, start, end, status });

    before(async () => {
      server = await startTestServer(kind, { now: '2026-10-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      memberId = (await createMemberRecord(server, spaceId, { email: 'camille@example.org', displayName: 'Camille Durand' })).id;
      memberToken = await signInMember(server, spaceId, 'camille@example.org');
      roomA = (await addResource(server, spaceId, { name: 'Salle A', rules: { approvalRequired: true } })).id;
      roomB = (await addResource(server, spaceId, { name: 'Salle B' })).id;
    });

    describe('the schedule', () => {
      const ids: Record<string, string> = {};
      before(async () => {
        // The week of Monday 19 to Sunday 25 October 2026; Paris leaves summer time on the 25th.
        ids.mondayConfirmed = await booking(roomB, '2026-10-19T08:00:00Z', '2026-10-19T09:00:00Z');
        ids.tuesdayPending = await booking(roomA, '2026-10-20T12:00:00Z', '2026-10-20T13:00:00Z', 'pending');
        ids.mondayPending = await booking(roomA, '2026-10-19T14:00:00Z', '2026-10-19T15:00:00Z', 'pending');
        ids.mondayCancelled = await booking(roomB, '2026-10-19T10:00:00Z', '2026-10-19T11:00:00Z', 'cancelled');
        // 23:30 on Sunday 25 October in Paris (UTC+1 by then): inside the 25-hour day.
        ids.sundayLate = await booking(roomB, '2026-10-25T22:30:00Z', '2026-10-25T22:45:00Z');
        ids.nextMonday = await booking(roomB, '2026-10-26T08:00:00Z', '2026-10-26T09:00:00Z', 'pending');
        // Midnight to 00:30 on Monday 19 in Paris: 22:00 UTC on the Sunday before.
        ids.earlyMonday = await booking(roomB, '2026-10-18T22:00:00Z', '2026-10-18T22:30:00Z');
      });

      test("a day across every resource, pending first, then by start; the space's midnight to midnight", async () => {
        const { data } = await listBookingSchedule(server.client(staffKey), { path: { spaceId }, query: { date: '2026-10-19' } });
        assert.equal(data.from, '2026-10-18T22:00:00.000Z');
        assert.equal(data.to, '2026-10-19T22:00:00.000Z');
        assert.deepEqual(data.items.map((b) => b.id), [ids.mondayPending, ids.earlyMonday, ids.mondayConfirmed]);
        assert.equal(data.pending, 1);
      });

      test('a week from Monday, whatever day is given; the 25-hour Sunday included; cancelled ones on request', async () => {
        const { data } = await listBookingSchedule(server.client(staffKey), { path: { spaceId }, query: { date: '2026-10-22', span: 'week' } });
        assert.equal(data.from, '2026-10-18T22:00:00.000Z');
        assert.equal(data.to, '2026-10-25T23:00:00.000Z', 'the week ends at midnight after the clocks went back');
        assert.deepEqual(data.items.map((b) => b.id), [ids.mondayPending, ids.tuesdayPending, ids.earlyMonday, ids.mondayConfirmed, ids.sundayLate]);
        assert.equal(data.pending, 2);
        const { data: all } = await listBookingSchedule(server.client(staffKey), { path: { spaceId }, query: { date: '2026-10-22', span: 'week', includeCancelled: true } });
        assert.equal(all.items.at(-1)!.id, ids.mondayCancelled, 'cancelled ones come last');
        const { data: sunday } = await listBookingSchedule(server.client(staffKey), { path: { spaceId }, query: { date: '2026-10-25' } });
        assert.equal(Date.parse(sunday.to) - Date.parse(sunday.from), 25 * 3600_000);
        assert.deepEqual(sunday.items.map((b) => b.id), [ids.sundayLate]);
      });

      test('one resource; page by page in the same order', async () => {
        const { data: a } = await listBookingSchedule(server.client(staffKey), { path: { spaceId }, query: { date: '2026-10-19', span: 'week', resourceId: roomA } });
        assert.deepEqual(a.items.map((b) => b.id), [ids.mondayPending, ids.tuesdayPending]);
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const { data } = await listBookingSchedule(server.client(staffKey), { path: { spaceId }, query: { date: '2026-10-19', span: 'week', includeCancelled: true, limit: 2, ...(cursor ? { cursor } : {}) } });
          assert.ok(data.items.length <= 2);
          assert.equal(data.pending, 2, 'the count is the whole window’s, on every page');
          seen.push(...data.items.map((b) => b.id));
          cursor = data.nextCursor;
        } while (cursor);
        assert.deepEqual(seen, [ids.mondayPending, ids.tuesdayPending, ids.earlyMonday, ids.mondayConfirmed, ids.sundayLate, ids.mondayCancelled]);
      });

      test('staff only; a bad date or span is a validation problem', async () => {
        assertProblem(await fail(listBookingSchedule(server.client(memberToken), { path: { spaceId }, query: { date: '2026-10-19' } })), 403, 'forbidden');
        assertProblem(await fail(listBookingSchedule(server.client(), { path: { spaceId }, query: { date: '2026-10-19' } })), 401, 'unauthorized');
        assertProblem(await fail(listBookingSchedule(server.client(staffKey), { path: { spaceId }, query: { date: '2026-02-30' } })), 400, 'validation-error');
        assertProblem(await fail(listBookingSchedule(server.client(staffKey), { path: { spaceId }, query: { date: '2026-10-19', span: 'month' as never } })), 400, 'validation-error');
      });

      test("without a date, today's schedule in the space's time zone", async () => {
        server.clock.set('2026-10-19T22:30:00Z'); // already Tuesday 20 in Paris
        try {
          const { data } = await listBookingSchedule(server.client(staffKey), { path: { spaceId } });
          assert.equal(data.from, '2026-10-19T22:00:00.000Z');
          assert.deepEqual(data.items.map((b) => b.id), [ids.tuesdayPending]);
        } finally {
          server.clock.set('2026-10-01T07:00:00Z');
        }
      });
    });

    describe("an event's registrations", () => {
      let eventId: string;
      before(async () => {
        const { data: event } = await createEvent(server.client(staffKey), {
          path: { spaceId },
          body: { title: 'Atelier', start: '2026-10-20T17:00:00Z', end: '2026-10-20T19:00:00Z', capacity: 2, waitlistEnabled: true },
        });
        eventId = event.id;
        const register = (body: object) => createRegistration(server.client(staffKey), { path: { spaceId, eventId }, header: { 'Idempotency-Key': randomUUID() }, body: body as never });
        await register({ memberId, note: 'Végétarienne, merci' });
        server.clock.advance(1000);
        await register({ guest: { name: '=HYPERLINK("http://evil.example")', email: 'evil@example.net' } });
        server.clock.advance(1000);
        const { data: waiting } = await register({ guest: { name: 'Jeanne "Jo" Morel', email: 'jeanne@example.net' } });
        server.clock.advance(1000);
        const { data: cancelled } = await register({ guest: { name: 'Paul Henry', email: 'paul@example.net' } });
        await cancelRegistration(server.client(staffKey), { path: { spaceId, registrationId: cancelled.id }, body: { reason: 'Malade' } });
        assert.equal(waiting.status, 'waitlisted');
      });

      test('as CSV: a header, registered then waitlisted then cancelled, quoted and safe for spreadsheets', async () => {
        const response = await exportEventRegistrations(server.client(staffKey), { path: { spaceId, eventId } });
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
        assert.equal(response.headers.get('content-disposition'), `attachment; filename="registrations-${eventId}.csv"`);
        const raw = await fetch(`${server.url}/spaces/${spaceId}/events/${eventId}/registrations.csv`, { headers: { authorization: `Bearer ${staffKey}` } });
        assert.deepEqual([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)], [0xef, 0xbb, 0xbf], 'a byte order mark, for spreadsheets');
        // Decoding UTF-8 drops the mark, as the client does.
        const text = response.data as unknown as string;
        const lines = text.split('\r\n');
        assert.equal(lines.at(-1), '', 'every line ends with CRLF');
        assert.equal(lines[0], 'registrationId,status,waitlistPosition,kind,memberId,name,email,note,registeredAt,cancelledAt,cancellationReason');
        const rows = lines.slice(1, -1);
        assert.equal(rows.length, 4);
        assert.match(rows[0]!, new RegExp(`^rg_\\w+,registered,,member,${memberId},Camille Durand,camille@example.org,"Végétarienne, merci",2026-10-01T07:00:00.000Z,,$`));
        assert.match(rows[1]!, /,registered,,guest,,"'=HYPERLINK\(""http:\/\/evil.example""\)",evil@example.net,/, 'a formula is defused and quoted');
        assert.match(rows[2]!, /,waitlisted,1,guest,,"Jeanne ""Jo"" Morel",jeanne@example.net,/);
        assert.match(rows[3]!, /,cancelled,,guest,,Paul Henry,paul@example.net,,2026-10-01T07:00:03.000Z,2026-10-01T07:00:03.000Z,Malade$/);
      });

      test('as CSV: staff only, a known event, and only as text/csv', async () => {
        assertProblem(await fail(exportEventRegistrations(server.client(memberToken), { path: { spaceId, eventId } })), 403, 'forbidden');
        assertProblem(await fail(exportEventRegistrations(server.client(staffKey), { path: { spaceId, eventId: 'ev_nowhere' } })), 404, 'not-found');
        const response = await fetch(`${server.url}/spaces/${spaceId}/events/${eventId}/registrations.csv`, { headers: { authorization: `Bearer ${staffKey}`, accept: 'application/json' } });
        assert.equal(response.status, 406);
        assert.equal((await response.json()).type, 'urn:coworking-commons:problem:not-acceptable');
      });

      test('as a list, by event and, for staff, by member', async () => {
        const { data: ofEvent } = await listRegistrations(server.client(staffKey), { path: { spaceId }, query: { eventId } });
        assert.equal(ofEvent.items.length, 4);
        const { data: ofMember } = await listRegistrations(server.client(staffKey), { path: { spaceId }, query: { memberId } });
        assert.deepEqual(ofMember.items.map((r) => r.registrant.kind === 'member' && r.registrant.memberId), [memberId]);
        const { data: own } = await listRegistrations(server.client(memberToken), { path: { spaceId }, query: { memberId } });
        assert.equal(own.items.length, 1, 'a member may name themselves');
        assertProblem(await fail(listRegistrations(server.client(memberToken), { path: { spaceId }, query: { memberId: 'mb_someone_else' } })), 403, 'forbidden');
      });
    });
  });
}
