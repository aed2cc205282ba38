// The webhook outbox and its dispatcher on real databases, delivering over real HTTP to a
// receiver on loopback that verifies each delivery with the client's verifyWebhook.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStore, type Store } from '../src/db/database.ts';
import { retryDelaysMs } from '../src/webhooks/retry-schedule.ts';
import { createDispatcher } from '../src/webhooks/dispatcher.ts';
import { enqueueEvent } from '../src/webhooks/outbox.ts';
import { sealSecret } from '../src/webhooks/signing.ts';
import { addSubscription } from '../src/webhooks/subscriptions.ts';
import { createTestDatabase, testDatabases, type TestDatabase } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { startReceiver } from './support/webhook-receiver.ts';

const silent = { warn() {}, error() {} };
const serverSecret = 'a server secret for the webhook tests';

for (const kind of testDatabases()) {
  describe(`webhook deliveries on ${kind}`, () => {
    let server: TestServer;
    let spaceId: string;
    let secret = '';
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let database: TestDatabase;
    /** Another connection to the same database, as another server process has. */
    const anotherStore = () => openStore(database.url);
    const dispatcher = (store: Store = server.store) => createDispatcher({ db: store.db, kind, serverSecret, now: () => server.clock.now, log: silent, timeoutMs: 2_000 });
    const deliveries = async () => server.store.db.selectFrom('webhook_deliveries').selectAll().orderBy('created_at').orderBy('id').execute();
    const subscribe = async (eventTypes = ['*']) => {
      const added = await addSubscription(server.store.db, { spaceId, url: receiver.url, eventTypes }, serverSecret, server.clock.now);
      secret = added.secret;
      return added.id;
    };
    const reset = async () => {
      await server.store.db.deleteFrom('webhook_subscriptions').execute();
      receiver.received.length = 0;
      receiver.refused.length = 0;
      receiver.answerWith(() => 200);
    };

    before(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(kind, { now: '2026-12-07T09:00:00Z', databaseUrl: database.url });
      ({ spaceId } = await seedSpace(server));
      receiver = await startReceiver(() => secret);
    });
    after(async () => {
      await receiver.close();
      await server.close();
      await database.drop();
    });

    test('an event is delivered once, signed, to each subscription that wants its type', async () => {
      await reset();
      await subscribe(['booking.created']);
      await addSubscription(server.store.db, { spaceId, url: receiver.url, eventTypes: ['member.updated'] }, serverSecret, server.clock.now);
      const written = await enqueueEvent(server.store.db, { spaceId, type: 'booking.created', data: { id: 'bk_1' }, at: server.clock.now });
      assert.equal(written, 1, 'only the subscription to booking.created gets a delivery');
      assert.equal(await dispatcher().runOnce(), 1);
      assert.deepEqual(receiver.refused, []);
      assert.equal(receiver.received.length, 1);
      assert.equal(receiver.received[0]!.type, 'booking.created');
      assert.deepEqual(receiver.received[0]!.data, { id: 'bk_1' });
      const [delivery] = await deliveries();
      assert.equal(delivery!.status, 'delivered');
      assert.equal(receiver.received[0]!.id, delivery!.id, 'webhook-id is the delivery id');
      assert.equal(await dispatcher().runOnce(), 0, 'a delivered event is not sent again');
      const attempts = await server.store.db.selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', delivery!.id).execute();
      assert.equal(attempts.length, 1);
      assert.equal(attempts[0]!.status, 200);
    });

    test('a change that rolls back leaves no delivery; a committed one survives the process', async () => {
      await reset();
      await subscribe();
      await assert.rejects(
        server.store.db.transaction().execute(async (trx) => {
          await enqueueEvent(trx, { spaceId, type: 'booking.created', data: { id: 'bk_rolled_back' }, at: server.clock.now });
          throw new Error('the change failed');
        }),
        /the change failed/,
      );
      assert.equal((await deliveries()).length, 0);
      // Written and committed by one process, which then stops before dispatching…
      const first = anotherStore();
      await enqueueEvent(first.db, { spaceId, type: 'booking.created', data: { id: 'bk_committed' }, at: server.clock.now });
      await first.close();
      // …and sent by a dispatcher of another process, as after a restart.
      const other = anotherStore();
      try {
        assert.equal(await dispatcher(other).runOnce(), 1);
      } finally {
        await other.close();
      }
      assert.deepEqual(receiver.received.map((r) => r.data.id), ['bk_committed']);
    });

    test('a refused delivery is tried again on the schedule for more than 24 h, then given up', async () => {
      await reset();
      await subscribe();
      receiver.answerWith(() => 503);
      await enqueueEvent(server.store.db, { spaceId, type: 'booking.created', data: { id: 'bk_retried' }, at: server.clock.now });
      const start = server.clock.now.getTime();
      assert.equal(await dispatcher().runOnce(), 1);
      for (const delay of retryDelaysMs) {
        assert.equal(await dispatcher().runOnce(), 0, 'nothing is sent before the delay');
        server.clock.advance(delay);
        assert.equal(await dispatcher().runOnce(), 1, `tried again after ${delay} ms`);
      }
      const [delivery] = await deliveries();
      assert.equal(delivery!.status, 'failed');
      assert.equal(delivery!.attempts, retryDelaysMs.length + 1);
      assert.ok(server.clock.now.getTime() - start >= 24 * 3600_000, 'the attempts span at least 24 h');
      assert.equal(receiver.received.length, retryDelaysMs.length + 1, 'each attempt was signed anew and verified');
      assert.equal(new Set(receiver.received.map((r) => r.id)).size, 1, 'every attempt carries the same webhook-id');
    });

    test('a delivery that fails once is delivered on its retry', async () => {
      await reset();
      await subscribe();
      receiver.answerWith((n) => (n === 1 ? 500 : 204));
      await enqueueEvent(server.store.db, { spaceId, type: 'booking.created', data: { id: 'bk_second_time' }, at: server.clock.now });
      await dispatcher().runOnce();
      server.clock.advance(retryDelaysMs[0]!);
      await dispatcher().runOnce();
      const [delivery] = await deliveries();
      assert.equal(delivery!.status, 'delivered');
      assert.equal(delivery!.attempts, 2);
    });

    test('410 Gone disables the subscription and its pending deliveries', async () => {
      await reset();
      const id = await subscribe();
      receiver.answerWith(() => 410);
      await enqueueEvent(server.store.db, { spaceId, type: 'booking.created', data: { id: 'bk_gone' }, at: server.clock.now });
      await dispatcher().runOnce();
      const subscription = await server.store.db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(subscription.status, 'disabled');
      assert.equal(subscription.disabled_reason, 'gone');
      assert.equal(await enqueueEvent(server.store.db, { spaceId, type: 'booking.created', data: { id: 'bk_after' }, at: server.clock.now }), 0, 'a disabled subscription gets no new delivery');
      const [delivery] = await deliveries();
      assert.equal(delivery!.status, 'failed');
      assert.equal(delivery!.last_status, 410);
    });

    test('an unreachable receiver is recorded as such and tried again', async () => {
      await reset();
      await server.store.db.insertInto('webhook_subscriptions').values({ id: 'wh_unreachable', space_id: spaceId, url: 'http://127.0.0.1:9/hooks', event_types: '["*"]', secret: sealSecret('whsec_AAAA', serverSecret), status: 'active', disabled_reason: null, document: '{}', created_at: 0, updated_at: 0, version: 1 }).execute();
      await enqueueEvent(server.store.db, { spaceId, type: 'booking.created', data: {}, at: server.clock.now });
      await dispatcher().runOnce();
      const [delivery] = await deliveries();
      assert.equal(delivery!.status, 'pending');
      assert.equal(delivery!.attempts, 1);
      assert.match(delivery!.last_error ?? '', /Not reached/);
    });

    test('a subscription sealed under another CODE_SECRET fails at once, saying so, and is not tried again', async () => {
      await reset();
      await subscribe();
      await enqueueEvent(server.store.db, { spaceId, type: 'booking.created', data: {}, at: server.clock.now });
      const rotated = createDispatcher({ db: server.store.db, kind, serverSecret: 'another server secret, after a rotation', now: () => server.clock.now, log: silent, timeoutMs: 2_000 });
      assert.equal(await rotated.runOnce(), 1);
      const [delivery] = await deliveries();
      assert.equal(delivery!.status, 'failed');
      assert.match(delivery!.last_error ?? '', /cannot be opened: CODE_SECRET changed/);
      const attempts = await server.store.db.selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', delivery!.id).execute();
      assert.equal(attempts.length, 1, 'the failure is in the delivery log');
      server.clock.advance(24 * 3_600_000);
      assert.equal(await rotated.runOnce(), 0, 'nothing is claimed again');
      assert.equal(receiver.received.length, 0);
    });

    test('dispatchers over separate connections deliver 60 events exactly once between them', async () => {
      await reset();
      await subscribe();
      for (let i = 0; i < 60; i++) await enqueueEvent(server.store.db, { spaceId, type: 'booking.created', data: { n: i }, at: server.clock.now });
      const stores = [anotherStore(), anotherStore()];
      try {
        const counts = await Promise.all([...stores, server.store].map((store) => dispatcher(store).runOnce()));
        assert.equal(counts.reduce((a, b) => a + b, 0), 60, `attempts: ${counts.join(' + ')}`);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
      assert.equal(receiver.received.length, 60);
      assert.equal(new Set(receiver.received.map((r) => r.data.n)).size, 60, 'no event twice');
      assert.ok((await deliveries()).every((d) => d.status === 'delivered'));
    });
  });
}
