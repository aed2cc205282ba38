// Bookings: the lifecycle (create, read, list, change, confirm, cancel, iCalendar), who books for
// whom, every booking rule with its code, buffers and pooled quantities, If-Match and
// Idempotency-Key, and that a refused request leaves nothing written.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { before, describe, test } from 'node:test';
import {
  cancelBooking,
  confirmBooking,
  createBooking,
  getBooking,
  getBookingIcal,
  listBookings,
  rescheduleBooking,
  type components,
} from '@coworking-commons/client';
import ICAL from 'ical.js';
import { hashSecret } from '../src/domain/secrets.ts';
import { addResource, assertNoOverlap, assertProblem, countRows, fail, unitRows, type Resource } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { memberWithToken } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type BookingCreate = components['schemas']['BookingCreate'];

const spaceId = 'la-ruche';
const path = { spaceId };
/** A wall-clock time in Paris in December (UTC+1). */
const paris = (date: string, time: string) => `${date}T${time}:00+01:00`;
const utc = (date: string, time: string) => `${date}T${time}:00Z`;

for (const kind of testDatabases()) {
  describe(`bookings (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let member: { memberId: string; token: string };
    let otherMember: { memberId: string; token: string };
    const staff = () => server.client(staffKey);
    const asMember = () => server.client(member.token);
    const anonymous = () => server.client();
    const guest = { name: 'Jonas Weber', email: 'jonas.weber@example.com' };
    const book = (client: ReturnType<TestServer['client']>, body: BookingCreate, key?: string) =>
      createBooking(client, { path, body, ...(key ? { header: { 'Idempotency-Key': key } } : {}) });
    const room = (overrides: Parameters<typeof addResource>[2] = {}) => addResource(server, spaceId, overrides);

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      member = await memberWithToken(server, spaceId, 'camille@example.org');
      otherMember = await memberWithToken(server, spaceId, 'dominique@example.org');
      await server.store.db.updateTable('members').set({ display_name: 'Camille Durand' }).where('id', '=', member.memberId).execute();
    });

    describe('creating', () => {
      test('a member books for themselves: 201, Location, ETag, the member price, confirmed', async () => {
        const resource = await room();
        const response = await book(asMember(), {
          resourceId: resource.id,
          start: paris('2026-12-02', '10:00'),
          end: paris('2026-12-02', '12:00'),
          attendees: 6,
          title: 'Atelier design produit',
          notes: 'Merci de prévoir le projecteur.\nEt du café.',
        });
        assert.equal(response.status, 201);
        const booking = response.data;
        assert.match(booking.id, /^bk_/);
        assert.equal(response.etag, '"1"');
        assert.equal(response.headers.get('location'), `${server.deps.config.publicUrl}/spaces/la-ruche/bookings/${booking.id}`);
        assert.deepEqual(
          { ...booking, id: undefined, createdAt: undefined, updatedAt: undefined },
          {
            id: undefined,
            spaceId,
            resourceId: resource.id,
            start: '2026-12-02T09:00:00Z',
            end: '2026-12-02T11:00:00Z',
            quantity: 1,
            attendees: 6,
            title: 'Atelier design produit',
            notes: 'Merci de prévoir le projecteur.\nEt du café.',
            booker: { kind: 'member', memberId: member.memberId, name: 'Camille Durand', email: 'camille@example.org' },
            price: { amount: 5000, currency: 'EUR' },
            status: 'confirmed',
            createdAt: undefined,
            updatedAt: undefined,
            version: 1,
          },
        );
        assert.equal(booking.createdAt, '2026-12-01T07:00:00Z');
        assert.equal('guestToken' in booking, false);
        const { data: read, etag } = await getBooking(asMember(), { path: { spaceId, bookingId: booking.id } });
        assert.deepEqual(read, booking);
        assert.equal(etag, '"1"');
        assert.deepEqual(await unitRows(server, resource.id), [
          { bookingId: booking.id, unit: 1, from: Date.parse('2026-12-02T09:00:00Z'), to: Date.parse('2026-12-02T11:00:00Z') },
        ]);
      });

      test('a guest books with a name and email: the guest price and a guest token shown once, stored hashed', async () => {
        const resource = await room();
        const response = await book(anonymous(), { resourceId: resource.id, start: paris('2026-12-02', '14:00'), end: paris('2026-12-02', '15:30'), guest });
        assert.equal(response.status, 201);
        const { guestToken, ...booking } = response.data;
        assert.ok(guestToken);
        assert.match(guestToken, /^ccg_[A-Za-z0-9_-]{43}$/);
        assert.deepEqual(booking.booker, { kind: 'guest', name: guest.name, email: guest.email });
        assert.deepEqual(booking.price, { amount: 8000, currency: 'EUR' }, '2 started hours at the guest price');
        assert.equal(booking.attendees, 1, 'attendees default to the quantity');
        const row = await server.store.db.selectFrom('bookings').selectAll().where('id', '=', booking.id).executeTakeFirstOrThrow();
        assert.equal(row.guest_token_hash, hashSecret(guestToken));
        assert.ok(!JSON.stringify(row).includes(guestToken), 'the token itself is not stored');
        const { data: read } = await getBooking(anonymous(), { path: { spaceId, bookingId: booking.id }, query: { guestToken } as never });
        assert.deepEqual(read, booking, 'read back with the token, without the token');
        const { data: listed } = await listBookings(staff(), { path, query: { resourceId: resource.id } });
        assert.equal('guestToken' in listed.items[0]!, false);
      });

      test('staff book for a member (member price) or for a guest (guest price), always confirmed', async () => {
        const resource = await room({ rules: { approvalRequired: true } });
        const forMember = await book(staff(), { resourceId: resource.id, start: paris('2026-12-03', '09:00'), end: paris('2026-12-03', '10:00'), memberId: member.memberId });
        assert.equal(forMember.data.booker.memberId, member.memberId);
        assert.equal(forMember.data.price.amount, 2500);
        assert.equal(forMember.data.status, 'confirmed', 'staff bookings need no approval');
        const forGuest = await book(staff(), { resourceId: resource.id, start: paris('2026-12-03', '10:00'), end: paris('2026-12-03', '11:00'), guest });
        assert.equal(forGuest.data.booker.kind, 'guest');
        assert.equal(forGuest.data.price.amount, 4000);
        assert.ok(forGuest.data.guestToken, 'a guest booking made by staff has a token for the guest');
      });

      test('who the booking is for must follow the credentials', async () => {
        const resource = await room();
        const slot = { resourceId: resource.id, start: paris('2026-12-03', '15:00'), end: paris('2026-12-03', '16:00') };
        const bothGiven = await fail(book(staff(), { ...slot, guest, memberId: member.memberId }));
        assertProblem(bothGiven, 400, 'validation-error');
        const noneGiven = await fail(book(staff(), slot));
        assertProblem(noneGiven, 400, 'validation-error');
        const memberWithGuest = await fail(book(asMember(), { ...slot, guest }));
        assertProblem(memberWithGuest, 400, 'validation-error');
        assert.deepEqual(memberWithGuest.fieldErrors.map((e: { pointer: string }) => e.pointer), ['/guest']);
        const memberForOther = await fail(book(asMember(), { ...slot, memberId: otherMember.memberId }));
        assertProblem(memberForOther, 403, 'forbidden');
        assertProblem(await fail(book(asMember(), { ...slot, memberId: member.memberId })), 403, 'forbidden');
        const anonymousForMember = await fail(book(anonymous(), { ...slot, memberId: member.memberId }));
        assertProblem(anonymousForMember, 401, 'unauthorized');
        const anonymousWithoutGuest = await fail(book(anonymous(), slot));
        assertProblem(anonymousWithoutGuest, 400, 'validation-error');
        const unknownMember = await fail(book(staff(), { ...slot, memberId: 'mb_nobody' }));
        assertProblem(unknownMember, 422, 'rule-violation', 'unknown_member');
        assert.deepEqual(await countRows(server, resource.id), { bookings: 0, units: 0 });
      });

      test('approvalRequired: a member booking is pending and holds the slot; staff confirm it', async () => {
        const resource = await room({ rules: { approvalRequired: true } });
        const slot = { resourceId: resource.id, start: paris('2026-12-04', '09:00'), end: paris('2026-12-04', '10:00') };
        const { data: pending } = await book(asMember(), slot);
        assert.equal(pending.status, 'pending');
        assertProblem(await fail(book(staff(), { ...slot, guest })), 409, 'booking-conflict');
        const bookingPath = { spaceId, bookingId: pending.id };
        assertProblem(await fail(confirmBooking(staff(), { path: bookingPath })), 428, 'precondition-required');
        assertProblem(await fail(confirmBooking(staff(), { path: bookingPath, header: { 'If-Match': '"7"' } })), 412, 'precondition-failed');
        const confirmed = await confirmBooking(staff(), { path: bookingPath, header: { 'If-Match': '"1"' } });
        assert.equal(confirmed.data.status, 'confirmed');
        assert.equal(confirmed.data.version, 2);
        assert.equal(confirmed.etag, '"2"');
        const again = await fail(confirmBooking(staff(), { path: bookingPath, header: { 'If-Match': '"2"' } }));
        assertProblem(again, 409, 'conflict');
      });

      test('extension properties are kept', async () => {
        const resource = await room();
        const { data } = await book(asMember(), {
          resourceId: resource.id,
          start: paris('2026-12-04', '14:00'),
          end: paris('2026-12-04', '15:00'),
          'x-ruche-catering': { coffee: 6 },
        } as BookingCreate);
        assert.deepEqual((data as Record<string, unknown>)['x-ruche-catering'], { coffee: 6 });
      });
    });

    describe('rules', () => {
      let resource: Resource;
      before(async () => {
        resource = await room({ rules: { minDuration: 'PT1H', maxDuration: 'PT4H', granularity: 'PT30M', leadTime: 'PT2H', horizon: 'P30D' } });
      });

      const cases: [string, string, { start: string; end: string; quantity?: number; attendees?: number }][] = [
        ['outside_opening_hours', 'after closing time', { start: paris('2026-12-02', '18:00'), end: paris('2026-12-02', '20:00') }],
        ['outside_opening_hours', 'on a Sunday', { start: paris('2026-12-06', '10:00'), end: paris('2026-12-06', '11:00') }],
        ['closed', 'on a closure', { start: paris('2026-12-25', '10:00'), end: paris('2026-12-25', '11:00') }],
        ['min_duration', 'too short', { start: paris('2026-12-02', '10:00'), end: paris('2026-12-02', '10:30') }],
        ['max_duration', 'too long', { start: paris('2026-12-02', '09:00'), end: paris('2026-12-02', '13:30') }],
        ['granularity', 'off the grid', { start: paris('2026-12-02', '10:15'), end: paris('2026-12-02', '11:15') }],
        ['granularity', 'not a multiple', { start: paris('2026-12-02', '10:00'), end: paris('2026-12-02', '11:10') }],
        ['lead_time', 'within the lead time', { start: paris('2026-12-01', '09:00'), end: paris('2026-12-01', '10:00') }],
        ['in_the_past', 'in the past', { start: paris('2026-11-30', '09:00'), end: paris('2026-11-30', '10:00') }],
        ['horizon', 'beyond the horizon', { start: paris('2027-01-05', '09:00'), end: paris('2027-01-05', '10:00') }],
        ['capacity', 'more units than the resource has', { start: paris('2026-12-02', '10:00'), end: paris('2026-12-02', '11:00'), quantity: 2 }],
        ['capacity', 'more attendees than it holds', { start: paris('2026-12-02', '10:00'), end: paris('2026-12-02', '11:00'), attendees: 9 }],
        ['end_before_start', 'ending before it starts', { start: paris('2026-12-02', '11:00'), end: paris('2026-12-02', '10:00') }],
      ];
      for (const [code, what, slot] of cases) {
        test(`${code}: a booking ${what} is refused and nothing is written`, async () => {
          const error = await fail(book(asMember(), { resourceId: resource.id, ...slot }));
          assertProblem(error, 422, 'rule-violation', code);
          assert.ok(error.problem.detail.length > 0);
          assert.deepEqual(await countRows(server, resource.id), { bookings: 0, units: 0 });
        });
      }

      test('the limits themselves are accepted: the lead time exactly, the longest and shortest bookings', async () => {
        const fresh = await room({ rules: { minDuration: 'PT1H', maxDuration: 'PT4H', leadTime: 'PT2H' } });
        await book(asMember(), { resourceId: fresh.id, start: paris('2026-12-01', '10:00'), end: paris('2026-12-01', '11:00') });
        await book(asMember(), { resourceId: fresh.id, start: paris('2026-12-01', '11:00'), end: paris('2026-12-01', '15:00') });
        await book(asMember(), { resourceId: fresh.id, start: paris('2026-12-01', '18:00'), end: paris('2026-12-01', '19:00') });
        assert.equal((await countRows(server, fresh.id)).bookings, 3);
      });

      test('audience: a members-only resource refuses guests, a staff-only one members; staff may book both', async () => {
        const membersOnly = await room({ bookableBy: ['member'] });
        const staffOnly = await room({ bookableBy: [] });
        const slot = { start: paris('2026-12-07', '10:00'), end: paris('2026-12-07', '11:00') };
        assertProblem(await fail(book(anonymous(), { resourceId: membersOnly.id, ...slot, guest })), 422, 'rule-violation', 'audience');
        assertProblem(await fail(book(asMember(), { resourceId: staffOnly.id, ...slot })), 422, 'rule-violation', 'audience');
        await book(asMember(), { resourceId: membersOnly.id, ...slot });
        await book(staff(), { resourceId: staffOnly.id, ...slot, guest });
        assert.deepEqual(await countRows(server, membersOnly.id), { bookings: 1, units: 1 });
      });

      test('unknown_resource: an unknown id, another space\'s resource, an archived resource', async () => {
        const slot = { start: paris('2026-12-07', '10:00'), end: paris('2026-12-07', '11:00') };
        assertProblem(await fail(book(asMember(), { resourceId: 'rs_nothing', ...slot })), 422, 'rule-violation', 'unknown_resource');
        await seedSpace(server, spaceFixture('le-phare'));
        const elsewhere = await addResource(server, 'le-phare');
        assertProblem(await fail(book(asMember(), { resourceId: elsewhere.id, ...slot })), 422, 'rule-violation', 'unknown_resource');
        const archived = await room({ status: 'archived' });
        assertProblem(await fail(book(asMember(), { resourceId: archived.id, ...slot })), 422, 'rule-violation', 'unknown_resource');
        assert.deepEqual(await countRows(server, archived.id), { bookings: 0, units: 0 });
        assert.deepEqual(await countRows(server, elsewhere.id), { bookings: 0, units: 0 });
      });

      test('a resource with its own hours is bookable when the space is closed, not outside its hours', async () => {
        const evening = await room({
          openingHours: [{ day: 'wednesday', opens: '18:00', closes: '23:00' }],
        });
        await book(asMember(), { resourceId: evening.id, start: paris('2026-12-02', '20:00'), end: paris('2026-12-02', '22:00') });
        assertProblem(
          await fail(book(asMember(), { resourceId: evening.id, start: paris('2026-12-02', '10:00'), end: paris('2026-12-02', '11:00') })),
          422,
          'rule-violation',
          'outside_opening_hours',
        );
      });
    });

    describe('slots, buffers and quantities', () => {
      test('the same slot twice: 409 booking-conflict; touching bookings are fine', async () => {
        const resource = await room();
        const slot = { resourceId: resource.id, start: paris('2026-12-08', '10:00'), end: paris('2026-12-08', '11:00') };
        await book(asMember(), slot);
        assertProblem(await fail(book(staff(), { ...slot, guest })), 409, 'booking-conflict');
        assertProblem(await fail(book(staff(), { ...slot, start: paris('2026-12-08', '10:30'), end: paris('2026-12-08', '11:30'), guest })), 409, 'booking-conflict');
        await book(staff(), { ...slot, start: paris('2026-12-08', '11:00'), end: paris('2026-12-08', '12:00'), guest });
        await book(staff(), { ...slot, start: paris('2026-12-08', '09:00'), end: paris('2026-12-08', '10:00'), guest });
        assert.deepEqual(await countRows(server, resource.id), { bookings: 3, units: 3 });
      });

      test('buffers: a booking within another\'s buffer is a booking-conflict; after it, fine', async () => {
        const resource = await room({ rules: { bufferBefore: 'PT15M', bufferAfter: 'PT30M', granularity: 'PT15M', minDuration: 'PT15M' } });
        const first = await book(asMember(), { resourceId: resource.id, start: paris('2026-12-08', '10:00'), end: paris('2026-12-08', '11:00') });
        assert.equal(first.data.start, '2026-12-08T09:00:00Z', 'the booking itself does not include its buffers');
        assert.deepEqual(
          (await unitRows(server, resource.id)).map((r) => [new Date(r.from).toISOString(), new Date(r.to).toISOString()]),
          [['2026-12-08T08:45:00.000Z', '2026-12-08T10:30:00.000Z']],
          'the units are blocked with the buffers',
        );
        // Right after: its own bufferBefore (15 min) and the first's bufferAfter (30 min) would overlap.
        assertProblem(await fail(book(staff(), { resourceId: resource.id, start: paris('2026-12-08', '11:00'), end: paris('2026-12-08', '12:00'), guest })), 409, 'booking-conflict');
        assertProblem(await fail(book(staff(), { resourceId: resource.id, start: paris('2026-12-08', '11:30'), end: paris('2026-12-08', '12:00'), guest })), 409, 'booking-conflict');
        // Before: its bufferAfter (30 min) runs into the first's bufferBefore (15 min).
        assertProblem(await fail(book(staff(), { resourceId: resource.id, start: paris('2026-12-08', '08:30'), end: paris('2026-12-08', '09:30'), guest })), 409, 'booking-conflict');
        await book(staff(), { resourceId: resource.id, start: paris('2026-12-08', '11:45'), end: paris('2026-12-08', '12:45'), guest });
        await book(staff(), { resourceId: resource.id, start: paris('2026-12-08', '08:00'), end: paris('2026-12-08', '09:15'), guest });
        assert.deepEqual(await countRows(server, resource.id), { bookings: 3, units: 3 });
        await assertNoOverlap(server, resource.id);
      });

      test('a pooled resource: units are counted, each booking holds its own units', async () => {
        const desks = await room({ type: 'hot_desk', name: 'Open space', capacity: 1, quantity: 3 });
        const slot = { resourceId: desks.id, start: paris('2026-12-09', '09:00'), end: paris('2026-12-09', '17:00') };
        const two = await book(asMember(), { ...slot, quantity: 2 });
        assert.equal(two.data.quantity, 2);
        assert.equal(two.data.attendees, 2);
        assert.equal(two.data.price.amount, 2 * 8 * 2500, 'the price counts every unit');
        assertProblem(await fail(book(staff(), { ...slot, quantity: 2, guest })), 409, 'booking-conflict');
        assertProblem(await fail(book(staff(), { ...slot, quantity: 1, attendees: 2, guest })), 422, 'rule-violation', 'capacity');
        await book(staff(), { ...slot, quantity: 1, guest });
        assertProblem(await fail(book(staff(), { ...slot, guest })), 409, 'booking-conflict');
        await book(staff(), { ...slot, start: paris('2026-12-09', '17:00'), end: paris('2026-12-09', '18:00'), quantity: 3, guest });
        const units = await unitRows(server, desks.id);
        assert.deepEqual(units.map((u) => u.unit), [1, 2, 3, 1, 2, 3]);
        await assertNoOverlap(server, desks.id);
      });

      test('free time scattered over several units still takes a booking (units are interchangeable)', async () => {
        const desks = await room({ type: 'hot_desk', name: 'Mezzanine', capacity: 1, quantity: 2 });
        const at = (from: string, to: string) => ({ resourceId: desks.id, start: paris('2026-12-10', from), end: paris('2026-12-10', to), guest });
        const a = await book(staff(), at('09:00', '10:00'));
        const m = await book(staff(), at('10:00', '12:00'));
        const b = await book(staff(), at('11:00', '12:00'));
        await cancelBooking(staff(), { path: { spaceId, bookingId: m.data.id }, header: { 'If-Match': '"1"' } });
        const before = await unitRows(server, desks.id);
        assert.deepEqual(before.map((u) => [u.bookingId, u.unit]), [[a.data.id, 1], [b.data.id, 2]], 'one unit free 9–11, the other 10–12');
        // Each instant of 09:00–12:00 has a free unit, but no single unit is free all along.
        const n = await book(staff(), at('09:00', '12:00'));
        assert.equal(n.status, 201);
        await assertNoOverlap(server, desks.id);
        assert.equal((await unitRows(server, desks.id)).length, 3);
        assertProblem(await fail(book(staff(), at('09:30', '10:00'))), 409, 'booking-conflict');
      });
    });

    describe('reading and listing', () => {
      test('members list their own bookings; staff all, with filters, by start, page by page', async () => {
        const resource = await room();
        const other = await room();
        const mine = [];
        for (const [date, time] of [['2026-12-15', '14:00'], ['2026-12-14', '09:00'], ['2026-12-15', '09:00']] as const) {
          const end = `${String(Number(time.slice(0, 2)) + 1).padStart(2, '0')}:00`;
          mine.push((await book(asMember(), { resourceId: resource.id, start: paris(date, time), end: paris(date, end) })).data);
        }
        const theirs = (await book(server.client(otherMember.token), { resourceId: other.id, start: paris('2026-12-14', '09:00'), end: paris('2026-12-14', '10:00') })).data;
        const window = { from: utc('2026-12-14', '00:00'), to: utc('2026-12-16', '00:00') };

        const { data: own } = await listBookings(asMember(), { path, query: window });
        assert.deepEqual(own.items.map((b) => b.id), [mine[1]!.id, mine[2]!.id, mine[0]!.id], 'sorted by start, only their own');
        const ownExplicit = await listBookings(asMember(), { path, query: { ...window, memberId: member.memberId } });
        assert.equal(ownExplicit.data.items.length, 3);

        const { data: all } = await listBookings(staff(), { path, query: window });
        assert.deepEqual(all.items.map((b) => b.id).sort(), [...mine.map((b) => b.id), theirs.id].sort());
        const byResource = await listBookings(staff(), { path, query: { ...window, resourceId: other.id } });
        assert.deepEqual(byResource.data.items.map((b) => b.id), [theirs.id]);
        const byMember = await listBookings(staff(), { path, query: { ...window, memberId: otherMember.memberId } });
        assert.deepEqual(byMember.data.items.map((b) => b.id), [theirs.id]);
        const overlapping = await listBookings(staff(), { path, query: { from: utc('2026-12-15', '08:30'), to: utc('2026-12-15', '13:01'), resourceId: resource.id } });
        assert.deepEqual(overlapping.data.items.map((b) => b.id), [mine[2]!.id, mine[0]!.id], 'from/to select the bookings overlapping the window');

        await cancelBooking(asMember(), { path: { spaceId, bookingId: mine[0]!.id }, header: { 'If-Match': '"1"' } });
        const withCancelled = await listBookings(asMember(), { path, query: window });
        assert.equal(withCancelled.data.items.length, 3, 'cancelled bookings are listed');
        const confirmedOnly = await listBookings(asMember(), { path, query: { ...window, status: 'confirmed' } });
        assert.equal(confirmedOnly.data.items.length, 2);
        const cancelledOnly = await listBookings(asMember(), { path, query: { ...window, status: 'cancelled' } });
        assert.deepEqual(cancelledOnly.data.items.map((b) => b.id), [mine[0]!.id]);

        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const { data: pageData } = await listBookings(staff(), { path, query: { ...window, limit: 1, ...(cursor ? { cursor } : {}) } });
          assert.ok(pageData.items.length <= 1);
          seen.push(...pageData.items.map((b) => b.id));
          cursor = pageData.nextCursor;
        } while (cursor);
        assert.deepEqual(seen, all.items.map((b) => b.id), 'the pages give the same bookings in the same order');

        assertProblem(await fail(listBookings(staff(), { path, query: { cursor: 'bm90LWEtY3Vyc29y' } })), 400, 'validation-error');
      });

      test('a booking downloads as iCalendar with a stable UID and a STATUS following the booking', async () => {
        const resource = await room({ name: 'Salle Hopper', rules: { approvalRequired: true } });
        const created = await book(anonymous(), {
          resourceId: resource.id,
          start: paris('2026-12-16', '10:00'),
          end: paris('2026-12-16', '11:30'),
          title: 'Réunion; budget, 2027',
          guest,
        });
        const bookingPath = { spaceId, bookingId: created.data.id };
        const guestQuery = { guestToken: created.data.guestToken } as never;
        const ics = await getBookingIcal(anonymous(), { path: bookingPath, query: guestQuery });
        assert.match(ics.headers.get('content-type') ?? '', /^text\/calendar/);
        assert.match(ics.data as string, /\r\nEND:VCALENDAR\r\n$/, 'the last line ends with CRLF too (RFC 5545 §3.1)');
        const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.data as string)).getFirstSubcomponent('vevent')!);
        assert.equal(event.summary, 'Salle Hopper: Réunion; budget, 2027');
        assert.equal(event.startDate.toJSDate().toISOString(), '2026-12-16T09:00:00.000Z');
        assert.equal(event.endDate.toJSDate().toISOString(), '2026-12-16T10:30:00.000Z');
        const status = (text: string) => new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('status');
        assert.equal(status(ics.data as string), 'TENTATIVE');
        const uid = event.uid;
        await confirmBooking(staff(), { path: bookingPath, header: { 'If-Match': '"1"' } });
        const confirmed = await getBookingIcal(staff(), { path: bookingPath });
        assert.equal(status(confirmed.data as string), 'CONFIRMED');
        await cancelBooking(anonymous(), { path: bookingPath, query: guestQuery, header: { 'If-Match': '"2"' } });
        const cancelled = await getBookingIcal(anonymous(), { path: bookingPath, query: guestQuery });
        assert.equal(status(cancelled.data as string), 'CANCELLED');
        assert.equal(new ICAL.Event(new ICAL.Component(ICAL.parse(cancelled.data as string)).getFirstSubcomponent('vevent')!).uid, uid);

        const refused = await fetch(`${server.url}/spaces/${spaceId}/bookings/${created.data.id}/booking.ics`, {
          headers: { authorization: `Bearer ${staffKey}`, accept: 'application/json' },
        });
        assert.equal(refused.status, 406);
        assert.equal((await refused.json()).type, 'urn:coworking-commons:problem:not-acceptable');
      });
    });

    describe('changing', () => {
      test('If-Match: 428 without, 412 stale, 200 with the current ETag; the version and ETag move on every change', async () => {
        const resource = await room();
        const { data: booking } = await book(asMember(), { resourceId: resource.id, start: paris('2026-12-17', '10:00'), end: paris('2026-12-17', '11:00'), title: 'Point' });
        const bookingPath = { spaceId, bookingId: booking.id };
        assertProblem(await fail(rescheduleBooking(asMember(), { path: bookingPath, body: { title: 'Sans If-Match' } })), 428, 'precondition-required');
        assertProblem(await fail(rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"2"' }, body: { title: 'Futur' } })), 412, 'precondition-failed');
        const first = await rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"1"' }, body: { title: 'Point hebdo' } });
        assert.equal(first.etag, '"2"');
        assert.equal(first.data.version, 2);
        assert.equal(first.data.title, 'Point hebdo');
        assertProblem(await fail(rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"1"' }, body: { title: 'Perdu' } })), 412, 'precondition-failed');
        const second = await rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': first.etag! }, body: { title: null, notes: 'Salle calme' } });
        assert.equal(second.etag, '"3"');
        assert.equal('title' in second.data, false, 'null removes the title');
        assert.equal(second.data.notes, 'Salle calme');
        const { data: read, etag } = await getBooking(asMember(), { path: bookingPath });
        assert.deepEqual(read, second.data);
        assert.equal(etag, '"3"');
        assertProblem(await fail(cancelBooking(asMember(), { path: bookingPath })), 428, 'precondition-required');
        assertProblem(await fail(cancelBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"2"' } })), 412, 'precondition-failed');
        assert.equal((await getBooking(asMember(), { path: bookingPath })).data.status, 'confirmed', 'a refused cancel changes nothing');
      });

      test('moving a booking: rules again, the new price, its own slot counts as free, a taken slot changes nothing', async () => {
        const resource = await room();
        const { data: booking } = await book(asMember(), { resourceId: resource.id, start: paris('2026-12-18', '10:00'), end: paris('2026-12-18', '11:00') });
        const { data: blocker } = await book(staff(), { resourceId: resource.id, start: paris('2026-12-18', '14:00'), end: paris('2026-12-18', '15:00'), guest });
        const bookingPath = { spaceId, bookingId: booking.id };
        const moved = await rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"1"' }, body: { start: paris('2026-12-18', '10:30'), end: paris('2026-12-18', '12:30') } });
        assert.equal(moved.data.start, '2026-12-18T09:30:00Z', 'overlapping its own old slot is fine');
        assert.equal(moved.data.end, '2026-12-18T11:30:00Z');
        assert.equal(moved.data.price.amount, 5000, 'the price is recomputed');

        const unitsBefore = await unitRows(server, resource.id);
        const taken = await fail(
          rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"2"' }, body: { start: paris('2026-12-18', '13:30'), end: paris('2026-12-18', '14:30') } }),
        );
        assertProblem(taken, 409, 'booking-conflict');
        const ruleBroken = await fail(rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"2"' }, body: { end: paris('2026-12-18', '19:30') } }));
        assertProblem(ruleBroken, 422, 'rule-violation', 'outside_opening_hours');
        const tooMany = await fail(rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"2"' }, body: { attendees: 9 } }));
        assertProblem(tooMany, 422, 'rule-violation', 'capacity');
        assert.deepEqual(await unitRows(server, resource.id), unitsBefore, 'the refused changes left the units as they were');
        const { data: unchanged } = await getBooking(asMember(), { path: bookingPath });
        assert.deepEqual(unchanged, moved.data);

        // Once the blocker is cancelled, its slot is free for the move.
        await cancelBooking(staff(), { path: { spaceId, bookingId: blocker.id }, header: { 'If-Match': '"1"' } });
        const later = await rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"2"' }, body: { start: paris('2026-12-18', '14:00'), end: paris('2026-12-18', '15:00') } });
        assert.equal(later.data.start, '2026-12-18T13:00:00Z');
        assert.deepEqual((await unitRows(server, resource.id)).map((u) => u.bookingId), [booking.id]);
      });

      test('changing the quantity of a pooled booking takes or gives back units; too many is a booking-conflict', async () => {
        const desks = await room({ type: 'hot_desk', name: 'Atelier', capacity: 1, quantity: 3 });
        const slot = { resourceId: desks.id, start: paris('2026-12-18', '09:00'), end: paris('2026-12-18', '12:00') };
        const { data: mine } = await book(asMember(), slot);
        await book(staff(), { ...slot, guest });
        const bookingPath = { spaceId, bookingId: mine.id };
        const two = await rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"1"' }, body: { quantity: 2 } });
        assert.equal(two.data.quantity, 2);
        assert.equal(two.data.price.amount, 2 * 3 * 2500);
        assert.deepEqual(await countRows(server, desks.id), { bookings: 2, units: 3 });
        assertProblem(await fail(rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"2"' }, body: { quantity: 3 } })), 409, 'booking-conflict');
        assert.deepEqual(await countRows(server, desks.id), { bookings: 2, units: 3 }, 'the refused change kept its two units');
        const one = await rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"2"' }, body: { quantity: 1 } });
        assert.equal(one.data.quantity, 1);
        assert.deepEqual(await countRows(server, desks.id), { bookings: 2, units: 2 });
        await assertNoOverlap(server, desks.id);
      });

      test('a pool booking of 2 for 2 people moved to 1 without attendees is for 1 person; attendees that still fit stay', async () => {
        const desks = await room({ type: 'hot_desk', name: 'Pool', capacity: 1, quantity: 4 });
        const slot = { resourceId: desks.id, start: paris('2026-12-21', '09:00'), end: paris('2026-12-21', '12:00') };
        const { data: two } = await book(asMember(), { ...slot, quantity: 2 });
        assert.equal(two.attendees, 2);
        const one = await rescheduleBooking(asMember(), { path: { spaceId, bookingId: two.id }, header: { 'If-Match': '"1"' }, body: { quantity: 1 } });
        assert.equal(one.data.attendees, 1);
        const three = await rescheduleBooking(asMember(), { path: { spaceId, bookingId: two.id }, header: { 'If-Match': '"2"' }, body: { quantity: 3 } });
        assert.equal(three.data.attendees, 1, 'attendees that fit the new quantity stay as they were');
        const rooms = await room({ type: 'meeting_room', capacity: 8, quantity: 2 });
        const { data: meeting } = await book(asMember(), { resourceId: rooms.id, start: slot.start, end: slot.end, quantity: 2, attendees: 12 });
        const smaller = await rescheduleBooking(asMember(), { path: { spaceId, bookingId: meeting.id }, header: { 'If-Match': '"1"' }, body: { quantity: 1 } });
        assert.equal(smaller.data.attendees, 8, 'the most one room holds');
      });

      test('with approval, a member moving a confirmed booking makes it pending again; staff moving it do not', async () => {
        const resource = await room({ rules: { approvalRequired: true } });
        const { data: booking } = await book(staff(), { resourceId: resource.id, start: paris('2026-12-21', '10:00'), end: paris('2026-12-21', '11:00'), memberId: member.memberId });
        assert.equal(booking.status, 'confirmed');
        const bookingPath = { spaceId, bookingId: booking.id };
        const titled = await rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"1"' }, body: { title: 'Même heure' } });
        assert.equal(titled.data.status, 'confirmed', 'a change that is not a move keeps it confirmed');
        const byStaff = await rescheduleBooking(staff(), { path: bookingPath, header: { 'If-Match': '"2"' }, body: { start: paris('2026-12-21', '11:00'), end: paris('2026-12-21', '12:00') } });
        assert.equal(byStaff.data.status, 'confirmed');
        const byMember = await rescheduleBooking(asMember(), { path: bookingPath, header: { 'If-Match': '"3"' }, body: { start: paris('2026-12-21', '15:00'), end: paris('2026-12-21', '16:00') } });
        assert.equal(byMember.data.status, 'pending');
      });

      test('a cancelled booking cannot be changed (409 conflict), nor a started one (422 already_started)', async () => {
        const resource = await room();
        const { data: soon } = await book(asMember(), { resourceId: resource.id, start: paris('2026-12-01', '09:00'), end: paris('2026-12-01', '10:00') });
        const { data: toCancel } = await book(asMember(), { resourceId: resource.id, start: paris('2026-12-01', '11:00'), end: paris('2026-12-01', '12:00') });
        await cancelBooking(staff(), { path: { spaceId, bookingId: toCancel.id }, header: { 'If-Match': '"1"' } });
        const cancelled = await fail(rescheduleBooking(asMember(), { path: { spaceId, bookingId: toCancel.id }, header: { 'If-Match': '"2"' }, body: { title: 'Trop tard' } }));
        assertProblem(cancelled, 409, 'conflict');
        server.clock.set('2026-12-01T08:15:00Z');
        try {
          const started = await fail(rescheduleBooking(staff(), { path: { spaceId, bookingId: soon.id }, header: { 'If-Match': '"1"' }, body: { title: 'En cours' } }));
          assertProblem(started, 422, 'rule-violation', 'already_started');
        } finally {
          server.clock.set('2026-12-01T07:00:00Z');
        }
      });
    });

    describe('cancelling', () => {
      test('cancelling frees the slot and records when, by whom and why; twice is a conflict', async () => {
        const resource = await room();
        const slot = { resourceId: resource.id, start: paris('2026-12-22', '10:00'), end: paris('2026-12-22', '11:00') };
        const { data: booking } = await book(asMember(), slot);
        server.clock.set('2026-12-01T07:30:00Z');
        try {
          const cancelled = await cancelBooking(asMember(), { path: { spaceId, bookingId: booking.id }, header: { 'If-Match': '"1"' }, body: { reason: 'Réunion annulée par le client.' } });
          assert.equal(cancelled.data.status, 'cancelled');
          assert.equal(cancelled.data.version, 2);
          assert.equal(cancelled.etag, '"2"');
          assert.equal(cancelled.data.updatedAt, '2026-12-01T07:30:00Z');
          assert.deepEqual(cancelled.data.cancellation, { at: '2026-12-01T07:30:00Z', by: 'member', reason: 'Réunion annulée par le client.' });
          assert.deepEqual(await countRows(server, resource.id), { bookings: 1, units: 0 }, 'the units are freed');
          const again = await fail(cancelBooking(asMember(), { path: { spaceId, bookingId: booking.id }, header: { 'If-Match': '"2"' } }));
          assertProblem(again, 409, 'conflict');
          const retaken = await book(staff(), { ...slot, guest });
          assert.equal(retaken.status, 201, 'the slot is free again');
        } finally {
          server.clock.set('2026-12-01T07:00:00Z');
        }
      });

      test('members and guests cancel up to the cancellation notice (PT2H); staff always', async () => {
        const resource = await room();
        const { data: mine } = await book(asMember(), { resourceId: resource.id, start: paris('2026-12-01', '10:00'), end: paris('2026-12-01', '11:00') });
        const { data: guests } = await book(anonymous(), { resourceId: resource.id, start: paris('2026-12-01', '11:00'), end: paris('2026-12-01', '12:00'), guest });
        const { data: exactly } = await book(asMember(), { resourceId: resource.id, start: paris('2026-12-01', '12:00'), end: paris('2026-12-01', '13:00') });
        server.clock.set('2026-12-01T08:00:00Z'); // 09:00 in Paris: 1 h before the first, 2 h before the second
        try {
          const late = await fail(cancelBooking(asMember(), { path: { spaceId, bookingId: mine.id }, header: { 'If-Match': '"1"' } }));
          assertProblem(late, 422, 'rule-violation', 'cancellation_notice');
          const guestQuery = { guestToken: guests.guestToken } as never;
          const byGuest = await cancelBooking(anonymous(), { path: { spaceId, bookingId: guests.id }, query: guestQuery, header: { 'If-Match': '"1"' } });
          assert.equal(byGuest.data.cancellation?.by, 'guest', 'exactly the notice before the start is still allowed');
          server.clock.set('2026-12-01T09:00:01Z');
          const memberLate = await fail(cancelBooking(asMember(), { path: { spaceId, bookingId: exactly.id }, header: { 'If-Match': '"1"' } }));
          assertProblem(memberLate, 422, 'rule-violation', 'cancellation_notice');
          const byStaff = await cancelBooking(staff(), { path: { spaceId, bookingId: mine.id }, header: { 'If-Match': '"1"' }, body: { reason: 'Fuite d’eau' } });
          assert.deepEqual(byStaff.data.cancellation, { at: '2026-12-01T09:00:01Z', by: 'staff', reason: 'Fuite d’eau' });
          assert.deepEqual((await unitRows(server, resource.id)).map((u) => u.bookingId), [exactly.id]);
        } finally {
          server.clock.set('2026-12-01T07:00:00Z');
        }
      });
    });

    describe('idempotency', () => {
      test('the same key and body twice: the same response, one booking', async () => {
        const resource = await room();
        const body = { resourceId: resource.id, start: paris('2026-12-23', '10:00'), end: paris('2026-12-23', '11:00'), guest };
        const first = await book(anonymous(), body, 'key-same-twice-0001');
        const second = await book(anonymous(), body, 'key-same-twice-0001');
        assert.equal(second.status, 201);
        assert.deepEqual(second.data, first.data, 'the guest token too is replayed to the one who holds the key');
        assert.equal(second.headers.get('idempotent-replayed'), 'true');
        assert.equal(second.etag, '"1"');
        assert.equal(second.headers.get('location'), first.headers.get('location'));
        assert.deepEqual(await countRows(server, resource.id), { bookings: 1, units: 1 });
      });

      test('the same key with another body: 422 idempotency-key-reused, nothing written', async () => {
        const resource = await room();
        const body = { resourceId: resource.id, start: paris('2026-12-23', '14:00'), end: paris('2026-12-23', '15:00') };
        await book(asMember(), body, 'key-other-body-0001');
        const error = await fail(book(asMember(), { ...body, end: paris('2026-12-23', '16:00') }, 'key-other-body-0001'));
        assertProblem(error, 422, 'idempotency-key-reused');
        assert.deepEqual(await countRows(server, resource.id), { bookings: 1, units: 1 });
      });

      test('keys are scoped to the caller: the same key from two members makes two bookings', async () => {
        const desks = await room({ type: 'hot_desk', capacity: 1, quantity: 4 });
        const body = { resourceId: desks.id, start: paris('2026-12-23', '09:00'), end: paris('2026-12-23', '12:00') };
        const a = await book(asMember(), body, 'key-two-callers-0001');
        const b = await book(server.client(otherMember.token), body, 'key-two-callers-0001');
        assert.notEqual(a.data.id, b.data.id);
        assert.equal(b.headers.get('idempotent-replayed'), null);
        assert.equal(b.data.booker.memberId, otherMember.memberId);
        assert.deepEqual(await countRows(server, desks.id), { bookings: 2, units: 2 });
      });

      test("two guests choosing the same key get two bookings, each with only its own token", async () => {
        const desks = await room({ type: 'hot_desk', capacity: 1, quantity: 4 });
        const slot = { resourceId: desks.id, start: paris('2026-12-28', '09:00'), end: paris('2026-12-28', '12:00') };
        const a = await book(anonymous(), { ...slot, guest }, 'key-two-guests-0001');
        const b = await book(anonymous(), { ...slot, guest: { name: 'Ana Lima', email: 'ana.lima@example.com' } }, 'key-two-guests-0001');
        assert.equal(b.status, 201);
        assert.equal(b.headers.get('idempotent-replayed'), null);
        assert.notEqual(a.data.id, b.data.id);
        assert.notEqual((a.data as any).guestToken, (b.data as any).guestToken);
        assert.deepEqual(await countRows(server, desks.id), { bookings: 2, units: 2 });
      });

      test("a guest's key and body sent from another address is no replay: the guest's token stays with the guest", async () => {
        const resource = await room();
        const body = { resourceId: resource.id, start: paris('2026-12-28', '14:00'), end: paris('2026-12-28', '15:00'), guest };
        const first = await book(anonymous(), body, 'key-guest-elsewhere-01');
        const { port } = new URL(server.url);
        const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
          const request = httpRequest(
            { host: '127.0.0.1', localAddress: '127.0.0.2', port, method: 'POST', path: `/spaces/${spaceId}/bookings`, headers: { 'content-type': 'application/json', 'idempotency-key': 'key-guest-elsewhere-01' } },
            (response) => {
              let text = '';
              response.on('data', (chunk) => (text += chunk));
              response.on('end', () => resolve({ status: response.statusCode!, text }));
            },
          );
          request.on('error', reject);
          request.end(JSON.stringify(body));
        });
        assert.equal(answer.status, 409, answer.text);
        assert.doesNotMatch(answer.text, new RegExp((first.data as any).guestToken));
        assert.doesNotMatch(answer.text, /ccg_/);
        assert.deepEqual(await countRows(server, resource.id), { bookings: 1, units: 1 });
      });

      test('a refused request is not recorded: once the slot is free, the same key books it', async () => {
        const resource = await room();
        const slot = { resourceId: resource.id, start: paris('2026-12-24', '10:00'), end: paris('2026-12-24', '11:00') };
        const { data: blocker } = await book(staff(), { ...slot, guest });
        assertProblem(await fail(book(asMember(), slot, 'key-retry-after-conflict')), 409, 'booking-conflict');
        await cancelBooking(staff(), { path: { spaceId, bookingId: blocker.id }, header: { 'If-Match': '"1"' } });
        const retried = await book(asMember(), slot, 'key-retry-after-conflict');
        assert.equal(retried.status, 201);
        assert.equal(retried.headers.get('idempotent-replayed'), null);
      });
    });
  });
}
