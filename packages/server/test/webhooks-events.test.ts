// The events of members, memberships and event registrations, end to end through the real
// server: staff subscribe a receiver to every event, add, change and erase a member, start and
// pause a membership, a guest registers to an event and staff cancel the registration (a waitlisted
// one getting the seat); the receiver gets each event signed, with what staff read, in the order it happened.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  cancelRegistration,
  createEvent,
  createMember,
  createMembership,
  createPlan,
  createRegistration,
  createWebhookSubscription,
  deleteMember,
  updateEvent,
  updateMember,
  updateMembership,
} from '@coworking-commons/client';
import { assertProblem, fail } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { startReceiver, type Received } from './support/webhook-receiver.ts';

const spaceId = 'la-ruche';
const path = { spaceId };

for (const kind of testDatabases()) {
  describe(`member, membership and registration events (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let secret = '';
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    const staff = () => server.client(staffKey);
    /** What the receiver got from `from` on, once every write before has been sent. */
    const since = async (from: number): Promise<Received[]> => {
      await server.app.webhooks.runOnce();
      assert.deepEqual(receiver.refused, [], 'every delivery verifies with the subscription’s secret');
      return receiver.received.slice(from);
    };
    /** Each event by its type (deliveries may arrive in any order), checking that these types came, once each. */
    const byType = (got: Received[], types: string[]): Record<string, Received> => {
      assert.deepEqual(got.map((event) => event.type).sort(), [...types].sort());
      return Object.fromEntries(got.map((event) => [event.type, event]));
    };

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      receiver = await startReceiver(() => secret);
      secret = (await createWebhookSubscription(staff(), { path, body: { url: receiver.url, eventTypes: ['*'] } })).data.secret;
    });
    after(() => receiver.close());

    test('a member added, changed and erased: member.created, member.updated, member.erased (the id alone)', async () => {
      const from = receiver.received.length;
      const added = await createMember(staff(), { path, body: { email: 'lea.dubois@example.org', displayName: 'Léa Dubois', status: 'active' } });
      const changed = await updateMember(staff(), { path: { spaceId, memberId: added.data.id }, body: { company: 'Atelier Dubois' } });
      await deleteMember(staff(), { path: { spaceId, memberId: added.data.id } });
      const got = byType(await since(from), ['member.created', 'member.updated', 'member.erased']);
      assert.deepEqual(got['member.created']!.data, added.data);
      assert.deepEqual(got['member.updated']!.data, changed.data);
      assert.deepEqual(got['member.erased']!.data, { id: added.data.id }, 'nothing that named the member');
    });

    test('a membership started and paused: membership.created, then membership.updated, each with the membership as staff read it', async () => {
      const plan = (await createPlan(staff(), { path, body: { name: 'Résident', price: { amount: 32_000, currency: 'EUR' }, period: 'month' } })).data;
      const member = (await createMember(staff(), { path, body: { email: 'ines.moreau@example.org', displayName: 'Inès Moreau', status: 'active' } })).data;
      const from = receiver.received.length;
      const started = await createMembership(staff(), { path, body: { holder: { type: 'member', id: member.id }, planId: plan.id } });
      const paused = await updateMembership(staff(), { path: { spaceId, membershipId: started.data.id }, body: { status: 'paused' } });
      const got = byType(await since(from), ['membership.created', 'membership.updated']);
      assert.deepEqual(got['membership.created']!.data, started.data);
      assert.deepEqual(got['membership.updated']!.data, paused.data);
      assert.equal(got['membership.updated']!.data.status, 'paused');
    });

    test('a change refused writes no event', async () => {
      const plan = (await createPlan(staff(), { path, body: { name: 'Nomade', price: { amount: 15_000, currency: 'EUR' }, period: 'month' } })).data;
      const member = (await createMember(staff(), { path, body: { email: 'paul.girard@example.org', displayName: 'Paul Girard', status: 'active' } })).data;
      const started = await createMembership(staff(), { path, body: { holder: { type: 'member', id: member.id }, planId: plan.id } });
      const from = (await since(0)).length;
      assertProblem(await fail(updateMembership(staff(), { path: { spaceId, membershipId: started.data.id }, body: { status: 'refused' } })), 422, 'rule-violation', 'status_transition');
      assertProblem(await fail(createMember(staff(), { path, body: { email: 'paul.girard@example.org', displayName: 'Paul Girard' } })), 409, 'conflict');
      assert.deepEqual(await since(from), []);
      const pending = await server.store.db.selectFrom('webhook_deliveries').select('id').where('status', '=', 'pending').execute();
      assert.deepEqual(pending, []);
    });

    test('a guest registers and staff cancel: registration.created, registration.cancelled, never the guest token', async () => {
      const event = (await createEvent(staff(), { path, body: { title: 'Atelier', start: '2026-12-03T17:00:00Z', end: '2026-12-03T19:00:00Z' } })).data;
      const from = receiver.received.length;
      const registered = await createRegistration(server.client(), { path: { spaceId, eventId: event.id }, body: { guest: { name: 'Sophie Leroy', email: 'sophie.leroy@example.net' } } });
      assert.ok(registered.data.guestToken);
      const cancelled = await cancelRegistration(staff(), { path: { spaceId, registrationId: registered.data.id }, body: { reason: 'Doublon' } });
      const got = byType(await since(from), ['registration.created', 'registration.cancelled']);
      const { guestToken, ...asStaffRead } = registered.data;
      assert.deepEqual(got['registration.created']!.data, asStaffRead);
      assert.equal(JSON.stringify(got).includes(guestToken!), false);
      assert.deepEqual(got['registration.cancelled']!.data, cancelled.data);
      assert.equal(got['registration.cancelled']!.data.status, 'cancelled');
    });

    test('a seat comes free: registration.promoted for the first of the waiting list, with its seat; none when nobody waits', async () => {
      const event = (await createEvent(staff(), { path, body: { title: 'Masterclass', start: '2026-12-04T17:00:00Z', end: '2026-12-04T19:00:00Z', capacity: 1, waitlistEnabled: true } })).data;
      const register = (name: string, email: string) => createRegistration(server.client(), { path: { spaceId, eventId: event.id }, body: { guest: { name, email } } });
      const first = await register('Sophie Leroy', 'sophie.leroy@example.net');
      const second = await register('Marc Olivier', 'marc.olivier@example.net');
      const third = await register('Julie Caron', 'julie.caron@example.net');
      assert.deepEqual([first.data.status, second.data.status, third.data.status], ['registered', 'waitlisted', 'waitlisted']);
      const from = receiver.received.length;
      await cancelRegistration(staff(), { path: { spaceId, registrationId: first.data.id }, body: {} });
      const got = byType(await since(from), ['registration.cancelled', 'registration.promoted']);
      assert.equal(got['registration.promoted']!.data.id, second.data.id, 'the first of the waiting list');
      assert.equal(got['registration.promoted']!.data.status, 'registered');
      assert.equal(got['registration.promoted']!.data.waitlistPosition, undefined);

      // A waitlisted registration cancelled frees no seat: nobody is promoted.
      const next = receiver.received.length;
      await cancelRegistration(staff(), { path: { spaceId, registrationId: third.data.id }, body: {} });
      byType(await since(next), ['registration.cancelled']);
    });

    test('an event cancelled: registration.cancelled for each registration it still had, none for those cancelled before', async () => {
      const event = (await createEvent(staff(), { path, body: { title: 'Apéro', start: '2026-12-05T17:00:00Z', end: '2026-12-05T19:00:00Z' } })).data;
      const register = (name: string, email: string) => createRegistration(server.client(), { path: { spaceId, eventId: event.id }, body: { guest: { name, email } } });
      const kept = [await register('Sophie Leroy', 'sophie.leroy@example.net'), await register('Marc Olivier', 'marc.olivier@example.net')];
      const gone = await register('Julie Caron', 'julie.caron@example.net');
      await cancelRegistration(staff(), { path: { spaceId, registrationId: gone.data.id }, body: {} });
      const from = receiver.received.length;
      await updateEvent(staff(), { path: { spaceId, eventId: event.id }, body: { status: 'cancelled' } });
      const got = await since(from);
      assert.deepEqual(got.map((delivery) => delivery.type), ['registration.cancelled', 'registration.cancelled']);
      assert.deepEqual(got.map((delivery) => delivery.data.id).sort(), kept.map((registration) => registration.data.id).sort());
      assert.ok(got.every((delivery) => delivery.data.status === 'cancelled' && delivery.data.cancellationReason === 'The event was cancelled.'), JSON.stringify(got));
    });
  });
}
