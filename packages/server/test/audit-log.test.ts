import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import {
  adjustMemberCredits,
  adjustOrganisationCredits,
  cancelBooking,
  cancelRegistration,
  confirmBooking,
  createApiKey,
  createBooking,
  createEvent,
  createMember,
  createMembership,
  createOrganisation,
  createPlan,
  createRegistration,
  createResource,
  deleteEvent,
  deleteMember,
  deleteOrganisation,
  deletePlan,
  deleteResource,
  listAuditLog,
  rescheduleBooking,
  revokeApiKey,
  updateEvent,
  updateMember,
  updateMembership,
  updateOrganisation,
  updatePlan,
  updateResource,
  updateSpace,
  type components,
  createWebhookSubscription,
  deleteWebhookSubscription,
  listWebhookDeliveries,
  replayWebhookDelivery,
  updateWebhookSubscription,
} from '@coworking-commons/client';
import { loadSpec } from '../src/app.ts';
import { enqueueEvent } from '../src/webhooks/outbox.ts';
import { personalData } from '../src/services/audit-log.ts';
import { assertProblem, fail } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { createMemberRecord, signInMember } from './support/sign-in.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type AuditEntry = components['schemas']['AuditEntry'];
const idempotent = () => ({ 'Idempotency-Key': randomUUID() });

for (const kind of testDatabases()) {
  describe(`audit log (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let staffKeyId: string;
    let staffToken: string;
    let staffId: string;
    let adminToken: string;
    let memberToken: string;
    let memberId: string;
    const spaceId = 'la-ruche';

    const rows = () => server.store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    /** Every entry of the space, through the API, oldest first. */
    const entries = async (query: Record<string, string | number> = {}): Promise<AuditEntry[]> => {
      const all: AuditEntry[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await listAuditLog(server.client(adminToken), { path: { spaceId }, query: { limit: 100, ...query, ...(cursor ? { cursor } : {}) } });
        all.push(...data.items);
        cursor = data.nextCursor;
      } while (cursor);
      return all.reverse();
    };

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      staffKeyId = (await server.store.db.selectFrom('api_keys').select('id').executeTakeFirstOrThrow()).id;
      await createMemberRecord(server, spaceId, { email: 'admin@example.org', displayName: 'Admin', role: 'admin' });
      adminToken = await signInMember(server, spaceId, 'admin@example.org');
      staffId = (await createMemberRecord(server, spaceId, { email: 'desk@example.org', displayName: 'Desk', role: 'staff' })).id;
      staffToken = await signInMember(server, spaceId, 'desk@example.org');
      memberId = (await createMemberRecord(server, spaceId, { email: 'camille@example.org', displayName: 'Camille' })).id;
      memberToken = await signInMember(server, spaceId, 'camille@example.org');
    });

    test('every staff write is recorded exactly once, with who, when, what and which object', async () => {
      const key = server.client(staffKey);
      const staff = server.client(staffToken);
      const admin = server.client(adminToken);
      const expected: { operationId: string; resourceType: string; resourceId: string; actor: string }[] = [];
      const wrote = (operationId: string, resourceType: string, resourceId: string, actor: string) => expected.push({ operationId, resourceType, resourceId, actor });
      const before = (await rows()).length;

      await updateSpace(key, { path: { spaceId }, body: { description: 'Au bord du canal.' } });
      wrote('updateSpace', 'space', spaceId, staffKeyId);
      const { data: room } = await createResource(staff, { path: { spaceId }, body: { type: 'meeting_room', name: 'Salle Alvéole', capacity: 8, rules: { approvalRequired: true } } });
      wrote('createResource', 'resource', room.id, staffId);
      await updateResource(staff, { path: { spaceId, resourceId: room.id }, body: { name: 'Grande salle' } });
      wrote('updateResource', 'resource', room.id, staffId);
      const { data: booking } = await createBooking(key, {
        path: { spaceId },
        header: idempotent(),
        body: { resourceId: room.id, memberId, start: '2026-12-02T09:00:00Z', end: '2026-12-02T10:00:00Z' },
      });
      wrote('createBooking', 'booking', booking.id, staffKeyId);
      const { data: pending } = await createBooking(server.client(memberToken), {
        path: { spaceId },
        header: idempotent(),
        body: { resourceId: room.id, start: '2026-12-03T09:00:00Z', end: '2026-12-03T10:00:00Z' },
      });
      // A member's own booking is no staff write: not recorded.
      await confirmBooking(staff, { path: { spaceId, bookingId: pending.id }, header: { 'If-Match': '"1"' } });
      wrote('confirmBooking', 'booking', pending.id, staffId);
      await rescheduleBooking(staff, { path: { spaceId, bookingId: booking.id }, header: { 'If-Match': '"1"' }, body: { title: 'Point hebdo' } });
      wrote('rescheduleBooking', 'booking', booking.id, staffId);
      await cancelBooking(staff, { path: { spaceId, bookingId: booking.id }, header: { 'If-Match': '"2"' }, body: { reason: 'Salle fermée' } });
      wrote('cancelBooking', 'booking', booking.id, staffId);
      await cancelBooking(staff, { path: { spaceId, bookingId: pending.id }, header: { 'If-Match': '"2"' } });
      wrote('cancelBooking', 'booking', pending.id, staffId);
      await deleteResource(staff, { path: { spaceId, resourceId: room.id } });
      wrote('deleteResource', 'resource', room.id, staffId);

      const { data: person } = await createMember(key, { path: { spaceId }, body: { email: 'lea@example.org', displayName: 'Léa', phone: '+33 7 98 76 54 32' } });
      wrote('createMember', 'member', person.id, staffKeyId);
      await updateMember(staff, { path: { spaceId, memberId: person.id }, body: { company: 'Atelier', directoryConsent: true } });
      wrote('updateMember', 'member', person.id, staffId);
      await updateMember(admin, { path: { spaceId, memberId: person.id }, body: { role: 'staff' } });
      wrote('updateMember', 'member', person.id, 'admin');

      const { data: plan } = await createPlan(staff, { path: { spaceId }, body: { name: 'Mi-temps', price: { amount: 9000, currency: 'EUR' }, period: 'month' } });
      wrote('createPlan', 'plan', plan.id, staffId);
      await updatePlan(staff, { path: { spaceId, planId: plan.id }, body: { price: { amount: 9500, currency: 'EUR' } } });
      wrote('updatePlan', 'plan', plan.id, staffId);
      const { data: organisation } = await createOrganisation(key, { path: { spaceId }, body: { name: 'Atelier Vélo' } });
      wrote('createOrganisation', 'organisation', organisation.id, staffKeyId);
      await updateOrganisation(staff, { path: { spaceId, organisationId: organisation.id }, body: { vatNumber: 'FR12345678901' } });
      wrote('updateOrganisation', 'organisation', organisation.id, staffId);
      const { data: membership } = await createMembership(staff, { path: { spaceId }, body: { holder: { type: 'member', id: memberId }, planId: plan.id } });
      wrote('createMembership', 'membership', membership.id, staffId);
      await updateMembership(key, { path: { spaceId, membershipId: membership.id }, body: { status: 'paused' } });
      wrote('updateMembership', 'membership', membership.id, staffKeyId);
      const { data: gift } = await adjustMemberCredits(key, { path: { spaceId, memberId }, header: idempotent(), body: { amount: 3, reason: 'Geste commercial' } });
      wrote('adjustMemberCredits', 'creditEntry', gift.id, staffKeyId);
      const { data: pack } = await adjustOrganisationCredits(staff, { path: { spaceId, organisationId: organisation.id }, header: idempotent(), body: { amount: 10, reason: 'Pack de 10 crédits' } });
      wrote('adjustOrganisationCredits', 'creditEntry', pack.id, staffId);
      await deleteOrganisation(staff, { path: { spaceId, organisationId: organisation.id } });
      wrote('deleteOrganisation', 'organisation', organisation.id, staffId);
      await deletePlan(staff, { path: { spaceId, planId: plan.id } });
      wrote('deletePlan', 'plan', plan.id, staffId);

      const { data: event } = await createEvent(staff, { path: { spaceId }, body: { title: 'Atelier', start: '2026-12-03T17:00:00Z', end: '2026-12-03T19:00:00Z' } });
      wrote('createEvent', 'event', event.id, staffId);
      await updateEvent(staff, { path: { spaceId, eventId: event.id }, body: { title: 'Atelier vélo' } });
      wrote('updateEvent', 'event', event.id, staffId);
      const { data: registration } = await createRegistration(staff, { path: { spaceId, eventId: event.id }, header: idempotent(), body: { memberId } });
      wrote('createRegistration', 'registration', registration.id, staffId);
      await cancelRegistration(staff, { path: { spaceId, registrationId: registration.id } });
      wrote('cancelRegistration', 'registration', registration.id, staffId);
      await deleteEvent(staff, { path: { spaceId, eventId: event.id } });
      wrote('deleteEvent', 'event', event.id, staffId);

      const { data: newKey } = await createApiKey(admin, { path: { spaceId }, body: { name: 'Site', scopes: ['read'] } });
      wrote('createApiKey', 'apiKey', newKey.id, 'admin');
      await revokeApiKey(admin, { path: { spaceId, apiKeyId: newKey.id } });
      wrote('revokeApiKey', 'apiKey', newKey.id, 'admin');
      await deleteMember(admin, { path: { spaceId, memberId: person.id } });
      wrote('deleteMember', 'member', person.id, 'admin');

      const { data: subscription } = await createWebhookSubscription(admin, { path: { spaceId }, body: { url: 'http://127.0.0.1:9/hooks', eventTypes: ['*'] } });
      wrote('createWebhookSubscription', 'webhookSubscription', subscription.id, 'admin');
      await enqueueEvent(server.store.db, { spaceId, type: 'booking.created', data: booking, at: server.clock.now });
      // Tried once (nobody listens on port 9), so that the replay changes it.
      await server.app.webhooks.runOnce();
      const { data: deliveries } = await listWebhookDeliveries(admin, { path: { spaceId, subscriptionId: subscription.id } });
      await replayWebhookDelivery(admin, { path: { spaceId, subscriptionId: subscription.id, deliveryId: deliveries.items[0]!.id } });
      wrote('replayWebhookDelivery', 'webhookDelivery', deliveries.items[0]!.id, 'admin');
      await updateWebhookSubscription(admin, { path: { spaceId, subscriptionId: subscription.id }, body: { status: 'disabled' } });
      wrote('updateWebhookSubscription', 'webhookSubscription', subscription.id, 'admin');
      await deleteWebhookSubscription(admin, { path: { spaceId, subscriptionId: subscription.id } });
      wrote('deleteWebhookSubscription', 'webhookSubscription', subscription.id, 'admin');

      const written = (await rows()).slice(before);
      const adminId = (await server.store.db.selectFrom('members').select('id').where('email', '=', 'admin@example.org').executeTakeFirstOrThrow()).id;
      assert.deepEqual(
        written.map((row) => ({ operationId: row.operation, resourceType: row.resource_type, resourceId: row.resource_id, actor: row.actor_id })),
        expected.map((entry) => ({ ...entry, actor: entry.actor === 'admin' ? adminId : entry.actor })),
        'one entry per write, in the order of the writes (all in the same millisecond here)',
      );
      // Every staff write the spec has is among them.
      const staffWrites = Object.values<any>(loadSpec().paths)
        .flatMap((item) => Object.entries<any>(item).filter(([method]) => method !== 'get' && method !== 'parameters').map(([, operation]) => operation))
        .filter((operation) => operation.security?.some((alternative: object) => 'staffKey' in alternative))
        .map((operation) => operation.operationId as string);
      assert.deepEqual([...new Set(written.map((row) => row.operation))].sort(), staffWrites.sort());
      for (const row of written) {
        assert.equal(row.actor_type, row.actor_id === staffKeyId ? 'apiKey' : 'person');
        assert.equal(Number(row.at), server.clock.now.getTime());
      }
    });

    test('an entry holds the changed fields only, before and after; a creation has no before, a deletion no after', async () => {
      const staff = server.client(staffToken);
      const { data: room } = await createResource(staff, { path: { spaceId }, body: { type: 'meeting_room', name: 'Cabine', capacity: 2 } });
      server.clock.advance(1000);
      await updateResource(staff, { path: { spaceId, resourceId: room.id }, body: { name: 'Cabine bleue', capacity: 3 } });
      server.clock.advance(1000);
      await deleteResource(staff, { path: { spaceId, resourceId: room.id } });
      const [created, updated, deleted] = await entries({ resourceId: room.id });
      assert.equal(created!.before, undefined);
      assert.equal(created!.after!.name, 'Cabine');
      assert.deepEqual(updated!.before, { name: 'Cabine', capacity: 2 });
      assert.deepEqual(updated!.after, { name: 'Cabine bleue', capacity: 3 });
      assert.deepEqual(updated!.actor, { type: 'person', id: staffId });
      assert.equal(updated!.at, new Date(server.clock.now.getTime() - 1000).toISOString());
      assert.equal(deleted!.after, undefined);
      assert.equal(deleted!.before!.name, 'Cabine bleue');
    });

    test("a person's personal data never enters the log, only that it changed; no secret either", async () => {
      const { data: person } = await createMember(server.client(staffKey), { path: { spaceId }, body: { email: 'hugo@example.org', displayName: 'Hugo Martinez', phone: '+33 6 00 00 00 00' } });
      await updateMember(server.client(staffKey), { path: { spaceId, memberId: person.id }, body: { phone: '+33 6 11 11 11 11', status: 'inactive' } });
      await deleteMember(server.client(staffKey), { path: { spaceId, memberId: person.id } });
      const { data: key } = await createApiKey(server.client(adminToken), { path: { spaceId }, body: { name: 'Secret' } });
      const stored = JSON.stringify(await rows());
      for (const text of ['hugo@example.org', 'Hugo Martinez', '+33 6 00 00 00 00', '+33 6 11 11 11 11', key.secret]) assert.ok(!stored.includes(text), `${text} is not in the log`);
      const [, changed] = await entries({ resourceId: person.id });
      assert.deepEqual(changed!.before, { phone: personalData, status: 'active' }, 'the clock stood still: updatedAt did not change');
      assert.equal(changed!.after!.phone, personalData);
      assert.equal(changed!.after!.status, 'inactive');
    });

    test('a refused write, a replayed one and one that changed nothing record nothing', async () => {
      const count = (await rows()).length;
      assertProblem(await fail(createMember(server.client(staffKey), { path: { spaceId }, body: { email: 'camille@example.org', displayName: 'Twice' } })), 409, 'conflict');
      assertProblem(await fail(updateResource(server.client(staffKey), { path: { spaceId, resourceId: 'rs_nowhere' }, body: { name: 'x' } })), 404, 'not-found');
      assert.equal((await rows()).length, count);

      const { data: room } = await createResource(server.client(staffKey), { path: { spaceId }, body: { type: 'meeting_room', name: 'Atelier', capacity: 4 } });
      const header = idempotent();
      const body = { resourceId: room.id, memberId, start: '2026-12-04T09:00:00Z', end: '2026-12-04T10:00:00Z' };
      const first = await createBooking(server.client(staffKey), { path: { spaceId }, header, body });
      const again = await createBooking(server.client(staffKey), { path: { spaceId }, header, body });
      assert.equal(again.data.id, first.data.id);
      assert.equal((await entries({ resourceId: first.data.id })).length, 1, 'the replay recorded nothing');

      await updateResource(server.client(staffKey), { path: { spaceId, resourceId: room.id }, body: { name: 'Atelier' } });
      assert.equal((await entries({ resourceId: room.id })).length, 1, 'only the creation: the rename to the same name changed nothing');
    });

    test('admins read the log filtered by actor, kind of object, object and time, page by page', async () => {
      const all = await entries();
      assert.ok(all.length >= 25);
      const byKey = await entries({ actorId: staffKeyId });
      assert.ok(byKey.length > 0 && byKey.every((entry) => entry.actor.id === staffKeyId && entry.actor.type === 'apiKey'));
      assert.equal(byKey.length, all.filter((entry) => entry.actor.id === staffKeyId).length);
      const plans = await entries({ resourceType: 'plan' });
      assert.deepEqual(plans.map((entry) => entry.operationId), ['createPlan', 'updatePlan', 'deletePlan']);

      const times = [...new Set(all.map((entry) => entry.at))].sort();
      assert.ok(times.length >= 3);
      const from = times[1]!;
      const to = times.at(-1)!;
      const window = await entries({ from, to });
      assert.deepEqual(window, all.filter((entry) => entry.at >= from && entry.at < to));

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await listAuditLog(server.client(adminToken), { path: { spaceId }, query: { limit: 7, ...(cursor ? { cursor } : {}) } });
        assert.ok(data.items.length <= 7);
        seen.push(...data.items.map((entry) => entry.id));
        cursor = data.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, all.map((entry) => entry.id).reverse(), 'newest first, every entry once');
    });

    test('only admins (and keys with the admin scope) read the log', async () => {
      const staffRefused = await fail(listAuditLog(server.client(staffToken), { path: { spaceId } }));
      assertProblem(staffRefused, 403, 'forbidden');
      assert.match(staffRefused.problem.detail, /"admin" scope/);
      assertProblem(await fail(listAuditLog(server.client(memberToken), { path: { spaceId } })), 403, 'forbidden');
      assertProblem(await fail(listAuditLog(server.client(), { path: { spaceId } })), 401, 'unauthorized');
      assert.equal((await listAuditLog(server.client(staffKey), { path: { spaceId } })).status, 200);
      assertProblem(await fail(listAuditLog(server.client(adminToken), { path: { spaceId }, query: { cursor: 'nonsense' } })), 400, 'validation-error');
    });

    test('the log is append-only: the database refuses to change or remove an entry', async () => {
      const [first] = await rows();
      assert.ok(first);
      await assert.rejects(sql`UPDATE audit_log SET operation = 'nothing' WHERE id = ${first.id}`.execute(server.store.db), /append-only/);
      await assert.rejects(sql`DELETE FROM audit_log WHERE id = ${first.id}`.execute(server.store.db), /append-only/);
      const again = await server.store.db.selectFrom('audit_log').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
      assert.deepEqual({ ...again }, { ...first });
    });
  });
}
