// Bookings across daylight-saving changes in Europe/Paris: 2026-03-29 (02:00 CET → 03:00 CEST,
// a 23-hour day) and 2026-10-25 (03:00 CEST → 02:00 CET, a 25-hour day). Instants are stored and
// priced by elapsed time; days, opening hours and the granularity grid follow the wall clock.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createBooking, getBooking, type components } from '@coworking-commons/client';
import { newId } from '../src/domain/ids.ts';
import { addResource, assertProblem, countRows, fail, unitRows } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { memberWithToken } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type Resource = components['schemas']['Resource'];

const spaceId = 'la-ruche';
const path = { spaceId };
const allDays = (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const).map((day) => ({ day, opens: '00:00', closes: '24:00' }));
const offers = (hour: number, day?: number): Resource['offers'] => [
  { id: newId('of'), unit: 'hour', price: { amount: hour, currency: 'EUR' }, audience: 'member' },
  ...(day === undefined ? [] : [{ id: newId('of'), unit: 'day' as const, price: { amount: day, currency: 'EUR' }, audience: 'member' as const }]),
];

for (const kind of testDatabases()) {
  describe(`bookings across DST changes (${kind})`, () => {
    let server: TestServer;
    let token: string;
    const book = (body: components['schemas']['BookingCreate']) => createBooking(server.client(token), { path, body });
    /** A room open day and night, every day. */
    const nightRoom = (overrides: Parameters<typeof addResource>[2] = {}) =>
      addResource(server, spaceId, { openingHours: allDays, offers: offers(1000), ...overrides });

    before(async () => {
      server = await startTestServer(kind, { now: '2026-03-20T08:00:00Z' });
      await seedSpace(server);
    });

    describe('autumn: 2026-10-25 has 25 hours', () => {
      before(async () => {
        server.clock.set('2026-10-20T08:00:00Z');
        ({ token } = await memberWithToken(server, spaceId)); // a token valid from this date
      });

      test('01:30 CEST to 03:30 CET lasts 3 hours: stored, blocked and priced as 3 hours', async () => {
        const room = await nightRoom();
        const { data } = await book({ resourceId: room.id, start: '2026-10-25T01:30:00+02:00', end: '2026-10-25T03:30:00+01:00' });
        assert.equal(data.start, '2026-10-24T23:30:00Z');
        assert.equal(data.end, '2026-10-25T02:30:00Z');
        assert.deepEqual(data.price, { amount: 3000, currency: 'EUR' }, '3 hours, not the 2 the wall clock suggests');
        const [unit] = await unitRows(server, room.id);
        assert.equal(unit!.to - unit!.from, 3 * 3_600_000);
        const { data: read } = await getBooking(server.client(token), { path: { spaceId, bookingId: data.id } });
        assert.equal(read.start, '2026-10-24T23:30:00Z');
      });

      test('02:00–03:00 happens twice: the CEST hour and the CET hour are two different slots', async () => {
        const room = await nightRoom();
        const first = await book({ resourceId: room.id, start: '2026-10-25T02:00:00+02:00', end: '2026-10-25T03:00:00+02:00' });
        const second = await book({ resourceId: room.id, start: '2026-10-25T02:00:00+01:00', end: '2026-10-25T03:00:00+01:00' });
        assert.equal(first.data.start, '2026-10-25T00:00:00Z');
        assert.equal(second.data.start, '2026-10-25T01:00:00Z');
        const overlapping = await fail(book({ resourceId: room.id, start: '2026-10-25T02:30:00+02:00', end: '2026-10-25T02:30:00+01:00' }));
        assertProblem(overlapping, 409, 'booking-conflict');
        assert.deepEqual(await countRows(server, room.id), { bookings: 2, units: 2 });
      });

      test('the whole day, 00:00 to 24:00, is 25 hours, allowed by maxDuration P1D and priced as one day', async () => {
        const room = await nightRoom({ offers: offers(1000, 20000), rules: { maxDuration: 'P1D' } });
        const { data } = await book({ resourceId: room.id, start: '2026-10-25T00:00:00+02:00', end: '2026-10-26T00:00:00+01:00' });
        assert.equal(data.start, '2026-10-24T22:00:00Z');
        assert.equal(data.end, '2026-10-25T23:00:00Z');
        assert.deepEqual(data.price, { amount: 20000, currency: 'EUR' });
        const tooLong = await fail(book({ resourceId: room.id, start: '2026-10-26T00:00:00+01:00', end: '2026-10-27T00:30:00+01:00' }));
        assertProblem(tooLong, 422, 'rule-violation', 'max_duration');
      });

      test('the granularity grid is counted from midnight: 02:00 CET (3 h after midnight) is on a PT1H grid', async () => {
        const room = await nightRoom({ rules: { granularity: 'PT1H', minDuration: 'PT1H' } });
        const { data } = await book({ resourceId: room.id, start: '2026-10-25T02:00:00+01:00', end: '2026-10-25T04:00:00+01:00' });
        assert.equal(data.start, '2026-10-25T01:00:00Z');
        const offGrid = await fail(book({ resourceId: room.id, start: '2026-10-25T05:30:00+01:00', end: '2026-10-25T06:30:00+01:00' }));
        assertProblem(offGrid, 422, 'rule-violation', 'granularity');
      });
    });

    describe('spring: 2026-03-29 has 23 hours', () => {
      before(async () => {
        server.clock.set('2026-03-20T08:00:00Z');
        ({ token } = await memberWithToken(server, spaceId));
      });

      test('01:30 CET to 03:30 CEST lasts 1 hour: minDuration PT2H refuses it, PT30M prices 1 hour', async () => {
        const strict = await nightRoom({ rules: { minDuration: 'PT2H' } });
        const error = await fail(book({ resourceId: strict.id, start: '2026-03-29T01:30:00+01:00', end: '2026-03-29T03:30:00+02:00' }));
        assertProblem(error, 422, 'rule-violation', 'min_duration');
        assert.deepEqual(await countRows(server, strict.id), { bookings: 0, units: 0 });
        const room = await nightRoom();
        const { data } = await book({ resourceId: room.id, start: '2026-03-29T01:30:00+01:00', end: '2026-03-29T03:30:00+02:00' });
        assert.equal(data.start, '2026-03-29T00:30:00Z');
        assert.equal(data.end, '2026-03-29T01:30:00Z');
        assert.deepEqual(data.price, { amount: 1000, currency: 'EUR' });
      });

      test('the whole day is 23 hours, within maxDuration P1D; 24 hours from midnight is not', async () => {
        const room = await nightRoom({ offers: offers(1000, 20000), rules: { maxDuration: 'P1D' } });
        const { data } = await book({ resourceId: room.id, start: '2026-03-29T00:00:00+01:00', end: '2026-03-30T00:00:00+02:00' });
        assert.equal(data.end, '2026-03-29T22:00:00Z');
        assert.deepEqual(data.price, { amount: 20000, currency: 'EUR' }, 'one day (23 hours would cost more)');
        const error = await fail(book({ resourceId: room.id, start: '2026-03-30T00:00:00+02:00', end: '2026-03-31T01:00:00+02:00' }));
        assertProblem(error, 422, 'rule-violation', 'max_duration');
        const exactly24h = await fail(book({ resourceId: room.id, start: '2026-03-29T00:00:00+01:00', end: '2026-03-30T01:00:00+02:00' }));
        assertProblem(exactly24h, 422, 'rule-violation', 'max_duration');
      });

      test('the rule written in the spec: maxDuration P1D ends by the same wall-clock time the next day; PT24H is 24 elapsed hours', async () => {
        const start = '2026-03-29T00:30:00+01:00';
        const twentyThreeAndAHalf = '2026-03-30T01:00:00+02:00';
        const calendarDay = await nightRoom({ rules: { maxDuration: 'P1D' } });
        assertProblem(await fail(book({ resourceId: calendarDay.id, start, end: twentyThreeAndAHalf })), 422, 'rule-violation', 'max_duration');
        const elapsed = await nightRoom({ rules: { maxDuration: 'PT24H' } });
        const { data } = await book({ resourceId: elapsed.id, start, end: twentyThreeAndAHalf });
        assert.equal(Date.parse(data.end) - Date.parse(data.start), 23.5 * 3_600_000);
      });

      test('after the change the space opens at 08:00 CEST (06:00 UTC), before it at 08:00 CET (07:00 UTC)', async () => {
        const room = await addResource(server, spaceId); // the space's hours: Monday–Friday 08:00–19:00
        const monday = await book({ resourceId: room.id, start: '2026-03-30T06:00:00Z', end: '2026-03-30T07:00:00Z' });
        assert.equal(monday.status, 201);
        const friday = await fail(book({ resourceId: room.id, start: '2026-03-27T06:00:00Z', end: '2026-03-27T07:00:00Z' }));
        assertProblem(friday, 422, 'rule-violation', 'outside_opening_hours');
        const mondayEvening = await fail(book({ resourceId: room.id, start: '2026-03-30T17:00:00Z', end: '2026-03-30T18:00:00Z' }));
        assertProblem(mondayEvening, 422, 'rule-violation', 'outside_opening_hours');
        await book({ resourceId: room.id, start: '2026-03-27T17:00:00Z', end: '2026-03-27T18:00:00Z' });
      });

      test('a lead time of P1D is a calendar day (23 hours over the change); PT24H is 24 hours', async () => {
        server.clock.set('2026-03-28T11:00:00Z'); // Saturday 12:00 CET
        try {
          const calendar = await nightRoom({ rules: { leadTime: 'P1D' } });
          const ok = await book({ resourceId: calendar.id, start: '2026-03-29T12:00:00+02:00', end: '2026-03-29T13:00:00+02:00' });
          assert.equal(ok.data.start, '2026-03-29T10:00:00Z', '23 hours ahead, a day by the calendar');
          const exact = await nightRoom({ rules: { leadTime: 'PT24H' } });
          const error = await fail(book({ resourceId: exact.id, start: '2026-03-29T12:00:00+02:00', end: '2026-03-29T13:00:00+02:00' }));
          assertProblem(error, 422, 'rule-violation', 'lead_time');
          await book({ resourceId: exact.id, start: '2026-03-29T13:00:00+02:00', end: '2026-03-29T14:00:00+02:00' });
        } finally {
          server.clock.set('2026-03-20T08:00:00Z');
        }
      });
    });
  });
}
