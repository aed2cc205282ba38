import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createBooking, createResource, getAvailability, type components } from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { insertBooking, memberWithToken } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type ResourceCreate = components['schemas']['ResourceCreate'];
type Query = NonNullable<Parameters<typeof getAvailability>[1]>['query'];

const fail = (promise: Promise<unknown>) => promise.then(() => assert.fail('expected an error'), (e) => e);
const NOW = '2026-12-01T07:00:00.000Z'; // Tuesday 08:00 in Paris
const slot = (start: string, end: string, remaining = 1) => ({ start: `${start}:00.000Z`, end: `${end}:00.000Z`, remaining });
const everyDay = (opens: string, closes: string) =>
  (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const).map((day) => ({ day, opens, closes }));

for (const kind of testDatabases()) {
  describe(`availability (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let otherStaffKey: string;
    let memberToken: string;
    const make = async (body: ResourceCreate, spaceId = 'la-ruche', key = staffKey) => (await createResource(server.client(key), { path: { spaceId }, body })).data;
    const availability = async (query: Query, token?: string, spaceId = 'la-ruche') => (await getAvailability(server.client(token), { path: { spaceId }, query })).data;
    const slotsOf = async (resourceId: string, from: string, to: string, extra: Partial<Query> = {}, token?: string) => {
      const data = await availability({ from, to, resourceId, ...extra }, token);
      assert.equal(data.resources.length, 1);
      return data.resources[0]!.slots;
    };

    before(async () => {
      server = await startTestServer(kind, { now: NOW });
      ({ staffKey } = await seedSpace(server));
      ({ staffKey: otherStaffKey } = await seedSpace(server, spaceFixture('le-phare')));
      ({ token: memberToken } = await memberWithToken(server, 'la-ruche'));
    });
    after(() => server.clock.set(NOW));

    test('one resource on one day: the Availability document, in UTC', async () => {
      const room = await make({ type: 'meeting_room', name: 'Salle Atelier', capacity: 8, bookableBy: ['guest', 'member'], rules: { minDuration: 'PT1H', maxDuration: 'PT8H' } });
      const data = await availability({ from: '2026-12-02T00:00:00+01:00', to: '2026-12-03T00:00:00+01:00', resourceId: room.id });
      assert.deepEqual(data, {
        spaceId: 'la-ruche',
        timeZone: 'Europe/Paris',
        from: '2026-12-01T23:00:00.000Z',
        to: '2026-12-02T23:00:00.000Z',
        quantity: 1,
        resources: [{ resourceId: room.id, quantity: 1, rules: { granularity: 'PT30M', minDuration: 'PT1H', maxDuration: 'PT8H' }, slots: [slot('2026-12-02T07:00', '2026-12-02T18:00')] }],
      });
    });

    test('the window: to after from, 31 days at most, both required', async () => {
      const check = async (query: Query, pointer: string) => {
        const error = await fail(getAvailability(server.client(), { path: { spaceId: 'la-ruche' }, query }));
        assert.equal(error.status, 400, JSON.stringify(query));
        assert.equal(error.type, 'urn:coworking-commons:problem:validation-error');
        assert.ok(
          error.fieldErrors.some((f: { pointer: string }) => f.pointer === pointer),
          JSON.stringify(error.fieldErrors),
        );
      };
      await check({ from: '2026-12-02T10:00:00Z', to: '2026-12-02T10:00:00Z' }, '/query/to');
      await check({ from: '2026-12-02T10:00:00Z', to: '2026-12-02T09:00:00Z' }, '/query/to');
      await check({ from: '2026-12-01T00:00:00+01:00', to: '2027-01-01T00:00:01+01:00' }, '/query/to');
      await check({ from: 'tomorrow', to: '2026-12-02T09:00:00Z' }, '/query/from');
      await check({ to: '2026-12-02T09:00:00Z' } as Query, '/query/from');
      await check({ from: '2026-12-02T09:00:00Z', to: '2026-12-03T09:00:00Z', quantity: 0 }, '/query/quantity');
      // Exactly 31 days (of the space's calendar) is allowed.
      const data = await availability({ from: '2026-12-01T00:00:00+01:00', to: '2027-01-01T00:00:00+01:00' });
      assert.equal(data.to, '2026-12-31T23:00:00.000Z');
    });

    test('a booking longer than the others is seen from any window it overlaps (the units are read by end, up to the longest)', async () => {
      const room = await make({ type: 'meeting_room', name: 'Salle Longue', capacity: 4, bookableBy: ['guest', 'member'], openingHours: everyDay('00:00', '24:00') });
      // Short bookings on the days after, and one of three days (made after them: the longest grows).
      for (let day = 10; day < 20; day++) await insertBooking(server, { spaceId: 'la-ruche', resourceId: room.id, start: `2026-12-${day}T09:00:00Z`, end: `2026-12-${day}T10:00:00Z` });
      await insertBooking(server, { spaceId: 'la-ruche', resourceId: room.id, start: '2026-12-03T12:00:00Z', end: '2026-12-06T12:00:00Z' });
      // A window inside it, at its start, at its end: no slot where it is.
      assert.deepEqual(await slotsOf(room.id, '2026-12-04T00:00:00Z', '2026-12-05T00:00:00Z'), []);
      assert.deepEqual(await slotsOf(room.id, '2026-12-03T00:00:00Z', '2026-12-03T13:00:00Z'), [slot('2026-12-03T00:00', '2026-12-03T12:00')]);
      assert.deepEqual(await slotsOf(room.id, '2026-12-06T11:00:00Z', '2026-12-06T14:00:00Z'), [slot('2026-12-06T12:00', '2026-12-06T14:00')]);
      // The same through the list of the space's meeting rooms.
      const listed = await availability({ from: '2026-12-04T00:00:00Z', to: '2026-12-05T00:00:00Z', type: 'meeting_room' });
      assert.deepEqual(listed.resources.find((r) => r.resourceId === room.id)?.slots, []);
      // And a booking over it is refused.
      const conflict = await fail(createBooking(server.client(staffKey), { path: { spaceId: 'la-ruche' }, header: { 'Idempotency-Key': 'long-booking-1' }, body: { resourceId: room.id, start: '2026-12-05T09:00:00Z', end: '2026-12-05T10:00:00Z', guest: { name: 'G', email: 'g@example.org' } } }));
      assert.equal(conflict.status, 409);
    });

    test('closures: no slot on the closed days', async () => {
      const room = await make({ type: 'meeting_room', name: 'Salle de Noël', capacity: 4, bookableBy: ['guest', 'member'] });
      // Thu 24 open, Fri 25 and Sat 26 closed (Noël), Sun 27 has no hours.
      const slots = await slotsOf(room.id, '2026-12-24T00:00:00+01:00', '2026-12-28T00:00:00+01:00');
      assert.deepEqual(slots, [slot('2026-12-24T07:00', '2026-12-24T18:00')]);
    });

    test('a resource’s own hours replace the space’s', async () => {
      const booth = await make({ type: 'phone_booth', name: 'Cabine', capacity: 1, bookableBy: ['guest'], openingHours: [{ day: 'wednesday', opens: '10:00', closes: '12:00' }] });
      const slots = await slotsOf(booth.id, '2026-12-01T00:00:00+01:00', '2026-12-08T00:00:00+01:00');
      assert.deepEqual(slots, [slot('2026-12-02T09:00', '2026-12-02T11:00')]);
    });

    test('lead time, as of the server’s clock', async () => {
      const room = await make({ type: 'meeting_room', name: 'Salle Préavis', capacity: 4, bookableBy: ['guest', 'member'], rules: { leadTime: 'PT2H' } });
      const day = ['2026-12-01T00:00:00+01:00', '2026-12-02T00:00:00+01:00'] as const;
      assert.deepEqual(await slotsOf(room.id, ...day), [slot('2026-12-01T09:00', '2026-12-01T18:00')]);
      server.clock.set('2026-12-01T10:20:00Z');
      assert.deepEqual(await slotsOf(room.id, ...day), [slot('2026-12-01T12:20', '2026-12-01T18:00')]);
      server.clock.set('2026-12-01T17:00:00Z');
      assert.deepEqual(await slotsOf(room.id, ...day), []);
      server.clock.set(NOW);
    });

    test('horizon, as of the server’s clock', async () => {
      const room = await make({ type: 'meeting_room', name: 'Salle Horizon', capacity: 4, bookableBy: ['guest', 'member'], rules: { horizon: 'P7D' } });
      const days = ['2026-12-07T00:00:00+01:00', '2026-12-09T00:00:00+01:00'] as const;
      // Now + 7 days is Tuesday 8 at 07:00Z, when the space opens: nothing on the 8th.
      assert.deepEqual(await slotsOf(room.id, ...days), [slot('2026-12-07T07:00', '2026-12-07T18:00')]);
      server.clock.set('2026-12-01T09:00:00Z');
      assert.deepEqual(await slotsOf(room.id, ...days), [slot('2026-12-07T07:00', '2026-12-07T18:00'), slot('2026-12-08T07:00', '2026-12-08T09:00')]);
      server.clock.set(NOW);
    });

    test('buffers: the existing booking’s blocked interval and the new booking’s own buffers', async () => {
      const room = await make({ type: 'meeting_room', name: 'Salle Tampon', capacity: 6, bookableBy: ['guest', 'member'], rules: { bufferBefore: 'PT15M', bufferAfter: 'PT30M' } });
      // Booked 09:00–10:00Z, so blocked 08:45–10:30Z.
      await insertBooking(server, { spaceId: 'la-ruche', resourceId: room.id, start: '2026-12-02T09:00:00Z', end: '2026-12-02T10:00:00Z', bufferBefore: 15 * 60_000, bufferAfter: 30 * 60_000 });
      const slots = await slotsOf(room.id, '2026-12-02T00:00:00+01:00', '2026-12-03T00:00:00+01:00');
      // A new booking must end by 08:15 (its 30 min after reach 08:45) or start from 10:45 (its 15 min before start at 10:30).
      assert.deepEqual(slots, [slot('2026-12-02T07:00', '2026-12-02T08:15'), slot('2026-12-02T10:45', '2026-12-02T18:00')]);
    });

    test('two bookings back to back with no buffers leave no gap, and a pending booking holds its slot too', async () => {
      const room = await make({ type: 'meeting_room', name: 'Salle Enchaînée', capacity: 6, bookableBy: ['guest', 'member'] });
      const spaceId = 'la-ruche';
      await insertBooking(server, { spaceId, resourceId: room.id, start: '2026-12-02T08:00:00Z', end: '2026-12-02T09:00:00Z' });
      await insertBooking(server, { spaceId, resourceId: room.id, start: '2026-12-02T09:00:00Z', end: '2026-12-02T10:30:00Z', status: 'pending' });
      await insertBooking(server, { spaceId, resourceId: room.id, start: '2026-12-02T12:00:00Z', end: '2026-12-02T13:00:00Z', status: 'cancelled' });
      const slots = await slotsOf(room.id, '2026-12-02T00:00:00+01:00', '2026-12-03T00:00:00+01:00');
      assert.deepEqual(slots, [slot('2026-12-02T07:00', '2026-12-02T08:00'), slot('2026-12-02T10:30', '2026-12-02T18:00')]);
    });

    test('a pool of 12 partly booked: remaining units, and the quantity asked for', async () => {
      const pool = await make({ type: 'hot_desk', name: 'Open space', capacity: 1, quantity: 12, bookableBy: ['guest', 'member'] });
      const spaceId = 'la-ruche';
      await insertBooking(server, { spaceId, resourceId: pool.id, start: '2026-12-02T09:00:00Z', end: '2026-12-02T12:00:00Z', quantity: 3, units: [1, 2, 3] });
      await insertBooking(server, { spaceId, resourceId: pool.id, start: '2026-12-02T11:00:00Z', end: '2026-12-02T15:00:00Z', quantity: 5, units: [4, 5, 6, 7, 8] });
      const day = ['2026-12-02T00:00:00+01:00', '2026-12-03T00:00:00+01:00'] as const;
      assert.deepEqual(await slotsOf(pool.id, ...day), [
        slot('2026-12-02T07:00', '2026-12-02T09:00', 12),
        slot('2026-12-02T09:00', '2026-12-02T11:00', 9),
        slot('2026-12-02T11:00', '2026-12-02T12:00', 4),
        slot('2026-12-02T12:00', '2026-12-02T15:00', 7),
        slot('2026-12-02T15:00', '2026-12-02T18:00', 12),
      ]);
      const five = await availability({ from: day[0], to: day[1], resourceId: pool.id, quantity: 5 });
      assert.equal(five.quantity, 5);
      assert.equal(five.resources[0]!.quantity, 12);
      assert.deepEqual(five.resources[0]!.slots, [
        slot('2026-12-02T07:00', '2026-12-02T09:00', 12),
        slot('2026-12-02T09:00', '2026-12-02T11:00', 9),
        slot('2026-12-02T12:00', '2026-12-02T15:00', 7),
        slot('2026-12-02T15:00', '2026-12-02T18:00', 12),
      ]);
      // More units than the resource has: left out.
      const thirteen = await availability({ from: day[0], to: day[1], resourceId: pool.id, quantity: 13 });
      assert.deepEqual(thirteen.resources, []);
      // Without resourceId, resources with fewer units than asked are left out too.
      const all = await availability({ from: day[0], to: day[1], quantity: 2 });
      assert.ok(all.resources.length >= 1);
      assert.ok(all.resources.every((r) => r.quantity >= 2));
    });

    describe('daylight saving time in Europe/Paris', () => {
      before(() => server.clock.set('2026-03-01T00:00:00Z'));
      after(() => server.clock.set(NOW));
      let desk: string;
      let night: string;
      const nid = 'nuit-et-jour';
      before(async () => {
        const key = (await seedSpace(server, spaceFixture('nuit-et-jour', { openingHours: everyDay('00:00', '24:00'), closures: [] }))).staffKey;
        desk = (await make({ type: 'hot_desk', name: 'Bureau', capacity: 1, bookableBy: ['guest'], rules: { horizon: 'P365D' } }, nid, key)).id;
        night = (
          await make(
            {
              type: 'meeting_room',
              name: 'Salle de nuit',
              capacity: 1,
              bookableBy: ['guest'],
              rules: { horizon: 'P365D' },
              openingHours: [
                { day: 'sunday', opens: '01:00', closes: '04:00' },
                { day: 'saturday', opens: '23:30', closes: '00:30' },
              ],
            },
            nid,
            key,
          )
        ).id;
      });
      const slotsIn = async (resourceId: string, from: string, to: string) => {
        const data = (await getAvailability(server.client(), { path: { spaceId: nid }, query: { from, to, resourceId } })).data;
        return data.resources[0]!.slots;
      };

      test('2026-03-29 lasts 23 hours when open 00:00–24:00', async () => {
        const slots = await slotsIn(desk, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00');
        assert.deepEqual(slots, [slot('2026-03-28T23:00', '2026-03-29T22:00')]);
        assert.equal(Date.parse(slots[0]!.end) - Date.parse(slots[0]!.start), 23 * 3_600_000);
      });

      test('2026-10-25 lasts 25 hours when open 00:00–24:00', async () => {
        const slots = await slotsIn(desk, '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00');
        assert.deepEqual(slots, [slot('2026-10-24T22:00', '2026-10-25T23:00')]);
        assert.equal(Date.parse(slots[0]!.end) - Date.parse(slots[0]!.start), 25 * 3_600_000);
      });

      test('days open around the clock merge into one slot across the change', async () => {
        const slots = await slotsIn(desk, '2026-03-28T00:00:00+01:00', '2026-03-31T00:00:00+02:00');
        assert.deepEqual(slots, [slot('2026-03-27T23:00', '2026-03-30T22:00')]);
      });

      test('hours across the change: 01:00–04:00 lasts 2 hours in March, 4 in October', async () => {
        // (Each day starts with the end of Saturday's 23:30–00:30.)
        assert.deepEqual(await slotsIn(night, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00'), [
          slot('2026-03-28T23:00', '2026-03-28T23:30'),
          slot('2026-03-29T00:00', '2026-03-29T02:00'),
        ]);
        assert.deepEqual(await slotsIn(night, '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00'), [
          slot('2026-10-24T22:00', '2026-10-24T22:30'),
          slot('2026-10-24T23:00', '2026-10-25T03:00'),
        ]);
        // Saturday 23:30 to Sunday 00:30 then Sunday 01:00–04:00, across the night of the change.
        assert.deepEqual(await slotsIn(night, '2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z'), [
          slot('2026-10-24T21:30', '2026-10-24T22:30'),
          slot('2026-10-24T23:00', '2026-10-25T03:00'),
        ]);
      });
    });

    describe('who sees what', () => {
      const nid = 'le-nid';
      let key: string;
      let nidMember: string;
      const r: Record<'guests' | 'members' | 'both' | 'staffOnly' | 'archived', string> = {} as never;
      before(async () => {
        key = (await seedSpace(server, spaceFixture(nid))).staffKey;
        nidMember = (await memberWithToken(server, nid)).token;
        r.guests = (await make({ type: 'hot_desk', name: 'Guests', capacity: 1, bookableBy: ['guest'] }, nid, key)).id;
        r.members = (await make({ type: 'meeting_room', name: 'Members', capacity: 1, bookableBy: ['member'] }, nid, key)).id;
        r.both = (await make({ type: 'meeting_room', name: 'Both', capacity: 1, bookableBy: ['guest', 'member'] }, nid, key)).id;
        r.staffOnly = (await make({ type: 'phone_booth', name: 'Staff', capacity: 1, bookableBy: [] }, nid, key)).id;
        r.archived = (await make({ type: 'phone_booth', name: 'Old', capacity: 1, bookableBy: ['guest', 'member'], status: 'archived' }, nid, key)).id;
      });
      const window = { from: '2026-12-02T00:00:00+01:00', to: '2026-12-03T00:00:00+01:00' };
      const ids = async (token?: string, extra: Partial<Query> = {}) =>
        (await availability({ ...window, ...extra }, token, nid)).resources.map((x) => x.resourceId);

      test('without credentials, the resources guests may book, in the order of listResources', async () => {
        assert.deepEqual(await ids(), [r.guests, r.both]);
      });

      test('with a member token, the resources members may book', async () => {
        assert.deepEqual(await ids(nidMember), [r.both, r.members]);
      });

      test('with a staff key, every active resource', async () => {
        assert.deepEqual(await ids(key), [r.guests, r.both, r.members, r.staffOnly]);
      });

      test('a members-only resource named without a member token is unauthorized', async () => {
        const error = await fail(getAvailability(server.client(), { path: { spaceId: nid }, query: { ...window, resourceId: r.members } }));
        assert.equal(error.status, 401);
        assert.equal(error.type, 'urn:coworking-commons:problem:unauthorized');
        assert.deepEqual(await ids(nidMember, { resourceId: r.members }), [r.members]);
        // A member naming a guests-only resource gets nothing for it.
        assert.deepEqual(await ids(nidMember, { resourceId: r.guests }), []);
        assert.deepEqual(await ids(undefined, { resourceId: r.guests }), [r.guests]);
      });

      test('archived and unknown resources are not found; archived ones are never included', async () => {
        for (const resourceId of [r.archived, 'rs_unknown']) {
          const error = await fail(getAvailability(server.client(key), { path: { spaceId: nid }, query: { ...window, resourceId } }));
          assert.equal(error.status, 404);
        }
        assert.ok(!(await ids(key)).includes(r.archived));
      });

      test('a resource of another space is not found', async () => {
        const error = await fail(getAvailability(server.client(), { path: { spaceId: 'la-ruche' }, query: { ...window, resourceId: r.both } }));
        assert.equal(error.status, 404);
      });

      test('a type filter', async () => {
        assert.deepEqual(await ids(key, { type: 'meeting_room' }), [r.both, r.members]);
        assert.deepEqual(await ids(undefined, { type: 'phone_booth' }), []);
      });

      test('credentials of another space, or unknown ones, are refused', async () => {
        assert.equal((await fail(getAvailability(server.client(otherStaffKey), { path: { spaceId: nid }, query: window }))).status, 401);
        assert.equal((await fail(getAvailability(server.client(memberToken), { path: { spaceId: nid }, query: window }))).status, 401);
        assert.equal((await fail(getAvailability(server.client('cct_forged'), { path: { spaceId: nid }, query: window }))).status, 401);
      });

      test('a space without guest bookings shows guests nothing', async () => {
        const closed = spaceFixture('entre-nous');
        closed.policies = { ...closed.policies, guestBookingAllowed: false };
        const k = (await seedSpace(server, closed)).staffKey;
        const both = (await make({ type: 'meeting_room', name: 'Both', capacity: 1, bookableBy: ['guest', 'member'] }, 'entre-nous', k)).id;
        const guests = (await make({ type: 'hot_desk', name: 'Guests', capacity: 1, bookableBy: ['guest'] }, 'entre-nous', k)).id;
        assert.deepEqual((await availability(window, undefined, 'entre-nous')).resources, []);
        const error = await fail(getAvailability(server.client(), { path: { spaceId: 'entre-nous' }, query: { ...window, resourceId: both } }));
        assert.equal(error.status, 401);
        assert.deepEqual((await availability({ ...window, resourceId: guests }, undefined, 'entre-nous')).resources, []);
      });
    });
  });
}
