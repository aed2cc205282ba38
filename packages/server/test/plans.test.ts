import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createPlan, deletePlan, getPlan, listPlans, updatePlan, type components } from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { memberWithToken } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type PlanCreate = components['schemas']['PlanCreate'];

const fail = (promise: Promise<unknown>) => promise.then(() => assert.fail('expected an error'), (e) => e);
const eur = (amount: number) => ({ amount, currency: 'EUR' });

for (const kind of testDatabases()) {
  describe(`plans (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let otherStaffKey: string;
    let memberToken: string;
    const spaceId = 'la-ruche';
    const path = { spaceId };
    const staff = () => server.client(staffKey);
    const create = async (body: PlanCreate, space = spaceId, key = staffKey) => (await createPlan(server.client(key), { path: { spaceId: space }, body })).data;

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      ({ staffKey: otherStaffKey } = await seedSpace(server, spaceFixture('le-phare')));
      ({ token: memberToken } = await memberWithToken(server, spaceId));
    });

    test('staff create a plan: a server id, defaults, a Location header; anyone reads it', async () => {
      const response = await createPlan(staff(), {
        path,
        body: { name: 'Mi-temps', description: 'Deux jours par semaine.', price: eur(9000), period: 'month', translations: { en: { name: 'Part-time' } } },
      });
      assert.equal(response.status, 201);
      const plan = response.data;
      assert.match(plan.id, /^pl_[A-Za-z0-9]+$/);
      assert.equal(response.headers.get('location'), `${server.deps.config.publicUrl}/spaces/la-ruche/plans/${plan.id}`);
      assert.deepEqual(plan, {
        id: plan.id,
        name: 'Mi-temps',
        description: 'Deux jours par semaine.',
        price: eur(9000),
        period: 'month',
        includes: [],
        featured: false,
        translations: { en: { name: 'Part-time' } },
        version: 1,
      });
      assert.equal(response.headers.get('etag'), '"1"');
      assert.deepEqual((await getPlan(server.client(), { path: { spaceId, planId: plan.id } })).data, plan);
      await deletePlan(staff(), { path: { spaceId, planId: plan.id } });
    });

    test('a price in another currency than the space’s is a rule violation, and nothing is created', async () => {
      const error = await fail(createPlan(staff(), { path, body: { name: 'Dollar', price: { amount: 100, currency: 'USD' }, period: 'month' } }));
      assert.equal(error.status, 422);
      assert.equal(error.type, 'urn:coworking-commons:problem:rule-violation');
      assert.equal(error.problem.code, 'currency');
      assert.deepEqual((await listPlans(server.client(), { path })).data.items, []);
    });

    test('bad input is a validation problem with pointers', async () => {
      const error = await fail(createPlan(staff(), { path, body: { price: eur(-1), period: 'fortnight' } as never }));
      assert.equal(error.status, 400);
      assert.deepEqual(error.fieldErrors.map((f: { pointer: string }) => f.pointer).sort(), ['/name', '/period', '/price/amount']);
    });

    describe('listing', () => {
      const ids: Record<string, string> = {};
      before(async () => {
        ids.year = (await create({ name: 'Annuel', price: eur(300000), period: 'year' })).id;
        ids.resident = (await create({ name: 'Résident', price: eur(32000), period: 'month', featured: true, includes: ['Bureau attitré', 'Accès 24h/24'] })).id;
        ids.nomade = (await create({ name: 'Nomade', price: eur(15000), period: 'month' })).id;
        ids.day = (await create({ name: 'Journée', price: eur(2500), period: 'day' })).id;
        ids.week = (await create({ name: 'Semaine', price: eur(9000), period: 'week' })).id;
        ids.nomade2 = (await create({ name: 'Nomade bis', price: eur(15000), period: 'month' })).id;
      });
      const expected = () => [ids.day, ids.week, ids.nomade, ids.nomade2, ids.resident, ids.year];

      test('by period (day to year), then cheapest first, then oldest first', async () => {
        const { data } = await listPlans(server.client(), { path, query: { limit: 100 } });
        assert.deepEqual(
          data.items.map((p) => p.id),
          expected(),
        );
        assert.equal(data.nextCursor, undefined);
        const resident = data.items.find((p) => p.id === ids.resident)!;
        assert.deepEqual(resident.includes, ['Bureau attitré', 'Accès 24h/24']);
        assert.equal(resident.featured, true);
      });

      test('page by page with cursors, nothing repeated or skipped, even after a change of price', async () => {
        const first = await listPlans(server.client(), { path, query: { limit: 4 } });
        assert.deepEqual(
          first.data.items.map((p) => p.id),
          expected().slice(0, 4),
        );
        assert.ok(first.data.nextCursor);
        const second = await listPlans(server.client(), { path, query: { limit: 4, cursor: first.data.nextCursor } });
        assert.deepEqual(
          second.data.items.map((p) => p.id),
          expected().slice(4),
        );
        assert.equal(second.data.nextCursor, undefined);
        const error = await fail(listPlans(server.client(), { path, query: { cursor: 'WzFd' } }));
        assert.equal(error.status, 400);
        assert.equal(error.fieldErrors[0].pointer, '/query/cursor');
      });

      test('another space’s plans are not listed nor readable there', async () => {
        assert.deepEqual((await listPlans(server.client(), { path: { spaceId: 'le-phare' } })).data.items, []);
        const error = await fail(getPlan(server.client(), { path: { spaceId: 'le-phare', planId: ids.day! } }));
        assert.equal(error.status, 404);
      });
    });

    test('staff update a plan: fields present replace theirs, the rest is unchanged', async () => {
      const plan = await create({ name: 'Flex', price: eur(20000), period: 'month', includes: ['Café'], featured: true });
      const item = { spaceId, planId: plan.id };
      const { data } = await updatePlan(staff(), { path: item, body: { price: eur(21000), includes: ['Café', 'Casier'] } });
      assert.deepEqual(data, { ...plan, price: eur(21000), includes: ['Café', 'Casier'], version: 2 });
      assert.deepEqual((await getPlan(server.client(), { path: item })).data, data);
      const currency = await fail(updatePlan(staff(), { path: item, body: { price: { amount: 1, currency: 'CHF' } } }));
      assert.equal(currency.status, 422);
      assert.equal(currency.problem.code, 'currency');
      assert.deepEqual((await getPlan(server.client(), { path: item })).data, data);
      const empty = await fail(updatePlan(staff(), { path: item, body: {} }));
      assert.equal(empty.status, 400);
    });

    test('staff delete a plan; it is gone', async () => {
      const plan = await create({ name: 'Éphémère', price: eur(100), period: 'day' });
      const item = { spaceId, planId: plan.id };
      assert.equal((await deletePlan(staff(), { path: item })).status, 204);
      assert.equal((await fail(getPlan(server.client(), { path: item }))).status, 404);
      assert.equal((await fail(deletePlan(staff(), { path: item }))).status, 404);
      assert.equal((await fail(updatePlan(staff(), { path: item, body: { name: 'x' } }))).status, 404);
      const listed = await listPlans(server.client(), { path, query: { limit: 100 } });
      assert.ok(!listed.data.items.some((p) => p.id === plan.id));
    });

    test('only this space’s staff create, change or delete plans', async () => {
      const body: PlanCreate = { name: 'Pirate', price: eur(1), period: 'day' };
      assert.equal((await fail(createPlan(server.client(), { path, body }))).status, 401);
      assert.equal((await fail(createPlan(server.client(memberToken), { path, body }))).status, 403);
      assert.equal((await fail(createPlan(server.client(otherStaffKey), { path, body }))).status, 401);
      const plan = await create({ name: 'Cible', price: eur(5000), period: 'week' });
      const item = { spaceId, planId: plan.id };
      for (const token of [undefined, memberToken, otherStaffKey]) {
        const expected = token === memberToken ? 403 : 401;
        assert.equal((await fail(updatePlan(server.client(token), { path: item, body: { name: 'x' } }))).status, expected);
        assert.equal((await fail(deletePlan(server.client(token), { path: item }))).status, expected);
      }
      // The other space's staff, on their own space, cannot reach this space's plan.
      assert.equal((await fail(updatePlan(server.client(otherStaffKey), { path: { spaceId: 'le-phare', planId: plan.id }, body: { name: 'x' } }))).status, 404);
      assert.equal((await fail(deletePlan(server.client(otherStaffKey), { path: { spaceId: 'le-phare', planId: plan.id } }))).status, 404);
      assert.deepEqual((await getPlan(server.client(), { path: item })).data, plan);
    });
  });
}
