// Webhook subscriptions through the API, and the booking events they deliver, end to end: staff
// subscribe a receiver, a guest books and cancels through the real server, and the receiver gets
// each event signed with the secret the subscription answered once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  cancelBooking,
  createBooking,
  createWebhookSubscription,
  deleteWebhookSubscription,
  getWebhookSubscription,
  listAuditLog,
  listWebhookDeliveries,
  listWebhookSubscriptions,
  replayWebhookDelivery,
  updateWebhookSubscription,
} from '@coworking-commons/client';
import { issueApiKey } from '../src/services/api-keys.ts';
import { addResource, assertProblem, fail } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { startReceiver } from './support/webhook-receiver.ts';

const spaceId = 'la-ruche';
const path = { spaceId };
const guest = { name: 'Jonas Weber', email: 'jonas.weber@example.com' };

for (const kind of testDatabases()) {
  describe(`webhook subscriptions through the API (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let secret = '';
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    const staff = () => server.client(staffKey);

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      receiver = await startReceiver(() => secret);
    });
    after(() => receiver.close());

    test('staff subscribe, a guest books and cancels: each event arrives signed, with the booking', async () => {
      const created = await createWebhookSubscription(staff(), { path, body: { url: receiver.url, eventTypes: ['booking.created', 'booking.cancelled'], description: 'Door access' } });
      assert.equal(created.status, 201);
      assert.match(created.data.secret, /^whsec_/);
      assert.equal(created.data.status, 'active');
      assert.equal(created.headers.get('location'), `${server.deps.config.publicUrl}/spaces/la-ruche/staff/webhooks/${created.data.id}`);
      secret = created.data.secret;
      const read = await getWebhookSubscription(staff(), { path: { spaceId, subscriptionId: created.data.id } });
      assert.equal('secret' in read.data, false, 'the secret is shown once');
      const stored = await server.store.db.selectFrom('webhook_subscriptions').select('secret').where('id', '=', created.data.id).executeTakeFirstOrThrow();
      assert.ok(!stored.secret.includes(secret.slice(6)), 'the secret is stored sealed');

      const room = await addResource(server, spaceId);
      const booking = await createBooking(server.client(), { path, body: { resourceId: room.id, start: '2026-12-02T09:00:00Z', end: '2026-12-02T10:00:00Z', guest } });
      const [first] = await receiver.until(1);
      assert.deepEqual(receiver.refused, []);
      assert.equal(first!.type, 'booking.created');
      assert.equal(first!.data.id, booking.data.id);
      assert.equal(first!.data.guestToken, undefined, 'a guest token never leaves in a webhook');
      await cancelBooking(server.client(), { path: { spaceId, bookingId: booking.data.id }, guestToken: booking.data.guestToken!, header: { 'If-Match': booking.etag! } });
      const received = await receiver.until(2);
      assert.deepEqual(received.map((r) => r.type), ['booking.created', 'booking.cancelled']);
      assert.equal(received[1]!.data.status, 'cancelled');

      const deliveries = await listWebhookDeliveries(staff(), { path: { spaceId, subscriptionId: created.data.id } });
      // Both in the same millisecond of the server's clock here, so in no particular order.
      assert.deepEqual(deliveries.data.items.map((d) => [d.eventType, d.status, d.attemptCount]).sort(), [['booking.cancelled', 'delivered', 1], ['booking.created', 'delivered', 1]]);
      const made = deliveries.data.items.find((d) => d.eventType === 'booking.created')!;
      assert.equal(made.attempts[0]!.status, 200);
      assert.equal(made.id, first!.id, 'the log names each delivery by its webhook-id');

      const replayed = await replayWebhookDelivery(staff(), { path: { spaceId, subscriptionId: created.data.id, deliveryId: first!.id } });
      assert.equal(replayed.status, 202);
      assert.equal(replayed.data.status, 'pending');
      const again = await receiver.until(3);
      assert.equal(again[2]!.id, first!.id, 'a replay carries the same webhook-id');
      const audit = await listAuditLog(staff(), { path, query: { limit: 100 } });
      assert.ok(audit.data.items.some((entry) => entry.operationId === 'replayWebhookDelivery' && entry.resourceId === first!.id));
      assert.ok(audit.data.items.some((entry) => entry.operationId === 'createWebhookSubscription' && entry.resourceId === created.data.id));
    });

    test('a refused booking sends nothing; a disabled subscription gets nothing and cannot replay', async () => {
      receiver.received.length = 0;
      const [subscription] = (await listWebhookSubscriptions(staff(), { path })).data.items;
      const room = await addResource(server, spaceId);
      const body = { resourceId: room.id, start: '2026-12-03T09:00:00Z', end: '2026-12-03T10:00:00Z', guest };
      await createBooking(server.client(), { path, body });
      await receiver.until(1);
      assertProblem(await fail(createBooking(server.client(), { path, body })), 409, 'booking-conflict');
      const disabled = await updateWebhookSubscription(staff(), { path: { spaceId, subscriptionId: subscription!.id }, body: { status: 'disabled' } });
      assert.equal(disabled.data.status, 'disabled');
      assert.equal(disabled.data.disabledReason, 'staff');
      await createBooking(server.client(), { path, body: { ...body, start: '2026-12-03T11:00:00Z', end: '2026-12-03T12:00:00Z' } });
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(receiver.received.length, 1, 'only the first booking was sent: not the refused one, not the one after disabling');
      const [delivery] = (await listWebhookDeliveries(staff(), { path: { spaceId, subscriptionId: subscription!.id } })).data.items;
      assertProblem(await fail(replayWebhookDelivery(staff(), { path: { spaceId, subscriptionId: subscription!.id, deliveryId: delivery!.id } })), 409, 'conflict');
      const enabled = await updateWebhookSubscription(staff(), { path: { spaceId, subscriptionId: subscription!.id }, body: { status: 'active' } });
      assert.equal(enabled.data.disabledReason, undefined);
    });

    test('bad input is refused with problem documents, and nothing is written', async () => {
      const count = async () => (await server.store.db.selectFrom('webhook_subscriptions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      const before = Number(await count());
      for (const url of ['http://hooks.example.org/x', 'ftp://hooks.example.org/x', 'https://user:pw@hooks.example.org/x']) {
        const error = await fail(createWebhookSubscription(staff(), { path, body: { url, eventTypes: ['*'] } }));
        assertProblem(error, 400, 'validation-error');
        assert.equal(error.fieldErrors[0].pointer, '/url', url);
      }
      assertProblem(await fail(createWebhookSubscription(staff(), { path, body: { url: 'https://hooks.example.org/x', eventTypes: ['booking.exploded' as never] } })), 400, 'validation-error');
      assertProblem(await fail(createWebhookSubscription(staff(), { path, body: { url: 'https://hooks.example.org/x', eventTypes: [] } })), 400, 'validation-error');
      assert.equal(Number(await count()), before);
      assertProblem(await fail(getWebhookSubscription(staff(), { path: { spaceId, subscriptionId: 'wh_nope' } })), 404, 'not-found');
      assertProblem(await fail(deleteWebhookSubscription(staff(), { path: { spaceId, subscriptionId: 'wh_nope' } })), 404, 'not-found');
      const readKey = (await issueApiKey(server.deps, spaceId, 'Read only', { scopes: ['read', 'bookings'] })).secret;
      assertProblem(await fail(listWebhookSubscriptions(server.client(readKey), { path })), 403, 'forbidden');
      assertProblem(await fail(listWebhookSubscriptions(server.client(), { path })), 401, 'unauthorized');
    });

    test('deleting a subscription removes its deliveries and their log', async () => {
      const [subscription] = (await listWebhookSubscriptions(staff(), { path })).data.items;
      const response = await deleteWebhookSubscription(staff(), { path: { spaceId, subscriptionId: subscription!.id } });
      assert.equal(response.status, 204);
      assert.equal((await server.store.db.selectFrom('webhook_deliveries').select('id').where('subscription_id', '=', subscription!.id).execute()).length, 0);
      assert.equal((await server.store.db.selectFrom('webhook_attempts').select('id').execute()).length, 0);
    });
  });
}
