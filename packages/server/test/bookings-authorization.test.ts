// Who may see and change which booking: one test per rule, each trying to break it, and each
// checking that the refused request changed nothing.
import assert from 'node:assert/strict';
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
import { addResource, assertProblem, countRows, fail, type Resource } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { memberWithToken } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type Booking = components['schemas']['Booking'];

const spaceId = 'la-ruche';
const path = { spaceId };
const paris = (date: string, time: string) => `${date}T${time}:00+01:00`;
const guest = { name: 'Jonas Weber', email: 'jonas.weber@example.com' };
const withToken = (guestToken: string | undefined) => ({ guestToken }) as never;

for (const kind of testDatabases()) {
  describe(`bookings authorization (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let otherSpaceKey: string;
    let alice: { memberId: string; token: string };
    let bob: { memberId: string; token: string };
    let otherSpaceMember: { memberId: string; token: string };
    let room: Resource;
    let alices: Booking;
    let bobs: Booking;
    let guestA: Booking & { guestToken?: string };
    let guestB: Booking & { guestToken?: string };
    const client = (token?: string) => server.client(token);
    const bookingPath = (b: Booking) => ({ spaceId, bookingId: b.id });
    /** The booking as stored, read by staff: to check that a refused request changed nothing. */
    const stored = async (b: Booking) => (await getBooking(client(staffKey), { path: bookingPath(b) })).data;

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      ({ staffKey: otherSpaceKey } = await seedSpace(server, spaceFixture('le-phare', { name: 'Le Phare' })));
      alice = await memberWithToken(server, spaceId);
      bob = await memberWithToken(server, spaceId);
      otherSpaceMember = await memberWithToken(server, 'le-phare');
      room = await addResource(server, spaceId, { rules: { approvalRequired: true } });
      const at = (time: string, end: string) => ({ resourceId: room.id, start: paris('2026-12-02', time), end: paris('2026-12-02', end) });
      alices = (await createBooking(client(alice.token), { path, body: { ...at('09:00', '10:00'), title: 'Alice' } })).data;
      bobs = (await createBooking(client(bob.token), { path, body: { ...at('10:00', '11:00'), title: 'Bob' } })).data;
      guestA = (await createBooking(client(), { path, body: { ...at('11:00', '12:00'), guest } })).data;
      guestB = (await createBooking(client(), { path, body: { ...at('12:00', '13:00'), guest: { name: 'Léa Martin', email: 'lea@example.net' } } })).data;
    });

    test("a member cannot read another member's booking (404, as if it did not exist)", async () => {
      const error = await fail(getBooking(client(alice.token), { path: bookingPath(bobs) }));
      assertProblem(error, 404, 'not-found');
      const missing = await fail(getBooking(client(alice.token), { path: { spaceId, bookingId: 'bk_doesnotexist' } }));
      assert.equal(missing.problem.detail, error.problem.detail, 'the same answer as for a booking that does not exist');
      assertProblem(await fail(getBookingIcal(client(alice.token), { path: bookingPath(bobs) })), 404, 'not-found');
      assertProblem(await fail(getBooking(client(alice.token), { path: bookingPath(guestA) })), 404, 'not-found');
    });

    test("a member cannot cancel or change another member's booking (404); nothing changes", async () => {
      const before = await stored(bobs);
      assertProblem(await fail(cancelBooking(client(alice.token), { path: bookingPath(bobs), header: { 'If-Match': '"1"' } })), 404, 'not-found');
      assertProblem(await fail(rescheduleBooking(client(alice.token), { path: bookingPath(bobs), header: { 'If-Match': '"1"' }, body: { title: 'Mine now' } })), 404, 'not-found');
      assertProblem(await fail(cancelBooking(client(alice.token), { path: bookingPath(guestA), header: { 'If-Match': '"1"' } })), 404, 'not-found');
      assert.deepEqual(await stored(bobs), before);
      assert.deepEqual(await countRows(server, room.id), { bookings: 4, units: 4 });
    });

    test("a member lists only their own bookings, and may not ask for another member's", async () => {
      const { data } = await listBookings(client(alice.token), { path });
      assert.deepEqual(data.items.map((b) => b.id), [alices.id]);
      assertProblem(await fail(listBookings(client(alice.token), { path, query: { memberId: bob.memberId } })), 403, 'forbidden');
    });

    test('a guest token opens its own booking only: the token of booking A on booking B is a 404', async () => {
      const own = await getBooking(client(), { path: bookingPath(guestA), query: withToken(guestA.guestToken) });
      assert.equal(own.data.id, guestA.id);
      assertProblem(await fail(getBooking(client(), { path: bookingPath(guestB), query: withToken(guestA.guestToken) })), 404, 'not-found');
      assertProblem(await fail(getBookingIcal(client(), { path: bookingPath(guestB), query: withToken(guestA.guestToken) })), 404, 'not-found');
      assertProblem(await fail(getBooking(client(), { path: bookingPath(alices), query: withToken(guestA.guestToken) })), 404, 'not-found');
      const before = await stored(guestB);
      assertProblem(await fail(cancelBooking(client(), { path: bookingPath(guestB), query: withToken(guestA.guestToken), header: { 'If-Match': '"1"' } })), 404, 'not-found');
      assert.deepEqual(await stored(guestB), before);
    });

    test('a made-up or altered guest token opens nothing (404); no token at all is a 401', async () => {
      const altered = `${guestA.guestToken!.slice(0, -1)}${guestA.guestToken!.endsWith('A') ? 'B' : 'A'}`;
      assertProblem(await fail(getBooking(client(), { path: bookingPath(guestA), query: withToken(altered) })), 404, 'not-found');
      assertProblem(await fail(getBooking(client(), { path: bookingPath(guestA), query: withToken('ccg_' + 'x'.repeat(43)) })), 404, 'not-found');
      assertProblem(await fail(getBooking(client(), { path: bookingPath(guestA) })), 401, 'unauthorized');
      assertProblem(await fail(cancelBooking(client(), { path: bookingPath(guestA), header: { 'If-Match': '"1"' } })), 401, 'unauthorized');
    });

    test('a guest token does not change a booking nor confirm it (those need a member token or staff key)', async () => {
      const query = withToken(guestA.guestToken);
      assertProblem(await fail(rescheduleBooking(client(), { path: bookingPath(guestA), query, header: { 'If-Match': '"1"' }, body: { title: 'x' } } as never)), 401, 'unauthorized');
      assertProblem(await fail(confirmBooking(client(), { path: bookingPath(guestA), query, header: { 'If-Match': '"1"' } } as never)), 401, 'unauthorized');
      assert.equal((await stored(guestA)).status, 'pending');
    });

    test('a member may not confirm a booking, not even their own (403)', async () => {
      assertProblem(await fail(confirmBooking(client(alice.token), { path: bookingPath(alices), header: { 'If-Match': '"1"' } })), 403, 'forbidden');
      assert.equal((await stored(alices)).status, 'pending');
    });

    test('listing bookings needs credentials (401)', async () => {
      assertProblem(await fail(listBookings(client(), { path })), 401, 'unauthorized');
      assertProblem(await fail(listBookings(client(), { path, query: withToken(guestA.guestToken) })), 401, 'unauthorized');
    });

    test("another space's staff key or member token is refused here (401), for reads, lists, changes and bookings", async () => {
      assertProblem(await fail(getBooking(client(otherSpaceKey), { path: bookingPath(alices) })), 401, 'unauthorized');
      assertProblem(await fail(listBookings(client(otherSpaceKey), { path })), 401, 'unauthorized');
      assertProblem(await fail(cancelBooking(client(otherSpaceKey), { path: bookingPath(alices), header: { 'If-Match': '"1"' } })), 401, 'unauthorized');
      assertProblem(await fail(confirmBooking(client(otherSpaceKey), { path: bookingPath(alices), header: { 'If-Match': '"1"' } })), 401, 'unauthorized');
      assertProblem(await fail(getBooking(client(otherSpaceMember.token), { path: bookingPath(alices) })), 401, 'unauthorized');
      const booking = fail(createBooking(client(otherSpaceKey), { path, body: { resourceId: room.id, start: paris('2026-12-03', '09:00'), end: paris('2026-12-03', '10:00'), guest } }));
      assertProblem(await booking, 401, 'unauthorized');
      assert.deepEqual(await countRows(server, room.id), { bookings: 4, units: 4 });
    });

    test("the other space's own staff do not see this space's bookings through their space (404)", async () => {
      const error = await fail(getBooking(client(otherSpaceKey), { path: { spaceId: 'le-phare', bookingId: alices.id } }));
      assertProblem(error, 404, 'not-found');
      const { data } = await listBookings(client(otherSpaceKey), { path: { spaceId: 'le-phare' } });
      assert.deepEqual(data.items, []);
      const cancel = await fail(cancelBooking(client(otherSpaceKey), { path: { spaceId: 'le-phare', bookingId: alices.id }, header: { 'If-Match': '"1"' } }));
      assertProblem(cancel, 404, 'not-found');
      assert.equal((await stored(alices)).status, 'pending');
    });

    test('a guest cannot book when the space does not take guest bookings (403), and nothing is written', async () => {
      await seedSpace(server, spaceFixture('sans-invites', { policies: { ...spaceFixture().policies, guestBookingAllowed: false } }));
      const closedRoom = await addResource(server, 'sans-invites');
      const slot = { resourceId: closedRoom.id, start: paris('2026-12-03', '09:00'), end: paris('2026-12-03', '10:00') };
      assertProblem(await fail(createBooking(client(), { path: { spaceId: 'sans-invites' }, body: { ...slot, guest } })), 403, 'forbidden');
      assert.deepEqual(await countRows(server, closedRoom.id), { bookings: 0, units: 0 });
      const member = await memberWithToken(server, 'sans-invites');
      const ok = await createBooking(client(member.token), { path: { spaceId: 'sans-invites' }, body: slot });
      assert.equal(ok.status, 201, 'members still book');
    });

    test("members and staff see the booker's email; the guest token is never shown again", async () => {
      const staffView = await stored(guestA);
      assert.equal(staffView.booker.email, guest.email);
      assert.equal('guestToken' in staffView, false);
      const guestView = (await getBooking(client(), { path: bookingPath(guestA), query: withToken(guestA.guestToken) })).data;
      assert.equal('guestToken' in guestView, false);
      const { data } = await listBookings(client(staffKey), { path });
      assert.ok(data.items.every((b) => !('guestToken' in b)));
    });

    test('an expired member token is refused (401)', async () => {
      const carol = await memberWithToken(server, spaceId);
      const { data: booking } = await createBooking(client(carol.token), { path, body: { resourceId: room.id, start: paris('2026-12-03', '14:00'), end: paris('2026-12-03', '15:00') } });
      await server.store.db.updateTable('member_tokens').set({ expires_at: server.clock.now.getTime() - 1 }).where('member_id', '=', carol.memberId).execute();
      assertProblem(await fail(getBooking(client(carol.token), { path: bookingPath(booking) })), 401, 'unauthorized');
      assertProblem(await fail(cancelBooking(client(carol.token), { path: bookingPath(booking), header: { 'If-Match': '"1"' } })), 401, 'unauthorized');
      assert.equal((await stored(booking)).status, 'pending');
    });
  });
}
