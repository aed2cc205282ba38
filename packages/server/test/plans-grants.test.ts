import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createPlan, getPlan, listPlans, updatePlan } from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const fail = (promise: Promise<unknown>) => promise.then(() => assert.fail('expected an error'), (e) => e);
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const pointers = (error: { fieldErrors: { pointer: string }[] }) => error.fieldErrors.map((f) => f.pointer).sort();

for (const kind of testDatabases()) {
  describe(`plans: what they grant per period (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    const spaceId = 'la-ruche';
    const path = { spaceId };
    const staff = () => server.client(staffKey);
    const auditOf = (planId: string) =>
      server.store.db.selectFrom('audit_log').select(['operation', 'before', 'after']).where('resource_id', '=', planId).orderBy('seq').execute();
    const planRows = async () => (await listPlans(server.client(), { path, query: { limit: 100 } })).data.items;

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
    });

    const grants = {
      credits: 10,
      includedDays: 8,
      resourceTypes: ['hot_desk', 'phone_booth'] as ('hot_desk' | 'phone_booth')[],
      accessHours: [
        { day: 'monday' as const, opens: '08:00', closes: '12:00' },
        { day: 'monday' as const, opens: '14:00', closes: '24:00' },
        { day: 'tuesday' as const, opens: '00:00', closes: '06:00' },
      ],
    };

    test('created with grants, read back; a field changed, one removed with null, all removed with null; each write audited', async () => {
      const created = await createPlan(staff(), { path, body: { name: 'Nomade', price: eur(15000), period: 'month', grants } });
      assert.equal(created.status, 201);
      assert.deepEqual(created.data.grants, grants);
      const planId = created.data.id;
      assert.deepEqual((await getPlan(server.client(), { path: { spaceId, planId } })).data.grants, grants);

      const changed = await updatePlan(staff(), { path: { spaceId, planId }, body: { grants: { credits: 12, includedDays: null } } });
      assert.deepEqual(changed.data.grants, { credits: 12, resourceTypes: grants.resourceTypes, accessHours: grants.accessHours });
      assert.equal(changed.data.version, 2);
      assert.deepEqual((await getPlan(server.client(), { path: { spaceId, planId } })).data.grants, changed.data.grants);

      const hours = await updatePlan(staff(), { path: { spaceId, planId }, body: { grants: { accessHours: [{ day: 'friday', opens: '09:00', closes: '17:00' }] } } });
      assert.deepEqual(hours.data.grants?.accessHours, [{ day: 'friday', opens: '09:00', closes: '17:00' }]);
      assert.equal(hours.data.grants?.credits, 12);

      const removed = await updatePlan(staff(), { path: { spaceId, planId }, body: { grants: null } });
      assert.equal('grants' in removed.data, false);
      assert.equal('grants' in (await getPlan(server.client(), { path: { spaceId, planId } })).data, false);

      const audit = await auditOf(planId);
      assert.deepEqual(
        audit.map((e) => e.operation),
        ['createPlan', 'updatePlan', 'updatePlan', 'updatePlan'],
      );
      assert.deepEqual(JSON.parse(audit[0]!.after!).grants, grants);
      assert.deepEqual(JSON.parse(audit[1]!.before!).grants, grants);
      assert.deepEqual(JSON.parse(audit[1]!.after!).grants, changed.data.grants);
      assert.equal('grants' in JSON.parse(audit[3]!.after!), false);
    });

    test('no grants: none sent; empty grants are no grants; removing every field removes them', async () => {
      const { data: plain } = await createPlan(staff(), { path, body: { name: 'Simple', price: eur(100), period: 'day' } });
      assert.equal('grants' in plain, false);
      const { data: empty } = await createPlan(staff(), { path, body: { name: 'Vide', price: eur(100), period: 'day', grants: {} } });
      assert.equal('grants' in empty, false);
      const { data: one } = await createPlan(staff(), { path, body: { name: 'Pass', price: eur(2500), period: 'day', grants: { includedDays: 1 } } });
      assert.deepEqual(one.grants, { includedDays: 1 });
      const { data: none } = await updatePlan(staff(), { path: { spaceId, planId: one.id }, body: { grants: { includedDays: null } } });
      assert.equal('grants' in none, false);
    });

    test('bad values refused with pointers to them, and nothing written', async () => {
      const before = await planRows();
      const refusedBySchema = await fail(
        createPlan(staff(), {
          path,
          body: { name: 'Mauvais', price: eur(100), period: 'month', grants: { credits: -1, includedDays: 2.5, resourceTypes: ['sauna'], accessHours: [{ day: 'monday', opens: '9h', closes: '17:00' }] } } as never,
        }),
      );
      assert.equal(refusedBySchema.status, 400);
      assert.equal(refusedBySchema.type, 'urn:coworking-commons:problem:validation-error');
      assert.deepEqual(pointers(refusedBySchema), ['/grants/accessHours/0/opens', '/grants/credits', '/grants/includedDays', '/grants/resourceTypes/0']);

      const twice = await fail(createPlan(staff(), { path, body: { name: 'Deux fois', price: eur(100), period: 'month', grants: { resourceTypes: ['hot_desk', 'hot_desk'] } } }));
      assert.equal(twice.status, 400);
      assert.deepEqual(pointers(twice), ['/grants/resourceTypes']);

      const hours = await fail(
        createPlan(staff(), {
          path,
          body: {
            name: 'Horaires',
            price: eur(100),
            period: 'month',
            grants: {
              accessHours: [
                { day: 'monday', opens: '08:00', closes: '12:00' },
                { day: 'monday', opens: '11:00', closes: '13:00' },
                { day: 'tuesday', opens: '18:00', closes: '09:00' },
                { day: 'wednesday', opens: '10:00', closes: '10:00' },
                { day: 'thursday', opens: '10:00', closes: '24:30' },
                { day: 'friday', opens: '12:00', closes: '13:00' },
              ],
            },
          },
        }),
      );
      assert.equal(hours.status, 400);
      assert.equal(hours.type, 'urn:coworking-commons:problem:validation-error');
      assert.deepEqual(pointers(hours), ['/grants/accessHours/1', '/grants/accessHours/2', '/grants/accessHours/3', '/grants/accessHours/4']);
      assert.deepEqual(await planRows(), before);

      const { data: plan } = await createPlan(staff(), { path, body: { name: 'Stable', price: eur(100), period: 'month', grants: { credits: 3 } } });
      const auditBefore = (await auditOf(plan.id)).length;
      const refusedChange = await fail(
        updatePlan(staff(), {
          path: { spaceId, planId: plan.id },
          body: { name: 'Changé', grants: { accessHours: [{ day: 'monday', opens: '09:00', closes: '18:00' }, { day: 'monday', opens: '17:00', closes: '20:00' }] } },
        }),
      );
      assert.equal(refusedChange.status, 400);
      assert.deepEqual(pointers(refusedChange), ['/grants/accessHours/1']);
      const badField = await fail(updatePlan(staff(), { path: { spaceId, planId: plan.id }, body: { grants: { includedDays: -3, resourceTypes: ['sauna'] } } as never }));
      assert.equal(badField.status, 400);
      assert.deepEqual(pointers(badField), ['/grants/includedDays', '/grants/resourceTypes/0']);
      const emptyChange = await fail(updatePlan(staff(), { path: { spaceId, planId: plan.id }, body: { grants: {} } }));
      assert.equal(emptyChange.status, 400);
      const { data: after } = await getPlan(server.client(), { path: { spaceId, planId: plan.id } });
      assert.deepEqual(after, plan);
      assert.equal((await auditOf(plan.id)).length, auditBefore);
    });
  });
}
