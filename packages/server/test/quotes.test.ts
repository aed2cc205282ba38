import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createQuote, createResource, updateResource, type components } from '@coworking-commons/client';
import { priceBooking } from '../src/services/pricing.ts';
import { findResource } from '../src/services/resources.ts';
import { loadSpace } from '../src/services/spaces.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { memberWithToken } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type Resource = components['schemas']['Resource'];
type ResourceCreate = components['schemas']['ResourceCreate'];
type QuoteRequest = components['schemas']['QuoteRequest'];

const fail = (promise: Promise<unknown>) => promise.then(() => assert.fail('expected an error'), (e) => e);
const NOW = '2026-12-01T07:00:00Z'; // Tuesday 08:00 in Paris
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const everyDay = (opens: string, closes: string) =>
  (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const).map((day) => ({ day, opens, closes }));

for (const kind of testDatabases()) {
  describe(`quotes (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let otherStaffKey: string;
    let memberToken: string;
    let room: Resource;
    let pool: Resource;
    let membersOnly: Resource;
    const spaceId = 'la-ruche';
    const make = async (body: ResourceCreate, space = spaceId, key = staffKey) => (await createResource(server.client(key), { path: { spaceId: space }, body })).data;
    const quote = async (body: QuoteRequest, token?: string, space = spaceId) => (await createQuote(server.client(token), { path: { spaceId: space }, body })).data;
    const violation = async (body: QuoteRequest, token?: string, space = spaceId) => {
      const error = await fail(createQuote(server.client(token), { path: { spaceId: space }, body }));
      assert.equal(error.status, 422, JSON.stringify(body));
      assert.equal(error.type, 'urn:coworking-commons:problem:rule-violation');
      assert.ok(error.problem.detail);
      return error.problem.code as string;
    };

    before(async () => {
      server = await startTestServer(kind, { now: NOW });
      ({ staffKey } = await seedSpace(server));
      ({ staffKey: otherStaffKey } = await seedSpace(server, spaceFixture('le-phare')));
      ({ token: memberToken } = await memberWithToken(server, spaceId));
      room = await make({
        type: 'meeting_room',
        name: 'Salle Atelier',
        capacity: 8,
        bookableBy: ['guest', 'member'],
        rules: { minDuration: 'PT1H', maxDuration: 'PT8H', granularity: 'PT30M', leadTime: 'PT2H', horizon: 'P60D' },
        offers: [
          { unit: 'hour', price: eur(3500), audience: 'guest' },
          { unit: 'half_day', price: eur(12000), audience: 'guest' },
          { unit: 'hour', price: eur(2000), audience: 'member', label: 'Tarif membre' },
        ],
      });
      pool = await make({
        type: 'hot_desk',
        name: 'Open space',
        capacity: 1,
        quantity: 12,
        bookableBy: ['guest', 'member'],
        offers: [
          { unit: 'hour', price: eur(500), audience: 'guest' },
          { unit: 'day', price: eur(2500), audience: 'guest' },
        ],
      });
      membersOnly = await make({ type: 'phone_booth', name: 'Cabine', capacity: 1, bookableBy: ['member'], offers: [{ unit: 'hour', price: eur(800), audience: 'member' }] });
    });

    test('a guest pays the guest offers, combined at the lowest total', async () => {
      const data = await quote({ resourceId: room.id, start: '2026-12-02T09:00:00+01:00', end: '2026-12-02T13:00:00+01:00' });
      assert.deepEqual(data, {
        resourceId: room.id,
        start: '2026-12-02T08:00:00.000Z',
        end: '2026-12-02T12:00:00.000Z',
        quantity: 1,
        audience: 'guest',
        lines: [{ offerId: room.offers[1]!.id, unit: 'half_day', count: 1, unitPrice: eur(12000), subtotal: eur(12000) }],
        total: eur(12000),
      });
      const short = await quote({ resourceId: room.id, start: '2026-12-02T10:00:00+01:00', end: '2026-12-02T12:00:00+01:00' });
      assert.deepEqual(short.lines, [{ offerId: room.offers[0]!.id, unit: 'hour', count: 2, unitPrice: eur(3500), subtotal: eur(7000) }]);
      assert.deepEqual(short.total, eur(7000));
    });

    test('a member pays the member offers', async () => {
      const data = await quote({ resourceId: room.id, start: '2026-12-02T09:00:00+01:00', end: '2026-12-02T13:00:00+01:00' }, memberToken);
      assert.equal(data.audience, 'member');
      assert.deepEqual(data.lines, [{ offerId: room.offers[2]!.id, unit: 'hour', label: 'Tarif membre', count: 4, unitPrice: eur(2000), subtotal: eur(8000) }]);
      assert.deepEqual(data.total, eur(8000));
    });

    test('an audience without offers books for free', async () => {
      const data = await quote({ resourceId: pool.id, start: '2026-12-02T09:00:00+01:00', end: '2026-12-02T12:00:00+01:00' }, memberToken);
      assert.equal(data.audience, 'member');
      assert.deepEqual(data.lines, []);
      assert.deepEqual(data.total, eur(0));
    });

    test('several units of a pool: counts over all units', async () => {
      const hours = await quote({ resourceId: pool.id, start: '2026-12-02T09:00:00+01:00', end: '2026-12-02T12:00:00+01:00', quantity: 2 });
      assert.equal(hours.quantity, 2);
      assert.deepEqual(hours.lines, [{ offerId: pool.offers[0]!.id, unit: 'hour', count: 6, unitPrice: eur(500), subtotal: eur(3000) }]);
      const days = await quote({ resourceId: pool.id, start: '2026-12-02T08:00:00+01:00', end: '2026-12-02T19:00:00+01:00', quantity: 2 });
      assert.deepEqual(days.lines, [{ offerId: pool.offers[1]!.id, unit: 'day', count: 2, unitPrice: eur(2500), subtotal: eur(5000) }]);
      assert.deepEqual(days.total, eur(5000));
    });

    test('staff, who may book any resource, are quoted the guest offers', async () => {
      const data = await quote({ resourceId: room.id, start: '2026-12-02T09:00:00+01:00', end: '2026-12-02T13:00:00+01:00' }, staffKey);
      assert.equal(data.audience, 'guest');
      assert.deepEqual(data.total, eur(12000));
      const booth = await quote({ resourceId: membersOnly.id, start: '2026-12-02T09:00:00+01:00', end: '2026-12-02T10:00:00+01:00' }, staffKey);
      assert.deepEqual(booth.total, eur(0));
    });

    test('the price is the one the bookings operations compute (priceBooking)', async () => {
      const start = new Date('2026-12-03T13:00:00+01:00');
      const end = new Date('2026-12-03T18:30:00+01:00');
      const loaded = await loadSpace(server.deps as never, spaceId);
      const resource = await findResource(server.store.db, spaceId, room.id);
      for (const [audience, token] of [['guest', undefined], ['member', memberToken]] as const) {
        const expected = priceBooking(loaded!.space, resource!, { start, end, quantity: 1, audience });
        const data = await quote({ resourceId: room.id, start: start.toISOString(), end: end.toISOString() }, token);
        assert.deepEqual({ audience: data.audience, lines: data.lines, total: data.total }, expected);
      }
    });

    test('each broken rule is a rule-violation with its code', async () => {
      const at = (day: string, from: string, to: string) => ({ resourceId: room.id, start: `${day}T${from}:00+01:00`, end: `${day}T${to}:00+01:00` });
      assert.equal(await violation(at('2026-12-02', '18:30', '19:30')), 'outside_opening_hours');
      assert.equal(await violation(at('2026-12-06', '10:00', '11:00')), 'outside_opening_hours', 'a Sunday, without hours');
      assert.equal(await violation(at('2026-12-25', '10:00', '11:00')), 'closed');
      assert.equal(await violation(at('2026-12-01', '09:30', '10:30')), 'lead_time');
      assert.equal(await violation(at('2026-11-30', '10:00', '11:00')), 'in_the_past');
      assert.equal(await violation(at('2027-02-01', '10:00', '11:00')), 'horizon');
      assert.equal(await violation(at('2026-12-02', '10:10', '11:10')), 'granularity');
      assert.equal(await violation(at('2026-12-02', '10:00', '11:15')), 'granularity');
      assert.equal(await violation(at('2026-12-02', '10:00', '10:30')), 'min_duration');
      assert.equal(await violation(at('2026-12-02', '08:00', '17:00')), 'max_duration');
      assert.equal(await violation({ ...at('2026-12-02', '10:00', '11:00'), quantity: 2 }), 'capacity');
      assert.equal(await violation({ ...at('2026-12-02', '10:00', '11:00'), resourceId: membersOnly.id }), 'audience');
      // With a member token the same request is fine.
      const ok = await quote({ ...at('2026-12-02', '10:00', '11:00'), resourceId: membersOnly.id }, memberToken);
      assert.deepEqual(ok.total, eur(800));
    });

    test('members of a space without guest bookings are quoted; guests are refused', async () => {
      const closed = spaceFixture('entre-nous');
      closed.policies = { ...closed.policies, guestBookingAllowed: false };
      const key = (await seedSpace(server, closed)).staffKey;
      const desk = await make({ type: 'hot_desk', name: 'Bureau', capacity: 1, bookableBy: ['guest', 'member'] }, 'entre-nous', key);
      const body = { resourceId: desk.id, start: '2026-12-02T10:00:00+01:00', end: '2026-12-02T11:00:00+01:00' };
      assert.equal(await violation(body, undefined, 'entre-nous'), 'audience');
      const member = await memberWithToken(server, 'entre-nous');
      assert.equal((await quote(body, member.token, 'entre-nous')).audience, 'member');
    });

    test('an end not after the start is the rule end_before_start, as for a booking; a malformed body a validation error', async () => {
      for (const end of ['2026-12-02T10:00:00+01:00', '2026-12-02T09:00:00+01:00']) {
        const error = await fail(createQuote(server.client(), { path: { spaceId }, body: { resourceId: room.id, start: '2026-12-02T10:00:00+01:00', end } }));
        assert.equal(error.status, 422);
        assert.equal(error.problem.code, 'end_before_start');
      }
      const error = await fail(createQuote(server.client(), { path: { spaceId }, body: { resourceId: room.id, start: 'soon', quantity: 0 } as never }));
      assert.equal(error.status, 400);
      assert.deepEqual(error.fieldErrors.map((f: { pointer: string }) => f.pointer).sort(), ['/end', '/quantity', '/start']);
    });

    test('unknown, archived and other spaces’ resources are not found', async () => {
      const archived = await make({ type: 'meeting_room', name: 'Ancienne', capacity: 2, bookableBy: ['guest'] });
      await updateResource(server.client(staffKey), { path: { spaceId, resourceId: archived.id }, body: { status: 'archived' } });
      const body = { start: '2026-12-02T10:00:00+01:00', end: '2026-12-02T11:00:00+01:00' };
      for (const resourceId of ['rs_unknown', archived.id]) {
        const error = await fail(createQuote(server.client(), { path: { spaceId }, body: { ...body, resourceId } }));
        assert.equal(error.status, 404);
        assert.equal(error.type, 'urn:coworking-commons:problem:not-found');
      }
      const error = await fail(createQuote(server.client(), { path: { spaceId: 'le-phare' }, body: { ...body, resourceId: room.id } }));
      assert.equal(error.status, 404);
    });

    test('credentials of another space, or unknown ones, are refused', async () => {
      const body = { resourceId: room.id, start: '2026-12-02T10:00:00+01:00', end: '2026-12-02T11:00:00+01:00' };
      assert.equal((await fail(createQuote(server.client(otherStaffKey), { path: { spaceId }, body }))).status, 401);
      assert.equal((await fail(createQuote(server.client('cct_forged'), { path: { spaceId }, body }))).status, 401);
      const other = await memberWithToken(server, 'le-phare');
      assert.equal((await fail(createQuote(server.client(other.token), { path: { spaceId }, body }))).status, 401);
    });

    test('daylight saving time: a whole day is one day, 23 or 25 hours long', async () => {
      server.clock.set('2026-03-01T00:00:00Z');
      try {
        const key = (await seedSpace(server, spaceFixture('nuit-et-jour', { openingHours: everyDay('00:00', '24:00'), closures: [] }))).staffKey;
        const desk = await make(
          {
            type: 'hot_desk',
            name: 'Bureau',
            capacity: 1,
            bookableBy: ['guest'],
            rules: { maxDuration: 'P1D', horizon: 'P365D' },
            offers: [
              { unit: 'hour', price: eur(300), audience: 'guest' },
              { unit: 'day', price: eur(2000), audience: 'guest' },
            ],
          },
          'nuit-et-jour',
          key,
        );
        const spring = await quote({ resourceId: desk.id, start: '2026-03-29T00:00:00+01:00', end: '2026-03-30T00:00:00+02:00' }, undefined, 'nuit-et-jour');
        assert.deepEqual(spring.lines, [{ offerId: desk.offers[1]!.id, unit: 'day', count: 1, unitPrice: eur(2000), subtotal: eur(2000) }]);
        const autumn = await quote({ resourceId: desk.id, start: '2026-10-25T00:00:00+02:00', end: '2026-10-26T00:00:00+01:00' }, undefined, 'nuit-et-jour');
        assert.equal(autumn.start, '2026-10-24T22:00:00.000Z');
        assert.equal(autumn.end, '2026-10-25T23:00:00.000Z');
        assert.deepEqual(autumn.total, eur(2000));
        // 25 hours on the 24-hour clock is more than P1D on an ordinary day.
        const code = await violation({ resourceId: desk.id, start: '2026-10-26T00:00:00+01:00', end: '2026-10-27T01:00:00+01:00' }, undefined, 'nuit-et-jour');
        assert.equal(code, 'max_duration');
      } finally {
        server.clock.set(NOW);
      }
    });
  });
}
