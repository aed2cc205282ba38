// The events of memberships and event registrations, end to end through the real server: staff
// subscribe a receiver to them, start and pause a membership, a guest registers to an event and
// staff cancel the registration; the receiver gets each event signed, with what staff read.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cancelRegistration, createEvent, createMember, createMembership, createPlan, createRegistration, createWebhookSubscription, updateMembership } from '@coworking-commons/client';
import { assertProblem, fail } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { startReceiver } from './support/webhook-receiver.ts';

const spaceId = 'la-ruche';
const path = { spaceId };

for (const kind of testDatabases()) {
  describe(`membership and registration events (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let secret = '';
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    const staff = () => server.client(staffKey);

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      receiver = await startReceiver(() => secret);
      const eventTypes = ['membership.created', 'membership.updated', 'registration.created', 'registration.cancelled'] as const;
      secret = (await createWebhookSubscription(staff(), { path, body: { url: receiver.url, eventTypes: [...eventTypes] } })).data.secret;
    });
    after(() => receiver.close());

    test('a membership started and paused: membership.created, then membership.updated, each with the membership as staff read it', async () => {
      const plan = (await createPlan(staff(), { path, body: { name: 'Résident', price: { amount: 32_000, currency: 'EUR' }, period: 'month' } })).data;
      const member = (await createMember(staff(), { path, body: { email: 'ines.moreau@example.org', displayName: 'Inès Moreau', status: 'active' } })).data;
      const started = await createMembership(staff(), { path, body: { holder: { type: 'member', id: member.id }, planId: plan.id } });
      const [created] = await receiver.until(1);
      assert.deepEqual(receiver.refused, []);
      assert.equal(created!.type, 'membership.created');
      assert.deepEqual(created!.data, started.data);
      const paused = await updateMembership(staff(), { path: { spaceId, membershipId: started.data.id }, body: { status: 'paused' } });
      const [, updated] = await receiver.until(2);
      assert.equal(updated!.type, 'membership.updated');
      assert.deepEqual(updated!.data, paused.data);
      assert.equal(updated!.data.status, 'paused');
    });

    test('a membership change refused writes no event', async () => {
      const before = receiver.received.length;
      const plan = (await createPlan(staff(), { path, body: { name: 'Nomade', price: { amount: 15_000, currency: 'EUR' }, period: 'month' } })).data;
      const member = (await createMember(staff(), { path, body: { email: 'paul.girard@example.org', displayName: 'Paul Girard', status: 'active' } })).data;
      const started = await createMembership(staff(), { path, body: { holder: { type: 'member', id: member.id }, planId: plan.id } });
      await receiver.until(before + 1);
      assertProblem(await fail(updateMembership(staff(), { path: { spaceId, membershipId: started.data.id }, body: { status: 'refused' } })), 422, 'rule-violation', 'status_transition');
      await server.app.webhooks.runOnce();
      assert.equal(receiver.received.length, before + 1, 'only membership.created');
      const pending = await server.store.db.selectFrom('webhook_deliveries').select('id').where('status', '=', 'pending').execute();
      assert.deepEqual(pending, []);
    });

    test('a guest registers and staff cancel: registration.created, registration.cancelled, never the guest token', async () => {
      const event = (await createEvent(staff(), { path, body: { title: 'Atelier', start: '2026-12-03T17:00:00Z', end: '2026-12-03T19:00:00Z' } })).data;
      const before = receiver.received.length;
      const registered = await createRegistration(server.client(), { path: { spaceId, eventId: event.id }, body: { guest: { name: 'Sophie Leroy', email: 'sophie.leroy@example.net' } } });
      assert.ok(registered.data.guestToken);
      const got = await receiver.until(before + 1);
      const created = got[before]!;
      assert.equal(created.type, 'registration.created');
      const { guestToken: _token, ...asStaffRead } = registered.data;
      assert.deepEqual(created.data, asStaffRead);
      assert.equal(JSON.stringify(created.data).includes(registered.data.guestToken!), false);
      const cancelled = await cancelRegistration(staff(), { path: { spaceId, registrationId: registered.data.id }, body: { reason: 'Doublon' } });
      const after = await receiver.until(before + 2);
      assert.equal(after[before + 1]!.type, 'registration.cancelled');
      assert.deepEqual(after[before + 1]!.data, cancelled.data);
      assert.equal(after[before + 1]!.data.status, 'cancelled');
    });
  });
}
