// End-to-end journeys: the real client (@coworking-commons/client) over real HTTP against the
// real server, on each database, as the people using a space would go through them.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  ApiError,
  cancelBooking,
  cancelRegistration,
  createBooking,
  createEvent,
  createMember,
  createQuote,
  createRegistration,
  createResource,
  eraseMe,
  exportMe,
  getAvailability,
  getBooking,
  getBookingIcal,
  getMe,
  getRegistration,
  listBookings,
  rescheduleBooking,
} from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { signInMember } from './support/sign-in.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const spaceId = 'la-ruche';
// Tuesday 1 December 2026, 08:00 in Paris: the server's clock for every journey.
const now = '2026-12-01T07:00:00Z';

for (const kind of testDatabases()) {
  describe(`journeys (${kind})`, () => {
    let server: TestServer;
    let staff: ReturnType<TestServer['client']>;
    let roomId: string;

    before(async () => {
      server = await startTestServer(kind, { now });
      const { staffKey } = await seedSpace(server);
      staff = server.client(staffKey);
      const { data: room } = await createResource(staff, {
        path: { spaceId },
        body: {
          type: 'meeting_room',
          name: 'Salle Lovelace',
          capacity: 8,
          quantity: 1,
          bookableBy: ['guest', 'member'],
          rules: { minDuration: 'PT30M', maxDuration: 'PT4H', granularity: 'PT30M', leadTime: 'PT1H', horizon: 'P60D', bufferBefore: 'PT0M', bufferAfter: 'PT15M', approvalRequired: false },
          offers: [
            { unit: 'hour', price: { amount: 3000, currency: 'EUR' }, audience: 'guest' },
            { unit: 'hour', price: { amount: 2000, currency: 'EUR' }, audience: 'member' },
          ],
        },
      });
      roomId = room.id;
    });

    test('a guest finds a free slot, books the room at the quoted price, downloads it, and cancels with the token', async () => {
      const guest = server.client();
      const { data: availability } = await getAvailability(guest, { path: { spaceId }, query: { from: '2026-12-02T07:00:00Z', to: '2026-12-02T18:00:00Z', resourceId: roomId } });
      const slot = availability.resources.find((r) => r.resourceId === roomId)!.slots[0]!;
      const start = slot.start;
      const end = new Date(Date.parse(start) + 2 * 3600_000).toISOString();
      const { data: quote } = await createQuote(guest, { path: { spaceId }, body: { resourceId: roomId, start, end } });
      assert.equal(quote.total.amount, 6000);

      const { data: booking, etag } = await createBooking(guest, {
        path: { spaceId },
        body: { resourceId: roomId, start, end, guest: { name: 'Ada Lovelace', email: 'ada@example.org' }, notes: 'Avec un vidéoprojecteur' },
      });
      assert.equal(booking.status, 'confirmed');
      assert.deepEqual(booking.price, quote.total, 'the booking carries the quoted price');
      assert.ok(booking.guestToken);
      const guestToken = booking.guestToken!;

      const { data: seen } = await getBooking(guest, { path: { spaceId, bookingId: booking.id }, guestToken });
      assert.equal(seen.id, booking.id);
      assert.equal(seen.guestToken, undefined, 'the token is shown once');
      const { data: ics } = await getBookingIcal(guest, { path: { spaceId, bookingId: booking.id }, guestToken });
      assert.match(ics, /BEGIN:VEVENT[\s\S]*Salle Lovelace[\s\S]*END:VEVENT/);

      const wrong = await getBooking(guest, { path: { spaceId, bookingId: booking.id }, guestToken: 'ccg_someone-elses-token' }).catch((e) => e);
      assert.equal(wrong.status, 404);

      const { data: cancelled } = await cancelBooking(guest, { path: { spaceId, bookingId: booking.id }, guestToken, header: { 'If-Match': etag! }, body: { reason: 'Changement de programme' } });
      assert.equal(cancelled.status, 'cancelled');
      const { data: again } = await getAvailability(guest, { path: { spaceId }, query: { from: start, to: end, resourceId: roomId } });
      assert.equal(again.resources[0]!.slots[0]!.start, start, 'the slot is free again');
    });

    test('a member signs in with the emailed code, books, reschedules and cancels', async () => {
      await createMember(staff, { path: { spaceId }, body: { email: 'grace@example.org', displayName: 'Grace Hopper' } });
      const token = await signInMember(server, spaceId, 'grace@example.org');
      const member = server.client(token);
      const { data: me } = await getMe(member, { path: { spaceId } });
      assert.equal(me.email, 'grace@example.org');

      const created = await createBooking(member, { path: { spaceId }, body: { resourceId: roomId, start: '2026-12-03T09:00:00Z', end: '2026-12-03T10:00:00Z', title: 'Revue de code' } });
      assert.equal(created.data.price.amount, 2000, 'member price');
      const moved = await rescheduleBooking(member, {
        path: { spaceId, bookingId: created.data.id },
        header: { 'If-Match': created.etag! },
        body: { start: '2026-12-03T13:00:00Z', end: '2026-12-03T14:30:00Z' },
      });
      assert.equal(moved.data.start, '2026-12-03T13:00:00Z');
      assert.equal(moved.data.price.amount, 4000, 'started hours are charged: 1 h 30 costs 2 hours');
      assert.notEqual(moved.etag, created.etag);

      const stale = await cancelBooking(member, { path: { spaceId, bookingId: created.data.id }, header: { 'If-Match': created.etag! } }).catch((e) => e);
      assert.ok(stale instanceof ApiError);
      assert.equal(stale.status, 412);
      const { data: cancelled } = await cancelBooking(member, { path: { spaceId, bookingId: created.data.id }, header: { 'If-Match': moved.etag! } });
      assert.equal(cancelled.status, 'cancelled');
      const { data: mine } = await listBookings(member, { path: { spaceId } });
      assert.deepEqual(mine.items.map((b) => b.id), [created.data.id]);
    });

    test('a member registers to a full event, waits, and is promoted when a seat frees', async () => {
      const { data: event } = await createEvent(staff, {
        path: { spaceId },
        body: { title: 'Petit-déjeuner des membres', start: '2026-12-10T08:00:00Z', end: '2026-12-10T09:30:00Z', capacity: 1, waitlistEnabled: true },
      });
      await createMember(staff, { path: { spaceId }, body: { email: 'katherine@example.org', displayName: 'Katherine Johnson' } });
      await createMember(staff, { path: { spaceId }, body: { email: 'dorothy@example.org', displayName: 'Dorothy Vaughan' } });
      const first = server.client(await signInMember(server, spaceId, 'katherine@example.org'));
      const second = server.client(await signInMember(server, spaceId, 'dorothy@example.org'));

      const { data: seat } = await createRegistration(first, { path: { spaceId, eventId: event.id }, body: {} });
      assert.equal(seat.status, 'registered');
      const { data: waiting } = await createRegistration(second, { path: { spaceId, eventId: event.id }, body: {} });
      assert.equal(waiting.status, 'waitlisted');

      await cancelRegistration(first, { path: { spaceId, registrationId: seat.id }, body: {} });
      const { data: promoted } = await getRegistration(second, { path: { spaceId, registrationId: waiting.id } });
      assert.equal(promoted.status, 'registered');
    });

    test('a member exports their data, then erases it', async () => {
      await createMember(staff, { path: { spaceId }, body: { email: 'hedy@example.org', displayName: 'Hedy Lamarr' } });
      const member = server.client(await signInMember(server, spaceId, 'hedy@example.org'));
      const { data: booking } = await createBooking(member, { path: { spaceId }, body: { resourceId: roomId, start: '2026-12-04T09:00:00Z', end: '2026-12-04T10:00:00Z' } });

      const { data: exported } = await exportMe(member, { path: { spaceId } });
      assert.equal(exported.member.email, 'hedy@example.org');
      assert.deepEqual(exported.bookings.map((b) => b.id), [booking.id]);

      await eraseMe(member, { path: { spaceId } });
      const afterwards = await getMe(member, { path: { spaceId } }).catch((e) => e);
      assert.equal(afterwards.status, 401, 'the token died with the data');
      const { data: theBooking } = await getBooking(staff, { path: { spaceId, bookingId: booking.id } });
      assert.equal(theBooking.status, 'cancelled', 'future bookings are cancelled');
      const rows = await server.store.db.selectFrom('members').select(['email']).where('email', '=', 'hedy@example.org').execute();
      assert.deepEqual(rows, [], 'the email is gone from the database');
    });
  });
}
