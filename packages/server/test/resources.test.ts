import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createResource, deleteResource, getResource, listResources, updateResource, type components } from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { cancelBooking, insertBooking, memberWithToken } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type ResourceCreate = components['schemas']['ResourceCreate'];

const spaceId = 'la-ruche';
const path = { spaceId };
const fail = (promise: Promise<unknown>) => promise.then(() => assert.fail('expected an error'), (e) => e);

for (const kind of testDatabases()) {
  describe(`resources (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let otherStaffKey: string;
    let memberToken: string;
    const staff = () => server.client(staffKey);
    const create = async (body: ResourceCreate) => (await createResource(staff(), { path, body })).data;

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      ({ staffKey: otherStaffKey } = await seedSpace(server, spaceFixture('le-phare', { name: 'Le Phare' })));
      ({ token: memberToken } = await memberWithToken(server, spaceId));
    });

    test('staff create a resource: server ids, the spec defaults, a Location header', async () => {
      const response = await createResource(staff(), { path, body: { type: 'phone_booth', name: 'Cabine Zénith', capacity: 1 } });
      assert.equal(response.status, 201);
      const resource = response.data;
      assert.match(resource.id, /^rs_[A-Za-z0-9]+$/);
      assert.equal(response.headers.get('location'), `${server.deps.config.publicUrl}/spaces/la-ruche/resources/${resource.id}`);
      assert.deepEqual(
        { ...resource, id: undefined },
        {
          id: undefined,
          type: 'phone_booth',
          name: 'Cabine Zénith',
          capacity: 1,
          quantity: 1,
          amenities: [],
          images: [],
          bookableBy: ['member'],
          rules: { minDuration: 'PT30M', maxDuration: 'P1D', granularity: 'PT30M', leadTime: 'PT0S', horizon: 'P90D', bufferBefore: 'PT0S', bufferAfter: 'PT0S', approvalRequired: false },
          offers: [],
          status: 'active',
          version: 1,
        },
      );
      assert.equal(response.headers.get('etag'), '"1"');
      const { data: read } = await getResource(server.client(), { path: { spaceId, resourceId: resource.id } });
      assert.deepEqual(read, resource);
    });

    test('given rules are kept, absent ones default (minDuration follows the granularity); offers get ids; extensions are kept', async () => {
      const resource = await create({
        type: 'meeting_room',
        name: 'Salle Atelier',
        capacity: 8,
        bookableBy: ['guest', 'member'],
        rules: { granularity: 'PT15M', maxDuration: 'PT8H', bufferAfter: 'PT15M' },
        openingHours: [{ day: 'monday', opens: '09:00', closes: '18:00' }],
        offers: [
          { unit: 'hour', price: { amount: 3500, currency: 'EUR' }, audience: 'guest' },
          { unit: 'hour', price: { amount: 2000, currency: 'EUR' }, audience: 'member', label: 'Tarif membre' },
        ],
        'x-ruche-floor': 2,
      } as ResourceCreate);
      assert.deepEqual(resource.rules, {
        minDuration: 'PT15M',
        maxDuration: 'PT8H',
        granularity: 'PT15M',
        leadTime: 'PT0S',
        horizon: 'P90D',
        bufferBefore: 'PT0S',
        bufferAfter: 'PT15M',
        approvalRequired: false,
      });
      assert.equal(resource.offers.length, 2);
      for (const offer of resource.offers) assert.match(offer.id, /^of_/);
      assert.notEqual(resource.offers[0]!.id, resource.offers[1]!.id);
      assert.equal(resource.offers[1]!.label, 'Tarif membre');
      assert.deepEqual(resource.openingHours, [{ day: 'monday', opens: '09:00', closes: '18:00' }]);
      assert.equal((resource as Record<string, unknown>)['x-ruche-floor'], 2);
    });

    test('offers in another currency than the space’s are a rule violation, and nothing is created', async () => {
      const before = (await listResources(staff(), { path, query: { limit: 100 } })).data.items.length;
      const error = await fail(
        createResource(staff(), {
          path,
          body: { type: 'hot_desk', name: 'Open space', capacity: 1, offers: [{ unit: 'day', price: { amount: 2500, currency: 'USD' }, audience: 'guest' }] },
        }),
      );
      assert.equal(error.status, 422);
      assert.equal(error.type, 'urn:coworking-commons:problem:rule-violation');
      assert.equal(error.problem.code, 'currency');
      const after = (await listResources(staff(), { path, query: { limit: 100 } })).data.items.length;
      assert.equal(after, before);
    });

    test('rules no booking could satisfy are refused', async () => {
      const cases: [ResourceCreate['rules'], string][] = [
        [{ minDuration: 'PT4H', maxDuration: 'PT2H' }, 'min_duration'],
        [{ granularity: 'PT30M', minDuration: 'PT45M' }, 'min_duration'],
        [{ granularity: 'PT1H', maxDuration: 'PT90M' }, 'max_duration'],
        [{ granularity: 'PT0S' }, 'granularity'],
        [{ granularity: 'P1D', minDuration: 'PT12H' }, 'min_duration'],
      ];
      for (const [rules, code] of cases) {
        const error = await fail(createResource(staff(), { path, body: { type: 'meeting_room', name: 'Bad', capacity: 2, rules } }));
        assert.equal(error.status, 422, JSON.stringify(rules));
        assert.equal(error.problem.code, code, JSON.stringify(rules));
      }
      const days = await create({ type: 'private_office', name: 'Bureau 3', capacity: 4, rules: { granularity: 'P1D', minDuration: 'P1D', maxDuration: 'P7D' } });
      assert.equal(days.rules.maxDuration, 'P7D');
    });

    test('bad input is a validation problem with pointers', async () => {
      const error = await fail(createResource(staff(), { path, body: { type: 'sofa', name: '', capacity: 0 } as never }));
      assert.equal(error.status, 400);
      const pointers = error.fieldErrors.map((f: { pointer: string }) => f.pointer).sort();
      assert.deepEqual(pointers, ['/capacity', '/name', '/type']);
    });

    test('only this space’s staff create, change or delete resources', async () => {
      const body: ResourceCreate = { type: 'hot_desk', name: 'Intrus', capacity: 1 };
      assert.equal((await fail(createResource(server.client(), { path, body }))).status, 401);
      assert.equal((await fail(createResource(server.client(memberToken), { path, body }))).status, 403);
      assert.equal((await fail(createResource(server.client(otherStaffKey), { path, body }))).status, 401);
      const target = await create({ type: 'hot_desk', name: 'Cible', capacity: 1 });
      const item = { spaceId, resourceId: target.id };
      assert.equal((await fail(updateResource(server.client(), { path: item, body: { name: 'x' } }))).status, 401);
      assert.equal((await fail(updateResource(server.client(memberToken), { path: item, body: { name: 'x' } }))).status, 403);
      assert.equal((await fail(updateResource(server.client(otherStaffKey), { path: item, body: { name: 'x' } }))).status, 401);
      assert.equal((await fail(deleteResource(server.client(memberToken), { path: item }))).status, 403);
      assert.equal((await fail(deleteResource(server.client(otherStaffKey), { path: item }))).status, 401);
      // The other space's staff, on their own space, do not see this one's resources.
      assert.equal((await fail(updateResource(server.client(otherStaffKey), { path: { spaceId: 'le-phare', resourceId: target.id }, body: { name: 'x' } }))).status, 404);
      assert.equal((await fail(deleteResource(server.client(otherStaffKey), { path: { spaceId: 'le-phare', resourceId: target.id } }))).status, 404);
      assert.equal((await fail(getResource(server.client(), { path: { spaceId: 'le-phare', resourceId: target.id } }))).status, 404);
      const { data } = await getResource(server.client(), { path: item });
      assert.equal(data.name, 'Cible');
    });

    describe('listing', () => {
      let ids: Record<string, string>;
      let staffOfNid: string;
      before(async () => {
        // A space of its own, to know exactly what is listed.
        await seedSpace(server, spaceFixture('le-nid', { name: 'Le Nid' })).then(async ({ staffKey: key }) => {
          const make = async (body: ResourceCreate) => (await createResource(server.client(key), { path: { spaceId: 'le-nid' }, body })).data.id;
          ids = {
            zenith: await make({ type: 'phone_booth', name: 'Zénith', capacity: 1, bookableBy: ['member'] }),
            atelier: await make({ type: 'meeting_room', name: 'Atelier', capacity: 8, bookableBy: ['guest', 'member'] }),
            open: await make({ type: 'hot_desk', name: 'Open space', capacity: 1, quantity: 12, bookableBy: ['guest', 'member'] }),
            agora: await make({ type: 'meeting_room', name: 'Agora', capacity: 20 }),
            old: await make({ type: 'meeting_room', name: 'Ancienne salle', capacity: 4, status: 'archived' }),
            salle10: await make({ type: 'meeting_room', name: 'Salle 10', capacity: 4 }),
            salle9: await make({ type: 'meeting_room', name: 'Salle 9', capacity: 4 }),
          };
          staffOfNid = key;
        });
      });

      test('by type (in the spec’s order), then name; archived ones only for staff; members-only ones listed publicly', async () => {
        const { data } = await listResources(server.client(), { path: { spaceId: 'le-nid' }, query: { limit: 100 } });
        assert.deepEqual(
          data.items.map((r) => r.id),
          [ids.open, ids.agora, ids.atelier, ids.salle9, ids.salle10, ids.zenith],
        );
        assert.equal(data.nextCursor, undefined);
        const member = await listResources(server.client(memberToken), { path, query: { limit: 100 } });
        assert.ok(member.data.items.every((r) => r.status === 'active'));
        const asStaff = await listResources(server.client(staffOfNid), { path: { spaceId: 'le-nid' }, query: { limit: 100 } });
        assert.deepEqual(
          asStaff.data.items.map((r) => r.id),
          [ids.open, ids.agora, ids.old, ids.atelier, ids.salle9, ids.salle10, ids.zenith],
        );
      });

      test('a type filter', async () => {
        const { data } = await listResources(server.client(), { path: { spaceId: 'le-nid' }, query: { type: 'meeting_room' } });
        assert.deepEqual(
          data.items.map((r) => r.id),
          [ids.agora, ids.atelier, ids.salle9, ids.salle10],
        );
      });

      test('page by page with cursors, nothing repeated or skipped', async () => {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const { data } = await listResources(server.client(), { path: { spaceId: 'le-nid' }, query: { limit: 2, ...(cursor ? { cursor } : {}) } });
          seen.push(...data.items.map((r) => r.id));
          cursor = data.nextCursor;
          pages++;
        } while (cursor);
        assert.equal(pages, 3);
        assert.deepEqual(seen, [ids.open, ids.agora, ids.atelier, ids.salle9, ids.salle10, ids.zenith]);
        const error = await fail(listResources(server.client(), { path: { spaceId: 'le-nid' }, query: { cursor: 'bm9wZQ' } }));
        assert.equal(error.status, 400);
        assert.equal(error.fieldErrors[0].pointer, '/query/cursor');
      });

      test('an archived resource can still be read; an unknown one is not found', async () => {
        const { data } = await getResource(server.client(), { path: { spaceId: 'le-nid', resourceId: ids.old! } });
        assert.equal(data.status, 'archived');
        const error = await fail(getResource(server.client(), { path: { spaceId: 'le-nid', resourceId: 'rs_nope' } }));
        assert.equal(error.status, 404);
        assert.equal(error.type, 'urn:coworking-commons:problem:not-found');
      });
    });

    describe('updating', () => {
      test('fields present replace theirs, rules merge, offers keep the ids repeated', async () => {
        const created = await create({
          type: 'meeting_room',
          name: 'Salle Atelier',
          capacity: 8,
          amenities: ['wifi', 'screen'],
          rules: { granularity: 'PT30M', minDuration: 'PT1H', maxDuration: 'PT8H', leadTime: 'PT2H' },
          offers: [
            { unit: 'hour', price: { amount: 3500, currency: 'EUR' }, audience: 'guest' },
            { unit: 'half_day', price: { amount: 12000, currency: 'EUR' }, audience: 'guest' },
          ],
        });
        const [hour, halfDay] = created.offers;
        const { data } = await updateResource(staff(), {
          path: { spaceId, resourceId: created.id },
          body: {
            amenities: ['wifi'],
            rules: { bufferAfter: 'PT30M' },
            offers: [
              { id: hour!.id, unit: 'hour', price: { amount: 4000, currency: 'EUR' }, audience: 'guest' },
              { unit: 'half_day', price: { amount: 7000, currency: 'EUR' }, audience: 'member', label: 'Demi-journée membre' },
            ],
          },
        });
        assert.equal(data.name, 'Salle Atelier');
        assert.deepEqual(data.amenities, ['wifi']);
        assert.deepEqual(data.rules, { ...created.rules, bufferAfter: 'PT30M' });
        assert.equal(data.offers.length, 2);
        assert.equal(data.offers[0]!.id, hour!.id);
        assert.equal(data.offers[0]!.price.amount, 4000);
        assert.match(data.offers[1]!.id, /^of_/);
        assert.notEqual(data.offers[1]!.id, halfDay!.id);
        const { data: read } = await getResource(server.client(), { path: { spaceId, resourceId: created.id } });
        assert.deepEqual(read, data);
      });

      test('an offer id that is not the resource’s, another currency or impossible rules are refused and change nothing', async () => {
        const created = await create({ type: 'meeting_room', name: 'Salle Bleue', capacity: 4, rules: { maxDuration: 'PT4H' } });
        const item = { spaceId, resourceId: created.id };
        const unknown = await fail(
          updateResource(staff(), { path: item, body: { name: 'x', offers: [{ id: 'of_someone_else', unit: 'hour', price: { amount: 1, currency: 'EUR' }, audience: 'guest' }] } }),
        );
        assert.equal(unknown.status, 400);
        assert.equal(unknown.fieldErrors[0].pointer, '/offers/0/id');
        const currency = await fail(updateResource(staff(), { path: item, body: { offers: [{ unit: 'hour', price: { amount: 1, currency: 'GBP' }, audience: 'guest' }] } }));
        assert.equal(currency.status, 422);
        assert.equal(currency.problem.code, 'currency');
        const rules = await fail(updateResource(staff(), { path: item, body: { rules: { minDuration: 'PT5H' } } }));
        assert.equal(rules.status, 422);
        assert.equal(rules.problem.code, 'min_duration');
        const { data } = await getResource(server.client(), { path: item });
        assert.deepEqual(data, created);
      });

      test('openingHours null follows the space again; archiving hides the resource from the public list', async () => {
        const created = await create({ type: 'phone_booth', name: 'Cabine Nord', capacity: 1, openingHours: [{ day: 'monday', opens: '10:00', closes: '12:00' }] });
        const item = { spaceId, resourceId: created.id };
        const { data } = await updateResource(staff(), { path: item, body: { openingHours: null, status: 'archived' } });
        assert.equal(data.openingHours, undefined);
        assert.equal(data.status, 'archived');
        const listed = await listResources(server.client(), { path, query: { limit: 100 } });
        assert.ok(!listed.data.items.some((r) => r.id === created.id));
        const forStaff = await listResources(staff(), { path, query: { limit: 100 } });
        assert.ok(forStaff.data.items.some((r) => r.id === created.id));
        const { data: again } = await updateResource(staff(), { path: item, body: { status: 'active' } });
        assert.equal(again.status, 'active');
      });

      test('quantity cannot go below the units booked at one time in the future', async () => {
        const pool = await create({ type: 'hot_desk', name: 'Open space', capacity: 1, quantity: 12, bookableBy: ['guest', 'member'] });
        const item = { spaceId, resourceId: pool.id };
        await insertBooking(server, { spaceId, resourceId: pool.id, start: '2026-12-02T08:00:00Z', end: '2026-12-02T12:00:00Z', quantity: 3, units: [1, 2, 3] });
        await insertBooking(server, { spaceId, resourceId: pool.id, start: '2026-12-02T11:00:00Z', end: '2026-12-02T15:00:00Z', quantity: 4, units: [4, 5, 6, 7] });
        // Long past: does not count.
        await insertBooking(server, { spaceId, resourceId: pool.id, start: '2026-11-02T08:00:00Z', end: '2026-11-02T12:00:00Z', quantity: 10, units: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
        const error = await fail(updateResource(staff(), { path: item, body: { quantity: 6 } }));
        assert.equal(error.status, 409);
        assert.equal(error.type, 'urn:coworking-commons:problem:conflict');
        assert.equal((await getResource(server.client(), { path: item })).data.quantity, 12);
        const { data } = await updateResource(staff(), { path: item, body: { quantity: 7 } });
        assert.equal(data.quantity, 7);
      });

      test('an unknown resource is not found', async () => {
        const error = await fail(updateResource(staff(), { path: { spaceId, resourceId: 'rs_nope' }, body: { name: 'x' } }));
        assert.equal(error.status, 404);
      });
    });

    describe('deleting', () => {
      test('a resource without bookings is deleted', async () => {
        const created = await create({ type: 'phone_booth', name: 'Cabine éphémère', capacity: 1 });
        const item = { spaceId, resourceId: created.id };
        const response = await deleteResource(staff(), { path: item });
        assert.equal(response.status, 204);
        assert.equal((await fail(getResource(server.client(), { path: item }))).status, 404);
        assert.equal((await fail(deleteResource(staff(), { path: item }))).status, 404);
      });

      test('bookings still to come refuse the deletion; once cancelled, the resource goes and past bookings keep its id', async () => {
        const created = await create({ type: 'meeting_room', name: 'Salle à démolir', capacity: 6 });
        const item = { spaceId, resourceId: created.id };
        const past = await insertBooking(server, { spaceId, resourceId: created.id, start: '2026-11-20T09:00:00Z', end: '2026-11-20T10:00:00Z' });
        // Started but not ended: still to come.
        const ongoing = await insertBooking(server, { spaceId, resourceId: created.id, start: '2026-12-01T06:00:00Z', end: '2026-12-01T08:00:00Z' });
        const pending = await insertBooking(server, { spaceId, resourceId: created.id, start: '2026-12-03T09:00:00Z', end: '2026-12-03T10:00:00Z', status: 'pending' });
        await insertBooking(server, { spaceId, resourceId: created.id, start: '2026-12-04T09:00:00Z', end: '2026-12-04T10:00:00Z', status: 'cancelled' });
        const refused = await fail(deleteResource(staff(), { path: item }));
        assert.equal(refused.status, 409);
        assert.equal(refused.type, 'urn:coworking-commons:problem:conflict');
        await cancelBooking(server, ongoing);
        assert.equal((await fail(deleteResource(staff(), { path: item }))).status, 409, 'the pending booking is still to come');
        await cancelBooking(server, pending);
        assert.equal((await deleteResource(staff(), { path: item })).status, 204);
        assert.equal((await fail(getResource(staff(), { path: item }))).status, 404);
        const listed = await listResources(staff(), { path, query: { limit: 100 } });
        assert.ok(!listed.data.items.some((r) => r.id === created.id));
        const row = await server.store.db.selectFrom('bookings').select('resource_id').where('id', '=', past).executeTakeFirstOrThrow();
        assert.equal(row.resource_id, created.id);
      });
    });
  });
}
